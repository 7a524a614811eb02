/**
 * Training and article-level cross-validation of the learned speaker chooser. Each article is run
 * through the rules once (quote spans + rule speakers), its candidates are built, and each candidate
 * is labelled by the gold speaker of the gold quote the found quote overlaps most. Folds come from
 * `kFolds` over articles; the "no speaker" threshold is chosen by an inner article-level split of the
 * training folds only, then the model is fitted on all training folds and applied to the held-out one.
 * Both the model and the rules are scored on the held-out folds with the `quotes eval` scorer.
 */
import type { Quote } from '../../analyzers/quotes/types.js';
import { articleCandidates, type ArticleCandidates, type FeatureSet, type Features } from '../../analyzers/quotes/candidates.js';
import { chooseWith, fitLogistic, fitSoftmax, nobodyFeatures, type RankExample, type SpeakerModel } from '../../analyzers/quotes/chooser.js';
import { sameSpeaker } from '../../analyzers/quotes/names.js';
import { kFolds } from '../../models/random.js';
import { goldArticleKey, loadGoldDir, type GoldArticle } from './gold.js';
import { overlap } from './match.js';
import { analyzeForQuotes, loadEntities, rawDoc } from './run.js';
import { bestGold, scoreQuotes, type QuoteMetrics } from './score.js';
import { calibration, type Calibration } from './calibration.js';

export interface PreparedArticle {
  gold: GoldArticle;
  /** The rules' output. */
  quotes: Quote[];
  cands: ArticleCandidates;
  rows: { features: Features; label: boolean; ruled: boolean }[];
}

/** Label the candidates of one article from its gold quotes. */
export function prepareArticle(gold: GoldArticle, quotes: Quote[], cands: ArticleCandidates): PreparedArticle {
  const rows: PreparedArticle['rows'] = [];
  quotes.forEach((q, qi) => {
    const g = bestGold(q, gold.quotes);
    for (const c of cands.perQuote[qi].candidates) {
      const name = c.group === cands.perQuote[qi].ruleGroup && q.speaker ? q.speaker.name : cands.groups[c.group].name;
      rows.push({ features: c.features, label: !!g?.speakerName && sameSpeaker(name, g.speakerName), ruled: !!q.speaker });
    }
  });
  return { gold, quotes, cands, rows };
}

export async function prepareArticles(goldDirs: string[], sharedDir: string, opts: { entities?: boolean; featureSet?: FeatureSet } = {}): Promise<PreparedArticle[]> {
  const ner = opts.entities === false ? undefined : await loadEntities();
  const out: PreparedArticle[] = [];
  for (const dir of goldDirs) {
    for (const g of loadGoldDir(dir, sharedDir)) {
      const doc = await analyzeForQuotes(rawDoc(g.text, goldArticleKey(g)), ner);
      const quotes = doc.layers.quotes ?? [];
      out.push(prepareArticle(g, quotes, articleCandidates(doc, quotes, opts.featureSet)));
    }
  }
  return out;
}

const BY = 'quotes@cv';
// 0.05 … 0.95, plus 0.97 and 0.99: with precision before recall the useful region of the ranker is its very top.
const THRESHOLDS = [...Array.from({ length: 19 }, (_, i) => Math.round((0.05 + i * 0.05) * 100) / 100), 0.97, 0.99];

/**
 * How the chooser is trained and its thresholds chosen.
 * - loss: `logistic` (session 2: independent sigmoids) or `softmax` (round L: candidates + "nobody" in one softmax);
 * - select: `f1` (session 2: best speaker F1) or `utility` (round L: correct − cost × wrong speakers, so a speaker
 *   is only worth adding when it is right at least cost/(cost+1) of the time — precision before recall);
 * - keepRuled: never touch a rule speaker; the model only attributes quotes the rules left without one.
 */
export interface ChooserOptions {
  loss: 'logistic' | 'softmax';
  select: 'f1' | 'utility';
  cost: number;
  keepRuled: boolean;
  /** L2 penalty of the fit (session 2: 0.01). */
  l2: number;
  /** quotes@1.15.0: with keepRuled, also fit the withRule part, whose probability becomes the rule speakers' confidence. */
  ruleConfidence?: boolean;
}

/** Session 2's configuration (the baseline rows of the docs). */
export const SESSION2_OPTIONS: ChooserOptions = { loss: 'logistic', select: 'f1', cost: 3, keepRuled: false, l2: 0.01 };

