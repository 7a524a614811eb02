/**
 * Quote finder: direct quotes (quotation marks + attribution before or after, split and
 * multi-paragraph quotes), reported speech ("X said that …", "…, X said", "X added that …"),
 * "according to X" and colon forms. Speakers come from the text next to the cue and are resolved
 * afterwards (names → entities, pronouns/titles → earlier speakers) in reading order.
 */
import type { Doc, Span } from '../../nlp/doc.js';
import type { EntityMention } from '../entities/types.js';
import type { Quote, QuoteKind, QuoteSpeaker } from './types.js';
import { findQuoteSegments, MIN_QUOTE_WORDS, type QuoteSegment } from './marks.js';
import { classify, clauseSubject, isTitleTok, subjectAfter, subjectBefore, type Mention, type Tok } from './mention.js';
import { nameWordTokens } from './namewords.js';
import { MEDIA_WORD, normName, SpeakerResolver } from './resolve.js';
import { ADDRESSEE_CUES, CLAUSE_CUES, CUE_LEMMAS, GENERIC_NOUNS, TITLE_WORDS, NON_SOURCE_ACCORDING, QUOTE_ONLY_CUES, ORG_HEADS, ORG_TITLE_NOUNS, PERSON_TITLE_NOUNS, WEAK_CUES } from './lexicon.js';
import { clauseFeatures, clauseProbability, type ClauseCandidateInfo, type ClauseModel } from './clause-model.js';
import type { Features } from './candidates.js';

export const QUOTES_BY = 'quotes@1.34.0';

/** A relaxed reported-speech candidate as training sees it: its features and the content it would report. */
export interface ClauseRow {
  info: ClauseCandidateInfo;
  features: Features;
  content: Span;
  /** The model's probability (when a model was given) and whether the candidate became a quote. */
  probability?: number;
  kept: boolean;
}

export interface FindOptions {
  /** Session 12: the learned reported-speech detector for verbs where the rules find nothing (clause-model.ts). */
  clauseModel?: ClauseModel;
  /** Called with every relaxed candidate, kept or not (training collects its rows here). */
  onClause?: (row: ClauseRow) => void;
}

interface Candidate {
  kind: QuoteKind;
  content: Span;
  start: number;
  end: number;
  mention?: Mention;
  cue?: { text: string; span: Span };
  /** Take the speaker of this earlier candidate (split or continued quotes). */
  inheritFrom?: Candidate;
  inheritConfidence?: number;
  /** Round E: speaker from a fallback (previous line's subject, colon introduction), confidence 0.55. */
  fallback?: boolean;
  /** A quoted fragment inside a sentence that has no attribution of its own. */
  embedded?: boolean;
  seg?: QuoteSegment;
  speaker?: QuoteSpeaker;
  dropped?: boolean;
  /** Resolved for speaker chaining but not reported (too short to be a quote). */
  hidden?: boolean;
  /** Session 14: the lead's unnamed source ("…, a mission official said"), kept only if the next sentence names it. */
  leadUnnamed?: boolean;
}

const FINAL = new Set(['.', '!', '?', '…']);
/** Honorifics the tokenizer splits from their full stop ("Rev" + "."), so the stop ends no sentence or line. */
const SPLIT_HONORIFICS = 'Rev|Msgr|Fr|Sgt|Lt|Capt|Col|Cpl|Maj|Supt|Atty|Insp|Hon|Cmdr|Adm|Brig';
const SPLIT_HONORIFIC = new RegExp(`^(${SPLIT_HONORIFICS})$`);
/** Round N: short titles whose stop the splitter may also take for a sentence end before a name ("said Sen. Ana Berg"). */
const TRAILING_TITLE = /^(Dr|Mr|Mrs|Ms|Sen|Gov|Rep|Prof|Gen)$/;
/**
 * Round M: abbreviated titles after which PTC's one-sentence-per-line files break the line although the name goes on
 * ("Writes Fr. ⏎ Weinandy: …", "said the Rev. ⏎ Ana Wade, a pastor"). "St." is left out: it also ends street names.
 */
const LINE_END_TITLE = new RegExp(`(?:^|[\\s(“"‘'])(?:${SPLIT_HONORIFICS}|Dr|Mr|Mrs|Ms|Sen|Gov|Rep|Prof|Gen|Card|Abp|Bp|Amb|Pres|Sec|Rabbi|Sr)\\.$`);
/** A line after such a title that goes on with a name, not a new sentence ("The …", "He …"). */
const NAME_LINE_START = /^(?!(?:The|A|An|He|She|It|They|We|I|In|On|At|But|And|This|That|There|His|Her|Their|Its|If|When|As|So|Yet|Or)\b)\p{Lu}/u;
/**
 * Round M: line breaks that split a title from its name, each replaced by a space (same length, so every offset
 * holds): the finder then reads "Fr. Weinandy" as one name on one line, so the cue, the name and the quote are
 * on the same line and the carry-over rules see the attributed quote before a quote paragraph.
 */
export function joinTitleBreaks(text: string): { text: string; joined: number[] } {
  const joined: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    const before = text.slice(Math.max(0, i - 8), i).replace(/[ \t]+$/, '');
    if (LINE_END_TITLE.test(before) && NAME_LINE_START.test(text.slice(i + 1, i + 40))) joined.push(i);
  }
  if (!joined.length) return { text, joined };
  const chars = text.split('');
  for (const i of joined) chars[i] = ' ';
  return { text: chars.join(''), joined };
}
/** Round M: nouns for what someone said or wrote, whose named owner is the source of a quote right after them. */
const SPEECH_NOUNS = /^(report|response|reply|answer|statement|remarks|comment|comments|tweet|letter|inquiry|question|message|speech|warning|plea|assertion|declaration|announcement|words|retort|rejoinder|complaint|testimony)$/;
/** How far into an unmarked reported clause its verb may come ("said the town’s position on the main river, long a trade hub …, raised"). */
const CLAUSE_VERB_WINDOW = 12;
/** Words after "said" that start no reported clause ("said what …", "said so"). */
const NOT_CLAUSE = new Set(['what', 'so', 'nothing', 'something', 'anything', 'it', 'this', 'goodbye', 'thanks', 'hello', 'yes', 'no', 'more', 'much', 'little', 'less', 'little']);
const isWord = (t: Tok) => /[\p{L}\p{N}]/u.test(t.text);
/** A past-tense verb the tagger read as an adjective right after its subject ("the plan raised costs"). */
const edAfterNoun = (t: Tok, prev: Tok | undefined) => t.pos === 'ADJ' && /ed$/.test(t.lower) && !!prev && ['NOUN', 'PROPN', 'PRON'].includes(prev.pos);

/** Verb + noun phrases that work as a speech verb before "that" ("voiced alarm that", "made the claim that"). */
const NOUN_CUE_VERBS = /^(voice|raise|express|make|issue|sound|share|repeat|reiterate|air|lodge|level)$/;
const NOUN_CUES = /^(alarm|concern|concerns|fear|fears|claim|claims|warning|warnings|hope|hopes|doubt|doubts|argument|assertion|allegation|allegations|accusation|accusations|statement|point|case|suggestion|prediction|promise|complaint|charge|charges|outrage|belief|view|opinion|conviction|confidence|frustration|anger|regret|dismay|disappointment|satisfaction|skepticism|scepticism|optimism|certainty|assurance|assurances)$/;

function nounCue(toks: Tok[], i: number): boolean {
  const t = toks[i];
  if (t.pos !== 'VERB' || !NOUN_CUE_VERBS.test(t.lemma.toLowerCase())) return false;
  for (let j = i + 1; j <= i + 4 && j + 1 < toks.length; j++) {
    if (NOUN_CUES.test(toks[j].lower) && toks[j + 1].lower === 'that') return true;
    if (!['DET', 'ADJ', 'NOUN', 'PRON'].includes(toks[j].pos) && !/^(the|a|an|its|his|her|their)$/.test(toks[j].lower)) return false;
  }
  return false;
}

/**
 * Round I: verbs that take a that-clause but report no statement of the subject: perception, knowledge and
 * feeling ("knew that", "felt that", "realised that"), purpose and result ("ensure that", "make sure that"),
 * appearance ("it seems that") and finding out from others ("heard that", "learned that").
 */
export const NOT_SPEECH_THAT = new Set([
  'know', 'feel', 'realize', 'realise', 'understand', 'learn', 'see', 'hear', 'notice', 'remember', 'forget', 'discover',
  'wish', 'expect', 'assume', 'suppose', 'imagine', 'pretend', 'seem', 'appear', 'mean', 'ensure', 'insure', 'require',
  'prove', 'show', 'happen', 'turn', 'emerge', 'follow', 'matter', 'check', 'verify', 'guarantee', 'be', 'have', 'do',
  'get', 'give', 'take', 'provide', 'grant', 'consider', 'like', 'love', 'hate', 'want', 'need', 'doubt', 'recognize',
  'recognise', 'dream', 'sense', 'suspect', 'trust', 'bet', 'reckon', 'find', 'decide', 'mind', 'demonstrate', 'illustrate',
  'read', 'watch', 'let', 'keep', 'worry', 'accept', 'order', 'come', 'teach', 'direct', 'command', 'cite', 'rely', 'leave',
  'omit', 'mandate', 'throw', 'publish', 'hold',
]);

/**
 * Round I: any finite verb whose that-clause follows within a short addressee or adjunct ("informed Congress that",
 * "ruled last month that", "made clear that"), so reported speech does not depend on a list of favourite verbs.
 * Weak: it counts only with the explicit "that" and a named, he/she/they or titled subject (checked in `reported`).
 */
/** Round I: common nouns that may stand between a verb and its that-clause (addressees and times). */
const ADDRESSEE_NOUNS = /^(public|reporters|journalists|congress|court|lawmakers|members|lawyer|lawyers|parliament|judge|jury|investigators|audience|crowd|viewers|readers|listeners|supporters|followers|voters|people|staff|colleagues|employees|students|parents|committee|week|weekend|month|year|day|morning|afternoon|evening|night|time|summer|winter|spring|fall|autumn|monday|tuesday|wednesday|thursday|friday|saturday|sunday|statement|interview|letter|email|memo|tweet|post|speech|hearing|testimony|conference|briefing|filing|ruling|decision|opinion|report)$/;

/**
 * Session 22: a verb and a stance noun that together state something ("made the extraordinary claim that", "expressed
 * the belief that", "brought up the fact that", "drew out the argument that"): the that-clause is the subject's.
 */
const STANCE_VERBS = /^(make|express|voice|repeat|raise|bring|detail|reveal|reiterate|draw|put|advance|float)$/;
const STANCE_NOUNS = /^(claim|belief|argument|fact|assertion|allegation|point|view|theory|opinion|conviction|concern)$/;

/** Session 22: "<stance verb> [up/out/forward] the/a/his/her/their [adjective] <stance noun> that" with token i the verb: the index of "that". */
export function stanceThat(toks: Tok[], i: number): number | undefined {
  if (!STANCE_VERBS.test(toks[i].lemma.toLowerCase()) || !['VERB', 'AUX'].includes(toks[i].pos)) return undefined;
  let j = i + 1;
  if (/^(up|out|forward)$/.test(toks[j]?.lower ?? '')) j++;
  if (!/^(the|a|an|his|her|their|its)$/.test(toks[j]?.lower ?? '')) return undefined;
  j++;
  if (toks[j]?.pos === 'ADJ' || (toks[j]?.pos === 'ADV' && toks[j + 1]?.pos === 'ADJ')) j += toks[j].pos === 'ADV' ? 2 : 1;
  return STANCE_NOUNS.test(toks[j]?.lower ?? '') && toks[j + 1]?.lower === 'that' ? j + 1 : undefined;
}

export function thatCue(toks: Tok[], i: number): boolean {
  const t = toks[i];
  if (t.pos !== 'VERB' || !/^\p{Ll}/u.test(t.text) || /ing$/.test(t.lower)) return false;
  if (stanceThat(toks, i) !== undefined) return true;
  const lemma = t.lemma.toLowerCase();
  if (NOT_SPEECH_THAT.has(lemma) || /^(to)$/.test(toks[i - 1]?.lower ?? '')) return false;
  // "made clear that" is a statement; "made sure that" / "made it possible that" are not.
  if (lemma === 'make' && !toks.slice(i + 1, i + 4).some((x) => x.lower === 'clear')) return false;
  for (let j = i + 1; j < toks.length && j <= i + 8; j++) {
    const u = toks[j];
    if (u.lower === 'that') {
      // "cited that letter", "transferred that server": a demonstrative, not a clause.
      const after = toks[j + 1];
      // (The tagger also reads the complementiser as PRON or DET; a verb right after it makes it a relative pronoun.)
      return ['SCONJ', 'PRON', 'DET'].includes(u.pos) && toks[j - 1].text !== ',' && !!after && !['VERB', 'AUX'].includes(after.pos) &&
        !(after.pos === 'NOUN' && /^\p{Ll}/u.test(after.text) && !GENERIC_NOUNS.has(after.lower));
    }
    if (/^(so|such|given|now|except|provided|order)$/.test(u.lower)) return false;
    // Between the verb and "that" only an addressee or a time adjunct: a common noun right before "that" makes it a
    // relative or noun complement ("debunked a rumor that", "embraces the idea that"), unless it names people or a time.
    if (u.pos === 'NOUN' && toks[j + 1]?.lower === 'that' && !(ADDRESSEE_NOUNS.test(u.lower) || PERSON_TITLE_NOUNS.has(u.lower) || ORG_TITLE_NOUNS.has(u.lower) || GENERIC_NOUNS.has(u.lower))) return false;
    if (!['ADV', 'ADP', 'DET', 'NOUN', 'PROPN', 'NUM', 'ADJ', 'PRON'].includes(u.pos)) return false;
    if (u.pos === 'ADJ' && u.lower !== 'clear' && toks[j + 1]?.pos !== 'NOUN' && toks[j + 1]?.pos !== 'PROPN') return false;
  }
  return false;
}

function isCue(toks: Tok[], i: number): boolean {
  const t = toks[i];
  // Round H: the second half of a hyphenated word is no cue ("fortune-telling", "well-argued").
  if (i > 1 && toks[i - 1].text === '-' && toks[i - 1].end === t.start && toks[i - 2].end === toks[i - 1].start) return false;
  if (nounCue(toks, i)) return true;
  // "…,” Palermo detailed.": the tagger reads some past-tense cues after a name as adjectives.
  if (t.pos === 'ADJ' && /ed$/.test(t.lower) && i > 0 && ['PROPN', 'PRON'].includes(toks[i - 1].pos) &&
    (CUE_LEMMAS.has(t.lower.slice(0, -1)) || CUE_LEMMAS.has(t.lower.slice(0, -2)))) return true;
  // Round H: "Ana Berg, the harbour master, alleged that …": an -ed cue the tagger reads as an adjective is
  // a verb when a that-clause follows it.
  if (t.pos === 'ADJ' && /ed$/.test(t.lower) && toks[i + 1]?.lower === 'that' && toks[i + 1].pos === 'SCONJ' &&
    (CUE_LEMMAS.has(t.lower.slice(0, -1)) || CUE_LEMMAS.has(t.lower.slice(0, -2)))) return true;
  // "Berg has repeatedly charged …": a participle after has/had is a verb, whatever the tagger says.
  if (t.pos === 'NOUN' && /ed$/.test(t.lower) && (CUE_LEMMAS.has(t.lower.slice(0, -1)) || CUE_LEMMAS.has(t.lower.slice(0, -2))) &&
    (/^(has|have|had)$/.test(toks[i - 1]?.lower ?? '') || (/^(has|have|had)$/.test(toks[i - 2]?.lower ?? '') && ['ADV', 'ADJ'].includes(toks[i - 1]?.pos ?? '')))) return true;
  if (!CUE_LEMMAS.has(t.lemma.toLowerCase())) return false;
  if (t.pos === 'VERB') return true;
  // wink sometimes tags headline-style "says" as a noun.
  // (Session 19: and "points" of "points out".)
  const verbLike = /^(says|claims|notes|adds|warns|insists|states|tells|reports|writes|argues|explains|believes|thinks|tweets|announces|alleges|stresses|repeats)$/.test(t.lower) ||
    (t.lower === 'points' && toks[i + 1]?.lower === 'out');
  // "…, reports CBS News correspondent Mireya Villarreal.": inverted, after a comma and before a name.
  if (t.pos === 'NOUN' && verbLike && (toks[i - 1]?.text === ',' || DASH_BREAK.test(toks[i - 1]?.text ?? '')) && toks[i + 1]?.pos === 'PROPN') return true;
  // Session 17: "…, claims the German newspaper Frankfurter Rundschau.": the same before "the" and a name that ends the
  // sentence with no verb of its own.
  if (t.pos === 'NOUN' && verbLike && toks[i - 1]?.text === ',' && toks[i + 1]?.lower === 'the') {
    let k = i + 2;
    while (toks[k] && toks[k].sentence === t.sentence && k - i <= 8 && ['ADJ', 'NOUN', 'PROPN', 'PUNCT'].includes(toks[k].pos) && !/^[.!?;,]$/.test(toks[k].text)) k++;
    if (k > i + 2 && toks[k - 1].pos === 'PROPN' && (!toks[k] || toks[k].sentence !== t.sentence || /^[.!?;]$/.test(toks[k].text))) return true;
  }
  return t.pos === 'NOUN' && verbLike && i > 0 && ['PROPN', 'PRON', 'NOUN'].includes(toks[i - 1].pos);
}

/** Line labels of scraped pages that are not speakers ("Update: …", "Photo: …"). */
const PAGE_LABELS = /^(update|updated|note|notes|source|sources|photo|photos|image|images|video|watch|read|related|editor|caption|credit|credits|warning|disclaimer|advertisement|tags|tag|share|comments|comment|question|answer|question|reply|posted|published|subject|date|time|location|via|email|phone|website|twitter|facebook|category|categories|filed|topics|listen|see|click|follow|subscribe|breaking|exclusive|opinion|analysis|summary|conclusion|introduction|background|transcript|judge|host|moderator|reporter|interviewer|audience|narrator|announcer|voice|unidentified|unknown|male|female|man|woman|caller)$/i;

/** Nouns for a stated position that "X’s … that" turns into reported speech (round F). */
const CLAIM_NOUNS = /^(claim|claims|assertion|argument|allegation|allegations|insistence|contention|suggestion|warning|announcement|promise|accusation|charge|complaint|admission|statement|prediction)$/;

/** Documents whose author can be the source: "a claim made by X", "a statement from X". */
const DOC_NOUNS = /^(claim|claims|statement|report|estimate|study|letter|release|post|analysis|survey|tweet|filing|complaint|document|memo|email)$/;

/** Round H: verbs of speaking or judging whose subject is the author of a quoted fragment in their clause. */
const EMBED_VERBS = /^(say|said|says|call|called|describe|described|label|labelled|labeled|term|termed|dub|dubbed|brand|branded|characterize|characterized|characterise|characterised|accuse|accused|criticize|criticized|criticise|criticised|praise|praised|thank|thanked|apologize|apologized|apologise|apologised|promise|promised|vow|vowed|pledge|pledged|propose|proposed|concede|conceded|admit|admitted|acknowledge|acknowledged|lambaste|lambasted|blast|blasted|slam|slammed|condemn|condemned|denounce|denounced|decry|decried|insist|insisted|argue|argued|claim|claimed|write|wrote|tweet|tweeted|declare|declared|warn|warned|suggest|suggested|add|added|note|noted|state|stated|tell|told|explain|explained|announce|announced|deny|denied|dismiss|dismissed|hail|hailed|urge|urged|demand|demanded|complain|complained|lament|lamented|mock|mocked|ridicule|ridiculed|reject|rejected|defend|defended|proclaim|proclaimed|reply|replied|respond|responded|recall|recalled|predict|predicted|assert|asserted|maintain|maintained|stress|stressed)$/;

