/** JSON and JSONL records -> ArticleInputs; each bad record becomes a failure naming its line/item. */
import type { SourceRef } from '../nlp/doc.js';
import type { ArticleInput, IngestFailure } from './types.js';

const KNOWN = ['id', 'url', 'title', 'text', 'html', 'published', 'outlet'] as const;

/** One parsed JSON value -> an ArticleInput, or the reason it is not one. */
export function recordToInput(value: unknown, source: SourceRef, format: 'json' | 'jsonl'): ArticleInput | IngestFailure {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
    return { source, reason: `record must be a JSON object, got ${got}` };
  }
  const rec = value as Record<string, unknown>;
  const out: ArticleInput = { source, format };
  for (const key of ['url', 'title', 'text', 'html', 'outlet'] as const) {
    const v = rec[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') return { source, reason: `field '${key}' must be a string, got ${typeof v}` };
    if (v.trim() !== '') out[key] = v;
  }
  if (rec.id !== undefined && rec.id !== null) {
    if (typeof rec.id !== 'string' && typeof rec.id !== 'number') return { source, reason: `field 'id' must be a string or number, got ${typeof rec.id}` };
    out.id = String(rec.id);
  }
  if (rec.published !== undefined && rec.published !== null) {
    if (typeof rec.published !== 'string' && typeof rec.published !== 'number') {
      return { source, reason: `field 'published' must be a date string or epoch number, got ${typeof rec.published}` };
    }
    out.published = String(rec.published);
  }
  if (out.text === undefined && out.html === undefined) {
    const fields = Object.keys(rec);
    return { source, reason: `record has neither 'text' nor 'html' (fields: ${fields.length ? fields.join(', ') : 'none'})` };
  }
  // Exactly one of text/html: html carries more (title, dates), so it wins; text is kept in extra.
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rec)) if (!(KNOWN as readonly string[]).includes(k)) extra[k] = v;
  if (out.text !== undefined && out.html !== undefined) {
    extra.text = out.text;
    delete out.text;
  }
  if (Object.keys(extra).length) out.extra = extra;
  return out;
}

/** A JSON document: one object, or an array of objects (each named by its item index). */
export function parseJson(text: string, path: SourceRef): (ArticleInput | IngestFailure)[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return [{ source: path, reason: `invalid JSON: ${(err as Error).message}` }];
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return [{ source: path, reason: 'JSON array is empty: no records' }];
    return value.map((v, i) => recordToInput(v, { ...path, item: i }, 'json'));
  }
  return [recordToInput(value, path, 'json')];
}

/** JSONL: one record per non-blank line; a broken line is a failure naming it, the rest still come. */
export function* parseJsonl(text: string, path: SourceRef): Generator<ArticleInput | IngestFailure> {
  const lines = text.split('\n');
  let records = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    records++;
    const source: SourceRef = { ...path, line: i + 1 };
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      yield { source, reason: `malformed JSON on line ${i + 1}: ${(err as Error).message}` };
      continue;
    }
    yield recordToInput(value, source, 'jsonl');
  }
  if (records === 0) yield { source: path, reason: 'JSONL file has no records' };
}
