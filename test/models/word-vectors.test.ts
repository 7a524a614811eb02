/** SGNS word vectors, their k-means classes, the int8 packing, and the small MLP, on tiny synthetic data. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rng } from '../../src/models/random.js';
import { cosine, embedding, packEmbedding, trainSgns, wordClasses, type SgnsOptions } from '../../src/models/word-vectors.js';
import { mlpProb, trainMlp } from '../../src/models/mlp.js';
import { vectorTokens } from '../../src/models/vector-corpus.js';

/** Two topics: animal words share one set of contexts, vehicle words another. */
function syntheticCorpus(seed: number, n: number): string[][] {
  const r = rng(seed);
  const pick = (xs: string[]) => xs[Math.floor(r() * xs.length)];
  const animals = ['cat', 'dog', 'horse'];
  const animalCtx = ['fur', 'pet', 'feed', 'barn', 'tail', 'paws'];
  const vehicles = ['car', 'truck', 'bus'];
  const vehicleCtx = ['engine', 'road', 'drive', 'wheel', 'fuel', 'garage'];
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const animal = r() < 0.5;
    const [heads, ctx] = animal ? [animals, animalCtx] : [vehicles, vehicleCtx];
    out.push([pick(ctx), pick(ctx), pick(heads), pick(ctx), pick(ctx)]);
  }
  return out;
}

const opts: SgnsOptions = { dim: 16, window: 2, negatives: 3, minCount: 1, epochs: 5, sample: 0, lr: 0.05, seed: 1 };

test('SGNS puts words that share contexts closer than words that do not', () => {
  const v = trainSgns(syntheticCorpus(2, 2000), opts);
  assert.ok(cosine(v, 'cat', 'dog') > cosine(v, 'cat', 'car') + 0.3, `cat~dog ${cosine(v, 'cat', 'dog')} vs cat~car ${cosine(v, 'cat', 'car')}`);
  assert.ok(cosine(v, 'truck', 'bus') > cosine(v, 'truck', 'horse') + 0.3);
  assert.throws(() => cosine(v, 'cat', 'zebra'), /zebra/);
});

test('SGNS is deterministic for a seed and changes with it', () => {
  const corpus = syntheticCorpus(3, 300);
  const a = trainSgns(corpus, opts);
  assert.deepEqual([...trainSgns(corpus, opts).vectors], [...a.vectors]);
  assert.notDeepEqual([...trainSgns(corpus, { ...opts, seed: 2 }).vectors], [...a.vectors]);
  // Vocabulary: by count, minCount applied.
  const rare = trainSgns([...corpus, ['unique', 'cat']], { ...opts, minCount: 2 });
  assert.ok(!rare.words.includes('unique'));
});

test('k-means word classes group the two topics; int8 packing keeps the geometry', () => {
  const v = trainSgns(syntheticCorpus(2, 2000), opts);
  const c = wordClasses(v, [4, 2], 5);
  const cls = (w: string) => c.classes[1][c.words.indexOf(w)];
  assert.equal(cls('cat'), cls('dog'));
  assert.equal(cls('car'), cls('truck'));
  assert.notEqual(cls('cat'), cls('car'));
  const e = embedding(packEmbedding(v));
  const dot = (x: string, y: string) => e.of(x)!.vec.reduce((s, a, k) => s + a * e.of(y)!.vec[k], 0);
  assert.ok(Math.abs(dot('cat', 'dog') - cosine(v, 'cat', 'dog')) < 0.03);
  assert.equal(e.of('zebra'), undefined);
});

test('the MLP learns a non-linear (XOR) problem, deterministically', () => {
  const xs: Float32Array[] = [];
  const ys: number[] = [];
  const r = rng(9);
  for (let i = 0; i < 400; i++) {
    const a = r() < 0.5 ? 1 : 0;
    const b = r() < 0.5 ? 1 : 0;
    xs.push(Float32Array.from([a, b]));
    ys.push(a ^ b);
  }
  const o = { hidden: 8, epochs: 60, lr: 0.01, l2: 0, seed: 4 };
  const m = trainMlp(xs, ys, 2, o);
  assert.ok(mlpProb(m, [1, 0]) > 0.8 && mlpProb(m, [0, 1]) > 0.8);
  assert.ok(mlpProb(m, [0, 0]) < 0.2 && mlpProb(m, [1, 1]) < 0.2);
  assert.deepEqual(trainMlp(xs, ys, 2, o), m);
});

test('vector-corpus tokens split clitics the way the tagger tokenizer does', () => {
  assert.deepEqual(vectorTokens("They don't know Russia’s state-run U.S. plan for 1,000.5 days!"), ['they', 'do', "n't", 'know', 'russia', "'s", 'state', 'run', 'u.s.', 'plan', 'for', '1,000.5', 'days']);
});
