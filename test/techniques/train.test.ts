/** The learner and the training pipeline on tiny data: it learns, and is deterministic for a seed. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FeatureVocab, LogReg, trainLogReg } from '../../src/models/logreg.js';
import { spansFromProbs } from '../../src/analyzers/techniques/model.js';
import { tokenize } from '../../src/nlp/tokenize.js';
import { DEFAULT_TRAIN, prepareCorpus, readPtcDir, trainFinal } from '../../src/analyzers/techniques/train.js';
import { sharedDir } from '../../src/util/paths.js';

test('logistic regression separates a toy problem and explains with the right feature', () => {
  const data: [string[], number][] = [
    [['bias', 'w=traitor'], 1],
    [['bias', 'w=thug'], 1],
    [['bias', 'w=table'], 0],
    [['bias', 'w=chair'], 0],
  ];
  const vocab = FeatureVocab.build(data.map((d) => d[0]), 1);
  const w = trainLogReg(data.map(([f, y]) => ({ x: vocab.encode(f), y })), vocab.size, 2, { epochs: 30, seed: 3, lr: 0.5 });
  const m = LogReg.fromTrained(w, vocab, ['O', 'P']);
  assert.ok(m.probs(['bias', 'w=traitor'])[1] > 0.8);
  assert.ok(m.probs(['bias', 'w=chair'])[1] < 0.2);
  assert.equal(m.explain(['bias', 'w=thug'], 1, 1)[0].feature, 'w=thug');
  // Same seed, same weights.
  const w2 = trainLogReg(data.map(([f, y]) => ({ x: vocab.encode(f), y })), vocab.size, 2, { epochs: 30, seed: 3, lr: 0.5 });
  assert.deepEqual([...w2], [...w]);
});

test('span extraction: runs above threshold, gaps bridged, edge punctuation trimmed, sentence-bounded', () => {
  const text = 'They are vile , evil liars .\nGood day .';
  const { sentences, tokens } = tokenize(text);
  const t = { text, sentences, tokens };
  const words = tokens.map((k) => text.slice(k.start, k.end));
  const p = words.map((w) => (['vile', ',', 'liars', 'Good'].includes(w) ? 0.9 : w === 'evil' ? 0.1 : w === '.' ? 0.9 : 0));
  const spans = (gap: number) => spansFromProbs(t, p, { threshold: 0.5, gap }).map(([a, b]) => text.slice(tokens[a].start, tokens[b].end));
  assert.deepEqual(spans(0), ['vile', 'liars', 'Good']);
  // 'day' (below) sits between 'Good' and '.', so gap 1 bridges it; the final '.' is then trimmed.
  assert.deepEqual(spans(1), ['vile , evil liars', 'Good day']);
});

const ptc = join(sharedDir, 'data', 'ptc');
test('training on a few PTC articles is bit-for-bit reproducible for a seed', { skip: existsSync(ptc) ? false : `no ${ptc}` }, () => {
  const opts = { ...DEFAULT_TRAIN, seed: 7, siEpochs: 1, tcEpochs: 2 };
  const run = () => {
    const { articles, si, tc } = readPtcDir(ptc, 4);
    return JSON.stringify(trainFinal(prepareCorpus(articles, si, tc), opts, { threshold: 0.3, gap: 1 }));
  };
  const a = run();
  assert.equal(run(), a);
  assert.notEqual(JSON.stringify(trainFinal(prepareCorpus(...Object.values(readPtcDir(ptc, 4)) as Parameters<typeof prepareCorpus>), { ...opts, seed: 8 }, { threshold: 0.3, gap: 1 })), a);
});
