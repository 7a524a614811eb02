/**
 * EUvsDisinfo CSV exports in either known layout:
 *  - older "with disproofs": issue,date(MM/DD/YY),outlet,language,origin,reported by,keywords(comma),source,title,summary,disproof
 *  - index: date(YYYY-MM-DD),id(case URL),title,countries,keywords(+),languages,outlets(+)
 * Columns are found by header name, so reordered or missing columns are tolerated; only the claim is required.
 */
import { parse } from 'csv-parse/sync';
import { createHash } from 'node:crypto';
import type { KbCase, ParseResult, RowProblem } from './types.js';
import { normalizeClaim, parseCaseDate, splitList } from './normalize.js';

/** Header aliases (lowercased) for each field. */
const FIELDS: Record<string, string[]> = {
  url: ['id', 'url', 'case url', 'case_url', 'report url'],
  claim: ['title', 'claim', 'disinformation'],
  summary: ['summary', 'summary of the disinformation'],
  disproof: ['disproof', 'response', 'debunk'],
  date: ['date', 'date of publication'],
  keywords: ['keywords', 'tags', 'keyword'],
  outlets: ['outlets', 'outlet', 'media'],
  countries: ['countries', 'origin', 'country', 'target countries'],
  languages: ['languages', 'language'],
  source: ['source', 'source url', 'links'],
};

export function caseIdFor(claim: string, date: string | undefined): string {
  return 'case:' + createHash('sha1').update(`${normalizeClaim(claim)}|${date ?? ''}`).digest('hex').slice(0, 16);
}

export function parseEuvsdisinfoCsv(text: string, file: string): ParseResult {
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: Record<string, string>; info: { lines: number } }[];
  } catch (err) {
    throw new Error(`${file}: not a readable CSV file: ${(err as Error).message}`);
  }
  if (!rows.length) return { cases: [], problems: [] };
  const header = Object.keys(rows[0].record);
  const col: Record<string, string | undefined> = {};
  for (const [field, names] of Object.entries(FIELDS)) col[field] = names.find((n) => header.includes(n));
  if (!col.claim) throw new Error(`${file}: no claim column (expected one of: ${FIELDS.claim.join(', ')}); found columns: ${header.join(', ')}`);

  const cases: KbCase[] = [];
  const problems: RowProblem[] = [];
  let prevEnd = 1; // the header line
  for (const { record, info } of rows) {
    const line = prevEnd + 1;
    prevEnd = info.lines;
    const get = (f: string) => (col[f] ? (record[col[f]!] ?? '').trim() : '');
    const claim = get('claim').replace(/\s+/g, ' ');
    if (!claim) {
      problems.push({ file, line, reason: 'missing claim (title)' });
      continue;
    }
    const rawDate = get('date');
    const date = rawDate ? parseCaseDate(rawDate) : undefined;
    if (rawDate && !date) {
      problems.push({ file, line, reason: `bad date '${rawDate}'` });
      continue;
    }
    const rawUrl = get('url');
    const url = /^https?:\/\//i.test(rawUrl) ? rawUrl : undefined;
    const source = get('source');
    cases.push({
      id: url ?? caseIdFor(claim, date),
      url,
      claim,
      summary: get('summary') || undefined,
      disproof: get('disproof') || undefined,
      date,
      keywords: splitList(get('keywords')),
      outlets: splitList(get('outlets')),
      countries: splitList(get('countries')),
      languages: splitList(get('languages')),
      sourceUrl: /^https?:\/\//i.test(source) ? source : undefined,
      origin: `${file}:${line}`,
    });
  }
  return { cases, problems };
}
