/** What the cleaner knows about one line of scraped text: words, verbs, punctuation, case, labels. */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { LABEL_PHRASES } from './clean-rules.js';

let nlp: ReturnType<typeof winkNLP> | undefined;

/** Only the POS tagger: we ask one question of it — is there a verb in this line? */
function engine(): ReturnType<typeof winkNLP> {
  nlp ??= winkNLP(model, ['pos']);
  return nlp;
}

export function hasVerb(text: string): boolean {
  const n = engine();
  const pos = n.readDoc(text).tokens().out(n.its.pos) as string[];
  return pos.some((p) => p === 'VERB' || p === 'AUX');
}

export const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}'’\-]*/gu;

export function words(text: string): string[] {
  return text.match(WORD_RE) ?? [];
}

/** Ends like a sentence; a colon too, since a line introducing a quote ("X said:") is body. */
export function endsWithPunct(text: string): boolean {
  return /[.!?…:]["'”’»)\]]*$/.test(text);
}

export function endsWithPeriod(text: string): boolean {
  return /[.…]["'”’»)\]]*$/.test(text);
}

const SMALL = new Set(['a', 'an', 'the', 'of', 'to', 'in', 'on', 'for', 'and', 'or', 'as', 'at', 'by', 'from', 'with', 'vs', 'via', 'into', 'over', 'after', 'but', 'nor', 'is', 'are', 'be']);

/** Headline casing: most significant words capitalized. */
export function isTitleCase(ws: string[]): boolean {
  const sig = ws.filter((w) => /\p{L}/u.test(w) && !SMALL.has(w.toLowerCase()));
  if (sig.length < 2) return false;
  const caps = sig.filter((w) => /^\p{Lu}/u.test(w) || /^\p{N}/u.test(w));
  return caps.length / sig.length >= 0.75;
}

/** Quoted passage of at least 3 words (double quotes or guillemets; single quotes are apostrophes too often). */
export function hasQuote(text: string): boolean {
  const re = /["“«„]([^"“”«»„]+)["”»“]?/g;
  for (const m of text.matchAll(re)) if (words(m[1]).length >= 3) return true;
  return false;
}

type Trie = Map<string, Trie> & { end?: string[] };

function buildTrie(): Trie {
  const root: Trie = new Map();
  for (const [rule, phrases] of Object.entries(LABEL_PHRASES)) {
    for (const p of phrases) {
      let node = root;
      for (const w of p.split(' ')) {
        if (!node.has(w)) node.set(w, new Map());
        node = node.get(w)!;
      }
      (node.end ??= []).push(rule);
    }
  }
  return root;
}

let trie: Trie | undefined;

/**
 * If the line is made only of interface labels (numbers allowed, e.g. "12 comments"), the rules
 * whose phrases cover it; otherwise null. Camel-case glue from scrapers ("standardsDiscussion")
 * is split first.
 */
export function labelRules(text: string): string[] | null {
  trie ??= buildTrie();
  const ws = words(text.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')).map((w) => w.toLowerCase());
  if (!ws.length) return null;
  // best[i] = rules used to cover ws[0..i), or undefined when not coverable.
  const best: (Set<string> | undefined)[] = new Array(ws.length + 1);
  best[0] = new Set();
  for (let i = 0; i < ws.length; i++) {
    const here = best[i];
    if (!here) continue;
    if (/^\d+$/.test(ws[i]) && !best[i + 1]) best[i + 1] = new Set(here);
    let node: Trie | undefined = trie;
    for (let j = i; j < ws.length && node; j++) {
      node = node.get(ws[j]);
      if (node?.end && !best[j + 1]) best[j + 1] = new Set([...here, ...node.end.slice(0, 1)]);
    }
  }
  const cover = best[ws.length];
  if (!cover || cover.size === 0) return null;
  return [...cover];
}
