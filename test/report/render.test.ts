/** Terminal, JSON and HTML rendering on hand-built Docs (no analyzers needed). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { formatDocSummary, formatBatchSummary, oneLine } from '../../src/report/terminal.js';
import { docToJsonLine, parseDocLine, docProblem } from '../../src/report/json.js';
import { renderHtml } from '../../src/report/html.js';
import { renderHighlighted, escapeHtml } from '../../src/report/highlight.js';
import { plainDoc, richDoc } from '../store/fixtures.js';

const batch = { failures: [], generatedAt: '2026-01-01T00:00:00Z', pipeline: 'tokens@1.0.0' };

test('terminal summary: metadata with how it was found, a few lines per layer, warnings; no color unless asked', () => {
  const doc = richDoc();
  const s = formatDocSummary(doc, { color: false });
  assert.ok(!s.includes('\x1b['));
  assert.match(s, /^Ministry accuses the rescuers/);
  assert.match(s, /outlet Example News \(record\) · published 2018-11-03 \(record\)/);
  assert.match(s, /language en \(franc, 95%\)/);
  assert.match(s, /2 furniture lines removed/);
  assert.match(s, /techniques: 3 spans, 2 kinds/);
  assert.match(s, /Name_Calling,Labeling 88% “pseudo-humanitarian bullies”/);
  assert.match(s, /Foreign Ministry → “These pseudo-humanitarian bullies stage provocations,”/);
  assert.match(s, /Moscow → “Moscow said on Friday/);
  assert.match(s, /match  83% The White Helmets are terrorists \(2018-05-02\)/);
  assert.match(s, /evidence: “Moscow said on Friday/);
  assert.match(s, /outlet profile: Example News \(example.org, by url\) — factuality low, bias right, Russia, state-affiliated/);
  assert.match(s, /warning: knowledge base is 30 days old/);
  assert.match(formatDocSummary(doc, { color: true }), /\x1b\[1m/);
  // Missing layers: only what is there.
  const bare = formatDocSummary(plainDoc('Just text.'), { color: false });
  assert.equal(bare.split('\n').length, 3);
  assert.match(bare, /^\(untitled: [0-9a-f]{6}\.txt\)/);
});

test('terminal output strips control characters from hostile text', () => {
  const doc = plainDoc('x', { title: 'evil\x1b[2J\x1b]0;pwned\x07 title\nsecond line' });
  const s = formatDocSummary(doc, { color: false });
  assert.ok(!s.includes('\x1b'));
  assert.ok(!s.includes('\x07'));
  assert.equal(oneLine('a\u2028b\r\nc'), 'a b c');
});

test('batch summary: counts, failures with input and reason, per-layer counts, rate', () => {
  const s = formatBatchSummary(
    { analyzed: 2, unchanged: 1, failed: 1, failures: [{ input: 'records.jsonl:2', reason: 'not valid JSON' }], layerCounts: { tokens: 900, techniques: 7, entities: 12 }, seconds: 1.5, pipeline: 'p@1' },
    { color: false },
  );
  assert.match(s, /4 inputs: 2 analyzed, 1 unchanged, 1 failed/);
  assert.match(s, /layers: entities 12, techniques 7/);
  assert.ok(!s.includes('tokens 900'));
  assert.match(s, /2\.0 articles\/s/);
  assert.match(s, /records\.jsonl:2: not valid JSON/);
});

test('JSON lines round-trip and bad lines are named', () => {
  const doc = richDoc({ hostile: true });
  const line = docToJsonLine(doc);
  assert.ok(!line.includes('\n'));
  assert.deepEqual(parseDocLine(line, 'out.jsonl:1'), doc);
  assert.throws(() => parseDocLine('{"schema":', 'out.jsonl:3'), /out\.jsonl:3: not valid JSON/);
  assert.throws(() => parseDocLine('{"schema":"other"}', 'out.jsonl:4'), /out\.jsonl:4: not a narrascope Doc: schema is "other"/);
  const bad = structuredClone(doc);
  bad.layers.techniques![0].end = doc.text.length + 5;
  assert.match(docProblem(bad)!, /layers\.techniques\[0\] has offsets .* outside the text/);
});

test('highlighting: overlapping and nested spans give well-formed, escaped HTML that keeps every character', () => {
  const text = 'a <b>&"c" d';
  const html = renderHighlighted(text, [
    { start: 0, end: 6, lane: 0, cls: 'x', title: 't<1>' },
    { start: 3, end: 11, lane: 2, cls: 'y', title: '"q"', anchor: 'an' },
    { start: 4, end: 5, lane: 1, cls: 'z', title: '' },
    { start: 5, end: 5, lane: 1, cls: 'empty', title: '' },
    { start: -3, end: 1000, lane: 5, cls: 'w', title: 'clamped' },
  ]);
  const dom = new JSDOM(`<div id="r">${html}</div>`);
  const r = dom.window.document.getElementById('r')!;
  assert.equal(r.textContent, text, 'text unchanged');
  assert.equal(r.querySelectorAll('script, b').length, 0, 'markup in the text is not markup');
  assert.equal(r.querySelectorAll('.empty').length, 0);
  assert.equal(r.querySelectorAll('#an').length, 1, 'anchor only on the first piece');
  // Every character covered by span 'y' is inside a .y element, and nothing else is.
  const covered = [...r.querySelectorAll('.y')].map((e) => e.textContent).join('');
  assert.equal(covered, text.slice(3, 11));
  assert.equal([...r.querySelectorAll('.x')].map((e) => e.textContent).join(''), text.slice(0, 6));
  assert.equal([...r.querySelectorAll('.z')].map((e) => e.textContent).join(''), text.slice(4, 5));
  // Higher lanes wrap lower ones.
  const z = r.querySelector('.z')!;
  assert.ok(z.closest('.y') && z.closest('.w'));
  assert.ok(!r.querySelector('.x')!.querySelector('.y'));
  assert.equal(escapeHtml(`<&>"'`), '&lt;&amp;&gt;&quot;&#39;');
});

test('HTML report: hostile text is escaped everywhere, every layer renders, CSP blocks anything injected', () => {
  const docs = [richDoc({ hostile: true }), plainDoc('A bare article with no layers.', { title: 'Bare <i>one</i>' })];
  const html = renderHtml(docs, { ...batch, failures: [{ input: 'bad<script>.txt', reason: 'empty <file>' }] });
  const dom = new JSDOM(html);
  const doc = dom.window.document;
  assert.equal(doc.querySelectorAll('script').length, 1, 'only our own script');
  assert.equal(doc.querySelectorAll('img, b, iframe').length, 0, 'no injected elements');
  assert.ok(!/<script>alert/.test(html));
  assert.match(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!, /default-src 'none'; .*script-src 'nonce-/);
  assert.ok(!/\s(src|href)="(?!#)(?!https?:\/\/example\.org)/.test(html), 'no external resources: only anchors and the article/case links');
  // The article text survives intact inside the highlighted block.
  const texts = doc.querySelectorAll('.article .text');
  assert.equal(texts.length, 2);
  assert.equal(texts[0].textContent, docs[0].text);
  assert.equal(texts[1].textContent, docs[1].text);
  for (const cls of ['l-techniques', 'l-entities', 'l-quotes', 'l-claims', 'l-narratives', 'l-loadedBaseline', 'ent-PER', 'ent-ORG']) {
    assert.ok(doc.querySelector(`.text .${cls}`), `highlight ${cls}`);
  }
  const tq = [...doc.querySelectorAll('.text .l-techniques')].map((e) => e.getAttribute('title')!).find((t) => t.includes('88%'))!;
  assert.match(tq, /Name Calling, Labeling · confidence 88% · techniques@0\.1\.0\nfeatures: word:bullies \(\+1\.70\)/);
  // Overlapping techniques: a piece covered by both is nested.
  assert.ok(doc.querySelector('.text .tq-9 .tq-8, .text .tq-8 .tq-9'), 'overlapping technique spans nest');
  assert.equal(doc.querySelectorAll('.legend .lg').length, 2 + 4 + 4);
  assert.deepEqual([...doc.querySelectorAll('input[data-layer]')].map((e) => e.getAttribute('data-layer')), ['techniques', 'entities', 'quotes', 'claims', 'narratives', 'loadedBaseline']);
  // Overview links to each article.
  const links = [...doc.querySelectorAll('table.overview a')].map((a) => a.getAttribute('href')!.slice(1));
  assert.equal(links.length, 2);
  for (const id of links) assert.ok(doc.getElementById(id));
  assert.match(doc.querySelector('table.overview')!.textContent!, /Bare <i>one<\/i>/);
  // Who says what, narratives, outlet, warnings, removed furniture, failures.
  const who = doc.querySelector('table.who')!.textContent!;
  assert.match(who, /Foreign Ministry/);
  assert.match(who, /Maria Zakharova/);
  const narr = doc.querySelector('table.narr')!;
  assert.match(narr.textContent!, /case-123.*2018-05-02.*The White Helmets are terrorists <script>/s);
  assert.equal(narr.querySelector('a.jump')!.getAttribute('href'), '#n0-0');
  assert.ok(doc.getElementById('n0-0')!.classList.contains('l-narratives'));
  assert.match(doc.querySelector('dl.outlet')!.textContent!, /State-affiliatedyes/);
  assert.match(doc.querySelector('.warnings')!.textContent!, /knowledge base is 30 days old <script>/);
  const removed = doc.querySelector('details.removed')!;
  assert.equal(removed.hasAttribute('open'), false, 'furniture is shown on demand');
  assert.equal(removed.querySelectorAll('tbody tr').length, 2);
  assert.match(removed.textContent!, /widget-label, short-no-verb0\.93/);
  assert.match(doc.querySelector('table.failures')!.textContent!, /bad<script>\.txtempty <file>/);
  // The bare article renders with nothing but its text.
  const bare = doc.querySelectorAll('section.article')[1];
  assert.equal(bare.querySelectorAll('.hl, table, details').length, 0);
  // A javascript: URL is never a link.
  const evil = plainDoc('t', { url: 'javascript:alert(1)' });
  assert.ok(!renderHtml([evil], batch).includes('href="javascript'));
});

test('HTML report with no documents still renders', () => {
  const html = renderHtml([], { ...batch, failures: [{ input: 'a.txt', reason: 'empty file' }] });
  const doc = new JSDOM(html).window.document;
  assert.match(doc.body.textContent!, /No articles were analyzed/);
  assert.equal(doc.querySelectorAll('table.failures tbody tr').length, 1);
});

test('reports survive layer items with missing fields (an analyzer bug must not lose the whole report)', () => {
  const d = plainDoc('Loose items everywhere in this text.');
  const L = d.layers as Record<string, unknown>;
  L.techniques = [{ start: 0, end: 5, technique: 'Doubt', confidence: 0.5, by: 't@1' }];
  L.claims = [{ start: 0, end: 5, confidence: 0.5, by: 'c@1', speaker: { name: 'X' } }, { start: 6, end: 11, confidence: 0.5, by: 'c@1' }];
  L.narratives = [{ start: 0, end: 5, caseId: 'c1', claim: 'k', confidence: 0.5, by: 'n@1' }];
  L.narrativeLabels = [{ label: 'L', confidence: 0.5, by: 'n@1' }];
  L.entityIndex = [{ id: 'e1', key: 'k', canonical: 'K', label: 'ORG' }];
  d.removed = [{ text: 'x', line: 1, at: 0 } as unknown as (typeof d.removed)[number]];
  const html = renderHtml([d], batch);
  assert.match(html, /Doubt/);
  assert.match(formatDocSummary(d, { color: false }), /narrative matches: 1/);
});
