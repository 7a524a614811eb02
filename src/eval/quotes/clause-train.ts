/**
 * Training and article-level cross-validation of the learned reported-speech detector (clause-model.ts). Each
 * article is tokenized and tagged once; the rules run with `onClause`, which hands over every relaxed candidate
 * (a verb where the rules found nothing, with a subject before it and a clause after it). A candidate is labelled
 * reported speech when a gold indirect or "according to" quote covers it (`isReportedClause`). Held-out folds are
 * scored end to end with the `quotes eval` scorer: the rules alone against the rules with the detector, per threshold.
 */
import type { Doc, Span } from '../../nlp/doc.js';
import type { Component } from '../../nlp/pipeline.js';
import type { Quote } from '../../analyzers/quotes/types.js';
import { findQuotes, type ClauseRow } from '../../analyzers/quotes/find.js';
import { fitLogistic } from '../../analyzers/quotes/chooser.js';
import { clauseProbability, type ClauseModel } from '../../analyzers/quotes/clause-model.js';
import { tokenize } from '../../nlp/tokenize.js';
import { kFolds } from '../../models/random.js';
import { rocAuc } from '../../models/auc.js';
import { modelsDir } from '../../util/paths.js';
import { goldArticleKey, loadGoldDir, type GoldArticle, type GoldQuote } from './gold.js';
import { overlap } from './match.js';
import { loadEntities, rawDoc } from './run.js';
import { scoreQuotes, type ScoreReport } from './score.js';

export interface ClauseArticle {
  gold: GoldArticle;
  /** Tokens and entities, computed once (findQuotes only reads them). */
  doc: Doc;
  rows: (ClauseRow & { label: boolean })[];
}

/**
 * A candidate's content is reported speech when a gold indirect or "according to" quote overlaps it and either
 * starts within 25 characters of it or shares at least half of the shorter span (the clause may be cut differently).
 */
export function isReportedClause(content: Span, gold: GoldQuote[]): boolean {
  return gold.some((g) => {
    if (g.kind === 'direct') return false;
    const ov = overlap(content, g.content);
    if (ov <= 0) return false;
    const shorter = Math.min(content.end - content.start, g.content.end - g.content.start);
    return Math.abs(content.start - g.content.start) <= 25 || ov >= shorter / 2;
  });
}

export async function prepareClauseArticles(goldDirs: string[], sharedDir: string, opts: { entities?: boolean } = {}): Promise<ClauseArticle[]> {
  const ner: Component | undefined = opts.entities === false ? undefined : await loadEntities();
  const out: ClauseArticle[] = [];
  for (const dir of goldDirs) {
    for (const gold of loadGoldDir(dir, sharedDir)) {
      const doc = rawDoc(gold.text, goldArticleKey(gold));
      Object.assign(doc.layers, tokenize(doc.text));
      if (ner) await ner.run(doc, { modelsDir });
      else {
        doc.layers.entities = [];
        doc.layers.entityIndex = [];
      }
      const rows: ClauseArticle['rows'] = [];
      findQuotes(doc, { onClause: (r) => rows.push({ ...r, label: isReportedClause(r.content, gold.quotes) }) });
      out.push({ gold, doc, rows });
    }
  }
  return out;
}

export interface ClauseFitOptions {
  l2: number;
  epochs: number;
}

export const CLAUSE_FIT: ClauseFitOptions = { l2: 0.003, epochs: 300 };

export function fitClauseModel(arts: ClauseArticle[], threshold: number, fit: ClauseFitOptions = CLAUSE_FIT): ClauseModel {
  const rows = arts.flatMap((a) => a.rows.map((r) => ({ features: r.features, label: r.label })));
  return { weights: fitLogistic(rows, { l2: fit.l2, epochs: fit.epochs }), threshold };
}

/** The quotes of one article: the rules alone, or with the detector at its threshold. */
export function clauseRun(a: ClauseArticle, model?: ClauseModel): Quote[] {
  return findQuotes(a.doc, { clauseModel: model });
}

export interface ClauseCvResult {
  /** Candidate level, held-out folds: rows, positives, ROC AUC of the probabilities. */
  candidates: { rows: number; positives: number; auc: number };
  rules: ScoreReport;
  /** End to end per threshold, held-out folds. */
  byThreshold: { threshold: number; report: ScoreReport; kept: number; keptPositive: number }[];
  /** The threshold `chooseThreshold` picks from these figures. */
  chosen: number;
}

export const CLAUSE_THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/**
 * The highest speaker recall whose speaker precision is at least the rules' (a new quote must not cost precision);
 * when none qualifies, the threshold with the best precision.
 */
export function chooseThreshold(rules: ScoreReport, byThreshold: ClauseCvResult['byThreshold']): number {
  const p0 = rules.overall.speakerPrecision;
  const ok = byThreshold.filter((t) => t.report.overall.speakerPrecision >= p0);
  if (ok.length) return ok.sort((x, y) => y.report.overall.speakerRecall - x.report.overall.speakerRecall || y.threshold - x.threshold)[0].threshold;
  return [...byThreshold].sort((x, y) => y.report.overall.speakerPrecision - x.report.overall.speakerPrecision)[0].threshold;
}

export function crossValidateClauses(arts: ClauseArticle[], k: number, seed: number, thresholds = CLAUSE_THRESHOLDS, fit: ClauseFitOptions = CLAUSE_FIT): ClauseCvResult {
  const folds = kFolds(arts.map((_, i) => i), k, seed);
  const scores: number[] = [];
  const labels: number[] = [];
  const rulesRuns: { gold: GoldArticle; predicted: Quote[] }[] = [];
  const runs = new Map<number, { gold: GoldArticle; predicted: Quote[] }[]>(thresholds.map((t) => [t, []]));
  const kept = new Map<number, { kept: number; keptPositive: number }>(thresholds.map((t) => [t, { kept: 0, keptPositive: 0 }]));
  for (const fold of folds) {
    const test = new Set(fold);
    const model = fitClauseModel(arts.filter((_, i) => !test.has(i)), 0.5, fit);
    for (const i of fold) {
      const a = arts[i];
      rulesRuns.push({ gold: a.gold, predicted: clauseRun(a) });
      for (const t of thresholds) {
        const rows: ClauseRow[] = [];
        const predicted = findQuotes(a.doc, { clauseModel: { ...model, threshold: t }, onClause: (r) => rows.push(r) });
        runs.get(t)!.push({ gold: a.gold, predicted });
        const c = kept.get(t)!;
        for (const r of rows) if (r.kept) {
          c.kept++;
          if (isReportedClause(r.content, a.gold.quotes)) c.keptPositive++;
        }
      }
      // Candidate-level ranking on the rules' own candidates (the rows of training, scored by the held-out model).
      for (const r of a.rows) {
        scores.push(clauseProbability(model, r.features));
        labels.push(r.label ? 1 : 0);
      }
    }
  }
  const rules = scoreQuotes(rulesRuns);
  const byThreshold = thresholds.map((t) => ({ threshold: t, report: scoreQuotes(runs.get(t)!), ...kept.get(t)! }));
  return {
    candidates: { rows: labels.length, positives: labels.filter(Boolean).length, auc: rocAuc(scores, labels) },
    rules,
    byThreshold,
    chosen: chooseThreshold(rules, byThreshold),
  };
}
