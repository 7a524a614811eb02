/**
 * The cached id encoders (encode.ts) give exactly the ids of the string path — same ids, same order,
 * unknown features dropped — so the shipped model's probabilities are bit-identical either way.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../src/nlp/tokenize.js';
import { FeatureVocab } from '../../src/models/logreg.js';
import { rng } from '../../src/models/random.js';
import { stackFeatures, tokenFeatures, sentenceFeatures, type TokenizedText } from '../../src/models/features/propaganda.js';
import { StackIdEncoder, TokenIdEncoder } from '../../src/analyzers/techniques/encode.js';
import { loadTechniquesModel, secondPass } from '../../src/analyzers/techniques/model.js';

// Made-up text: a title line, quotes, `!`/`?`, ALL CAPS, words with `_` (bigram strings are split on it), repeats.
const TEXTS = [
  'SHOCKING truth about the so_called experts!\nThey said "it is a disgrace" and nobody asked why?\nThe so_called experts, the so called experts: lies, LIES and more lies.',
  'A calm sentence with nothing loaded in it.\nWe, the people of this nation, will never surrender — never!\n“Traitors,” he shouted. Why would anyone believe a_b c?',
];
const texts: TokenizedText[] = TEXTS.map((text) => ({ text, ...tokenize(text) }));

/** Vocabularies: every feature of the texts, every other one (unknown features must be dropped), and a few. */
function vocabs(lists: string[][]): FeatureVocab[] {
  const all = [...new Set(lists.flat())];
  return [FeatureVocab.from(all), FeatureVocab.from(all.filter((_, i) => i % 2 === 0)), FeatureVocab.from(all.filter((_, i) => i % 7 === 3))];
}

test('TokenIdEncoder gives the ids of vocab.encode(tokenFeatures) for every token, in order', () => {
  const lists = texts.flatMap((t) => tokenFeatures(t));
  assert.ok(lists.some((f) => f.some((x) => x.startsWith('b-1=') && x.split('_').length > 2)), 'a bigram of a word holding _');
  for (const vocab of vocabs(lists)) {
    // maxEntries 3: the cache is emptied again and again, the ids must not change.
    for (const enc of [new TokenIdEncoder(vocab), new TokenIdEncoder(vocab, 3)]) {
      for (let round = 0; round < 2; round++) {
        for (const t of texts) assert.deepEqual(enc.encode(t).map((x) => Array.from(x)), tokenFeatures(t).map((f) => Array.from(vocab.encode(f))));
      }
    }
  }
});

test('StackIdEncoder gives the ids of vocab.encode(stackFeatures) (sentence and group probabilities, bucket edges)', () => {
  const random = rng(7);
  // Probabilities on bucket edges (0, 0.3, 0.5, 1) as well as random ones.
  const edges = [0, 0.1, 0.3, 0.5, 0.95, 1];
  const p = (n: number) => Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? edges[i % edges.length] : random()));
  const cases = texts.flatMap((t) => {
    const n = t.tokens.length;
    const probs = p(n);
    const sent = p(t.sentences.length);
    const groups = { tok: [p(n), p(n), p(n), p(n)] };
    return [
      { t, probs, sent, groups },
      { t, probs, sent: undefined, groups: undefined },
    ];
  });
  const lists = cases.flatMap((c) => stackFeatures(c.t, c.probs, c.sent, false, undefined, undefined, c.groups));
  for (const vocab of vocabs(lists)) {
    const enc = new StackIdEncoder(vocab);
    for (const c of [...cases, ...cases]) {
      const want = stackFeatures(c.t, c.probs, c.sent, false, undefined, undefined, c.groups).map((f) => Array.from(vocab.encode(f)));
      assert.deepEqual(enc.encode(c.t, c.probs, c.sent, c.groups).map((x) => Array.from(x)), want);
    }
  }
  assert.ok(StackIdEncoder.supports({ groups: { tok: [] } }));
  assert.ok(!StackIdEncoder.supports({ wide: true }) && !StackIdEncoder.supports({ lexical: true }) && !StackIdEncoder.supports({ groups: { sent: [] } }) && !StackIdEncoder.supports({ neighbours: true }));
});

test('the shipped model scores with the encoders exactly as with feature strings', () => {
  const { model } = loadTechniquesModel();
  for (const t of texts) {
    const got = model.passes(t);
    // The string path, written out: first pass over tokenFeatures, sentence model, second pass over stackFeatures.
    const K = model.si.K;
    const tok = tokenFeatures(t).map((f) => model.si.probs(f));
    const first = Float64Array.from(tok, (q) => 1 - q[0]);
    const groups = Array.from({ length: K - 1 }, (_, g) => Float64Array.from(tok, (q) => q[g + 1]));
    const sent = sentenceFeatures(t).map((f) => model.sent!.probs(f)[1]);
    const sp = secondPass(model.si2!, stackFeatures(t, first, sent, false, undefined, undefined, { tok: groups }));
    assert.deepEqual(Array.from(got.first), Array.from(first));
    assert.deepEqual(Array.from(got.second), Array.from(sp.p));
    sp.groups!.forEach((q, g) => assert.deepEqual(Array.from(got.groups![g]), Array.from(q)));
  }
});
