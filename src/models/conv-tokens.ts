/**
 * Inputs of the convolutional token model (conv1d.ts): per token its word vector (zeros when the
 * word is unknown) and a few surface flags, one sequence per sentence. The word vectors are fixed
 * (trained by SGNS on other text, see word-vectors.ts); the network learns only the filters.
 */
import { QUOTES, sentenceRanges, type DenseLookup, type TokenizedText } from './features/propaganda.js';
import { ConvNet } from './conv1d.js';

/** Flags after the vector: unknown, punctuation, capitalized, all caps, title sentence, quote mark, '!', '?'. */
export const CONV_FLAGS = 8;
export const convInputWidth = (dim: number) => dim + CONV_FLAGS;

/** Row-major tokens × convInputWidth(dim) inputs of the whole text (sentences are cut out by convProbs). */
export function convTokenInputs(t: TokenizedText, emb: DenseLookup): Float32Array {
  const D = emb.dim;
  const width = convInputWidth(D);
  const out = new Float32Array(t.tokens.length * width);
  t.tokens.forEach((tok, i) => {
    const w = t.text.slice(tok.start, tok.end);
    const lower = w.toLowerCase().replace(/’/g, "'");
    const punct = tok.type === 'punctuation';
    const e = punct ? undefined : emb.of(lower);
    const o = i * width;
    if (e) out.set(e.vec, o);
    const f = o + D;
    out[f] = e || punct ? 0 : 1;
    out[f + 1] = punct ? 1 : 0;
    out[f + 2] = /^\p{Lu}/u.test(w) ? 1 : 0;
    out[f + 3] = w.length > 1 && /\p{L}/u.test(w) && w === w.toUpperCase() ? 1 : 0;
    out[f + 4] = tok.sentence === 0 ? 1 : 0;
    out[f + 5] = QUOTES.has(lower) ? 1 : 0;
    out[f + 6] = w === '!' ? 1 : 0;
    out[f + 7] = w === '?' ? 1 : 0;
  });
  return out;
}

/** The sentences of a text as [first token, last token] ranges (empty sentences left out). */
export function convSentences(t: TokenizedText): [number, number][] {
  return sentenceRanges(t).filter(([a]) => a >= 0);
}

/**
 * P(propaganda) per token = 1 − P(class 0), each sentence run through the network on its own
 * (zero padding at sentence edges, as in training).
 */
export function convProbs(net: ConvNet, t: TokenizedText, x: Float32Array): Float64Array {
  const width = net.data.inputs;
  const C = net.data.classes;
  const out = new Float64Array(t.tokens.length);
  for (const [a, b] of convSentences(t)) {
    const n = b - a + 1;
    const p = net.probs(x.subarray(a * width, (b + 1) * width), n);
    for (let i = 0; i < n; i++) out[a + i] = 1 - p[i * C];
  }
  return out;
}
