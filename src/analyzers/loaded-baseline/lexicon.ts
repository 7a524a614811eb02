/**
 * The loaded-language lexicon baseline: words and two-word phrases that, in the PTC training
 * articles, fall inside gold Loaded_Language or Name_Calling,Labeling spans most of the time.
 * The shipped table holds only derived numbers (term -> share, count), learned here from data.
 */
import type { TokenSpan } from '../../nlp/doc.js';

export const LOADED_LEXICON_FILE = 'techniques-loaded-lexicon.json.gz';

export interface LoadedLexicon {
  /** term -> [share of occurrences inside a gold loaded/name-calling span, occurrences]. */
  terms: Record<string, [number, number]>;
  minCount: number;
  minShare: number;
}

export interface LexiconSource {
  text: string;
  tokens: TokenSpan[];
  /** Gold Loaded_Language / Name_Calling spans, UTF-16 offsets. */
  spans: { start: number; end: number }[];
}

function termsAt(text: string, tokens: TokenSpan[], i: number): { term: string; start: number; end: number }[] {
  const t = tokens[i];
  if (t.type !== 'word') return [];
  const w = text.slice(t.start, t.end).toLowerCase();
  const out = [{ term: w, start: t.start, end: t.end }];
  const n = tokens[i + 1];
  if (n && n.type === 'word' && n.sentence === t.sentence) out.push({ term: `${w} ${text.slice(n.start, n.end).toLowerCase()}`, start: t.start, end: n.end });
  return out;
}

export function buildLexicon(sources: LexiconSource[], minCount = 4, minShare = 0.5): LoadedLexicon {
  const counts = new Map<string, [number, number]>();
  for (const s of sources) {
    for (let i = 0; i < s.tokens.length; i++) {
      for (const { term, start, end } of termsAt(s.text, s.tokens, i)) {
        const inside = s.spans.some((g) => g.start <= start && end <= g.end);
        let c = counts.get(term);
        if (!c) counts.set(term, (c = [0, 0]));
        c[1]++;
        if (inside) c[0]++;
      }
    }
  }
  const terms: Record<string, [number, number]> = {};
  // Sorted keys: the artifact bytes do not depend on Map order.
  for (const term of [...counts.keys()].sort()) {
    const [inside, total] = counts.get(term)!;
    const share = inside / total;
    if (total >= minCount && share >= minShare) terms[term] = [Math.round(share * 1000) / 1000, total];
  }
  return { terms, minCount, minShare };
}

export interface LexiconHit {
  term: string;
  start: number;
  end: number;
  share: number;
}

/** Lexicon terms in a tokenized text; a matching two-word phrase wins over its first word. */
export function matchLexicon(lex: LoadedLexicon, text: string, tokens: TokenSpan[]): LexiconHit[] {
  const out: LexiconHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const cands = termsAt(text, tokens, i).reverse();
    const hit = cands.find((c) => lex.terms[c.term]);
    if (!hit) continue;
    out.push({ term: hit.term, start: hit.start, end: hit.end, share: lex.terms[hit.term][0] });
    if (hit.term.includes(' ')) i++;
  }
  return out;
}
