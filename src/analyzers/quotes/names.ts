/**
 * When two speaker names mean the same person or organisation. Deliberately simple and documented
 * (docs/quotes-and-claims.md): same last word ("Marek Dvorak" ~ "Dvorak",
 * "Norway's Transport Ministry" ~ "the Norwegian Transport Ministry"), a one-word name equal to any word
 * of the other ("Kofi" ~ "Kofi Mensah Owusu"), or an acronym ("NTSB"; legal forms such as "Plc" and one-letter
 * words such as the "U.S." of "U.S. Food and Drug Administration" may be left out of it). A trailing legal form is
 * ignored ("OM Gruppen AB" ~ "OM Gruppen"). Lives with the analyzer because
 * the learned speaker chooser groups name mentions with it; the scorer re-exports it.
 */
import { normName } from './resolve.js';
import { LEGAL_FORM, TITLE_WORDS } from './lexicon.js';

// sameSpeaker runs for every pair of name mentions when the chooser groups them: normalise each name once.
const memo = new Map<string, { all: string[]; bare: string[] }>();
function normWords(s: string): { all: string[]; bare: string[] } {
  let r = memo.get(s);
  if (!r) {
    const all = normName(s).split(' ').filter(Boolean);
    const bare = all.filter((x) => !TITLE_WORDS.has(x) && !TITLE_WORDS.has(x + '.'));
    // Session 15: a firm's legal form is no part of whom it names ("OM Gruppen AB" ~ "OM Gruppen").
    while (bare.length > 1 && LEGAL_FORM.test(bare[bare.length - 1])) bare.pop();
    r = { all, bare: bare.length ? bare : all };
    if (memo.size > 50_000) memo.clear();
    memo.set(s, r);
  }
  return r;
}

/** Titles are not part of a name for matching ("Mayor Reyes" ~ "Ana Reyes"). */
const words = (s: string) => normWords(s).bare;

function acronym(ws: string[]): string {
  return ws.filter((w) => !['and', 'of', 'for', 'the', 'in'].includes(w)).map((w) => w[0]).join('');
}

/** The acronyms a name may go by: with every word, and without its legal form and one-letter words ("U.S."). */
function acronyms(ws: string[]): string[] {
  const core = ws.filter((w) => w.length > 1 && !LEGAL_FORM.test(w));
  return [acronym(ws), acronym(core)];
}

export function sameSpeaker(a: string, b: string): boolean {
  const x = words(a);
  const y = words(b);
  if (!x.length || !y.length) return false;
  if (x.join(' ') === y.join(' ')) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  const full = (ws: string[]) => normWords(ws === x ? a : b).all;
  if (short.length === 1) {
    const w = short[0];
    if (w.length >= 2 && (acronyms(long).includes(w) || acronyms(full(long)).includes(w))) return true;
    // Session 19: an acronym written fused with its article ("TheDCNF" ~ "the Daily Caller News Foundation").
    if (w.length >= 6 && w.startsWith('the') && (acronyms(long).includes(w.slice(3)) || acronyms(full(long)).includes(w.slice(3)))) return true;
    // A two-letter surname counts only as the last word ("Sy" ~ "Elhadj As Sy").
    return (w.length >= 3 && long.includes(w)) || (w.length === 2 && long[long.length - 1] === w);
  }
  if (x[x.length - 1] !== y[y.length - 1]) return false;
  // Both multi-word with the same head: they must share a modifier too ("Russia's" ~ "Russian"),
  // so "Ana Reyes" and "Luis Reyes" stay apart.
  const stem = (w: string) => w.slice(0, 4);
  const restX = new Set(x.slice(0, -1).map(stem));
  return y.slice(0, -1).some((w) => restX.has(stem(w)));
}