/** The listwise examples of one part: each found quote's candidates plus "nobody" (the last option). */
export function rankExamples(arts: PreparedArticle[], ruled: boolean): RankExample[] {
  const out: RankExample[] = [];
  for (const a of arts) {
    let r = 0;
    a.quotes.forEach((q, qi) => {
      const pq = a.cands.perQuote[qi];
      const rows = a.rows.slice(r, r + pq.candidates.length);
      r += pq.candidates.length;
      if (!!q.speaker !== ruled) return;
      const options = [...pq.candidates.map((c) => c.features), nobodyFeatures(pq.quoteFeatures, q.speaker?.resolvedBy)];
      const positives = rows.map((x, k) => (x.label ? k : -1)).filter((k) => k >= 0);
      out.push({ options, positives: positives.length ? positives : [pq.candidates.length] });
    });
  }
  return out;
}

export const fitWeights = (arts: PreparedArticle[], ruled: boolean, loss: ChooserOptions['loss'] = 'logistic', fit: { l2?: number; epochs?: number } = {}) =>
  loss === 'softmax' ? fitSoftmax(rankExamples(arts, ruled), fit) : fitLogistic(arts.flatMap((a) => a.rows.filter((r) => r.ruled === ruled)), fit);

const f1 = (m: QuoteMetrics) => (m.speakerPrecision + m.speakerRecall ? (2 * m.speakerPrecision * m.speakerRecall) / (m.speakerPrecision + m.speakerRecall) : 0);
const utility = (m: QuoteMetrics, cost: number) => m.counts.speakerCorrect - cost * (m.counts.predictedWithSpeaker - m.counts.speakerCorrect);

/**
 * Thresholds with the best selection score (speaker F1 or utility, quotes eval scorer) on out-of-fold predictions
 * of an inner article split of `arts`: first the rule-attributed quotes' threshold with unattributed quotes left
 * alone, then the unattributed quotes' threshold.
 */
export function chooseThresholds(arts: PreparedArticle[], seed: number, innerK = 4, opts: ChooserOptions = SESSION2_OPTIONS): { withRule: number; noRule: number } {
  const folds = kFolds(arts.map((_, i) => i), innerK, seed);
  const oof: { a: PreparedArticle; withRule: Record<string, number>; noRule: Record<string, number> }[] = [];
  for (const held of folds) {
    const h = new Set(held);
    const train = arts.filter((_, i) => !h.has(i));
    const withRule = opts.keepRuled ? {} : fitWeights(train, true, opts.loss, { l2: opts.l2 });
    const noRule = fitWeights(train, false, opts.loss, { l2: opts.l2 });
    for (const i of held) oof.push({ a: arts[i], withRule, noRule });
  }
  const f = (tw: number, tn: number) => {
    const m = scoreQuotes(oof.map(({ a, withRule, noRule }) => ({
      gold: a.gold,
      predicted: chooseWith(a.cands, a.quotes, { withRule: { weights: withRule, threshold: tw, loss: opts.loss }, noRule: { weights: noRule, threshold: tn, loss: opts.loss }, keepRuled: opts.keepRuled }, BY),
    }))).overall;
    return opts.select === 'f1' ? f1(m) : utility(m, opts.cost);
  };
  const best = (fix: (t: number) => number) => {
    let bt = THRESHOLDS[0];
    let bf = -Infinity;
    for (const t of THRESHOLDS) {
      const v = fix(t);
      if (v > bf + 1e-9) [bt, bf] = [t, v];
    }
    return bt;
  };
  const withRule = opts.keepRuled ? 0 : best((t) => f(t, 2));
  const noRule = best((t) => f(withRule, t));
  return { withRule, noRule };
}

/** The shipped model: thresholds from an inner split of all articles, weights from all of them. */
export function trainSpeakerModel(arts: PreparedArticle[], seed: number, opts: ChooserOptions = SESSION2_OPTIONS): SpeakerModel {
  const t = chooseThresholds(arts, seed + 1, 4, opts);
  return {
    withRule: { weights: opts.keepRuled && !opts.ruleConfidence ? {} : fitWeights(arts, true, opts.loss, { l2: opts.l2 }), threshold: t.withRule, loss: opts.loss },
    noRule: { weights: fitWeights(arts, false, opts.loss, { l2: opts.l2 }), threshold: t.noRule, loss: opts.loss },
    ...(opts.keepRuled ? { keepRuled: true } : {}),
    ...(opts.keepRuled && opts.ruleConfidence ? { ruleConfidence: true } : {}),
  };
}

export interface FoldResult {
  fold: number;
  articles: number;
  threshold: { withRule: number; noRule: number };
  model: QuoteMetrics;
  rules: QuoteMetrics;
}

