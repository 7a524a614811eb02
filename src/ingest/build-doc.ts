/** ArticleInput -> Doc: extract (HTML) -> clean -> metadata. Throws IngestError when nothing is left. */
import { DOC_SCHEMA, type Doc } from '../nlp/doc.js';
import type { ArticleInput } from './types.js';
import { IngestError } from './errors.js';
import { extractHtml, type ExtractedHtml } from './extract-html.js';
import { cleanText } from './clean.js';
import { buildMeta } from './metadata.js';

export const INGEST_COMPONENT = 'ingest';
export const INGEST_VERSION = '1.0.0';

/** Record ids become file names and URL parts downstream: keep them to a safe alphabet. */
export function sanitizeId(id: string): string {
  return id.trim().replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, 120);
}

export function buildDoc(input: ArticleInput): Doc {
  const t0 = performance.now();
  let raw: string;
  let html: ExtractedHtml | undefined;
  if (input.html !== undefined) {
    html = extractHtml(input.html, { url: input.url, fragment: input.format === 'rss' || input.format === 'atom' });
    raw = html.text;
  } else if (input.text !== undefined) raw = input.text;
  else throw new IngestError(input.source, "record has neither 'text' nor 'html'");

  const knownTitle = input.title ?? html?.title;
  const cleaned = cleanText(raw, { knownTitle, findTitle: knownTitle === undefined });
  if (!cleaned.text.trim()) {
    const n = cleaned.removed.length;
    const why = n ? `all ${n} line(s) were page furniture (${[...new Set(cleaned.removed.flatMap((r) => r.reasons))].join(', ')})` : 'the input has no text';
    throw new IngestError(input.source, `no article text left after cleaning: ${why}`);
  }
  const { meta, warnings } = buildMeta(input, cleaned, html);
  const fromRecord = input.id !== undefined ? sanitizeId(input.id) : '';
  const doc: Doc = {
    schema: DOC_SCHEMA,
    id: fromRecord || meta.contentHash.slice(0, 16),
    text: cleaned.text,
    meta,
    removed: cleaned.removed,
    layers: { paragraphs: cleaned.paragraphs },
    // Cleaning decides what text every later offset points into, so its version is part of the record.
    provenance: [{ component: INGEST_COMPONENT, version: INGEST_VERSION, produces: ['text', 'meta', 'removed', 'paragraphs'], ms: +(performance.now() - t0).toFixed(3) }],
  };
  if (warnings.length) doc.warnings = warnings.map((message) => ({ by: `${INGEST_COMPONENT}@${INGEST_VERSION}`, message }));
  return doc;
}
