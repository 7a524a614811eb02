/**
 * The learned speaker chooser (issue 4): after the rules find the quote spans, a small logistic
 * regression scores each candidate speaker (candidates.ts) and the best one is kept when its
 * probability reaches the threshold chosen in training; otherwise the quote stays unattributed.
 * Measured by `narrascope train quotes` (src/eval/quotes/chooser-train.ts) with article-level
 * cross-validation. NOT used by the quotes component: it did not beat the rules on held-out folds
 * (docs/quotes-and-claims.md, "Learned speaker chooser"), so quotes@1.7.0 stays rule-based.
 */
import type { Doc } from '../../nlp/doc.js';
import type { Quote } from './types.js';
import { articleCandidates, type ArticleCandidates, type Features } from './candidates.js';

export const SPEAKER_MODEL_FILE = 'quote-speakers.json.gz';

/**
 * Two weight sets: quotes the rules attributed (the model may confirm, replace or drop the rule
 * speaker) and quotes the rules left without a speaker (a different problem: mostly embedded
 * fragments and reported speech whose source is a sentence or more away), each with its threshold.
 */
export interface SpeakerModel {
  withRule: { weights: Record<string, number>; threshold: number };
  noRule: { weights: Record<string, number>; threshold: number };
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function score(weights: Record<string, number>, f: Features): number {
  let z = 0;
  for (const k in f) z += (weights[k] ?? 0) * f[k];
  return sigmoid(z);
}

/** Plain L2-regularised logistic regression, full-batch gradient descent: deterministic for the same rows. */
export function fitLogistic(rows: { features: Features; label: boolean }[], opts: { l2?: number; epochs?: number; rate?: number } = {}): Record<string, number> {
  const l2 = opts.l2 ?? 0.01;
  const epochs = opts.epochs ?? 300;
  const rate = opts.rate ?? 0.5;
  const names = [...new Set(rows.flatMap((r) => Object.keys(r.features)))].sort();
  const idx = new Map(names.map((n, i) => [n, i]));
  const xs = rows.map((r) => Object.entries(r.features).map(([k, v]) => [idx.get(k)!, v] as const));
  const w = new Float64Array(names.length);
  // Adagrad keeps rare features (few rows) learning at a sensible pace.
  const g2 = new Float64Array(names.length).fill(1e-8);
  const n = rows.length || 1;
  for (let e = 0; e < epochs; e++) {
    const grad = new Float64Array(names.length);
    rows.forEach((r, i) => {
      let z = 0;
      for (const [j, v] of xs[i]) z += w[j] * v;
      const err = sigmoid(z) - (r.label ? 1 : 0);
      for (const [j, v] of xs[i]) grad[j] += err * v;
    });
    for (let j = 0; j < names.length; j++) {
      const g = grad[j] / n + (names[j] === 'bias' ? 0 : l2 * w[j]);
      g2[j] += g * g;
      w[j] -= (rate * g) / Math.sqrt(g2[j]);
    }
  }
  // Rounded so the artifact is small and byte-stable.
  return Object.fromEntries(names.map((k, j) => [k, Math.round(w[j] * 1e4) / 1e4]).filter(([, v]) => v !== 0));
}

/**
 * Choose each quote's speaker with the model. A speaker the rules also chose keeps its rule record
 * (`resolvedBy` unchanged); a different one gets `resolvedBy: 'model'`. Confidence = the probability.
 */
export function chooseSpeakers(doc: Doc, quotes: Quote[], model: SpeakerModel, by: string): Quote[] {
  return chooseWith(articleCandidates(doc, quotes), quotes, model, by);
}

/** The same with the candidates already built (training reuses them across folds). */
export function chooseWith({ groups, perQuote }: ArticleCandidates, quotes: Quote[], model: SpeakerModel, by: string): Quote[] {
  return quotes.map((q, qi) => {
    const { candidates, ruleGroup } = perQuote[qi];
    const part = q.speaker ? model.withRule : model.noRule;
    let best = -1;
    let bestP = 0;
    candidates.forEach((c, k) => {
      const p = score(part.weights, c.features);
      if (p > bestP) [best, bestP] = [k, p];
    });
    const out: Quote = { ...q, by };
    delete out.speaker;
    if (best < 0 || bestP < part.threshold) {
      out.confidence = Math.round((1 - bestP) * 1000) / 1000;
      return out;
    }
    const c = candidates[best];
    const g = groups[c.group];
    out.confidence = Math.round(bestP * 1000) / 1000;
    if (c.group === ruleGroup && q.speaker) out.speaker = q.speaker;
    else {
      out.speaker = { name: g.name, mention: c.mention, resolvedBy: 'model' };
      if (g.entity) out.speaker.entity = g.entity;
    }
    return out;
  });
}