/** Session 17: a dash that sets off a trailing attribution ("… – says Ana Berg"). */
const DASH_BREAK = /^[-–—]$/;

/** Session 17: documents whose named owner or author is the source of "according to …". */
const ACCORDING_DOCS = /^(report|reports|study|poll|survey|statement|ranking|projections|estimates|data|figures|findings|analysis|documents|resolution|website|assessment)$/;

/** Session 18: verbs that quote their subject's words after "as" ("characterised the vote as “…”"). */
const DESCRIBE_VERBS = /^(characteri[sz]ed|described|labell?ed|branded|termed|dubbed|called)$/;
/** Session 18: documents a body adopts by number ("the Island Council Resolution No. 12/4"). */
const RESOLUTION_WORDS = /^(resolution|declaration|convention|charter|decision)$/;
/** Session 18: the kind of outlet after its name ("the German Focus magazine"). */
const OUTLET_KINDS = /^(magazine|newspaper|daily|weekly|website|portal|agency|channel|broadcaster|tabloid|outlet)$/;
const isAccording = (toks: Tok[], i: number) => toks[i].lower === 'according' && toks[i + 1]?.lower === 'to';

/** Cues that only assert (never request): after them "NP to VERB … is" is a clause whose subject holds an infinitive. */
const ASSERT_ONLY = new Set(['say', 'claim', 'insist', 'argue', 'believe', 'note', 'stress', 'state', 'add', 'allege', 'assert', 'maintain', 'contend', 'emphasize', 'emphasise', 'reiterate']);
/** Words that open a new clause or phrase: a finite verb after one of them is not the reported clause's own verb. */
const CLAUSE_BREAK = /^(that|which|who|whom|whose|why|how|when|where|if|whether|before|after|because|while|until|unless|so|and|but|or|nor|,|;|:|—|–)$/;

/**
 * Round J: "said the decision to close the port was wrong", "claimed her right to speak was ignored": the first
 * verb is an infinitive inside the clause's subject, and the clause's own finite verb follows it with no clause
 * break in between. Only after asserting cues: "warned residents to leave homes that were flooded" is a request.
 */
function finiteAfterInfinitive(lemma: string, early: Tok[], firstVerb: number): boolean {
  if (!ASSERT_ONLY.has(lemma)) return false;
  for (let j = firstVerb + 1; j < early.length; j++) {
    const t = early[j];
    if (CLAUSE_BREAK.test(t.lower)) return false;
    // (Session 15: an irregular past counts too, "her call to work among the poor came in 1946": its lemma differs.)
    if ((t.pos === 'AUX' || (t.pos === 'VERB' && !/ing$/.test(t.lower))) && early[j - 1].lower !== 'to') return t.pos === 'AUX' || /(ed|s)$/.test(t.lower) || (!!t.lemma && t.lemma.toLowerCase() !== t.lower);
  }
  return false;
}

/** Index of the first token that starts at or after `offset` (`tokens.length` if none); tokens sorted by start. */
export function firstTokenFrom(tokens: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** End of the headline: the first non-empty line when it is short and is followed by more text; 0 when there is none. */
export function headlineEnd(text: string): number {
  const start = text.search(/\S/);
  if (start < 0) return 0;
  const end = text.indexOf('\n', start);
  return end > 0 && end - start <= 200 && text.slice(end).trim() ? end : 0;
}

/**
 * Session 13: the tagger calls every capitalised sentence opener a proper noun, so "Administration officials said",
 * "Public prosecutors said", "Rumors circulated" and "Eyewitnesses told" named speakers. When the NER ran (it found
 * entities in the article), a one-word opener it left untagged is an ordinary word, and one it tagged only as a
 * nationality in the plural (MISC: "The Iraqis claimed") is a demonym, unattributed under the gold guideline.
 * Without NER (no entities at all) nothing changes. Multi-word openers ("Human Rights in China") are left alone, and so
 * is a word the article also writes capitalised inside a sentence or inside an entity ("Kolvik said" after "Per Kolvik"):
 * the NER misses sentence-initial surnames more often than names elsewhere.
 */
const HEADLINE_AUX = /\b(Will|Would|Can|Could|Should|Shall|May|Might|Must|Is|Are|Was|Were|Has|Have|Had|Does|Did|Do)\b/;

function demoteUntaggedCapitals(toks: Tok[], ents: readonly EntityMention[]): void {
  if (!ents.length) return;
  const named = new Set<string>();
  let e = 0;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    while (e < ents.length && ents[e].end <= t.start) e++;
    const inEntity = e < ents.length && ents[e].start <= t.start;
    if (inEntity) t.ent = ents[e].label;
    // Session 14: "In Home Health Inc said": a capitalised preposition that opens a tagged organisation is part of its name.
    // (Session 17: and of a person's inside a sentence, "said Till Lindemann"; not a sentence opener, "Unlike McFarland, …".)
    const midPerson = ents[e]?.label === 'PER' && k > 0 && toks[k - 1].sentence === t.sentence && /\p{L}/u.test(toks[k - 1].text);
    if (inEntity && ['ADP', 'SCONJ'].includes(t.pos) && (ents[e].label === 'ORG' || midPerson) && ents[e].start === t.start && ents[e].end > t.end && /^\p{Lu}/u.test(t.text)) t.pos = 'PROPN';
    // Session 15: "Bob Dole Wednesday accused": a capitalised word inside a person's name is no verb (unless the
    // "name" holds a capitalised auxiliary, a headline fragment such as "Berg Will Continue"). Session 16: nor is the
    // first word of a longer organisation's name, "Advanced Medical said" (unless it is a speech verb the tagger swept
    // into a name, "Writes Fr. ⏎ Weinandy:").
    const orgFirst = inEntity && ents[e].label === 'ORG' && ents[e].start === t.start && ents[e].end > t.end && !CUE_LEMMAS.has(t.lemma.toLowerCase());
    if (inEntity && t.pos === 'VERB' && (ents[e].label === 'PER' || orgFirst) && /^\p{Lu}\p{Ll}/u.test(t.text) && !HEADLINE_AUX.test(ents[e].text)) t.pos = 'PROPN';
    const prev = toks[k - 1];
    const inside = !!prev && prev.sentence === t.sentence && !/^[.!?:“"‘(\-–—]$/.test(prev.text) && prev.pos !== 'DET';
    if (/^\p{Lu}/u.test(t.text) && (inEntity || inside)) named.add(t.text);
  }
  e = 0;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    if (t.pos !== 'PROPN' || !/^\p{Lu}\p{Ll}+$/u.test(t.text)) continue;
    const prev = toks[k - 1];
    const next = toks[k + 1];
    const first = !prev || prev.sentence !== t.sentence;
    const opener = first || (prev.pos === 'DET' && (!toks[k - 2] || toks[k - 2].sentence !== t.sentence));
    if (!opener || (next && next.sentence === t.sentence && next.pos === 'PROPN' && /^\p{Lu}/u.test(next.text))) continue;
    while (e < ents.length && ents[e].end <= t.start) e++;
    const cover: EntityMention[] = [];
    for (let j = e; j < ents.length && ents[j].start < t.end; j++) if (ents[j].end > t.start) cover.push(ents[j]);
    // (A plural: NER also calls some outlets MISC, "The Guardian said".)
    const demonym = /s$/.test(t.text) && cover.length > 0 && cover.every((m) => m.label === 'MISC' && m.start === t.start && m.end === t.end);
    // ("The Guardian said": after an opening article only the demonym test applies. "Kolvik said": a singular word
    // right before a verb is more often a surname the NER missed than a common noun.)
    const surnameLike = !/s$/.test(t.text) && !!next && (next.pos === 'VERB' || next.pos === 'AUX');
    if (demonym || (first && !cover.length && !named.has(t.text) && !surnameLike)) t.pos = 'NOUN';
  }
}

