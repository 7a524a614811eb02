import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NerModel, allowed, trainNer, type NerDoc } from '../../src/models/ner-tagger.js';
import { HashedModel, PerceptronTrainer, hash32 } from '../../src/models/perceptron.js';
import { conllForm, shape } from '../../src/models/ner-features.js';

// Tiny hand-made training set: names after "Mr." are people, words after "in" are places.
function tinyDocs(): NerDoc[] {
  const people = ['Smith', 'Jones', 'Brown', 'Taylor', 'Wilson', 'Evans'];
  const places = ['Paris', 'Lyon', 'Rome', 'Oslo', 'Bern', 'Kiev'];
  const docs: NerDoc[] = [];
  for (let d = 0; d < 6; d++) {
    const sentences: string[][] = [];
    const tags: string[][] = [];
    for (let k = 0; k < 4; k++) {
      const p = people[(d + k) % people.length];
      const l = places[(d * 2 + k) % places.length];
      sentences.push(['Mr.', p, 'arrived', 'in', l, 'today', '.']);
      tags.push(['O', 'B-PER', 'O', 'O', 'B-LOC', 'O', 'O']);
    }
    docs.push({ sentences, tags });
  }
  return docs;
}

test('features: CoNLL forms and shapes', () => {
  assert.equal(conllForm('\u201CHello\u201D'), '"Hello"');
  assert.equal(conllForm('\u2019s'), "'s");
  assert.equal(conllForm('\u2014'), '--');
  assert.equal(shape('Nebenzia'), 'Xxx');
  assert.equal(shape('1996-08-22'), 'dd-dd-dd');
  assert.equal(shape('U.S.'), 'X.X.');
});

test('BIO constraint: I-X only after B-X or I-X', () => {
  assert.equal(allowed('O', 'I-PER'), false);
  assert.equal(allowed('B-LOC', 'I-PER'), false);
  assert.equal(allowed('B-PER', 'I-PER'), true);
  assert.equal(allowed('O', 'B-PER'), true);
});

test('averaged perceptron learns a separable toy problem and survives hashing', () => {
  const t = new PerceptronTrainer(['a', 'b']);
  const data: [string[], number][] = [
    [['b', 'x=1'], 0],
    [['b', 'x=2'], 1],
  ];
  for (let e = 0; e < 3; e++)
    for (const [f, y] of data) {
      const ids = f.map((n) => t.intern(n, true));
      const s = new Float64Array(2);
      t.addScores(ids, s);
      t.update(ids, y, s[0] >= s[1] ? 0 : 1);
      t.tick();
    }
  const h = new HashedModel(t.toHashed());
  for (const [f, y] of data) {
    const s = new Float64Array(2);
    h.addScores(f, s);
    assert.notEqual(s[0], s[1]);
    assert.equal(s[0] > s[1] ? 0 : 1, y);
  }
  assert.equal(hash32('abc'), hash32('abc'));
  assert.notEqual(hash32('abc'), hash32('abd'));
});

test('trainNer: tiny model tags unseen names from context, deterministically', () => {
  const docs = tinyDocs();
  const a = trainNer(docs, { epochs: 4, seed: 7, gazetteerFolds: 3, stack: true });
  const b = trainNer(docs, { epochs: 4, seed: 7, gazetteerFolds: 3, stack: true });
  assert.equal(JSON.stringify(a), JSON.stringify(b));
  const m = new NerModel(a);
  const r = m.tag({ sentences: [['Mr.', 'Novak', 'arrived', 'in', 'Minsk', 'today', '.']] });
  assert.deepEqual(r.tags[0], ['O', 'B-PER', 'O', 'O', 'B-LOC', 'O', 'O']);
  for (const p of r.probs[0]) assert.ok(p > 0 && p <= 1);
});
