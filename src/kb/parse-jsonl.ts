/**
 * narrascope's own JSONL case format, one case per line:
 *   {"claim": "...", "url"?, "summary"?, "disproof"?, "date"?, "keywords"?: [..] | "a+b", "outlets"?, "countries"?, "languages"?}
 * Lines holding a schema.org ClaimReview object are accepted too.
 */
import type { KbCase, ParseResult, RowProblem } from './types.js';
import { parseCaseDate, splitList } from './normalize.js';
import { caseIdFor } from './parse-euvsdisinfo.js';
import { reviewToCase } from './parse-claimreview.js';

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String).map((s) => s.trim()).filter(Boolean) : typeof v === 'string' ? splitList(v) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

export function parseJsonl(text: string, file: string): ParseResult {
  const cases: KbCase[] = [];
  const problems: RowProblem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    let o: Record<string, unknown>;
    try {
      o = JSON.parse(raw) as Record<string, unknown>;
    } catch (err) {
      problems.push({ file, line, reason: `not valid JSON: ${(err as Error).message}` });
      return;
    }
    if (!o || typeof o !== 'object' || Array.isArray(o)) {
      problems.push({ file, line, reason: 'not a JSON object' });
      return;
    }
    if (o['@type'] === 'ClaimReview') {
      const c = reviewToCase(o, `${file}:${line}`);
      if (typeof c === 'string') problems.push({ file, line, reason: c });
      else cases.push(c);
      return;
    }
    const claim = str(o.claim) ?? str(o.title);
    if (!claim) {
      problems.push({ file, line, reason: 'missing claim' });
      return;
    }
    const rawDate = str(o.date);
    const date = rawDate ? parseCaseDate(rawDate) : undefined;
    if (rawDate && !date) {
      problems.push({ file, line, reason: `bad date '${rawDate}'` });
      return;
    }
    const url = str(o.url) ?? str(o.id);
    cases.push({
      id: url && /^https?:/.test(url) ? url : caseIdFor(claim, date),
      url: url && /^https?:/.test(url) ? url : undefined,
      claim,
      summary: str(o.summary),
      disproof: str(o.disproof),
      date,
      keywords: list(o.keywords),
      outlets: list(o.outlets),
      countries: list(o.countries),
      languages: list(o.languages),
      sourceUrl: str(o.source),
      origin: `${file}:${line}`,
    });
  });
  return { cases, problems };
}
