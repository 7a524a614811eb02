/** Calibration of quote speaker confidences against the gold: does a confidence of 0.8 mean right 8 times in 10? */
import type { Quote } from '../../analyzers/quotes/types.js';
import { sameSpeaker } from '../../analyzers/quotes/names.js';
import type { GoldArticle } from './gold.js';
import { bestGold, scoreQuotes, type QuoteMetrics } from './score.js';

/** How well speaker confidences match how often the speakers are right (held-out predictions). */
export interface Calibration {
  speakers: number;
  /** Mean squared error of confidence against correct (1) / wrong (0). */
  brier: number;
  /** Expected calibration error over 10 equal-width confidence bins. */
  ece: number;
  bins: { from: number; to: number; speakers: number; meanConfidence: number; correct: number }[];
  /** Speaker P/R (quotes eval scorer) when speakers under each confidence are dropped. */
  byThreshold: { threshold: number; metrics: QuoteMetrics }[];
}

const CALIBRATION_THRESHOLDS = [0, 0.5, 0.6, 0.7, 0.8, 0.9];

/** Calibration of the speakers' confidences in `runs` against the gold. */
export function calibration(runs: { gold: GoldArticle; predicted: Quote[] }[]): Calibration {
  const pairs: { c: number; ok: boolean }[] = [];
  for (const { gold, predicted } of runs) {
    for (const q of predicted) {
      if (!q.speaker) continue;
      const g = bestGold(q, gold.quotes);
      pairs.push({ c: q.confidence, ok: !!g?.speakerName && sameSpeaker(q.speaker.name, g.speakerName) });
    }
  }
  const n = pairs.length || 1;
  const bins = Array.from({ length: 10 }, (_, b) => {
    const inBin = pairs.filter((x) => Math.min(9, Math.floor(x.c * 10)) === b);
    return { from: b / 10, to: (b + 1) / 10, speakers: inBin.length, meanConfidence: inBin.reduce((a, x) => a + x.c, 0) / (inBin.length || 1), correct: inBin.filter((x) => x.ok).length };
  });
  return {
    speakers: pairs.length,
    brier: pairs.reduce((a, x) => a + (x.c - (x.ok ? 1 : 0)) ** 2, 0) / n,
    ece: bins.reduce((a, b) => a + (b.speakers / n) * Math.abs(b.meanConfidence - (b.speakers ? b.correct / b.speakers : 0)), 0),
    bins,
    byThreshold: CALIBRATION_THRESHOLDS.map((t) => ({
      threshold: t,
      metrics: scoreQuotes(runs.map(({ gold, predicted }) => ({
        gold,
        predicted: predicted.map((q) => {
          if (!q.speaker || q.confidence >= t) return q;
          const { speaker: _dropped, ...rest } = q;
          return rest;
        }),
      }))).overall,
    })),
  };
}
