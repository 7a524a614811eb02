/** The word-vector options of the techniques model (dense sentence/token MLPs, word classes) on a few PTC articles. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TechniquesModel } from '../../src/analyzers/techniques/model.js';
import { DEFAULT_TRAIN, prepareCorpus, readPtcDir, trainFinal } from '../../src/analyzers/techniques/train.js';
import { packEmbedding, trainSgns, wordClasses } from '../../src/models/word-vectors.js';
import { vectorTokens } from '../../src/models/vector-corpus.js';
import { sharedDir } from '../../src/util/paths.js';

const ptc = join(sharedDir, 'data', 'ptc');

test('dense and word-class features train deterministically and the loaded model uses them', { skip: existsSync(ptc) ? false : `no ${ptc}` }, () => {
  const { articles, si, tc } = readPtcDir(ptc, 5);
  // Tiny vectors from the same few articles: this only checks the plumbing, not the quality.
  const sentences = articles.flatMap((a) => a.text.split('\n').map(vectorTokens)).filter((s) => s.length > 1);
  const vectors = trainSgns(sentences, { dim: 8, window: 3, negatives: 2, minCount: 2, epochs: 1, sample: 0, lr: 0.025, seed: 1 });
  const emb = packEmbedding(vectors);
  const classes = wordClasses(vectors, [8, 3], 2);
  const opts = { ...DEFAULT_TRAIN, seed: 5, siEpochs: 1, tcEpochs: 1, denseEpochs: 1, denseTokEpochs: 1, denseHidden: 4, denseTokHidden: 4 };
  const run = () => trainFinal(prepareCorpus(articles, si, tc, [], classes, emb, true), opts, { threshold: 0.3, gap: 0 });
  const body = run();
  assert.ok(body.dense && body.denseTok && body.embedding && body.wordClasses);
  assert.equal(JSON.stringify(run()), JSON.stringify(body));
  assert.ok(body.si.features.some((f) => f.startsWith('v1-1=')) && body.sent!.features.some((f) => f.startsWith('sv0=')));
  assert.ok(body.si2!.features.some((f) => f.startsWith('q=')));
  const model = new TechniquesModel(body);
  const t = prepareCorpus(articles.slice(0, 1), [], []).articles[0].t;
  const pass = model.passes(t);
  assert.equal(pass.second.length, t.tokens.length);
  for (const p of Array.from(pass.second)) assert.ok(p >= 0 && p <= 1);
  // The dense models change the second pass: without them the same weights give other probabilities.
  const plain = new TechniquesModel({ ...body, dense: undefined, denseTok: undefined });
  assert.notDeepEqual(Array.from(plain.passes(t).second), Array.from(pass.second));
});
