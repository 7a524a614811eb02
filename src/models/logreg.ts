/**
 * Multinomial logistic regression over sparse binary features, trained with AdaGrad SGD and L2 on the
 * touched weights. Used by the propaganda-technique models (token tagger for span identification,
 * span classifier for technique classification). Deterministic for a seed: example order comes from
 * the seeded shuffle and features are numbered in first-seen order of a fixed data order.
 */
import { rng, shuffle } from './random.js';

/** Feature strings -> ids, built from training data with a minimum count. */
export class FeatureVocab {
  readonly ids = new Map<string, number>();
  readonly names: string[] = [];

  static build(featureLists: Iterable<string[]>, minCount: number): FeatureVocab {
    const counts = new Map<string, number>();
    for (const list of featureLists) for (const f of new Set(list)) counts.set(f, (counts.get(f) ?? 0) + 1);
    const v = new FeatureVocab();
    // Map iteration is insertion order, i.e. first-seen order of the data: deterministic.
    for (const [f, c] of counts) if (c >= minCount) v.add(f);
    return v;
  }

  static from(names: string[]): FeatureVocab {
    const v = new FeatureVocab();
    for (const n of names) v.add(n);
    return v;
  }

  add(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      this.ids.set(name, id);
    }
    return id;
  }

  get size(): number {
    return this.names.length;
  }

  /** Generation stamps per id for encode's de-duplication (cheaper than a Set on the analysis hot path). */
  private stamp?: Uint32Array;
  private gen = 0;

  /** Known feature ids of a list, de-duplicated (first-seen order), unknown features dropped (they carry no weight). */
  encode(features: string[]): Int32Array {
    if (!this.stamp || this.stamp.length < this.names.length) {
      this.stamp = new Uint32Array(this.names.length);
      this.gen = 0;
    }
    if (++this.gen === 0xffffffff) {
      this.stamp.fill(0);
      this.gen = 1;
    }
    const out = new Int32Array(features.length);
    let n = 0;
    for (const f of features) {
      const id = this.ids.get(f);
      if (id !== undefined && this.stamp[id] !== this.gen) {
        this.stamp[id] = this.gen;
        out[n++] = id;
      }
    }
    return out.slice(0, n);
  }
}

export interface Example {
  x: Int32Array;
  y: number;
}

export interface LogRegOptions {
  epochs: number;
  seed: number;
  /** AdaGrad base learning rate. */
  lr?: number;
  l2?: number;
  /** Loss weight per class (e.g. to soften imbalance). */
  classWeights?: number[];
}

/** Weights laid out feature-major: w[f * K + k]; bias is an ordinary always-on feature. */
export function trainLogReg(examples: Example[], nFeatures: number, K: number, opts: LogRegOptions): Float64Array {
  const lr = opts.lr ?? 0.1;
  const l2 = opts.l2 ?? 1e-6;
  const w = new Float64Array(nFeatures * K);
  const g2 = new Float64Array(nFeatures * K);
  const order = examples.map((_, i) => i);
  const random = rng(opts.seed);
  const p = new Float64Array(K);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const { x, y } = examples[i];
      scoresInto(w, K, x, p);
      softmaxInPlace(p);
      const cw = opts.classWeights ? opts.classWeights[y] : 1;
      for (let j = 0; j < x.length; j++) {
        const base = x[j] * K;
        for (let k = 0; k < K; k++) {
          const g = cw * (p[k] - (k === y ? 1 : 0)) + l2 * w[base + k];
          if (g === 0) continue;
          g2[base + k] += g * g;
          w[base + k] -= (lr * g) / Math.sqrt(g2[base + k] + 1e-8);
        }
      }
    }
  }
  return w;
}

export function scoresInto(w: ArrayLike<number>, K: number, x: ArrayLike<number>, out: Float64Array): void {
  out.fill(0);
  for (let j = 0; j < x.length; j++) {
    const base = x[j] * K;
    for (let k = 0; k < K; k++) out[k] += w[base + k];
  }
}

export function softmaxInPlace(s: Float64Array): void {
  let max = -Infinity;
  for (let k = 0; k < s.length; k++) if (s[k] > max) max = s[k];
  let sum = 0;
  for (let k = 0; k < s.length; k++) {
    s[k] = Math.exp(s[k] - max);
    sum += s[k];
  }
  for (let k = 0; k < s.length; k++) s[k] /= sum;
}

/** The compact shipped form: only features with some non-negligible weight, weights rounded. */
export interface LogRegData {
  classes: string[];
  features: string[];
  /** Flattened feature-major weights, length features.length * classes.length. */
  weights: number[];
}

export function packLogReg(w: Float64Array, vocab: FeatureVocab, classes: string[], minAbs = 1e-3, digits = 4): LogRegData {
  const K = classes.length;
  const features: string[] = [];
  const weights: number[] = [];
  const scale = 10 ** digits;
  for (let f = 0; f < vocab.size; f++) {
    let keep = false;
    for (let k = 0; k < K; k++) if (Math.abs(w[f * K + k]) >= minAbs) keep = true;
    if (!keep) continue;
    features.push(vocab.names[f]);
    for (let k = 0; k < K; k++) weights.push(Math.round(w[f * K + k] * scale) / scale);
  }
  return { classes, features, weights };
}

/** A loaded model: predicts class probabilities and explains them with per-feature contributions. */
export class LogReg {
  readonly vocab: FeatureVocab;
  readonly K: number;
  readonly w: Float64Array;
  constructor(readonly data: LogRegData) {
    this.vocab = FeatureVocab.from(data.features);
    this.K = data.classes.length;
    this.w = Float64Array.from(data.weights);
  }

  static fromTrained(w: Float64Array, vocab: FeatureVocab, classes: string[]): LogReg {
    return new LogReg(packLogReg(w, vocab, classes, 0, 12));
  }

  probs(features: string[]): Float64Array {
    return this.probsIds(this.vocab.encode(features));
  }

  probsIds(x: Int32Array): Float64Array {
    const p = new Float64Array(this.K);
    scoresInto(this.w, this.K, x, p);
    softmaxInPlace(p);
    return p;
  }

  /** The features pushing class k up the most (weight for k minus mean weight of the others). */
  explain(features: string[], k: number, top = 5): { feature: string; weight: number }[] {
    return this.explainIds(this.vocab.encode(features), k, top);
  }

  /** `explain` over already encoded feature ids (callers that scored them keep the encoding). */
  explainIds(x: Int32Array, k: number, top = 5): { feature: string; weight: number }[] {
    const out: { feature: string; weight: number }[] = [];
    for (const id of x) {
      // The intercept explains nothing to an analyst.
      if (this.vocab.names[id] === 'bias') continue;
      let others = 0;
      for (let j = 0; j < this.K; j++) if (j !== k) others += this.w[id * this.K + j];
      const margin = this.w[id * this.K + k] - (this.K > 1 ? others / (this.K - 1) : 0);
      if (margin > 0) out.push({ feature: this.vocab.names[id], weight: Math.round(margin * 1000) / 1000 });
    }
    out.sort((a, b) => b.weight - a.weight || (a.feature < b.feature ? -1 : 1));
    return out.slice(0, top);
  }
}
