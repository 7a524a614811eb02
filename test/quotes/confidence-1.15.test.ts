/**
 * quotes@1.15.0 (session 11): the speaker model also scores the rules' own speakers, and that probability is the
 * quote's confidence; the speakers themselves do not change. `calibration` measures how well confidences match
 * how often speakers are right. Invented sentences only.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes } from '../../src/analyzers/quotes/find.js';
import { articleCandidates } from '../../src/analyzers/quotes/candidates.js';
import { chooseWith, loadSpeakerModel, type SpeakerModel } from '../../src/analyzers/quotes/chooser.js';
import { component } from '../../src/analyzers/quotes/index.js';
import { calibration } from '../../src/eval/quotes/calibration.js';
import type { GoldArticle } from '../../src/eval/quotes/gold.js';
import type { Quote } from '../../src/analyzers/quotes/types.js';
import { modelsDir } from '../../src/util/paths.js';
import { docWith } from './helpers.js';

const TEXT = 'Ola Berg ran the ferry company in Bodo for many years.\nBerg said on Monday that the ferry would return.\n' +
  '“The harbour will be busy again by the summer,” Berg told the town council.';

test('rule speakers keep their speaker; their confidence is the probability the model gives them', () => {
  const doc = docWith(TEXT);
  const quotes = findQuotes(doc);
  const ruled = quotes.map((q, i) => (q.speaker ? i : -1)).filter((i) => i >= 0);
  assert.ok(ruled.length >= 2, 'the rules attribute both quotes');
  const cands = articleCandidates(doc, quotes);
  const noRule = { weights: {}, threshold: 0.9, loss: 'softmax' as const };
  const sure: SpeakerModel = { withRule: { weights: { rule: 6 }, threshold: 0, loss: 'softmax' }, noRule, keepRuled: true, ruleConfidence: true };
  const doubtful: SpeakerModel = { ...sure, withRule: { weights: { 'null:bias': 6 }, threshold: 0, loss: 'softmax' } };
  const hi = chooseWith(cands, quotes, sure, 'quotes@test');
  const lo = chooseWith(cands, quotes, doubtful, 'quotes@test');
  for (const i of ruled) {
    assert.deepEqual(hi[i].speaker, quotes[i].speaker);
    assert.deepEqual(lo[i].speaker, quotes[i].speaker, 'a doubtful rule speaker is kept, only its confidence says so');
    assert.ok(hi[i].confidence > 0.9, `${hi[i].confidence}`);
    assert.ok(lo[i].confidence < 0.1, `${lo[i].confidence}`);
  }
  // Without ruleConfidence the rules' own confidence stays.
  const plain = chooseWith(cands, quotes, { ...sure, ruleConfidence: undefined }, 'quotes@test');
  for (const i of ruled) assert.equal(plain[i].confidence, quotes[i].confidence);
});

test('calibration: Brier score, bins and P/R after dropping speakers under a confidence', () => {
  const text = 'x'.repeat(100);
  const span = (start: number) => ({ start, end: start + 10 });
  const gold: GoldArticle = {
    path: 'g.json', file: 'a.txt', text,
    quotes: [0, 20, 40, 60].map((s) => ({ kind: 'direct' as const, content: span(s), speaker: span(90), speakerName: 'Ana Berg' })),
  };
  const q = (s: number, name: string, confidence: number): Quote => ({
    start: s, end: s + 10, content: span(s), kind: 'direct', confidence, by: 'quotes@test',
    speaker: { name, mention: span(90), resolvedBy: 'name' },
  });
  // Two right at 0.95 and 0.85, one wrong at 0.75, one right at 0.25.
  const c = calibration([{ gold, predicted: [q(0, 'Ana Berg', 0.95), q(20, 'Berg', 0.85), q(40, 'Ola Dahl', 0.75), q(60, 'Ana Berg', 0.25)] }]);
  assert.equal(c.speakers, 4);
  const brier = ((1 - 0.95) ** 2 + (1 - 0.85) ** 2 + 0.75 ** 2 + (1 - 0.25) ** 2) / 4;
  assert.ok(Math.abs(c.brier - brier) < 1e-12, `${c.brier}`);
  const bin = (from: number) => c.bins.find((b) => Math.abs(b.from - from) < 1e-9)!;
  assert.deepEqual([bin(0.9).speakers, bin(0.9).correct, bin(0.7).speakers, bin(0.7).correct, bin(0.2).correct], [1, 1, 1, 0, 1]);
  const ece = (0.05 + 0.15 + 0.75 + 0.75) / 4;
  assert.ok(Math.abs(c.ece - ece) < 1e-12, `${c.ece}`);
  const at = (t: number) => c.byThreshold.find((x) => x.threshold === t)!.metrics.counts;
  assert.deepEqual([at(0).predictedWithSpeaker, at(0).speakerCorrect], [4, 3]);
  assert.deepEqual([at(0.5).predictedWithSpeaker, at(0.5).speakerCorrect], [3, 2]);
  assert.deepEqual([at(0.8).predictedWithSpeaker, at(0.8).speakerCorrect], [2, 2]);
});

test('the committed model scores rule speakers: confidences are probabilities, not the rules\' fixed values', async () => {
  const { model } = loadSpeakerModel(modelsDir);
  assert.ok(model?.ruleConfidence, 'quote-speakers.json.gz has the rule-confidence part');
  assert.ok(Object.keys(model!.withRule.weights).length > 0);
  const doc = docWith(TEXT);
  await component.load?.({ modelsDir });
  await component.run(doc, { modelsDir });
  const rules = findQuotes(docWith(TEXT));
  const out = doc.layers.quotes ?? [];
  assert.equal(out.length, rules.length);
  let changed = 0;
  out.forEach((q, i) => {
    assert.deepEqual(q.speaker, rules[i].speaker);
    assert.ok(q.confidence >= 0 && q.confidence <= 1);
    if (q.speaker && q.confidence !== rules[i].confidence) changed++;
  });
  assert.ok(changed > 0, 'at least one rule speaker carries the model probability');
});
