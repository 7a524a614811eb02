/**
 * The Doc: one article's cleaned text plus typed layers of spans over it.
 *
 * Offsets: every `start`/`end` in a Doc is a UTF-16 code-unit index into `doc.text`
 * (what JavaScript string indexing uses), `end` exclusive. Use `src/nlp/offsets.ts` to
 * convert to/from code points at the edges (the PTC corpus and its tools count code points).
 *
 * Layers are open for extension: an analyzer declares the shape of the layer it adds by
 * augmenting `LayerTypes` from its own module, so adding an analyzer never edits this file:
 *
 *   declare module '../../nlp/doc.js' {
 *     interface LayerTypes { techniques: TechniqueSpan[] }
 *   }
 */

export const DOC_SCHEMA = 'narrascope.doc/1';

/** A half-open character range [start, end) in UTF-16 code units of `doc.text`. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Every analysis result carries where it is (offsets), how sure we are (confidence in [0,1])
 * and what produced it (`by` = "component@version"), so an analyst can check it.
 */
export interface Annotation extends Span {
  confidence: number;
  by: string;
}

export interface SentenceSpan extends Span {}

export interface TokenSpan extends Span {
  /** wink-nlp universal POS tag. */
  pos: string;
  lemma: string;
  /** wink-nlp token type: word, punctuation, number, email, url, emoji, ... */
  type: string;
  /** Index of the sentence (in layers.sentences) the token belongs to. */
  sentence: number;
}

/** Paragraphs of the cleaned text; `note` marks editorial footnotes kept in the text. */
export interface ParagraphSpan extends Span {
  kind: 'body' | 'note';
}

/** Built-in layers. Analyzers add more through declaration merging (see above). */
export interface LayerTypes {
  sentences: SentenceSpan[];
  tokens: TokenSpan[];
  paragraphs: ParagraphSpan[];
}

export type LayerName = keyof LayerTypes;

/** How a metadata value was found, so an analyst can judge it. */
export interface Found<T> {
  value: T;
  /** e.g. 'record', 'url', 'html-meta', 'text:published-line', 'text:dateline' */
  method: string;
  /** The raw text the value was read from, when there is one. */
  evidence?: string;
  confidence: number;
}

export interface SourceRef {
  kind: 'file' | 'url' | 'stdin' | 'inline';
  /** File path, URL, or '-' for stdin. */
  path: string;
  /** 1-based line number for JSONL records. */
  line?: number;
  /** Index of the item within a feed / JSON array. */
  item?: number;
}

export interface DocMeta {
  source: SourceRef;
  title?: Found<string>;
  url?: string;
  outlet?: Found<string>;
  /** Publication date (ISO 8601), distinct from `retrieved`. */
  published?: Found<string>;
  /** A page render/scrape timestamp found in the text, kept apart from the publication date. */
  retrieved?: Found<string>;
  language?: Found<string>;
  /** sha256 of the normalized cleaned text; the store de-duplicates on it. */
  contentHash: string;
  /** The format the input was read as. */
  format: 'text' | 'html' | 'json' | 'jsonl' | 'rss' | 'atom';
  /** Extra fields from the input record that we keep but do not interpret. */
  extra?: Record<string, unknown>;
}

/** A piece of the raw input removed by cleaning, with the reason (the analyst can inspect it). */
export interface RemovedBlock {
  /** The removed text as it was in the raw input. */
  text: string;
  /** 1-based line number in the raw (text-extracted) input. */
  line: number;
  /** Readable rule names that fired, e.g. ['widget-label', 'short-no-verb']. */
  reasons: string[];
  /** Furniture score in [0,1]; lines at or above the threshold are removed. */
  score: number;
  /** Offset in `doc.text` where the block would have been (for showing it in place). */
  at: number;
}

export interface ProvenanceEntry {
  component: string;
  version: string;
  produces: string[];
  ms: number;
}

export interface Doc {
  schema: typeof DOC_SCHEMA;
  /** Stable id: derived from the content hash unless the input record gave one. */
  id: string;
  text: string;
  meta: DocMeta;
  removed: RemovedBlock[];
  layers: Partial<LayerTypes>;
  provenance: ProvenanceEntry[];
  /** Things an analyst should know about this analysis, e.g. 'narratives: no knowledge base imported'. */
  warnings?: { by: string; message: string }[];
}

export function getLayer<K extends LayerName>(doc: Doc, name: K): LayerTypes[K] {
  const layer = doc.layers[name];
  if (layer === undefined) throw new Error(`layer '${String(name)}' has not been computed for doc ${doc.id}`);
  return layer as LayerTypes[K];
}

export function setLayer<K extends LayerName>(doc: Doc, name: K, value: LayerTypes[K]): void {
  doc.layers[name] = value;
}

/** The text a span covers. */
export function spanText(doc: Doc, span: Span): string {
  return doc.text.slice(span.start, span.end);
}
