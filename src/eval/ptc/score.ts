/**
 * Scorers reproducing the official SemEval-2020 Task 11 metrics.
 * SI: spans are merged per article (gold and prediction separately); precision = Σ over every
 * (pred, gold) pair of |pred ∩ gold| / |pred|, divided by #pred; recall likewise over |gold| and #gold.
 * TC: micro-F1 over gold lines: a prediction is correct when a gold line on the identical span
 * with the same technique is still unmatched.
 */
import { TECHNIQUES } from '../../analyzers/techniques/types.js';

export interface SimpleSpan {
  id: string;
  start: number;
  end: number;
}

export interface LabelledSpan extends SimpleSpan {
  technique: string;
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

export function prf(precision: number, recall: number): PRF {
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Merge spans sharing at least one character (the official scorer intersects character sets; touching spans stay apart). */
export function mergeSpans(spans: { start: number; end: number }[]): { start: number; end: number }[] {
  const sorted = spans.filter((s) => s.end > s.start).map((s) => ({ ...s })).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: { start: number; end: number }[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

function byArticle<T extends SimpleSpan>(spans: T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const s of spans) {
    let l = m.get(s.id);
    if (!l) m.set(s.id, (l = []));
    l.push(s);
  }
  return m;
}

export interface SiScore extends PRF {
  predicted: number;
  gold: number;
}

export function scoreSi(pred: SimpleSpan[], gold: SimpleSpan[]): SiScore {
  const p = byArticle(pred);
  const g = byArticle(gold);
  let pSum = 0;
  let rSum = 0;
  let nPred = 0;
  let nGold = 0;
  const ids = new Set([...p.keys(), ...g.keys()]);
  for (const id of ids) {
    const ps = mergeSpans(p.get(id) ?? []);
    const gs = mergeSpans(g.get(id) ?? []);
    nPred += ps.length;
    nGold += gs.length;
    for (const a of ps) {
      for (const b of gs) {
        const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start);
        if (inter <= 0) continue;
        pSum += inter / (a.end - a.start);
        rSum += inter / (b.end - b.start);
      }
    }
  }
  const precision = nPred ? pSum / nPred : 0;
  const recall = nGold ? rSum / nGold : 0;
  return { ...prf(precision, recall), predicted: nPred, gold: nGold };
}

export interface ClassScore extends PRF {
  support: number;
  predicted: number;
  correct: number;
}

export interface TcScore {
  microF1: number;
  /** Precision and recall equal micro-F1 when there is one prediction per gold line; kept for the general case. */
  precision: number;
  recall: number;
  byClass: Record<string, ClassScore>;
  macroF1: number;
}

const key = (s: SimpleSpan) => `${s.id}\t${s.start}\t${s.end}`;

export function scoreTc(pred: LabelledSpan[], gold: LabelledSpan[]): TcScore {
  // Unmatched gold labels per identical span.
  const open = new Map<string, string[]>();
  for (const g of gold) {
    const k = key(g);
    let l = open.get(k);
    if (!l) open.set(k, (l = []));
    l.push(g.technique);
  }
  const classes = [...TECHNIQUES] as string[];
  for (const s of [...pred, ...gold]) if (!classes.includes(s.technique)) classes.push(s.technique);
  const stats = new Map(classes.map((c) => [c, { support: 0, predicted: 0, correct: 0 }]));
  for (const g of gold) stats.get(g.technique)!.support++;
  let correct = 0;
  for (const p of pred) {
    stats.get(p.technique)!.predicted++;
    const l = open.get(key(p));
    const i = l ? l.indexOf(p.technique) : -1;
    if (l && i >= 0) {
      l.splice(i, 1);
      correct++;
      stats.get(p.technique)!.correct++;
    }
  }
  const precision = pred.length ? correct / pred.length : 0;
  const recall = gold.length ? correct / gold.length : 0;
  const byClass: Record<string, ClassScore> = {};
  let macro = 0;
  let nClasses = 0;
  for (const c of classes) {
    const s = stats.get(c)!;
    const cls = { ...prf(s.predicted ? s.correct / s.predicted : 0, s.support ? s.correct / s.support : 0), ...s };
    byClass[c] = cls;
    if (s.support) {
      macro += cls.f1;
      nClasses++;
    }
  }
  return { microF1: prf(precision, recall).f1, precision, recall, byClass, macroF1: nClasses ? macro / nClasses : 0 };
}

/** A fixed-width table of per-class figures. */
export function formatTc(s: TcScore): string {
  const lines = [`TC micro-F1 ${s.microF1.toFixed(4)}  (P ${s.precision.toFixed(4)} R ${s.recall.toFixed(4)}, macro-F1 ${s.macroF1.toFixed(4)})`];
  lines.push(`${'technique'.padEnd(36)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)} ${'gold'.padStart(5)} ${'pred'.padStart(5)}`);
  for (const [c, v] of Object.entries(s.byClass)) {
    lines.push(`${c.padEnd(36)} ${v.precision.toFixed(3).padStart(6)} ${v.recall.toFixed(3).padStart(6)} ${v.f1.toFixed(3).padStart(6)} ${String(v.support).padStart(5)} ${String(v.predicted).padStart(5)}`);
  }
  return lines.join('\n');
}

export function formatSi(s: SiScore): string {
  return `SI P ${s.precision.toFixed(4)} R ${s.recall.toFixed(4)} F1 ${s.f1.toFixed(4)}  (${s.predicted} predicted spans, ${s.gold} gold spans, merged)`;
}
