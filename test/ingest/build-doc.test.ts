/** HTML extraction, metadata (title, dates, outlet, language, hash) and buildDoc on invented inputs. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fixture } from './helpers.js';
import { buildDoc, sanitizeId } from '../../src/ingest/build-doc.js';
import { IngestError } from '../../src/ingest/errors.js';
import { extractHtml } from '../../src/ingest/extract-html.js';
import { contentHash } from '../../src/ingest/metadata.js';
import { registrableDomain } from '../../src/ingest/outlet.js';
import { detectLanguage } from '../../src/ingest/language.js';
import { parseDateValue } from '../../src/ingest/dates.js';
import type { ArticleInput } from '../../src/ingest/types.js';

const src = { kind: 'inline' as const, path: 'test' };
const BODY = 'The invented river port of Dunlow reopened its grain quay on Monday after a month of repairs, the port director said.';
const BODY2 = '"The quay is stronger than it has ever been," the director told reporters, adding that ships had already started to return.';

test('HTML: main content without nav, share bar, ads, comments or footer; metadata from the head', () => {
  const html = readFileSync(fixture('page.html'), 'utf8');
  const x = extractHtml(html);
  assert.equal(x.method, 'readability');
  assert.equal(x.title, 'Harbor Council Delays Bridge Vote');
  assert.equal(x.titleMethod, 'html-meta:og:title');
  assert.deepEqual(x.published, { value: '2024-03-05T08:30:00+01:00', method: 'html-meta:article:published_time' });
  assert.equal(x.canonicalUrl, 'https://www.coastal-ledger.example.co.uk/news/harbor-bridge-vote');
  assert.equal(x.siteName, 'The Coastal Ledger');
  assert.equal(x.lang, 'en');
  const doc = buildDoc({ source: src, format: 'html', html });
  for (const junk of ['Home', 'Menu', 'Tweet', 'Advertisement', 'Leave a comment', 'All rights reserved', 'newsletter', 'hacked', 'color: red']) {
    assert.ok(!doc.text.includes(junk), `'${junk}' left in the text`);
  }
  assert.equal(doc.layers.paragraphs!.length, 5);
  assert.ok(doc.text.startsWith('The harbor council of the fictional town of Wrenmouth'));
  assert.ok(doc.removed.some((r) => r.text === 'Advertisement' && r.reasons.includes('ad-marker')));
  assert.equal(doc.meta.published?.value, '2024-03-05T07:30:00Z');
  assert.equal(doc.meta.outlet?.value, 'example.co.uk');
  assert.equal(doc.meta.outlet?.method, 'url');
  assert.equal(doc.meta.url, x.canonicalUrl);
  assert.equal(doc.meta.extra?.siteName, 'The Coastal Ledger');
});

test('HTML dates from JSON-LD and <time> when there is no meta tag', () => {
  const page = (head: string, body = '') => `<html><head>${head}</head><body><article>${body}<p>${BODY}</p><p>${BODY2}</p></article></body></html>`;
  assert.deepEqual(extractHtml(page('<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2023-07-01T10:00:00Z"}]}</script>')).published, { value: '2023-07-01T10:00:00Z', method: 'json-ld:datePublished' });
  assert.deepEqual(extractHtml(page('', '<time datetime="2022-12-24">Dec 24</time>')).published, { value: '2022-12-24', method: 'html-time' });
  assert.equal(extractHtml(page('<script type="application/ld+json">{broken</script>')).published, undefined);
});

test('a short HTML page that Readability gives up on still yields its body text, cleaned', () => {
  const doc = buildDoc({ source: src, format: 'html', html: `<html><body><nav>Home Menu</nav><p>${BODY}</p><div>Share</div></body></html>` });
  assert.equal(doc.text, BODY);
});

test('feed fragments are converted whole', () => {
  const doc = buildDoc({ source: src, format: 'rss', html: `<p>${BODY}</p><p>${BODY2}</p>`, title: 'Quay reopens' });
  assert.equal(doc.text, `${BODY}\n\n${BODY2}`);
  assert.equal(doc.meta.title?.value, 'Quay reopens');
  assert.equal(doc.meta.title?.method, 'record');
});

test('record fields win and say so', () => {
  const input: ArticleInput = { source: src, format: 'jsonl', id: 'a/b c', text: `${BODY}\n\n${BODY2}`, title: 'Quay reopens', published: '2024-02-05T10:00:00+02:00', outlet: 'Dunlow Post', url: 'https://www.news.dunlow-post.example/quay', extra: { author: 'X' } };
  const doc = buildDoc(input);
  assert.equal(doc.id, 'a_b_c');
  assert.deepEqual(doc.meta.title, { value: 'Quay reopens', method: 'record', confidence: 0.95 });
  assert.deepEqual(doc.meta.published, { value: '2024-02-05T08:00:00Z', method: 'record', evidence: '2024-02-05T10:00:00+02:00', confidence: 0.9 });
  assert.deepEqual(doc.meta.outlet, { value: 'Dunlow Post', method: 'record', confidence: 0.95 });
  assert.equal(doc.meta.url, input.url);
  assert.deepEqual(doc.meta.extra, { author: 'X' });
  const noOutlet = buildDoc({ ...input, outlet: undefined });
  assert.deepEqual(noOutlet.meta.outlet, { value: 'dunlow-post.example', method: 'url', evidence: input.url, confidence: 0.9 });
});

test('an unreadable record date is a warning, not a silent drop', () => {
  const doc = buildDoc({ source: src, format: 'json', text: BODY, published: 'sometime last spring' });
  assert.equal(doc.meta.published, undefined);
  assert.match(doc.warnings![0].message, /could not read the record's published date 'sometime last spring'/);
  assert.match(doc.warnings![0].by, /^ingest@/);
});

test('plain text: a title line is taken as the title, with its method', () => {
  const doc = buildDoc({ source: src, format: 'text', text: `Grain Quay Reopens In Dunlow\n\n${BODY}\n\n${BODY2}` });
  assert.deepEqual(doc.meta.title, { value: 'Grain Quay Reopens In Dunlow', method: 'text:first-line', evidence: 'line 1', confidence: 0.6 });
  assert.equal(doc.text, `${BODY}\n\n${BODY2}`);
});

test('nothing left after cleaning -> IngestError naming the source and why', () => {
  assert.throws(
    () => buildDoc({ source: { kind: 'file', path: 'junk.txt' }, format: 'text', text: 'Listen Live\nShare\n- Advertisement -\n' }),
    (err: unknown) => err instanceof IngestError && err.source.path === 'junk.txt' && /no article text left after cleaning: all 3 line\(s\) were page furniture/.test(err.reason) && err.message.startsWith('junk.txt: '),
  );
  assert.throws(() => buildDoc({ source: src, format: 'json' }), IngestError);
});

test('content hash ignores case and whitespace; id falls back to it', () => {
  assert.equal(contentHash('A  b\nC'), contentHash('a b c'));
  assert.notEqual(contentHash('a b c'), contentHash('a b d'));
  const doc = buildDoc({ source: src, format: 'text', text: BODY });
  assert.equal(doc.id, doc.meta.contentHash.slice(0, 16));
  assert.equal(sanitizeId('  ../etc/passwd '), 'etc_passwd');
});

test('outlet domains: www stripped, two-level suffixes kept', () => {
  assert.equal(registrableDomain('https://www.example.com/a'), 'example.com');
  assert.equal(registrableDomain('https://news.example.co.uk/a'), 'example.co.uk');
  assert.equal(registrableDomain('https://sub.deep.example.org'), 'example.org');
  assert.equal(registrableDomain('http://127.0.0.1:8080/x'), '127.0.0.1');
  assert.equal(registrableDomain('not a url'), undefined);
});

test('language: ISO 639-1 when known, und when too short', () => {
  assert.equal(detectLanguage(`${BODY} ${BODY2}`).value, 'en');
  assert.equal(detectLanguage('Власти вымышленного города Верхнеречье в понедельник открыли новый мост через реку, сообщил мэр.').value, 'ru');
  assert.equal(detectLanguage('Die Stadtverwaltung der erfundenen Stadt Kellbach hat am Montag eine neue Brücke eröffnet, sagte der Bürgermeister.').value, 'de');
  const short = detectLanguage('Hi there');
  assert.equal(short.value, 'und');
  assert.equal(short.confidence, 0);
});

test('date values: epoch, ISO with zone, RFC 822, and prose dates', () => {
  assert.equal(parseDateValue('1715000000'), '2024-05-06T12:53:20Z');
  assert.equal(parseDateValue('2024-02-05T10:00:00+02:00'), '2024-02-05T08:00:00Z');
  assert.equal(parseDateValue('Tue, 02 Apr 2024 09:00:00 GMT'), '2024-04-02T09:00:00Z');
  assert.equal(parseDateValue('5 March 2021'), '2021-03-05');
  assert.equal(parseDateValue('2021-03-05'), '2021-03-05');
  assert.equal(parseDateValue('yesterday'), undefined);
});
