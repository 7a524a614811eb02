/**
 * Bytes -> text with the checks a user needs to hear about: empty, too large, binary,
 * not UTF-8. Returns a reason instead of throwing so the reader can carry on with other inputs.
 */
export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

export function tooLargeReason(size: number, maxBytes: number): string {
  return `too large: ${size} bytes exceeds the limit of ${maxBytes} bytes (raise --max-bytes)`;
}

/** Offset of the first byte that breaks UTF-8, for a message the user can act on. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need = 0;
    let min = 0;
    if (b < 0x80) { i++; continue; }
    else if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Share of control characters (other than tab, newline, CR, form feed) in a sample. */
function controlRatio(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 8192);
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) ctrl++;
  }
  return n ? ctrl / n : 0;
}

/**
 * Decode bytes as text. `charset` (from an HTTP header or <meta charset>) selects a legacy
 * decoder, e.g. windows-1251; otherwise the bytes must be valid UTF-8.
 */
export function decodeBytes(bytes: Uint8Array, maxBytes: number, charset?: string): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty file (0 bytes)' };
  if (bytes.length > maxBytes) return { ok: false, reason: tooLargeReason(bytes.length, maxBytes) };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, reason: 'text is UTF-16 encoded (byte-order mark); convert it to UTF-8' };
  }
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes), not text' };
  const ratio = controlRatio(bytes);
  if (ratio > 0.05) return { ok: false, reason: `binary file (${Math.round(ratio * 100)}% control characters), not text` };
  const cs = charset?.trim().toLowerCase();
  let text: string;
  if (cs && cs !== 'utf-8' && cs !== 'utf8') {
    try {
      text = new TextDecoder(cs).decode(bytes);
    } catch {
      return { ok: false, reason: `unsupported character encoding '${charset}'` };
    }
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      const at = firstInvalidUtf8(bytes);
      return { ok: false, reason: `invalid UTF-8${at >= 0 ? ` at byte ${at}` : ''}; convert the file to UTF-8` };
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!text.trim()) return { ok: false, reason: 'empty file (only whitespace)' };
  return { ok: true, text };
}
