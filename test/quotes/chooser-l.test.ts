/**
 * Round L (quotes@1.11.0): the round-L candidate features, the softmax ranker with a "nobody" option, the chooser
 * that only attributes quotes the rules left without a speaker, the committed artifact and the rule-only fallback.
 * Invented sentences only.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findQuotes, QUOTES_BY } from '../../src/analyzers/quotes/find.js';
import { articleCandidates } from '../../src/analyzers/quotes/candidates.js';
import { candidateProbabilities, chooseWith, fitSoftmax, loadSpeakerModel, SPEAKER_MODEL_FILE, type RankExample, type SpeakerModel } from '../../src/analyzers/quotes/chooser.js';
import { component } from '../../src/analyzers/quotes/index.js';
import { crossValidate, prepareArticle, rankExamples, trainSpeakerModel, type ChooserOptions } from '../../src/eval/quotes/chooser-train.js';
import type { GoldArticle } from '../../src/eval/quotes/gold.js';
import { modelsDir } from '../../src/util/paths.js';
import { docWith } from './helpers.js';

const TEXT = 'Ola Berg ran the ferry company in Bodo for many years.\nBerg said on Monday that the ferry would return.\n' +
  'In the harbour the mood was grim. “We will not wait any longer for the ministry to act on the ferry.” Berg later added that the workers agreed.\n' +
  'The report said “the harbour is in a very poor state after the winter storms” in May.';

function setup() {
  const doc = docWith(TEXT);
  const quotes = findQuotes(doc);
  const at = (s: string) => quotes.findIndex((q) => TEXT.slice(q.content.start, q.content.end).startsWith(s));
  return { doc, quotes, wait: at('We will not wait'), report: at('the harbour is'), ferry: at('the ferry would') };
}

test('round-L features: attribution in the next sentence, the last attributed speaker, document words', () => {
  const { doc, quotes, wait, report, ferry } = setup();
  assert.ok(wait >= 0 && report >= 0 && ferry >= 0);
  // The rules leave the quote before "Berg later added" and the report's words without a speaker.
  assert.equal(quotes[wait].speaker, undefined);
  assert.equal(quotes[report].speaker, undefined);
  const { groups, perQuote } = articleCandidates(doc, quotes);
  const cand = (qi: number, name: string) => perQuote[qi].candidates.find((c) => groups[c.group].name === name);
  assert.equal(perQuote[wait].quoteFeatures['q:nextCue'], 1);
  assert.equal(perQuote[wait].quoteFeatures['q:firstPerson'], 1);
  assert.equal(cand(wait, 'Ola Berg')?.features.nextCueName, 1);
  assert.equal(cand(wait, 'Ola Berg')?.features.lastAttr, 1);
  // Negative cases: the place is not the name after the quote, and the report's words have no next-sentence cue.
  assert.equal(cand(wait, 'Bodo')?.features.nextCueName, undefined);
  assert.equal(cand(wait, 'Bodo')?.features.lastAttr, undefined);
  assert.equal(perQuote[report].quoteFeatures['q:nextCue'], undefined);
  assert.equal(perQuote[report].quoteFeatures['q:firstPerson'], undefined);
  assert.equal(perQuote[report].quoteFeatures['q:docWord'], 1);
  // Feature set 1 (session 2) stays as it was, so its figures can be reproduced.
  const old = articleCandidates(doc, quotes, 1);
  assert.equal(old.perQuote[wait].quoteFeatures['q:nextCue'], undefined);
  assert.ok(old.perQuote[wait].candidates.every((c) => c.features.lastAttr === undefined));
});

test('softmax ranker: learns to pick the right option or nobody, deterministically', () => {
  // Option features: 'good' marks the right candidate; when no candidate has it, "nobody" (last option) is right.
  const examples: RankExample[] = Array.from({ length: 30 }, (_, i) => {
    const some = i % 3 !== 0;
    const options: Record<string, number>[] = [{ bias: 1, good: some && i % 2 === 0 ? 1 : 0 }, { bias: 1, good: some && i % 2 === 1 ? 1 : 0 }, { 'null:bias': 1 }];
    return { options, positives: [some ? (i % 2 === 0 ? 0 : 1) : 2] };
  });
  const w1 = fitSoftmax(examples);
  assert.deepEqual(w1, fitSoftmax(examples));
  assert.ok(w1.good > 1, `weight of the deciding feature ${w1.good}`);
  const part = { weights: w1, threshold: 0.5, loss: 'softmax' as const };
  const [pGood, pOther] = candidateProbabilities(part, [{ bias: 1, good: 1 }, { bias: 1 }], {});
  assert.ok(pGood > 0.5 && pOther < 0.2, `${pGood} ${pOther}`);
  // Negative: with no marked candidate, "nobody" keeps most of the mass.
  const none = candidateProbabilities(part, [{ bias: 1 }, { bias: 1 }], {});
  assert.ok(none.every((p) => p < 0.5), `${none}`);
});

test('the chooser attributes only unattributed quotes, with offsets, probability and by; a high threshold adds nothing', () => {
  const { doc, quotes, wait, report, ferry } = setup();
  const cands = articleCandidates(doc, quotes);
  const model: SpeakerModel = { withRule: { weights: {}, threshold: 0 }, noRule: { weights: { nextCueName: 6, 'null:bias': 1 }, threshold: 0.6, loss: 'softmax' }, keepRuled: true };
  const out = chooseWith(cands, quotes, model, 'quotes@test');
  assert.equal(out.length, quotes.length);
  const s = out[wait].speaker;
  assert.equal(s?.name, 'Ola Berg');
  assert.equal(s?.resolvedBy, 'chooser');
  assert.equal(TEXT.slice(s!.mention.start, s!.mention.end), 'Berg');
  assert.ok(out[wait].confidence >= 0.6 && out[wait].confidence <= 1);
  assert.deepEqual({ ...out[ferry], by: quotes[ferry].by }, quotes[ferry], 'rule speakers are kept as they are');
  assert.equal(out[report].speaker, undefined);
  for (const q of out) assert.equal(q.by, 'quotes@test');
  const strict = chooseWith(cands, quotes, { ...model, noRule: { ...model.noRule, threshold: 0.999 } }, 'quotes@test');
  assert.equal(strict[wait].speaker, undefined);
});

/** Tiny invented articles: the speaker's name follows the quote in the next sentence ("… .” Berg later added …). */
function tinyArticles(): GoldArticle[] {
  const names = ['Ana Reyes', 'Ola Berg', 'Marek Dvorak', 'Lena Park', 'Kofi Owusu', 'Ines Holm', 'Tomas Lind', 'Eva Strand'];
  return names.map((name, i) => {
    const sur = name.split(' ')[1];
    const text = `${name} runs the harbour office in the town of Vik.\n${sur} said on Monday that the ferry would return.\n` +
      `The mood was grim. “We will not wait any longer for the ministry to act on plan ${i}.” ${sur} later added that the workers agreed.`;
    const q1 = { start: text.indexOf('the ferry would'), end: text.indexOf(' return') + 7 };
    const q2 = { start: text.indexOf('We will'), end: text.indexOf('.”') + 1 };
    const q3 = { start: text.indexOf('the workers'), end: text.lastIndexOf('.') };
    const sp = text.indexOf(name);
    const speaker = { start: sp, end: sp + name.length };
    return { path: `/tiny/${i}.json`, file: `tiny/${i}.txt`, text, quotes: [q1, q2, q3].map((content) => ({ kind: 'direct' as const, content, speaker, speakerName: name })) };
  });
}

