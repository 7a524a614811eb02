/** Round 6 options: article-level second-pass context (`--stack-article`), whole-sentence targets (`--sentence-whole`). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decile, stackFeatures } from '../../src/models/features/propaganda.js';
import { wholeSentences } from '../../src/analyzers/techniques/train.js';
import { tokenize } from '../../src/nlp/tokenize.js';

test('decile: share of values strictly below x, in tenths, 0–9', () => {
  const s = Float64Array.from([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]);
  assert.equal(decile(s, 0.05), 0);
  assert.equal(decile(s, 0.1), 0, 'ties are not below');
  assert.equal(decile(s, 0.35), 3);
  assert.equal(decile(s, 0.95), 9);
  assert.equal(decile(s, 2), 9, 'capped at 9');
  assert.equal(decile(new Float64Array(0), 0.5), 0);
});

test('article features: off by default; article summaries and within-article ranks when on', () => {
  const text = 'They lie .\nWe know it .\nThey will lie again .';
  const { sentences, tokens } = tokenize(text);
  const t = { text, sentences, tokens };
  const words = tokens.map((k) => text.slice(k.start, k.end));
  const probs = words.map((w) => (w === 'lie' ? 0.85 : w === 'know' ? 0.45 : 0.05));
  const plain = stackFeatures(t, probs, sentences.map(() => 0.5));
  assert.ok(!plain[0].some((f) => f.startsWith('amax=') || f.startsWith('arank=')), 'off by default');
  const f = stackFeatures(t, probs, sentences.map(() => 0.5), false, undefined, undefined, undefined, false, true);
  const at = (w: string) => f[words.indexOf(w)];
  // 12 tokens: 'lie' × 2 (0.85), 'know' (0.45), 9 × 0.05; mean ≈ 0.2167, q90 = sorted[10] = 0.85.
  assert.ok(at('They').includes('amax=8') && at('They').includes('aq90=8') && at('They').includes('amean=4'), at('They').join(' '));
  assert.ok(at('lie').includes('arank=8_8'), '10 of 12 tokens below 0.85: decile 8');
  assert.ok(at('know').includes('arank=7_4'), '9 of 12 below 0.45: decile 7');
  assert.ok(at('They').includes('arank=0_0'));
  // Sentence maxima 0.85, 0.45, 0.85: the middle sentence's max is the lowest.
  assert.ok(at('know').includes('asrank=0_4') && at('lie').includes('asrank=3_8'), at('know').join(' '));
  assert.ok(at('We').includes('alen=<=200_0'));
  // Same token probability, another article: its rank and the article summaries change.
  const hot = stackFeatures(t, words.map(() => 0.85), sentences.map(() => 0.5), false, undefined, undefined, undefined, false, true);
  assert.ok(hot[words.indexOf('lie')].includes('arank=0_8') && hot[0].includes('amean=9'));
  // 'ranks': the two rank features only.
  const ranks = stackFeatures(t, probs, sentences.map(() => 0.5), false, undefined, undefined, undefined, false, 'ranks');
  const r = ranks[words.indexOf('know')].filter((x) => x.startsWith('a'));
  assert.deepEqual(r, ['arank=7_4', 'asrank=0_4']);
});

test('whole sentences: ≥ 90 % of non-punctuation tokens inside gold, punctuation ignored', () => {
  const tokens = [
    { sentence: 0, type: 'word' }, { sentence: 0, type: 'word' }, { sentence: 0, type: 'punctuation' },
    { sentence: 1, type: 'word' }, { sentence: 1, type: 'word' },
    { sentence: 2, type: 'punctuation' },
  ];
  const y = Uint8Array.from([1, 1, 0, 1, 0, 0]);
  assert.deepEqual([...wholeSentences(tokens, y, 4)], [1, 0, 0, 0], 'sentence 1 is half inside; 2 has no words; 3 no tokens');
});

test('article-relative threshold: max(threshold, article quantile) for the long and the short rule', async () => {
  const { quantile, ruleSpans } = await import('../../src/analyzers/techniques/model.js');
  assert.equal(quantile([0.3, 0.1, 0.2, 0.4], 0.5), 0.3);
  assert.equal(quantile([0.3, 0.1, 0.2, 0.4], 0.99), 0.4);
  assert.equal(quantile([], 0.5), 0);
  const text = 'They lie and cheat , we know it well .';
  const { sentences, tokens } = tokenize(text);
  const t = { text, sentences, tokens };
  const words = tokens.map((k) => text.slice(k.start, k.end));
  const p: Record<string, number> = { lie: 0.9, cheat: 0.6, know: 0.5, well: 0.35 };
  const probs = words.map((w) => p[w] ?? 0.05);
  const show = (sp: [number, number][]) => sp.map(([a, b]) => text.slice(tokens[a].start, tokens[b].end));
  const base = { threshold: 0.3, gap: 0, minTokens: 1 };
  assert.deepEqual(show(ruleSpans(t, probs, base)), ['lie', 'cheat', 'know', 'well']);
  // 10 tokens; the 0.8 quantile is sorted[8] = 0.6: only 'lie' and 'cheat' stay.
  assert.deepEqual(show(ruleSpans(t, probs, { ...base, articleQ: 0.8 })), ['lie', 'cheat']);
  // A low quantile leaves the absolute threshold in charge.
  assert.deepEqual(show(ruleSpans(t, probs, { ...base, articleQ: 0.1 })), ['lie', 'cheat', 'know', 'well']);
  // Grouped rule: the short (word-level) threshold gets the same floor.
  const zero = words.map(() => 0);
  const lex = words.map(() => 0.9);
  assert.deepEqual(show(ruleSpans(t, probs, { ...base, short: { threshold: 0.3, gap: 0 }, articleQ: 0.9 }, [zero, lex, zero, zero])), ['lie']);
});
