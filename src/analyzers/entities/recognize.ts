/**
 * Run the CoNLL-trained tagger over a Doc's tokens and return mentions with offsets.
 * wink-nlp splits hyphenated words ("al-Nusra" -> "al" "-" "Nusra"); CoNLL keeps them whole, so
 * touching hyphen joins are merged back before tagging.
 */
import type { Doc } from '../../nlp/doc.js';
import { conllForm } from '../../models/ner-features.js';
import type { NerModel } from '../../models/ner-tagger.js';
import { chunks } from '../../eval/conll.js';
import type { EntityLabel } from './types.js';

export interface NerToken {
  start: number;
  end: number;
  /** CoNLL form of the token text (ASCII quotes and dashes). */
  word: string;
}

const HYPHENS = new Set(['-', '\u2010', '\u2011']);

/** Doc tokens grouped by sentence, hyphen joins merged. */
export function nerTokens(doc: Doc): NerToken[][] {
  const tokens = doc.layers.tokens;
  if (!tokens) throw new Error(`entities: doc ${doc.id} has no tokens layer`);
  const sentences: NerToken[][] = [];
  let current: NerToken[] = [];
  let sentence = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.sentence !== sentence) {
      if (current.length) sentences.push(current);
      current = [];
      sentence = t.sentence;
    }
    const text = doc.text.slice(t.start, t.end);
    if (!text.trim()) continue;
    const prev = current[current.length - 1];
    const next = tokens[i + 1];
    // "al" "-" "Nusra" with no spaces between -> one token "al-Nusra".
    if (
      prev &&
      HYPHENS.has(text) &&
      prev.end === t.start &&
      next &&
      next.sentence === t.sentence &&
      next.start === t.end &&
      /^[\p{L}\p{N}]/u.test(doc.text.slice(next.start, next.end))
    ) {
      prev.end = next.end;
      prev.word = conllForm(doc.text.slice(prev.start, prev.end));
      i++;
      continue;
    }
    current.push({ start: t.start, end: t.end, word: conllForm(text) });
  }
  if (current.length) sentences.push(current);
  return sentences;
}

export interface RawMention {
  start: number;
  end: number;
  label: EntityLabel;
  text: string;
  confidence: number;
}

/**
 * Session 21: a bookshop widget scraped with the article ("Ana Berg Best Price: $3.15 Buy New $7.20") runs its price
 * label into the author's name; the tagger takes "Ana Berg Best Price" for one person. A trailing price label
 * before a colon and a currency sign is cut off the mention (its end is returned).
 */
export function shopLabelCut(text: string, start: number, end: number): number {
  if (!/^[ \t]*:[ \t]*[$£€]/.test(text.slice(end, end + 8))) return end;
  const m = /(?:^|[ \t]+)(?:(?:Best|List|Our|Sale|Lowest)[ \t]+)?Price$/.exec(text.slice(start, end));
  return m ? start + m.index : end;
}

/** Honorifics and offices written before a person's name ("Ms. Holm", "Cardinal Lind", "Sen. Ana Berg"). */
const PERSON_TITLE = /^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Cardinal|Bishop|Archbishop|Pope|Father|Fr|Monsignor|Msgr|Rabbi|Imam|Sheikh|Ayatollah|Patriarch|Reverend|Rev|Pastor|Senator|Sen|Rep|Representative|Congressman|Congresswoman|Governor|Gov|Mayor|Judge|President|Ambassador|Chancellor|Sir|Dame|Lord|Lady)\.?$/;
/** Words that make the rest of a titled mention an office or body, not a name ("Father General", "Cardinal Secretary"). */
const NOT_A_NAME = /^(?:General|Secretary|State|Church|Council|Conference|Committee|Party|Ministry|Department|Office|House|Senate|Court|University|College|School|Foundation|Institute|Says|Said|Will|Is|Was|Has)$/;

/**
 * Session 22: the CoNLL tagger, which never saw a title inside a name, often tags a titled person as an
 * organisation ("Cardinal Lind", "Ms. Holm" as ORG). A mention that opens with a person's title followed by one
 * to three capitalised name words (trailing lower-case words such as "and", "of" cut off) is the person: the title
 * is cut off and the label becomes PER, as CoNLL marks names. Undefined when the mention is not of that shape.
 */
export function titledPerson(text: string, start: number, end: number): { start: number; end: number } | undefined {
  const words = [...text.slice(start, end).matchAll(/\S+/g)];
  if (words.length < 2 || !PERSON_TITLE.test(words[0][0])) return undefined;
  let rest = words.slice(1);
  while (rest.length && /^\p{Ll}/u.test(rest[rest.length - 1][0])) rest = rest.slice(0, -1);
  if (rest.length < 1 || rest.length > 3 || !rest.every((w) => /^\p{Lu}[\p{L}’'.-]*$/u.test(w[0]) && !NOT_A_NAME.test(w[0]))) return undefined;
  const last = rest[rest.length - 1];
  return { start: start + rest[0].index!, end: start + last.index! + last[0].length };
}

/** Tag the whole document at once (the tagger uses document-level features). */
export function recognize(model: NerModel, doc: Doc): RawMention[] {
  const sents = nerTokens(doc);
  const tagged = model.tag({ sentences: sents.map((s) => s.map((t) => t.word)) });
  const out: RawMention[] = [];
  sents.forEach((toks, s) => {
    for (const c of chunks(tagged.tags[s])) {
      let start = toks[c.start].start;
      let end = shopLabelCut(doc.text, start, toks[c.end - 1].end);
      if (end <= start) continue;
      let label = c.type as EntityLabel;
      const titled = label !== 'PER' ? titledPerson(doc.text, start, end) : undefined;
      if (titled) [start, end, label] = [titled.start, titled.end, 'PER'];
      // A mention is as sure as its least sure token.
      let confidence = 1;
      for (let i = c.start; i < c.end; i++) confidence = Math.min(confidence, tagged.probs[s][i]);
      out.push({ start, end, label, text: doc.text.slice(start, end), confidence });
    }
  });
  return out;
}
