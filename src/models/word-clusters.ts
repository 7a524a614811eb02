/**
 * Word clusters from unlabeled text: words that appear between the same neighbours fall in the same
 * cluster (distributional classes, a cheap stand-in for Brown clusters). They let the tagger
 * generalize from names seen in training to unseen names used the same way ("envoy X said").
 *
 * Each word is a vector of log-counts of its left and right neighbours (the most frequent words,
 * plus coarse classes for the rest); spherical k-means groups them; a second k-means over the
 * centroids gives coarse clusters. Deterministic for a seed.
 */
import { rng, shuffle } from './random.js';
import { conllForm, shortShape } from './ner-features.js';
import { hash32 } from './perceptron.js';

/** Split raw text into CoNLL-like tokens, one array per line. */
export function clusterTokens(text: string): string[][] {
  const out: string[][] = [];
  for (const line of text.split(/\r?\n/)) {
    const toks = line.match(/[\p{L}\p{N}]+(?:[-&.][\p{L}\p{N}]+)*|['\u2019][A-Za-z]+\b|\S/gu);
    if (toks && toks.length > 1) out.push(toks.map(conllForm));
  }
  return out;
}

export interface ClusterOptions {
  k: number;
  coarseK: number;
  minCount: number;
  /** How many of the most frequent (lowercased) words serve as context dimensions. */
  contexts: number;
  iterations: number;
  seed: number;
}

export interface WordClusters {
  /** word -> fine cluster id */
  fine: Map<string, number>;
  /** fine cluster id -> coarse cluster id */
  coarse: number[];
}

function contextClass(w: string): string {
  return `#${shortShape(w).slice(0, 3)}`;
}

export function buildClusters(sentences: string[][], o: ClusterOptions): WordClusters {
  const freq = new Map<string, number>();
  const lfreq = new Map<string, number>();
  for (const s of sentences)
    for (const w of s) {
      freq.set(w, (freq.get(w) ?? 0) + 1);
      const l = w.toLowerCase();
      lfreq.set(l, (lfreq.get(l) ?? 0) + 1);
    }
  const byFreq = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const vocab = byFreq(freq)
    .filter(([, n]) => n >= o.minCount)
    .map(([w]) => w);
  const vIndex = new Map(vocab.map((w, i) => [w, i]));
  const ctxIndex = new Map<string, number>();
  for (const [w] of byFreq(lfreq).slice(0, o.contexts)) ctxIndex.set(w, ctxIndex.size);
  const dimOf = (w: string | undefined, side: number): number => {
    const key = w === undefined ? '<s>' : ctxIndex.has(w.toLowerCase()) ? w.toLowerCase() : contextClass(w);
    let d = ctxIndex.get(key);
    if (d === undefined) ctxIndex.set(key, (d = ctxIndex.size));
    return d * 2 + side;
  };
  // Sparse co-occurrence counts per vocabulary word.
  const rows: Map<number, number>[] = vocab.map(() => new Map());
  for (const s of sentences)
    s.forEach((w, i) => {
      const v = vIndex.get(w);
      if (v === undefined) return;
      const row = rows[v];
      for (const d of [dimOf(s[i - 1], 0), dimOf(s[i + 1], 1)]) row.set(d, (row.get(d) ?? 0) + 1);
    });
  const D = ctxIndex.size * 2;
  const idx: Int32Array[] = [];
  const val: Float32Array[] = [];
  for (const row of rows) {
    const ks = [...row.keys()].sort((a, b) => a - b);
    const vs = ks.map((k) => Math.log1p(row.get(k)!));
    const norm = Math.sqrt(vs.reduce((a, b) => a + b * b, 0)) || 1;
    idx.push(Int32Array.from(ks));
    val.push(Float32Array.from(vs, (x) => x / norm));
  }
  const fineOf = kmeans(
    vocab.length,
    D,
    o.k,
    o.iterations,
    o.seed,
    (i, c) => {
      let s = 0;
      const ix = idx[i];
      const vx = val[i];
      for (let j = 0; j < ix.length; j++) s += vx[j] * c[ix[j]];
      return s;
    },
    (i, c, sign) => {
      const ix = idx[i];
      const vx = val[i];
      for (let j = 0; j < ix.length; j++) c[ix[j]] += sign * vx[j];
    },
  );
  // Coarse clusters: k-means over the fine centroids.
  const cents: Float64Array[] = Array.from({ length: o.k }, () => new Float64Array(D));
  fineOf.assign.forEach((c, i) => {
    const ix = idx[i];
    const vx = val[i];
    for (let j = 0; j < ix.length; j++) cents[c][ix[j]] += vx[j];
  });
  for (const c of cents) {
    const n = Math.sqrt(c.reduce((a, b) => a + b * b, 0)) || 1;
    for (let d = 0; d < D; d++) c[d] /= n;
  }
  const coarse = kmeans(
    o.k,
    D,
    o.coarseK,
    o.iterations,
    o.seed + 1,
    (i, c) => {
      let s = 0;
      const x = cents[i];
      for (let d = 0; d < D; d++) s += x[d] * c[d];
      return s;
    },
    (i, c, sign) => {
      const x = cents[i];
      for (let d = 0; d < D; d++) c[d] += sign * x[d];
    },
  ).assign;
  const fine = new Map<string, number>();
  vocab.forEach((w, i) => fine.set(w, fineOf.assign[i]));
  return { fine, coarse: [...coarse] };
}

/** Spherical k-means over n points given dot(point, centroid) and add(point, centroidSum, ±1). */
function kmeans(
  n: number,
  D: number,
  k: number,
  iterations: number,
  seed: number,
  dot: (i: number, c: Float64Array) => number,
  add: (i: number, c: Float64Array, sign: number) => void,
): { assign: Int32Array } {
  const random = rng(seed);
  const order = shuffle(
    Array.from({ length: n }, (_, i) => i),
    random,
  );
  const cents = Array.from({ length: k }, (_, c) => {
    const v = new Float64Array(D);
    add(order[c % n], v, 1);
    return v;
  });
  const assign = new Int32Array(n).fill(-1);
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestS = -Infinity;
      for (let c = 0; c < k; c++) {
        const s = dot(i, cents[c]);
        if (s > bestS) [best, bestS] = [c, s];
      }
      if (assign[i] !== best) moved++;
      assign[i] = best;
    }
    const sums = Array.from({ length: k }, () => new Float64Array(D));
    const sizes = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      add(i, sums[assign[i]], 1);
      sizes[assign[i]]++;
    }
    for (let c = 0; c < k; c++) {
      if (!sizes[c]) {
        // Re-seed an empty cluster with a random point.
        sums[c].fill(0);
        add(order[Math.floor(random() * n)], sums[c], 1);
      }
      const norm = Math.sqrt(sums[c].reduce((a, b) => a + b * b, 0)) || 1;
      for (let d = 0; d < D; d++) sums[c][d] /= norm;
      cents[c] = sums[c];
    }
    if (!moved) break;
  }
  return { assign };
}

