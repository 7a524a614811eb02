/**
 * Check-worthiness on labelled single sentences (test/claims/sentences.json): accuracy at the
 * claim threshold, per-class precision/recall, and ROC AUC of the score.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokenize } from '../../nlp/tokenize.js';
import { scoreUnit } from '../../analyzers/claims/score.js';
import { CLAIM_THRESHOLD } from '../../analyzers/claims/find.js';
import { repoRoot } from '../../util/paths.js';

export const defaultClaimSentences = join(repoRoot, 'test', 'claims', 'sentences.json');

export interface LabelledSentence {
  text: string;
  checkworthy: boolean;
}

export interface ClaimEval {
  n: number;
  accuracy: number;
  auc: number;
  checkworthy: { precision: number; recall: number; n: number };
  notCheckworthy: { precision: number; recall: number; n: number };
  scored: (LabelledSentence & { score: number; cues: string[] })[];
}

export function loadClaimSentences(path: string): LabelledSentence[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`${path}: cannot read labelled sentences (${(e as Error).message})`);
  }
  const list = (raw as { sentences?: unknown }).sentences;
  if (!Array.isArray(list)) throw new Error(`${path}: "sentences" must be an array`);
  return list.map((s: { text?: unknown; checkworthy?: unknown }, i: number) => {
    if (typeof s.text !== 'string' || typeof s.checkworthy !== 'boolean') {
      throw new Error(`${path}: sentences[${i}] needs "text" (string) and "checkworthy" (boolean)`);
    }
    return { text: s.text, checkworthy: s.checkworthy };
  });
}

/** ROC AUC by the Mann–Whitney count (ties count half). */
export function auc(pos: number[], neg: number[]): number {
  let wins = 0;
  for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return pos.length && neg.length ? wins / (pos.length * neg.length) : 0;
}

export function evaluateClaimSentences(sentences: LabelledSentence[], threshold = CLAIM_THRESHOLD): ClaimEval {
  const scored = sentences.map((s) => {
    const { tokens } = tokenize(s.text);
    // Same no-NER fallback as the analyzer: proper-noun runs, minus a lone sentence-initial capital.
    let runs = 0;
    for (let i = 0; i < tokens.length; i++) if (tokens[i].pos === 'PROPN' && (i === 0 || tokens[i - 1].pos !== 'PROPN')) runs++;
    if (tokens[0]?.pos === 'PROPN' && tokens[1]?.pos !== 'PROPN') runs--;
    const r = scoreUnit({ text: s.text, tokens, tokenText: (t) => s.text.slice(t.start, t.end), entities: Math.max(0, runs), attributed: false });
    return { ...s, score: r.score, cues: r.cues };
  });
  const tp = scored.filter((s) => s.checkworthy && s.score >= threshold).length;
  const fp = scored.filter((s) => !s.checkworthy && s.score >= threshold).length;
  const fn = scored.filter((s) => s.checkworthy && s.score < threshold).length;
  const tn = scored.filter((s) => !s.checkworthy && s.score < threshold).length;
  const r = (a: number, b: number) => (b ? a / b : 0);
  return {
    n: scored.length,
    accuracy: r(tp + tn, scored.length),
    auc: auc(scored.filter((s) => s.checkworthy).map((s) => s.score), scored.filter((s) => !s.checkworthy).map((s) => s.score)),
    checkworthy: { precision: r(tp, tp + fp), recall: r(tp, tp + fn), n: tp + fn },
    notCheckworthy: { precision: r(tn, tn + fn), recall: r(tn, tn + fp), n: tn + fp },
    scored,
  };
}
