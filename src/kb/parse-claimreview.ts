/**
 * schema.org ClaimReview feeds (what fact-checkers publish for search engines): a JSON array, a single
 * object, an object with `@graph`, or a DataFeed with `dataFeedElement` items holding the review(s).
 */
import type { KbCase, ParseResult, RowProblem } from './types.js';
import { parseCaseDate } from './normalize.js';
import { caseIdFor } from './parse-euvsdisinfo.js';

type J = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const isType = (o: J, t: string) => (Array.isArray(o['@type']) ? (o['@type'] as unknown[]).includes(t) : o['@type'] === t);

/** Collect every ClaimReview object in the document, in document order. */
function collect(node: unknown, out: J[]): void {
  if (Array.isArray(node)) {
    for (const n of node) collect(n, out);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const o = node as J;
  if (isType(o, 'ClaimReview')) out.push(o);
  for (const key of ['@graph', 'dataFeedElement', 'item', 'mainEntity']) if (key in o) collect(o[key], out);
}

export function reviewToCase(r: J, origin: string): KbCase | string {
  const claim = str(r.claimReviewed) ?? str((r.itemReviewed as J | undefined)?.name);
  if (!claim) return 'missing claimReviewed';
  const rawDate = str(r.datePublished) ?? str((r.itemReviewed as J | undefined)?.datePublished);
  const date = rawDate ? parseCaseDate(rawDate.slice(0, 10)) : undefined;
  if (rawDate && !date) return `bad date '${rawDate}'`;
  const rating = r.reviewRating as J | undefined;
  const verdict = str(rating?.alternateName) ?? str(rating?.name);
  const author = r.author as J | undefined;
  const appearance = (r.itemReviewed as J | undefined)?.appearance;
  const firstAppearance = Array.isArray(appearance) ? (appearance[0] as J | undefined) : (appearance as J | undefined);
  const claimAuthor = ((r.itemReviewed as J | undefined)?.author as J | undefined)?.name;
  const url = str(r.url);
  const keywords = typeof r.keywords === 'string' ? r.keywords.split(',').map((k) => k.trim()).filter(Boolean) : Array.isArray(r.keywords) ? (r.keywords as unknown[]).map(String) : [];
  return {
    id: url ?? caseIdFor(claim, date),
    url,
    claim,
    summary: str(r.description) ?? str(r.reviewBody),
    disproof: [verdict ? `Rating: ${verdict}` : '', str(author?.name) ? `by ${str(author?.name)}` : ''].filter(Boolean).join(' ') || undefined,
    date,
    keywords,
    outlets: str(claimAuthor) ? [str(claimAuthor)!] : [],
    countries: [],
    languages: str(r.inLanguage) ? [str(r.inLanguage)!] : [],
    sourceUrl: str(firstAppearance?.url),
    origin,
  };
}

export function parseClaimReviewJson(text: string, file: string): ParseResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file}: not valid JSON: ${(err as Error).message}`);
  }
  const found: J[] = [];
  collect(doc, found);
  if (!found.length) throw new Error(`${file}: no schema.org ClaimReview objects found (expected "@type": "ClaimReview")`);
  const cases: KbCase[] = [];
  const problems: RowProblem[] = [];
  found.forEach((review, i) => {
    const c = reviewToCase(review, `${file}#${i}`);
    // JSON has no row lines: report the review's position (1-based) in place of a line.
    if (typeof c === 'string') problems.push({ file, line: i + 1, reason: `ClaimReview #${i + 1}: ${c}` });
    else cases.push(c);
  });
  return { cases, problems };
}
