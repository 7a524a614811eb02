/**
 * The store interface. Everything outside src/store talks to this, never to SQL, so a
 * PostgreSQL implementation can stand beside the SQLite one. Methods are async for that reason.
 */
import type { Doc } from '../nlp/doc.js';

export interface SaveResult {
  articleId: string;
  /** 'new': first time; 'updated': same content, new pipeline signature; 'unchanged': already stored. */
  status: 'new' | 'updated' | 'unchanged';
}

export interface SearchFilters {
  outlet?: string;
  /** ISO dates, inclusive. */
  from?: string;
  to?: string;
  language?: string;
  limit?: number;
}

export interface SearchHit {
  articleId: string;
  title?: string;
  outlet?: string;
  published?: string;
  language?: string;
  /** Text around the match, with the matched terms wrapped in [ and ]. */
  snippet: string;
  rank: number;
}

export interface ArticleSummary {
  articleId: string;
  title?: string;
  outlet?: string;
  published?: string;
  language?: string;
  source: string;
  analyzedAt: string;
  pipeline: string;
}

export interface Store {
  /** Path or URL of the backing database, for messages. */
  readonly location: string;
  /** Is an analysis with this content hash and pipeline signature already stored? */
  hasAnalysis(contentHash: string, pipeline: string): Promise<string | undefined>;
  saveAnalysis(doc: Doc, pipeline: string): Promise<SaveResult>;
  /** The newest stored analysis of an article (id or unique id prefix). */
  getDoc(articleId: string): Promise<Doc | undefined>;
  listArticles(opts?: { limit?: number; offset?: number }): Promise<ArticleSummary[]>;
  /** Every stored Doc (newest analysis per article), for reports that aggregate over the store. */
  iterateDocs(): AsyncIterable<Doc>;
  search(query: string, filters?: SearchFilters): Promise<SearchHit[]>;
  close(): Promise<void>;
}
