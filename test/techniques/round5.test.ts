/** Round 5 options: wider second-pass context (`--stack-wide`). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stackFeatures } from '../../src/models/features/propaganda.js';
import { tokenize } from '../../src/nlp/tokenize.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '../../src/util/paths.js';

const ptc = join(sharedDir, 'data', 'ptc');

test('wide second-pass features: far window, clause max/mean, distance to the sentence max, group window', () => {
  const text = 'They lie , we know it , and they will lie again .';
  const { sentences, tokens } = tokenize(text);
  const t = { text, sentences, tokens };
  const words = tokens.map((k) => text.slice(k.start, k.end));
  const probs = words.map((w) => (w === 'lie' ? 0.85 : 0.05));
  const plain = stackFeatures(t, probs, words.map(() => 0.5));
  assert.ok(!plain[0].some((f) => f.startsWith('cmax=') || f.startsWith('w3')), 'off by default');
  const lex = words.map((w) => (w === 'lie' ? 0.7 : 0.01));
  const zero = words.map(() => 0);
  const wide = stackFeatures(t, probs, [0.5], false, undefined, undefined, { tok: [zero, lex, zero, zero] }, true);
  const at = (w: string, n = 0) => wide[words.reduce<number[]>((acc, x, i) => (x === w ? [...acc, i] : acc), [])[n]];
  // 'know' sits in the clause 'we know it' (no hot token) and 'They lie' is 3 tokens to its left.
  const know = at('know');
  assert.ok(know.includes('cmax=0') && know.includes('w3l=8') && know.includes('w3r=0'), know.join(' '));
  // 'will' shares its clause with the second 'lie' (cmax 8) and is one token from it; the first 'lie' is the sentence max (ties: first).
  const will = at('will');
  assert.ok(will.includes('cmax=8') && will.includes('g1w=7'), will.join(' '));
  assert.ok(at('lie').includes('dmax=<=0_8') && at('They').includes('dmax=<=1_8'));
  assert.ok(know.includes('dmax=<=4_8'), 'know is 3 tokens from the first lie');
  // Punctuation is its own clause.
  assert.ok(at(',').includes('cmax=0') && at(',').includes('cmean=1'), 'own probability 0.05, mean doubled as smean');
});

test('trim rule: conjunctions/prepositions come off span starts, determiners and prepositions off span ends', async () => {
  const { spansFromProbs, ruleSpans } = await import('../../src/analyzers/techniques/model.js');
  const text = 'And they are traitors of the nation , but we know .';
  const { sentences, tokens } = tokenize(text);
  const t = { text, sentences, tokens };
  const words = tokens.map((k) => text.slice(k.start, k.end));
  // Hot from 'And' to 'the' (a span ending in a determiner); 'but we' hot too.
  const hot = new Set(['And', 'they', 'are', 'traitors', 'of', 'the', 'but', 'we']);
  const probs = words.map((w) => (hot.has(w) ? 0.9 : 0.05));
  const show = (sp: [number, number][]) => sp.map(([a, b]) => text.slice(tokens[a].start, tokens[b].end));
  assert.deepEqual(show(spansFromProbs(t, probs, { threshold: 0.5, gap: 0 })), ['And they are traitors of the', 'but we']);
  assert.deepEqual(show(spansFromProbs(t, probs, { threshold: 0.5, gap: 0, trim: true })), ['they are traitors', 'we']);
  // minTokens counts what is left after trimming.
  assert.deepEqual(show(spansFromProbs(t, probs, { threshold: 0.5, gap: 0, minTokens: 2, trim: true })), ['they are traitors']);
  // The group rule passes trimming to its short (word-level) runs too.
  const zero = words.map(() => 0);
  const lex = words.map(() => 0.9);
  assert.deepEqual(show(ruleSpans(t, probs, { threshold: 0.5, gap: 1000, minTokens: 2, short: { threshold: 0.5, gap: 0 }, trim: true }, [zero, lex, zero, zero])), ['they are traitors', 'we']);
});

test('phrase threshold: phrase-leaning long tokens need their own probability, clausal ones the main threshold', async () => {
  const { ruleSpans } = await import('../../src/analyzers/techniques/model.js');
  const text = 'We doubt every word they say today .';
  const { sentences, tokens } = tokenize(text);
  const t = { text, sentences, tokens };
  const words = tokens.map((k) => text.slice(k.start, k.end));
  const probs = words.map((w) => (w === 'doubt' ? 0.9 : w === 'say' ? 0.35 : 0.05));
  const zero = words.map(() => 0.01);
  const phrase = words.map((w) => (w === 'say' ? 0.3 : 0.01));
  const clausal = words.map((w) => (w === 'doubt' ? 0.8 : w === 'say' ? 0.05 : 0.01));
  const groups = [zero, zero, phrase, clausal];
  const show = (sp: [number, number][]) => sp.map(([a, b]) => text.slice(tokens[a].start, tokens[b].end));
  const base = { threshold: 0.3, gap: 1000, minTokens: 1, short: { threshold: 0.5, gap: 0 } };
  assert.deepEqual(show(ruleSpans(t, probs, base, groups)), ['doubt every word they say']);
  assert.deepEqual(show(ruleSpans(t, probs, { ...base, phraseThreshold: 0.5 }, groups)), ['doubt']);
  assert.deepEqual(show(ruleSpans(t, probs, { ...base, phraseThreshold: 0.2 }, groups)), ['doubt every word they say']);
  // Groups swapped: 'doubt' leans phrase but clears 0.5; 'say' leans clausal, so the main threshold 0.3 applies.
  assert.deepEqual(show(ruleSpans(t, probs, { ...base, phraseThreshold: 0.5 }, [zero, zero, clausal, phrase])), ['doubt every word they say']);
});

test('train techniques flags: 1.2.0 defaults, --no-token-groups alone is the 1.1.0 configuration', async () => {
  const { groupFlags } = await import('../../src/cli/train/techniques.js');
  assert.deepEqual(groupFlags({}), { tokenGroups: true, groupRules: true, stackGroups: true });
  assert.deepEqual(groupFlags({ tokenGroups: false }), { tokenGroups: false, groupRules: false, stackGroups: false });
  assert.deepEqual(groupFlags({ stackGroups: false }), { tokenGroups: true, groupRules: true, stackGroups: false });
  assert.deepEqual(groupFlags({ tokenGroups: false, stackGroups: true }), { tokenGroups: false, groupRules: false, stackGroups: true });
});

test('short share: a token joins the word-level runs when the short groups hold at least that share of its mass', async () => {
  const { ruleSpans } = await import('../../src/analyzers/techniques/model.js');
  const text = 'They are vile and we doubt it .';
  const { sentences, tokens } = tokenize(text);
  const t = { text, sentences, tokens };
  const words = tokens.map((k) => text.slice(k.start, k.end));
  const probs = words.map((w) => (w === 'vile' || w === 'doubt' ? 0.9 : 0.05));
  const zero = words.map(() => 0);
  // 'vile' is 40 % lexical, 60 % clausal: long by default, short with share 0.3.
  const lex = words.map((w) => (w === 'vile' ? 0.4 : 0));
  const cl = words.map((w) => (w === 'vile' ? 0.6 : w === 'doubt' ? 0.9 : 0));
  const show = (sp: [number, number][]) => sp.map(([a, b]) => text.slice(tokens[a].start, tokens[b].end));
  const base = { threshold: 0.5, gap: 1000, minTokens: 1, short: { threshold: 0.5, gap: 0 } };
  assert.deepEqual(show(ruleSpans(t, probs, base, [zero, lex, zero, cl])), ['vile and we doubt']);
  assert.deepEqual(show(ruleSpans(t, probs, { ...base, shortShare: 0.3 }, [zero, lex, zero, cl])), ['vile', 'doubt']);
  assert.deepEqual(show(ruleSpans(t, probs, { ...base, shortShare: 0.5 }, [zero, lex, zero, cl])), ['vile and we doubt']);
});

test('minimum span length in characters drops short spans, in plain and group rules', async () => {
  const { spansFromProbs, ruleSpans } = await import('../../src/analyzers/techniques/model.js');
  const text = 'So bad , truly outrageous .';
  const { sentences, tokens } = tokenize(text);
  const t = { text, sentences, tokens };
  const words = tokens.map((k) => text.slice(k.start, k.end));
  const probs = words.map((w) => (w === 'bad' || w === 'outrageous' ? 0.9 : 0.05));
  const show = (sp: [number, number][]) => sp.map(([a, b]) => text.slice(tokens[a].start, tokens[b].end));
  assert.deepEqual(show(spansFromProbs(t, probs, { threshold: 0.5, gap: 0 })), ['bad', 'outrageous']);
  assert.deepEqual(show(spansFromProbs(t, probs, { threshold: 0.5, gap: 0, minChars: 4 })), ['outrageous']);
  const zero = words.map(() => 0);
  const lex = words.map(() => 0.9);
  assert.deepEqual(show(ruleSpans(t, probs, { threshold: 0.5, gap: 1000, short: { threshold: 0.5, gap: 0 }, minChars: 4 }, [zero, lex, zero, zero])), ['outrageous']);
});

test('cross-fitted rule choice on a few PTC articles: deterministic, a rule from the grid', { skip: existsSync(ptc) ? false : `no ${ptc}` }, async () => {
  const { DEFAULT_TRAIN, THRESHOLDS, prepareCorpus, readPtcDir, trainOn } = await import('../../src/analyzers/techniques/train.js');
  const { articles, si, tc } = readPtcDir(ptc, 6);
  const corpus = prepareCorpus(articles, si, tc);
  const o = { ...DEFAULT_TRAIN, seed: 4, siEpochs: 1, tcEpochs: 1, crossfitRules: true, minCharsGrid: true, shortShareGrid: true };
  const a = trainOn(corpus, corpus.articles, o);
  assert.ok(a.rules && THRESHOLDS.includes(a.rules.threshold));
  assert.deepEqual(trainOn(corpus, corpus.articles, o).rules, a.rules);
  // The shipped second pass is the same model with or without cross-fitting (only the rule choice changes).
  const b = trainOn(corpus, corpus.articles, { ...o, crossfitRules: false });
  assert.equal(JSON.stringify(b.si2!.data), JSON.stringify(a.si2!.data));
});
