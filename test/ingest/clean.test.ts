/** The furniture classifier on small invented pages: each rule, context, datelines, notes, titles. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanText, normalizeSpace } from '../../src/ingest/clean.js';
import { CLEAN_RULES, THRESHOLD, furnitureScore } from '../../src/ingest/clean-rules.js';

const BODY1 = 'The ferry company of the invented island of Brannoch cancelled all crossings on Thursday because of a storm, a spokesman said.';
const BODY2 = '"We cannot put passengers at risk in these conditions," the spokesman told the local radio station in a brief interview.';
const BODY3 = 'Crossings are expected to resume on Saturday morning if the wind drops, according to the harbour office.';

function reasonsOf(text: string, line: number): string[] {
  const r = cleanText(text).lines.find((l) => l.line === line);
  assert.ok(r, `no verdict for line ${line}`);
  return r.reasons;
}

test('the rules table is readable and complete', () => {
  const names = CLEAN_RULES.map((r) => r.name);
  for (const n of ['widget-label', 'share-prompt', 'ad-marker', 'read-more', 'subscribe-prompt', 'comment-label', 'tag-list', 'related-headline', 'timestamp-line', 'short-no-verb', 'sentence-like', 'quote', 'long-line', 'note', 'dateline-prefix', 'title']) {
    assert.ok(names.includes(n), `rule ${n} missing`);
  }
  assert.equal(new Set(names).size, names.length, 'duplicate rule names');
  for (const r of CLEAN_RULES) assert.ok(r.description.length > 10 && Number.isFinite(r.weight));
  assert.ok(furnitureScore([]) < THRESHOLD, 'a line with no evidence must be kept');
  assert.ok(furnitureScore(['widget-label']) >= THRESHOLD);
  assert.ok(furnitureScore(['subscribe-prompt', 'sentence-like']) >= THRESHOLD);
  assert.ok(furnitureScore(['after-body', 'sentence-like']) < THRESHOLD);
});

test('page furniture lines are removed with the rule that fired', () => {
  const page = [
    'Listen Live', 'Get short URL', '', BODY1, '', '- Advertisement -', '', BODY2, '', 'READ MORE: Island Council Debates Ferry Subsidy', '', BODY3, '',
    'Subscribe to our newsletter', 'Storm Closes Coastal Road For Second Day', 'Fishermen Count Losses After Gales', 'Brannoch, Ferries, Weather, Scotland',
    'Community standardsDiscussion', '© 2024 Invented Media Group. All rights reserved.',
  ].join('\n');
  const r = cleanText(page);
  const byLine = new Map(r.lines.map((l) => [l.line, l]));
  const expect: [number, string][] = [
    [1, 'widget-label'], [2, 'share-prompt'], [6, 'ad-marker'], [10, 'read-more'], [14, 'subscribe-prompt'],
    [15, 'related-headline'], [16, 'related-headline'], [17, 'tag-list'], [18, 'comment-label'], [19, 'copyright'],
  ];
  for (const [line, rule] of expect) {
    const v = byLine.get(line)!;
    assert.equal(v.kind, 'furniture', `line ${line} kept: ${v.reasons.join(',')}`);
    assert.ok(v.reasons.includes(rule), `line ${line}: expected ${rule}, got ${v.reasons.join(',')}`);
  }
  assert.equal(r.text, [BODY1, BODY2, BODY3].join('\n\n'));
  assert.equal(r.removed.length, expect.length);
  assert.ok(r.removed.every((b) => b.reasons.length && b.score >= THRESHOLD));
  // Blocks sit where they were: the ad between paragraphs 1 and 2.
  const ad = r.removed.find((b) => b.line === 6)!;
  assert.equal(ad.at, BODY1.length + 2);
  assert.equal(r.removed.find((b) => b.line === 1)!.at, 0);
  assert.equal(r.removed.find((b) => b.line === 19)!.at, r.text.length);
});

test('a headline-like line is furniture at the end but not in the body', () => {
  const inBody = [BODY1, 'Storm Closes Coastal Road For Second Day', BODY2, BODY3].join('\n\n');
  const v = cleanText(inBody).lines[1];
  assert.ok(!v.reasons.includes('related-headline'));
  assert.equal(v.kind, 'body');
  const atEnd = [BODY1, BODY2, BODY3, 'Storm Closes Coastal Road For Second Day'].join('\n\n');
  assert.equal(cleanText(atEnd).lines[3].kind, 'furniture');
});

test('a trailing sentence is not furniture just because it comes last', () => {
  const text = [BODY1, BODY2, 'The harbour office will publish a new timetable on Friday.'].join('\n\n');
  assert.equal(cleanText(text).text, text);
});

test('a last body line without final punctuation is kept (ties go to the body)', () => {
  const text = [BODY1, BODY2, 'The harbour office expects the ferries to run again by the weekend'].join('\n\n');
  assert.equal(cleanText(text).text, text);
});

test('subscribe prompt needs three cues in a sentence: a body sentence mentioning a newsletter stays', () => {
  const body = 'The ministry said it had stopped printing its weekly newsletter for farmers, who can now sign up online instead.';
  const r = cleanText([BODY1, body, BODY2].join('\n\n'));
  assert.equal(r.lines[1].kind, 'body');
  assert.ok(!r.lines[1].reasons.includes('subscribe-prompt'));
  const prompt = cleanText([BODY1, BODY2, 'Sign up to our newsletter to get the latest stories delivered to your inbox.'].join('\n\n'));
  assert.equal(prompt.lines[2].kind, 'furniture');
  assert.ok(prompt.lines[2].reasons.includes('subscribe-prompt'));
});

test('timestamp lines: unlabelled page clock vs labelled publication date', () => {
  const r = cleanText(['09:15 GMT12 March 2023', 'Published: 4 February 2022, 10:30 UTC', BODY1, BODY2].join('\n'));
  assert.deepEqual(r.lines.slice(0, 2).map((l) => l.kind), ['furniture', 'furniture']);
  assert.ok(r.lines[0].reasons.includes('timestamp-line'));
  const [clock, pub] = r.dates;
  assert.equal(clock.label, 'none');
  assert.equal(clock.date.iso, '2023-03-12T09:15:00Z');
  assert.ok(clock.date.timeFirst);
  assert.equal(pub.label, 'published');
  assert.equal(pub.date.iso, '2022-02-04T10:30:00Z');
});

test('a dateline prefix is cut from the opening line and recorded; the sentence stays', () => {
  const r = cleanText(`Posted on: Jan 9, 2020 @ 08:05 – ${BODY1}\n\n${BODY2}`);
  assert.equal(r.text, `${BODY1}\n\n${BODY2}`);
  assert.equal(r.removed.length, 1);
  assert.deepEqual(r.removed[0].reasons, ['dateline-prefix']);
  assert.equal(r.removed[0].text, 'Posted on: Jan 9, 2020 @ 08:05 –');
  assert.equal(r.removed[0].at, 0);
  assert.equal(r.dates[0].where, 'prefix');
  assert.equal(r.dates[0].label, 'published');
  assert.equal(r.dates[0].date.iso, '2020-01-09T08:05');
  assert.equal(r.paragraphs[0].start, 0);
  assert.equal(r.paragraphs[0].end, BODY1.length);
});

test('a date inside a sentence is not a dateline', () => {
  const line = 'On March 3, 2021 the council of the invented town of Arl voted to close the old bridge, officials said.';
  const r = cleanText(`${line}\n\n${BODY2}`);
  assert.equal(r.text, `${line}\n\n${BODY2}`);
  assert.equal(r.dates.length, 0);
});

test('editorial footnotes are kept and marked as notes', () => {
  const text = [BODY1, 'The group known as the Gray Lantern* denied any role in the blockade.', BODY2, '*Gray Lantern — an invented movement, outlawed in the fictional republic of Varn.', "Editor's note: this story was updated to correct the date of the storm."].join('\n\n');
  const r = cleanText(text);
  assert.equal(r.text, text);
  const kinds = r.paragraphs.map((p) => p.kind);
  assert.deepEqual(kinds, ['body', 'body', 'body', 'note', 'note']);
  assert.ok(r.lines[3].reasons.includes('note'));
});

test('plain-text title: the first title-like line goes to the title, not the text', () => {
  const r = cleanText(`Ferries Halted As Storm Hits Island\n\n${BODY1}\n\n${BODY2}`, { findTitle: true });
  assert.deepEqual(r.title, { text: 'Ferries Halted As Storm Hits Island', line: 1 });
  assert.equal(r.text, `${BODY1}\n\n${BODY2}`);
  assert.deepEqual(r.removed[0].reasons.slice(0, 1), ['title']);
  // Without findTitle the line is kept (a known title comes from the record instead).
  assert.ok(cleanText(`Ferries Halted As Storm Hits Island\n\n${BODY1}`).text.startsWith('Ferries'));
  // A known title repeated at the top is removed.
  const k = cleanText(`Ferries halted as storm hits island\n\n${BODY1}`, { knownTitle: 'Ferries Halted as Storm Hits Island' });
  assert.equal(k.text, BODY1);
  assert.equal(k.title?.line, 1);
});

test('whitespace is normalized, words are not changed', () => {
  const raw = `   The\u00A0harbour   office\tsaid  on Monday that the pier would reopen soon.\u200B  \r\n\r\n\t${BODY2}  `;
  const r = cleanText(raw);
  assert.equal(r.text, `The harbour office said on Monday that the pier would reopen soon.\n\n${BODY2}`);
  assert.equal(normalizeSpace('\u00A0a\u202Fb  c\u3000'), 'a b c');
});

test('hard-wrapped lines are joined into one paragraph', () => {
  const raw = 'The fishing fleet of the invented port of Caddow stayed\nin harbour for a third day on Sunday as the storm\ncontinued, the harbour master said.\n\n' + BODY2;
  const r = cleanText(raw);
  assert.equal(r.paragraphs.length, 2);
  assert.ok(r.text.startsWith('The fishing fleet of the invented port of Caddow stayed in harbour for a third day'));
});

test('short lines without a verb: furniture at the edges, crossheads inside the body are kept', () => {
  const top = cleanText(`Regional election results\n\n${BODY1}\n\n${BODY2}`).lines[0];
  assert.ok(top.reasons.includes('short-no-verb'));
  assert.equal(top.kind, 'furniture');
  const mid = cleanText(`${BODY1}\n\nRegional election results\n\n${BODY2}`).lines[1];
  assert.deepEqual(mid.reasons, ['short-no-verb', 'in-body']);
  assert.equal(mid.kind, 'body');
  // ...but an ad marker inside the body is still removed.
  assert.equal(cleanText(`${BODY1}\n\nAdvertisement\n\n${BODY2}`).lines[1].kind, 'furniture');
  // Short sentences and lines introducing a quote are body.
  const r = cleanText(`${BODY1}\n\nShe declined.\n\nThe harbour office said:\n\n${BODY2}`);
  assert.deepEqual(r.lines.map((l) => l.kind), ['body', 'body', 'body', 'body']);
});

test('short lines carrying a link are furniture', () => {
  const r = cleanText(`${BODY1}\n\nFollow the port on: https://port.example/feed\n\nhttps://video.example/v/123\n\n${BODY2}`);
  assert.ok(r.lines[1].reasons.includes('link-line'));
  assert.ok(r.lines[2].reasons.includes('url-only'));
  assert.equal(r.text, `${BODY1}\n\n${BODY2}`);
});

test('empty or all-furniture text gives empty output, with every line accounted for', () => {
  const r = cleanText('Listen Live\nShare\nAdvertisement\n');
  assert.equal(r.text, '');
  assert.equal(r.removed.length, 3);
  assert.equal(cleanText('').text, '');
});
