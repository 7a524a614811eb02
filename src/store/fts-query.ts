/**
 * Makes everyday search input valid FTS5: a word with punctuation inside (al-Nusra, Russia's,
 * U.S.) is not an FTS5 bareword and would be a syntax error, so such words are quoted (FTS5 then
 * matches them as a phrase of their tokens). Operators (AND, OR, NOT), "phrases", parentheses,
 * prefix* and column filters (title:, body:, outlet:) pass through; broken syntax (an unterminated
 * quote, a dangling operator) is left for FTS5 to reject with its message.
 */
const BAREWORD = /^[\p{L}\p{N}_\u0080-\uffff]+$/u;
const COLUMN = /^(title|body|outlet):/i;

function word(w: string): string {
  if (/^(AND|OR|NOT)$/.test(w)) return w;
  const col = COLUMN.exec(w)?.[0] ?? '';
  let rest = w.slice(col.length);
  const star = rest.length > 1 && rest.endsWith('*') ? '*' : '';
  if (star) rest = rest.slice(0, -1);
  if (!rest) return w;
  if (BAREWORD.test(rest)) return col + rest + star;
  return `${col.toLowerCase()}"${rest.replace(/"/g, '""')}"${star}`;
}

export function toFtsQuery(input: string): string {
  const out: string[] = [];
  let i = 0;
  const s = input.trim();
  while (i < s.length) {
    const c = s[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"') {
      // A quoted phrase runs to the next quote; unterminated → keep the rest as is so FTS5 reports it.
      const end = s.indexOf('"', i + 1);
      const stop = end < 0 ? s.length : end + 1;
      let phrase = s.slice(i, stop);
      if (end >= 0 && s[stop] === '*') phrase += '*';
      out.push(phrase);
      i = end >= 0 && s[stop] === '*' ? stop + 1 : stop;
      continue;
    }
    if (c === '(' || c === ')') {
      out.push(c);
      i++;
      continue;
    }
    let j = i;
    while (j < s.length && !/[\s()"]/.test(s[j])) j++;
    out.push(word(s.slice(i, j)));
    i = j;
  }
  return out.join(' ');
}
