/**
 * Main content and metadata of an HTML page: @mozilla/readability on jsdom (no scripts, no
 * resource loading), plus title, publication dates from <meta>/JSON-LD/<time>, canonical URL
 * and og:site_name, read before Readability rewrites the DOM.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { htmlToText } from './html-to-text.js';

export interface HtmlDate {
  value: string;
  /** 'html-meta:article:published_time', 'json-ld:datePublished', 'html-time' */
  method: string;
}

export interface ExtractedHtml {
  /** Main content as text, one paragraph per line. */
  text: string;
  title?: string;
  /** Where the title came from: 'html-og:title', 'html-readability', 'html-title'. */
  titleMethod?: string;
  published?: HtmlDate;
  canonicalUrl?: string;
  siteName?: string;
  /** <html lang>. */
  lang?: string;
  /** 'readability' or 'body' (Readability found no article: whole body text, cleaned later). */
  method: 'readability' | 'body' | 'fragment';
}

const PUBLISHED_META = [
  'article:published_time', 'og:article:published_time', 'datePublished', 'pubdate', 'publishdate', 'publish-date', 'publish_date',
  'date', 'dc.date.issued', 'dc.date', 'dcterms.created', 'dcterms.date', 'sailthru.date', 'parsely-pub-date', 'article.published',
];

function metaContent(doc: Document, key: string): string | undefined {
  const lower = key.toLowerCase();
  for (const m of Array.from(doc.querySelectorAll('meta'))) {
    const k = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '').toLowerCase();
    if (k === lower) {
      const v = m.getAttribute('content')?.trim();
      if (v) return v;
    }
  }
  return undefined;
}

/** datePublished anywhere in the page's JSON-LD (objects, arrays, @graph). */
function jsonLdDate(doc: Document): string | undefined {
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(s.textContent ?? '');
    } catch {
      continue; // broken JSON-LD is common and not the user's problem; other sources still apply
    }
    const stack = [data];
    while (stack.length) {
      const v = stack.pop();
      if (Array.isArray(v)) stack.push(...v);
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if (typeof o.datePublished === 'string' && o.datePublished.trim()) return o.datePublished.trim();
        stack.push(...Object.values(o).filter((x) => x && typeof x === 'object'));
      }
    }
  }
  return undefined;
}

function findPublished(doc: Document): HtmlDate | undefined {
  for (const key of PUBLISHED_META) {
    const v = metaContent(doc, key);
    if (v) return { value: v, method: `html-meta:${key}` };
  }
  const ld = jsonLdDate(doc);
  if (ld) return { value: ld, method: 'json-ld:datePublished' };
  const itemprop = doc.querySelector('[itemprop="datePublished"]');
  const ip = itemprop?.getAttribute('datetime') ?? itemprop?.getAttribute('content');
  if (ip) return { value: ip, method: 'html-itemprop:datePublished' };
  const time = doc.querySelector('time[pubdate][datetime]') ?? doc.querySelector('article time[datetime]') ?? doc.querySelector('time[datetime]');
  const dt = time?.getAttribute('datetime')?.trim();
  if (dt) return { value: dt, method: 'html-time' };
  return undefined;
}

export interface ExtractOptions {
  url?: string;
  /** A snippet (feed item content), not a page: convert it whole, no Readability. */
  fragment?: boolean;
}

export function extractHtml(html: string, opts: ExtractOptions = {}): ExtractedHtml {
  // A silent console: pages are full of CSS jsdom cannot parse, which is not the user's concern.
  const dom = new JSDOM(html, { url: validUrl(opts.url), virtualConsole: new VirtualConsole() });
  const doc = dom.window.document;
  try {
    if (opts.fragment) return { text: htmlToText(doc.body ?? doc), method: 'fragment' };
    const ogTitle = metaContent(doc, 'og:title');
    const docTitle = doc.querySelector('title')?.textContent?.trim() || undefined;
    const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? metaContent(doc, 'og:url');
    const out: Omit<ExtractedHtml, 'text' | 'method'> = {
      published: findPublished(doc),
      canonicalUrl: canonical ? absolute(canonical, opts.url) : undefined,
      siteName: metaContent(doc, 'og:site_name'),
      lang: doc.documentElement.getAttribute('lang')?.trim() || undefined,
    };
    const article = new Readability(doc, { serializer: (n: Node) => n, charThreshold: 200 }).parse();
    let title: string | undefined;
    let titleMethod: string | undefined;
    if (ogTitle) [title, titleMethod] = [ogTitle, 'html-meta:og:title'];
    else if (article?.title) [title, titleMethod] = [article.title.trim(), 'html-readability'];
    else if (docTitle) [title, titleMethod] = [docTitle, 'html-title'];
    const content = article?.content as unknown as Node | null | undefined;
    const text = content ? htmlToText(content) : '';
    if (text.trim()) return { ...out, title, titleMethod, text, method: 'readability' };
    // Readability gives up on short pages; the cleaner removes the furniture from the whole body instead.
    const fresh = new JSDOM(html, { virtualConsole: new VirtualConsole() }).window;
    try {
      const body = fresh.document.body;
      for (const el of Array.from(body?.querySelectorAll('nav, header, footer, aside, form, [role="navigation"], [aria-hidden="true"]') ?? [])) el.remove();
      return { ...out, title, titleMethod, text: body ? htmlToText(body) : '', method: 'body' };
    } finally {
      fresh.close();
    }
  } finally {
    dom.window.close();
  }
}

function validUrl(u?: string): string | undefined {
  if (!u) return undefined;
  try {
    return new URL(u).href;
  } catch {
    return undefined;
  }
}

function absolute(href: string, base?: string): string {
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}
