/** Sentences worth matching against case claims. */
import type { Doc, Span } from '../../nlp/doc.js';

/**
 * Sentences with a verb: a claim asserts something, while tag lists, headings and link lists left over
 * from page furniture ("White Helmets, United Nations, Syria, Russia") only name topics.
 */
export function articleSentences(doc: Doc): Span[] {
  const sentences = doc.layers.sentences ?? [];
  const hasVerb = new Uint8Array(sentences.length);
  for (const t of doc.layers.tokens ?? []) if (t.pos === 'VERB' || t.pos === 'AUX') hasVerb[t.sentence] = 1;
  return sentences.filter((_, i) => hasVerb[i]);
}
