/**
 * The learned speaker chooser (issue 4): after the rules find the quote spans, a small model scores each
 * candidate speaker (candidates.ts) and the best one is kept when its probability reaches the threshold
 * chosen in training; otherwise the quote stays as the rules left it. Measured by `narrascope train quotes`
 * (src/eval/quotes/chooser-train.ts) with article-level cross-validation. Since quotes@1.11.0 (round L) the
 * component runs the shipped configuration (softmax ranker, rule speakers kept, thresholds chosen for precision)
 * after the rules when models/quote-speakers.json.gz is present (docs/quotes-and-claims.md, "Round L").
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Doc } from '../../nlp/doc.js';
import { loadArtifact } from '../../models/artifact.js';
import type { Quote } from './types.js';
import { articleCandidates, type ArticleCandidates, type Features } from './candidates.js';

export const SPEAKER_MODEL_FILE = 'quote-speakers.json.gz';

/**
 * One part of the model. `logistic` (session 2): an independent sigmoid per candidate. `softmax` (round L):
 * a listwise ranker — the quote's candidates and a "nobody" option compete in one softmax, so the model compares
 * candidates instead of judging each alone; "nobody" is scored from the quote-level cues (`nobodyFeatures`).
 * The best candidate is kept when its probability reaches `threshold`.
 */
export interface SpeakerPart {
  weights: Record<string, number>;
  threshold: number;
  loss?: 'logistic' | 'softmax';
}

/**
 * Two weight sets: quotes the rules attributed (the model may confirm, replace or drop the rule
 * speaker) and quotes the rules left without a speaker (a different problem: mostly embedded
 * fragments and reported speech whose source is a sentence or more away), each with its threshold.
 * `keepRuled`: rule speakers are never touched (the model only speaks where the rules are silent).
 */
export interface SpeakerModel {
  withRule: SpeakerPart;
  noRule: SpeakerPart;
  keepRuled?: boolean;
  /**
   * quotes@1.15.0: with `keepRuled`, the withRule part still scores each rule speaker, and its probability (summed
   * over the candidates that name that speaker) becomes the quote's confidence: a learned estimate that the
   * speaker is right, in place of the rules' fixed 0.9/0.8/0.75. The speaker itself is never changed.
   */
  ruleConfidence?: boolean;
}

/** The committed model, or why there is none (the component then runs rule-only and says so). */
export function loadSpeakerModel(modelsDir: string): { model?: SpeakerModel; message?: string } {
  const path = join(modelsDir, SPEAKER_MODEL_FILE);
  if (!existsSync(path)) return { message: `${path} not found: quote speakers come from the rules only (reproduce it with narrascope train quotes --out ${path})` };
  const body = loadArtifact<SpeakerModel>(path).body;
  if (!body?.withRule || !body?.noRule || typeof body.noRule.threshold !== 'number') throw new Error(`${path}: not a quote speaker model (withRule/noRule parts missing)`);
  return { model: body };
}

