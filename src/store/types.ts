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
  /** Where the article was read from (file path, URL, '-'), for telling untitled articles apart. */
  source?: string;
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

/** A canonical entity across the store (entity mentions grouped by `Entity.key`). */
export interface EntitySummary {
  /** The most mentioned key of the group. */
  key: string;
  /** Every key merged into this entity (keys linked by an entity's aliasKeys in some article). */
  keys: string[];
  /** The most frequent canonical name under this key. */
  name: string;
  /** The most frequent label under this key. */
  label: string;
  mentions: number;
  articles: number;
  outlets: string[];
}

/** Which component versions produced the stored analyses. */
export interface ComponentUsage {
  component: string;
  version: string;
  analyses: number;
  /** Articles whose current analysis used this version. */
  currentArticles: number;
}

export interface Store {
  /** Path or URL of the backing database, for messages. */
  readonly location: string;
  /** Is an analysis with this content hash and pipeline signature already stored? */
  hasAnalysis(contentHash: string, pipeline: string): Promise<string | undefined>;
  /**
   * Store an analysis. Same content + same pipeline is 'unchanged' (nothing written) unless
   * `replace` (analyze --force, e.g. after importing a newer knowledge base): then it is stored
   * as the article's current analysis and reported 'updated'.
   */
  saveAnalysis(doc: Doc, pipeline: string, opts?: { replace?: boolean }): Promise<SaveResult>;
  /** The newest stored analysis of an article (id or unique id prefix). */
  getDoc(articleId: string): Promise<Doc | undefined>;
  listArticles(opts?: { limit?: number; offset?: number }): Promise<ArticleSummary[]>;
  /** Every stored Doc (newest analysis per article), for reports that aggregate over the store. */
  iterateDocs(): AsyncIterable<Doc>;
  search(query: string, filters?: SearchFilters): Promise<SearchHit[]>;
  /** Canonical entities across current analyses, most mentioned first. */
  entities(opts?: { type?: string; limit?: number }): Promise<EntitySummary[]>;
  /** Component versions behind the stored analyses. */
  components(): Promise<ComponentUsage[]>;
  close(): Promise<void>;
}
