/**
 * The conv token model inside the techniques trainer (session 9, `--conv`), on a few PTC articles with
 * tiny word vectors: deterministic, shipped in the artifact with its vectors, and the loaded model
 * (analyzer / ptc path) gives the second-pass probabilities the training code gives.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveArtifact } from '../../src/models/artifact.js';
import { loadTechniquesModel, TechniquesModel } from '../../src/analyzers/techniques/model.js';
import { DEFAULT_CONV, DEFAULT_TRAIN, convProbs, finalTokenProbs, prepareCorpus, readPtcDir, trainFinal, trainOn } from '../../src/analyzers/techniques/train.js';
import { convOptions } from '../../src/cli/train/techniques.js';
import { convInputWidth, convTokenInputs } from '../../src/models/conv-tokens.js';
import { embedding, packEmbedding, trainSgns } from '../../src/models/word-vectors.js';
import { vectorTokens } from '../../src/models/vector-corpus.js';
import { sharedDir } from '../../src/util/paths.js';

const ptc = join(sharedDir, 'data', 'ptc');

test('conv token model: out-of-fold into the second pass, deterministic, and the saved model computes the same', { skip: existsSync(ptc) ? false : `no ${ptc}` }, () => {
  const { articles, si, tc } = readPtcDir(ptc, 6);
  // Tiny vectors from the same few articles: this checks the plumbing, not the quality.
  const sentences = articles.flatMap((a) => a.text.split('\n').map(vectorTokens)).filter((s) => s.length > 1);
  const emb = packEmbedding(trainSgns(sentences, { dim: 8, window: 3, negatives: 2, minCount: 2, epochs: 1, sample: 0, lr: 0.025, seed: 1 }));
  const prep = () => prepareCorpus(articles, si, tc, [], undefined, emb, false, true, false);
  const corpus = prep();
  const a0 = corpus.articles[0];
  assert.equal(a0.convX!.length, a0.t.tokens.length * convInputWidth(8));
  assert.equal(a0.denseX, undefined, 'conv alone: no dense sentence inputs (no dense sentence model)');
  const o = { ...DEFAULT_TRAIN, seed: 3, siEpochs: 1, tcEpochs: 1, conv: { ...DEFAULT_CONV, layers: [{ width: 3, filters: 4 }, { width: 3, filters: 4 }], epochs: 1 } };
  const pack = { minAbs: 0, digits: 12 };
  const body = trainFinal(corpus, o, { threshold: 0.3, gap: 0 }, pack);
  assert.ok(body.conv && body.embedding && !body.dense && !body.denseTok);
  assert.equal(JSON.stringify(trainFinal(prep(), o, { threshold: 0.3, gap: 0 }, pack)), JSON.stringify(body), 'a seed gives the same artifact');
  assert.ok(body.si2!.features.some((f) => f.startsWith('q=')), 'the second pass reads the conv probability');
  const pair = trainOn(corpus, corpus.articles, o);
  const dir = mkdtempSync(join(tmpdir(), 'conv-techniques-'));
  try {
    const file = join(dir, 'model.json.gz');
    saveArtifact(file, { header: { model: 'techniques', version: 'test', command: 'test', trainedOn: '6 PTC articles', seed: 3 }, body });
    const { model } = loadTechniquesModel(file);
    for (const a of corpus.articles) {
      const want = finalTokenProbs(pair, a);
      const got = model.passes(a.t);
      assert.equal(got.second.length, a.t.tokens.length);
      for (let i = 0; i < want.second.length; i++) assert.ok(Math.abs(got.second[i] - want.second[i]) < 1e-9, `article ${a.id} token ${i}: ${got.second[i]} vs ${want.second[i]}`);
    }
    // The analyzer builds the conv inputs from the shipped (int8) vectors the way training did.
    assert.deepEqual(Array.from(convTokenInputs(a0.t, embedding(body.embedding!))), Array.from(a0.convX!));
    // Without the conv model the same second-pass weights give other probabilities (it is used).
    const plain = new TechniquesModel({ ...body, conv: undefined });
    assert.notDeepEqual(Array.from(plain.passes(a0.t).second), Array.from(model.passes(a0.t).second));
    for (const p of Array.from(convProbs(pair.conv!, a0))) assert.ok(p >= 0 && p <= 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--conv-* flags: defaults, and bad values are refused with the flag named', () => {
  const ok = { convLayers: '2', convWidth: '5', convFilters: '32', convEpochs: '3', convAct: 'relu' };
  assert.deepEqual(convOptions(ok), DEFAULT_CONV);
  assert.deepEqual(convOptions({ ...ok, convLayers: '1', convWidth: '3', convBinary: true }).layers, [{ width: 3, filters: 32 }]);
  assert.equal(convOptions({ ...ok, convBinary: true }).groups, false);
  assert.throws(() => convOptions({ ...ok, convWidth: '4' }), /--conv-width/);
  assert.throws(() => convOptions({ ...ok, convLayers: '3' }), /--conv-layers/);
  assert.throws(() => convOptions({ ...ok, convFilters: '0' }), /--conv-filters/);
  assert.throws(() => convOptions({ ...ok, convEpochs: 'x' }), /--conv-epochs/);
  assert.throws(() => convOptions({ ...ok, convAct: 'gelu' }), /--conv-act/);
});
