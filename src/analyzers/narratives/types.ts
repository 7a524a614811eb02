/** Layer shapes of the narrative matcher: known debunked cases an article repeats. */
import type { Annotation } from '../../nlp/doc.js';

/** One knowledge-base case matched by an evidence sentence; start/end = the evidence sentence. */
export interface NarrativeMatch extends Annotation {
  caseId: string;
  caseUrl?: string;
  /** The case's claim (title), from the user's imported knowledge base. */
  claim: string;
  date?: string;
  keywords: string[];
  disproof?: string;
  /** Reranker score; `confidence` is its calibrated form. */
  score: number;
  /** Which retrieval routes found the case: 'fts', 'char-ngram', 'entities', 'keywords'. */
  via: string[];
  /**
   * 'match': above the calibrated threshold (no unrelated calibration article reaches it);
   * 'review': lexically close but below it — for the analyst to check.
   */
  tier?: 'match' | 'review';
}

/** Article-level narrative tag (EUvsDisinfo keyword) aggregated over matches. */
export interface NarrativeLabel {
  label: string;
  confidence: number;
  by: string;
  /** Case ids supporting the label. */
  cases: string[];
  /** Evidence sentences (offsets) supporting the label. */
  evidence: { start: number; end: number }[];
}

declare module '../../nlp/doc.js' {
  interface LayerTypes {
    narratives: NarrativeMatch[];
    narrativeLabels: NarrativeLabel[];
  }
}
