/**
 * RSS 2.0 / RSS 1.0 (RDF) and Atom feeds -> one ArticleInput per item, using the item's own
 * content (content:encoded / content, else description / summary). Items without content become
 * failures unless the caller fetches their links (`fetchLinks`).
 */
import { JSDOM } from 'jsdom';
import type { SourceRef } from '../nlp/doc.js';
import type { ArticleInput, IngestFailure } from './types.js';

export interface FeedItem {
  /** The input built from the item's own content, or a failure when it has none. */
  input: ArticleInput | IngestFailure;
  /** The item's link, for fetching the full page. */
  link?: string;
}

export interface ParsedFeed {
  format: 'rss' | 'atom';
  title?: string;
  items: FeedItem[];
}

/** First child with one of the names; an exact tag name (e.g. 'link') beats a prefixed one ('atom:link'). */
function child(el: Element, ...names: string[]): Element | undefined {
  const kids = Array.from(el.children);
  for (const name of names) {
    const found = kids.find((c) => c.nodeName === name) ?? kids.find((c) => c.localName === name);
    if (found) return found;
  }
  return undefined;
}

function textOf(el: Element | undefined): string | undefined {
  const t = el?.textContent?.trim();
  return t ? t : undefined;
}

/** Feed bodies are usually escaped HTML; plain text when there is no tag in it. */
function looksLikeHtml(s: string): boolean {
  return /<\/?[a-z][\w-]*(\s[^>]*)?>/i.test(s);
}

function atomLink(entry: Element): string | undefined {
  const links = Array.from(entry.children).filter((c) => c.localName === 'link');
  const alt = links.find((l) => !l.getAttribute('rel') || l.getAttribute('rel') === 'alternate');
  return (alt ?? links[0])?.getAttribute('href') ?? undefined;
}

function atomContent(el: Element | undefined): { body: string; html: boolean } | undefined {
  if (!el) return undefined;
  const type = (el.getAttribute('type') ?? 'text').toLowerCase();
  if (type === 'xhtml') {
    const inner = el.innerHTML.trim();
    return inner ? { body: inner, html: true } : undefined;
  }
  const t = el.textContent?.trim();
  if (!t) return undefined;
  return { body: t, html: type === 'html' || type === 'text/html' || looksLikeHtml(t) };
}

export function parseFeed(xml: string, source: SourceRef): ParsedFeed | IngestFailure {
  let doc: Document;
  try {
    doc = new JSDOM(xml, { contentType: 'text/xml' }).window.document;
  } catch (err) {
    return { source, reason: `malformed XML feed: ${(err as Error).message.replace(/^about:blank:/, 'line ')}` };
  }
  const root = doc.documentElement;
  const rootName = root?.localName;
  if (rootName === 'feed') {
    const items: FeedItem[] = Array.from(root.children)
      .filter((c) => c.localName === 'entry')
      .map((entry, i) => {
        const src: SourceRef = { ...source, item: i };
        const link = atomLink(entry);
        const content = atomContent(child(entry, 'content')) ?? atomContent(child(entry, 'summary'));
        const base = {
          source: src,
          format: 'atom' as const,
          id: textOf(child(entry, 'id')),
          url: link,
          title: textOf(child(entry, 'title')),
          published: textOf(child(entry, 'published')) ?? textOf(child(entry, 'updated')),
          extra: { feedTitle: textOf(child(root, 'title')) },
        };
        if (!content) return { link, input: { source: src, reason: `feed entry has no content or summary${link ? ` (use --fetch to read its link ${link})` : ''}` } };
        return { link, input: { ...base, ...(content.html ? { html: content.body } : { text: content.body }) } };
      });
    return { format: 'atom', title: textOf(child(root, 'title')), items };
  }
  if (rootName === 'rss' || rootName === 'RDF') {
    const channel = child(root, 'channel');
    // RSS 2.0 nests items in <channel>; RSS 1.0 (RDF) puts them beside it.
    const holder = rootName === 'rss' ? channel : root;
    const feedTitle = channel ? textOf(child(channel, 'title')) : undefined;
    const itemEls = holder ? Array.from(holder.children).filter((c) => c.localName === 'item') : [];
    const items: FeedItem[] = itemEls.map((item, i) => {
      const src: SourceRef = { ...source, item: i };
      const link = textOf(child(item, 'link')) ?? undefined;
      const body = textOf(child(item, 'content:encoded', 'encoded')) ?? textOf(child(item, 'description'));
      const base = {
        source: src,
        format: 'rss' as const,
        id: textOf(child(item, 'guid')),
        url: link,
        title: textOf(child(item, 'title')),
        published: textOf(child(item, 'pubDate', 'dc:date', 'date')),
        extra: { feedTitle },
      };
      if (!body) return { link, input: { source: src, reason: `feed item has no content or description${link ? ` (use --fetch to read its link ${link})` : ''}` } };
      return { link, input: { ...base, ...(looksLikeHtml(body) ? { html: body } : { text: body }) } };
    });
    return { format: 'rss', title: feedTitle, items };
  }
  return { source, reason: `XML root <${root?.nodeName ?? '?'}> is not an RSS or Atom feed` };
}
