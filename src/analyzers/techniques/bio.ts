/**
 * Learned span boundaries (round 7, `--bio`): a B/I/O tagger over the second-pass features — a multinomial
 * logistic regression for the emissions (log P(y | token)) and transition scores log P(cur | prev)
 * counted from the gold label sequences — decoded per sentence with a constrained Viterbi (no I after
 * O, no I at a sentence start). Spans are the B I* runs, instead of the threshold rule's runs. An O
 * bias (chosen on the training articles, as the thresholds are) trades precision for recall.
 * (An averaged structured perceptron was tried first: uncalibrated scores, far below the rule.)
 */
import type { TokenSpan } from '../../nlp/doc.js';
import { sentenceRanges, type TokenizedText } from '../../models/features/propaganda.js';

export const BIO_O = 0;
export const BIO_B = 1;
export const BIO_I = 2;
const L = 3;

/** The shipped form: feature names, emission weights (feature-major, 3 per feature), a 3×3 prev→cur transition matrix, label log priors. */
export interface BioData {
  features: string[];
  weights: number[];
  trans: number[];
  prior: number[];
}

/** Extra boundary features of a token: its and its neighbours' part of speech and punctuation. */
export function bioExtraFeatures(t: TokenizedText): string[][] {
  const ranges = sentenceRanges(t);
  return t.tokens.map((tok, i) => {
    const [a, b] = ranges[tok.sentence];
    const pos = (j: number) => (j < a ? '<s>' : j > b ? '</s>' : t.tokens[j].type === 'punctuation' ? t.text.slice(t.tokens[j].start, t.tokens[j].end) : t.tokens[j].pos);
    return [`bp=${pos(i)}`, `bp-1=${pos(i - 1)}`, `bp+1=${pos(i + 1)}`, `bpp=${pos(i - 1)}_${pos(i)}`];
  });
}

/** Gold B/I/O labels from per-token "inside a gold span" flags: B where a run starts (or a sentence does). */
export function bioLabels(tokens: Pick<TokenSpan, 'sentence'>[], inside: ArrayLike<number>): Uint8Array {
  const y = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    if (!inside[i]) continue;
    y[i] = i > 0 && inside[i - 1] && tokens[i - 1].sentence === tokens[i].sentence ? BIO_I : BIO_B;
  }
  return y;
}

/** Emission scores (n × 3) of encoded tokens. */
export function emissions(w: ArrayLike<number>, xs: Int32Array[]): Float64Array {
  const e = new Float64Array(xs.length * L);
  xs.forEach((x, i) => {
    for (const f of x) for (let k = 0; k < L; k++) e[i * L + k] += w[f * L + k];
  });
  return e;
}

/**
 * Best constrained label sequence of tokens [a, b] (one sentence): scores = emissions (+ `bias` on O)
 * + transitions; I may only follow B or I, and never starts the sentence.
 */
export function viterbi(e: ArrayLike<number>, trans: ArrayLike<number>, a: number, b: number, bias: number, out: Uint8Array): void {
  const n = b - a + 1;
  if (n <= 0) return;
  const score = new Float64Array(n * L);
  const back = new Uint8Array(n * L);
  for (let k = 0; k < L; k++) score[k] = k === BIO_I ? -Infinity : e[a * L + k] + (k === BIO_O ? bias : 0);
  for (let i = 1; i < n; i++) {
    for (let k = 0; k < L; k++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < L; p++) {
        if (k === BIO_I && p === BIO_O) continue;
        const s = score[(i - 1) * L + p] + trans[p * L + k];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * L + k] = best + e[(a + i) * L + k] + (k === BIO_O ? bias : 0);
      back[i * L + k] = arg;
    }
  }
  let k = 0;
  for (let j = 1; j < L; j++) if (score[(n - 1) * L + j] > score[(n - 1) * L + k]) k = j;
  for (let i = n - 1; i >= 0; i--) {
    out[a + i] = k;
    k = back[i * L + k];
  }
}

/** Labels of every sentence of a text, decoded independently. */
export function decode(sentences: [number, number][], e: ArrayLike<number>, trans: ArrayLike<number>, bias: number, n: number): Uint8Array {
  const y = new Uint8Array(n);
  for (const [a, b] of sentences) if (a >= 0) viterbi(e, trans, a, b, bias, y);
  return y;
}

/** Token spans [first, last] of the B I* runs, edge punctuation trimmed (as every span rule does). */
export function bioSpans(t: { tokens: Pick<TokenSpan, 'type'>[] }, y: Uint8Array): [number, number][] {
  const out: [number, number][] = [];
  const flush = (a: number, b: number) => {
    while (a <= b && t.tokens[a].type === 'punctuation') a++;
    while (b >= a && t.tokens[b].type === 'punctuation') b--;
    if (a <= b) out.push([a, b]);
  };
  let start = -1;
  for (let i = 0; i <= y.length; i++) {
    const lab = i < y.length ? y[i] : BIO_O;
    if (start >= 0 && lab !== BIO_I) {
      flush(start, i - 1);
      start = -1;
    }
    if (lab === BIO_B) start = i;
  }
  return out;
}

/**
 * Transition scores log P(cur | prev) from gold label sequences (add-one smoothed; O → I never
 * occurs and is forbidden by the decoder anyway) and log priors log P(y) of the labels.
 */
export function transitionsOf(seqs: Uint8Array[]): { trans: Float64Array; prior: Float64Array } {
  const c = new Float64Array(L * L).fill(1);
  const n = new Float64Array(L).fill(1);
  for (const y of seqs) {
    for (let i = 0; i < y.length; i++) {
      n[y[i]]++;
      if (i > 0) c[y[i - 1] * L + y[i]]++;
    }
  }
  const trans = new Float64Array(L * L);
  for (let p = 0; p < L; p++) {
    let row = 0;
    for (let k = 0; k < L; k++) row += c[p * L + k];
    for (let k = 0; k < L; k++) trans[p * L + k] = Math.log(c[p * L + k] / row);
  }
  let total = 0;
  for (const x of n) total += x;
  return { trans, prior: Float64Array.from(n, (x) => Math.log(x / total)) };
}

/** Per-token log P(y | x) (n × 3) of a multinomial logistic B/I/O model (feature-major weights). */
export function logPosteriors(w: ArrayLike<number>, xs: Int32Array[]): Float64Array {
  const e = emissions(w, xs);
  for (let i = 0; i < xs.length; i++) {
    let max = -Infinity;
    for (let k = 0; k < L; k++) max = Math.max(max, e[i * L + k]);
    let sum = 0;
    for (let k = 0; k < L; k++) sum += Math.exp(e[i * L + k] - max);
    const z = max + Math.log(sum);
    for (let k = 0; k < L; k++) e[i * L + k] -= z;
  }
  return e;
}

/** Emissions for the decoder: log posteriors, or (hybrid) scaled likelihoods log P(y | x) − log P(y). */
export function decodeScores(logPost: ArrayLike<number>, prior: ArrayLike<number> | undefined): ArrayLike<number> {
  if (!prior) return logPost;
  return Float64Array.from(logPost, (x, j) => x - prior[j % L]);
}