/** Clusters stored as numbers only: word hashes and their cluster ids. */
export interface HashedClustersData {
  /** base64 Uint32Array of sorted word hashes */
  keys: string;
  /** base64 Uint8Array (k <= 256) of fine cluster ids, aligned with keys */
  fine: string;
  coarse: number[];
}

export function hashClusters(c: WordClusters): HashedClustersData {
  const pairs = [...c.fine.entries()].map(([w, id]) => [hash32(w), id] as [number, number]).sort((a, b) => a[0] - b[0]);
  const keys = Uint32Array.from(pairs, (p) => p[0]);
  const fine = Uint8Array.from(pairs, (p) => p[1]);
  return { keys: Buffer.from(keys.buffer).toString('base64'), fine: Buffer.from(fine.buffer).toString('base64'), coarse: c.coarse };
}

/** word -> [fine, coarse] cluster ids, trying the word as written, then capitalized. */
export type ClusterLookup = (word: string) => [number, number] | undefined;

export function clusterLookup(d: HashedClustersData): ClusterLookup {
  const kb = Buffer.from(d.keys, 'base64');
  const ab = new ArrayBuffer(kb.length);
  new Uint8Array(ab).set(kb);
  const keys = new Uint32Array(ab);
  const fine = new Uint8Array(Buffer.from(d.fine, 'base64'));
  const m = new Map<number, number>();
  keys.forEach((h, i) => m.set(h, fine[i]));
  return (w) => {
    let c = m.get(hash32(w));
    if (c === undefined && w.length > 1) c = m.get(hash32(w[0] + w.slice(1).toLowerCase()));
    if (c === undefined) c = m.get(hash32(w.toLowerCase()));
    return c === undefined ? undefined : [c, d.coarse[c]];
  };
}

export function plainClusterLookup(c: WordClusters): ClusterLookup {
  return (w) => {
    let id = c.fine.get(w);
    if (id === undefined && w.length > 1) id = c.fine.get(w[0] + w.slice(1).toLowerCase());
    if (id === undefined) id = c.fine.get(w.toLowerCase());
    return id === undefined ? undefined : [id, c.coarse[id]];
  };
}
