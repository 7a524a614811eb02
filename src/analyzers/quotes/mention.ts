/**
 * Speaker mentions next to a cue verb: the noun phrase, name or pronoun that says who speaks,
 * found from the tokens alone (no NER needed; entities are linked afterwards).
 */
import type { TokenSpan } from '../../nlp/doc.js';
import {
  GENERIC_NOUNS, NP_LINK_WORDS, ORG_HEADS, ORG_TITLE_NOUNS, PERSON_TITLE_NOUNS, PRONOUNS_GROUP, PRONOUNS_PERSON, TITLE_WORDS, VERB_PREFIX_WORDS,
} from './lexicon.js';

export interface Tok extends TokenSpan {
  text: string;
  lower: string;
  /** Round G: the article uses this capitalised word as a person's surname ("Marit White … White said"). */
  nameWord?: boolean;
  /** Session 13: the label of the NER mention covering this token, when the NER ran. */
  ent?: string;
}

/** A title word ("Judge", "King", "White" of "White House"), unless the article uses it as a surname. */
export const isTitleTok = (t: Tok) => TITLE_WORDS.has(t.lower) && !t.nameWord;

export type SpeakerKind = 'person' | 'org' | 'unknown';

/** A speaker mention as written, before resolution. */
export interface Mention {
  /** Token range [first, last] of the whole mention phrase. */
  first: number;
  last: number;
  /** 'name' = has a proper name; 'pronoun'; 'title' = "the official", "the ministry"; 'generic' = "witnesses" (not resolvable). */
  type: 'name' | 'pronoun' | 'title' | 'generic';
  kind: SpeakerKind;
  /** For names: the name part (without titles), as char offsets. */
  nameStart?: number;
  nameEnd?: number;
  /** For titles: the head noun ("official", "ministry"). */
  head?: string;
  /** For titles owned by a name ("Awan’s lawyer"): the owner's last word, who is not the role's holder. */
  possessor?: string;
}

const STOP_NP = new Set(['that', 'which', 'who', 'whom', 'whose', 'this', 'these', 'those', 'what', 'where', 'when', 'there', 'it']);
const WEEKDAY = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;
const CALENDAR = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|today|yesterday|(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.)$/;
/** Capitalised modifiers of a generic noun that name no source ("Federal investigators", "Media reports", "A Nov. 29 report"). */
const NO_SOURCE_MODIFIER = /^(federal|local|state|media|government|military|senior|top|regional|western|foreign|international|independent|medical|news|press|official|several|other|many|some|two|three|four)$/;

/** Singular nationality nouns the demonym suffixes miss (for "the Swede said" without the NER layer). */
const NATIONALITY = /^(swede|briton|dane|pole|finn|scot|turk|greek|czech|spaniard|frenchman|englishman|irishman|welshman|scotsman|dutchman|german|american|italian|russian|australian|canadian|brazilian|argentine|austrian|belgian|croatian|serbian|romanian|hungarian|ukrainian|norwegian|nigerian|kenyan|indian|pakistani|israeli|iraqi|iranian|afghan|chinese|japanese|portuguese|swiss)$/;

/** Singular party members ("the Ohio Democrat"). */
const PARTY_MEMBER = /^(republican|democrat|conservative|socialist|liberal|communist|nationalist|tory)$/;

/** Lower-case kinds of outlet written after an outlet's name ("Les Echos newspaper", "Interfax news agency"). */
const MEDIA_KIND = /^(newspaper|magazine|daily|weekly|agency|radio|television|tv|channel|website|journal)$/;

/** "which", "who" … end a noun phrase; the acronym "WHO" does not. */
const stop = (t: Tok) => STOP_NP.has(t.lower) && !/^\p{Lu}{2,}$/u.test(t.text);

