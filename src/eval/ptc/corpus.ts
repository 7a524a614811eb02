/**
 * Reader for the Propaganda Techniques Corpus (SemEval-2020 Task 11) layout: article<ID>.txt files
 * and tab-separated label files. The corpus counts code points; we keep both the code-point
 * offsets (for output in the corpus format) and UTF-16 offsets (for indexing JS strings).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OffsetMap } from '../../nlp/offsets.js';
import { TECHNIQUES, type Technique } from '../../analyzers/techniques/types.js';

export interface PtcArticle {
  id: string;
  /** Text as in the file (no cleaning). */
  text: string;
  offsets: OffsetMap;
  file: string;
}

/** A labelled span in code points (corpus convention), end exclusive. */
export interface PtcSpan {
  id: string;
  start: number;
  end: number;
  technique?: Technique;
  /** 1-based line in the label file, for error messages and output order. */
  line: number;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`${file}: cannot read: ${(err as Error).message}`);
  }
}

/** All article<ID>.txt files in a folder, sorted by id (deterministic order). */
export function readPtcArticles(dir: string): PtcArticle[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    throw new Error(`${dir}: cannot list articles folder: ${(err as Error).message}`);
  }
  const files = names.filter((n) => /^article.+\.txt$/.test(n)).sort();
  if (!files.length) throw new Error(`${dir}: no article<ID>.txt files found`);
  return files.map((f) => {
    const file = join(dir, f);
    const text = readText(file);
    return { id: f.slice('article'.length, -'.txt'.length), text, offsets: new OffsetMap(text), file };
  });
}

const techniqueSet = new Set<string>(TECHNIQUES);

/**
 * Parse a label file. `withTechnique`: TC layout `ID\ttechnique\tstart\tend`; otherwise SI layout
 * `ID\tstart\tend`. With `anyTechnique` the second column is not checked (predict-tc input).
 */
export function parsePtcLabels(text: string, file: string, layout: 'si' | 'tc' | 'tc-any'): PtcSpan[] {
  const out: PtcSpan[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    const cols = raw.split('\t');
    const want = layout === 'si' ? 3 : 4;
    if (cols.length < want) throw new Error(`${file}:${line}: expected ${want} tab-separated columns, got ${cols.length}`);
    const [id] = cols;
    const s = layout === 'si' ? cols[1] : cols[2];
    const e = layout === 'si' ? cols[2] : cols[3];
    const start = Number(s);
    const end = Number(e);
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
      throw new Error(`${file}:${line}: bad offsets '${s}'..'${e}' (need integers 0 ≤ start ≤ end)`);
    }
    const span: PtcSpan = { id, start, end, line };
    if (layout === 'tc') {
      if (!techniqueSet.has(cols[1])) throw new Error(`${file}:${line}: unknown technique '${cols[1]}'`);
      span.technique = cols[1] as Technique;
    }
    out.push(span);
  });
  return out;
}

export function readPtcLabels(file: string, layout: 'si' | 'tc' | 'tc-any'): PtcSpan[] {
  return parsePtcLabels(readText(file), file, layout);
}

/** Check spans fall inside their article; throws naming the label file and line. */
export function checkSpans(spans: PtcSpan[], articles: Map<string, PtcArticle>, file: string): void {
  for (const s of spans) {
    const a = articles.get(s.id);
    if (!a) throw new Error(`${file}:${s.line}: no article${s.id}.txt in the articles folder`);
    if (s.end > a.offsets.codePoints) {
      throw new Error(`${file}:${s.line}: span ${s.start}..${s.end} beyond the end of article${s.id}.txt (${a.offsets.codePoints} code points)`);
    }
  }
}
