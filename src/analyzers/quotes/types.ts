/** Layer shape of the quotes analyzer: who said what, with the cue that says so. */
import type { Annotation, Span } from '../../nlp/doc.js';

export type QuoteKind = 'direct' | 'indirect' | 'according-to' | 'colon' | 'mixed';

export interface QuoteSpeaker {
  /** Entity id in layers.entityIndex, when the speaker resolved to one. */
  entity?: string;
  /** Display name (the canonical entity name, or the mention text). */
  name: string;
  /** The mention that names the speaker at this quote (a name, pronoun, or title such as "the official"). */
  mention: Span;
  /**
   * How the speaker was found: 'name', 'pronoun', 'title', 'according-to', 'previous-speaker', 'main-speaker', …
   * by the rules; 'chooser' when the learned chooser (1.11.0) attributed a quote the rules left without a speaker.
   */
  resolvedBy: string;
}

/** start/end cover the content and its attribution; `content` is what was said. */
export interface Quote extends Annotation {
  kind: QuoteKind;
  content: Span;
  speaker?: QuoteSpeaker;
  /** The speech verb or phrase ("said", "noted", "according to"). */
  cue?: { text: string; span: Span };
  /**
   * Session 13: the speaker found for this quote when its confidence was under the user's threshold
   * (`analyze --min-speaker-confidence`): kept here for the analyst to check, but not attributed (`speaker` is unset).
   */
  withheldSpeaker?: QuoteSpeaker;
}

declare module '../../nlp/doc.js' {
  interface LayerTypes {
    quotes: Quote[];
  }
}
