import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chunks, parseConll, scoreConll } from '../../src/eval/conll.js';

test('chunks: IOB2 spans with types', () => {
  assert.deepEqual(chunks(['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'I-LOC']), [
    { type: 'PER', start: 0, end: 2 },
    { type: 'LOC', start: 3, end: 4 },
    { type: 'LOC', start: 4, end: 6 },
  ]);
});

test('chunks: IOB1 tolerant (I- after O or another type starts a chunk)', () => {
  assert.deepEqual(chunks(['I-ORG', 'I-ORG', 'O', 'I-PER', 'I-LOC', 'B-LOC']), [
    { type: 'ORG', start: 0, end: 2 },
    { type: 'PER', start: 3, end: 4 },
    { type: 'LOC', start: 4, end: 5 },
    { type: 'LOC', start: 5, end: 6 },
  ]);
  assert.deepEqual(chunks(['O', 'O']), []);
});

test('scoreConll: exact type and boundary match, per type and overall', () => {
  const s = scoreConll([
    // gold: PER(0-2), LOC(3); pred: PER(0-1) wrong boundary, LOC(3) right, ORG(5) spurious
    { gold: ['B-PER', 'I-PER', 'O', 'B-LOC', 'O', 'O'], pred: ['B-PER', 'O', 'O', 'B-LOC', 'O', 'B-ORG'] },
    // gold MISC(1) found with the wrong type
    { gold: ['O', 'B-MISC'], pred: ['O', 'B-ORG'] },
  ]);
  assert.equal(s.overall.gold, 3);
  assert.equal(s.overall.found, 4);
  assert.equal(s.overall.correct, 1);
  assert.equal(s.overall.precision, 1 / 4);
  assert.equal(s.overall.recall, 1 / 3);
  assert.ok(Math.abs(s.overall.f1 - (2 * 0.25 * (1 / 3)) / (0.25 + 1 / 3)) < 1e-12);
  assert.deepEqual([s.byType.LOC.precision, s.byType.LOC.recall, s.byType.LOC.f1], [1, 1, 1]);
  assert.deepEqual([s.byType.PER.correct, s.byType.PER.found, s.byType.PER.gold], [0, 1, 1]);
  assert.deepEqual([s.byType.ORG.found, s.byType.ORG.gold, s.byType.ORG.f1], [2, 0, 0]);
  assert.deepEqual([s.byType.MISC.found, s.byType.MISC.gold, s.byType.MISC.recall], [0, 1, 0]);
  assert.equal(s.tokens, 8);
  assert.equal(s.tokenAccuracy, 5 / 8);
});

test('scoreConll: an IOB1 prediction of the same chunk counts as correct', () => {
  const s = scoreConll([{ gold: ['B-ORG', 'I-ORG', 'O'], pred: ['I-ORG', 'I-ORG', 'O'] }]);
  assert.equal(s.overall.f1, 1);
});

test('parseConll: documents, sentences, tags and line numbers', () => {
  const text = '-DOCSTART- O\n\nEU B-ORG\nrejects O\n\nPeter B-PER\nBlackburn I-PER\n-DOCSTART- O\n\nBonn B-LOC\n';
  const docs = parseConll(text, 'x.txt');
  assert.equal(docs.length, 2);
  assert.equal(docs[0].sentences.length, 2);
  assert.deepEqual(
    docs[0].sentences[1].tokens.map((t) => [t.word, t.tag, t.line]),
    [
      ['Peter', 'B-PER', 6],
      ['Blackburn', 'I-PER', 7],
    ],
  );
  assert.equal(docs[1].sentences[0].tokens[0].word, 'Bonn');
});

test('parseConll: malformed lines are errors naming file and line', () => {
  assert.throws(() => parseConll('EU B-ORG\nrejects\n', 'bad.txt'), /bad\.txt:2: expected 'TOKEN TAG'/);
  assert.throws(() => parseConll('EU B-ORG\nrejects X-FOO\n', 'bad.txt'), /bad\.txt:2: invalid tag "X-FOO"/);
  assert.throws(() => parseConll('EU NNP B-ORG\nrejects O\n', 'bad.txt'), /bad\.txt:2: expected 3 columns \(as on line 1\), found 2/);
  // Untagged input is fine for tagging, but must be consistent.
  assert.equal(parseConll('EU\nrejects\n', 'plain.txt', false)[0].sentences[0].tokens.length, 2);
  assert.throws(() => parseConll('EU\nrejects VBZ\n', 'plain.txt', false), /plain\.txt:2: expected 1 columns/);
});
