/**
 * 1.2.0 defaults: the artifact written to disk and loaded back (the analyzer / ptc path, model.ts) finds the
 * spans the training-time code found (train.ts, what the CV scored). Packed unrounded, so any difference is
 * a difference in computation; the rounding of the shipped weights is bounded in groups.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveArtifact } from '../../src/models/artifact.js';
import { loadTechniquesModel, type SpanRules } from '../../src/analyzers/techniques/model.js';
import { DEFAULT_TRAIN, finalTokenProbs, predictWith, prepareCorpus, readPtcDir, trainFinal, trainOn } from '../../src/analyzers/techniques/train.js';
import { sharedDir } from '../../src/util/paths.js';

const ptc = join(sharedDir, 'data', 'ptc');
for (const [name, extra] of [['1.2.0 defaults', {}], ['round-5 third pass', { thirdPass: true }], ['round-6 article context', { stackArticle: true }], ['round-6 article ranks', { stackArticle: 'ranks' }], ['round-6 whole-sentence model', { sentenceWhole: true }], ['round-7 whole-sentence spans', { wholeSpans: true }], ['round-7 B/I/O decode', { bio: true }], ['round-7 neighbour sentences', { stackNeighbours: true }], ['round-7 fold-averaged first pass', { foldFirst: true }]] as const)
test(`saved-and-loaded grouped model gives the in-memory spans (inner rule and a group rule): ${name}`, { skip: existsSync(ptc) ? false : `no ${ptc}` }, () => {
  assert.ok(DEFAULT_TRAIN.tokenGroups && DEFAULT_TRAIN.groupRules && DEFAULT_TRAIN.stackGroups, '1.2.0 defaults are the round-4 configuration');
  const { articles, si, tc } = readPtcDir(ptc, 6);
  const corpus = prepareCorpus(articles, si, tc);
  const o = { ...DEFAULT_TRAIN, seed: 2, siEpochs: 1, tcEpochs: 1, ...extra };
  const pair = trainOn(corpus, corpus.articles, o);
  const dir = mkdtempSync(join(tmpdir(), 'techniques-'));
  try {
    const file = join(dir, 'model.json.gz');
    saveArtifact(file, { header: { model: 'techniques', version: 'test', command: 'test', trainedOn: '6 PTC articles', seed: 2 }, body: trainFinal(corpus, o, { threshold: 0.99, gap: 0 }, { minAbs: 0, digits: 12 }) });
    const { model } = loadTechniquesModel(file);
    assert.deepEqual(model.data.rules, pair.rules, 'the artifact carries the rule chosen on the inner folds');
    assert.equal(Boolean(model.data.si3), 'thirdPass' in extra);
    assert.equal(Boolean(model.data.stackArticle), 'stackArticle' in extra);
    assert.equal(model.data.sentGroups?.length ?? 0, 'sentenceWhole' in extra ? 1 : 0, 'one whole-sentence model, no group models');
    assert.equal(Boolean(model.data.wholeSent), 'wholeSpans' in extra, 'round 7: a whole-sentence model for the span rule only');
    assert.equal(Boolean(model.data.bio), 'bio' in extra);
    assert.equal(Boolean(model.data.stackNeighbours), 'stackNeighbours' in extra);
    assert.equal(model.data.siBag?.length ?? 0, 'foldFirst' in extra ? o.stackFolds - 1 : 0, 'fold-first: the inner-fold taggers, averaged');
    // A fixed grouped rule too, so the short/long split is exercised whatever the tiny grid picked.
    const grouped: SpanRules = { threshold: 0.2, gap: 1000, minTokens: 2, short: { threshold: 0.3, gap: 0 } };
    let differs = 0;
    let total = 0;
    // And a round-6 relative threshold (article quantile), applied inside ruleSpans on both paths.
    // Round 7: whole-sentence spans from each rating source (the saved whole-sentence model for 'whole').
    const wholeRules: SpanRules[] = 'wholeSpans' in extra ? [{ ...grouped, whole: { source: 'whole', threshold: 0.2 } }, { ...grouped, whole: { source: 'sent', threshold: 0.5, hit: true } }, { ...grouped, whole: { source: 'mean', threshold: 0.3 } }] : [];
    // Round 7 B/I/O: the decode with and without the label priors, and with the short-group runs.
    if ('bio' in extra) wholeRules.push({ ...grouped, bio: { bias: -1 } }, { ...grouped, bio: { bias: 0, prior: true, short: true } });
    let wholeDiffers = 0;
    for (const rules of [pair.rules!, grouped, { ...grouped, articleQ: 0.8 }, ...wholeRules]) {
      for (const a of corpus.articles) {
        const want = predictWith(a, finalTokenProbs(pair, a), rules).map((s) => [s.start, s.end]);
        const got = model.findSpans(a.t, rules, false).map((s) => [a.article.offsets.toCodePoint(s.start), a.article.offsets.toCodePoint(s.end)]);
        assert.deepEqual(got, want, `article ${a.id}, rule ${JSON.stringify(rules)}`);
        total += want.length;
        if (rules.whole || rules.bio) {
          const without = predictWith(a, finalTokenProbs(pair, a), grouped).map((s) => [s.start, s.end]);
          if (JSON.stringify(without) !== JSON.stringify(want)) wholeDiffers++;
        }
        if (rules === grouped) {
          const plain = predictWith(a, finalTokenProbs(pair, a), { threshold: 0.2, gap: 1000, minTokens: 2 }).map((s) => [s.start, s.end]);
          if (JSON.stringify(plain) !== JSON.stringify(want)) differs++;
        }
      }
    }
    assert.ok(total > 0, 'some spans found');
    assert.ok(differs > 0, 'the group rule changes spans on some article, so the comparison covers it');
    if (wholeRules.length) assert.ok(wholeDiffers > 0, 'the whole-sentence / B/I/O rules change spans on some article');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
