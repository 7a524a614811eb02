/**
 * Narrative matching: candidate retrieval by several routes, then a reranker that scores every sentence
 * of the article against each candidate case and keeps the best one as evidence.
 *
 * Routes: 'fts' (SQLite FTS5 BM25 over claim, summary and tags with the article's salient terms),
 * 'char-ngram' (per-sentence character 4-gram cosine, for paraphrases and spelling variants),
 * 'keywords' (the case's narrative tags named in the article), 'entities' (tags naming an entity found
 * by the entities analyzer).
 */
import type { Span } from '../nlp/doc.js';
import type { CaseIndex } from './index.js';
import { accumulate, queryVector } from './index.js';
import { charGrams, contentTerms, words } from './text.js';

export interface MatchInput {
  text: string;
  sentences: Span[];
  /** Canonical names of entities in the article, when the entities layer is there. */
  entityNames?: string[];
}

/** Reranker features of one (sentence, case) pair. */
export interface MatchFeatures {
  /** TF-IDF cosine of stemmed content words. */
  word: number;
  /** TF-IDF cosine of character 4-grams. */
  char: number;
  /** Share of the case's word-vector mass the sentence covers (a long sentence can cover a short claim). */
  cover: number;
  /** Share of the claim's own idf mass (without tags and summary) whose terms the sentence contains. */
  claimCover: number;
  /** idf-weighted share of the case's narrative tags named anywhere in the article / in the sentence. */
  tagArticle: number;
  tagSentence: number;
  /** 1/(1+rank) in the article-level BM25 route, 0 when not retrieved by it. */
  fts: number;
  /** 1/sqrt(content words in the sentence): short sentences match by accident more easily. */
  short: number;
}

export type ScoreWeights = MatchFeatures;
export const FEATURES: (keyof MatchFeatures)[] = ['word', 'char', 'cover', 'claimCover', 'tagArticle', 'tagSentence', 'fts', 'short'];
/**
 * Features the fitted reranker uses. The BM25 rank is article-level topicality: on case summaries (the
 * calibration queries) it predicts relevance very well, on real articles it rewards any article on the
 * same topic, so it stays a retrieval route and is kept out of the score.
 */
export const RERANK_FEATURES: (keyof MatchFeatures)[] = ['word', 'char', 'cover', 'claimCover', 'tagArticle', 'tagSentence', 'short'];

/**
 * Starting weights, set by hand; the committed calibration artifact replaces them with weights fitted by
 * logistic regression (src/eval/narratives/run.ts).
 */
export const DEFAULT_WEIGHTS: ScoreWeights = { word: 0.35, char: 0.2, cover: 0.15, claimCover: 0.1, tagArticle: 0.1, tagSentence: 0.05, fts: 0.05, short: 0 };

export interface MatchOptions {
  /** Keep matches scoring at least this. */
  threshold: number;
  maxMatches: number;
  weights?: ScoreWeights;
  /** Case ids never to return (evaluation leaves the query case out). */
  exclude?: Set<string>;
  /** BM25 route: case ids for an OR-query of terms, best first. */
  fts?: (terms: string[], limit: number) => string[];
  /** Candidates per sentence from the char n-gram route. */
  perSentence?: number;
}

export interface CaseMatch {
  caseIndex: number;
  score: number;
  sentence: Span;
  via: string[];
  features: MatchFeatures;
}

const MIN_WORDS = 6;
const TAG_IDF_FLOOR = 10;
/** Sentence-case pairs whose text similarity is below this cannot reach any useful threshold. */
const MIN_PARTIAL = 0.1;

/** Tags (lowercased) whose phrases occur in these words, by looking up word 1..4-grams. */
function tagsIn(ws: string[], index: CaseIndex, into: Set<string>): void {
  for (let i = 0; i < ws.length; i++) {
    let p = '';
    for (let n = 0; n < 4 && i + n < ws.length; n++) {
      p = n ? `${p} ${ws[i + n]}` : ws[i];
      const tag = index.tagOf.get(p);
      if (tag) into.add(tag);
    }
  }
}

