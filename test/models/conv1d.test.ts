/** The convolutional token model (conv1d.ts) and ROC AUC (auc.ts) on tiny synthetic tasks. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rng } from '../../src/models/random.js';
import { ConvNet, trainConv, type ConvOptions, type ConvSequence } from '../../src/models/conv1d.js';
import { rocAuc } from '../../src/models/auc.js';

/**
 * Sequences of one-hot "words" (6 of them). A position is class 1 when the word two places to its
 * LEFT is word 0, class 2 when the word right AFTER it is word 1, else 0 — so the label depends on
 * *where* a word sits in the window, which a window mean (the dense token MLP) cannot see.
 */
function synthetic(seed: number, count: number): ConvSequence[] {
  const r = rng(seed);
  const V = 6;
  return Array.from({ length: count }, () => {
    const n = 3 + Math.floor(r() * 8);
    const words = Array.from({ length: n }, () => Math.floor(r() * V));
    const x = new Float32Array(n * V);
    words.forEach((w, i) => (x[i * V + w] = 1));
    const y = words.map((_, i) => (i >= 2 && words[i - 2] === 0 ? 1 : i + 1 < n && words[i + 1] === 1 ? 2 : 0));
    return { x, n, y };
  });
}

const opts: ConvOptions = { layers: [{ width: 5, filters: 8 }], classes: 3, act: 'relu', epochs: 12, lr: 0.01, l2: 0, batch: 64, seed: 3 };

function accuracy(net: ConvNet, seqs: ConvSequence[]): number {
  let right = 0;
  let total = 0;
  for (const s of seqs) {
    const p = net.probs(s.x, s.n);
    for (let t = 0; t < s.n; t++) {
      const row = [0, 1, 2].map((c) => p[t * 3 + c]);
      if (row.indexOf(Math.max(...row)) === s.y[t]) right++;
      total++;
    }
  }
  return right / total;
}

test('the conv net learns a position-dependent token task it has not seen', () => {
  const train = synthetic(1, 400);
  const held = synthetic(2, 200);
  // Majority class (0) rate on the held-out data: what a model without the window would get.
  const base = held.reduce((n, s) => n + Array.from(s.y).filter((y) => y === 0).length, 0) / held.reduce((n, s) => n + s.n, 0);
  for (const o of [opts, { ...opts, layers: [{ width: 3, filters: 8 }, { width: 3, filters: 8 }] }, { ...opts, act: 'tanh' as const }]) {
    const acc = accuracy(new ConvNet(trainConv(train, 6, o)), held);
    assert.ok(acc > 0.97 && acc > base + 0.2, `held-out accuracy ${acc} (majority ${base}) with ${JSON.stringify(o.layers)} ${o.act}`);
  }
  // Width 1 sees only the token itself: it cannot learn the task (guards against a test that cannot fail).
  const narrow = accuracy(new ConvNet(trainConv(train, 6, { ...opts, layers: [{ width: 1, filters: 8 }] })), held);
  assert.ok(narrow < 0.9, `width-1 accuracy ${narrow}`);
});

test('a seed gives identical weights; another seed gives other weights', () => {
  const train = synthetic(4, 60);
  const o = { ...opts, epochs: 2, layers: [{ width: 3, filters: 4 }, { width: 3, filters: 4 }] };
  const a = trainConv(train, 6, o);
  assert.equal(JSON.stringify(trainConv(train, 6, o)), JSON.stringify(a));
  assert.notEqual(JSON.stringify(trainConv(train, 6, { ...o, seed: 5 })), JSON.stringify(a));
});

test('probabilities are per position, sum to 1, and do not leak across sequences', () => {
  const train = synthetic(6, 100);
  const net = new ConvNet(trainConv(train, 6, { ...opts, epochs: 2 }));
  const [s1, s2] = synthetic(7, 2);
  const joint = new Float32Array([...s1.x, ...s2.x]);
  const p1 = net.probs(s1.x, s1.n);
  for (let t = 0; t < s1.n; t++) assert.ok(Math.abs(p1[t * 3] + p1[t * 3 + 1] + p1[t * 3 + 2] - 1) < 1e-9);
  // Running a sequence alone equals running it after a longer one (buffers are reused, not stale).
  net.probs(joint, s1.n + s2.n);
  assert.deepEqual(Array.from(net.probs(s1.x, s1.n)), Array.from(p1));
  assert.throws(() => net.probs(s1.x, s1.n + 1), /expected/);
  assert.throws(() => trainConv(train, 6, { ...opts, layers: [{ width: 4, filters: 2 }] }), /odd/);
  assert.throws(() => trainConv([{ x: new Float32Array(6), n: 1, y: [3] }], 6, opts), /class 3/);
});

test('rocAuc: perfect, reversed, ties and chance', () => {
  assert.equal(rocAuc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1]), 1);
  assert.equal(rocAuc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1]), 0);
  assert.equal(rocAuc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1]), 0.5);
  // One positive (0.6) above 1 of 2 negatives, the other (0.9) above both: (1 + 2) / 4.
  assert.equal(rocAuc([0.3, 0.6, 0.7, 0.9], [0, 1, 0, 1]), 0.75);
  assert.throws(() => rocAuc([0.1, 0.2], [1, 1]), /both classes/);
});
