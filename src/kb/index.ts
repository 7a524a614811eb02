/**
 * In-memory retrieval index over knowledge-base cases, built once per process from the cases in the
 * store: TF-IDF of stemmed content words (claim + tags, summary down-weighted), TF-IDF of character
 * 4-grams of the claim (paraphrase and spelling variants), and a tag-phrase table (narrative keywords).
 * Postings store L2-normalized weights so a query's dot products accumulate straight into cosines.
 */
import type { KbCase } from './types.js';
import { charGrams, contentTerms, counts, tagPhrases } from './text.js';

export interface Postings {
  docs: Int32Array;
  weights: Float32Array;
}

export interface SparseIndex {
  idf: Map<string, number>;
  /** idf of a term no case has: query words the KB never uses still count against the match. */
  unseenIdf: number;
  postings: Map<string, Postings>;
}

/** The slice of a case the matcher needs in memory (full case text stays in SQLite). */
export interface IndexedCase {
  id: string;
  /** The claim's own stemmed terms with idf weights, squared weights summing to 1 (for claim coverage). */
  claimTerms: [string, number][];
  claim: string;
  date?: string;
  keywords: string[];
}

export interface CaseIndex {
  cases: IndexedCase[];
  words: SparseIndex;
  chars: SparseIndex;
  /** Tag phrase (normalized) -> tag as written. */
  tagOf: Map<string, string>;
  /** Tag (lowercased) -> indices of cases carrying it, and its idf. */
  tagCases: Map<string, { cases: number[]; idf: number }>;
  buildMs: number;
}

function buildSparse(vectors: Map<string, number>[], maxDfShare: number): SparseIndex {
  const n = vectors.length;
  const df = new Map<string, number>();
  for (const v of vectors) for (const t of v.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [t, d] of df) idf.set(t, Math.log((n + 1) / (d + 0.5)));
  // Very common terms keep their weight in the vector norms but get no posting list (too long to scan).
  // (A small knowledge base keeps every term: the lists are short anyway.)
  const indexed = (t: string) => df.get(t)! <= Math.max(maxDfShare * n, 50);
  const lists = new Map<string, { docs: number[]; weights: number[] }>();
  vectors.forEach((v, doc) => {
    const w: [string, number][] = [];
    let norm = 0;
    for (const [t, tf] of v) {
      const i = idf.get(t);
      if (i === undefined) continue;
      // Fractional counts (down-weighted summary words) scale linearly; whole counts are sublinear.
      const x = (tf >= 1 ? 1 + Math.log(tf) : tf) * i;
      w.push([t, x]);
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, x] of w) {
      if (!indexed(t)) continue;
      let l = lists.get(t);
      if (!l) lists.set(t, (l = { docs: [], weights: [] }));
      l.docs.push(doc);
      l.weights.push(x / norm);
    }
  });
  const postings = new Map<string, Postings>();
  for (const [t, l] of lists) postings.set(t, { docs: Int32Array.from(l.docs), weights: Float32Array.from(l.weights) });
  return { idf, unseenIdf: Math.log((n + 1) / 0.5), postings };
}

/** Weighted word counts of a case: claim and tags count fully, the summary at a third (it is longer and looser). */
function caseWords(c: KbCase): Map<string, number> {
  const m = counts([...contentTerms(c.claim), ...contentTerms(c.keywords.join(' '))]);
  if (c.summary) for (const t of contentTerms(c.summary)) m.set(t, (m.get(t) ?? 0) + 1 / 3);
  return m;
}

export function buildCaseIndex(all: KbCase[]): CaseIndex {
  const t0 = performance.now();
  // Terms in over 10% of cases get no posting list (they are the longest lists and the lowest idf), but
  // keep their weight in the vector norms, so a sentence about "russia" still differs from one that is not.
  const words = buildSparse(all.map(caseWords), 0.1);
  const cases: IndexedCase[] = all.map((c) => ({ id: c.id, claim: c.claim, date: c.date, keywords: c.keywords, claimTerms: claimTerms(c.claim, words) }));
  const chars = buildSparse(all.map((c) => counts(charGrams(c.claim))), 0.03);
  const tagOf = new Map<string, string>();
  const tagLists = new Map<string, number[]>();
  all.forEach((c, i) => {
    for (const k of c.keywords) {
      const key = k.toLowerCase();
      let l = tagLists.get(key);
      if (!l) tagLists.set(key, (l = []));
      l.push(i);
      for (const p of tagPhrases(k)) if (p.length >= 3 && !tagOf.has(p)) tagOf.set(p, key);
    }
  });
  const tagCases = new Map<string, { cases: number[]; idf: number }>();
  for (const [k, l] of tagLists) tagCases.set(k, { cases: l, idf: Math.log((all.length + 1) / (l.length + 0.5)) });
  return { cases, words, chars, tagOf, tagCases, buildMs: performance.now() - t0 };
}

/** idf-weighted claim terms, normalized so the squared weights sum to 1. */
function claimTerms(claim: string, words: SparseIndex): [string, number][] {
  const terms = [...new Set(contentTerms(claim))].map((t) => [t, words.idf.get(t) ?? words.unseenIdf] as [string, number]);
  const norm = Math.sqrt(terms.reduce((s, [, w]) => s + w * w, 0)) || 1;
  return terms.map(([t, w]) => [t, w / norm]);
}

/** Sparse query vector (normalized) against an index's idf. */
export function queryVector(terms: string[], index: SparseIndex): Map<string, number> {
  const v = new Map<string, number>();
  let norm = 0;
  for (const [t, tf] of counts(terms)) {
    const x = (1 + Math.log(tf)) * (index.idf.get(t) ?? index.unseenIdf);
    v.set(t, x);
    norm += x * x;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [t, x] of v) v.set(t, x / norm);
  return v;
}

/**
 * Accumulate cosines of the query against every case into `acc` (pushing newly touched case indices),
 * and, when `cover` is given, the share of each case's vector mass the query's terms cover.
 */
export function accumulate(q: Map<string, number>, index: SparseIndex, acc: Float32Array, touched: number[], cover?: Float32Array): void {
  for (const [t, w] of q) {
    const p = index.postings.get(t);
    if (!p) continue;
    for (let j = 0; j < p.docs.length; j++) {
      const d = p.docs[j];
      if (acc[d] === 0) touched.push(d);
      const cw = p.weights[j];
      acc[d] += w * cw;
      if (cover) cover[d] += cw * cw;
    }
  }
}
