/** The SemEval-2020 Task 11 scorers on hand-made cases whose answers are worked out by hand. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeSpans, scoreSi, scoreTc } from '../../src/eval/ptc/score.js';

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} != ${b}`);

test('SI: half-overlapping spans give P = R = F1 = 0.5', () => {
  const s = scoreSi([{ id: 'a', start: 0, end: 10 }], [{ id: 'a', start: 5, end: 15 }]);
  close(s.precision, 0.5);
  close(s.recall, 0.5);
  close(s.f1, 0.5);
});

test('SI: overlapping gold spans are merged before scoring', () => {
  const s = scoreSi([{ id: 'a', start: 0, end: 15 }], [{ id: 'a', start: 0, end: 10 }, { id: 'a', start: 5, end: 15 }]);
  assert.equal(s.gold, 1);
  close(s.f1, 1);
});

test('SI: touching spans are not merged (no shared character)', () => {
  assert.deepEqual(mergeSpans([{ start: 5, end: 10 }, { start: 0, end: 5 }]), [{ start: 0, end: 5 }, { start: 5, end: 10 }]);
  const s = scoreSi([{ id: 'a', start: 0, end: 10 }], [{ id: 'a', start: 0, end: 5 }, { id: 'a', start: 5, end: 10 }]);
  // P = (5/10 + 5/10) / 1 pred; R = (5/5 + 5/5) / 2 gold.
  close(s.precision, 1);
  close(s.recall, 1);
});

test('SI: two small predictions inside one gold span — full precision, partial recall', () => {
  const s = scoreSi([{ id: 'a', start: 0, end: 2 }, { id: 'a', start: 8, end: 10 }], [{ id: 'a', start: 0, end: 10 }]);
  close(s.precision, 1);
  close(s.recall, 0.4);
  close(s.f1, (2 * 0.4) / 1.4);
});

test('SI: spans of different articles never match; no predictions score 0', () => {
  const s = scoreSi([{ id: 'b', start: 0, end: 10 }], [{ id: 'a', start: 0, end: 10 }]);
  assert.equal(s.f1, 0);
  const none = scoreSi([], [{ id: 'a', start: 0, end: 10 }]);
  assert.equal(none.precision, 0);
  assert.equal(none.f1, 0);
});

test('SI: one prediction over two separate gold spans', () => {
  // pred [0,20); gold [0,5) and [15,25). P = (5 + 5)/20 = 0.5; R = (5/5 + 5/10)/2 = 0.75.
  const s = scoreSi([{ id: 'a', start: 0, end: 20 }], [{ id: 'a', start: 0, end: 5 }, { id: 'a', start: 15, end: 25 }]);
  close(s.precision, 0.5);
  close(s.recall, 0.75);
});

test('TC: a span with two gold techniques needs two distinct correct predictions', () => {
  const gold = [
    { id: 'a', start: 0, end: 5, technique: 'Loaded_Language' },
    { id: 'a', start: 0, end: 5, technique: 'Name_Calling,Labeling' },
    { id: 'a', start: 9, end: 12, technique: 'Doubt' },
  ];
  const both = scoreTc(
    [
      { id: 'a', start: 0, end: 5, technique: 'Name_Calling,Labeling' },
      { id: 'a', start: 0, end: 5, technique: 'Loaded_Language' },
      { id: 'a', start: 9, end: 12, technique: 'Doubt' },
    ],
    gold,
  );
  close(both.microF1, 1);
  const dup = scoreTc(
    [
      { id: 'a', start: 0, end: 5, technique: 'Loaded_Language' },
      { id: 'a', start: 0, end: 5, technique: 'Loaded_Language' },
      { id: 'a', start: 9, end: 12, technique: 'Slogans' },
    ],
    gold,
  );
  // Only the first Loaded_Language matches: 1 of 3.
  close(dup.microF1, 1 / 3);
  assert.equal(dup.byClass['Loaded_Language'].correct, 1);
  assert.equal(dup.byClass['Loaded_Language'].predicted, 2);
  close(dup.byClass['Loaded_Language'].precision, 0.5);
  close(dup.byClass['Doubt'].recall, 0);
  assert.equal(dup.byClass['Slogans'].f1, 0);
});

test('TC: the right label on a shifted span does not count', () => {
  const s = scoreTc([{ id: 'a', start: 1, end: 5, technique: 'Doubt' }], [{ id: 'a', start: 0, end: 5, technique: 'Doubt' }]);
  assert.equal(s.microF1, 0);
});
