/** Reranker weights, threshold and score->confidence mapping, read from the committed calibration artifact. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadArtifact } from '../../models/artifact.js';
import { modelsDir } from '../../util/paths.js';
import { DEFAULT_WEIGHTS, type ScoreWeights } from '../../kb/match.js';

export interface NarrativeCalibration {
  /** Reranker feature weights (score = weights · features). */
  weights: ScoreWeights;
  /** Matches scoring at least this are reported as 'match' (no unrelated calibration article reaches it). */
  threshold: number;
  /**
   * Matches scoring at least this (and below `threshold`) are reported as 'review': lexically close, for an
   * analyst to check. Set so that at most a stated share of unrelated calibration articles get one.
   */
  reviewThreshold: number;
  /** confidence = 1 / (1 + exp(-(scale * score + bias))). */
  scale: number;
  bias: number;
}

export const CALIBRATION_FILE = 'narratives-calibration.json.gz';

/** Used only when the artifact is missing: hand-set weights, and the confidence is then not calibrated. */
export const FALLBACK: NarrativeCalibration = { weights: DEFAULT_WEIGHTS, threshold: 0.6, reviewThreshold: 0.45, scale: 12, bias: -6 };

export function loadCalibration(dir: string = modelsDir): { calibration: NarrativeCalibration; calibrated: boolean } {
  const path = join(dir, CALIBRATION_FILE);
  if (!existsSync(path)) return { calibration: FALLBACK, calibrated: false };
  return { calibration: loadArtifact<NarrativeCalibration>(path).body, calibrated: true };
}

export function confidenceOf(score: number, c: NarrativeCalibration): number {
  return 1 / (1 + Math.exp(-(c.scale * score + c.bias)));
}
