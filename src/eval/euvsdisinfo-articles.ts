/**
 * EUvsDisinfo case descriptions as plain articles, for a quote gold set in the product's own domain (who said what
 * about NATO, Ukraine, Syria, the White Helmets …), on text the quote rules were never written from. The text is
 * derived from the case CSV on every read and never stored: gold files hold
 * `{"file": "data/euvsdisinfo/cases-2015-2017-with-disproofs.csv", "doc": N}` (N = data row, 0-based, header not
 * counted) and offsets into the text this module makes.
 *
 * Layout: the case summary (what the outlet claimed), a blank line, the disproof (EUvsDisinfo's answer), each with its
 * whitespace runs collapsed to one space. The title is left out: in 96 % of the 2015–2017 cases it repeats the summary.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/** The article text of one case record (a row with summary and disproof columns). */
export function caseText(row: Record<string, string>): string {
  const clean = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  return [clean(row.summary), clean(row.disproof)].filter(Boolean).join('\n\n') + '\n';
}

const cache = new Map<string, Record<string, string>[]>();

/** The rows of a case CSV, header names lower-cased. */
export function caseRows(path: string): Record<string, string>[] {
  let rows = cache.get(path);
  if (!rows) {
    rows = parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      relax_column_count: true,
      skip_empty_lines: true,
    }) as Record<string, string>[];
    if (rows.length && !('summary' in rows[0]! && 'disproof' in rows[0]!)) throw new Error(`${path}: a case file needs "summary" and "disproof" columns`);
    cache.set(path, rows);
  }
  return rows;
}

/** Case `index` (0-based data row) of an EUvsDisinfo CSV, as article text. */
export function caseArticleText(path: string, index: number): string {
  const rows = caseRows(path);
  if (!Number.isInteger(index) || index < 0 || index >= rows.length) {
    throw new Error(`${path}: case ${index} does not exist (the file has ${rows.length} cases, numbered from 0)`);
  }
  return caseText(rows[index]!);
}