/** The "nobody" option of a quote: its quote-level cues under their own names, plus a bias. */
export function nobodyFeatures(quoteFeatures: Features, ruleResolvedBy?: string): Features {
  const f: Features = { 'null:bias': 1 };
  if (ruleResolvedBy) f[`null:rule:${ruleResolvedBy}`] = 1;
  for (const k in quoteFeatures) f[`null:${k}`] = quoteFeatures[k];
  return f;
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

/** A listwise training example: the options of one quote and which of them are right (none right → "nobody", the last). */
export interface RankExample {
  options: Features[];
  positives: number[];
}

const dot = (w: Float64Array, x: readonly (readonly [number, number])[]) => {
  let z = 0;
  for (const [j, v] of x) z += w[j] * v;
  return z;
};

/**
 * Softmax over each example's options, loss −log Σ_{right options} p (several candidates may name the right
 * speaker). L2-regularised, full-batch Adagrad like `fitLogistic`: deterministic for the same examples.
 */
export function fitSoftmax(examples: RankExample[], opts: { l2?: number; epochs?: number; rate?: number } = {}): Record<string, number> {
  const l2 = opts.l2 ?? 0.01;
  const epochs = opts.epochs ?? 300;
  const rate = opts.rate ?? 0.5;
  const names = [...new Set(examples.flatMap((e) => e.options.flatMap((o) => Object.keys(o))))].sort();
  const idx = new Map(names.map((n, i) => [n, i]));
  const xs = examples.map((e) => e.options.map((o) => Object.entries(o).map(([k, v]) => [idx.get(k)!, v] as const)));
  const pos = examples.map((e) => new Set(e.positives));
  const w = new Float64Array(names.length);
  const g2 = new Float64Array(names.length).fill(1e-8);
  const n = examples.length || 1;
  const isBias = names.map((k) => k === 'bias' || k === 'null:bias');
  for (let e = 0; e < epochs; e++) {
    const grad = new Float64Array(names.length);
    examples.forEach((_, i) => {
      const z = xs[i].map((x) => dot(w, x));
      const m = Math.max(...z);
      const ez = z.map((v) => Math.exp(v - m));
      const sum = ez.reduce((a, b) => a + b, 0);
      const p = ez.map((v) => v / sum);
      const pt = p.reduce((a, v, k) => a + (pos[i].has(k) ? v : 0), 0);
      xs[i].forEach((x, k) => {
        const g = p[k] - (pos[i].has(k) ? p[k] / pt : 0);
        if (g !== 0) for (const [j, v] of x) grad[j] += g * v;
      });
    });
    for (let j = 0; j < names.length; j++) {
      const g = grad[j] / n + (isBias[j] ? 0 : l2 * w[j]);
      g2[j] += g * g;
      w[j] -= (rate * g) / Math.sqrt(g2[j]);
    }
  }
  return Object.fromEntries(names.map((k, j) => [k, Math.round(w[j] * 1e4) / 1e4]).filter(([, v]) => v !== 0));
}

const linear = (weights: Record<string, number>, f: Features) => {
  let z = 0;
  for (const k in f) z += (weights[k] ?? 0) * f[k];
  return z;
};

/** Probabilities of a quote's candidates under one part (softmax: "nobody" takes the rest of the mass). */
export function candidateProbabilities(part: SpeakerPart, candidates: Features[], quoteFeatures: Features, ruleResolvedBy?: string): number[] {
  if (part.loss !== 'softmax') return candidates.map((f) => score(part.weights, f));
  const z = [...candidates.map((f) => linear(part.weights, f)), linear(part.weights, nobodyFeatures(quoteFeatures, ruleResolvedBy))];
  const m = Math.max(...z);
  const ez = z.map((v) => Math.exp(v - m));
  const sum = ez.reduce((a, b) => a + b, 0);
  return candidates.map((_, k) => ez[k] / sum);
}

/**
 * Choose each quote's speaker with the model. A speaker the rules also chose keeps its rule record
 * (`resolvedBy` unchanged); a different one gets `resolvedBy: 'chooser'`. Confidence = the probability.
 */
export function chooseSpeakers(doc: Doc, quotes: Quote[], model: SpeakerModel, by: string): Quote[] {
  // Rule speakers that are kept need no candidates (the features of the others do not depend on them).
  return chooseWith(articleCandidates(doc, quotes, 2, model.keepRuled && !model.ruleConfidence ? (q) => !q.speaker : undefined), quotes, model, by);
}

/** The same with the candidates already built (training reuses them across folds). */
export function chooseWith({ groups, perQuote }: ArticleCandidates, quotes: Quote[], model: SpeakerModel, by: string): Quote[] {
  return quotes.map((q, qi) => {
    const { candidates, ruleGroup, quoteFeatures } = perQuote[qi];
    if (q.speaker && model.keepRuled) {
      if (!model.ruleConfidence) return { ...q, by };
      const ps = candidateProbabilities(model.withRule, candidates.map((c) => c.features), quoteFeatures, q.speaker.resolvedBy);
      const p = ps.reduce((sum, x, k) => sum + (candidates[k].group === ruleGroup ? x : 0), 0);
      return { ...q, by, confidence: Math.round(p * 1000) / 1000 };
    }
    const part = q.speaker ? model.withRule : model.noRule;
    const ps = candidateProbabilities(part, candidates.map((c) => c.features), quoteFeatures, q.speaker?.resolvedBy);
    let best = -1;
    let bestP = 0;
    ps.forEach((p, k) => {
      if (p > bestP) [best, bestP] = [k, p];
    });
    const out: Quote = { ...q, by };
    delete out.speaker;
    if (best < 0 || bestP < part.threshold) {
      // An unattributed quote the model left alone keeps the rules' confidence; a dropped rule speaker says how sure the model is.
      if (q.speaker) out.confidence = Math.round((1 - bestP) * 1000) / 1000;
      return out;
    }
    const c = candidates[best];
    const g = groups[c.group];
    out.confidence = Math.round(bestP * 1000) / 1000;
    if (c.group === ruleGroup && q.speaker) out.speaker = q.speaker;
    else {
      out.speaker = { name: g.name, mention: c.mention, resolvedBy: 'chooser' };
      if (g.entity) out.speaker.entity = g.entity;
    }
    return out;
  });
}
