/** Which reader handles an input: decided from the extension/content type AND the content itself. */
import { extname } from 'node:path';
import type { DocMeta } from '../nlp/doc.js';

export type Format = DocMeta['format'];
/** 'feed' = RSS or Atom, told apart after parsing the XML root. */
export type Detected = Format | 'feed';

const BY_EXTENSION: Record<string, Detected> = {
  '.txt': 'text', '.text': 'text', '.md': 'text',
  '.html': 'html', '.htm': 'html', '.xhtml': 'html',
  '.json': 'json', '.jsonl': 'jsonl', '.ndjson': 'jsonl',
  '.xml': 'feed', '.rss': 'feed', '.atom': 'feed',
};

export const SUPPORTED_EXTENSIONS = Object.keys(BY_EXTENSION);

/** Document/media formats we cannot read: refused by name even when given explicitly. */
const BINARY_EXTENSIONS = new Set([
  '.pdf', '.doc', '.docx', '.odt', '.rtf', '.epub', '.xls', '.xlsx', '.ppt', '.pptx', '.zip', '.gz', '.tgz', '.bz2', '.xz', '.7z',
  '.rar', '.png', '.jpg', '.jpeg', '.gif', '.webp', '.svg', '.mp3', '.mp4', '.wav', '.ogg', '.webm', '.mov', '.exe', '.bin', '.db', '.sqlite',
]);

export function isKnownBinaryExtension(path: string): boolean {
  return BINARY_EXTENSIONS.has(extname(path).toLowerCase());
}

/** Extension -> format; undefined for no extension; null for an extension we do not read. */
export function formatFromExtension(path: string): Detected | undefined | null {
  const ext = extname(path).toLowerCase();
  if (!ext) return undefined;
  return BY_EXTENSION[ext] ?? null;
}

/** Content-Type header -> format; undefined when the type says nothing useful; null when unsupported. */
export function formatFromContentType(contentType: string | null | undefined): Detected | undefined | null {
  if (!contentType) return undefined;
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'application/rss+xml' || type === 'application/atom+xml' || type === 'application/rdf+xml') return 'feed';
  if (type === 'application/xml' || type === 'text/xml') return 'feed';
  if (type === 'application/json' || type.endsWith('+json')) return 'json';
  if (type === 'application/x-ndjson' || type === 'application/jsonl' || type === 'application/x-jsonlines') return 'jsonl';
  if (type === 'text/plain' || type === 'text/markdown') return 'text';
  if (type === 'application/octet-stream' || type === '') return undefined;
  return null;
}

/** What the content looks like, ignoring any name. */
export function sniffFormat(text: string): Detected {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<')) {
    if (/^<\?xml[^>]*>\s*(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)\b/i.test(head) || /^<(rss|feed|rdf:RDF)\b/i.test(head)) return 'feed';
    if (/<(!doctype\s+html|html|head|body|article|p|div|main|section|h[1-6])\b/i.test(head)) return 'html';
  }
  if (head.startsWith('{') || head.startsWith('[')) {
    if (head.startsWith('[')) return 'json';
    try {
      JSON.parse(text);
      return 'json';
    } catch {
      // Not one JSON value: JSONL when most lines are objects (a broken line is reported by line).
      const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
      if (lines.length > 1 && lines.filter((l) => l.startsWith('{')).length * 2 >= lines.length) return 'jsonl';
    }
    return 'json';
  }
  return 'text';
}

/**
 * Combine the name's hint with the content. The content wins when the two disagree in a way the
 * content makes obvious (HTML saved as .txt, JSONL saved as .json); otherwise the hint wins.
 */
export function decideFormat(hint: Detected | undefined, text: string): Detected {
  const sniffed = sniffFormat(text);
  if (!hint) return sniffed;
  if (hint === 'text' && (sniffed === 'html' || sniffed === 'feed')) return sniffed;
  if (hint === 'json' && sniffed === 'jsonl') return 'jsonl';
  if (hint === 'jsonl' && sniffed === 'json' && !text.trim().includes('\n')) return 'jsonl';
  if (hint === 'feed' && sniffed === 'html') return 'html';
  if (hint === 'html' && sniffed === 'feed') return 'feed';
  return hint;
}
