/**
 * Speaker attribution on the hand-labelled set, with the levels measured when this was written
 * (development set: speaker P 0.976, R 0.764; held-out: P 0.919, R 0.671, NER off; see
 * docs/quotes-and-claims.md), minus a small margin.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultGoldDir, evaluateQuotes, heldOutGoldDirs } from '../../src/eval/quotes/run.js';
import { sharedDir } from '../../src/util/paths.js';

test('speaker attribution precision and recall on the gold set', { skip: !existsSync(join(sharedDir, 'samples')) && 'shared data not available' }, async () => {
  const { report, articles } = await evaluateQuotes(defaultGoldDir, sharedDir, { entities: false });
  assert.ok(articles >= 40);
  const o = report.overall;
  assert.ok(o.speakerPrecision >= 0.95, `speaker precision ${o.speakerPrecision}`);
  assert.ok(o.speakerRecall >= 0.73, `speaker recall ${o.speakerRecall}`);
  assert.ok(o.meanJaccard >= 0.9, `content Jaccard ${o.meanJaccard}`);
  assert.ok(report.byKind.direct.quoteRecall >= 0.95, `direct quote recall ${report.byKind.direct.quoteRecall}`);
});

test('speaker attribution on the held-out articles', { skip: !existsSync(join(sharedDir, 'samples')) && 'shared data not available' }, async () => {
  const { report, articles } = await evaluateQuotes(heldOutGoldDirs, sharedDir, { entities: false });
  assert.equal(articles, 11);
  assert.ok(report.overall.speakerPrecision >= 0.88, `speaker precision ${report.overall.speakerPrecision}`);
  assert.ok(report.overall.speakerRecall >= 0.63, `speaker recall ${report.overall.speakerRecall}`);
});
