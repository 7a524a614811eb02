/**
 * The hand-labelled quote set: one JSON file per article holding offsets only (no text, so the
 * repo never copies the articles). Offsets are code points into the raw file under sharedDir;
 * `loadGold` reads the file and converts them to UTF-16 so they line up with a Doc built on it.
 * Format: docs/quotes-and-claims.md.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Span } from '../../nlp/doc.js';
import { OffsetMap } from '../../nlp/offsets.js';
import { conllArticleText } from '../conll-articles.js';
import { caseArticleText } from '../euvsdisinfo-articles.js';

export type GoldKind = 'direct' | 'indirect' | 'according-to';

export interface GoldQuote {
  kind: GoldKind;
  /** UTF-16 offsets after loading. */
  content: Span;
  speaker: Span | null;
  /** The speaker mention text (resolved from the raw file). */
  speakerName: string | null;
}

export interface GoldArticle {
  /** The gold JSON file. */
  path: string;
  /** Raw article path relative to sharedDir (with `doc`, a CoNLL file and its document number, or an EUvsDisinfo case CSV and its row). */
  file: string;
  doc?: number;
  text: string;
  quotes: GoldQuote[];
}

const KINDS = new Set(['direct', 'indirect', 'according-to']);

function fail(path: string, why: string): never {
  throw new Error(`${path}: ${why}`);
}

function span(path: string, where: string, v: unknown, map: OffsetMap): Span {
  const s = v as { start?: unknown; end?: unknown } | null;
  if (!s || !Number.isInteger(s.start) || !Number.isInteger(s.end)) fail(path, `${where} must be {start, end} with integer code-point offsets`);
  const start = s.start as number;
  const end = s.end as number;
  if (start < 0 || end <= start || end > map.codePoints) fail(path, `${where} [${start}, ${end}) is empty or outside the article (${map.codePoints} code points)`);
  return { start: map.toUnit(start), end: map.toUnit(end) };
}

export function loadGoldFile(path: string, sharedDir: string): GoldArticle {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    fail(path, `not valid JSON (${(e as Error).message})`);
  }
  const rec = raw as { file?: unknown; doc?: unknown; quotes?: unknown };
  if (typeof rec.file !== 'string') fail(path, `"file" (article path relative to the shared data folder) is missing`);
  if (!Array.isArray(rec.quotes)) fail(path, `"quotes" must be an array`);
  if (rec.doc !== undefined && !(Number.isInteger(rec.doc) && (rec.doc as number) >= 0)) fail(path, `"doc" must be a document number (0-based) of the CoNLL file or a case row (0-based) of the case CSV`);
  const articlePath = join(sharedDir, rec.file);
  if (!existsSync(articlePath)) fail(path, `article ${articlePath} not found (set NARRASCOPE_SHARED to the shared data folder)`);
  // With "doc", the file is a CoNLL token file (or an EUvsDisinfo case CSV) and the article is that document's (or
  // case's) text, derived on every read.
  let text: string;
  try {
    text =
      rec.doc === undefined
        ? readFileSync(articlePath, 'utf8')
        : /\.csv$/i.test(articlePath)
          ? caseArticleText(articlePath, rec.doc as number)
          : conllArticleText(articlePath, rec.doc as number);
  } catch (e) {
    fail(path, (e as Error).message);
  }
  const map = new OffsetMap(text);
  const quotes = rec.quotes.map((q: { kind?: unknown; content?: unknown; speaker?: unknown }, i: number): GoldQuote => {
    const where = `quotes[${i}]`;
    if (typeof q.kind !== 'string' || !KINDS.has(q.kind)) fail(path, `${where}.kind must be one of ${[...KINDS].join(', ')}`);
    const content = span(path, `${where}.content`, q.content, map);
    const speaker = q.speaker === null || q.speaker === undefined ? null : span(path, `${where}.speaker`, q.speaker, map);
    return { kind: q.kind as GoldKind, content, speaker, speakerName: speaker ? text.slice(speaker.start, speaker.end) : null };
  });
  return { path, file: rec.file, ...(rec.doc === undefined ? {} : { doc: rec.doc as number }), text, quotes };
}

/** Which article a gold file labels: the file, plus `#doc` for a CoNLL document (several share one file). */
export function goldArticleKey(a: Pick<GoldArticle, 'file' | 'doc'>): string {
  return a.doc === undefined ? a.file : `${a.file}#${a.doc}`;
}

export function loadGoldDir(dir: string, sharedDir: string): GoldArticle[] {
  if (!existsSync(dir)) throw new Error(`gold directory ${dir} not found`);
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  if (!files.length) throw new Error(`gold directory ${dir} has no .json files`);
  return files.map((f) => loadGoldFile(join(dir, f), sharedDir));
}
