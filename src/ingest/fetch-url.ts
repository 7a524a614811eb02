/**
 * Fetch one URL with a timeout that covers the whole body, a byte cap (we stop reading past it),
 * our User-Agent, and redirects followed. Returns a reason instead of throwing.
 */
import type { IngestOptions } from './types.js';
import { tooLargeReason } from './decode.js';

export type Fetched =
  | { ok: true; bytes: Uint8Array; contentType?: string; finalUrl: string; status: number }
  | { ok: false; reason: string };

function networkReason(err: unknown, url: string): string {
  const e = err as { message?: string; cause?: { code?: string; message?: string } };
  const code = e.cause?.code ?? e.cause?.message ?? e.message ?? String(err);
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    /* keep the raw url */
  }
  return `cannot reach ${host}: ${code}`;
}

export async function fetchUrl(url: string, opts: IngestOptions): Promise<Fetched> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'not a valid URL' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { ok: false, reason: `unsupported URL scheme '${parsed.protocol}'` };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, opts.timeoutMs);
  try {
    let res: Response;
    try {
      res = await fetch(parsed, {
        redirect: 'follow',
        signal: controller.signal,
        headers: {
          'user-agent': opts.userAgent,
          accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/json,text/plain;q=0.9,*/*;q=0.5',
        },
      });
    } catch (err) {
      if (timedOut) return { ok: false, reason: `timed out after ${opts.timeoutMs} ms (raise --timeout)` };
      return { ok: false, reason: networkReason(err, url) };
    }
    if (res.status < 200 || res.status > 299) {
      await res.body?.cancel().catch(() => undefined);
      return { ok: false, reason: `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}` };
    }
    const declared = Number(res.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > opts.maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      return { ok: false, reason: tooLargeReason(declared, opts.maxBytes) };
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    if (res.body) {
      const reader = res.body.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          total += value.byteLength;
          if (total > opts.maxBytes) {
            await reader.cancel().catch(() => undefined);
            return { ok: false, reason: `too large: response exceeds the limit of ${opts.maxBytes} bytes (stopped reading; raise --max-bytes)` };
          }
          chunks.push(value);
        }
      } catch (err) {
        if (timedOut) return { ok: false, reason: `timed out after ${opts.timeoutMs} ms while reading the response (raise --timeout)` };
        return { ok: false, reason: networkReason(err, url) };
      }
    }
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.byteLength;
    }
    return { ok: true, bytes, contentType: res.headers.get('content-type') ?? undefined, finalUrl: res.url || url, status: res.status };
  } finally {
    clearTimeout(timer);
  }
}

/** charset= from a Content-Type header. */
export function charsetOf(contentType: string | undefined): string | undefined {
  const m = contentType && /charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType);
  return m ? m[1] : undefined;
}

/** <meta charset> / http-equiv in the first KB of an HTML page, for pages served without one. */
export function sniffHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const m = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return m ? m[1] : undefined;
}
