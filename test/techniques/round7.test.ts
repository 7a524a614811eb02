/** Round 7 options: whole-sentence spans (`--whole-spans`), the B/I/O decode (`--bio`), neighbour-sentence context (`--stack-neighbours`). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleSpans, wholeSentenceSpans } from '../../src/analyzers/techniques/model.js';
import { BIO_B, BIO_I, BIO_O, bioLabels, bioSpans, decode, logPosteriors, transitionsOf, viterbi } from '../../src/analyzers/techniques/bio.js';
import { stackFeatures } from '../../src/models/features/propaganda.js';
import { tokenize } from '../../src/nlp/tokenize.js';

const text = '"They lie to you," he said.\nWe know it well.\nThe weather is mild today.';
const { sentences, tokens } = tokenize(text);
const t = { text, sentences, tokens };
const words = tokens.map((k) => text.slice(k.start, k.end));
const show = (spans: [number, number][]) => spans.map(([a, b]) => text.slice(tokens[a].start, tokens[b].end));
// 'lie' and 'know' hot; the third sentence cold.
const probs = words.map((w) => (w === 'lie' ? 0.9 : w === 'know' ? 0.6 : w === 'well' ? 0.45 : 0.1));
const base = { threshold: 0.5, gap: 0, minTokens: 1 };

test('whole-sentence rule: rated sentences become one span (edge punctuation and quotes trimmed), replacing the spans inside', () => {
  assert.equal(sentences.length, 3);
  assert.deepEqual(show(ruleSpans(t, probs, base)), ['lie', 'know']);
  const sent = [0.8, 0.3, 0.75];
  // Sentence 1 and 3 rated ≥ 0.7: whole sentences; sentence 2 keeps the token rule.
  assert.deepEqual(show(ruleSpans(t, probs, { ...base, whole: { source: 'sent', threshold: 0.7 } }, undefined, { sent })), ['They lie to you," he said', 'know', 'The weather is mild today']);
  // hit: only sentences where the token rule already found a span.
  assert.deepEqual(show(ruleSpans(t, probs, { ...base, whole: { source: 'sent', threshold: 0.7, hit: true } }, undefined, { sent })), ['They lie to you," he said', 'know']);
  // The whole-sentence model's ratings are read for source 'whole', not the classifier's.
  assert.deepEqual(show(ruleSpans(t, probs, { ...base, whole: { source: 'whole', threshold: 0.5 } }, undefined, { sent, whole: [0.1, 0.6, 0.1] })), ['lie', 'We know it well']);
  assert.throws(() => ruleSpans(t, probs, { ...base, whole: { source: 'whole', threshold: 0.5 } }, undefined, { sent }), /no 'whole' sentence probabilities/);
});

test("whole-sentence rule 'mean': mean probability of the sentence's words (punctuation not counted)", () => {
  // Sentence 2: We 0.1, know 0.6, it 0.1, well 0.45 → mean 0.3125; sentence 1: 7 words, mean (0.9 + 6 × 0.1) / 7 ≈ 0.214.
  assert.deepEqual(show(wholeSentenceSpans(t, probs, { source: 'mean', threshold: 0.3 }, ruleSpans(t, probs, base))), ['lie', 'We know it well']);
  assert.deepEqual(show(wholeSentenceSpans(t, probs, { source: 'mean', threshold: 0.32 }, ruleSpans(t, probs, base))), ['lie', 'know']);
  assert.deepEqual(show(wholeSentenceSpans(t, probs, { source: 'mean', threshold: 0.2 }, ruleSpans(t, probs, base))), ['They lie to you," he said', 'We know it well']);
});

test('B/I/O labels, transitions and spans: B starts each run and each sentence, I continues it', () => {
  const toks = [0, 0, 0, 1, 1, 1].map((sentence) => ({ sentence, type: 'word' }));
  const y = bioLabels(toks, [0, 1, 1, 1, 1, 0]);
  assert.deepEqual(Array.from(y), [BIO_O, BIO_B, BIO_I, BIO_B, BIO_I, BIO_O], 'a run crossing a sentence break restarts with B');
  assert.deepEqual(bioSpans({ tokens: toks }, y), [[1, 2], [3, 4]]);
  // Edge punctuation is trimmed off decoded runs.
  assert.deepEqual(bioSpans({ tokens: [{ type: 'punctuation' }, { type: 'word' }, { type: 'punctuation' }] }, Uint8Array.from([BIO_B, BIO_I, BIO_I])), [[1, 1]]);
  const { trans, prior } = transitionsOf([Uint8Array.from([BIO_O, BIO_B, BIO_I, BIO_I, BIO_O])]);
  // Add-one: row O = O→O 0+1, O→B 1+1, O→I 0+1 (of 4); row I = I→O 1+1, I→B 0+1, I→I 1+1 (of 5).
  assert.ok(Math.abs(trans[BIO_O * 3 + BIO_B] - Math.log(2 / 4)) < 1e-12 && Math.abs(trans[BIO_I * 3 + BIO_I] - Math.log(2 / 5)) < 1e-12);
  assert.ok(Math.abs(prior[BIO_I] - Math.log(3 / 8)) < 1e-12);
});

test('constrained Viterbi: no I after O or at a sentence start; the O bias trades spans for silence', () => {
  const L = Math.log;
  // Token 0 prefers I (not allowed at the start), token 1 prefers I: best legal path B I.
  const e = Float64Array.from([L(0.1), L(0.3), L(0.6), L(0.1), L(0.2), L(0.7)]);
  const flat = new Float64Array(9);
  const y = new Uint8Array(2);
  viterbi(e, flat, 0, 1, 0, y);
  assert.deepEqual(Array.from(y), [BIO_B, BIO_I]);
  // O → I forbidden: O then I is never returned even when I is token 1's best label and O token 0's.
  const e2 = Float64Array.from([L(0.9), L(0.05), L(0.05), L(0.1), L(0.1), L(0.8)]);
  viterbi(e2, flat, 0, 1, 0, y);
  assert.notDeepEqual(Array.from(y), [BIO_O, BIO_I]);
  // A large O bias silences everything; a large negative one makes spans.
  viterbi(e2, flat, 0, 1, 10, y);
  assert.deepEqual(Array.from(y), [BIO_O, BIO_O]);
  viterbi(e2, flat, 0, 1, -10, y);
  assert.ok(y[0] === BIO_B);
  // decode runs sentence by sentence: the second sentence's first token cannot continue the first's run.
  const both = decode([[0, 1], [2, 3]], Float64Array.from([...e, ...e]), flat, 0, 4);
  assert.deepEqual(Array.from(both), [BIO_B, BIO_I, BIO_B, BIO_I]);
  // Log posteriors are normalized per token.
  const lp = logPosteriors(Float64Array.from([1, 2, 3, 0.5, 0, -1]), [Int32Array.from([0, 1])]);
  assert.ok(Math.abs(Math.exp(lp[0]) + Math.exp(lp[1]) + Math.exp(lp[2]) - 1) < 1e-12);
});

test('B/I/O rule in ruleSpans: decoded runs, optionally with the grouped rule\'s short-group runs', () => {
  const L = Math.log;
  // Emissions: 'They lie to you' is a span in sentence 1; nothing elsewhere.
  const e = new Float64Array(tokens.length * 3);
  tokens.forEach((_, i) => {
    const w = words[i];
    const p = w === 'They' ? [0.1, 0.8, 0.1] : ['lie', 'to', 'you'].includes(w) ? [0.1, 0.1, 0.8] : [0.9, 0.05, 0.05];
    for (let k = 0; k < 3; k++) e[i * 3 + k] = L(p[k]);
  });
  const bio = { e, trans: new Float64Array(9), prior: new Float64Array(3) };
  const rules = { ...base, bio: { bias: 0 } };
  assert.deepEqual(show(ruleSpans(t, probs, rules, undefined, { bio })), ['They lie to you']);
  assert.throws(() => ruleSpans(t, probs, rules), /no B\/I\/O scores/);
  // With short: 'know' is a short-group (lexical) token at 0.6 ≥ 0.5, added as a word-level span.
  const zero = probs.map(() => 0);
  const lex = probs.map((p) => p);
  const grouped = { ...base, short: { threshold: 0.5, gap: 0 } };
  assert.deepEqual(show(ruleSpans(t, probs, { ...grouped, bio: { bias: 0, short: true } }, [zero, lex, zero, zero], { bio })), ['They lie to you', 'know']);
  assert.deepEqual(show(ruleSpans(t, probs, { ...grouped, bio: { bias: 0 } }, [zero, lex, zero, zero], { bio })), ['They lie to you']);
});

test('neighbour-sentence features of the second pass: off by default; previous / next sentence maxima and classifier probabilities', () => {
  const sp = [0.15, 0.55, 0.95];
  const plain = stackFeatures(t, probs, sp);
  assert.ok(!plain.flat().some((f) => f.startsWith('nmax=')));
  const f = stackFeatures(t, probs, sp, false, undefined, undefined, undefined, false, false, true);
  const know = f[words.indexOf('know')];
  // Sentence maxima: 0.9 (lie), 0.6 (know), 0.1.
  assert.ok(know.includes('nmax=9_1') && know.includes('nsp=1_9') && know.includes('pnmax=6_9') && know.includes('snmax=6_9'), know.join(' '));
  const first = f[0];
  assert.ok(first.includes('nmax=x_6') && first.includes('nsp=x_5'), first.join(' '));
});
