/**
 * Word vectors by skip-gram with negative sampling (word2vec SGNS, Mikolov et al. 2013), trained
 * here on unlabelled text, single-threaded on Float32Arrays so a seed gives the same vectors bit for
 * bit. Plus spherical k-means over the vectors, which turns them into discrete word classes that the
 * sparse-binary logistic regressions can use as ordinary features.
 */
import { rng, shuffle } from './random.js';

export interface SgnsOptions {
  dim: number;
  /** Maximum window; each centre word draws its window from 1..window (word2vec's dynamic window). */
  window: number;
  negatives: number;
  minCount: number;
  epochs: number;
  /** Subsampling threshold of frequent words (word2vec's `sample`); 0 = none. */
  sample: number;
  /** Initial learning rate, decayed linearly to 1e-4 × lr. */
  lr: number;
  seed: number;
}

export const DEFAULT_SGNS: Omit<SgnsOptions, 'seed'> = { dim: 100, window: 5, negatives: 5, minCount: 3, epochs: 5, sample: 1e-4, lr: 0.025 };

export interface WordVectors {
  words: string[];
  counts: number[];
  dim: number;
  /** Row-major, words.length × dim. */
  vectors: Float32Array;
}

const MAX_EXP = 6;

/** Vocabulary by descending count, ties by code-unit order (deterministic). */
function buildVocab(sentences: string[][], minCount: number): { words: string[]; counts: number[] } {
  const freq = new Map<string, number>();
  for (const s of sentences) for (const w of s) freq.set(w, (freq.get(w) ?? 0) + 1);
  const entries = [...freq].filter(([, n]) => n >= minCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { words: entries.map((e) => e[0]), counts: entries.map((e) => e[1]) };
}

export function trainSgns(sentences: string[][], o: SgnsOptions): WordVectors {
  const { words, counts } = buildVocab(sentences, o.minCount);
  const V = words.length;
  const D = o.dim;
  const index = new Map(words.map((w, i) => [w, i]));
  const random = rng(o.seed);
  const syn0 = new Float32Array(V * D);
  for (let i = 0; i < syn0.length; i++) syn0[i] = (random() - 0.5) / D;
  const syn1 = new Float32Array(V * D);
  if (V < 2) return { words, counts, dim: D, vectors: syn0 };
  // Negative-sampling table: unigram counts ^ 0.75.
  const TABLE = Math.max(1e5, Math.min(1e7, V * 100));
  const table = new Int32Array(TABLE);
  let norm = 0;
  for (const c of counts) norm += c ** 0.75;
  let wi = 0;
  let cum = counts[0] ** 0.75 / norm;
  for (let a = 0; a < TABLE; a++) {
    table[a] = wi;
    if (a / TABLE > cum && wi < V - 1) cum += counts[++wi] ** 0.75 / norm;
  }
  const total = counts.reduce((a, b) => a + b, 0);
  const keepProb = counts.map((c) => (o.sample > 0 ? Math.min(1, (Math.sqrt(c / (o.sample * total)) + 1) * ((o.sample * total) / c)) : 1));
  const ids = sentences.map((s) => Int32Array.from(s.map((w) => index.get(w) ?? -1).filter((x) => x >= 0)));
  const order = ids.map((_, i) => i);
  const totalSteps = o.epochs * total;
  let done = 0;
  const grad = new Float32Array(D);
  const sent = new Int32Array(Math.max(1, ...ids.map((s) => s.length)));
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    shuffle(order, random);
    for (const si of order) {
      const s = ids[si];
      done += s.length;
      const lr = Math.max(o.lr * 1e-4, o.lr * (1 - done / (totalSteps + 1)));
      let n = 0;
      for (let i = 0; i < s.length; i++) if (keepProb[s[i]] >= 1 || random() < keepProb[s[i]]) sent[n++] = s[i];
      for (let i = 0; i < n; i++) {
        const b = 1 + Math.floor(random() * o.window);
        for (let j = Math.max(0, i - b); j <= Math.min(n - 1, i + b); j++) {
          if (j === i) continue;
          // Predict centre word sent[i] from context word sent[j] (word2vec's layout): update the context's input vector.
          const inBase = sent[j] * D;
          grad.fill(0);
          for (let d = 0; d <= o.negatives; d++) {
            let target: number;
            let label: number;
            if (d === 0) {
              target = sent[i];
              label = 1;
            } else {
              target = table[Math.floor(random() * TABLE)];
              if (target === sent[i]) continue;
              label = 0;
            }
            const outBase = target * D;
            let f = 0;
            for (let k = 0; k < D; k++) f += syn0[inBase + k] * syn1[outBase + k];
            const g = f > MAX_EXP ? (label - 1) * lr : f < -MAX_EXP ? label * lr : (label - 1 / (1 + Math.exp(-f))) * lr;
            for (let k = 0; k < D; k++) {
              grad[k] += g * syn1[outBase + k];
              syn1[outBase + k] += g * syn0[inBase + k];
            }
          }
          for (let k = 0; k < D; k++) syn0[inBase + k] += grad[k];
        }
      }
    }
  }
  return { words, counts, dim: D, vectors: syn0 };
}

/** Unit-length copy of the vectors (cosine similarity = dot product). */
export function normalized(v: WordVectors): Float32Array {
  const out = new Float32Array(v.vectors.length);
  for (let i = 0; i < v.words.length; i++) {
    let s = 0;
    for (let k = 0; k < v.dim; k++) s += v.vectors[i * v.dim + k] ** 2;
    const n = Math.sqrt(s) || 1;
    for (let k = 0; k < v.dim; k++) out[i * v.dim + k] = v.vectors[i * v.dim + k] / n;
  }
  return out;
}