test('training the round-L chooser on tiny data is deterministic and scores model and rules on the same folds', () => {
  const arts = tinyArticles().map((g) => {
    const doc = docWith(g.text);
    const quotes = findQuotes(doc);
    return prepareArticle(g, quotes, articleCandidates(doc, quotes));
  });
  const ex = rankExamples(arts, false);
  assert.ok(ex.length >= arts.length, 'each article has an unattributed quote');
  assert.ok(ex.every((e) => e.positives.every((p) => p >= 0 && p < e.options.length)));
  const opts: ChooserOptions = { loss: 'softmax', select: 'utility', cost: 3, keepRuled: true, l2: 0.001 };
  const m1 = trainSpeakerModel(arts, 3, opts);
  assert.deepEqual(m1, trainSpeakerModel(arts, 3, opts));
  assert.equal(m1.keepRuled, true);
  assert.equal(m1.noRule.loss, 'softmax');
  const cv1 = crossValidate(arts, 2, 3, [], opts);
  assert.deepEqual(cv1, crossValidate(arts, 2, 3, [], opts));
  assert.equal(cv1.folds.reduce((n, f) => n + f.articles, 0), arts.length);
  // Rule speakers are kept, so the model can only add correct speakers here (every gold quote has this speaker).
  assert.ok(cv1.pooled.model.counts.speakerCorrect >= cv1.pooled.rules.counts.speakerCorrect);
});