export function matchArticle(input: MatchInput, index: CaseIndex, opts: MatchOptions): CaseMatch[] {
  const w = opts.weights ?? DEFAULT_WEIGHTS;
  const n = index.cases.length;
  if (!n) return [];
  const perSentence = opts.perSentence ?? 10;
  const candidates = new Map<number, Set<string>>();
  const addCand = (i: number, route: string) => {
    if (opts.exclude?.has(index.cases[i].id)) return;
    let s = candidates.get(i);
    if (!s) candidates.set(i, (s = new Set()));
    s.add(route);
  };

  // Sentences worth comparing (furniture lines and fragments are too short to carry a claim).
  const sents = input.sentences.filter((s) => words(input.text.slice(s.start, s.end)).length >= MIN_WORDS);
  // Units compared with claims. Splitting long sentences into clauses as extra units was tried and did
  // not help (recall@5 0.890 vs 0.892 on the test fold) at 1.7x the time, so units are the sentences.
  const units: { span: Span; sentence: number }[] = sents.map((s, si) => ({ span: s, sentence: si }));

  // Tags named in the article and in each sentence.
  const articleTags = new Set<string>();
  const sentTags = sents.map((s) => {
    const t = new Set<string>();
    tagsIn(words(input.text.slice(s.start, s.end)), index, t);
    for (const x of t) articleTags.add(x);
    return t;
  });
  const entityTags = new Set<string>();
  for (const name of input.entityNames ?? []) tagsIn(words(name), index, entityTags);
  for (const x of entityTags) articleTags.add(x);

  // Keyword / entity routes: cases sharing at least two named tags (one tag is too common a link).
  const tagHits = new Map<number, number>();
  for (const t of articleTags) for (const i of index.tagCases.get(t)?.cases ?? []) tagHits.set(i, (tagHits.get(i) ?? 0) + (index.tagCases.get(t)!.idf));
  [...tagHits.entries()]
    .filter(([i]) => index.cases[i].keywords.filter((k) => articleTags.has(k.toLowerCase())).length >= 2)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 100)
    .forEach(([i]) => {
      const viaEntity = index.cases[i].keywords.some((k) => entityTags.has(k.toLowerCase()));
      addCand(i, viaEntity ? 'entities' : 'keywords');
    });

  // BM25 route: the article's most distinctive terms.
  const ftsRank = new Map<number, number>();
  if (opts.fts) {
    const tf = new Map<string, number>();
    for (const s of sents) for (const t of words(input.text.slice(s.start, s.end))) tf.set(t, (tf.get(t) ?? 0) + 1);
    const salient = [...tf.entries()]
      .map(([t, c]) => [t, (1 + Math.log(c)) * (index.words.idf.get(contentTerms(t)[0] ?? '') ?? 0)] as const)
      .filter(([, s]) => s > 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 20)
      .map(([t]) => t);
    const idToIndex = new Map(index.cases.map((c, i) => [c.id, i]));
    opts.fts(salient, 50).forEach((id, r) => {
      const i = idToIndex.get(id);
      if (i === undefined) return;
      ftsRank.set(i, r);
      addCand(i, 'fts');
    });
  }

  // Per-sentence cosines. Only pairs that could matter are kept (partial score >= MIN_PARTIAL), so the
  // reranker below touches a few entries per candidate instead of every sentence x case pair.
  const wAcc = new Float32Array(n);
  const cAcc = new Float32Array(n);
  const vAcc = new Float32Array(n);
  const mark = new Uint8Array(n);
  const kept = new Map<number, { si: number; word: number; char: number; cover: number }[]>();
  const shortOf: number[] = [];
  const termSets: Set<string>[] = [];
  units.forEach(({ span: s }, si) => {
    const text = input.text.slice(s.start, s.end);
    const touched: number[] = [];
    const terms = contentTerms(text);
    shortOf.push(1 / Math.sqrt(Math.max(1, terms.length)));
    termSets.push(new Set(terms));
    accumulate(queryVector(terms, index.words), index.words, wAcc, touched, vAcc);
    accumulate(queryVector(charGrams(text), index.chars), index.chars, cAcc, touched);
    const top: [number, number][] = [];
    for (const i of touched) {
      if (mark[i]) continue;
      mark[i] = 1;
      const word = wAcc[i];
      const char = cAcc[i];
      const cover = vAcc[i];
      if (word + char >= MIN_PARTIAL) {
        let l = kept.get(i);
        if (!l) kept.set(i, (l = []));
        l.push({ si, word, char, cover });
        top.push([i, char]);
      }
    }
    for (const i of touched) {
      wAcc[i] = cAcc[i] = vAcc[i] = 0;
      mark[i] = 0;
    }
    top.sort((a, b) => b[1] - a[1]);
    for (const [i] of top.slice(0, perSentence)) addCand(i, 'char-ngram');
  });

  // Sentences naming each tag.
  const tagSents = new Map<string, number[]>();
  sentTags.forEach((tags, si) => {
    for (const t of tags) {
      let l = tagSents.get(t);
      if (!l) tagSents.set(t, (l = []));
      l.push(si);
    }
  });

  // Rerank: best sentence per candidate.
  const out: CaseMatch[] = [];
  for (const [ci, via] of candidates) {
    const c = index.cases[ci];
    let totalIdf = 0;
    let foundIdf = 0;
    const sentIdf = new Map<number, number>();
    for (const k of c.keywords) {
      const key = k.toLowerCase();
      const idf = index.tagCases.get(key)?.idf ?? 0;
      totalIdf += idf;
      if (!articleTags.has(key)) continue;
      foundIdf += idf;
      for (const si of tagSents.get(key) ?? []) sentIdf.set(si, (sentIdf.get(si) ?? 0) + idf);
    }
    // A floor on the denominator: one named tag (often just a person) must not count as full agreement.
    totalIdf = Math.max(totalIdf, TAG_IDF_FLOOR);
    const tagArticle = foundIdf / totalIdf;
    const fts = ftsRank.has(ci) ? 1 / (1 + ftsRank.get(ci)!) : 0;
    const base = w.tagArticle * tagArticle + w.fts * fts;
    // Candidate sentences: where the cosines were kept, or where one of the case's tags is named.
    const pairs = new Map<number, { word: number; char: number; cover: number }>();
    for (const e of kept.get(ci) ?? []) pairs.set(e.si, e);
    for (const [ui, u] of units.entries()) if (sentIdf.has(u.sentence) && !pairs.has(ui)) pairs.set(ui, { word: 0, char: 0, cover: 0 });
    let best: CaseMatch | undefined;
    for (const [ui, { word, char, cover }] of pairs) {
      const si = units[ui].sentence;
      const tagSentence = (sentIdf.get(si) ?? 0) / totalIdf;
      const short = shortOf[ui];
      let claimCover = 0;
      for (const [t, cw] of c.claimTerms) if (termSets[ui].has(t)) claimCover += cw * cw;
      const score = base + w.word * word + w.char * char + w.cover * cover + w.tagSentence * tagSentence + w.short * short + (w.claimCover ?? 0) * claimCover;
      if (!best || score > best.score) {
        const s = sents[si];
        best = { caseIndex: ci, score, sentence: { start: s.start, end: s.end }, via: [...via].sort(), features: { word, char, cover, claimCover, tagArticle, tagSentence, fts, short } };
      }
    }
    if (best && best.score >= opts.threshold) out.push(best);
  }
  out.sort((a, b) => b.score - a.score);
  return out.slice(0, opts.maxMatches);
}
