/** Knowledge-base case: one debunked claim, as imported from the user's EUvsDisinfo / ClaimReview / JSONL file. */
export interface KbCase {
  /** Case URL when the source has one, else a stable id derived from the normalized claim and date. */
  id: string;
  url?: string;
  /** The claim (EUvsDisinfo title / ClaimReview claimReviewed). */
  claim: string;
  summary?: string;
  disproof?: string;
  /** ISO date (YYYY-MM-DD) when known. */
  date?: string;
  /** Narrative tags (EUvsDisinfo keywords). */
  keywords: string[];
  outlets: string[];
  countries: string[];
  languages: string[];
  /** URL of the disinformation itself (EUvsDisinfo `source` column), when given. */
  sourceUrl?: string;
  /** Where the case came from, e.g. 'euvsdisinfo:cases.csv:12'. */
  origin: string;
}

export type KbFormat = 'euvsdisinfo' | 'claimreview' | 'jsonl';

/** A row that could not be imported, with the file, line and reason. */
export interface RowProblem {
  file: string;
  line: number;
  reason: string;
}

export interface ParseResult {
  cases: KbCase[];
  problems: RowProblem[];
}
