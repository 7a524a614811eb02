/**
 * Quote metrics. A predicted quote matches the gold quote its content overlaps most.
 * - speaker precision = predicted quotes with a speaker whose matched gold quote has the same speaker
 *   / predicted quotes with a speaker (a speaker on a quote that matches no gold quote counts as wrong);
 * - speaker recall = gold quotes with a speaker that some overlapping predicted quote attributes correctly
 *   / gold quotes with a speaker;
 * - quote detection P/R by content overlap alone, and mean Jaccard of content characters for matched pairs.
 * Per-kind figures: recall by the gold kind, precision by the predicted kind (mixed → indirect, colon → direct).
 */
import type { Quote } from '../../analyzers/quotes/types.js';
import type { GoldArticle, GoldKind, GoldQuote } from './gold.js';
import { jaccard, overlap, sameSpeaker } from './match.js';

export interface Counts {
  predicted: number;
  predictedMatched: number;
  gold: number;
  goldFound: number;
  predictedWithSpeaker: number;
  speakerCorrect: number;
  goldWithSpeaker: number;
  goldSpeakerFound: number;
  jaccardSum: number;
  jaccardN: number;
}

export interface QuoteMetrics {
  speakerPrecision: number;
  speakerRecall: number;
  quotePrecision: number;
  quoteRecall: number;
  meanJaccard: number;
  counts: Counts;
}

export interface ScoreReport {
  overall: QuoteMetrics;
  byKind: Record<GoldKind, QuoteMetrics>;
  /** Attribution errors, for reading: article, predicted name, gold name (null = gold unattributed / no gold quote). */
  errors: { file: string; predicted: string; gold: string | null; content: string }[];
  /** Gold quotes with a speaker that no overlapping prediction attributes correctly (recall losses): found = a prediction overlaps. */
  misses: { file: string; gold: string; found: boolean; predicted: string | null; content: string; at: number }[];
}

const empty = (): Counts => ({
  predicted: 0, predictedMatched: 0, gold: 0, goldFound: 0, predictedWithSpeaker: 0, speakerCorrect: 0,
  goldWithSpeaker: 0, goldSpeakerFound: 0, jaccardSum: 0, jaccardN: 0,
});

const ratio = (a: number, b: number) => (b ? a / b : 0);

function metrics(c: Counts): QuoteMetrics {
  return {
    speakerPrecision: ratio(c.speakerCorrect, c.predictedWithSpeaker),
    speakerRecall: ratio(c.goldSpeakerFound, c.goldWithSpeaker),
    quotePrecision: ratio(c.predictedMatched, c.predicted),
    quoteRecall: ratio(c.goldFound, c.gold),
    meanJaccard: ratio(c.jaccardSum, c.jaccardN),
    counts: c,
  };
}

export function predictedKind(q: Quote): GoldKind {
  return q.kind === 'according-to' ? 'according-to' : q.kind === 'direct' || q.kind === 'colon' ? 'direct' : 'indirect';
}

/** The gold quote whose content the predicted quote overlaps most. */
export function bestGold(q: Quote, gold: GoldQuote[]): GoldQuote | undefined {
  let best: GoldQuote | undefined;
  let bestOv = 0;
  for (const g of gold) {
    const ov = overlap(q.content, g.content);
    if (ov > bestOv) {
      bestOv = ov;
      best = g;
    }
  }
  return best;
}

export function scoreQuotes(articles: { gold: GoldArticle; predicted: Quote[] }[]): ScoreReport {
  const all = empty();
  const kinds: Record<GoldKind, Counts> = { direct: empty(), indirect: empty(), 'according-to': empty() };
  const errors: ScoreReport['errors'] = [];
  const misses: ScoreReport['misses'] = [];
  const add = (k: GoldKind, f: (c: Counts) => void) => {
    f(all);
    f(kinds[k]);
  };
  for (const { gold, predicted } of articles) {
    for (const p of predicted) {
      const k = predictedKind(p);
      const g = bestGold(p, gold.quotes);
      add(k, (c) => {
        c.predicted++;
        if (g) c.predictedMatched++;
      });
      if (!p.speaker) continue;
      const ok = !!g?.speakerName && sameSpeaker(p.speaker.name, g.speakerName);
      add(k, (c) => {
        c.predictedWithSpeaker++;
        if (ok) c.speakerCorrect++;
      });
      if (!ok) errors.push({ file: gold.file, predicted: p.speaker.name, gold: g?.speakerName ?? null, content: gold.text.slice(p.content.start, p.content.end).slice(0, 80) });
    }
    for (const g of gold.quotes) {
      const over = predicted.filter((p) => overlap(p.content, g.content) > 0);
      const found = over.length > 0;
      const best = over.reduce((b, p) => Math.max(b, jaccard(p.content, g.content)), 0);
      const spk = !!g.speakerName && over.some((p) => p.speaker && sameSpeaker(p.speaker.name, g.speakerName!));
      if (g.speakerName && !spk) misses.push({ file: gold.file, gold: g.speakerName, found, predicted: over.find((p) => p.speaker)?.speaker?.name ?? null, content: gold.text.slice(g.content.start, g.content.end).slice(0, 80), at: g.content.start });
      add(g.kind, (c) => {
        c.gold++;
        if (found) {
          c.goldFound++;
          c.jaccardSum += best;
          c.jaccardN++;
        }
        if (g.speakerName) {
          c.goldWithSpeaker++;
          if (spk) c.goldSpeakerFound++;
        }
      });
    }
  }
  return {
    overall: metrics(all),
    byKind: { direct: metrics(kinds.direct), indirect: metrics(kinds.indirect), 'according-to': metrics(kinds['according-to']) },
    errors,
    misses,
  };
}
