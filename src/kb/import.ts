/** Import case files into the knowledge base and report what happened to every row. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { KbFormat, ParseResult, RowProblem } from './types.js';
import { parseEuvsdisinfoCsv } from './parse-euvsdisinfo.js';
import { parseClaimReviewJson } from './parse-claimreview.js';
import { parseJsonl } from './parse-jsonl.js';
import type { KbStore } from '../store/kb-sqlite.js';

export interface FileImportReport {
  file: string;
  format: KbFormat;
  rows: number;
  imported: number;
  duplicateUrl: number;
  duplicateClaim: number;
  /** Rows that could not be imported (failures), with line and reason. */
  failed: RowProblem[];
  ms: number;
}

/** Guess the format from the extension, then the first character. */
export function detectFormat(file: string, text: string): KbFormat {
  const f = file.toLowerCase();
  if (f.endsWith('.csv')) return 'euvsdisinfo';
  if (f.endsWith('.jsonl') || f.endsWith('.ndjson')) return 'jsonl';
  if (f.endsWith('.json')) return 'claimreview';
  const first = text.trimStart()[0];
  if (first === '[') return 'claimreview';
  if (first === '{') return text.trimStart().split('\n', 1)[0].trim().endsWith('}') ? 'jsonl' : 'claimreview';
  return 'euvsdisinfo';
}

export function parseCaseFile(file: string, format?: KbFormat): { format: KbFormat; result: ParseResult } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`${file}: cannot read: ${(err as Error).message}`);
  }
  const fmt = format ?? detectFormat(file, text);
  const name = basename(file);
  const result = fmt === 'euvsdisinfo' ? parseEuvsdisinfoCsv(text, name) : fmt === 'claimreview' ? parseClaimReviewJson(text, name) : parseJsonl(text, name);
  return { format: fmt, result };
}

export function importCaseFile(kb: KbStore, file: string, format?: KbFormat): FileImportReport {
  const t0 = performance.now();
  const { format: fmt, result } = parseCaseFile(file, format);
  const statuses = kb.importCases(result.cases);
  return {
    file,
    format: fmt,
    rows: result.cases.length + result.problems.length,
    imported: statuses.filter((s) => s === 'imported').length,
    duplicateUrl: statuses.filter((s) => s === 'duplicate-url').length,
    duplicateClaim: statuses.filter((s) => s === 'duplicate-claim').length,
    failed: result.problems,
    ms: performance.now() - t0,
  };
}