export interface CvResult {
  folds: FoldResult[];
  pooled: { model: QuoteMetrics; rules: QuoteMetrics };
  /** Pooled held-out figures per quote kind (recall by gold kind, precision by predicted kind, as `quotes eval`). */
  pooledByKind: Record<string, { model: QuoteMetrics; rules: QuoteMetrics }>;
  /** Pooled held-out predictions restricted to articles of the given subset (e.g. the blind batches). */
  subsets: { name: string; articles: number; model: QuoteMetrics; rules: QuoteMetrics }[];
  /** Share of found gold speakers for which some candidate is the right one (the ceiling of the chooser). */
  candidateRecall: number;
  /** Round M: found gold speakers on quotes the rules leave unattributed; how many have the right candidate; where the others are named. */
  unattributed: { found: number; reachable: number; namedEarlier: number; notNamedEarlier: number };
  /** Speaker confidences on the held-out folds: the model's output and the rules' own. */
  calibration: { model: Calibration; rules: Calibration };
}

export function crossValidate(arts: PreparedArticle[], k: number, seed: number, subsets: { name: string; inSubset: (a: PreparedArticle) => boolean }[] = [], opts: ChooserOptions = SESSION2_OPTIONS): CvResult {
  const folds = kFolds(arts.map((_, i) => i), k, seed);
  const modelRuns: { a: PreparedArticle; predicted: Quote[] }[] = [];
  const results: FoldResult[] = [];
  folds.forEach((held, f) => {
    const h = new Set(held);
    const train = arts.filter((_, i) => !h.has(i));
    const model = trainSpeakerModel(train, seed + 1 + f, opts);
    const runs = held.map((i) => ({ a: arts[i], predicted: chooseWith(arts[i].cands, arts[i].quotes, model, BY) }));
    modelRuns.push(...runs);
    results.push({
      fold: f + 1,
      articles: held.length,
      threshold: { withRule: model.withRule.threshold, noRule: model.noRule.threshold },
      model: scoreQuotes(runs.map((r) => ({ gold: r.a.gold, predicted: r.predicted }))).overall,
      rules: scoreQuotes(held.map((i) => ({ gold: arts[i].gold, predicted: arts[i].quotes }))).overall,
    });
  });
  const score = (keep: (a: PreparedArticle) => boolean) => ({
    model: scoreQuotes(modelRuns.filter((r) => keep(r.a)).map((r) => ({ gold: r.a.gold, predicted: r.predicted }))).overall,
    rules: scoreQuotes(arts.filter(keep).map((a) => ({ gold: a.gold, predicted: a.quotes }))).overall,
  });
  let reachable = 0;
  let found = 0;
  // Round M: the same for the found gold speakers the rules leave unattributed (what the chooser may add), and where
  // the unreachable ones are named: earlier in the article (outside the candidate window) or only later / never.
  const unattributed = { found: 0, reachable: 0, namedEarlier: 0, notNamedEarlier: 0 };
  for (const a of arts) {
    for (const g of a.gold.quotes) {
      if (!g.speakerName) continue;
      const over = a.quotes.map((q, qi) => ({ q, qi })).filter(({ q }) => overlap(q.content, g.content) > 0);
      if (!over.length) continue;
      found++;
      const ok = over.some(({ q, qi }) => a.cands.perQuote[qi].candidates.some((c) => sameSpeaker(c.group === a.cands.perQuote[qi].ruleGroup && q.speaker ? q.speaker.name : a.cands.groups[c.group].name, g.speakerName!)));
      if (ok) reachable++;
      if (over.some(({ q }) => q.speaker)) continue;
      unattributed.found++;
      if (ok) unattributed.reachable++;
      else {
        const last = g.speakerName.trim().split(/\s+/).pop() ?? '';
        if (last && a.gold.text.slice(0, Math.min(...over.map(({ q }) => q.content.start))).includes(last)) unattributed.namedEarlier++;
        else unattributed.notNamedEarlier++;
      }
    }
  }
  return {
    folds: results,
    pooled: score(() => true),
    pooledByKind: (() => {
      const m = scoreQuotes(modelRuns.map((r) => ({ gold: r.a.gold, predicted: r.predicted }))).byKind;
      const r = scoreQuotes(arts.map((a) => ({ gold: a.gold, predicted: a.quotes }))).byKind;
      return Object.fromEntries(Object.keys(m).map((k) => [k, { model: m[k as keyof typeof m], rules: r[k as keyof typeof r] }]));
    })(),
    subsets: subsets.map((s) => ({ name: s.name, articles: arts.filter(s.inSubset).length, ...score(s.inSubset) })),
    candidateRecall: found ? reachable / found : 0,
    unattributed,
    calibration: {
      model: calibration(modelRuns.map((r) => ({ gold: r.a.gold, predicted: r.predicted }))),
      rules: calibration(arts.map((a) => ({ gold: a.gold, predicted: a.quotes }))),
    },
  };
}
