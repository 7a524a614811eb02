/** Round 4 options: technique-group token labels, group-specific span rules, bagged first pass. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FALLBACK_GROUP, GROUP_CLASSES, sentenceGroups, tokenGroups } from '../../src/analyzers/techniques/groups.js';
import { ruleSpans, spansFromProbs, TechniquesModel } from '../../src/analyzers/techniques/model.js';
import { DEFAULT_TRAIN, finalTokenProbs, prepareCorpus, readPtcDir, trainFinal, trainOn } from '../../src/analyzers/techniques/train.js';
import { stackFeatures } from '../../src/models/features/propaganda.js';
import { tokenize } from '../../src/nlp/tokenize.js';
import { sharedDir } from '../../src/util/paths.js';

test('token groups: shortest covering technique span wins, O outside SI gold, fallback without a TC span', () => {
  const toks = [
    { start: 0, end: 3 },
    { start: 4, end: 8 },
    { start: 9, end: 12 },
    { start: 13, end: 16 },
    { start: 17, end: 20 },
  ];
  const tokY = Uint8Array.from([1, 1, 1, 0, 1]);
  // A Doubt clause over tokens 0–2 with a Loaded_Language word (token 1) inside it; token 4 is SI gold with no TC span.
  const spans = [
    { start: 0, end: 12, labels: ['Doubt' as const] },
    { start: 4, end: 8, labels: ['Loaded_Language' as const] },
  ];
  const g = tokenGroups(toks, tokY, spans);
  const idx = (n: string) => GROUP_CLASSES.indexOf(n as (typeof GROUP_CLASSES)[number]);
  assert.deepEqual([...g], [idx('clausal'), idx('lexical'), idx('clausal'), 0, FALLBACK_GROUP]);
  const s = sentenceGroups([{ sentence: 0 }, { sentence: 0 }, { sentence: 1 }, { sentence: 1 }, { sentence: 2 }], g, 3);
  assert.equal(s.length, GROUP_CLASSES.length - 1);
  assert.deepEqual([...s[idx('lexical') - 1]], [1, 0, 1]);
  assert.deepEqual([...s[idx('clausal') - 1]], [1, 1, 0]);
  assert.deepEqual([...s[idx('repetition') - 1]], [0, 0, 0]);
});

test('group-specific span rule: short-group tokens make word runs, the others a sentence run, no overlaps', () => {
  const text = 'They are vile liars and we doubt every word they say .';
  const { sentences, tokens } = tokenize(text);
  const t = { text, sentences, tokens };
  const words = tokens.map((k) => text.slice(k.start, k.end));
  const hot = new Set(['vile', 'liars', 'doubt', 'say']);
  const probs = words.map((w) => (hot.has(w) ? 0.9 : 0.05));
  // Groups (repetition, lexical, phrase, clausal): 'vile', 'liars' lexical; 'doubt', 'say' clausal.
  const lex = words.map((w) => (w === 'vile' || w === 'liars' ? 0.8 : 0.1));
  const cl = words.map((w) => (w === 'doubt' || w === 'say' ? 0.8 : 0.1));
  const zero = words.map(() => 0.05);
  const groups = [zero, lex, zero, cl];
  const rules = { threshold: 0.5, gap: 1000, minTokens: 2, short: { threshold: 0.5, gap: 0 } };
  const got = ruleSpans(t, probs, rules, groups).map(([a, b]) => text.slice(tokens[a].start, tokens[b].end));
  assert.deepEqual(got, ['vile liars', 'doubt every word they say']);
  // The plain rule runs from the first to the last hot token of the sentence.
  const plain = ruleSpans(t, probs, { threshold: 0.5, gap: 1000, minTokens: 2 }, groups);
  assert.deepEqual(plain, spansFromProbs(t, probs, { threshold: 0.5, gap: 1000, minTokens: 2 }));
  assert.equal(text.slice(tokens[plain[0][0]].start, tokens[plain[0][1]].end), 'vile liars and we doubt every word they say');
  // Overlapping short and long spans are merged into one.
  const cl2 = words.map((w) => (w === 'vile' || w === 'say' ? 0.8 : 0.1));
  const lex2 = words.map((w) => (w === 'liars' || w === 'doubt' ? 0.8 : 0.1));
  const merged = ruleSpans(t, probs, rules, [zero, lex2, zero, cl2]);
  assert.equal(merged.length, 1);
  // 'say' in the phrase group: long by default (one sentence run with 'doubt'); with phrase as short it is a word
  // run of its own, and the long run, 'doubt' alone, is under 2 words and dropped.
  const ph = words.map((w) => (w === 'say' ? 0.8 : 0.1));
  const cl3 = words.map((w) => (w === 'doubt' ? 0.8 : 0.1));
  const asLong = ruleSpans(t, probs, rules, [zero, lex, ph, cl3]).map(([a, b]) => text.slice(tokens[a].start, tokens[b].end));
  assert.deepEqual(asLong, ['vile liars', 'doubt every word they say']);
  const asShort = ruleSpans(t, probs, { ...rules, short: { ...rules.short, phrase: true } }, [zero, lex, ph, cl3]).map(([a, b]) => text.slice(tokens[a].start, tokens[b].end));
  assert.deepEqual(asShort, ['vile liars', 'say']);
});

test('second-pass features carry group probabilities only when given', () => {
  const text = 'They are vile liars .';
  const { sentences, tokens } = tokenize(text);
  const t = { text, sentences, tokens };
  const p = tokens.map(() => 0.5);
  const plain = stackFeatures(t, p, p.map(() => 0.5));
  assert.ok(!plain[0].some((f) => f.startsWith('g0=') || f.startsWith('sg0=')));
  const q = [p, p.map(() => 0.95), p, p];
  const withG = stackFeatures(t, p, [0.5], false, undefined, undefined, { tok: q, sent: [[0.1], [0.7], [0], [0]] });
  assert.ok(withG[2].includes('g1=9') && withG[2].includes('g1s=9') && withG[2].includes('sg1=7'));
});

const ptc = join(sharedDir, 'data', 'ptc');
test('grouped, bagged model on a few PTC articles: analyzer path matches training, deterministic', { skip: existsSync(ptc) ? false : `no ${ptc}` }, () => {
  const { articles, si, tc } = readPtcDir(ptc, 6);
  const corpus = prepareCorpus(articles, si, tc);
  const o = { ...DEFAULT_TRAIN, seed: 5, siEpochs: 1, tcEpochs: 1, tokenGroups: true, sentenceGroups: true, groupRules: true, stackGroups: true, bag: 2 };
  const body = trainFinal(corpus, o, { threshold: 0.99, gap: 0 });
  assert.deepEqual(body.si.classes, [...GROUP_CLASSES]);
  assert.deepEqual(body.si2?.classes, [...GROUP_CLASSES]);
  assert.equal(body.siBag?.length, 1);
  assert.equal(body.sentGroups?.length, GROUP_CLASSES.length - 1);
  assert.equal(JSON.stringify(trainFinal(prepareCorpus(articles, si, tc), o, { threshold: 0.99, gap: 0 })), JSON.stringify(body));
  // The analyzer (packed, rounded weights) gives the training-time probabilities.
  const pair = trainOn(corpus, corpus.articles, o);
  const model = new TechniquesModel(body);
  for (const a of corpus.articles.slice(0, 2)) {
    const want = finalTokenProbs(pair, a);
    const got = model.passes(a.t);
    assert.equal(got.groups?.length, GROUP_CLASSES.length - 1);
    let diff = 0;
    want.second.forEach((x, i) => (diff = Math.max(diff, Math.abs(x - got.second[i]), Math.abs(want.first[i] - got.first[i]))));
    // With --stack-groups the span rule reads the second pass's group shares, in training and in the analyzer.
    want.groups!.forEach((q, g) => q.forEach((x, i) => (diff = Math.max(diff, Math.abs(x - got.groups![g][i])))));
    assert.ok(diff < 0.02, `max difference ${diff}`);
    for (const s of model.findSpans(a.t, body.rules, true)) assert.ok(s.start < s.end && s.end <= a.t.text.length && s.confidence >= 0 && s.confidence <= 1);
  }
});
