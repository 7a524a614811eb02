/** Fitting the reranker on the calibration fold: logistic regression over the match features, and the threshold. */
import { FEATURES, RERANK_FEATURES, type MatchFeatures, type ScoreWeights } from '../../kb/match.js';

export interface Sample {
  features: MatchFeatures;
  label: 0 | 1;
}

/**
 * L2-regularized logistic regression by full-batch gradient descent (7 features, tens of thousands of
 * samples: plain and fast enough). Returns weights and bias of P(relevant) = sigmoid(w·f + b).
 */
export function fitLogistic(samples: Sample[], opts: { epochs?: number; lr?: number; l2?: number; features?: (keyof MatchFeatures)[] } = {}): { weights: ScoreWeights; bias: number } {
  const epochs = opts.epochs ?? 3000;
  const lr = opts.lr ?? 0.5;
  const l2 = opts.l2 ?? 1e-4;
  const used = opts.features ?? RERANK_FEATURES;
  const k = used.length;
  const X = samples.map((s) => used.map((f) => s.features[f]));
  const y = samples.map((s) => s.label);
  const w = new Array<number>(k).fill(0);
  let b = 0;
  const n = samples.length || 1;
  for (let e = 0; e < epochs; e++) {
    const g = new Array<number>(k).fill(0);
    let gb = 0;
    for (let i = 0; i < X.length; i++) {
      let z = b;
      for (let j = 0; j < k; j++) z += w[j] * X[i][j];
      const err = 1 / (1 + Math.exp(-z)) - y[i];
      for (let j = 0; j < k; j++) g[j] += err * X[i][j];
      gb += err;
    }
    for (let j = 0; j < k; j++) w[j] -= lr * (g[j] / n + l2 * w[j]);
    b -= lr * (gb / n);
  }
  const weights = Object.fromEntries(FEATURES.map((f) => [f, used.includes(f) ? +w[used.indexOf(f)].toFixed(4) : 0])) as unknown as ScoreWeights;
  return { weights, bias: +b.toFixed(4) };
}

/**
 * The threshold: just above the highest top score on unrelated calibration articles, so none of them
 * gets a match (the precision requirement), rounded up to 0.01.
 */
export function pickThreshold(negativeTopScores: number[]): number {
  const max = Math.max(-Infinity, ...negativeTopScores);
  return Math.ceil((max + 0.005) * 100) / 100;
}

/**
 * The review threshold: the score that at most `share` of unrelated calibration articles reach with their
 * best match (a stated false-alarm budget for the lower tier).
 */
export function pickReviewThreshold(negativeTopScores: number[], share: number): number {
  const sorted = [...negativeTopScores].sort((a, b) => b - a);
  const allowed = Math.floor(sorted.length * share);
  const above = sorted[allowed] ?? -Infinity;
  return Math.ceil((above + 0.005) * 100) / 100;
}
