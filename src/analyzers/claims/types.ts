/** Layer shape of the claims analyzer: check-worthy factual statements. */
import type { Annotation } from '../../nlp/doc.js';

/** start/end cover the claim sentence (or quoted clause); `confidence` is the check-worthiness score in [0,1]. */
export interface Claim extends Annotation {
  /** Index into layers.quotes when the claim is quoted or reported speech. */
  quote?: number;
  /** Speaker entity id (layers.entityIndex) or display name, when quoted. */
  speaker?: { entity?: string; name: string };
  /** Entity ids the claim is about. */
  about: string[];
  /** Readable reasons behind the score, e.g. ['number', 'named-entity', 'past-tense-event']. */
  cues: string[];
}

declare module '../../nlp/doc.js' {
  interface LayerTypes {
    claims: Claim[];
  }
}