test('the quotes component runs rule-only, and says so, when the chooser artifact is missing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'quotes-models-'));
  try {
    const doc = docWith(TEXT);
    await component.load?.({ modelsDir: dir });
    await component.run(doc, { modelsDir: dir });
    const quotes = doc.layers.quotes ?? [];
    assert.deepEqual(quotes, findQuotes(docWith(TEXT)));
    assert.ok(doc.warnings?.some((w) => w.by === QUOTES_BY && w.message.includes(SPEAKER_MODEL_FILE)), 'a warning names the missing file');
    writeFileSync(join(dir, SPEAKER_MODEL_FILE), JSON.stringify({ header: {}, body: { noRule: {} } }));
    assert.throws(() => loadSpeakerModel(dir), new RegExp(`${SPEAKER_MODEL_FILE}: not a quote speaker model`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the committed chooser: quotes@1.11.0, rule speakers unchanged, every quote with offsets, confidence and by', async () => {
  const { model } = loadSpeakerModel(modelsDir);
  assert.ok(model, `${SPEAKER_MODEL_FILE} is committed`);
  assert.equal(model.keepRuled, true);
  assert.ok(model.noRule.threshold > 0 && model.noRule.threshold < 1);
  assert.equal(component.version, QUOTES_BY.split('@')[1]);
  const doc = docWith(TEXT);
  await component.load?.({ modelsDir });
  await component.run(doc, { modelsDir });
  const quotes = doc.layers.quotes ?? [];
  const rules = findQuotes(docWith(TEXT));
  const { wait, report } = setup();
  // The learned model may credit the quote whose speaker is named in the next sentence (never anyone else), and not the
  // report's words. (Session 14: the model retrained on 611 articles sets its bar for unattributed quotes at 0.99, so
  // it now leaves this one open; the models of 1.11.0–1.19.0 credited it.)
  assert.ok([undefined, 'Ola Berg'].includes(quotes[wait].speaker?.name), quotes[wait].speaker?.name);
  assert.equal(quotes[report].speaker, undefined);
  assert.equal(quotes.length, rules.length);
  quotes.forEach((q, i) => {
    assert.equal(q.by, QUOTES_BY);
    assert.ok(q.confidence >= 0 && q.confidence <= 1);
    assert.ok(q.start >= 0 && q.end <= TEXT.length && q.content.start >= q.start && q.content.end <= q.end);
    if (rules[i].speaker) assert.deepEqual(q.speaker, rules[i].speaker);
    else if (q.speaker) {
      assert.equal(q.speaker.resolvedBy, 'chooser');
      assert.ok(q.speaker.mention.start >= 0 && q.speaker.mention.end <= TEXT.length);
      assert.ok(q.confidence >= model.noRule.threshold);
    }
  });
});
