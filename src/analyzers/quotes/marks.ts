/**
 * Quotation marks → quoted segments. Works line by line because a paragraph break ends a quote
 * unless the quote is left open (the news convention for a quote running over paragraphs).
 */

export interface QuoteSegment {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just after the closing mark, or the line end when the quote is left open. */
  close: number;
  /** What was said: inside the marks, trimmed of spaces and trailing commas. */
  contentStart: number;
  contentEnd: number;
  /** False when the line ended before a closing mark (the quote continues in the next paragraph). */
  closed: boolean;
  /** Words in the content; short quoted phrases are scare quotes or titles unless attributed. */
  words: number;
  lineStart: number;
  lineEnd: number;
}

const OPENERS_BEFORE = /[\s([{—–\-:;,/]/;

/** Minimum number of words for a quoted span to count as a quote rather than scare quotes or a title. */
export const MIN_QUOTE_WORDS = 4;

/** Where a quote left open at the end of a line closes in one of the next lines before any new opener (one-sentence-per-line text). */
function closesLater(text: string, from: number, straight: boolean): number {
  let lines = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' && ++lines > 4) return -1;
    if (c === '“' || (straight && c === '"' && /[\s(]/.test(text[i - 1] ?? ' ') && /\w/.test(text[i + 1] ?? ''))) return -1;
    if (c === '”' || (c === '"' && !/\w/.test(text[i + 1] ?? ''))) return i;
  }
  return -1;
}

export function findQuoteSegments(text: string): QuoteSegment[] {
  const out: QuoteSegment[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let openAt = -1;
    let openStraight = false;
    const push = (open: number, close: number, contentEnd: number, closed: boolean, segLineEnd = lineEnd) => {
      let s = open + 1;
      let e = contentEnd;
      while (s < e && /\s/.test(text[s])) s++;
      while (e > s && /[\s,]/.test(text[e - 1])) e--;
      const words = text.slice(s, e).split(/\s+/).filter((w) => /\w/.test(w)).length;
      if (e > s) out.push({ open, close, contentStart: s, contentEnd: e, closed, lineStart, lineEnd: segLineEnd, words });
    };
    for (let i = lineStart; i < lineEnd; i++) {
      const c = text[i];
      if (c === '“' || c === '„') {
        // A second opener while open: the first quote was never closed; cut it here.
        if (openAt >= 0) push(openAt, i, i, false);
        openAt = i;
        openStraight = false;
      } else if (c === '”') {
        // A straight opener closed by a curly mark ("…,” Lemon said) when no straight mark follows on the line.
        if (openAt >= 0 && (!openStraight || !text.slice(i + 1, lineEnd).includes('"'))) {
          push(openAt, i + 1, i, true);
          openAt = -1;
        }
      } else if (c === '"') {
        if (openAt >= 0 && !openStraight && !/\w/.test(text[i + 1] ?? '')) {
          // Mixed marks (“…") close all the same.
          push(openAt, i + 1, i, true);
          openAt = -1;
        } else if (openAt < 0) {
          const before = i === lineStart ? ' ' : text[i - 1];
          if (OPENERS_BEFORE.test(before)) {
            openAt = i;
            openStraight = true;
          }
        } else if (openStraight) {
          push(openAt, i + 1, i, true);
          openAt = -1;
        }
      }
    }
    if (openAt >= 0) {
      const close = closesLater(text, lineEnd, openStraight);
      if (close >= 0) {
        // The quote runs over lines and closes later: one segment; continue after its close.
        let closeLineEnd = text.indexOf('\n', close);
        if (closeLineEnd < 0) closeLineEnd = text.length;
        push(openAt, close + 1, close, true, closeLineEnd);
        const rest = findQuoteSegments(text.slice(close + 1, closeLineEnd)).map((x) => shift(x, close + 1, lineStart, closeLineEnd));
        out.push(...rest);
        lineStart = closeLineEnd + 1;
        continue;
      }
      push(openAt, lineEnd, lineEnd, false);
    }
    lineStart = lineEnd + 1;
  }
  return out;
}

function shift(s: QuoteSegment, by: number, lineStart: number, lineEnd: number): QuoteSegment {
  return { ...s, open: s.open + by, close: s.close + by, contentStart: s.contentStart + by, contentEnd: s.contentEnd + by, lineStart, lineEnd };
}