export function findQuotes(doc: Doc, opts: FindOptions = {}): Quote[] {
  // Round M: the finder reads the text with title/name line breaks joined (offsets unchanged).
  const { text, joined } = joinTitleBreaks(doc.text);
  // Both line tests are asked per token; a line (a whole paragraph) is judged once, keyed by its start.
  const breaks: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks.push(i);
  // Start of the line holding `at` (= text.lastIndexOf('\n', at - 1) + 1, by binary search: paragraphs are long).
  const lineStart = (at: number): number => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid] < at) lo = mid + 1;
      else hi = mid;
    }
    return lo ? breaks[lo - 1] + 1 : 0;
  };
  const perLine = (test: (line: string) => boolean) => {
    const memo = new Map<number, boolean>();
    return (at: number): boolean => {
      const ls = lineStart(at);
      let v = memo.get(ls);
      if (v === undefined) {
        const le = text.indexOf('\n', ls);
        v = test(text.slice(ls, le < 0 ? text.length : le));
        memo.set(ls, v);
      }
      return v;
    };
  };
  const capsLine = perLine((line) => line.replace(/[^\p{L}]/gu, '').length > 12 && line === line.toUpperCase());
  const titleCaseLine = perLine((line) => {
    const words = line.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
    return words.length >= 3 && words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length > 0.7;
  });
  // wink-nlp leaves the lemma undefined for some tokens; fall back to the lower-cased text.
  const raw = doc.layers.tokens ?? [];
  const toks: Tok[] = raw.map((t, i) => {
    const word = text.slice(t.start, t.end);
    const lower = word.toLowerCase();
    // The tagger often calls capitalised name words NOUN/ADJ ("the Home Office"); mid-sentence capitals are names.
    const prev = raw[i - 1];
    const midSentence = prev && prev.sentence === t.sentence && !/^[.!?:“"‘(\-–—]$/.test(text.slice(prev.start, prev.end));
    let pos = (t.pos === 'NOUN' || t.pos === 'ADJ') && /^\p{Lu}/u.test(word) && midSentence ? 'PROPN' : t.pos;
    // Acronyms are names wherever they stand ("WHO said Tuesday"), unless the whole line is in capitals.
    if (/^\p{Lu}{2,5}$/u.test(word) && ['NOUN', 'PRON', 'ADJ'].includes(pos) && !capsLine(t.start)) pos = 'PROPN';
    // "The Associated Press": a capitalised "verb" between an article and a name is part of the name.
    const nx = raw[i + 1];
    const afterArticle = prev?.pos === 'DET' || (prev?.pos === 'PROPN' && raw[i - 2]?.pos === 'DET' && /^the$/i.test(text.slice(raw[i - 2].start, raw[i - 2].end)));
    const nxText = nx ? text.slice(nx.start, nx.end) : '';
    if (pos === 'VERB' && midSentence && /^\p{Lu}/u.test(word) && afterArticle && nx && ((nx.pos === 'PROPN' && /^\p{Lu}/u.test(nxText)) || /^['’]s$/.test(nxText))) pos = 'PROPN';
    // Round F: "Harbour Watch Senior Analyst Ana Berg": a capitalised "verb" between two capitalised name
    // words is part of the name, except on title-case lines (headlines: "Berg Wins Harbour Vote").
    const prevText = prev ? text.slice(prev.start, prev.end) : '';
    if (pos === 'VERB' && midSentence && /^\p{Lu}\p{Ll}/u.test(word) && prev?.pos === 'PROPN' && /^\p{Lu}/u.test(prevText) && nx?.pos === 'PROPN' && /^\p{Lu}/u.test(nxText) && !titleCaseLine(t.start)) pos = 'PROPN';
    // Session 14: "acting chief spokesman Ana Berg said": "acting" before a title is a modifier, not a verb.
    if (pos === 'VERB' && /^(acting|outgoing|retiring|serving|ruling|governing)$/.test(lower) && nx && TITLE_WORDS.has(nxText.toLowerCase())) pos = 'ADJ';
    // ("The daily said": after an article and before a verb, "daily"/"weekly" is the newspaper.)
    if (/^(daily|weekly)$/.test(lower) && prev?.pos === 'DET' && (nx?.pos === 'VERB' || nx?.pos === 'AUX')) pos = 'NOUN';
    // Session 15: "British-based investment company X said": a participle glued to a hyphen is a modifier, not a verb.
    if (pos === 'VERB' && prevText === '-' && prev && prev.end === t.start && /(ed|run|held|born|built|made|known)$/.test(lower)) pos = 'ADJ';
    // ("holding company X said", "the engineering group": an -ing word before a firm noun names its trade.)
    if (pos === 'VERB' && /ing$/.test(lower) && /^(company|companies|group|firm|concern|giant|conglomerate|unit|subsidiary)$/i.test(nxText)) pos = 'NOUN';
    // ("profit for the six months to June 30 rose to …": the tagger reads "rose"/"fell" after a number or noun as nouns.)
    if (pos === 'NOUN' && /^(rose|fell)$/.test(lower) && prev && ['NUM', 'NOUN', 'PROPN'].includes(prev.pos) && /^(to|by|from|in|on|sharply|slightly)$/.test(nxText.toLowerCase())) pos = 'VERB';
    return { ...t, pos, lemma: t.lemma ?? lower, text: word, lower };
  });
  demoteUntaggedCapitals(toks, doc.layers.entities ?? []);
  // Round G: the sentence splitter ends a sentence at some honorifics ("the Rev. ⏎ Ana Wade, a pastor, said");
  // the name after them belongs to the same sentence.
  for (let i = 0; i + 2 < toks.length; i++) {
    const a = toks[i + 2];
    if (!SPLIT_HONORIFIC.test(toks[i].text) || toks[i + 1].text !== '.' || toks[i + 1].start !== toks[i].end || !/^\p{Lu}/u.test(a.text) || a.sentence === toks[i + 1].sentence) continue;
    const from = a.sentence;
    for (let k = i + 2; k < toks.length && toks[k].sentence === from; k++) toks[k].sentence = toks[i + 1].sentence;
  }
  // Round M: the same for a title that is one token ("Dr.", "Sen.") at a joined line break: the name on the next line
  // belongs to the title's sentence.
  for (const b of joined) {
    let k = 0;
    while (k < toks.length && toks[k].start <= b) k++;
    if (k === 0 || k >= toks.length || toks[k].sentence === toks[k - 1].sentence) continue;
    const from = toks[k].sentence;
    for (let j = k; j < toks.length && toks[j].sentence === from; j++) toks[j].sentence = toks[k - 1].sentence;
    // Round N: the given name that opens the joined line is a name whatever the tagger made of it ("Sen. ⏎ Rob/VERB Portman").
    if (/^\p{Lu}\p{Ll}/u.test(toks[k].text) && toks[k].pos !== 'PROPN' && toks[k + 1]?.pos === 'PROPN' && /^\p{Lu}/u.test(toks[k + 1].text)) toks[k].pos = 'PROPN';
  }
  // Round G: capitalised words the article uses as surnames ("Marit White", "Ms. Cook") are names wherever
  // they close a name, whatever the tagger made of them ("Cook/VERB said") and even when they are title words.
  const lineOf = (k: number) => text.lastIndexOf('\n', toks[k].start - 1);
  for (const k of nameWordTokens(toks.map((t, i) => ({ ...t, pos: raw[i].pos })), lineOf, (k) => titleCaseLine(toks[k].start))) {
    toks[k].pos = 'PROPN';
    toks[k].nameWord = true;
  }
  const firstAt = (offset: number) => firstTokenFrom(toks, offset);
  const segs = findQuoteSegments(text);
  const headEnd = headlineEnd(text);
  // Session 14: the lead is the first sentence after the headline with at least 8 words (a dateline is shorter).
  const leadSentence = (() => {
    const words = new Map<number, number>();
    for (const t of toks) if (t.start >= headEnd && isWord(t)) words.set(t.sentence, (words.get(t.sentence) ?? 0) + 1);
    for (const [sentence, n] of words) if (n >= 8) return sentence;
    return -1;
  })();
  let leadPass = false;
  const inSeg = (offset: number) => segs.some((s) => offset >= s.open && offset < s.close);
  const inLongSeg = (offset: number) => segs.some((s) => s.words >= MIN_QUOTE_WORDS && offset >= s.open && offset < s.close);
  const used = new Set<number>();
  const cands: Candidate[] = [];
  // Session 22: the mention a quote's speaker comes from, through quotes that inherit it ("“…,” the mayor told them.
  // She warned against “…”" — the fragment inherits — ⏎ "“…”" continues her too).
  const attributedBy = (x: Candidate): Mention | undefined => {
    for (let k = 0; k < 8 && x; k++, x = x.inheritFrom!) if (x.mention) return x.mention;
    return undefined;
  };
  const mentionSpan = (m: Mention): Span => ({ start: toks[m.first].start, end: toks[m.last].end });

  // 1. Quotation marks.
  let prev: Candidate | undefined;
  for (const seg of segs) {
    const c: Candidate = { kind: 'direct', content: { start: seg.contentStart, end: seg.contentEnd }, start: seg.open, end: seg.close, seg };
    if (seg.words < MIN_QUOTE_WORDS) {
      // Too short to report ("How dare you!"), but an attributed one still anchors the next quote's speaker.
      const att = startsSentence(seg) ? trailing(seg) : undefined;
      if (att) {
        Object.assign(c, att, { hidden: true });
        cands.push(c);
        prev = c;
      }
      continue;
    }
    // An introducing "X said:" / "X said that" binds tighter than a trailing attribution.
    const lead = leading(seg);
    // (Session 15: an unnamed lead before a colon yields to a named one: "… for bringing hope … with her message: “…”".)
    const namedColon = lead && lead.last === ':' && lead.mention.type === 'generic' ? colonIntro(seg) : undefined;
    const att = cueInside(seg) ?? namedColon ?? (lead && /^(:|that)$/i.test(lead.last) ? lead : trailing(seg) ?? lead) ?? colonIntro(seg);
    if (att) {
      Object.assign(c, att);
      const ms = mentionSpan(att.mention);
      c.start = Math.min(c.start, ms.start, att.cue.span.start);
      c.end = Math.max(c.end, ms.end, att.cue.span.end);
    } else if (startsSentence(seg)) {
      const p = prev?.seg;
      // Round E: '… said: “…” Brandt shot back: “…”' — a new sentence that introduces the quote with a
      // colon speaks for someone else, so the quote does not inherit the previous speaker.
      if (p && p.lineStart === seg.lineStart) { if (!newColonIntro(p, seg)) c.inheritFrom = prev; }
      else if (p && !p.closed) c.inheritFrom = prev, (c.inheritConfidence = 0.7);
      else if (p && attributedBy(prev!) && (wholeLine(seg) || opensLine(seg)) && prevLine(seg) === lineStartOf(p.close - 1)) c.inheritFrom = prev, (c.inheritConfidence = 0.6);
      // Round J: any quote that opens the paragraph right after a paragraph ending in an attributed quote continues
      // that speaker, even when its sentence runs on after the closing mark ('“We will …” on whether to …') —
      // news convention; a new speaker would be named in the quote's own sentence (trailing attribution above).
      else if (p && attributedBy(prev!) && opensParagraph(seg) && prevLine(seg) === lineStartOf(p.close - 1) && endsLine(p)) c.inheritFrom = prev, (c.inheritConfidence = 0.6);
    } else if (prev?.seg && prev.seg.lineStart === seg.lineStart && !sentenceEndBetween(prev.seg.close, seg.open) && !newColonIntro(prev.seg, seg)) {
      // '“…,” X told reporters, insisting that “…”': same sentence, same speaker.
      c.inheritFrom = prev;
    } else {
      c.embedded = true;
      // Round F: "His findings, he wrote, do “…”": a parenthetical attribution earlier in the quote's sentence.
      const par = parenthetical(seg);
      if (par) {
        Object.assign(c, par);
        c.embedded = false;
      }
    }
    cands.push(c);
    prev = c;
  }

  // 2. Reported speech and "according to" outside quotation marks.
  for (let v = 0; v < toks.length; v++) {
    if (used.has(v) || inSeg(toks[v].start)) continue;
    const according = isAccording(toks, v);
    const source = !according && (fromSource(v) || possessiveClaim(v));
    // (Round M: quote-only cues, "X answered, “…”", report no unmarked clause: "answered a call from Y that …".)
    const cue = isCue(toks, v) && !QUOTE_ONLY_CUES.has(toks[v].lemma.toLowerCase());
    const general = !according && !source && !cue && !QUOTE_ONLY_CUES.has(toks[v].lemma.toLowerCase()) && thatCue(toks, v);
    const tried = according || !!source || cue || general;
    const c = !tried ? undefined : according ? accordingTo(v) : source || reported(v, general);
    if (!c) {
      // Session 12: where the rules find nothing, the learned detector may (clause-model.ts).
      const l = opts.clauseModel || opts.onClause ? learnedClause(v, tried) : undefined;
      if (l) cands.push(l);
      continue;
    }
    for (const other of cands) {
      if (other.seg && other.content.start < c.content.end && other.content.end > c.content.start) {
        if (c.kind === 'indirect') c.kind = 'mixed';
        if (!other.mention) other.dropped = true;
      }
    }
    cands.push(c);
  }

  for (const c of [...colonLabels(), ...dashSignatures()]) cands.push(c);

  // Round H: an embedded quoted fragment ('Berg called the plan “a slow disaster”', 'Lund described
  // the vote as “…”', 'she apologized for a post that was “…”') quotes the subject of its sentence when
  // that subject is a name or he/she and the sentence's first verb is one of speaking or judging.
  for (const c of cands) {
    if (!c.embedded || c.mention || c.dropped || c.hidden || !c.seg) continue;
    const q0 = firstAt(c.seg.open);
    // (A quoted title in capitals, "High Noon for America", is the name of a work, not words someone said.)
    const words = text.slice(c.content.start, c.content.end).split(/\s+/).filter((w) => /^\p{L}/u.test(w));
    if (words.filter((w) => /^\p{Lu}/u.test(w)).length / Math.max(1, words.length) > 0.7) continue;
    const m = embeddingSubject(q0);
    if (m) {
      c.mention = m.mention;
      c.cue = cueOf(m.verb);
      c.fallback = true;
      continue;
    }
    // Round M: "Berg’s report “…”", "Berg’s blunt reply: “…”", "Berg’s inquiry about “…”": a named owner of a
    // speech noun right before the quote is its source.
    const p = possessiveSource(q0);
    if (p) {
      c.mention = p.mention;
      c.cue = cueOf(p.noun);
      c.fallback = true;
    }
  }

  // Round D: a quote paragraph with no attribution of its own continues the speaker of the paragraph
  // before it when that paragraph ends in attributed speech ("Ana Berg said the port would reopen. ⏎ “We
  // are ready.”").
  for (const c of cands) {
    const seg = c.seg;
    if (!seg || c.mention || c.inheritFrom || c.hidden || c.dropped || !startsSentence(seg) || !(wholeLine(seg) || opensLine(seg))) continue;
    const pl = prevLine(seg);
    if (pl >= seg.lineStart) continue;
    const onPrev = cands.filter((x) => x !== c && !x.dropped && x.start >= pl && x.end <= seg.lineStart);
    const d = onPrev.sort((x, y) => x.end - y.end).pop();
    const dm = d && attributedBy(d);
    if (dm && dm.type !== 'generic') {
      c.inheritFrom = d;
      c.inheritConfidence = 0.6;
    } else if (!onPrev.length) {
      // Round E fallback: a quote paragraph after a line whose last sentence has a named person as its
      // subject ("Ana Berg, the harbour master, saw it too. ⏎ “It kept burning all night.”").
      const le = firstAt(seg.lineStart) - 1;
      let s0 = le;
      while (s0 - 1 >= 0 && toks[s0 - 1].start >= pl && toks[s0 - 1].sentence === toks[le].sentence) s0--;
      const ok = le >= 0 && toks[le].start >= pl;
      const fv = ok ? toks.slice(s0, le).findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX') + s0 : -1;
      // The subject of the sentence's first verb, an appositive one too ("Ana Berg, the harbour master, saw …").
      const named = (x?: Mention) => (x?.type === 'name' && x.kind !== 'org' && plausibleName(x) ? x : undefined);
      // (Session 16: or "he"/"she" opening that sentence, "He described the market as “very good indeed”. ⏎ “You know, …”".)
      const pronoun = (x?: Mention) => (x?.type === 'pronoun' && x.first === s0 && /^(he|she)$/.test(toks[x.first].lower) ? x : undefined);
      const m = fv > s0 ? (named(subjectBefore(toks, fv, s0)) ?? commaName(fv, s0) ?? named(clauseSubject(toks, s0, le)) ?? pronoun(subjectBefore(toks, fv, s0))) : undefined;
      if (m && m.first <= s0 + 6) {
        c.mention = m;
        c.fallback = true;
      }
    }
  }

  // 2b. Transcript turns ("KOVAC: …", "ANA BERG, HARBOUR RADIO: …"): an interview printed as a transcript.
  for (const t of transcriptTurns()) {
    for (const c of cands) if (c.content.start >= t.content.start && c.content.end <= t.content.end) c.dropped = true;
    cands.push(t);
  }

  // 2c. Session 14: press-digest items that open with a titled name and a colon ("- Prime Minister Ola Berg: Taxes will …").
  for (const t of digestItems()) {
    if (cands.some((c) => !c.dropped && c.content.start < t.content.end && t.content.start < c.content.end)) continue;
    cands.push(t);
  }

  /** Round K: ", Berg said" or ", said Berg" right after the comma at token `comma` (up to token e). */
  const reportedBy = (comma: number, e: number): { mention: Mention; cue: number } | undefined => {
    for (let k = comma + 1; k <= e && k <= comma + 6; k++) {
      if (!(toks[k].pos === 'VERB' || edAfterNoun(toks[k], toks[k - 1])) || !isCue(toks, k) || WEAK_CUES.has(toks[k].lemma.toLowerCase())) continue;
      const before = subjectBefore(toks, k, comma + 1);
      const sm = before?.type === 'name' && before.first === comma + 1 ? before : k === comma + 1 ? subjectAfter(toks, k, e) : undefined;
      return sm?.type === 'name' && sm.kind !== 'org' ? { mention: sm, cue: k } : undefined;
    }
    return undefined;
  };

  // Round K: 'The Gazette noted that “… five gas cans, Berg said.”': an outlet whose quoted report ends with a
  // named person's attribution (", Berg said" / ", said Berg, who …" after one of its last commas) passes the quote on
  // to that person, as the guideline credits whoever said it.
  for (const c of cands) {
    if (!c.seg || !c.mention || c.mention.type !== 'name' || c.mention.kind === 'person' || c.dropped) continue;
    if (!MEDIA_WORD.test(normName(text.slice(c.mention.nameStart!, c.mention.nameEnd!)))) continue;
    const f = firstAt(c.content.start);
    let e = f;
    while (e + 1 < toks.length && toks[e + 1].end <= c.content.end) e++;
    while (e > f && !isWord(toks[e])) e--;
    // The attribution follows one of the last commas (", said Berg, who …" has a relative clause after it).
    for (let comma = e; comma > f && e - comma <= 30; comma--) {
      if (toks[comma].text !== ',') continue;
      const sm = reportedBy(comma, e);
      if (sm) {
        c.mention = sm.mention;
        c.cue = cueOf(sm.cue);
        break;
      }
    }
  }

  // Round H: "According to the Gazette, “Berg said she …”": an outlet that quotes its own report of what a
  // named person said passes the quote on to that person, when the quote opens with the name and its cue.
  for (const c of cands) {
    if (!c.seg || !c.mention || !c.cue || !/^according to$/i.test(c.cue.text) || c.dropped) continue;
    const f = firstAt(c.content.start);
    for (let k = f + 1; k < toks.length && k <= f + 12 && toks[k].end <= c.content.end; k++) {
      if (!(toks[k].pos === 'VERB' || edAfterNoun(toks[k], toks[k - 1])) || !isCue(toks, k) || WEAK_CUES.has(toks[k].lemma.toLowerCase())) continue;
      const sm = subjectBefore(toks, k, f);
      if (sm?.type === 'name' && sm.first === f) {
        c.mention = sm;
        c.cue = cueOf(k);
      }
      break;
    }
  }

  // Session 14: "The ministry said it would send a team, but Berg said the probe was …": a reported clause ends where a
  // contrasting clause with its own named speaker and cue begins.
  for (const c of cands) {
    if (c.dropped || c.seg || c.kind !== 'indirect') continue;
    for (const d of cands) {
      if (d === c || d.dropped || d.seg || !d.mention || d.mention.type !== 'name' || !d.cue) continue;
      const f = d.mention.first;
      if (toks[f].start <= c.content.start || d.cue.span.start >= c.content.end) continue;
      const conj = toks[f - 1];
      if (!conj || !/^(but|while|whereas)$/.test(conj.lower) || toks[f - 2]?.text !== ',') continue;
      const last = f - 3;
      if (last < 0 || toks[last].end <= c.content.start) continue;
      c.content = { start: c.content.start, end: toks[last].end };
      break;
    }
  }

  // 3. Resolve speakers in reading order so pronouns see the speakers before them.
  const live = cands.filter((c) => !c.dropped).sort((a, b) => a.start - b.start || a.content.start - b.content.start);
  const resolver = new SpeakerResolver(text, doc.layers.entities, doc.layers.entityIndex, toks, inSeg);
  const out: Quote[] = [];
  for (const c of [...live].sort((a, b) => (a.mention ? toks[a.mention.first].start : a.start) - (b.mention ? toks[b.mention.first].start : b.start))) {
    if (c.mention) {
      c.speaker = resolver.resolve(c.mention, mentionSpan(c.mention));
      if (c.speaker && c.mention.type !== 'name') resolver.remember(c.speaker, resolver.kindOf(c.speaker));
    }
  }
  // Session 14: the lead's unnamed source is the one the next sentence names as a speaker, of the same kind (a person
  // for "a mission official", an organisation for "an Albanian newspaper"); with no such speaker the clause is hidden.
  for (const c of live) {
    const unresolvedTitle = c.mention?.type === 'title' && !c.speaker && toks[c.mention.first].sentence === leadSentence;
    if ((!c.leadUnnamed && !unresolvedTitle) || !c.mention) continue;
    const kind = leadHeadKind(c.mention);
    // (Only a subject that speaks in a quote of its own: "Ola Berg confirmed the attack" alone was tried and cost precision.)
    // (Session 15: or two or three sentences on, when the words around the name repeat the lead's description.)
    const named = (d: Candidate, sent: number) => d !== c && d.mention?.type === 'name' && d.speaker?.resolvedBy === 'name' &&
      toks[d.mention.first].sentence === sent && resolver.kindOf(d.speaker) === kind && (sent === leadSentence + 1 || sharesLeadWord(c.mention!, d.mention));
    const next = kind ? [1, 2, 3].map((n) => live.find((d) => named(d, leadSentence + n))).find(Boolean) : undefined;
    if (next?.speaker) c.speaker = { ...next.speaker, mention: mentionSpan(c.mention), resolvedBy: 'named-next' };
    else if (c.leadUnnamed) c.hidden = true;
  }
  for (const c of live) {
    if (!c.hidden && !c.mention && c.inheritFrom?.speaker) {
      const s = c.inheritFrom.speaker;
      c.speaker = { ...s, resolvedBy: 'previous-speaker' };
    }
  }
  // Round D: a headline quote with no named speaker ("“…”: Neighbour Claims …", "Student says …") is
  // the article's main speaker: the person the body quotes most often, when one clearly leads.
  const main = headEnd > 0 ? mainSpeaker(live) : undefined;
  for (const c of live) {
    if (c.hidden || c.speaker || !main || c.start >= headEnd || (c.mention && c.mention.type !== 'generic' && c.mention.type !== 'title')) continue;
    // Not a quoted phrase inside the headline's own sentence ('There Were “…” Audio Reveals'), nor a group ("Officials Warn That …").
    // (Session 17: nor someone's role, "Dems’ lawyer says": the main speaker is seldom the owner's lawyer or spokesman.)
    if ((c.embedded && !/:\s*$/.test(text.slice(0, c.start))) || (c.mention && GENERIC_NOUNS.has(toks[c.mention.last].lower)) || c.mention?.possessor) continue;
    c.speaker = { ...main, resolvedBy: 'main-speaker' };
  }
  for (const c of live) {
    if (c.hidden) continue;
    const base = !c.speaker ? 0.5 : c.fallback ? 0.55 : c.speaker.resolvedBy === 'main-speaker' ? 0.55 : c.inheritFrom ? (c.inheritConfidence ?? 0.75) : c.speaker.resolvedBy === 'name' ? (c.kind === 'direct' ? 0.9 : 0.8) : c.speaker.resolvedBy === 'pronoun' ? 0.75 : 0.7;
    const q: Quote = { start: c.start, end: c.end, confidence: base, by: QUOTES_BY, kind: c.kind, content: c.content };
    if (c.speaker) q.speaker = c.speaker;
    if (c.cue) q.cue = c.cue;
    out.push(q);
  }
  return out;

  // ---- helpers (closures over toks/text) ----

  /** Session 19: a says/admits/claims … in the headline, in lower case and tagged as a verb ("Student says …"). */
  function headlineSpeechVerb(v: number): boolean {
    return toks[v].start < headEnd && toks[v].pos === 'VERB' && /^(says|admits|claims|insists|warns|denies|confirms|reveals)$/.test(toks[v].text);
  }

  /**
   * Transcript turns: lines that open with a speaker label in capitals and a colon ("KOVAC: …",
   * "ANA BERG, HARBOUR RADIO: …"). A turn runs to the next label line or blank line. The label must name
   * someone the article names in ordinary case (its last word, as "Kovac"), and the article must have at
   * least two such turns, so a one-off "UPDATE:" or "WATCH:" is never a speaker. The speaker mention is
   * the article's fullest form of that name, which the resolver then links as usual. Turns under
   * MIN_QUOTE_WORDS words ("Well, of course.") are too short to report, as for quotation marks.
   */
  function transcriptTurns(): Candidate[] {
    const label = /^(\p{Lu}[\p{Lu}'’.\-]+(?:[ \t]+\p{Lu}[\p{Lu}'’.\-]+){0,3})(?:,[^:\n]{1,60})?:[ \t]+(?=\S)/u;
    // Round F: a one-word label in ordinary case ("Berg: …"), when at least two different names label turns.
    // Session 10: or a full name ("Ana Berg: …"), when the article names it elsewhere or is a transcript with capitals
    // labels, and (with NER) the name is tagged as a person; checked after the loop.
    const plain = /^(\p{Lu}\p{Ll}{2,}(?:[ \t]+\p{Lu}\p{Ll}+){0,2})[ \t]*:[ \t]+(?=\S)/u;
    const lines: { start: number; end: number; name: string; contentStart: number; plain?: boolean; skip?: boolean; multi?: boolean }[] = [];
    for (let ls = 0; ls < text.length; ) {
      const le = text.indexOf('\n', ls) < 0 ? text.length : text.indexOf('\n', ls);
      const m = label.exec(text.slice(ls, le));
      const p = m ? undefined : plain.exec(text.slice(ls, le));
      if (m && /\p{Lu}.*\p{Lu}/u.test(m[1])) lines.push({ start: ls, end: le, name: m[1], contentStart: ls + m[0].length });
      // (A label that names nobody, "Judge: …", still ends the turn before it.)
      else if (p) lines.push({ start: ls, end: le, name: p[1], contentStart: ls + p[0].length, plain: true, skip: PAGE_LABELS.test(p[1]), multi: /\s/.test(p[1]) });
      ls = le + 1;
    }
    // A full-name label counts when the article names that person elsewhere or is a transcript with capitals labels.
    const capitalsLabels = lines.filter((l) => !l.plain).length;
    // With the NER layer present, a full-name label must be tagged as a person ("Special Ed: …" in an advert is not).
    const ents = doc.layers.entities ?? [];
    const person = (l: { start: number; name: string }) => !ents.length || ents.some((e) => e.label === 'PER' && e.start < l.start + l.name.length && e.end > l.start);
    // Session 13: a line that lists names ("Tarnby: Ana Berg, Jon Pell, …", a sports line-up) is no turn.
    const nameList = (l: { contentStart: number; end: number }) => {
      const body = text.slice(l.contentStart, l.end);
      const words = body.split(/[\s,]+/).filter((w) => /^\p{L}/u.test(w) && w !== 'and');
      return (body.match(/,/g) ?? []).length >= 3 && words.filter((w) => /^\p{Lu}/u.test(w)).length >= 0.8 * words.length;
    };
    for (const l of lines) if ((l.multi && ((capitalsLabels < 2 && !fullNameElsewhere(l.name, l.start)) || !person(l))) || nameList(l)) l.skip = true;
    const labelAt = new Set(lines.map((l) => l.start));
    const plainNames = new Set(lines.filter((l) => l.plain && !l.skip && namedAs(l.name, labelAt)).map((l) => l.name));
    const turns: Candidate[] = [];
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i];
      const inTranscript = l.multi && capitalsLabels >= 2;
      if (l.skip || (l.plain && plainNames.size < 2 && !inTranscript)) continue;
      // A full name in a transcript's label is itself the mention (a surname found elsewhere may sit in a headline).
      const mention = (inTranscript ? labelMention(l.start, l.name) : undefined) ?? namedAs(l.name, labelAt);
      if (!mention) continue;
      // The turn ends at the next label line, at a blank line, or at the end of the text.
      const blank = text.indexOf('\n\n', l.contentStart);
      let end = Math.min(i + 1 < lines.length ? lines[i + 1].start - 1 : text.length, blank < 0 ? text.length : blank);
      // An ordinary-case label is less sure to open a transcript: its turn is its own line (unless the article is one).
      if (l.plain && !inTranscript) end = Math.min(end, l.end);
      while (end > l.contentStart && /\s/.test(text[end - 1])) end--;
      const words = text.slice(l.contentStart, end).split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
      const cue = { text: text.slice(l.start, l.contentStart).trim(), span: { start: l.start, end: l.contentStart } };
      const c: Candidate = { kind: 'colon', content: { start: l.contentStart, end }, start: l.start, end, mention, cue, hidden: words < MIN_QUOTE_WORDS };
      turns.push(c);
    }
    return turns.filter((t) => !t.hidden).length >= 2 ? turns : [];
  }

  /**
   * Session 14: a bulleted digest line "- Parliament Speaker Ola Berg: CLAUSE" reports what the titled person said. The
   * label must end in a capitalised name and hold a title word (or be a person the NER tagged); a bare "- Sport: …" or
   * "- A cabinet minister: …" is no named speaker.
   */
  function digestItems(): Candidate[] {
    const item = /^[-•*][ \t]+([^:\n]{3,60}?)[ \t]*:[ \t]+(?=\S)/u;
    const ents = doc.layers.entities ?? [];
    const out: Candidate[] = [];
    for (let ls = 0; ls < text.length; ) {
      const le = text.indexOf('\n', ls) < 0 ? text.length : text.indexOf('\n', ls);
      const m = item.exec(text.slice(ls, le));
      if (m) {
        const labelStart = ls + m[0].indexOf(m[1]);
        const labelEnd = labelStart + m[1].length;
        const first = firstAt(labelStart);
        let last = first;
        while (last + 1 < toks.length && toks[last + 1].end <= labelEnd) last++;
        const label = toks.slice(first, last + 1);
        const titled = label.some((t) => TITLE_WORDS.has(t.lower)) || ents.some((e) => e.label === 'PER' && e.start < labelEnd && e.end > labelStart);
        const named = toks[last]?.pos === 'PROPN' && /^\p{Lu}\p{Ll}/u.test(toks[last].text);
        const mention = titled && named ? classify(toks, first, last) : undefined;
        let end = le;
        while (end > ls && /[\s.]/.test(text[end - 1])) end--;
        const contentStart = ls + m[0].length;
        const words = text.slice(contentStart, end).split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
        if (mention && mention.type === 'name' && mention.kind !== 'org' && words >= MIN_QUOTE_WORDS) {
          const cue = { text: text.slice(labelStart, contentStart).trim(), span: { start: labelStart, end: contentStart } };
          out.push({ kind: 'colon', content: { start: contentStart, end }, start: ls, end, mention, cue });
        }
      }
      ls = le + 1;
    }
    return out;
  }

  /** Session 14: the sentence after the lead has a cue verb whose subject is a name of that kind. */
  function nextSentenceNames(kind: 'person' | 'org', lead: Mention): boolean {
    for (let sent = leadSentence + 1; sent <= leadSentence + 3; sent++) {
      const from = toks.findIndex((t) => t.sentence === sent);
      if (from < 0) return false;
      let to = from;
      while (to + 1 < toks.length && toks[to + 1].sentence === sent) to++;
      for (let k = from; k <= to; k++) {
        if (toks[k].pos !== 'VERB' || !isCue(toks, k)) continue;
        const m = subjectBefore(toks, k, from) ?? subjectAfter(toks, k, to) ?? nameAfterQuote(from, k);
        // (Tried: the NER's label deciding the kind, "Gazeta Shqiptare" an organisation; it cost a PTC speaker.)
        if (m?.type === 'name' && (kind === 'person' ? m.kind !== 'org' : m.kind !== 'person') && (sent === leadSentence + 1 || sharesLeadWord(lead, m))) return true;
      }
    }
    return false;
  }

  /** '…,” Ruth Collin of Essex police, the force …, said': the name right after the closing mark before the cue at k. */
  function nameAfterQuote(from: number, k: number): Mention | undefined {
    let q = k - 1;
    while (q >= from && !/^[”"]$/.test(toks[q].text)) q--;
    if (q < from) return undefined;
    const f = q + 1;
    let e = f;
    while (e + 1 < k && toks[e + 1].pos === 'PROPN' && /^\p{Lu}/u.test(toks[e + 1].text)) e++;
    return toks[f]?.pos === 'PROPN' && /^\p{Lu}/u.test(toks[f].text) ? classify(toks, f, e) : undefined;
  }

  /**
   * Session 15: a speaker named two or three sentences after the lead is the lead's unnamed source only when the words
   * around the name repeat a lower-case word of the lead's description ("an airport spokeswoman" … "Airport
   * spokeswoman Rona Young"; "a police spokeswoman" … "Ruth Collin of Essex police").
   */
  function sharesLeadWord(lead: Mention, named: Mention): boolean {
    const words = new Set(toks.slice(lead.first, lead.last + 1).filter((t) => /^\p{Ll}{3,}$/u.test(t.text) && !/^(the|and|one|another|said)$/.test(t.lower)).map((t) => t.lower));
    return toks.slice(Math.max(0, named.first - 3), Math.min(toks.length, named.last + 7)).some((t) => words.has(t.lower));
  }

  /** Session 14: whether an unnamed source's head names a person ("official", "spokesman") or a body ("group", "newspaper"). */
  function leadHeadKind(m: Mention): 'person' | 'org' | undefined {
    const head = m.head ?? toks[m.last].lower;
    if (/^(newspaper|paper|daily|weekly|magazine|agency|group|party|organisation|organization|association|union|company|firm)$/.test(head)) return 'org';
    if (PERSON_TITLE_NOUNS.has(head) || head === 'chairwoman') return 'person';
    return undefined;
  }

  /** The tokens of the name at `start` (a label's, or the full name its initials stand for), as a person mention. */
  function labelMention(start: number, name: string): Mention | undefined {
    const first = firstAt(start);
    let last = first;
    while (last + 1 < toks.length && toks[last + 1].end <= start + name.length) last++;
    if (toks[first]?.start !== start || toks[last].end !== start + name.length) return undefined;
    return { first, last, type: 'name', kind: 'person', nameStart: start, nameEnd: toks[last].end };
  }

  /** A multi-word label ("Ana Berg") occurs in the text outside label position (not followed by a colon), so it names someone. */
  function fullNameElsewhere(name: string, labelStart: number): boolean {
    const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[ \t]+/g, '[ \\t]+');
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])${esc}(?![\\p{L}])(?![ \\t]*:)`, 'gu'))) if (m.index !== labelStart) return true;
    return false;
  }

  /** Where the article names the person of a capitals label in ordinary case: the fullest "Given Surname" form, else the surname. */
  function namedAs(labelName: string, labelAt: Set<number> = new Set()): Mention | undefined {
    // Session 10: initials ("DB: …") stand for the one full name of the article with those initials ("Dennis Bernstein").
    if (/^\p{Lu}{2,3}$/u.test(labelName)) return initialsNamed(labelName) ?? namedAsWord(labelName, labelAt);
    return namedAsWord(labelName, labelAt);
  }

  /** The one "Given Surname" (or "Given Middle Surname") of the text whose initials are `initials`; undefined if none or several. */
  function initialsNamed(initials: string): Mention | undefined {
    const re = new RegExp(`(?<![\\p{L}])${[...initials].map((c) => `${c}\\p{Ll}+`).join('[ \\t]+')}(?![\\p{L}])`, 'gu');
    const found = [...text.matchAll(re)];
    if (!found.length || new Set(found.map((m) => m[0])).size > 1) return undefined;
    return labelMention(found[0].index!, found[0][0]);
  }

  function namedAsWord(labelName: string, labelAt: Set<number>): Mention | undefined {
    const words = labelName.split(/[ \t]+/);
    const sur = words[words.length - 1];
    const title = sur.charAt(0) + sur.slice(1).toLowerCase();
    const esc = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`(?:\\p{Lu}\\p{Ll}+[ \\t]+)?${esc}(?![\\p{L}])`, 'gu');
    let best: { start: number; end: number } | undefined;
    for (const m of text.matchAll(re)) {
      const at = m.index!;
      // (Ordinary-case labels would match themselves: skip the label lines.)
      if (labelAt.has(at)) continue;
      // (The labels themselves are in capitals, so they never match the ordinary-case name.)
      if (!best || (m[0].includes(' ') && !text.slice(best.start, best.end).includes(' '))) best = { start: at, end: at + m[0].length };
      if (m[0].includes(' ')) break;
    }
    if (!best) return undefined;
    const first = firstAt(best.start);
    let last = first;
    while (last + 1 < toks.length && toks[last + 1].end <= best.end) last++;
    if (toks[first]?.start !== best.start || toks[last].end !== best.end) return undefined;
    return { first, last, type: 'name', kind: 'person', nameStart: best.start, nameEnd: best.end };
  }

  /** The person most quoted after the headline, with the mention where that person is first named; needs ≥ 2 quotes and a clear lead. */
  function mainSpeaker(cs: Candidate[]): QuoteSpeaker | undefined {
    const count = new Map<string, { n: number; s: QuoteSpeaker }>();
    for (const c of cs) {
      const s = c.speaker;
      if (c.hidden || !s || c.start < headEnd || resolver.kindOf(s) === 'org') continue;
      const e = count.get(s.name);
      if (e) e.n++;
      else count.set(s.name, { n: 1, s: s.resolvedBy === 'name' ? s : { ...s } });
    }
    const ranked = [...count.values()].sort((a, b) => b.n - a.n);
    if (!ranked.length || ranked[0].n < 2 || (ranked[1] && ranked[1].n >= ranked[0].n)) return undefined;
    // Point the mention at where the name is written, not at a pronoun.
    const named = cs.find((c) => c.speaker?.name === ranked[0].s.name && c.speaker.resolvedBy === 'name');
    return named?.speaker ?? ranked[0].s;
  }

  /** "The harbour master, Ana Berg, saw …": the name set off by commas right before verb `v`. */
  function commaName(v: number, limit: number): Mention | undefined {
    if (toks[v - 1]?.text !== ',') return undefined;
    let k = v - 2;
    while (k > limit && toks[k].text !== ',' && v - k <= 6) k--;
    if (toks[k]?.text !== ',' || k + 1 > v - 2) return undefined;
    const m = classify(toks, k + 1, v - 2);
    return m.type === 'name' && m.kind !== 'org' && plausibleName(m) ? m : undefined;
  }

  /**
   * Round E: a fallback speaker must look like a person's name: it has a proper-noun word, and a
   * one-word name is neither a demonym/religion adjective ("Norwegian", "Lutheran") nor the first
   * word of its sentence (a capitalised common noun there is not a name).
   */
  function plausibleName(m: Mention, surnames = false): boolean {
    const words = toks.slice(m.first, m.last + 1).filter((t) => t.pos === 'PROPN');
    if (!words.length) return false;
    if (words.length === 1 && /(ish|ese|ic|an|im|ian)$/.test(words[0].lower)) return false;
    // (Round M: a sentence-initial word is a name when the article gave it earlier as the surname of a full
    // name, "Ana Berg … ⏎ Berg shot back: …".)
    if (words.length === 1 && (m.first === 0 || toks[m.first - 1].sentence !== toks[m.first].sentence)) return surnames && knownSurname(words[0], words[0].start);
    return true;
  }

  /** Round M: `word` closed a two-word (or longer) capitalised name before offset `before` ("Ana Berg"). */
  function knownSurname(word: Tok, before: number): boolean {
    if (!/^\p{Lu}\p{Ll}+$/u.test(word.text) || TITLE_WORDS.has(word.lower)) return false;
    const esc = word.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`\\p{Lu}[\\p{L}.'’-]*[ \\t]+${esc}(?![\\p{L}])`, 'u');
    return re.test(text.slice(0, before));
  }

  function cueOf(i: number, j = i): { text: string; span: Span } {
    return { text: text.slice(toks[i].start, toks[j].end), span: { start: toks[i].start, end: toks[j].end } };
  }

  /**
   * Round H: the subject and verb of the sentence that holds a quoted fragment starting at token q0: the
   * first verb before the quote (outside other quotes), a speaking or judging verb, with a named or he/she
   * subject before it in the same sentence and on the same line.
   */
  function embeddingSubject(q0: number): { mention: Mention; verb: number } | undefined {
    if (q0 <= 0 || toks[q0 - 1]?.sentence !== toks[q0]?.sentence || titleCaseLine(toks[q0].start)) return undefined;
    let s0 = q0;
    while (s0 - 1 >= 0 && toks[s0 - 1].sentence === toks[q0].sentence && toks[s0 - 1].start >= lineStartOf(toks[q0].start)) s0--;
    for (let v = s0 + 1; v < q0; v++) {
      const t = toks[v];
      if (inSeg(t.start)) return undefined;
      if (!(t.pos === 'VERB' || edAfterNoun(t, toks[v - 1]))) continue;
      // (The second half of a hyphenated word is no verb of its own: "fortune-telling".)
      if (toks[v - 1].text === '-' && toks[v - 1].end === t.start) return undefined;
      if (!EMBED_VERBS.test(t.lemma.toLowerCase()) && !EMBED_VERBS.test(t.lower)) return undefined;
      const m = subjectBefore(toks, v, s0);
      if (!m || !(m.type === 'name' || (m.type === 'pronoun' && /^(he|she)$/.test(toks[m.first].lower)))) return undefined;
      // (A relative clause between them has its own subject: "thanked the bishops, who believe they are “…”".)
      for (let k = v + 1; k < q0; k++) if (/^(which|who|whom|whose)$/.test(toks[k].lower)) return undefined;
      return { mention: m, verb: v };
    }
    return undefined;
  }

  /** '"…," Kovac said.' / '"…," said X.' / '"…," according to X.' */
  function trailing(seg: QuoteSegment) {
    const t0 = firstAt(seg.close);
    // '“… never met Assange.” It later tweeted that …': a full stop inside the marks and a capital
    // after them start a new sentence, whose cue belongs to that sentence.
    if (/\.\s*$/.test(text.slice(seg.contentStart, seg.contentEnd)) && toks[t0] && /^\p{Lu}/u.test(toks[t0].text) && toks[t0].start < seg.lineEnd) return undefined;
    // Round D: one-sentence-per-line text puts the attribution on the next line when the quote ends
    // its line ('…saw it coming?”' ⏎ 'she added.'); a lower-case start shows the line continues the sentence.
    let limit = seg.lineEnd;
    if (!text.slice(seg.close, seg.lineEnd).trim() && /^\p{Ll}/u.test(text.slice(seg.lineEnd + 1, seg.lineEnd + 2))) {
      const nextEnd = text.indexOf('\n', seg.lineEnd + 1);
      limit = nextEnd < 0 ? text.length : nextEnd;
    }
    // Round G: '“…,” said the Rev.' ⏎ 'Ana Wade, a pastor.': a line cut after an honorific goes on.
    if (/\b(?:Rev|Msgr|Fr|Sgt|Lt|Capt|Col|Cpl|Maj|Supt|Atty|Insp|Hon|Cmdr|Adm|Brig|Dr|Mr|Mrs|Ms|Sen|Rep|Gov|Prof|Gen)\.[ \t]*$/.test(text.slice(seg.close, limit)) && /^\p{Lu}/u.test(text.slice(limit + 1, limit + 2))) {
      const nextEnd = text.indexOf('\n', limit + 1);
      limit = nextEnd < 0 ? text.length : nextEnd;
    }
    let end = t0;
    // (Round N: also "Sen.", "Dr.", "Mr." … when a capitalised name follows: '“…,” said Sen. ⏎ Ana Berg'.)
    const honorificStop = (k: number) => toks[k].text === '.' && k > 0 && toks[k - 1].end === toks[k].start && (SPLIT_HONORIFIC.test(toks[k - 1].text) || (TRAILING_TITLE.test(toks[k - 1].text) && /^\p{Lu}/u.test(toks[k + 1]?.text ?? '')));
    // Round N: the stop of an abbreviation that closes a parenthesis ("Ana Berg (D-Vt.) said") ends no sentence.
    const parenStop = (k: number) => toks[k].text === '.' && toks[k + 1]?.text === ')' && toks[k + 1].start === toks[k].end;
    while (end < toks.length && end - t0 < 26 && toks[end].start < limit && !inSeg(toks[end].start) && (!FINAL.has(toks[end].text) || honorificStop(end) || parenStop(end))) end++;
    for (let v = t0; v < end; v++) {
      if (isAccording(toks, v)) {
        if (toks.slice(t0, v).some(isWord)) return undefined;
        // Round D: 'X told the rally that “…,” and “…,” according to the Gazette': the sentence already
        // has its speaker (the outlet only reports it), so the quote keeps X's attribution.
        if (ownCueBefore(seg)) return undefined;
        const m = subjectAfter(toks, v + 1, end - 1);
        if (!m || m.type === 'generic') return undefined;
        used.add(v);
        return { mention: m, cue: cueOf(v, v + 1), kind: 'according-to' as QuoteKind };
      }
      if (!isCue(toks, v)) continue;
      const between = toks.slice(t0, v).some(isWord);
      // Session 13: '“…,” Harbour Radio quoted Berg as saying.': the one quoted speaks.
      const quoted = toks[v - 1]?.lower === 'as' && /ing$/.test(toks[v].lower) ? quotedAs(v - 1, t0) : undefined;
      if (quoted?.type === 'generic') return undefined;
      if (quoted) {
        used.add(v);
        return { mention: quoted, cue: cueOf(v) };
      }
      // (Session 16: '“…,” warned Ana Berg': right after the quote, warn/urge/ask are inverted, so the name speaks.)
      const addressee = ADDRESSEE_CUES.has(toks[v].lemma.toLowerCase()) && !/^(warn|urge|ask)$/.test(toks[v].lemma.toLowerCase());
      const m = between ? subjectBefore(toks, v, t0) : addressee ? undefined : subjectAfter(toks, v, end - 1);
      if (!m) return undefined;
      // Words between the quote and the subject are allowed only as a short verbless lead-in
      // ('“…,” Lund University, Sweden, research fellow Ines Ortega told').
      const gap = toks.slice(t0, m.first);
      // (Session 14: also a longer verbless run that ends in a comma before a person's name: '“…,” the embassy's chargé
      // d'affaires in Tripoli, Ola Berg, told …', '“…” of the conflict, ministry spokesman Ola Berg said.')
      const longLead = gap.length <= 24 && gap[gap.length - 1]?.text === ',' && m.kind !== 'org';
      // (Session 16: an -ing word before a noun is a modifier, not a verb: '“…,” presiding judge Ola Berg told the court'.)
      const verbIn = gap.some((t, k) => (t.pos === 'VERB' || t.pos === 'AUX') && !(/ing$/.test(t.lower) && toks[t0 + k + 1]?.pos === 'NOUN'));
      if (between && gap.some(isWord) && ((gap.length > 8 && !longLead) || verbIn || m.type !== 'name')) return undefined;
      used.add(v);
      return { mention: m, cue: cueOf(v) };
    }
    return undefined;
  }

  /** 'Kovac said: "…"' / 'According to X, "…"' / 'X: "…"' */
  /**
   * Round G: 'she “said she cannot recall …”', 'Ms. Cook “told nobody …”': the quote opens with its own
   * lower-case cue verb, whose subject (a name or pronoun) stands right before the opening mark.
   */
  function cueInside(seg: QuoteSegment) {
    const o = firstAt(seg.open);
    const v = firstAt(seg.contentStart);
    if (o < 1 || !toks[v] || toks[o - 1].start < seg.lineStart || !/^\p{Ll}/u.test(toks[v].text) || !isCue(toks, v) || WEAK_CUES.has(toks[v].lemma.toLowerCase())) return undefined;
    let a = o - 1;
    while (a - 1 >= 0 && toks[a - 1].start >= seg.lineStart && !FINAL.has(toks[a - 1].text) && !inSeg(toks[a - 1].start)) a--;
    const m = subjectBefore(toks, o, a);
    if (!m || !(m.type === 'name' || (m.type === 'pronoun' && m.kind === 'person')) || m.last !== o - 1) return undefined;
    return { mention: m, cue: cueOf(v), last: toks[v].lower };
  }

  /** Round M: the full stop of a split title ("Fr" + "."), which ends no clause. */
  function titleStop(k: number): boolean {
    return toks[k].text === '.' && k > 0 && SPLIT_HONORIFIC.test(toks[k - 1].text) && toks[k - 1].end === toks[k].start;
  }

  function leading(seg: QuoteSegment) {
    const b = firstAt(seg.open) - 1;
    if (b < 0) return undefined;
    // The introduction may end the previous paragraph: 'as Swisher asked:' ⏎ '“…”'.
    const sameLine = toks[b].start >= seg.lineStart;
    if (!sameLine && (toks[b].text !== ':' || inSeg(toks[b].start) || text.slice(toks[b].end, seg.open).split('\n').length > 3)) return undefined;
    const lineStart = sameLine ? seg.lineStart : text.lastIndexOf('\n', toks[b].start) + 1;
    let a = b;
    // (Round M: the stop of a split title, "Writes Fr. Weinandy:", ends no introduction.)
    // (Session 20: a scare-quoted word or two inside the introduction does not end it: 'Lund, now a “retired” pilot, told …'.)
    const shortSegAt = (k: number) => segs.some((s) => s.words <= 2 && s.closed && toks[k].start >= s.open && toks[k].start < s.close && s.close <= seg.open);
    while (a - 1 >= 0 && toks[a - 1].start >= lineStart && (!FINAL.has(toks[a - 1].text) || titleStop(a - 1)) && (!inSeg(toks[a - 1].start) || (sameLine && shortSegAt(a - 1)))) a--;
    const last = toks[b];
    // Session 18: "The OSCE characterised the vote (report …) as showing the “…”": the describer's words.
    const asAt = toks.slice(Math.max(a, b - 3), b + 1).findIndex((t) => t.lower === 'as') + Math.max(a, b - 3);
    if (asAt >= Math.max(a, b - 3) && toks.slice(asAt + 1, b + 1).every((t) => t.pos === 'DET' || t.pos === 'ADJ' || /ing$/.test(t.lower))) {
      for (let v = asAt - 1; v > a; v--) {
        if (!DESCRIBE_VERBS.test(toks[v].lower)) continue;
        const m = subjectBefore(toks, v, a);
        if (m && m.type !== 'generic') return { mention: m, cue: cueOf(v), last: 'as' };
        break;
      }
    }
    if (!(last.text === ':' || last.text === ',' || last.lower === 'that' || isCue(toks, b))) return undefined;
    // Session 22: "As Ana Berg put it the other day, “…”", "As Lund puts it: “…”".
    if (last.text === ',' || last.text === ':') {
      for (let v = a + 1; v < b; v++) {
        if (!/^puts?$/.test(toks[v].lower) || toks[v + 1]?.lower !== 'it') continue;
        const m = subjectBefore(toks, v, a);
        if (m && m.type !== 'generic' && toks.slice(a, m.first).some((t) => t.lower === 'as')) return { mention: m, cue: cueOf(v, v + 1), last: last.lower };
        break;
      }
    }
    for (let v = b; v >= a; v--) {
      if (isAccording(toks, v)) {
        const m = subjectAfter(toks, v + 1, b - 1);
        if (!m || m.type === 'generic') return undefined;
        used.add(v);
        return { mention: m, cue: cueOf(v, v + 1), kind: 'according-to' as QuoteKind, last: last.lower };
      }
      if (!isCue(toks, v)) continue;
      const m = subjectBefore(toks, v, a) ?? participleSubject(v, a) ??
        (ADDRESSEE_CUES.has(toks[v].lemma.toLowerCase()) ? undefined : subjectAfter(toks, v, b - 1));
      if (!m) return undefined;
      // Round F: "Berg pointed out that CLAUSE: “…”" reports the clause too; leave the cue to the reported-speech pass.
      // (Session 16: also a that-less clause, "Borsuk said the farm sector has two options: “…”"; the reported-speech
      // pass decides whether the words before the colon are a clause.)
      const thatClause = last.text === ':' && b - v > 5 && (toks.slice(v + 1, b).some((t) => t.lower === 'that') || CLAUSE_CUES.has(toks[v].lemma.toLowerCase()));
      if (!thatClause) used.add(v);
      return { mention: m, cue: cueOf(v), last: last.lower };
    }
    // "Ortega: “…”", "Sen. Lena Park to committee members: “…”"
    if (last.text === ':' && b - 1 >= a) {
      const m = classify(toks, a, b - 1);
      if (m.type === 'name' && m.kind === 'person' && b - a <= 4) return { mention: m, cue: cueOf(b), last: ':' };
      // Round M: "… is the former chair of the guild, Ana Berg: “…”": a full personal name in apposition right
      // before the colon (two to four capitalised words after the last comma) after a role in the five words before
      // the comma ("chairman", "the chair of the guild"; a place, "the island of Nordvik, North Harbour:", is none).
      let c = b - 1;
      while (c > a && toks[c].text !== ',' && b - c <= 5) c--;
      const role = (t?: Tok) => !!t && (PERSON_TITLE_NOUNS.has(t.lower) || /^(chair|head|leader|founder|spokesman|spokeswoman|spokesperson)$/.test(t.lower));
      const roleBefore = toks.slice(Math.max(a, c - 5), c).some(role);
      if (toks[c]?.text === ',' && roleBefore && b - c >= 3 && b - c <= 5 && toks.slice(c + 1, b).every((t) => t.pos === 'PROPN' && /^\p{Lu}/u.test(t.text) && !isTitleTok(t))) {
        const n = classify(toks, c + 1, b - 1);
        if (n.type === 'name' && n.kind === 'person') return { mention: n, cue: cueOf(b), last: ':' };
      }
      const to = toks.slice(a, b).findIndex((t) => t.lower === 'to') + a;
      if (to > a && b - to <= 5 && toks.slice(to + 1, b).every((t) => ['DET', 'NOUN', 'PROPN', 'ADJ'].includes(t.pos))) {
        const n = classify(toks, a, to - 1);
        if (n.type === 'name' && n.kind === 'person' && to - a <= 4) return { mention: n, cue: cueOf(b), last: ':' };
      }
    }
    return undefined;
  }

  /**
   * Session 20: "He stood firm, saying, “…”": a speech participle after a comma, with no subject right before it,
   * speaks for the main clause's subject (a name or a pronoun; the clause's object is no speaker).
   */
  function participleSubject(v: number, a: number): Mention | undefined {
    // (Session 21: a speech participle after a verb's object needs no comma, "Berg confirmed this saying, “…”"; after a noun the noun
    // speaks, "a message saying …".)
    const bare = /^(saying|adding|stating|declaring|writing|noting|explaining|insisting|arguing)$/.test(toks[v].lower) && !['ADP', 'NOUN', 'PROPN'].includes(toks[v - 1]?.pos ?? '') && v - 1 > a;
    if (!/ing$/.test(toks[v].lower) || (toks[v - 1]?.text !== ',' && !bare) || v - 1 <= a) return undefined;
    const m = clauseSubject(toks, a, toks[v - 1].text === ',' ? v - 1 : v);
    return m?.type === 'name' || m?.type === 'pronoun' ? m : undefined;
  }

  /**
   * Round E fallback: a quote opened by a colon on its own line, with no cue, goes to the named subject
   * of the short clause before the colon whatever its verb ("Kovac shot back: “…”", "The director,
   * Ana Kovac, defended the plan: “…”"): the subject of the clause's first verb, when it is a plausible
   * name. A fallback, so its confidence is 0.55, not a cued quote's 0.9.
   */
  function colonIntro(seg: QuoteSegment) {
    const b = firstAt(seg.open) - 1;
    // Not in the headline: a headline colon joins a label to a quote ("Harbour Fire Witness: “…”").
    if (b < 1 || toks[b].text !== ':' || toks[b].start < seg.lineStart || seg.open < headEnd) return undefined;
    let a = b;
    while (a - 1 >= 0 && toks[a - 1].start >= seg.lineStart && (!FINAL.has(toks[a - 1].text) || titleStop(a - 1)) && !inSeg(toks[a - 1].start)) a--;
    // (Round F: up to 24 tokens, for an introduction with an appositive: "In an interview, the
    // harbour master, Ana Berg, gave this example:".)
    // Session 15: "Ana Berg, known as …, won the prize in 1979 … with her simple message: “…”": a person's own
    // message ("her"/"his" and a speech noun before the colon) is the words of the name that opens the sentence.
    if (SPEECH_NOUNS.test(toks[b - 1].lower) || /^(message|motto|advice|explanation)$/.test(toks[b - 1].lower)) {
      const own = toks.slice(Math.max(a, b - 4), b - 1).find((t) => /^(her|his)$/.test(t.lower));
      let e = a;
      while (e + 1 < b && toks[e + 1].pos === 'PROPN' && /^\p{Lu}/u.test(toks[e + 1].text)) e++;
      const m = own && toks[a].pos === 'PROPN' && toks[e + 1]?.text === ',' ? classify(toks, a, e) : undefined;
      if (m && m.type === 'name' && m.kind !== 'org' && plausibleName(m, true)) return { mention: m, cue: cueOf(b), last: ':', fallback: true };
    }
    if (b - a > 24) return undefined;
    for (let v = a + 1; v < b; v++) {
      if (toks[v].pos !== 'VERB') continue;
      const m = subjectBefore(toks, v, a) ?? commaName(v, a);
      if (m?.type === 'name' && m.kind !== 'org' && plausibleName(m, true)) return { mention: m, cue: cueOf(b), last: ':', fallback: true };
      return undefined;
    }
    // Round F: no verb the tagger recognised ("Berg, however, shot back:"): a name opening a short clause.
    let n = a;
    while (n < b && toks[n].pos === 'CCONJ') n++;
    let e = n;
    while (e + 1 < b && toks[e + 1].pos === 'PROPN') e++;
    // Session 10: or a name that is the whole introduction, at the start of its line ("Berg: “…”", an interview
    // printed as name-labelled quotations), when the article names that person elsewhere as well.
    const labelOnly = e + 1 === b && a === n && toks[a].start === seg.lineStart && !PAGE_LABELS.test(toks[n].text) && namedElsewhere(n, e);
    if (b - a <= 8 && toks[n]?.pos === 'PROPN' && (toks[e + 1]?.text === ',' || /^\p{Ll}/u.test(toks[e + 1]?.text ?? '') || labelOnly)) {
      const m = classify(toks, n, e);
      if (m.type === 'name' && m.kind !== 'org' && plausibleName(m, true)) return { mention: m, cue: cueOf(b), last: ':', fallback: true };
    }
    return undefined;
  }

  /** The name of tokens first..last occurs again in the text outside this line (so a label names a person of the article). */
  function namedElsewhere(first: number, last: number): boolean {
    const name = text.slice(toks[first].start, toks[last].end);
    const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const line = { start: text.lastIndexOf('\n', toks[first].start) + 1, end: text.indexOf('\n', toks[first].start) };
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])${esc}(?![\\p{L}])`, 'gu'))) {
      if (m.index! < line.start || (line.end >= 0 && m.index! > line.end)) return true;
    }
    return false;
  }

  /**
   * Round F: ", he wrote," / ", Berg said," between commas before a quoted fragment in the same sentence
   * ("The plan, Berg said, is “…”"): the parenthetical names who is quoted.
   */
  function parenthetical(seg: QuoteSegment) {
    const b = firstAt(seg.open) - 1;
    if (b < 0) return undefined;
    let a = b;
    while (a - 1 >= 0 && toks[a - 1].sentence === toks[b].sentence && toks[a - 1].start >= seg.lineStart && !inSeg(toks[a - 1].start)) a--;
    for (let v = a + 2; v < b; v++) {
      if (toks[v + 1]?.text !== ',' || !isCue(toks, v) || toks[v].pos !== 'VERB') continue;
      const m = subjectBefore(toks, v, a + 1);
      if (!m || (m.type !== 'pronoun' && m.type !== 'name') || toks[m.first - 1]?.text !== ',' || m.last - m.first > 3) continue;
      // "X conveyed …, the ministry said, and stressed “…”": a new coordinated verb has its own subject.
      if (toks.slice(v + 2, b + 1).some((t, k) => t.pos === 'CCONJ' || (t.pos === 'VERB' && isCue(toks, v + 2 + k)))) return undefined;
      used.add(v);
      return { mention: m, cue: cueOf(v) };
    }
    return undefined;
  }

  /** Between quote `p` and quote `seg` a new sentence starts and ends in a colon right before `seg`. */
  function newColonIntro(p: QuoteSegment, seg: QuoteSegment): boolean {
    const b = firstAt(seg.open) - 1;
    if (b < 0 || toks[b].text !== ':' || toks[b].start < p.close) return false;
    const between = toks.slice(firstAt(p.close), b);
    return between.some(isWord) && (sentenceEndBetween(p.close, toks[b].start) || /[.!?]\s*$/.test(text.slice(p.contentStart, p.contentEnd)));
  }

  /** A strong cue with a named or pronoun subject earlier in the quote's sentence, outside quotation marks. */
  function ownCueBefore(seg: QuoteSegment): boolean {
    const b = firstAt(seg.open) - 1;
    if (b < 0) return false;
    let a = b;
    while (a - 1 >= 0 && toks[a - 1].sentence === toks[b].sentence && toks[a - 1].start >= seg.lineStart) a--;
    for (let k = a; k <= b; k++) {
      if (inSeg(toks[k].start) || toks[k].pos !== 'VERB' || !isCue(toks, k) || WEAK_CUES.has(toks[k].lemma.toLowerCase())) continue;
      const sm = subjectBefore(toks, k, a);
      if (sm && (sm.type === 'name' || sm.type === 'pronoun')) return true;
    }
    return false;
  }

  function sentenceEndBetween(from: number, to: number): boolean {
    for (let k = firstAt(from); k < toks.length && toks[k].start < to; k++) if (FINAL.has(toks[k].text)) return true;
    return false;
  }

  function startsSentence(seg: QuoteSegment): boolean {
    const b = firstAt(seg.open) - 1;
    if (b < 0 || toks[b].start < seg.lineStart) return true;
    return FINAL.has(toks[b].text) || inSeg(toks[b].start);
  }

  /** '“… quite frankly.” Kazi drove …': the quote opens the line and ends its own sentence. */
  function opensLine(seg: QuoteSegment): boolean {
    // (Round D: or another quote opens right after it: '“… done.” “Then we …”'.)
    return !text.slice(seg.lineStart, seg.open).trim() && /[.!?]\s*$/.test(text.slice(seg.contentStart, seg.contentEnd)) && /^\s*[“"]?\p{Lu}/u.test(text.slice(seg.close, seg.lineEnd));
  }

  /** Nothing but white space before the opening mark on its line. */
  function opensParagraph(seg: QuoteSegment): boolean {
    return !text.slice(seg.lineStart, seg.open).trim();
  }

  /** The quote's sentence (with its attribution) is the last one on its line. */
  function endsLine(p: QuoteSegment): boolean {
    const rest = text.slice(p.close, p.lineEnd);
    const stop = rest.search(/[.!?](?=\s|$)/);
    return stop < 0 || !rest.slice(stop + 1).trim();
  }

  function wholeLine(seg: QuoteSegment): boolean {
    return !text.slice(seg.lineStart, seg.open).trim() && !text.slice(seg.close, seg.lineEnd).trim();
  }

  function lineStartOf(offset: number): number {
    return text.lastIndexOf('\n', offset - 1) + 1;
  }

  function prevLine(seg: QuoteSegment): number {
    let e = seg.lineStart - 1;
    while (e > 0 && !text.slice(text.lastIndexOf('\n', e - 1) + 1, e).trim()) e = text.lastIndexOf('\n', e - 1);
    return text.lastIndexOf('\n', e - 1) + 1;
  }

  /** Token range of the sentence holding token v, cut at quotation marks before v. */
  function clauseBounds(v: number): [number, number] {
    let a = v;
    // Scare quotes ("were “direct and candid,” X said") are part of the sentence; real quotes cut it.
    while (a - 1 >= 0 && toks[a - 1].sentence === toks[v].sentence && !inLongSeg(toks[a - 1].start)) a--;
    // The splitter ends a sentence at "(R-Pa.)"; the sentence goes on after the parenthesis.
    if (a - 1 >= 0 && toks[a - 1].text === ')' && toks[a - 2]?.text === '.' && !inSeg(toks[a - 1].start)) {
      const s0 = toks[a - 1].sentence;
      while (a - 1 >= 0 && toks[a - 1].sentence === s0 && !inSeg(toks[a - 1].start)) a--;
    }
    let b = v;
    while (b + 1 < toks.length && toks[b + 1].sentence === toks[v].sentence) b++;
    while (b > v && FINAL.has(toks[b].text)) b--;
    return [a, b];
  }

  function span(i: number, j: number): Span | undefined {
    while (i <= j && (toks[i].text === ',' || toks[i].text === ':' || toks[i].lower === 'that')) i++;
    while (j >= i && /^[,.;:]$/.test(toks[j].text)) j--;
    if (j < i || toks.slice(i, j + 1).filter(isWord).length < 3) return undefined;
    return { start: toks[i].start, end: toks[j].end };
  }

  function make(kind: QuoteKind, content: Span, m: Mention, cue: { text: string; span: Span }): Candidate {
    const ms = mentionSpan(m);
    return { kind, content, mention: m, cue, start: Math.min(content.start, ms.start, cue.span.start), end: Math.max(content.end, ms.end, cue.span.end) };
  }

  /** "According to the Gazette, Holm argues that …": the clause between i and j names its own speaker. */
  function namesOwnSpeaker(i: number, j: number): boolean {
    for (let k = i; k <= j; k++) {
      if (inSeg(toks[k].start) || !isCue(toks, k) || WEAK_CUES.has(toks[k].lemma.toLowerCase())) continue;
      const sm = subjectBefore(toks, k, i);
      if (sm && sm.type === 'name') return true;
    }
    return false;
  }

  function accordingTo(v: number): Candidate | undefined {
    const [a, b] = clauseBounds(v);
    let m = subjectAfter(toks, v + 1, b);
    // "according to a surprising claim made by Congressman X": the author of the document speaks.
    // (Round H: also "a Gazette report by Ana Berg": the named author, not the outlet.)
    if (m && (m.type === 'generic' || m.type === 'name') && DOC_NOUNS.test(toks[m.last].lower)) {
      let k = m.last + 1;
      if (/^(made|issued|released|published|filed|sent|posted)$/.test(toks[k]?.lower ?? '')) k++;
      if (/^(by|from)$/.test(toks[k]?.lower ?? '')) {
        const n = subjectAfter(toks, k, b);
        if (n && n.type === 'name') m = { ...n, first: m.first };
      }
    }
    // Session 17: "according to the UN’s 2016 report", "according to a poll by the X Institute": the named
    // owner or author of a document is the source.
    // (Session 18: the document may head a longer phrase, "a poll in the X newspaper".)
    const hd = !m || m.type !== 'generic' ? -1 : ACCORDING_DOCS.test(toks[m.last].lower) ? m.last :
      toks.slice(m.first, m.last + 1).findIndex((t) => t.lower === m!.head && ACCORDING_DOCS.test(t.lower)) + m.first;
    if (m && hd >= m.first) {
      const o = toks.slice(m.first, hd).findIndex((t, k) => /^['’]s?$/.test(t.text) && k > 0 && toks[m!.first + k - 1].pos === 'PROPN') + m.first;
      let owner: Mention | undefined;
      if (o > m.first) {
        let f = o - 1;
        while (f - 1 >= m.first && toks[f - 1].pos === 'PROPN') f--;
        owner = classify(toks, f, o - 1);
      } else if (/^(by|from|of|on|in)$/.test(toks[hd + 1]?.lower ?? '')) owner = subjectAfter(toks, hd + 1, b);
      // (Session 18: "a poll in the German Focus magazine": an outlet named before its kind.)
      const kindAt = toks.slice(hd + 2, hd + 7).findIndex((t) => OUTLET_KINDS.test(t.lower)) + hd + 2;
      // (The tagger may read the name as a verb, "Focus": any capitalised word inside the sentence.)
      const cap = (t: Tok) => t.pos === 'PROPN' || (/^\p{Lu}/u.test(t.text) && t.pos !== 'DET' && t.pos !== 'PRON');
      if ((!owner || owner.type !== 'name') && kindAt > hd + 2 && kindAt <= b && cap(toks[kindAt - 1])) {
        let f = kindAt - 1;
        while (f - 1 > hd + 1 && cap(toks[f - 1])) f--;
        if (toks.slice(hd + 2, f).every((t) => t.pos === 'DET' || t.pos === 'ADJ')) {
          owner = { first: f, last: kindAt, type: 'name', kind: 'org', nameStart: toks[f].start, nameEnd: toks[kindAt - 1].end };
        }
      }
      if (owner && owner.type === 'name') m = { ...owner, first: m.first, last: Math.max(m.last, owner.last) };
    }
    // Session 17: "According to the Norland Border Service the number of …": no comma after the source; the clause starts
    // at a determiner (or a lower-case noun) right after a capitalised name.
    // (Session 18: also when the tagger has the source as a name, "According to the Pew Research Centre the share …".)
    const namedSource = !!m && m.type === 'name';
    if (!m || m.type === 'generic' || (namedSource && m.last < b && toks[m.last + 1].text !== ',')) {
      for (let k = v + 3; k <= b && k - v <= 12; k++) {
        const cut = toks[k - 1].pos === 'PROPN' && /^\p{Lu}/u.test(toks[k - 1].text) &&
          (toks[k].pos === 'DET' || (!namedSource && toks[k].pos === 'NOUN' && /^\p{Ll}/u.test(toks[k].text) && ORG_HEADS.has(toks[k - 1].lower)));
        if (!cut) continue;
        const n = subjectAfter(toks, v + 1, k - 1);
        // (The clause's verb comes before any comma: "an ex-Secret Service agent, Vice-President …" is no such cut.)
        let vk = k;
        while (vk <= b && toks[vk].text !== ',' && toks[vk].pos !== 'VERB' && toks[vk].pos !== 'AUX') vk++;
        const clause = vk <= b && toks[vk].text !== ',' && !/^(a|an)$/.test(toks[v + 2].lower);
        const content = clause && n && n.type === 'name' && n.last === k - 1 && hasVerb(k, b) ? span(k, b) : undefined;
        if (content && !namesOwnSpeaker(k, b)) return make('according-to', content, n!, cueOf(v, v + 1));
        break;
      }
    }
    // Session 18: "According to Harbour Board spokeswoman, Ana Berg, …": a role, then the person’s name set off by
    // commas, speaks (the role alone would be nobody).
    if (m && m.type === 'generic' && PERSON_TITLE_NOUNS.has(toks[m.last].lower) && toks[m.last + 1]?.text === ',') {
      const n = subjectAfter(toks, m.last + 1, Math.min(b, m.last + 6));
      if (n && n.type === 'name' && n.kind === 'person' && toks[n.last + 1]?.text === ',') m = { ...n, first: m.first };
    }
    if (!m || m.type === 'generic' || NON_SOURCE_ACCORDING.has(toks[m.last].lower)) return undefined;
    let after = m.last + 1;
    // Skip a short adjunct ("… back in early October, …").
    for (let j = after; j <= Math.min(b, after + 6); j++) {
      if (toks[j].text === ',') {
        if (toks.slice(after, j).every((t) => t.pos !== 'VERB' && t.pos !== 'AUX')) after = j;
        break;
      }
    }
    // Appositive name: "According to the spokeswoman of the ministry …, Lena Park, …"
    if (toks[after]?.text === ',' && m.type !== 'name') {
      const n = subjectAfter(toks, after, Math.min(b, after + 5));
      if (n && n.type === 'name' && n.kind === 'person' && toks[n.last + 1]?.text === ',') {
        m = n;
        after = n.last + 1;
      }
    }
    const cue = cueOf(v, v + 1);
    const afterSpan = toks[after]?.text === ',' && !namesOwnSpeaker(after + 1, b) ? span(after + 1, b) : undefined;
    if (afterSpan && toks[v - 1]?.text !== ',') return make('according-to', afterSpan, m, cue);
    // "X said …, according to a report by Y": the clause already has its speaker.
    let s0 = a;
    while (s0 - 1 >= 0 && toks[s0 - 1].sentence === toks[v].sentence) s0--;
    const hasOwnCue = toks.slice(s0, v - 1).some((t, k) => !inSeg(t.start) && t.pos === 'VERB' && isCue(toks, s0 + k) && !WEAK_CUES.has(t.lemma.toLowerCase()));
    if (v - 1 > a && toks[v - 1].text === ',' && !hasOwnCue && !toks.slice(a, v).some((_, k) => used.has(a + k))) {
      const before = span(a, v - 2);
      if (before) return make('according-to', before, m, cue);
    }
    // Session 17: "… a barn burned down according to the Norland Department of Defense.": no comma, but a named source ends
    // the sentence after a clause of its own.
    if (v - 1 > a && m.type === 'name' && m.last >= b && !hasOwnCue && hasVerb(a, v - 1) && !toks.slice(a, v).some((_, k) => used.has(a + k))) {
      const before = span(a, v - 1);
      if (before) return make('according-to', before, m, cue);
    }
    return afterSpan ? make('according-to', afterSpan, m, cue) : undefined;
  }

  /**
   * Session 13: the source in "X quoted/cited SOURCE as saying": the noun phrase between the verb and `as` (at `asAt`),
   * within the clause from `a`; undefined when the phrase is not there.
   */
  function quotedAs(asAt: number, a: number): Mention | undefined {
    for (let q = asAt - 1; q >= a && asAt - q <= 30; q--) {
      if (!/^(quote|cite)$/.test(toks[q].lemma.toLowerCase()) && !/^(quoted|cited)$/.test(toks[q].lower)) continue;
      if (q + 1 > asAt - 1) return undefined;
      const m = subjectAfter(toks, q, asAt - 1);
      return m && toks[m.last + 1] && m.last + 1 <= asAt ? m : undefined;
    }
    return undefined;
  }

  /**
   * Session 18: "The Island Council Resolution No. 12/4, adopted on 3 May 2014, clearly states that …": a
   * numbered or dated document of a named body opens the clause, and only its number, participle phrases ("adopted
   * on …", "supported by …") and adverbs stand before the verb. The body speaks.
   */
  function resolutionSubject(a: number, v: number): Mention | undefined {
    let j = a;
    while (j < v && (toks[j].pos === 'DET' || /^\d+$/.test(toks[j].text))) j++;
    let f = j;
    while (j < v && toks[j].pos === 'PROPN' && /^\p{Lu}/u.test(toks[j].text) && !RESOLUTION_WORDS.test(toks[j].lower)) j++;
    if (j === f || j >= v || !RESOLUTION_WORDS.test(toks[j].lower) || !/^\p{Lu}/u.test(toks[j].text)) return undefined;
    const owner = classify(toks, f, j - 1);
    if (owner.type !== 'name') return undefined;
    for (let k = j + 1; k < v; k++) {
      const t = toks[k];
      if (t.pos === 'VERB' && /ed$/.test(t.lower) && toks[k + 1]?.pos === 'ADP') continue;
      if (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'PRON' || t.pos === 'SCONJ' || /^(that|which|who)$/.test(t.lower)) return undefined;
    }
    return { ...owner, last: j };
  }

  function reported(v: number, general = false): Candidate | undefined {
    leadPass = false;
    const c = reportedRule(v, general);
    if (c && leadPass) c.leadUnnamed = true;
    return c;
  }

  function reportedRule(v: number, general = false): Candidate | undefined {
    const [a, b] = clauseBounds(v);
    // Round F: a that-clause that introduces a quote with a colon ends at the colon ("… that CLAUSE: “…”").
    let bThat = b;
    for (let k = v + 1; k < b; k++) if (toks[k].text === ':' && inLongSeg(toks[k + 1].start)) { bThat = k - 1; break; }
    // A participle tagged as a noun keeps its surface form as lemma ("accused"): strip the ending.
    const raw = toks[v].lemma.toLowerCase();
    const lemma = CUE_LEMMAS.has(raw) ? raw : [raw.slice(0, -1), raw.slice(0, -2)].find((l) => CUE_LEMMAS.has(l)) ?? raw;
    const next = toks[v + 1];
    // Round F: "Reporters were told by Ana Berg, the harbour spokeswoman, that …": the agent of a passive speaks.
    if (/^(tell|inform|assure|reassure|remind)$/.test(lemma) && next?.lower === 'by' && /^(was|were|been|being|are|is|get|got)$/.test(toks[v - 1]?.lower ?? '')) {
      const m = subjectAfter(toks, v + 1, b);
      if (!m || m.type !== 'name') return undefined;
      for (let j = m.last + 1; j <= b && j - m.last <= 20; j++) {
        if (toks[j].lower === 'that' && toks[j].pos === 'SCONJ') {
          const content = span(j + 1, b);
          return content && make('indirect', content, m, cueOf(v));
        }
        if (toks[j].pos === 'VERB' && !/(ing|ed)$/.test(toks[j].lower)) break;
      }
      return undefined;
    }
    // Session 17: "As reported by DFRLab, CLAUSE", "CLAUSE, as explained by Ana Berg.": the agent after "by" speaks.
    // (Session 18: an adverb may stand between, "As already explained by Ana Berg, …".)
    const asAt = toks[v - 1]?.pos === 'ADV' && toks[v - 1].lower !== 'as' ? v - 2 : v - 1;
    if (toks[asAt]?.lower === 'as' && next?.lower === 'by' && /(ed|said|written)$/.test(toks[v].lower)) {
      const n = subjectAfter(toks, v + 1, b);
      if (!n || n.type !== 'name') return undefined;
      if (asAt === a && toks[n.last + 1]?.text === ',' && hasVerb(n.last + 2, b)) {
        const rest = span(n.last + 2, b);
        return rest && make('indirect', rest, n, cueOf(v));
      }
      if (asAt - 1 > a && toks[asAt - 1].text === ',' && n.last >= b - 1 && hasVerb(a, asAt - 2)) {
        const before = span(a, asAt - 2);
        return before && make('indirect', before, n, cueOf(v));
      }
      return undefined;
    }
    const asClause = toks[v - 1] && (toks[v - 1].pos === 'PROPN' || toks[v - 1].pos === 'PRON') && subjectBefore(toks, v, a) && toks[(subjectBefore(toks, v, a) as Mention).first - 1]?.lower === 'as';
    if (!asClause && next && ['to', 'for', 'about', 'by', 'with', 'of'].includes(next.lower) && !(next.lower === 'to' && lemma === 'say')) return undefined;
    let m: Mention | undefined;
    let inverted = false;
    let quoted: Mention | undefined;
    if (/ing$/.test(toks[v].lower) && toks[v - 1] && toks[v - 1].pos !== 'AUX') {
      // Only speech participles take the clause subject as speaker; "…, suggesting that …" has the clause itself.
      if (!/^(say|add|claim|insist|note|warn|tell|state|write|argue|explain|stress|deny|allege|announce|declare|tweet)$/.test(lemma) && !nounCue(toks, v)) return undefined;
      // Session 13: 'Harbour Radio quoted Berg as saying that …', 'the Gazette quoted local police as saying …': the one
      // quoted speaks, not the outlet that quotes.
      quoted = toks[v - 1]?.lower === 'as' ? quotedAs(v - 1, a) : undefined;
      // Session 15: "Foreign Minister Ana Berg was reported as saying on Wednesday …": the subject of the passive speaks.
      if (!quoted && toks[v - 1]?.lower === 'as' && /^(quoted|reported|cited)$/.test(toks[v - 2]?.lower ?? '') && /^(was|were|is|are|been)$/.test(toks[v - 3]?.lower ?? '')) {
        let w = v - 3;
        while (w - 1 > a && /^(has|have|had)$/.test(toks[w - 1].lower)) w--;
        const s0 = subjectBefore(toks, w, a);
        if (s0 && s0.type === 'name') quoted = s0;
      }
      // Session 15: '“…,” the agency quoted Ana Berg as saying, adding that …': the one quoted goes on speaking.
      if (!quoted && lemma === 'add' && toks[v - 1]?.text === ',') {
        for (let q = v - 2; q > a && v - q <= 4; q--) {
          if (toks[q].lower === 'saying' && toks[q - 1]?.lower === 'as') {
            quoted = quotedAs(q - 1, a);
            break;
          }
        }
      }
      // Session 15: "CLAUSE, the news agency quoted Major-General Utomo as saying.": the clause before the outlet is
      // what the one quoted said.
      if (quoted && (v === b || FINAL.has(toks[v + 1]?.text ?? ''))) {
        let qv = v - 1;
        while (qv > a && v - qv <= 30 && !/^(quoted|cited)$/.test(toks[qv].lower)) qv--;
        let comma = qv - 1;
        while (comma > a && toks[comma].text !== ',') comma--;
        if (qv > a && comma > a && toks[comma].text === ',' && hasVerb(a, comma - 1)) {
          const content = span(a, comma - 1);
          return content && make('indirect', content, quoted, cueOf(v));
        }
      }
      // '…, saying he …' / 'issued an alert saying that …': the speaker is the subject of the main clause.
      m = quoted ?? clauseSubject(toks, a, v);
      // Session 15: "CLAUSE, OM said, adding that …": the one who said it goes on, not the clause's own subject.
      if (!quoted && toks[v - 1]?.text === ',' && toks[v - 2] && isCue(toks, v - 2) && toks[v - 2].pos === 'VERB') {
        const sayer = subjectBefore(toks, v - 2, a);
        if (sayer && sayer.type === 'name' && toks[sayer.first - 1]?.text === ',') m = sayer;
      }
      // '“…,” said Rick, adding that …': the speaker of the inverted attribution.
      if (!m && isCue(toks, a) && toks[v - 1]?.text === ',') m = subjectAfter(toks, a, v - 2);
      if (m && m.type !== 'name' && m.type !== 'pronoun' && m.type !== 'title' && !quoted) m = undefined;
    } else {
      m = subjectBefore(toks, v, a) ?? resolutionSubject(a, v);
      // Session 19: a headline subject the tagger left without a noun head ("Texas teen says …", "teen" read as an
      // adjective): up to four name, noun and adjective words from the headline's start, the last in lower case, are an
      // unnamed subject (resolved later to the article's main speaker, as "Student says …").
      if (!m && headlineSpeechVerb(v) && v > a && v - a <= 4 && toks.slice(a, v).every((t) => ['PROPN', 'NOUN', 'ADJ'].includes(t.pos)) && /^\p{Ll}/u.test(toks[v - 1].text)) {
        m = { first: a, last: v - 1, type: 'generic', kind: 'person', head: toks[v - 1].lower };
      }
      // Session 15: "Interfax, quoting press secretary Ola Berg, said …": the one quoted speaks, not the outlet.
      if (m && toks[v - 1]?.text === ',') {
        const q = toks.slice(a, v).findIndex((t) => /^(quoting|citing)$/.test(t.lower)) + a;
        const quotedName = q > a && toks[q - 1].text === ',' ? subjectAfter(toks, q, v - 2) : undefined;
        if (quotedName && quotedName.type === 'name' && quotedName.kind !== 'org') m = quotedName;
      }
      // 'Manafort called the story “…” and said he …': the clause runs over the quote, so look from the sentence start.
      if (!m && v - 1 === a && /^(and|but)$/.test(toks[a].lower) && a > 0 && inSeg(toks[a - 1].start)) {
        let s0 = a - 1;
        while (s0 - 1 >= 0 && toks[s0 - 1].sentence === toks[v].sentence) s0--;
        const cs = clauseSubject(toks, s0, a);
        if (cs && cs.type === 'name' && !inSeg(toks[cs.first].start)) m = cs;
      }
      if (!m && v - 1 >= a && toks[v - 1].text === ',' && !ADDRESSEE_CUES.has(lemma)) {
        m = subjectAfter(toks, v, b);
        if (m?.type === 'pronoun') m = undefined;
        inverted = !!m;
      }
      // Session 17: "CLAIM - claims Igor Druz from …", "CLAIM – says Ana Berg.": a spaced dash stands for the comma, and
      // only before a name that ends the sentence (a dash inside a sentence opens too many other things).
      if (!m && v - 1 > a && DASH_BREAK.test(toks[v - 1].text) && toks[v - 2].end < toks[v - 1].start && !ADDRESSEE_CUES.has(lemma)) {
        const n = subjectAfter(toks, v, b);
        if (n && n.type === 'name' && (n.last === b || /^[,(]$/.test(toks[n.last + 1]?.text ?? '') || toks[n.last + 1]?.lower === 'from')) {
          m = n;
          inverted = true;
        }
      }
    }
    if (!m) return undefined;
    // Round I: a verb outside the cue list speaks only for a named, titled or he/she/they subject ("It seems that" is no speaker).
    // Titles stay out too ("the judge ruled" resolves badly), and so does an indefinite "A Virginia court ruled".
    if (general && (m.type === 'generic' || m.type === 'title' || /^(a|an)$/.test(toks[m.first].lower) || (m.type === 'pronoun' && !/^(he|she|they)$/.test(toks[m.first].lower)))) return undefined;
    const cue = cueOf(v);
    // Unnamed speakers ("Two other women told HuffPost that …") count only with an explicit that-clause or colon.
    // ("quoted local police as saying …" names its unnamed source plainly: the clause needs no "that".)
    const anonymous = m.type === 'generic' && !quoted;
    if (anonymous && inverted) return undefined;
    if (inverted) {
      const content = span(a, v - 2);
      // (Round F: a gerund after a preposition is no clause: "In returning to the port, noted the mayor, …".)
      const finite = toks.slice(a, v - 1).some((t, k) => (t.pos === 'VERB' || t.pos === 'AUX') && !(/ing$/.test(t.lower) && toks[a + k - 1]?.pos === 'ADP'));
      if (content && finite) return make('indirect', content, m, cue);
      // Round D: "Still, noted the mayor, the roads will …": the clause follows the inverted cue.
      if (toks[m.last + 1]?.text === ',' && v - 1 - a <= 3 && hasVerb(m.last + 2, b)) {
        const rest = span(m.last + 2, b);
        return rest && make('indirect', rest, m, cue);
      }
      return undefined;
    }
    // "As Olsen noted, CLAUSE"
    if (toks[m.first - 1]?.lower === 'as') {
      let j = v + 1;
      while (j <= b && j - v <= 6 && toks[j].text !== ',') j++;
      if (toks[j]?.text === ',') {
        const content = span(j + 1, b);
        return content && make('indirect', content, m, cue);
      }
    }
    // Session 22: "revealed the fact that …", "made the extraordinary claim that …".
    // (This shortcut needs a named subject: with a he/she, "she then details the fact that …", it was wrong more often
    // than right. A he/she that "made the claim that …" still reaches the that-clause through the loop below.)
    const stance = m.type === 'name' ? stanceThat(toks, v) : undefined;
    if (stance !== undefined && !trailingCue(v, b)) {
      const content = span(stance + 1, stance < bThat ? bThat : b);
      if (content) return make('indirect', content, m, cue);
    }
    // (a) "said [in August / to reporters] that …", (b) "said:"
    let skip = 0;
    for (let j = v + 1; j <= Math.min(b, v + 20 + skip); j++) {
      const t = toks[j];
      // Round J: 'said in July (at about the time the letter was sent) that …': a parenthesis is an aside, skipped whole.
      if (t.text === '(') {
        let c = j + 1;
        while (c <= b && c - j <= 30 && toks[c].text !== ')' && toks[c].text !== '(') c++;
        if (c <= b && toks[c].text === ')') {
          skip += c - j + 1;
          j = c;
          continue;
        }
      }
      // Beyond 12 tokens only a verbless adjunct may stand before "that".
      if (j - skip > v + 12 && t.lower !== 'that' && !['ADP', 'DET', 'PROPN', 'NOUN', 'ADJ', 'PART', 'NUM', 'CCONJ'].includes(t.pos) && t.text !== ',') break;
      if (/^(despite|because|although|though|fact|so|such|given|while|whereas|after|before|since|if|when)$/.test(t.lower)) {
        // Round H: "said after court that …", "said before the vote that …": a short time adjunct, not a clause.
        let k = j + 1;
        while (k <= b && k - j <= 4 && ['DET', 'NOUN', 'PROPN', 'NUM', 'ADJ'].includes(toks[k].pos)) k++;
        if (!/^(after|before|since)$/.test(t.lower) || k === j + 1 || toks[k]?.lower !== 'that' || toks[k].pos !== 'SCONJ') break;
        j = k - 1;
        continue;
      }
      if (t.lower === 'that' && (t.pos === 'SCONJ' || t.pos === 'DET' || t.pos === 'PRON')) {
        const content = span(j + 1, j < bThat ? bThat : b);
        // "The BBC adds that the WHO said …": the inner, named speaker is the one reported.
        if (content && /^(add|report|note|write)$/.test(lemma) && innerNamedCue(j + 1, b)) return undefined;
        // Round F: "Berg reminded them that …, she said.": the sentence is what the trailing speaker said.
        if (content && trailingCue(v, b)) return undefined;
        // "… examined the sailor that week.": a demonstrative "that" near the end starts no clause.
        if (content) return make('indirect', content, m, cue);
        if (t.pos !== 'DET') return undefined;
      }
      if (t.text === ':' && j <= v + 4) {
        const content = span(j + 1, b);
        return content && make('colon', content, m, cue);
      }
      if (t.pos === 'AUX' || FINAL.has(t.text) || t.text === ';' || (t.pos === 'VERB' && isCue(toks, j))) break;
    }
    // A headline's generic subject ("Student says …") is resolved later to the article's main speaker.
    if (anonymous && toks[v].start >= headEnd) {
      // Session 14: "…, a mission official said on Wednesday." in the lead, when the next sentence names that source
      // ("Ola Berg, the embassy spokesman, said …"): kept for now, resolved or dropped after the speakers are known.
      const kind = toks[v].sentence === leadSentence ? leadHeadKind(m) : undefined;
      if (!kind || !nextSentenceNames(kind, m)) return undefined;
      leadPass = true;
    }
    // Round D: "X has accused the council of hiding …": the charge after "of" is what X claims.
    if (/^(accuse|charge)$/.test(lemma)) {
      for (let j = v + 1; j <= b && j - v <= 8; j++) {
        if (toks[j].lower === 'of' && j > v + 1) {
          const g = toks[j + 1]?.pos === 'ADV' ? j + 2 : j + 1;
          const content = /ing$/.test(toks[g]?.lower ?? '') ? span(j + 1, b) : undefined;
          return content && make('indirect', content, m, cue);
        }
        if (!['DET', 'PROPN', 'NOUN', 'ADJ', 'PRON', 'PART', 'PUNCT'].includes(toks[j].pos)) break;
      }
    }
    // (e) "told reporters the crisis had yet to peak": skip the addressee, then a clause with a finite verb.
    // (Round F: also "informed the committee he was …", "assured voters the port …".)
    // Session 15: "CLAUSE, Schutte told a news conference on Monday.": a verbless addressee up to the clause's end
    // opens no clause; the trailing attribution below reports the clause before it.
    // (The addressee is one noun phrase, a name or a listener word, "reporters", "a news conference", then only
    // prepositional phrases: not "told reporters the DKBA, which …", nor "told the truth".)
    let tail = v + 1;
    while (lemma === 'tell' && tail <= b && ['DET', 'ADJ', 'NOUN', 'PROPN'].includes(toks[tail].pos) &&
      !(tail > v + 1 && (toks[tail].pos === 'DET' || (toks[tail].pos === 'PROPN' && toks[tail - 1].pos === 'NOUN')))) tail++;
    const listener = tail > v + 1 && (toks[tail - 1].pos === 'PROPN' || ADDRESSEE_NOUNS.test(toks[tail - 1].lower) || /^(meeting|rally|gathering|newspaper|agency|radio|television|doctors|police)$/.test(toks[tail - 1].lower));
    while (listener && tail <= b && toks[tail].pos === 'ADP') {
      tail++;
      while (tail <= b && ['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'].includes(toks[tail].pos)) tail++;
    }
    const trailingTell = lemma === 'tell' && listener && (tail > b || /^[,.]$/.test(toks[tail].text)) && toks[m.first - 1]?.text === ',';
    if (/^(tell|inform|assure|reassure|remind)$/.test(lemma) && !trailingTell) {
      let k = v + 1;
      let skipped = 0;
      while (k <= b && k - v - skipped <= 6) {
        const t = toks[k];
        // Session 15: "told a news conference in Chicago on Tuesday he had …": place and time phrases after the
        // addressee are skipped (a preposition with a capitalised name or a weekday).
        if (k > v + 1 && t.pos === 'ADP' && /^(in|on|at)$/.test(t.lower) && toks[k + 1] && /^\p{Lu}/u.test(toks[k + 1].text) && toks[k + 1].pos === 'PROPN') {
          const k0 = k;
          k += 2;
          while (k <= b && toks[k].pos === 'PROPN' && /^\p{Lu}/u.test(toks[k].text) && !/^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(toks[k - 1].lower)) k++;
          if (k > b) return undefined;
          skipped += k - k0;
          continue;
        }
        if (k > v + 1 && (t.pos === 'DET' || (t.pos === 'PRON' && !/^(us|me|them|him|her)$/.test(t.lower)))) break;
        // Session 16: after a listener noun, "told reporters surveillance of the border has …" (a lower-case noun) and
        // "told state radio her ministry had …" (a possessive before a noun) open the clause.
        const heard = /^(reporters|journalists|radio|television|parliament|shareholders)$/.test(toks[k - 1].lower);
        if (k > v + 1 && heard && /^\p{Ll}/u.test(t.text) && (['NOUN', 'ADJ', 'NUM'].includes(t.pos) || (/^(his|her|its|their)$/.test(t.lower) && toks[k + 1]?.pos === 'NOUN'))) break;
        // Round F: "told reporters Berg had …": a capitalised name after a lower-case addressee opens the clause.
        if (k > v + 1 && t.pos === 'PROPN' && /^\p{Lu}/u.test(t.text) && /^\p{Ll}/u.test(toks[k - 1].text) && toks[k - 1].pos === 'NOUN') break;
        if (!['DET', 'PROPN', 'NOUN', 'ADJ', 'PRON'].includes(t.pos) && !/^['’]s$/.test(t.lower)) return undefined;
        k++;
      }
      if (k === v + 1 || k > b || k - v - skipped > 6) return undefined;
      // (Session 15: a 12-token window, like the other that-less clauses: "told a news conference the strike by more
      // than half of the controllers would …".)
      const early = toks.slice(k, Math.min(b, k + CLAUSE_VERB_WINDOW) + 1);
      const firstVerb = early.findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX');
      // (Session 15: "told reporters a court order not to talk about his case kept him from …": an infinitive inside the
      // clause's subject, as after "said".)
      if ((firstVerb > 0 && (early[firstVerb - 1].lower !== 'to' || finiteAfterInfinitive('say', early, firstVerb))) || (firstVerb < 0 && longSubjectVerb(toks.slice(k, b + 1), k))) {
        const content = span(k, b);
        return content && make('indirect', content, m, cue);
      }
      return undefined;
    }
    // Round I: "Cruz described how the abuse …", "Berg pointed out how …": a how-clause after a verb of telling is
    // reported speech (weak cues included: the "how" marks the clause, as "that" does).
    if (!general && /^(describe|detail|explain|recount|recall|point|mention|tell|reveal|note|write)$/.test(lemma)) {
      const h = toks[v + 1]?.lower === 'out' ? v + 2 : v + 1;
      if (toks[h]?.lower === 'how' && h < b && hasVerb(h + 1, b) && m.type !== 'generic') {
        const content = span(h + 1, b);
        if (content && toks.slice(h + 1, b + 1).filter(isWord).length >= 4) return make('indirect', content, m, cue);
      }
    }
    // "…, the Cincinnati Enquirer reported [Wednesday].": a named source after the clause reports it.
    if (general || (WEAK_CUES.has(lemma) && !(/^(report|write)$/.test(lemma) && m.type === 'name'))) return undefined;
    // (d) "the official said [on Thursday] she would …": a clause right after the verb.
    let k = afterTimeWords(v + 1);
    // "said in a radio interview on Monday night some residents had …": up to two short adjuncts.
    for (let n = 0; n < 2 && k <= b && /^(in|on|at|during|from|via|through|after)$/.test(toks[k].lower); n++) {
      let e = k + 1;
      const weekday = (t: Tok) => /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(t.lower);
      // A weekday ends the adjunct unless a time of day follows ("on Tuesday evening").
      while (e <= b && e - k <= 5 && ['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'].includes(toks[e].pos)) {
        e++;
        if (weekday(toks[e - 1])) {
          if (/^(morning|afternoon|evening|night)$/.test(toks[e]?.lower ?? '')) e++;
          break;
        }
      }
      if (e === k + 1 || e - k > 5) break;
      k = e;
    }
    // 'suggested “rogue killers,” not …, may have …': the clause may open with a quotation mark.
    if (k <= b && /^[“"]$/.test(toks[k].text)) k++;
    const next2 = k <= b ? toks[k] : undefined;
    // "said on Thursday it has …", "said there were …", "says none of …": pronoun-like clause starts.
    const clauseStart = next2 && ((['it', 'there'].includes(next2.lower) && ['AUX', 'VERB'].includes(toks[k + 1]?.pos ?? '')) || (next2.lower === 'none' && toks[k + 1]?.lower === 'of'));
    if (CLAUSE_CUES.has(lemma) && next2 && k > v + 1 && (clauseStart || (['PRON', 'DET', 'PROPN', 'NOUN', 'NUM', 'ADJ'].includes(next2.pos) && !NOT_CLAUSE.has(next2.lower)))) {
      const rest = toks.slice(k, b + 1);
      const early = rest.slice(0, CLAUSE_VERB_WINDOW);
      const firstVerb = early.findIndex((t, n) => t.pos === 'VERB' || t.pos === 'AUX' || edAfterNoun(t, early[n - 1]));
      const verbFound = firstVerb > 0 && (early[firstVerb - 1].lower !== 'to' || finiteAfterInfinitive(lemma, early, firstVerb)) && !attributionAfterComma(k, firstVerb);
      if ((verbFound || (firstVerb < 0 && longSubjectVerb(rest, k))) && rest.filter(isWord).length >= minClauseWords(k)) {
        // (Session 16: like a that-clause, it ends at a colon that introduces a quote.)
        const content = span(k, bThat);
        return content && make('indirect', content, m, cue);
      }
    }
    const thereNone = next && ((next.lower === 'there' && ['AUX', 'VERB'].includes(toks[v + 2]?.pos ?? '')) || (next.lower === 'none' && toks[v + 2]?.lower === 'of'));
    // (Session 13: "…, the Port Authority said Friday, as fuel prices rose …": a time word after the cue is
    // no clause subject; the clause after a time word was tried above.)
    const timeWord = afterTimeWords(v + 1) > v + 1;
    // Session 15: "He said only the removal of the government could …": a focus adverb before the clause's subject.
    const focusStart = next && /^(only|even|just|perhaps|probably|possibly|almost|nearly|about|some|most|all)$/.test(next.lower) && next.pos === 'ADV' &&
      ['DET', 'NOUN', 'PROPN', 'NUM', 'PRON'].includes(toks[v + 2]?.pos ?? '');
    // Session 15: "Levy said seeking protection was not …": a gerund subject, when a finite verb follows it.
    const gerundSubject = next && next.pos === 'VERB' && /ing$/.test(next.lower) && toks.slice(v + 2, Math.min(b, v + CLAUSE_VERB_WINDOW) + 1).some((t) => t.pos === 'AUX' || (t.pos === 'VERB' && !/ing$/.test(t.lower)));
    if (CLAUSE_CUES.has(lemma) && next && !timeWord && (thereNone || gerundSubject || focusStart || (['PRON', 'DET', 'PROPN', 'NOUN', 'NUM', 'ADJ'].includes(next.pos) &&
      (!NOT_CLAUSE.has(next.lower) || (/^(it|this)$/.test(next.lower) && ['AUX', 'VERB'].includes(toks[v + 2]?.pos ?? '')))))) {
      const rest = toks.slice(v + 1, b + 1);
      const early = rest.slice(0, CLAUSE_VERB_WINDOW);
      // "warned its citizens to be vigilant" is a request, not a reported statement.
      const firstVerb = early.findIndex((t, n) => t.pos === 'VERB' || t.pos === 'AUX' || edAfterNoun(t, early[n - 1]));
      const infinitive = firstVerb > 0 && early[firstVerb - 1].lower === 'to' && !finiteAfterInfinitive(lemma, early, firstVerb);
      const finite = (firstVerb >= 0 && !attributionAfterComma(v + 1, firstVerb)) || longSubjectVerb(rest, v + 1);
      // Session 13: "Pell added an RBI single in the ninth and had four runs", "Harbour Land added 12p": after add/claim
      // an indefinite or a number opens an object, and a verb after "and"/"as" is the subject's own next verb, not a
      // clause's.
      const objectNotClause = /^(add|claim)$/.test(lemma) && (/^(a|an)$/.test(next.lower) || next.pos === 'NUM' ||
        (firstVerb > 0 && early.slice(0, firstVerb).some((t) => /^(and|as|while|but)$/.test(t.lower))));
      // Session 19: headlines drop the copula ("Student says bullying still an issue on the ferry"): what follows a
      // headline's says/admits is the claim.
      // (Only for an unnamed subject: "China says time right for talks" stays out, as wire labellers leave headlines out.)
      const headlineClause = headlineSpeechVerb(v) && m.type !== 'name' && m.type !== 'pronoun' && rest.filter(isWord).length >= 4;
      if (((!infinitive && !objectNotClause && (finite || lemma === 'accuse')) || headlineClause) && rest.filter(isWord).length >= minClauseWords(v + 1)) {
        const content = span(v + 1, bThat);
        return content && make('indirect', content, m, cue);
      }
    }
    // Round F: "denied there were …", "admitted it had …": "there"/"it" + verb right after any strong cue opens a clause.
    if (!CLAUSE_CUES.has(lemma) && next && /^(there|it)$/.test(next.lower) && ['AUX', 'VERB'].includes(toks[v + 2]?.pos ?? '') && toks.slice(v + 1, b + 1).filter(isWord).length >= 4) {
      const content = span(v + 1, b);
      return content && make('indirect', content, m, cue);
    }
    // Round I: any strong cue + a subject pronoun + a verb opens a clause without "that" ("announced he was",
    // "revealed she wrote", "acknowledged they could"): he/she/we/they/I are never objects, so this is a clause.
    if (!CLAUSE_CUES.has(lemma) && next2 && /^(he|she|they|we|i)$/.test(next2.lower) && ['AUX', 'VERB'].includes(toks[k + 1]?.pos ?? '') && toks.slice(k, b + 1).filter(isWord).length >= 4) {
      const content = span(k, b);
      return content && make('indirect', content, m, cue);
    }
    // (c) "…, X said [during a meeting]." or "…, he added, …"
    const mf = m.first;
    const after = toks[v + 1];
    const bare = trailingTell || !after || v + 1 > b || after.text === ',' || ['ADP', 'ADV', 'PROPN'].includes(after.pos) || /^(yesterday|today|tonight|earlier|later)$/.test(after.lower);
    const parenthetical = after?.text === ',';
    // '… were “direct and candid,” Nauert said': the comma may sit inside a closing mark.
    // (Session 18: a spaced dash stands for that comma before a name whose verb ends the sentence, "CLAIM - separatist
    // leader Ana Berg says.")
    const dashBefore = !parenthetical && m.type === 'name' && DASH_BREAK.test(toks[mf - 1]?.text ?? '') && (toks[mf - 2]?.end ?? 0) < toks[mf - 1].start &&
      (v === b || FINAL.has(toks[v + 1]?.text ?? ''));
    const commaBefore = toks[mf - 1]?.text === ',' || (/^[”"’]$/.test(toks[mf - 1]?.text ?? '') && toks[mf - 2]?.text === ',') || dashBefore;
    // (Round D: a parenthetical may follow a single word, "Tourism, Lund explained, has doubled …".)
    if (bare && mf - 1 >= a + (parenthetical ? 1 : 2) && commaBefore && (hasVerb(a, mf - 2) || (parenthetical && hasVerb(v + 2, b)))) {
      // Session 13: "X said that …, Interfax news agency said.": the outlet passes on X's words (the inner clause is X's).
      if (outletMention(m) && namedCueIn(a, mf - 2)) return undefined;
      let j = v + 1;
      while (j <= b && toks[j].text !== ',') j++;
      // (Session 13: "…, the Port Authority said Friday, as fuel prices rose": a clause after the attribution that opens
      // with a subordinator is the reporter's, not part of what was said.)
      const tail = j <= b && /^(as|while|when|after|before|because|since|although|though|whereas)$/.test(toks[j + 1]?.lower ?? '') && hasVerb(a, mf - 2);
      const content = j > b || tail ? span(a, mf - 2) : span(a, b);
      return content && make('indirect', content, m, cue);
    }
    return undefined;
  }

  /**
   * Session 15: a long subject noun phrase before the clause's verb, past the 12-token window ("said the church in the
   * small village of Karin, 30 km (19 miles) north of Zadar, was destroyed"): within 24 tokens, only noun-phrase words,
   * commas and brackets before a finite verb.
   */
  function longSubjectVerb(rest: Tok[], from: number): boolean {
    if (!['DET', 'PROPN', 'NOUN', 'NUM'].includes(rest[0]?.pos ?? '')) return false;
    for (let n = 1; n < Math.min(rest.length, 24); n++) {
      const t = rest[n];
      // Session 16: a relative clause between commas inside the subject ("three meetings on Hong Kong's budget, which
      // will span the transition, had gone smoothly"): skipped to its closing comma.
      if (t.text === ',' && /^(which|who)$/.test(rest[n + 1]?.lower ?? '')) {
        const close = rest.findIndex((x, j) => j > n + 2 && x.text === ',');
        if (close < 0 || close > 30) return false;
        n = close;
        continue;
      }
      if (t.pos === 'AUX' || (t.pos === 'VERB' && !/ing$/.test(t.lower))) return rest[n - 1].lower !== 'to' && !attributionAfterComma(from, n);
      // (A possessive "'s" belongs to the noun phrase too.)
      if (!['DET', 'NOUN', 'PROPN', 'NUM', 'ADJ', 'ADP', 'ADV', 'CCONJ'].includes(t.pos) && !/^([,()]|['’]s?)$/.test(t.text)) return false;
    }
    return false;
  }

  /**
   * Session 15: the first verb after the cue is a trailing attribution, not the clause's ("wanted to maintain
   * “friendship” with Moscow, official Iraqi newspapers said"): a speech verb after a comma.
   */
  function attributionAfterComma(from: number, n: number): boolean {
    return isCue(toks, from + n) && toks.slice(from, from + n).some((t) => t.text === ',');
  }

  /**
   * Fewest words a that-less clause needs. Four keeps out fragments; three is a whole clause when it opens with a
   * capitalised name or a subject pronoun and a verb ("said Beijing was overreacting", session 15).
   */
  function minClauseWords(k: number): number {
    const s = toks[k];
    const subject = (s.pos === 'PROPN' && /^\p{Lu}/u.test(s.text)) || /^(he|she|they|we|i|it)$/.test(s.lower);
    return subject && ['AUX', 'VERB'].includes(toks[k + 1]?.pos ?? '') ? 3 : 4;
  }

  /** A strong cue with a named subject and a that-clause right after it (time words skipped) within tokens [i, j]. */
  function namedCueIn(i: number, j: number): boolean {
    for (let k = i; k <= j; k++) {
      if (toks[k].pos !== 'VERB' || inSeg(toks[k].start) || !isCue(toks, k) || WEAK_CUES.has(toks[k].lemma.toLowerCase())) continue;
      const sm = subjectBefore(toks, k, i);
      if (!sm || sm.type !== 'name' || outletMention(sm)) continue;
      let t = afterTimeWords(k + 1);
      if (toks[t]?.lower === 'that' && t <= j) return true;
      // Session 15: a that-less clause counts too ("King Ola has told Tarnby his nation will …, the China Daily said";
      // "Berg said the port would …, Interfax said"): past a short addressee of "tell", a subject and a finite verb.
      const lemma = toks[k].lemma.toLowerCase();
      if (lemma === 'tell') {
        const a0 = t;
        while (t <= j && t - a0 < 3 && (toks[t].pos === 'PROPN' || /^(reporters|journalists|him|her|them|us|me)$/.test(toks[t].lower))) t++;
        if (t === a0) continue;
      } else if (lemma !== 'say') continue;
      if (t > j || !/^(PRON|DET|PROPN|NOUN)$/.test(toks[t].pos) || NOT_CLAUSE.has(toks[t].lower)) continue;
      for (let n = t + 1; n <= j && n - t <= CLAUSE_VERB_WINDOW; n++) {
        if (toks[n].pos === 'AUX' || (toks[n].pos === 'VERB' && !/ing$/.test(toks[n].lower) && toks[n - 1].lower !== 'to')) return true;
        if (toks[n].text === ',' || toks[n].lower === 'that') break;
      }
    }
    return false;
  }

  /** Token k, or the token after a time word there ("on Monday", "last year", "yesterday", "also"). */
  function afterTimeWords(k: number): number {
    if (/^(on|last|this|earlier|late|early)$/.test(toks[k]?.lower ?? '') && /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|morning|evening|night)$/.test(toks[k + 1]?.lower ?? '')) return k + 2;
    if (/^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|earlier|later|again|also)$/.test(toks[k]?.lower ?? '')) return k + 1;
    return k;
  }

  /**
   * Session 12: a relaxed reported-speech candidate at verb v (any verb with a subject before it and a clause after
   * it), scored by the learned detector; a Candidate when the model keeps it. Every candidate goes to `onClause`.
   */
  function learnedClause(v: number, ruleTried: boolean): Candidate | undefined {
    const t = toks[v];
    const lemma = t.lemma.toLowerCase();
    if (t.pos !== 'VERB' || /^(be|have|do|get|make|go|come|take|give|let|keep|seem|appear)$/.test(lemma) || QUOTE_ONLY_CUES.has(lemma)) return undefined;
    const [a, b] = clauseBounds(v);
    if (b - v < 4) return undefined;
    const participle = /ing$/.test(t.lower) && toks[v - 1]?.pos !== 'AUX';
    const m = participle ? clauseSubject(toks, a, v) : subjectBefore(toks, v, a);
    if (!m) return undefined;
    let k = v + 1;
    if (/^(out|up|back)$/.test(toks[k]?.lower ?? '') && toks[k].pos !== 'NOUN') k++;
    let form: ClauseCandidateInfo['form'] = 'bare';
    for (let j = k; j <= Math.min(b, k + 8); j++) {
      const x = toks[j];
      if (x.lower === 'that' && x.pos === 'SCONJ') {
        form = j === k ? 'that' : 'gap-that';
        k = j + 1;
        break;
      }
      if (x.text === ':' && j <= k + 2) {
        form = 'colon';
        k = j + 1;
        break;
      }
      if (x.pos === 'VERB' || x.pos === 'AUX' || FINAL.has(x.text) || x.text === ';') break;
    }
    if (form === 'bare') {
      // A time word may stand between the verb and the clause ("ruled last year she had …").
      k = afterTimeWords(k);
      const x = toks[k];
      if (!x || k > b || !['PRON', 'DET', 'PROPN', 'NOUN', 'NUM', 'ADJ'].includes(x.pos)) return undefined;
      if (/^(him|her|them|us|me|himself|herself|themselves|itself|myself|ourselves|what|how|why|so|more|most|much|nothing|something|anything|goodbye|thanks|hello|yes)$/.test(x.lower)) return undefined;
      // Without "that", only a clause shape counts: a short subject, then at once a finite verb ("ruled she had …",
      // "said no date had been …"); an object noun phrase with a relative clause or participle after it is no clause
      // ("explained more about X, who …", "tweeted a warning, tipping off …").
      const near = toks.slice(k, Math.min(b, k + 6) + 1);
      const fv = near.findIndex((y, n) => y.pos === 'VERB' || y.pos === 'AUX' || edAfterNoun(y, near[n - 1]));
      if (fv <= 0 || /^(to|,)$/.test(near[fv - 1].lower) || /ing$/.test(near[fv].lower) || !['NOUN', 'PROPN', 'PRON', 'NUM', 'ADJ', 'ADV', 'PART'].includes(near[fv - 1].pos)) return undefined;
      if (near.slice(0, fv).some((y) => /^(which|who|whom|whose|that|where|when|,|;|and|or)$/.test(y.lower))) return undefined;
    }
    const content = span(k, b);
    if (!content || content.end <= content.start) return undefined;
    // The shape of the clause: its first verb, and what stands before it (a subject, or a relative pronoun or comma).
    const early = toks.slice(k, Math.min(b, k + CLAUSE_VERB_WINDOW - 1) + 1);
    const fv = early.findIndex((y, n) => y.pos === 'VERB' || y.pos === 'AUX' || edAfterNoun(y, early[n - 1]));
    // Nothing already found may overlap it (a quote, an earlier reported clause).
    if (cands.some((o) => !o.dropped && o.content.start < content.end && o.content.end > content.start)) return undefined;
    let s0 = a;
    while (s0 < m.first && !/^(that|whether|if|who|which)$/.test(toks[s0].lower)) s0++;
    const info: ClauseCandidateInfo = {
      lemma,
      word: t.lower,
      cue: isCue(toks, v),
      weak: WEAK_CUES.has(lemma),
      clauseCue: CLAUSE_CUES.has(lemma),
      ruleTried,
      form,
      gap: k - v - 1,
      subjectType: m.type,
      subjectKind: m.kind,
      subjectHead: toks[m.last].lower,
      prev: toks[v - 1]?.lower ?? '',
      prevPos: toks[v - 1]?.pos ?? '',
      first: toks[k].lower,
      firstPos: toks[k].pos,
      words: toks.filter((y) => y.start >= content.start && y.end <= content.end && isWord(y)).length,
      embedded: s0 < m.first,
      headline: t.start < headEnd,
      participle,
      firstVerb: fv < 0 ? undefined : {
        at: fv,
        aux: early[fv].pos === 'AUX',
        ing: /ing$/.test(early[fv].lower),
        afterTo: early[fv - 1]?.lower === 'to',
        prevPos: early[fv - 1]?.pos ?? '',
        relative: early.slice(0, fv).some((y) => /^(which|who|whom|whose|that|where|when|,)$/.test(y.lower)),
      },
    };
    const features = clauseFeatures(info);
    const probability = opts.clauseModel ? clauseProbability(opts.clauseModel, features) : undefined;
    const kept = probability !== undefined && probability >= opts.clauseModel!.threshold;
    opts.onClause?.({ info, features, content, probability, kept });
    if (!kept) return undefined;
    const c = make(form === 'colon' ? 'colon' : 'indirect', content, m, cueOf(v));
    // An unnamed source ("Police said …", "Analysts say …") reports the clause but names no speaker: the resolver
    // would tie it to whatever organisation the article names, which is wrong more often than right.
    if (m.type === 'generic') delete c.mention;
    return c;
  }

  /** Round D: "a call from Ana Berg that the pier …", "a claim by the ministry that …": the named source of the message. */
  function fromSource(v: number): Candidate | undefined {
    if (!/^(call|claim|claims|statement|warning|complaint|message|letter|tweet|post|assertion|allegation|report|email|note)$/.test(toks[v].lower) || toks[v].pos !== 'NOUN') return undefined;
    if (!/^(from|by)$/.test(toks[v + 1]?.lower ?? '')) return undefined;
    const [, b] = clauseBounds(v);
    const m = subjectAfter(toks, v + 1, b);
    if (!m || m.type !== 'name' || toks[m.last + 1]?.lower !== 'that') return undefined;
    const content = span(m.last + 2, b);
    return content && hasVerb(m.last + 2, b) ? make('indirect', content, m, cueOf(v, v + 1)) : undefined;
  }

  /**
   * The sentence ending at token b closes with its own attribution after a comma (", she said."), after cue v.
   * (Session 13: not when that attribution is a news outlet's, "X said that …, Interfax news agency said.": the
   * guideline credits X, whose words the outlet passes on.)
   */
  function trailingCue(v: number, b: number): boolean {
    for (let k = b; k > v + 2 && b - k <= 2; k--) {
      if (toks[k].pos !== 'VERB' || !isCue(toks, k) || WEAK_CUES.has(toks[k].lemma.toLowerCase())) continue;
      const sm = subjectBefore(toks, k, v + 1);
      return !!sm && sm.type !== 'generic' && toks[sm.first - 1]?.text === ',' && sm.last - sm.first <= 4 && !outletMention(sm);
    }
    return false;
  }

  /** Session 13: a named news outlet ("Interfax news agency", "the Hong Kong Standard", "Reuters"). */
  function outletMention(m: Mention): boolean {
    if (m.type !== 'name' || m.kind === 'person') return false;
    const name = normName(text.slice(toks[m.first].start, toks[m.last].end));
    return MEDIA_WORD.test(name) || /\b(agency|interfax|tass|xinhua|itar|yonhap|kyodo|anatolian|irna|tanjug)\b/.test(name);
  }

  /**
   * Round M: the owner of a speech noun right before the quote's opening mark at token q0 ("Berg’s report “…”",
   * "Mr. Berg’s cunning response, “…”", "the Guild’s statement that “…”"): a name, with at most two words
   * ("that", "about", a comma or colon) between the noun and the mark and two modifiers before the noun.
   */
  function possessiveSource(q0: number): { mention: Mention; noun: number } | undefined {
    let k = q0 - 1;
    const sent = toks[q0]?.sentence;
    while (k >= 0 && q0 - 1 - k < 2 && /^(,|:|that|about|of|as)$/.test(toks[k].lower)) k--;
    if (k < 1 || toks[k].sentence !== sent || !SPEECH_NOUNS.test(toks[k].lower) || toks[k].pos !== 'NOUN') return undefined;
    const noun = k;
    let o = k - 1;
    // (The tagger reads some adjectives as verbs: "Berg’s blunt/VERB reply".)
    while (o > noun - 3 && o >= 0 && /^\p{Ll}/u.test(toks[o].text) && ['ADJ', 'NOUN', 'VERB'].includes(toks[o].pos)) o--;
    if (o < 1 || !/^['’]s$/.test(toks[o].lower) || toks[o - 1].pos !== 'PROPN' || inSeg(toks[o - 1].start)) return undefined;
    let f = o - 1;
    while (f - 1 >= 0 && toks[f - 1].sentence === sent && o - f < 5 && ((toks[f - 1].pos === 'PROPN' && /^\p{Lu}/u.test(toks[f - 1].text)) || /^(mr|ms|mrs|dr)\.?$/.test(toks[f - 1].lower))) f--;
    const n = classify(toks, f, o - 1);
    return n.type === 'name' && plausibleName(n) ? { mention: n, noun } : undefined;
  }

  /**
   * Round F: "Ana Berg’s claim that …", "his assertion that …": a claim noun owned by a named person (or
   * he/she) followed by a that-clause reports what that person claims. Not inside another reported
   * clause ("… concluded that Berg’s claim that … is credible"), where it is part of someone else's words.
   */
  function possessiveClaim(v: number): Candidate | undefined {
    // Round J: also the copular form, "Berg’s main claim was that …".
    const cop = /^(was|is)$/.test(toks[v + 1]?.lower ?? '') && toks[v + 2]?.lower === 'that' ? 1 : 0;
    if (toks[v].pos !== 'NOUN' || !CLAIM_NOUNS.test(toks[v].lower) || toks[v + 1 + cop]?.lower !== 'that') return undefined;
    const [a, b] = clauseBounds(v);
    let o = v - 1;
    // One adjective may stand between the owner and the noun ("his central claim").
    if (toks[o]?.pos === 'ADJ' && o - 1 >= a) o--;
    if (o < a || toks.slice(a, o).some((t) => /^(that|whether|if)$/.test(t.lower))) return undefined;
    let m: Mention | undefined;
    if (/^(his|her)$/.test(toks[o].lower)) m = { first: o, last: o, type: 'pronoun', kind: 'person' };
    else if (/^['’]s$/.test(toks[o].lower) && o - 1 >= a && toks[o - 1].pos === 'PROPN') {
      let f = o - 1;
      while (f - 1 >= a && (toks[f - 1].pos === 'PROPN' || /^(mr|ms|mrs|dr)\.?$/.test(toks[f - 1].lower))) f--;
      const n = classify(toks, f, o - 1);
      if (n.type === 'name') m = n;
    }
    const c0 = v + 2 + cop;
    if (!m || !hasVerb(c0, b)) return undefined;
    // (The copular form only when the owner opens the clause: "The trouble with Berg’s claim is that …" is the writer's.)
    if (cop && !toks.slice(a, m.first).every((t) => t.pos === 'ADV' || t.pos === 'CCONJ')) return undefined;
    // "Asked about Berg’s claim that …, the mayor said …": the claim is inside someone else's sentence.
    if (toks.slice(c0, b + 1).some((t, k) => t.pos === 'VERB' && !inSeg(t.start) && isCue(toks, c0 + k) && !WEAK_CUES.has(t.lemma.toLowerCase()))) return undefined;
    const content = span(c0, b);
    return content && make('indirect', content, m, cueOf(v, v + 1));
  }

  /** A non-weak cue with a named subject inside tokens [i, j] (outside quotation marks). */
  function innerNamedCue(i: number, j: number): boolean {
    for (let k = i; k <= j; k++) {
      if (inSeg(toks[k].start) || toks[k].pos !== 'VERB' || !isCue(toks, k) || WEAK_CUES.has(toks[k].lemma.toLowerCase())) continue;
      // Session 22: only a cue that itself reports a clause or quote ("the WHO said …", "confirmed that …"); "the Gazette
      // reports that Minister Ana Berg confirmed a case" is the outlet's report.
      if (!CLAUSE_CUES.has(toks[k].lemma.toLowerCase()) && !/^(that|:|,)$/.test(toks[k + 1]?.lower ?? '') && !/[“"]/.test(toks[k + 1]?.text ?? '')) continue;
      const sm = subjectBefore(toks, k, i) ?? (toks[k - 1]?.text === ',' ? subjectAfter(toks, k, j) : undefined);
      if (sm && sm.type === 'name') return true;
    }
    return false;
  }

  /** Session 18: the first token of token k's sentence on k's own line (a paragraph break ends a label's reach). */
  function lineSentenceStart(k: number): number {
    let s0 = k;
    while (s0 - 1 >= 0 && toks[s0 - 1].sentence === toks[k].sentence && lineStart(toks[s0 - 1].start) === lineStart(toks[k].start)) s0--;
    return s0;
  }

  /**
   * Session 18: "Deutsche Welle: Merkel insulted the president.", "Ana Berg, former head of X: CLAUSE." with no
   * quotation marks (case summaries, captions): what the named person or body says. Only where NER tags the label as
   * one PER or ORG entity; only in a text with one such label (more are a transcript's turns, which the quote pass
   * handles); never a question, a title-case line or capitals.
   */
  function colonLabels(): Candidate[] {
    const ents = doc.layers.entities ?? [];
    const out: Candidate[] = [];
    let labels = 0;
    for (let c = 1; c < toks.length; c++) {
      if (toks[c].text !== ':' || used.has(c) || inSeg(toks[c].start)) continue;
      const s0 = lineSentenceStart(c);
      if (c - s0 > 12) continue;
      // The name ends at an appositive comma, a bracket or a preposition ("Putin at the ministry: …").
      let e = s0;
      while (e + 1 < c && !/^[,(]$/.test(toks[e + 1].text) && !/^(at|in|on|to)$/.test(toks[e + 1].text)) e++;
      if (e - s0 > 5 || (e + 1 < c && toks.slice(e + 1, c).some((t) => t.pos === 'VERB' || t.pos === 'AUX'))) continue;
      const first = toks[s0].lower === 'the' ? s0 + 1 : s0;
      const ent = ents.find((x) => x.start === toks[first].start && x.end === toks[e].end && (x.label === 'PER' || x.label === 'ORG'));
      if (!ent) continue;
      const b = clauseBounds(c)[1];
      if (toks[b].text === '?' || toks[b + 1]?.text === '?') continue;
      labels++;
      const labelText = text.slice(toks[s0].start, toks[c].end);
      // (A headline in title case has no lower-case verb: "Trump’s Plan: Put Terrorists in Charge".)
      const lowerVerb = toks.slice(c + 1, b + 1).some((t) => (t.pos === 'VERB' || t.pos === 'AUX') && /^\p{Ll}/u.test(t.text));
      if (labelText === labelText.toUpperCase() || !lowerVerb || capsLine(toks[c].start)) continue;
      if (/^[“"‘']/.test(toks[c + 1]?.text ?? '') || !hasVerb(c + 1, b) || toks.slice(c + 1, b + 1).some((t, k) => inSeg(t.start) || used.has(c + 1 + k))) continue;
      const content = span(c + 1, b);
      const m = classify(toks, first, e);
      if (!content || m.type !== 'name' || cands.some((x) => x.content.start < content.end && x.content.end > content.start)) continue;
      out.push(make('indirect', content, m, cueOf(c)));
    }
    // Two or more named labels are a transcript's turns, which the quote pass handles.
    return labels > 1 ? [] : out;
  }

  /**
   * Session 18: "CLAIM - Ana Berg, member of X." / "CLAIM - first Norland President Ana Berg.": a sentence signed after
   * a spaced dash by a person, with no verb of saying (case summaries). Only a PER entity, at most five role words
   * before it, and nothing with a verb after it; the claim before the dash has a lower-case verb of its own.
   */
  function dashSignatures(): Candidate[] {
    const ents = doc.layers.entities ?? [];
    const out: Candidate[] = [];
    for (let d = 1; d < toks.length - 1; d++) {
      if (!/^[-–—]$/.test(toks[d].text) || used.has(d) || inSeg(toks[d].start)) continue;
      if (!(toks[d - 1].end < toks[d].start && toks[d].end < toks[d + 1].start) || toks[d + 1].sentence !== toks[d].sentence) continue;
      const ent = ents.find((x) => x.label === 'PER' && x.start >= toks[d + 1].start && x.start - toks[d].end <= 60);
      if (!ent) continue;
      const e0 = firstAt(ent.start);
      let e1 = e0;
      while (e1 + 1 < toks.length && toks[e1 + 1].end <= ent.end) e1++;
      if (e0 - d - 1 > 5 || toks.slice(d + 1, e0).some((t) => !['ADJ', 'NOUN', 'PROPN'].includes(t.pos))) continue;
      const b = clauseBounds(e1)[1];
      // After the name only a role: no verb outside brackets ("(a body set up by the Kremlin)"), no second dash (an
      // enumeration, "three bishops – Ana Berg, Ola Lund and … – issued"), and not a description with an article
      // ("— Ana Berg, the worst mayor ever" is the writer's own jibe).
      let depth = 0;
      const tail = toks.slice(e1 + 1, b + 1).filter((t) => (t.text === '(' ? (depth++, false) : t.text === ')' ? (depth--, false) : depth === 0));
      if (b > e1 && (!/^(,|from|\()$/.test(toks[e1 + 1].text) || tail.some((t) => t.pos === 'VERB' || t.pos === 'AUX' || /^[-–—]$/.test(t.text)) ||
        (toks[e1 + 1].text === ',' && /^(the|a|an)$/.test(toks[e1 + 2]?.lower ?? '')))) continue;
      if (toks[d].start < headEnd) continue;
      const s0 = lineSentenceStart(d);
      const claim = toks.slice(s0, d);
      if (claim.some((t, k) => inSeg(t.start) || used.has(s0 + k)) || !claim.some((t) => (t.pos === 'VERB' || t.pos === 'AUX') && !/^\p{Lu}/u.test(t.text))) continue;
      const content = span(s0, d - 1);
      const m = classify(toks, e0, e1);
      if (!content || m.type !== 'name' || cands.some((x) => x.content.start < content.end && x.content.end > content.start)) continue;
      out.push(make('indirect', content, m, cueOf(d)));
    }
    return out;
  }

  function hasVerb(i: number, j: number): boolean {
    return toks.slice(i, j + 1).some((t) => t.pos === 'VERB' || t.pos === 'AUX');
  }
}
