/**
 * Document metadata, each value with how it was found: title, publication date vs page
 * render/scrape timestamp, outlet, language, content hash.
 *
 * Dates: a record/feed field or an HTML meta tag is the publication date. In the text, a
 * labelled date ("Published on: ...") or a dateline opening the first paragraph is the
 * publication date; an unlabelled timestamp line on its own (a page clock such as
 * "14:01 GMT 11 April 2021") is when the page was rendered/scraped, so it goes to `retrieved`.
 */
import { createHash } from 'node:crypto';
import type { DocMeta, Found } from '../nlp/doc.js';
import type { ArticleInput } from './types.js';
import type { CleanResult, DatelineHit } from './clean.js';
import type { ExtractedHtml } from './extract-html.js';
import { parseDateValue } from './dates.js';
import { registrableDomain } from './outlet.js';
import { detectLanguage } from './language.js';

export interface MetaResult {
  meta: DocMeta;
  /** Things worth telling the analyst, e.g. an unreadable date field. */
  warnings: string[];
}

/** sha256 of the cleaned text, whitespace-normalized and lower-cased (the store de-duplicates on it). */
export function contentHash(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim().toLowerCase()).digest('hex');
}

function pickTitle(input: ArticleInput, cleaned: CleanResult, html?: ExtractedHtml): Found<string> | undefined {
  if (input.title?.trim()) return { value: input.title.trim(), method: 'record', confidence: 0.95 };
  if (html?.title) return { value: html.title, method: html.titleMethod ?? 'html', confidence: 0.9 };
  if (cleaned.title) return { value: cleaned.title.text, method: 'text:first-line', evidence: `line ${cleaned.title.line}`, confidence: 0.6 };
  return undefined;
}

function fromHit(hit: DatelineHit, method: string, confidence: number): Found<string> {
  return { value: hit.date.iso, method, evidence: hit.text, confidence };
}

function pickDates(input: ArticleInput, cleaned: CleanResult, html: ExtractedHtml | undefined, warnings: string[]): Pick<DocMeta, 'published' | 'retrieved'> {
  let published: Found<string> | undefined;
  let retrieved: Found<string> | undefined;
  if (input.published) {
    const iso = parseDateValue(input.published);
    if (iso) published = { value: iso, method: 'record', evidence: input.published, confidence: 0.9 };
    else warnings.push(`could not read the record's published date '${input.published}'`);
  }
  if (!published && html?.published) {
    const iso = parseDateValue(html.published.value);
    if (iso) published = { value: iso, method: html.published.method, evidence: html.published.value, confidence: 0.85 };
    else warnings.push(`could not read the page's date '${html.published.value}' (${html.published.method})`);
  }
  for (const hit of cleaned.dates) {
    if (hit.label === 'published') {
      published ??= fromHit(hit, hit.where === 'prefix' ? 'text:dateline' : 'text:published-line', 0.8);
    } else if (hit.label === 'none') {
      if (hit.where === 'prefix') published ??= fromHit(hit, 'text:dateline', 0.6);
      // A page clock prints the time first and has no label: that is when the page was rendered.
      else retrieved ??= fromHit(hit, 'text:timestamp-line', hit.date.timeFirst ? 0.75 : 0.6);
    }
  }
  return { published, retrieved };
}

function pickOutlet(input: ArticleInput, url: string | undefined, html?: ExtractedHtml): Found<string> | undefined {
  if (input.outlet?.trim()) return { value: input.outlet.trim(), method: 'record', confidence: 0.95 };
  const domain = url ? registrableDomain(url) : undefined;
  if (domain) return { value: domain, method: 'url', evidence: url, confidence: 0.9 };
  if (html?.siteName) return { value: html.siteName, method: 'html-meta:og:site_name', confidence: 0.7 };
  return undefined;
}

export function buildMeta(input: ArticleInput, cleaned: CleanResult, html?: ExtractedHtml): MetaResult {
  const warnings: string[] = [];
  const url = input.url ?? html?.canonicalUrl;
  const meta: DocMeta = {
    source: input.source,
    format: input.format,
    contentHash: contentHash(cleaned.text),
    language: detectLanguage(cleaned.text),
  };
  const title = pickTitle(input, cleaned, html);
  if (title) meta.title = title;
  if (url) meta.url = url;
  const outlet = pickOutlet(input, url, html);
  if (outlet) meta.outlet = outlet;
  const { published, retrieved } = pickDates(input, cleaned, html, warnings);
  if (published) meta.published = published;
  if (retrieved) meta.retrieved = retrieved;
  const extra = { ...(input.extra ?? {}) };
  if (html?.canonicalUrl && html.canonicalUrl !== url) extra.canonicalUrl = html.canonicalUrl;
  if (html?.siteName && outlet?.method !== 'html-meta:og:site_name') extra.siteName = html.siteName;
  for (const k of Object.keys(extra)) if (extra[k] === undefined) delete extra[k];
  if (Object.keys(extra).length) meta.extra = extra;
  return { meta, warnings };
}
