/** Span overlap helpers for the quote scorer; `sameSpeaker` (name matching) lives in analyzers/quotes/names.ts. */
import type { Span } from '../../nlp/doc.js';
export { sameSpeaker } from '../../analyzers/quotes/names.js';

export function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** Jaccard of the character sets of two spans. */
export function jaccard(a: Span, b: Span): number {
  const inter = overlap(a, b);
  const union = a.end - a.start + (b.end - b.start) - inter;
  return union > 0 ? inter / union : 0;
}
