/** Article-level narrative labels: the tags of matched cases, combined over the matches that carry them. */
import type { NarrativeLabel, NarrativeMatch } from './types.js';

/** Confidence of a label = noisy-OR of the confidences of the matches carrying the tag. */
export function aggregateLabels(matches: NarrativeMatch[], by: string): NarrativeLabel[] {
  const labels = new Map<string, { label: string; miss: number; cases: string[]; evidence: { start: number; end: number }[] }>();
  for (const m of matches) {
    for (const k of m.keywords) {
      const key = k.toLowerCase();
      let l = labels.get(key);
      if (!l) labels.set(key, (l = { label: k, miss: 1, cases: [], evidence: [] }));
      l.miss *= 1 - m.confidence;
      l.cases.push(m.caseId);
      if (!l.evidence.some((e) => e.start === m.start && e.end === m.end)) l.evidence.push({ start: m.start, end: m.end });
    }
  }
  return [...labels.values()]
    .map((l) => ({ label: l.label, confidence: +(1 - l.miss).toFixed(4), by, cases: l.cases, evidence: l.evidence }))
    .sort((a, b) => b.confidence - a.confidence || b.cases.length - a.cases.length);
}
