/**
 * Round G (1.6.0): surnames that are ordinary words ("White", "Wade", "Cook", "King", "Judge").
 * The tagger reads them as adjectives, verbs or nouns, and some are title words ("King", "Judge",
 * "White" as in "White House"), so "“…,” White said" found no speaker. We use no names list: the
 * article itself shows which capitalised words are names, when it writes them after a capitalised
 * given name ("Marit White, 61, …") or after an honorific ("Ms. Cook"). Such a word is then a name
 * wherever the article writes it capitalised as the last word of a name ("White said", "Wade says").
 */
import { ORG_HEADS, TITLE_WORDS } from './lexicon.js';
import type { Tok } from './mention.js';

/** Honorifics that only ever stand before a person's name. */
const HONORIFIC = /^(mr|mrs|ms|miss|mx|dr|sen|rep|rev|gov|prof|gen|sgt|lt|col|capt|cpl|fr|msgr|atty|det|insp|supt)\.?$/;
const CALENDAR = /^(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;
/** A capitalised word in ordinary case ("White", not "WHITE" or "iPhone"). */
const WORD = /^\p{Lu}\p{Ll}+$/u;
const DEMONYM = /(an|ese|ish|ch|ic|i)$/;
/** Title words that are not surnames ("Texas Governor"); "White", "King", "Judge", "Bishop" can be. */
const ONLY_TITLE = /^(president|governor|gov|senator|sen|rep|minister|secretary|general|attorney|chief|director|mayor|ambassador|envoy|spokesman|spokeswoman|spokesperson|representative|chairman|chairwoman|chair|commissioner|congressman|congresswoman|sheriff|undersheriff|deputy|vice|prime|foreign|former|acting|interim|official|adviser|advisor|senior|top|security|national|permanent|commander|colonel|lieutenant|captain|admiral|district|circuit|state|defense|defence|health|interior|trade|finance|education|house|united|nations|special|press|analyst|journalist|author|editor|founder|ceo|coach|professor|officer|agent|counsel|leader|head|us|uk|un|fbi|cia)$/;
const INITIAL = /^\p{Lu}\.$/u;
const capital = (t: Tok | undefined) => !!t && /^\p{Lu}/u.test(t.text) && /\p{L}/u.test(t.text);

/** A word that may be a given name: the tagger calls it a proper noun, and it is no title, organisation or date word. */
function givenName(t: Tok): boolean {
  return t.pos === 'PROPN' && WORD.test(t.text) && !TITLE_WORDS.has(t.lower) && !ORG_HEADS.has(t.lower) && !CALENDAR.test(t.lower) && !HONORIFIC.test(t.lower);
}

/** A word that may close a person's name: not a date, organisation head or honorific. */
function surname(t: Tok): boolean {
  return WORD.test(t.text) && !CALENDAR.test(t.lower) && !ORG_HEADS.has(t.lower) && !HONORIFIC.test(t.lower);
}

/**
 * Indices of the tokens that are a person's surname in this article. `toks` carry the tagger's own
 * tags; `lineOf(k)` gives a line id (names do not run over lines); `titleCase(k)` is true on title-case
 * lines (headlines capitalise every word, so they show nothing).
 */
export function nameWordTokens(toks: Tok[], lineOf: (k: number) => number, titleCase: (k: number) => boolean): Set<number> {
  const words = new Set<string>();
  const same = (a: number, b: number) => toks[a].sentence === toks[b].sentence && lineOf(a) === lineOf(b);
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    if (titleCase(k)) continue;
    // "Ms. Cook", "Rev. Ana Wade": the last capitalised word (of at most two) after an honorific.
    if (HONORIFIC.test(t.lower) && /^\p{Lu}/u.test(t.text) && toks[k + 1] && same(k, k + 1) && WORD.test(toks[k + 1].text)) {
      const e = toks[k + 2] && same(k + 1, k + 2) && WORD.test(toks[k + 2].text) && !capital(toks[k + 3]) ? k + 2 : k + 1;
      if (!capital(toks[e + 1]) && surname(toks[e])) words.add(toks[e].text);
      continue;
    }
    // "Marit White", "Ana Maria Cook", "Ola B. Lind": a run of 2–3 capitalised words, the first a
    // given name the tagger marks as a proper noun, not after "the" ("the Marit White Fund") nor another capital.
    if (!givenName(t) || (k > 0 && capital(toks[k - 1]) && same(k - 1, k)) || /^the$/i.test(toks[k - 1]?.text ?? '')) continue;
    let e = k;
    while (e + 1 < toks.length && e - k < 3 && same(k, e + 1) && capital(toks[e + 1])) e++;
    if (e === k || e - k > 2 || (toks[e + 1] && same(e, e + 1) && capital(toks[e + 1]))) continue;
    const middle = toks.slice(k + 1, e);
    if (!middle.every((m) => givenName(m) || INITIAL.test(m.text)) || !surname(toks[e])) continue;
    // A title word needs more: not after a demonym ("French President"), and not a word that is only a title ("Texas Governor").
    // (Session 16: unless the tagger marks the whole run a person, "said John Head, spokesman for …".)
    const person = toks.slice(k, e + 1).every((x) => x.ent === 'PER') && toks[k - 1]?.ent !== 'PER';
    if (TITLE_WORDS.has(toks[e].lower) && (DEMONYM.test(t.lower) || (ONLY_TITLE.test(toks[e].lower) && !person))) continue;
    words.add(toks[e].text);
  }
  const out = new Set<number>();
  if (!words.size) return out;
  for (let k = 0; k < toks.length; k++) {
    // As the last word of a name only: "White said", "Wade, whose son …", not "White House".
    if (words.has(toks[k].text) && !(toks[k + 1] && same(k, k + 1) && capital(toks[k + 1]))) out.add(k);
  }
  return out;
}
