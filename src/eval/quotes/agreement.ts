/**
 * Inter-annotator agreement on the quote gold format: how far two independent labellings of the same
 * articles agree, scored with the analyzer's own metric (score.ts) by reading the second labelling as
 * "predictions" against the first. Speaker P of B against A is speaker R of A against B (up to
 * overlap ties), so one report gives both directions. This is the human ceiling for `quotes eval`.
 */
import { basename } from 'node:path';
import type { Quote } from '../../analyzers/quotes/types.js';
import { goldArticleKey, loadGoldDir, type GoldArticle } from './gold.js';
import { scoreQuotes, type ScoreReport } from './score.js';

export interface AgreementReport {
  /** Articles labelled in both folders. */
  articles: number;
  /** The second labelling scored against the first. */
  secondVsFirst: ScoreReport;
  /** The first labelling scored against the second. */
  firstVsSecond: ScoreReport;
}

/** A gold labelling as predicted quotes: same kind, content and speaker (the mention text as the name). */
export function goldAsPredictions(a: GoldArticle): Quote[] {
  return a.quotes.map((q) => ({
    start: q.content.start,
    end: q.content.end,
    confidence: 1,
    by: `gold:${basename(a.path)}`,
    kind: q.kind,
    content: q.content,
    ...(q.speaker && q.speakerName ? { speaker: { name: q.speakerName, mention: q.speaker, resolvedBy: 'gold' } } : {}),
  }));
}

/** Pairs the two labellings article by article; both folders must hold the same articles (else an error naming them). */
export function pairLabellings(first: GoldArticle[], second: GoldArticle[]): [GoldArticle, GoldArticle][] {
  const byFile = new Map(second.map((a) => [goldArticleKey(a), a]));
  const missing = first.filter((a) => !byFile.has(goldArticleKey(a))).map((a) => a.path);
  const extra = second.filter((b) => !first.some((a) => goldArticleKey(a) === goldArticleKey(b))).map((b) => b.path);
  if (missing.length || extra.length) {
    const why = [missing.length ? `labelled only in the first folder: ${missing.join(', ')}` : '', extra.length ? `labelled only in the second folder: ${extra.join(', ')}` : ''].filter(Boolean).join('; ');
    throw new Error(`the two labellings cover different articles (${why})`);
  }
  return first.map((a) => [a, byFile.get(goldArticleKey(a))!]);
}

export function agreementOf(first: GoldArticle[], second: GoldArticle[]): AgreementReport {
  const pairs = pairLabellings(first, second);
  return {
    articles: pairs.length,
    secondVsFirst: scoreQuotes(pairs.map(([a, b]) => ({ gold: a, predicted: goldAsPredictions(b) }))),
    firstVsSecond: scoreQuotes(pairs.map(([a, b]) => ({ gold: b, predicted: goldAsPredictions(a) }))),
  };
}

/** Each argument: a gold folder, or several comma-separated (as `resolveGold` returns them). */
export function quoteAgreement(firstDirs: string, secondDirs: string, sharedDir: string): AgreementReport {
  const load = (dirs: string) => dirs.split(',').flatMap((d) => loadGoldDir(d, sharedDir));
  return agreementOf(load(firstDirs), load(secondDirs));
}
