/** What ingestion hands to the rest of the system: raw article records, or failures naming the input. */
import type { SourceRef, DocMeta } from '../nlp/doc.js';

/** One article as read from an input, before cleaning. Exactly one of text/html is set. */
export interface ArticleInput {
  source: SourceRef;
  format: DocMeta['format'];
  id?: string;
  url?: string;
  title?: string;
  text?: string;
  html?: string;
  /** Publication date as given by the record/feed (unparsed). */
  published?: string;
  outlet?: string;
  extra?: Record<string, unknown>;
}

/** An input that could not be read, with a reason a person can act on. */
export interface IngestFailure {
  source: SourceRef;
  reason: string;
}

export interface IngestOptions {
  /** Reject inputs larger than this many bytes (default 5 MiB). */
  maxBytes: number;
  /** Fetch the linked page of each RSS/Atom item (default: use the item's own content). */
  fetchLinks: boolean;
  /** Per-URL timeout in ms (default 15000). */
  timeoutMs: number;
  userAgent: string;
  /** Where '-' reads from (default process.stdin); lets tests and embedders supply their own stream. */
  stdin?: AsyncIterable<Uint8Array | string>;
}

export function isFailure(x: ArticleInput | IngestFailure): x is IngestFailure {
  return (x as IngestFailure).reason !== undefined && (x as ArticleInput).format === undefined;
}

/** "path:line" or "url (item 3)" — how error messages name an input. */
export function describeSource(s: SourceRef): string {
  let out = s.path === '-' ? '<stdin>' : s.path;
  if (s.line !== undefined) out += `:${s.line}`;
  if (s.item !== undefined) out += ` (item ${s.item})`;
  return out;
}