export function cosine(v: WordVectors, a: string, b: string): number {
  const i = v.words.indexOf(a);
  const j = v.words.indexOf(b);
  if (i < 0 || j < 0) throw new Error(`cosine: '${i < 0 ? a : b}' is not in the vocabulary`);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let k = 0; k < v.dim; k++) {
    const x = v.vectors[i * v.dim + k];
    const y = v.vectors[j * v.dim + k];
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return dot / Math.sqrt(na * nb || 1);
}

/**
 * Spherical k-means over n unit rows of X (n × D); init from k distinct rows drawn with the seed.
 * Returns the assignment and the unit centroids.
 */
export function sphericalKMeans(X: Float32Array, n: number, D: number, k: number, iterations: number, seed: number): { assign: Int32Array; centroids: Float32Array } {
  if (k > n) k = n;
  const order = shuffle(
    Array.from({ length: n }, (_, i) => i),
    rng(seed),
  );
  const C = new Float32Array(k * D);
  for (let c = 0; c < k; c++) C.set(X.subarray(order[c] * D, order[c] * D + D), c * D);
  const assign = new Int32Array(n).fill(-1);
  const sums = new Float64Array(k * D);
  for (let it = 0; it < iterations; it++) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestS = -Infinity;
      const base = i * D;
      for (let c = 0; c < k; c++) {
        let s = 0;
        const cb = c * D;
        for (let d = 0; d < D; d++) s += X[base + d] * C[cb + d];
        if (s > bestS) {
          bestS = s;
          best = c;
        }
      }
      if (assign[i] !== best) changed++;
      assign[i] = best;
    }
    sums.fill(0);
    for (let i = 0; i < n; i++) for (let d = 0; d < D; d++) sums[assign[i] * D + d] += X[i * D + d];
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let d = 0; d < D; d++) s += sums[c * D + d] ** 2;
      // An empty cluster keeps its old centroid.
      if (s === 0) continue;
      const nrm = Math.sqrt(s);
      for (let d = 0; d < D; d++) C[c * D + d] = sums[c * D + d] / nrm;
    }
    if (changed === 0) break;
  }
  return { assign, centroids: C };
}

/** Word classes at several granularities, compact enough to ship inside a model artifact. */
export interface WordClassesData {
  words: string[];
  /** Number of classes per level, finest first. */
  sizes: number[];
  /** classes[level][wordIndex] = class id at that level. */
  classes: number[][];
}

/**
 * Cluster the (normalized) vectors into sizes[0] classes, then cluster those centroids into each
 * coarser size, so the levels nest (like prefixes of Brown clusters).
 */
export function wordClasses(v: WordVectors, sizes: number[], seed: number, iterations = 15): WordClassesData {
  const X = normalized(v);
  const n = v.words.length;
  const fine = sphericalKMeans(X, n, v.dim, sizes[0], iterations, seed);
  const classes: number[][] = [Array.from(fine.assign)];
  for (let l = 1; l < sizes.length; l++) {
    const coarse = sphericalKMeans(fine.centroids, Math.min(sizes[0], n), v.dim, sizes[l], iterations, seed + l);
    classes.push(Array.from(fine.assign, (c) => coarse.assign[c]));
  }
  return { words: v.words, sizes, classes };
}

/** Lookup of word -> class ids per level (undefined for unknown words), as the feature code takes it. */
export function classFn(data: WordClassesData): { levels: number; of: (word: string) => number[] | undefined } {
  const m = new Map<string, number[]>();
  data.words.forEach((w, i) => m.set(w, data.classes.map((level) => level[i])));
  return { levels: data.sizes.length, of: (w) => m.get(w) };
}

/**
 * Word vectors as shipped: unit-length rows quantized to int8 (per-row scale), plus each word's
 * SIF weight a / (a + p(word)) (Arora et al. 2017), which down-weights frequent words in averages.
 */
export interface EmbeddingData {
  words: string[];
  dim: number;
  /** words.length × dim int8 values, row-major. */
  q: number[];
  /** Per-row scale: value = q × scale. */
  scales: number[];
  sif: number[];
}

export function packEmbedding(v: WordVectors, sifA = 1e-3): EmbeddingData {
  const X = normalized(v);
  const total = v.counts.reduce((a, b) => a + b, 0);
  const q: number[] = [];
  const scales: number[] = [];
  for (let i = 0; i < v.words.length; i++) {
    let max = 0;
    for (let k = 0; k < v.dim; k++) max = Math.max(max, Math.abs(X[i * v.dim + k]));
    const s = max / 127 || 1;
    scales.push(Math.round(s * 1e7) / 1e7);
    for (let k = 0; k < v.dim; k++) q.push(Math.round(X[i * v.dim + k] / scales[i]));
  }
  return { words: v.words, dim: v.dim, q, scales, sif: v.counts.map((c) => Math.round((sifA / (sifA + c / total)) * 1e4) / 1e4) };
}

export interface Embedding {
  dim: number;
  /** Dequantized vector and SIF weight of a word (lower-cased), or undefined. */
  of: (word: string) => { vec: Float32Array; sif: number } | undefined;
}

export function embedding(d: EmbeddingData): Embedding {
  const m = new Map<string, { vec: Float32Array; sif: number }>();
  d.words.forEach((w, i) => m.set(w, { vec: Float32Array.from({ length: d.dim }, (_, k) => d.q[i * d.dim + k] * d.scales[i]), sif: d.sif[i] }));
  return { dim: d.dim, of: (w) => m.get(w) };
}