function inNP(t: Tok): boolean {
  if (stop(t)) return false;
  if (t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'NUM') return true;
  if (t.pos === 'DET' || /^(its|their|his|her)$/.test(t.lower)) return true;
  return NP_LINK_WORDS.has(t.lower) || (t.pos === 'PART' && /^['’]s$/.test(t.lower));
}

function isHead(t: Tok): boolean {
  return (t.pos === 'PROPN' || t.pos === 'NOUN') && !stop(t) && /\w/.test(t.text);
}

const MAX_NP = 14;

/** Index of the "(" that the ")" at `close` ends, if it is within 8 tokens and at or after `limit`. */
function parenOpen(toks: Tok[], close: number, limit: number): number {
  for (let k = close - 1; k >= limit && close - k <= 8; k--) {
    if (toks[k].text === '(') return k;
    if (toks[k].text === ')' || /^[!?;]$/.test(toks[k].text)) return -1;
  }
  return -1;
}

/** Walk back from token i (the head) over a noun phrase; returns its first token, or -1. */
function npBack(toks: Tok[], i: number, limit: number): number {
  if (i < limit || !isHead(toks[i])) return -1;
  let j = i;
  const capitalised = (t: Tok | undefined) => !!t && t.pos === 'PROPN' && /^\p{Lu}/u.test(t.text);
  // "Action Against Hunger": a lower-case preposition between capitalised words belongs to the name.
  for (;;) {
    if (j - 1 < limit || i - j >= MAX_NP) break;
    // Session 18: a spaced dash ends the phrase ("… next year - Ana Berg says"); only an unspaced one joins words.
    if (toks[j - 1].text === '-' && toks[j - 1].end < toks[j].start && (toks[j - 2]?.end ?? -1) < toks[j - 1].start) break;
    if (inNP(toks[j - 1]) || (toks[j - 1].pos === 'ADP' && capitalised(toks[j]) && capitalised(toks[j - 2]) && /^\p{Lu}/u.test(toks[j - 1].text))) {
      j--;
      continue;
    }
    // Session 17: "Khweis’ defense attorney": the bare apostrophe of a possessive after a name in -s.
    if (PERSON_TITLE_NOUNS.has(toks[i].lower) && /^['’]$/.test(toks[j - 1].text) && toks[j - 1].start === toks[j - 2]?.end && /s$/i.test(toks[j - 2]?.text ?? '') && capitalised(toks[j - 2]) && j - 2 >= limit) {
      j -= 2;
      continue;
    }
    // "Immigration and Customs Enforcement (ICE) officials", "IFRC's (International Federation …) emergency operations"
    const open = toks[j - 1].text === ')' ? parenOpen(toks, j - 1, limit) : -1;
    if (open > limit) {
      j = open;
      continue;
    }
    break;
  }
  // A phrase does not start with a link word ("of", "and", "'s").
  while (j < i && (toks[j].pos === 'ADP' || toks[j].pos === 'CCONJ' || toks[j].pos === 'PUNCT' || toks[j].pos === 'PART')) j++;
  return j;
}

/** Subject of the cue verb at `vi`, looking left no further than token `limit`. */
export function subjectBefore(toks: Tok[], vi: number, limit: number): Mention | undefined {
  let i = vi - 1;
  for (;;) {
    if (i < limit) return undefined;
    const t = toks[i];
    // Passive ("Visitors have been warned", "he was told"): the subject is the addressee, not the speaker.
    if (/^(is|are|was|were|been|being|be|get|got)$/.test(t.lower) && !/ing$/.test(toks[vi].lower)) return undefined;
    if ((VERB_PREFIX_WORDS.has(t.lower) && t.pos !== 'NOUN' && t.pos !== 'PROPN') || (t.pos === 'ADV' && vi - i <= 3)) i--;
    // "said on Friday", "on Wednesday said"
    else if (CALENDAR.test(t.lower) && i - 1 >= limit && ['on', 'last', 'this', 'next', 'late', 'early'].includes(toks[i - 1].lower)) i -= 2;
    // Session 15: "Bob Dole Wednesday accused" (newswire): a bare weekday between a name and its verb.
    else if (WEEKDAY.test(t.lower) && i === vi - 1 && i - 1 >= limit && toks[i - 1].pos === 'PROPN' && !WEEKDAY.test(toks[i - 1].lower)) i--;
    // Session 16: "Lebed himself said": an intensifying reflexive after the subject.
    else if (/^(himself|herself|itself|themselves)$/.test(t.lower) && i - 1 >= limit && ['PROPN', 'NOUN', 'PRON'].includes(toks[i - 1].pos)) i--;
    // "continued to claim", "went on to say"
    else if (t.lower === 'to' && i - 1 >= limit && CATENATIVE.test(toks[i - 1].lemma.toLowerCase())) i -= 2;
    // "goes on to explain"
    else if (t.lower === 'to' && i - 2 >= limit && toks[i - 1].lower === 'on' && toks[i - 2].lemma.toLowerCase() === 'go') i -= 3;
    // "Rep. Scott Perry (R-Pa.) said": a parenthesis after the name.
    else if (t.text === ')' && parenOpen(toks, i, limit) > limit) i = parenOpen(toks, i, limit) - 1;
    else break;
  }
  const t = toks[i];
  if ((t.lower === 'and' || t.lower === 'but') && t.pos === 'CCONJ') {
    // "Davis was dismissive and said that …": the subject of the first verb.
    const m = clauseSubject(toks, limit, i);
    // (Round D: also a definite title, "The mayor left the meeting early but said …".)
    if (m && (m.type === 'name' || m.type === 'pronoun' || (m.type === 'title' && m.first === limit))) return m;
    // "… after Mayor Lin Ortega corrected the figures and said …": the name right before the first verb.
    for (let k = i - 1; k > limit && i - k <= 12; k--) {
      if (toks[k].text === ',' || toks[k].lower === 'that') break;
      if (toks[k].pos !== 'VERB' || toks[k - 1].pos !== 'PROPN') continue;
      const f = npBack(toks, k - 1, limit);
      const n = f >= 0 ? classify(toks, f, k - 1) : undefined;
      return n && n.type === 'name' && n.kind === 'person' ? n : undefined;
    }
    return undefined;
  }
  // Round D: "the Harbour Gazette report that said …": a named document is its source's voice.
  if (t.lower === 'that' && i - 1 > limit && /^(report|article|story|statement|letter|study|analysis|editorial)$/.test(toks[i - 1].lower)) {
    const f = npBack(toks, i - 1, limit);
    const m = f >= 0 ? classify(toks, f, i - 1) : undefined;
    return m && m.type === 'name' ? m : undefined;
  }
  if ((t.lower === 'who' || t.lower === 'which') && i - 1 > limit && toks[i - 1].text === ',') {
    // Session 21: "Ana Berg, 51, who claims …": an age between the name and "who".
    if (t.lower === 'who' && i - 3 > limit && /^\d{1,3}$/.test(toks[i - 2].text) && toks[i - 3].text === ',') {
      const f = npBack(toks, i - 4, limit);
      const n = f >= 0 ? classify(toks, f, i - 4) : undefined;
      if (n && n.type === 'name') return n;
    }
    // "CRIF, which said that …"
    const f = npBack(toks, i - 2, limit);
    if (f < 0) return undefined;
    const m = classify(toks, f, i - 2);
    if (m.type === 'name') return m;
    // Session 21: "… by Ana Berg, the head of the society and the spokesman for the group, who wrote, …", "Ola Vik – a
    // member of the council – who said …": a description bracketed after a person's name is that person.
    if (t.lower === 'who') {
      const named = describedPerson(toks, i - 1, limit);
      if (named) return named;
    }
    if (m.type === 'title') return m;
    // Round F: "… was too much for Facebook, which declared …": the name right before the comma.
    let n = i - 2;
    while (n - 1 > f && toks[n - 1].pos === 'PROPN' && /^\p{Lu}/u.test(toks[n - 1].text)) n--;
    if (n > f && toks[n].pos === 'PROPN' && /^\p{Lu}/u.test(toks[n].text) && ['ADP', 'CCONJ'].includes(toks[n - 1].pos)) {
      const p = classify(toks, n, i - 2);
      if (p.type === 'name') return p;
    }
    return undefined;
  }
  if (t.lower === 'who' && i - 1 > limit && /^[—–]$/.test(toks[i - 1].text)) return describedPerson(toks, i - 1, limit);
  // Round I: "Ana Berg, a harbour pilot who says …", "Ana Berg, the teen who says …": a restrictive "who" after the
  // appositive of a person's name — the named person speaks (the description alone is nobody).
  if (t.text === 'who' && i - 1 > limit && toks[i - 1].text !== ',') {
    const f = npBack(toks, i - 1, limit);
    const d = f >= 0 ? classify(toks, f, i - 1) : undefined;
    if (d && d.type === 'name' && d.kind === 'person') return d;
    if (d && d.type !== 'name' && /^(a|an|the)$/.test(toks[f].lower) && f - 2 >= limit && toks[f - 1].text === ',') {
      const f2 = npBack(toks, f - 2, limit);
      const n = f2 >= 0 && subjectPosition(toks, f2, limit) ? classify(toks, f2, f - 2) : undefined;
      if (n && n.type === 'name' && n.kind === 'person') return n;
    }
    return undefined;
  }
  if (t.pos === 'PRON') {
    if (PRONOUNS_PERSON.has(t.lower)) return { first: i, last: i, type: 'pronoun', kind: 'person' };
    if (PRONOUNS_GROUP.has(t.lower)) return { first: i, last: i, type: 'pronoun', kind: 'org' };
    return undefined;
  }
  if (t.text === ',') return appositive(toks, i, limit) ?? interrupted(toks, vi, limit) ?? longAppositive(toks, i, limit);
  if (/^[—–-]$/.test(t.text)) {
    // Round I: "Rep. Ola Lund — a councillor who has studied the case — said": a dash-bracketed appositive
    // (which may hold a relative clause) after a person's name.
    for (let o = i - 2; o > limit && i - o <= 40; o--) {
      if (FINAL_PUNCT.test(toks[o].text)) break;
      if (toks[o].text !== t.text) continue;
      const f = npBack(toks, o - 1, limit);
      const n = f >= 0 && subjectPosition(toks, f, limit) ? classify(toks, f, o - 1) : undefined;
      if (n && n.type === 'name' && n.kind === 'person') return n;
      break;
    }
    return interrupted(toks, vi, limit);
  }
  const first = npBack(toks, i, limit);
  if (first < 0) return undefined;
  if (!subjectPosition(toks, first, limit)) {
    // Round I: "Professor Ana Berg from the University of Tromsø told …", "Ola Lund of the harbour board said":
    // a prepositional phrase after a person's name modifies it; the person in subject position speaks.
    // (Only "the …" objects: a title-case headline, "Bombshell Control Audio From Tower Shows …", has none.)
    if (/^(from|at|of|with)$/.test(toks[first - 1].text) && toks[first].text === 'the' && first - 2 >= limit) {
      const f0 = npBack(toks, first - 2, limit);
      const h = f0 >= 0 && subjectPosition(toks, f0, limit) ? classify(toks, f0, first - 2) : undefined;
      if (h && h.type === 'name' && h.kind === 'person') return h;
    }
    // Round H: "Elsewhere in the email Berg says …": an opening adjunct without its comma; the name after
    // its common noun is the subject. Only at the start of the clause, and only a capitalised name.
    let n = i;
    while (n - 1 > first && toks[n - 1].pos === 'PROPN' && /^\p{Lu}/u.test(toks[n - 1].text)) n--;
    const opening = toks.slice(limit, first).every((x) => ['ADV', 'ADP', 'DET', 'CCONJ', 'SCONJ'].includes(x.pos));
    if (n > first && toks[n].pos === 'PROPN' && /^\p{Lu}/u.test(toks[n].text) && toks[n - 1].pos === 'NOUN' && /^\p{Ll}/u.test(toks[n - 1].text) && opening) {
      const m = classify(toks, n, i);
      if (m.type === 'name' && m.kind !== 'org') return m;
    }
    return unclosedAppositive(toks, first, limit);
  }
  const m = classify(toks, first, i);
  // Session 19: a bare role after a comma ("Ana Berg, head of … said") is an appositive whose closing comma is missing.
  if (m.type !== 'name' && m.type !== 'pronoun' && first - 1 > limit && toks[first - 1].text === ',') return unclosedAppositive(toks, first, limit) ?? m;
  return m;
}

/**
 * Session 19: "Ana Berg, head of emergency response at the Health Agency said …": an appositive whose closing comma
 * is missing. The role right after the comma is one person's office with its complement ("head of", "the spokesman
 * for"; not "…, traders at the exchange said") and holds only noun-phrase words and prepositions up to the verb; the
 * person's name before the comma, in subject position, speaks.
 */
function unclosedAppositive(toks: Tok[], first: number, limit: number): Mention | undefined {
  for (let c = first - 1; c > limit && first - c <= 20; c--) {
    const x = toks[c];
    if (x.text === ',') {
      const r = /^(a|an|the)$/.test(toks[c + 1].lower) ? c + 2 : c + 1;
      if (!PERSON_TITLE_NOUNS.has(toks[r]?.text ?? '') || toks[r + 1]?.pos !== 'ADP') return undefined;
      const f = npBack(toks, c - 1, limit);
      const n = f >= 0 && subjectPosition(toks, f, limit) ? classify(toks, f, c - 1) : undefined;
      return n && n.type === 'name' && n.kind === 'person' ? n : undefined;
    }
    if (!['NOUN', 'PROPN', 'ADJ', 'ADP', 'DET', 'NUM'].includes(x.pos) && !/^[()'’]$/.test(x.text)) return undefined;
  }
  return undefined;
}

/** A noun phrase right after a preposition or verb is an object ("neighbors with X said" is not X speaking). */
function subjectPosition(toks: Tok[], first: number, limit: number): boolean {
  if (first <= limit) return true;
  const p = toks[first - 1];
  if (p.lower === 'as') return true; // "As Ambellas reported, …"
  // Session 16: "shares rose after Oakley Inc said it had …": a subordinator the tagger calls a preposition.
  if (/^(after|before|since|until|because|while|when|although|though|once|whereas)$/.test(p.lower)) return true;
  // Session 16: '“…,” presiding judge Ola Berg told …': an -ing word opening the clause before a noun modifies it.
  if (first - 1 === limit && p.pos === 'VERB' && /ing$/.test(p.lower) && toks[first].pos === 'NOUN') return true;
  return !(p.pos === 'ADP' || p.pos === 'VERB' || p.pos === 'AUX' || p.pos === 'PRON' || p.pos === 'PART');
}

/**
 * Subject set off by commas before the verb: "The union's head, Anna Kovac, said",
 * "Dr. Ines Ortega, a professor of ..., told", "Brandt, who is a flood expert ..., told".
 */
function appositive(toks: Tok[], comma: number, limit: number): Mention | undefined {
  const first = npBack(toks, comma - 1, limit);
  const m1 = first >= 0 ? classify(toks, first, comma - 1) : undefined;
  // NP2 before the previous comma (appositive or relative clause start).
  let c2 = -1;
  if (first > limit && toks[first - 1].text === ',') c2 = first - 1;
  else {
    for (let j = comma - 1; j > limit && comma - j <= 20; j--) {
      if (toks[j].text === ',') {
        c2 = j;
        break;
      }
      // (-ing words are modifiers here: "ranking Democrat on the … Committee".)
      if (toks[j].text === '.' || toks[j].pos === 'AUX' || (toks[j].pos === 'VERB' && !['who', 'which'].includes(toks[j - 1]?.lower ?? '') && !/(ed|ing)$/.test(toks[j].lower))) break;
    }
  }
  // Round I: "Sen. Ola Lund (R-Varn), the committee chairman, said": a parenthesis after the name.
  let e2 = c2 - 1;
  if (c2 > limit && toks[e2]?.text === ')' && parenOpen(toks, e2, limit) > limit) e2 = parenOpen(toks, e2, limit) - 1;
  const first2 = c2 > limit ? npBack(toks, e2, limit) : -1;
  // The name may open a subordinate clause: "… after Ms. Lind, ranking member of …, said".
  const opensClause = first2 > limit && /^(after|when|before|as|because|while|since|and|but|once|until)$/.test(toks[first2 - 1].lower);
  let m2 = first2 >= 0 && (opensClause || subjectPosition(toks, first2, limit)) ? classify(toks, first2, e2) : undefined;
  // (Only a person opening the clause before the parenthesis: "… of America (SPFPA), its union, said" is an object inside an appositive.)
  // (Session 20: "opening" allows a time or prepositional lead-in and a conjunction: "Late Thursday, Sen. Ola Lund (R-Varn), …".)
  const opens = first2 >= limit && opensClauseAt(toks, limit, first2);
  if (m2 && e2 !== c2 - 1 && (m2.kind !== 'person' || !opens)) m2 = undefined;
  if (m2 && m2.type === 'name' && (opens || toks[first2 - 1].text === ',' || (opensClause && m2.kind !== 'org'))) {
    // Round D: "Lund, the club’s treasurer for the youth section, said": a phrase opening with an
    // article is a description of the name before it, however many capitals it holds.
    if (!m1 || m1.type !== 'name' || m2.kind === 'person' || /^(the|a|an)$/.test(toks[first].lower)) return m2;
  }
  if (m1 && m1.type === 'name' && (first === limit || (c2 === first - 1 && (first2 === limit || m1.kind === 'person')))) return m1;
  // "Keith Vaz, chairman of …, who had called for …, said": the name that opens the clause.
  const lead = clauseSubjectAt(toks, limit, comma);
  if (lead && lead.type === 'name' && toks[lead.last + 1]?.text === ',') return lead;
  return undefined;
}

/**
 * Round J: "Ola Lund, a pilot who is now an adviser to the mayor, said …", "Now even Ola Lund, who is no less than
 * a deputy of the board, declares …": a person's name opening the clause (after adverbs only), then a description
 * between commas (article, lower-case noun or "who" first) that may hold relative clauses and verbs of its own.
 */
function longAppositive(toks: Tok[], comma: number, limit: number): Mention | undefined {
  for (let o = comma - 2; o > limit && comma - o <= 45; o--) {
    if (FINAL_PUNCT.test(toks[o].text)) return undefined;
    if (toks[o].text !== ',') continue;
    const d = toks[o + 1];
    if (!d || !(/^(a|an|the|who)$/.test(d.lower) || (d.pos === 'NOUN' && /^\p{Ll}/u.test(d.text)))) continue;
    const f = npBack(toks, o - 1, limit);
    if (f < limit || !(toks.slice(limit, f).every((x) => x.pos === 'ADV' || x.pos === 'CCONJ') || leadIn(toks, limit, f))) continue;
    const n = classify(toks, f, o - 1);
    // (Session 15: a surname alone is a person when NER says so: "But Currin, who is advising …, said".)
    if (n.type === 'name' && (n.kind === 'person' || (n.kind === 'unknown' && toks[o - 1].ent === 'PER'))) return n;
  }
  return undefined;
}

/**
 * Session 20: a subject at `f` opens its clause when only conjunctions and adverbs ("But", "Now even"), a prepositional
 * lead-in or a time phrase set off by a comma ("Late Thursday,", "Earlier this week,") stand before it.
 */
function opensClauseAt(toks: Tok[], limit: number, f: number): boolean {
  if (f === limit) return true;
  if (toks.slice(limit, f).every((x) => x.pos === 'ADV' || x.pos === 'CCONJ')) return true;
  return leadIn(toks, limit, f) || timeLeadIn(toks, limit, f);
}

/** Session 20: "Late Thursday,", "On Monday,", "Earlier this week,", "Last month,": only time words before the comma at f − 1. */
function timeLeadIn(toks: Tok[], limit: number, f: number): boolean {
  if (f - limit < 2 || f - limit > 6 || toks[f - 1].text !== ',') return false;
  const words = toks.slice(limit, f - 1);
  return words.some((x) => CALENDAR.test(x.lower) || /^(week|month|year|morning|afternoon|evening|night|weekend)$/.test(x.lower)) &&
    words.every((x) => CALENDAR.test(x.lower) || /^(on|late|early|earlier|later|last|this|next|in|at|the|week|month|year|morning|afternoon|evening|night|weekend|\d{1,4})$/.test(x.lower));
}

/**
 * Session 19: a prepositional lead-in set off by a comma before the subject ("In a letter made public on Monday, Ola
 * Lund, a …, warned …"): a preposition first, at most 15 tokens, no pronoun, auxiliary, relative word or quotation mark.
 */
function leadIn(toks: Tok[], limit: number, f: number): boolean {
  if (f - limit < 3 || f - limit > 16 || toks[limit].pos !== 'ADP' || toks[f - 1].text !== ',') return false;
  return toks.slice(limit, f - 1).every((x) => x.pos !== 'PRON' && x.pos !== 'AUX' && !/^(that|who|which|whom|whose)$/.test(x.lower) && !/^[“”"‘’«»,;:]$/.test(x.text));
}

/**
 * Round F: a subject at the clause start, cut off from its verb by a participle phrase between commas or
 * dashes ("The sheriff, alluding to the rumours about his office — and the port — said, …"): the phrase
 * may hold participles and infinitives but no finite verb, relative pronoun or "that".
 */
function interrupted(toks: Tok[], vi: number, limit: number): Mention | undefined {
  const m = clauseSubjectAt(toks, limit, vi);
  if (!m || (m.type !== 'name' && m.type !== 'title') || !/^[,—–]$/.test(toks[m.last + 1]?.text ?? '') || vi - m.last > 40) return undefined;
  for (let k = m.last + 2; k < vi - 1; k++) {
    const x = toks[k];
    if (/^(that|who|which|whom|whose)$/.test(x.lower) || x.pos === 'AUX' || FINAL_PUNCT.test(x.text)) return undefined;
    if (x.pos === 'VERB' && !/(ing|ed)$/.test(x.lower) && toks[k - 1].lower !== 'to') return undefined;
  }
  return m;
}

const FINAL_PUNCT = /^[.!?;:]$/;

/** A name phrase starting exactly at `a` (the clause start). */
function clauseSubjectAt(toks: Tok[], a: number, end: number): Mention | undefined {
  if (!toks[a] || !['PROPN', 'DET', 'NOUN', 'ADJ'].includes(toks[a].pos)) return undefined;
  let last = a;
  while (last + 1 < end && inNP(toks[last + 1]) && toks[last + 1].lower !== 'to' && toks[last + 1].text !== ',') last++;
  while (last > a && !isHead(toks[last])) last--;
  return isHead(toks[last]) ? classify(toks, a, last) : undefined;
}

/**
 * Session 15: a modifier NER tags MISC before a head outside that MISC span is a nationality ("Costa Rican
 * authorities", "the Swiss government"), unlike "Middle East Economic Survey", whose head is in the span.
 */
const miscNationality = (w: Tok, head: Tok) => w.ent === 'MISC' && head.ent !== 'MISC';

const CATENATIVE = /^(continue|go|refuse|want|try|attempt|decline|seem|appear|begin|start|have|need|hasten|rush|be)$/;

/**
 * The subject of a clause from its start: the first noun phrase or pronoun directly followed by a verb.
 * Used for "…, saying …" and "X did Y and said …", whose speaker is the clause subject.
 */
export function clauseSubject(toks: Tok[], a: number, end: number): Mention | undefined {
  for (let j = a; j < end; j++) {
    const t = toks[j];
    if (t.lower === 'that' || t.lower === 'who' || t.lower === 'which') return undefined;
    if (t.pos === 'PRON' && (PRONOUNS_PERSON.has(t.lower) || PRONOUNS_GROUP.has(t.lower))) {
      const nx = toks[j + 1];
      if (nx && ['VERB', 'AUX', 'ADV'].includes(nx.pos)) return { first: j, last: j, type: 'pronoun', kind: PRONOUNS_PERSON.has(t.lower) ? 'person' : 'org' };
      continue;
    }
    if (!['DET', 'PROPN', 'NOUN', 'ADJ'].includes(t.pos)) continue;
    let last = j;
    while (last + 1 < end && inNP(toks[last + 1]) && toks[last + 1].lower !== 'to') last++;
    while (last > j && !isHead(toks[last])) last--;
    let nxi = last + 1;
    // "Tommy Robinson, meanwhile, criticised …", "Soros, for his part, compared …"
    if (toks[nxi]?.text === ',' && toks[nxi + 1]?.pos === 'ADV' && toks[nxi + 2]?.text === ',') nxi += 3;
    // Round I: "Ola Lund, 69, denies … and says", "Ana Berg, another fisherman, resigned … and said": a short verbless
    // appositive between commas after a name.
    else if (toks[nxi]?.text === ',' && toks[nxi + 1] && ['NUM', 'DET'].includes(toks[nxi + 1].pos) && classify(toks, j, last).type === 'name') {
      let e = nxi + 1;
      while (e < end && e - nxi <= 8 && ['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'ADP', 'PART'].includes(toks[e].pos)) e++;
      if (toks[e]?.text === ',' && e > nxi + 1) nxi = e + 1;
    }
    else if (toks[nxi]?.text === ',' && toks[nxi + 1]?.pos === 'ADP') {
      let e = nxi + 2;
      while (e < end && e - nxi <= 4 && toks[e].text !== ',') e++;
      if (toks[e]?.text === ',' && e - nxi <= 4) nxi = e + 1;
    }
    // Session 14: "China on Tuesday reaffirmed …, saying": a day between the subject and its verb.
    else if (toks[nxi]?.lower === 'on' && toks[nxi + 1] && CALENDAR.test(toks[nxi + 1].lower)) nxi += 2;
    const nx = toks[nxi];
    if (isHead(toks[last]) && nx && ['VERB', 'AUX', 'ADV'].includes(nx.pos)) {
      const m = classify(toks, j, last);
      return m.type === 'generic' ? undefined : m;
    }
    j = last;
  }
  return undefined;
}

/** Subject after the cue verb: '"…," said Transport Minister Tomas Brandt.' */
export function subjectAfter(toks: Tok[], vi: number, end: number): Mention | undefined {
  let j = vi + 1;
  if (j > end) return undefined;
  const t = toks[j];
  if (t.pos === 'PRON' && (PRONOUNS_PERSON.has(t.lower) || PRONOUNS_GROUP.has(t.lower))) {
    return { first: j, last: j, type: 'pronoun', kind: PRONOUNS_PERSON.has(t.lower) ? 'person' : 'org' };
  }
  if (t.pos === 'ADP' || t.pos === 'PART' || !inNP(t)) return undefined;
  let last = j;
  while (last + 1 <= end && last - j < MAX_NP && inNP(toks[last + 1])) last++;
  while (last > j && !isHead(toks[last])) last--;
  if (!isHead(toks[last])) return undefined;
  const m = classify(toks, j, last);
  // Session 16: '“…,” said the tourist, Ola Berg, 37.': a definite description with a person's full name in apposition.
  if (m.type !== 'name' && t.lower === 'the' && toks[last + 1]?.text === ',' && last + 3 <= end) {
    let e = last + 2;
    while (e + 1 <= end && e - last < 4 && toks[e + 1].pos === 'PROPN' && /^\p{Lu}/u.test(toks[e + 1].text)) e++;
    const run = toks.slice(last + 2, e + 1);
    const closes = e + 1 > end || /^[,.]$/.test(toks[e + 1].text);
    if (run.length >= 2 && closes && run.every((w) => w.pos === 'PROPN' && /^\p{Lu}\p{Ll}/u.test(w.text) && !isTitleTok(w) && (w.ent === undefined || w.ent === 'PER'))) {
      return { first: j, last: e, type: 'name', kind: 'person', nameStart: run[0].start, nameEnd: run[run.length - 1].end };
    }
  }
  return m;
}

/**
 * Session 21: the person named right before a description that ends at token `close` (a comma or dash) and opens with
 * the same mark and a lower-case word or article ("Ana Berg, the head of the society and the spokesman for the group,",
 * "Ola Vik – a member of the council and the former head of its commission –"). The description holds no verb,
 * pronoun (possessives aside), quotation mark or sentence end; at most 24 tokens.
 */
function describedPerson(toks: Tok[], close: number, limit: number): Mention | undefined {
  const mark = toks[close].text === ',' ? ',' : /^[—–-]$/.test(toks[close].text) ? toks[close].text : undefined;
  if (!mark) return undefined;
  for (let o = close - 2; o > limit && close - o <= 24; o--) {
    const x = toks[o];
    if (FINAL_PUNCT.test(x.text) || x.pos === 'VERB' || x.pos === 'AUX' || (x.pos === 'PRON' && !/^(his|her|its|their)$/.test(x.lower)) || /^[“”"‘«»;:]$/.test(x.text)) return undefined;
    if (x.text !== mark) continue;
    if (!/^(a|an|the)$/.test(toks[o + 1].lower) && !/^\p{Ll}/u.test(toks[o + 1].text)) return undefined;
    const f = npBack(toks, o - 1, limit);
    const n = f >= 0 ? classify(toks, f, o - 1) : undefined;
    return n && n.type === 'name' && n.kind === 'person' ? n : undefined;
  }
  return undefined;
}

/** Decide what kind of mention a phrase is and where its name part is. */
export function classify(toks: Tok[], first: number, last: number): Mention {
  const words = toks.slice(first, last + 1);
  const lastTok = toks[last];
  const hasPropn = words.some((w) => w.pos === 'PROPN' && !CALENDAR.test(w.lower));
  // The head of "the spokesman of the ministry" is "spokesman"; "Michael Wong of the University …" is Wong.
  const prepAt = words.findIndex((w, k) => k > 0 && ['of', 'in', 'at', 'from', 'for'].includes(w.lower));
  if (prepAt > 0 && lastTok.pos === 'PROPN' && !ORG_HEADS.has(lastTok.lower)) {
    // "Secretary of Transport Lena Park": a full personal name at the end wins over the title before it.
    let s = last;
    while (s - 1 > first + prepAt && toks[s - 1].pos === 'PROPN' && !isTitleTok(toks[s - 1])) s--;
    // (Round F: not "a spokesman for Attorney General Ana Reyes": an unnamed person speaking for her.)
    const spokesFor = /^(a|an)$/.test(toks[first].lower) && /^\p{Ll}/u.test(toks[first + prepAt - 1].text);
    if (last - s >= 1 && isTitleTok(toks[s - 1]) && !spokesFor) return { ...classify(toks, s - 1, last), first, last };
    // Session 15: "Chief of Judicial Police Manuel Alvarado": a person NER finds at the end of the office's name.
    let p = last;
    while (p - 1 > first + prepAt && toks[p - 1].ent === 'PER' && toks[p - 1].pos === 'PROPN') p--;
    const office = isTitleTok(toks[first + prepAt - 1]) || (toks[first + prepAt - 1].pos === 'PROPN' && /^\p{Lu}/u.test(toks[first + prepAt - 1].text));
    if (office && last - p >= 1 && toks[last].ent === 'PER' && toks[p - 1].ent !== 'PER' && !spokesFor) {
      return { first, last, type: 'name', kind: 'person', nameStart: toks[p].start, nameEnd: lastTok.end };
    }
    // Round D: "Dock Workers of Bergen leader and longtime critic Ana Reyes": a two-word name after a lower-case
    // role noun is the person, not the organisation before the preposition.
    // (Session 15: not after a hyphenated modifier, "the Qatar-funded Brookings Institution", nor over a run NER calls
    // an organisation, "engineering group T&N Plc": there the name is the body's.)
    const role = toks[s - 1];
    if (last - s >= 1 && s - 1 > first + prepAt && ['NOUN', 'ADJ'].includes(role.pos) && /^\p{Ll}/u.test(role.text) &&
      toks[s - 2]?.text !== '-' && !toks.slice(s, last + 1).every((w) => w.ent === 'ORG')) {
      return { first, last, type: 'name', kind: 'person', nameStart: toks[s].start, nameEnd: lastTok.end };
    }
  }
  if (prepAt > 0) {
    const pre = words.slice(0, prepAt);
    const preHead = pre[pre.length - 1];
    const nonTitle = pre.filter((w) => w.pos === 'PROPN' && !isTitleTok(w));
    if (!pre.some((w) => w.pos === 'PROPN')) {
      const h = preHead.lower;
      // "a shocking report in The Sun newspaper": the document's named source speaks.
      if (/^(report|article|statement|study|interview|post|letter|story|piece|survey|analysis|commentary|editorial|column)$/.test(h) && toks[first + prepAt + 1]) {
        const post = classify(toks, first + prepAt + 1, last);
        if (post.type === 'name') return { ...post, first, last };
      }
      const definite = ['the', 'this', 'his', 'her', 'its', 'their'].includes(pre[0].lower);
      if (PERSON_TITLE_NOUNS.has(h)) return { first, last, type: definite ? 'title' : 'generic', kind: 'person', head: h };
      if (ORG_TITLE_NOUNS.has(h) || ORG_HEADS.has(h)) return { first, last, type: definite ? 'title' : 'generic', kind: 'org', head: h };
      return { first, last, type: 'generic', kind: 'unknown', head: h };
    }
    // Session 13: "the Catholic Information Office in Nairobi", "the British embassy in Tirana": the place is where the
    // body sits, not part of its name (which is judged alone, demonym rule included).
    if (ORG_HEADS.has(preHead.lower) && /^(in|at)$/.test(words[prepAt].lower)) return { ...classify(toks, first, first + prepAt - 1), first, last };
    if (ORG_HEADS.has(preHead.lower)) {
      let f = first;
      while (f < last && toks[f].pos === 'DET') f++;
      return { first, last, type: 'name', kind: 'org', nameStart: toks[f].start, nameEnd: lastTok.end };
    }
    // Session 15: "Human Rights in China", "Doctors of the World": one organisation entity over the whole phrase is
    // its name, preposition and all.
    const orgEntity = words.every((w) => w.ent === 'ORG') && !words.some((w) => w.pos === 'DET');
    if (orgEntity) return { first, last, type: 'name', kind: 'org', nameStart: toks[first].start, nameEnd: lastTok.end };
    if (nonTitle.length >= 1 && preHead.pos === 'PROPN') {
      // The mention still spans the whole phrase; only the name part is narrowed.
      return { ...classify(toks, first, first + prepAt - 1), first, last };
    }
    const definite = ['the', 'this', 'his', 'her', 'its', 'their'].includes(pre[0].lower);
    if (PERSON_TITLE_NOUNS.has(preHead.lower)) return { first, last, type: definite ? 'title' : 'generic', kind: 'person', head: preHead.lower };
    if (ORG_TITLE_NOUNS.has(preHead.lower)) return { first, last, type: definite ? 'title' : 'generic', kind: 'org', head: preHead.lower };
    // Session 13: "fishermen's leaders in Tarnby", "refugees in Kolvik": a place after a lower-case plural head is
    // where the speakers are, not who they are.
    if (preHead.pos === 'NOUN' && /^\p{Ll}+s$/u.test(preHead.text) && /^(in|at|from)$/.test(words[prepAt].lower)) {
      return { first, last, type: 'generic', kind: 'unknown', head: preHead.lower };
    }
  }
  const headTok = lastTok;
  const head = headTok.lower;
  if (GENERIC_NOUNS.has(head)) {
    // "ICE officials" speak for ICE; "Brazilian police" and "Experts" stay anonymous.
    let e = last - 1;
    while (e >= first && toks[e].pos !== 'PROPN') e--;
    let b = e;
    while (b - 1 >= first && toks[b - 1].pos === 'PROPN') b--;
    // "Rodriguez’s online petition says": the author of a document speaks.
    if (e >= first && /^['’]s$/.test(toks[e + 1]?.lower ?? '') && /^(statement|letter|report|release|petition|post|website|tweet|account|blog|page|lawsuit|emails|tweets|posts|letters)$/.test(head)) {
      return { first, last, type: 'name', kind: 'unknown', nameStart: toks[b].start, nameEnd: toks[e].end };
    }
    // "Brandt's lawyers" are not Brandt.
    const mods = e >= first && !/^['’]s$/.test(toks[e + 1]?.lower ?? '') ? toks.slice(b, e + 1).filter((w) => !CALENDAR.test(w.lower) && !NO_SOURCE_MODIFIER.test(w.lower)) : [];
    const demonym = (w: Tok) => /(an|ese|ish|i|ch)$/.test(w.text) && w.text !== w.text.toUpperCase();
    // "a UN estimate": an acronym before a document noun is its source, even when it is also a title word.
    const docSource = /^(report|statement|estimate|estimates|figures|study|data|analysis|release|letter|survey)$/.test(head) && mods.length > 0 && mods.every((w) => /^\p{Lu}{2,}$/u.test(w.text));
    // Round E: "Net-ban advocates": a capital word that opens a hyphenated modifier is not a name.
    const compound = e >= first && toks[e + 1]?.text === '-';
    // Session 13: "Pembroke Pines police", "Tirana officials": a place (NER: LOC) before a group noun is where they
    // serve, unattributed like "Swedish police" (gold guideline); "ICE officials" speak for ICE.
    const placeOnly = mods.length > 0 && mods.every((w) => w.ent === 'LOC') && !docSource;
    if (mods.length && !compound && !placeOnly && (docSource || !mods.every((w) => demonym(w) || isTitleTok(w) || miscNationality(w, headTok)))) {
      return { first, last, type: 'name', kind: 'org', nameStart: toks[b].start, nameEnd: toks[e].end };
    }
    return { first, last, type: 'generic', kind: 'unknown', head };
  }
  if (lastTok.pos === 'PROPN' && !CALENDAR.test(lastTok.lower)) {
    // Trailing proper-name run, e.g. "... to the United Nations Marek Dvorak".
    let s = last;
    while (s - 1 >= first && (toks[s - 1].pos === 'PROPN' || ['-', '.', 'al', 'bin', 'de', 'van', 'von', 'el'].includes(toks[s - 1].lower))) s--;
    const run = toks.slice(s, last + 1);
    // Session 13: "said the 30-year-old Swede", "the Briton said": a nationality after "the" refers back to a person,
    // like a title ("the champion"), not to a body named "Swede".
    if (run.length === 1 && toks[first].lower === 'the' && NATIONALITY.test(lastTok.lower)) {
      return { first, last, type: 'title', kind: 'person', head: lastTok.lower };
    }
    // Session 14: "the Pennsylvania Republican said", "the Democrat added": a party member (after a state) refers back
    // to a person; the place word makes no body of it.
    if (run.length <= 2 && toks[first].lower === 'the' && PARTY_MEMBER.test(lastTok.lower) && (run.length === 1 || /^\p{Lu}\p{Ll}/u.test(run[0].text))) {
      return { first, last, type: 'title', kind: 'person', head: lastTok.lower };
    }
    // (Session 15: not "Chairman and Chief Executive Ana Berg": an "and" between two title words joins titles.)
    const andBetweenNames = words.some((w, k) => w.lower === 'and' && words[k - 1]?.pos === 'PROPN' && words[k + 1]?.pos === 'PROPN' &&
      !(isTitleTok(words[k - 1]) && isTitleTok(words[k + 1])));
    const isOrg = ORG_HEADS.has(lastTok.lower) || andBetweenNames ||
      (s > first && toks[s - 1].lower === 'the' && run.length >= 1 && !run.some((w) => isTitleTok(w)));
    if (isOrg) {
      // Organisations keep their modifiers ("Norway's Transport Ministry"), minus the article.
      let f = first;
      while (f < last && (toks[f].pos === 'DET' || toks[f].lower === 'both')) f++;
      return { first, last, type: 'name', kind: 'org', nameStart: toks[f].start, nameEnd: lastTok.end };
    }
    // The name is what follows the last title word ("Chief District Judge Ana Reyes" → "Ana Reyes").
    let n = s;
    for (let k = s; k <= last; k++) if (isTitleTok(toks[k])) n = k + 1;
    // ("the Rev. Ana Wade": the full stop of the title is not part of the name.)
    while (n < last && toks[n].text === '.') n++;
    // "the US disclosed", "the UN said": an acronym that is also a title word names a country or body.
    if (n > last && last === s && /^\p{Lu}[\p{Lu}.]+$/u.test(lastTok.text)) return { first, last, type: 'name', kind: 'org', nameStart: lastTok.start, nameEnd: lastTok.end };
    // (Round G: one capitalised word that is a title word but no person title, "White said" with no White
    // named in the text, is nobody a reader could resolve.)
    if (n > last && first === last && !PERSON_TITLE_NOUNS.has(lastTok.lower)) return { first, last, type: 'generic', kind: 'unknown', head: lastTok.lower };
    if (n > last) return { first, last, type: 'title', kind: 'person', head: lastTok.lower };
    const nameToks = toks.slice(n, last + 1).filter((w) => /\w/.test(w.text));
    return {
      first, last, type: 'name', kind: nameToks.length >= 2 ? 'person' : 'unknown',
      nameStart: toks[n].start, nameEnd: lastTok.end,
    };
  }
  // Session 15: "the commentary said", "the editorial added": the paper that ran it (resolved like "the newspaper");
  // "an unsigned NCR editorial" names no source of its own.
  if (/^(commentary|editorial)$/.test(head)) {
    return { first, last, type: words[0].lower === 'the' && !hasPropn ? 'title' : 'generic', kind: 'org', head };
  }
  if (ORG_HEADS.has(head) || ORG_TITLE_NOUNS.has(head)) {
    // (Session 15: not a word NER puts in an organisation's name: "the state-run Anatolian news agency".)
    const onlyDemonyms = words.filter((w) => w.pos === 'PROPN').every((w) => (/(an|ese|ish|i|ch)$/.test(w.text) || miscNationality(w, lastTok)) && w.ent !== 'ORG');
    // Session 13: "the German government", "the Israeli army" are unattributed like "Swedish police" (gold guideline);
    // "the Russian Foreign Ministry", with a capitalised head, is a named body.
    const demonymBody = onlyDemonyms && /^\p{Ll}/u.test(lastTok.text);
    // Session 16: "Hong Kong government radio said": a broadcaster described, not named (a name stands right before
    // the word, "Channel Two television").
    const described = /^(radio|television)$/.test(lastTok.text) && !/^\p{Lu}/u.test(toks[last - 1]?.text ?? '');
    if (hasPropn && !described && !((['a', 'an'].includes(words[0].lower) || demonymBody) && onlyDemonyms)) {
      let f = first;
      while (f < last && (toks[f].pos === 'DET' || toks[f].lower === 'both')) f++;
      // Session 13: "Les Echos newspaper", "Interfax news agency": a lower-case kind of outlet after its name is no part of it.
      let e = last;
      if (MEDIA_KIND.test(lastTok.text)) {
        while (e > f && (MEDIA_KIND.test(toks[e].text) || toks[e].text === 'news')) e--;
        if (!(toks[e].pos === 'PROPN' || /^\p{Lu}/u.test(toks[e].text)) || e === last) e = last;
      }
      return { first, last, type: 'name', kind: 'org', nameStart: toks[f].start, nameEnd: toks[e].end };
    }
    const definite = ['the', 'this', 'its', 'their'].includes(words[0].lower);
    return { first, last, type: definite ? 'title' : 'generic', kind: 'org', head };
  }
  // Session 17: "Ms. Warren’s email said", "the IAEA’s explanation is that": the owner of a message speaks (a
  // report or study stays its own, unattributed; see the gold guideline on documents).
  if (/^(email|e-mail|emails|memo|explanation|message|op-ed|tweets)$/.test(head) && /^['’]s?$/.test(toks[last - 1]?.text ?? '') && last - 2 >= first) {
    let e = last - 2;
    let b = e;
    while (b - 1 >= first && toks[b - 1].pos === 'PROPN' && /^\p{Lu}/u.test(toks[b - 1].text)) b--;
    if (toks[e].pos === 'PROPN' && /^\p{Lu}/u.test(toks[e].text)) {
      const owner = classify(toks, b, e);
      if (owner.type === 'name') return { ...owner, first, last };
    }
  }
  // Session 17: "the Forbes article states", "an RT video claims": a piece of an outlet (or body) named right before it
  // is its voice; a place or a demonym names none ("a Swiss media study").
  if (/^(article|video|programme|program|broadcast|documentary|piece|story)$/.test(head) && last - 1 >= first) {
    let b = last - 1;
    while (b - 1 >= first && toks[b - 1].pos === 'PROPN' && /^\p{Lu}/u.test(toks[b - 1].text)) b--;
    const run = toks.slice(b, last);
    const named = run.length > 0 && run.every((w) => w.pos === 'PROPN' && /^\p{Lu}/u.test(w.text) && w.ent !== 'LOC' && w.ent !== 'MISC' && !/(an|ese|ish|ch)$/.test(w.text) && !CALENDAR.test(w.lower));
    if (named && (b === first || toks[b - 1].pos === 'DET')) return { first, last, type: 'name', kind: 'org', nameStart: toks[b].start, nameEnd: toks[last - 1].end };
  }
  if (PERSON_TITLE_NOUNS.has(head)) {
    // Session 17: "Awan’s lawyer", "Khweis’ defense attorney": a name's possessive makes the role definite, like "his
    // lawyer"; the role is resolved only to someone the text gives that role (the name is its modifier, so never to the
    // last person who spoke).
    const owner = words.findIndex((w, k) => k > 0 && /^['’]s?$/.test(w.text) && words[k - 1].pos === 'PROPN' && /^\p{Lu}/u.test(words[k - 1].text));
    const definite = ['the', 'this', 'his', 'her'].includes(words[0].lower) || owner > 0;
    return { first, last, type: definite ? 'title' : 'generic', kind: 'person', head, ...(owner > 0 ? { possessor: words[owner - 1].text } : {}) };
  }
  return { first, last, type: 'generic', kind: 'unknown', head };
}
