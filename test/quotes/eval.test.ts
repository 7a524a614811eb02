/**
 * Speaker attribution on the hand-labelled set, with the levels measured for quotes@1.1.0, NER off
 * (first 41 articles: speaker P 0.978, R 0.843; batches 1–2: P 0.919, R 0.800; batch 3: P 0.882,
 * R 0.837; batch 4: P 0.896, R 0.854 — all development data now; held-out batch 5: P 0.835,
 * R 0.660; see docs/quotes-and-claims.md), minus a small margin. Batch 5 is a regression floor only:
 * it is below the project targets, and the rules must not be tuned against it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultGoldDir, earlierHeldOutGoldDirs, evaluateQuotes, heldOut3GoldDir, heldOut4GoldDir, heldOutGoldDirs } from '../../src/eval/quotes/run.js';
import { sharedDir } from '../../src/util/paths.js';

test('speaker attribution precision and recall on the gold set', { skip: !existsSync(join(sharedDir, 'samples')) && 'shared data not available' }, async () => {
  const { report, articles } = await evaluateQuotes(defaultGoldDir, sharedDir, { entities: false });
  assert.ok(articles >= 40);
  const o = report.overall;
  assert.ok(o.speakerPrecision >= 0.95, `speaker precision ${o.speakerPrecision}`);
  assert.ok(o.speakerRecall >= 0.82, `speaker recall ${o.speakerRecall}`);
  assert.ok(o.meanJaccard >= 0.9, `content Jaccard ${o.meanJaccard}`);
  assert.ok(report.byKind.direct.quoteRecall >= 0.95, `direct quote recall ${report.byKind.direct.quoteRecall}`);
});

test('speaker attribution on the earlier held-out batches (now development data)', { skip: !existsSync(join(sharedDir, 'samples')) && 'shared data not available' }, async () => {
  const { report, articles } = await evaluateQuotes(earlierHeldOutGoldDirs, sharedDir, { entities: false });
  assert.equal(articles, 11);
  assert.ok(report.overall.speakerPrecision >= 0.89, `speaker precision ${report.overall.speakerPrecision}`);
  assert.ok(report.overall.speakerRecall >= 0.78, `speaker recall ${report.overall.speakerRecall}`);
});

test('speaker attribution on batches 3 and 4 (development data since the later rounds of 1.1.0 rules)', { skip: !existsSync(join(sharedDir, 'samples')) && 'shared data not available' }, async () => {
  const { report, articles } = await evaluateQuotes([heldOut3GoldDir, heldOut4GoldDir].join(','), sharedDir, { entities: false });
  assert.equal(articles, 21);
  assert.ok(report.overall.speakerPrecision >= 0.86, `speaker precision ${report.overall.speakerPrecision}`);
  assert.ok(report.overall.speakerRecall >= 0.82, `speaker recall ${report.overall.speakerRecall}`);
});

test('speaker attribution on the held-out batch 5 (regression floor)', { skip: !existsSync(join(sharedDir, 'samples')) && 'shared data not available' }, async () => {
  const { report, articles } = await evaluateQuotes(heldOutGoldDirs, sharedDir, { entities: false });
  assert.equal(articles, 10);
  assert.ok(report.overall.speakerPrecision >= 0.81, `speaker precision ${report.overall.speakerPrecision}`);
  assert.ok(report.overall.speakerRecall >= 0.64, `speaker recall ${report.overall.speakerRecall}`);
});
