/**
 * readInputs: files, folders, globs, '-' (stdin) and http(s) URLs -> ArticleInputs, with a failure
 * (naming the input, and the line/item inside it) for everything that cannot be read. Never
 * silently skips anything the user named, except hidden files inside folders.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { SourceRef } from '../nlp/doc.js';
import type { ArticleInput, IngestFailure, IngestOptions } from './types.js';
import { resolveOptions } from './options.js';
import { decodeBytes, tooLargeReason } from './decode.js';
import { decideFormat, formatFromContentType, formatFromExtension, isKnownBinaryExtension, SUPPORTED_EXTENSIONS, type Detected } from './detect.js';
import { parseJson, parseJsonl } from './records.js';
import { parseFeed } from './feed.js';
import { charsetOf, fetchUrl, sniffHtmlCharset } from './fetch-url.js';
import { expandGlob, isGlob, walkFiles } from './glob.js';

type Out = ArticleInput | IngestFailure;

export function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

function fsReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ENOTDIR') return 'a part of the path is not a directory';
  if (code === 'ELOOP') return 'too many symbolic links in the path';
  return `cannot read: ${(err as Error).message}`;
}

export async function* readInputs(inputs: string[], opts?: Partial<IngestOptions>): AsyncGenerator<Out> {
  const o = resolveOptions(opts);
  for (const input of inputs) {
    if (input === '-') yield* readStdin(o);
    else if (isUrl(input)) yield* readUrl(input, o);
    else yield* readPath(input, o);
  }
}

async function* readPath(input: string, o: IngestOptions): AsyncGenerator<Out> {
  const source: SourceRef = { kind: 'file', path: input };
  let st;
  try {
    st = await stat(input);
  } catch (err) {
    if (isGlob(input)) {
      const files = expandGlob(input);
      if (!files.length) {
        yield { source, reason: 'no files match this pattern' };
        return;
      }
      for (const f of files) yield* readFolderFile(f, o);
      return;
    }
    yield { source, reason: fsReason(err) };
    return;
  }
  if (st.isDirectory()) {
    let files: string[];
    try {
      files = walkFiles(input);
    } catch (err) {
      yield { source, reason: fsReason(err) };
      return;
    }
    if (!files.length) {
      yield { source, reason: 'folder has no files to read (hidden files are skipped)' };
      return;
    }
    for (const f of files) yield* readFolderFile(join(input, f), o);
    return;
  }
  if (!st.isFile()) {
    yield { source, reason: 'not a regular file' };
    return;
  }
  // A file named explicitly is read whatever its extension (the content decides), except
  // document/media formats we know we cannot read.
  if (isKnownBinaryExtension(input)) {
    yield { source, reason: `unsupported file type '${extname(input)}' (readable: ${SUPPORTED_EXTENSIONS.join(' ')}; convert it to text or HTML first)` };
    return;
  }
  const hint = formatFromExtension(input);
  yield* readFileInput(input, hint ?? undefined, o, st.size);
}

/** Files found by walking a folder or a glob: an extension we do not read is reported, not skipped. */
async function* readFolderFile(path: string, o: IngestOptions): AsyncGenerator<Out> {
  const hint = formatFromExtension(path);
  if (hint === null) {
    const ext = extname(path);
    yield { source: { kind: 'file', path }, reason: `unsupported file type '${ext}' (readable: ${SUPPORTED_EXTENSIONS.join(' ')})` };
    return;
  }
  yield* readFileInput(path, hint, o);
}

async function* readFileInput(path: string, hint: Detected | undefined, o: IngestOptions, size?: number): AsyncGenerator<Out> {
  const source: SourceRef = { kind: 'file', path };
  try {
    size ??= (await stat(path)).size;
    if (size > o.maxBytes) {
      yield { source, reason: tooLargeReason(size, o.maxBytes) };
      return;
    }
    const bytes = await readFile(path);
    const charset = hint === 'html' ? sniffHtmlCharset(bytes) : undefined;
    const decoded = decodeBytes(bytes, o.maxBytes, charset);
    if (!decoded.ok) {
      yield { source, reason: decoded.reason };
      return;
    }
    yield* fromText(decoded.text, source, hint, o);
  } catch (err) {
    yield { source, reason: fsReason(err) };
  }
}

