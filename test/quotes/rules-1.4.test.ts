/**
 * Rule added in quotes@1.4.0: transcript turns ("BERG: …"). Written after the blind run of batch 7,
 * whose one TV transcript had none of its 32 speaker turns found. Invented texts (a made-up harbour
 * town); negative cases for one-off labels, labels that name nobody in the article, and short turns.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes, QUOTES_BY } from '../../src/analyzers/quotes/find.js';
import { docWith } from './helpers.js';

const find = (text: string) => findQuotes(docWith(text)).map((q) => ({ kind: q.kind, speaker: q.speaker?.name, content: text.slice(q.content.start, q.content.end), by: q.by }));

const transcript = [
  'Harbour radio host Tomas Brandt spoke with the harbour master Ana Berg on Monday.',
  'BRANDT: The fire burned for two days and the ferries stopped, so what happens to the port now?',
  'BERG: We will reopen the north quay next week.',
  'The south quay needs new cranes before any ship can dock there.',
  'BRANDT: Thanks.',
  'ANA BERG, HARBOUR OFFICE: One more thing about the ferries, they run again on Friday.',
].join('\n');

test('transcript turns: each labelled turn is a quote of the person the label names, running to the next label', () => {
  const qs = find(transcript);
  const brandt = qs.find((q) => /fire burned/.test(q.content));
  assert.equal(brandt?.speaker, 'Tomas Brandt');
  assert.equal(brandt?.kind, 'colon');
  assert.equal(brandt?.by, QUOTES_BY);
  // A turn over two lines is one quote, without the label.
  const berg = qs.find((q) => /north quay/.test(q.content));
  assert.equal(berg?.speaker, 'Ana Berg');
  assert.match(berg!.content, /^We will reopen the north quay next week\.\nThe south quay needs new cranes before any ship can dock there\.$/);
  // A label with an affiliation after a comma.
  assert.equal(qs.find((q) => /run again on Friday/.test(q.content))?.speaker, 'Ana Berg');
  // A turn under four words is not reported.
  assert.equal(qs.some((q) => q.content === 'Thanks.'), false);
});

test('transcript turns: a one-off label, or labels that name nobody in the article, are not speakers', () => {
  const oneOff = 'The port stays closed after the fire, Ana Berg said on Monday.\nUPDATE: The ferries will run again from Friday morning.';
  assert.equal(find(oneOff).some((q) => /ferries will run/.test(q.content)), false);
  // Two labelled lines, but nobody in the text is called Warning or Watch.
  const noName = 'The port stays closed after the fire.\nWARNING: The north quay is unsafe for all visitors this week.\nWATCH: Drone footage shows the burned cranes at the quay.';
  assert.deepEqual(find(noName), []);
  // Initials that match no full name of the article name nobody (since quotes@1.14.0 initials that match exactly one
  // full name are that person's turns: rules-1.14.test.ts).
  const initials = 'Ana Berg spoke to Tomas Brandt.\nTK: What happens to the port now after the fire?\nAL: We will reopen the north quay next week.';
  assert.equal(find(initials).some((q) => q.speaker), false);
});
