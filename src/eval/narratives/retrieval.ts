/**
 * Retrieval evaluation: each case that has a summary (from the 2015-2017 file) is used as a query against
 * the knowledge base minus itself. A retrieved case is relevant when it makes the same claim: same
 * normalized title, or at least two shared keywords in the same month.
 */
import type { KbCase } from '../../kb/types.js';
import type { CaseIndex } from '../../kb/index.js';
import { matchArticle, type MatchFeatures, type MatchOptions, type ScoreWeights } from '../../kb/match.js';
import { normalizeClaim } from '../../kb/normalize.js';
import { evalDoc, matchSentences } from './data.js';

export interface QueryResult {
  id: string;
  /** 'title': some relevant case has the same title; 'keywords': only keyword+month relevance. */
  kind: 'title' | 'keywords';
  /** 1-based rank of the first relevant case in the top 50, or 0. */
  rank: number;
  topScore: number;
  topRelevant: boolean;
  /** Features of the retrieved cases (top 50) with their relevance, for fitting the reranker. */
  candidates?: { features: MatchFeatures; label: 0 | 1 }[];
}

export function relevantSets(cases: KbCase[]): Map<string, { ids: Set<string>; kind: 'title' | 'keywords' }> {
  const byTitle = new Map<string, string[]>();
  const byMonthTag = new Map<string, string[]>();
  for (const c of cases) {
    const t = normalizeClaim(c.claim);
    byTitle.set(t, [...(byTitle.get(t) ?? []), c.id]);
    if (c.date) for (const k of new Set(c.keywords.map((x) => x.toLowerCase()))) {
      const key = `${c.date.slice(0, 7)}|${k}`;
      byMonthTag.set(key, [...(byMonthTag.get(key) ?? []), c.id]);
    }
  }
  const out = new Map<string, { ids: Set<string>; kind: 'title' | 'keywords' }>();
  for (const q of cases) {
    if (!q.summary) continue;
    const title = new Set((byTitle.get(normalizeClaim(q.claim)) ?? []).filter((id) => id !== q.id));
    const shared = new Map<string, number>();
    if (q.date) for (const k of new Set(q.keywords.map((x) => x.toLowerCase()))) {
      for (const id of byMonthTag.get(`${q.date.slice(0, 7)}|${k}`) ?? []) if (id !== q.id) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
    const ids = new Set([...title, ...[...shared].filter(([, n]) => n >= 2).map(([id]) => id)]);
    if (ids.size) out.set(q.id, { ids, kind: title.size ? 'title' : 'keywords' });
  }
  return out;
}

export function runRetrieval(cases: KbCase[], index: CaseIndex, queryIds: Set<string>, fts: MatchOptions['fts'], weights: ScoreWeights, keepCandidates = false): QueryResult[] {
  const rel = relevantSets(cases);
  const results: QueryResult[] = [];
  for (const q of cases) {
    const r = rel.get(q.id);
    if (!r || !queryIds.has(q.id)) continue;
    const doc = evalDoc(q.id, q.summary!);
    const m = matchArticle({ text: doc.text, sentences: matchSentences(doc) }, index, { threshold: -Infinity, maxMatches: 50, exclude: new Set([q.id]), fts, weights });
    const ranked = m.map((x) => index.cases[x.caseIndex].id);
    const pos = ranked.findIndex((id) => r.ids.has(id));
    results.push({
      id: q.id,
      kind: r.kind,
      rank: pos + 1,
      topScore: m[0]?.score ?? -Infinity,
      topRelevant: pos === 0,
      candidates: keepCandidates ? m.map((x, i) => ({ features: x.features, label: r.ids.has(ranked[i]) ? 1 : 0 })) : undefined,
    });
  }
  return results;
}

export function summarize(results: QueryResult[]): { n: number; recallAt1: number; recallAt5: number; mrr: number } {
  const n = results.length;
  const r = (k: number) => results.filter((x) => x.rank > 0 && x.rank <= k).length / (n || 1);
  return { n, recallAt1: +r(1).toFixed(4), recallAt5: +r(5).toFixed(4), mrr: +(results.reduce((s, x) => s + (x.rank ? 1 / x.rank : 0), 0) / (n || 1)).toFixed(4) };
}