async function* readStdin(o: IngestOptions): AsyncGenerator<Out> {
  const source: SourceRef = { kind: 'stdin', path: '-' };
  const stream = o.stdin ?? process.stdin;
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
      total += buf.length;
      if (total > o.maxBytes) {
        yield { source, reason: `too large: standard input exceeds the limit of ${o.maxBytes} bytes (raise --max-bytes)` };
        return;
      }
      chunks.push(buf);
    }
  } catch (err) {
    yield { source, reason: `cannot read standard input: ${(err as Error).message}` };
    return;
  }
  const decoded = decodeBytes(Buffer.concat(chunks), o.maxBytes);
  if (!decoded.ok) {
    yield { source, reason: decoded.reason.replace('file', 'input') };
    return;
  }
  yield* fromText(decoded.text, source, undefined, o);
}

async function* readUrl(url: string, o: IngestOptions, feedItem?: { feed: string; item: number; title?: string; published?: string; feedTitle?: string }): AsyncGenerator<Out> {
  const source: SourceRef = feedItem ? { kind: 'url', path: url, item: feedItem.item } : { kind: 'url', path: url };
  const from = feedItem ? ` (linked from ${feedItem.feed} item ${feedItem.item})` : '';
  const res = await fetchUrl(url, o);
  if (!res.ok) {
    yield { source, reason: res.reason + from };
    return;
  }
  const hint = formatFromContentType(res.contentType);
  if (hint === null) {
    yield { source, reason: `unsupported content type '${res.contentType}'${from}` };
    return;
  }
  const charset = charsetOf(res.contentType) ?? (hint === 'html' || hint === undefined ? sniffHtmlCharset(res.bytes) : undefined);
  const decoded = decodeBytes(res.bytes, o.maxBytes, charset);
  if (!decoded.ok) {
    yield { source, reason: decoded.reason.replace('file', 'response') + from };
    return;
  }
  for await (const out of fromText(decoded.text, source, hint, o, res.finalUrl)) {
    if (feedItem && !('reason' in out)) {
      // A fetched item page: keep what the feed said when the page does not say it.
      out.title ??= feedItem.title;
      out.published ??= feedItem.published;
      out.extra = { ...(out.extra ?? {}), feed: feedItem.feed, feedItem: feedItem.item, feedTitle: feedItem.feedTitle };
    }
    yield out;
  }
}

/** Decoded content of one input -> records, by format. */
async function* fromText(text: string, source: SourceRef, hint: Detected | undefined, o: IngestOptions, finalUrl?: string): AsyncGenerator<Out> {
  const format = decideFormat(hint, text);
  const url = source.kind === 'url' ? finalUrl ?? source.path : undefined;
  switch (format) {
    case 'text':
      yield { source, format: 'text', text, ...(url ? { url } : {}) };
      return;
    case 'html':
      yield { source, format: 'html', html: text, ...(url ? { url } : {}) };
      return;
    case 'json':
      yield* parseJson(text, source);
      return;
    case 'jsonl':
      yield* parseJsonl(text, source);
      return;
    default: {
      const feed = parseFeed(text, source);
      if ('reason' in feed) {
        yield feed;
        return;
      }
      if (!feed.items.length) {
        yield { source, reason: `${feed.format.toUpperCase()} feed has no items` };
        return;
      }
      for (const [i, item] of feed.items.entries()) {
        if (o.fetchLinks && item.link) {
          const it = 'reason' in item.input ? undefined : item.input;
          yield* readUrl(resolveLink(item.link, url), o, { feed: source.path, item: i, title: it?.title, published: it?.published, feedTitle: feed.title });
        } else yield item.input;
      }
    }
  }
}

function resolveLink(link: string, base?: string): string {
  try {
    return new URL(link, base).href;
  } catch {
    return link;
  }
}
