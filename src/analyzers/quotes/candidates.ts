/**
 * Candidate speakers for the quotes the rules found, with the features the learned speaker chooser
 * scores (see chooser.ts). A candidate is a person or organisation of the article: name mentions
 * (capitalised runs from the tokens, plus NER PER/ORG mentions when the entities layer has them)
 * grouped by `sameSpeaker`, plus the rules' own speaker. For each quote we keep the groups named in
 * its sentence, its attribution, the 3 sentences before it, the previous quote's speaker and the
 * article's most-quoted speaker. Features are plain named numbers so the model stays readable.
 */
import type { Doc, Span, TokenSpan } from '../../nlp/doc.js';
import type { Quote } from './types.js';
import { CUE_LEMMAS, GENERIC_NOUNS, ORG_HEADS, TITLE_WORDS } from './lexicon.js';
import { sameSpeaker } from './names.js';
import { firstTokenFrom, headlineEnd } from './find.js';

export type Features = Record<string, number>;

export interface NameMention extends Span {
  name: string;
  /** Token range of the name (titles stripped). */
  first: number;
  last: number;
  sentence: number;
  /** A title word stood before the name ("Sen.", "Mr.", "Prime Minister"). */
  titled: boolean;
  title?: string;
  ner?: string;
  entity?: string;
}

export interface SpeakerGroup {
  /** Longest name among the mentions (the display name). */
  name: string;
  mentions: NameMention[];
  gender?: 'm' | 'f';
  entity?: string;
}

export interface QuoteCandidate {
  group: number;
  /** The mention the features describe (nearest to the quote). */
  mention: Span;
  features: Features;
}

export interface ArticleCandidates {
  groups: SpeakerGroup[];
  /** Per quote (same order as the quotes given): its candidates; index of the rules' group or -1. */
  perQuote: { candidates: QuoteCandidate[]; ruleGroup: number; quoteFeatures: Features }[];
}

const CALENDAR = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|today|yesterday|jan\.?|feb\.?|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?)$/;
const CONNECT = new Set(['of', 'al', 'bin', 'de', 'van', 'von', 'el', 'del', 'da', 'la', 'le', '-', 'for']);
const NOT_NAME = new Set(['i', 'i’m', "i'm", 'mr', 'mrs', 'ms', 'dr', 'read', 'click', 'share', 'follow', 'subscribe', 'related']);

interface Ctx {
  text: string;
  toks: (TokenSpan & { w: string; lower: string })[];
}

function isCap(c: Ctx, i: number): boolean {
  const t = c.toks[i];
  if (!t || !/^\p{Lu}/u.test(t.w) || !/\p{L}/u.test(t.w) || CALENDAR.test(t.lower) || NOT_NAME.has(t.lower.replace(/\.$/, ''))) return false;
  if (t.pos === 'PROPN') return true;
  const prev = c.toks[i - 1];
  const mid = !!prev && prev.sentence === t.sentence && !/^[.!?:“"‘(\-–—]$/.test(prev.w);
  if (mid && ['NOUN', 'ADJ', 'VERB', 'X'].includes(t.pos)) return true;
  return /^\p{Lu}{2,6}$/u.test(t.w);
}

const isTitle = (lower: string) => TITLE_WORDS.has(lower) || TITLE_WORDS.has(lower + '.') || TITLE_WORDS.has(lower.replace(/\.$/, ''));

/** Capitalised name runs ("Foreign Minister Ana Reyes" → "Ana Reyes", "Ministry of Defence"). */
export function nameMentions(doc: Doc): NameMention[] {
  const text = doc.text;
  const toks = (doc.layers.tokens ?? []).map((t) => {
    const w = text.slice(t.start, t.end);
    return { ...t, w, lower: w.toLowerCase() };
  });
  const c: Ctx = { text, toks };
  const out: NameMention[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (!isCap(c, i)) continue;
    let j = i;
    for (;;) {
      if (isCap(c, j + 1) && toks[j + 1].sentence === toks[i].sentence) j++;
      else if (CONNECT.has(toks[j + 1]?.lower ?? '') && (isCap(c, j + 2) || (toks[j + 2]?.lower === 'the' && isCap(c, j + 3)))) j += toks[j + 2].lower === 'the' ? 3 : 2;
      else break;
    }
    let f = i;
    const orgHead = ORG_HEADS.has(toks[j].lower);
    while (!orgHead && f < j && isTitle(toks[f].lower)) f++;
    // A title right before the run ("the senator Ana Reyes", "Mr. Holm") counts as well.
    const before = toks[i - 1];
    const titled = f > i || (!!before && isTitle(before.lower));
    const title = f > i ? toks[f - 1].lower : titled ? before!.lower : undefined;
    if (!(f === j && isTitle(toks[f].lower) && !/^\p{Lu}{2,}$/u.test(toks[f].w))) {
      out.push({ start: toks[f].start, end: toks[j].end, name: text.slice(toks[f].start, toks[j].end), first: f, last: j, sentence: toks[f].sentence, titled, title });
    }
    i = j;
  }
  // NER: label the runs it covers, add the PER/ORG mentions the runs missed.
  const ents = doc.layers.entities ?? [];
  const firstAt = (off: number) => toks.findIndex((t) => t.end > off);
  for (const e of ents) {
    const hit = out.find((m) => m.start < e.end && e.start < m.end);
    if (hit) {
      hit.ner ??= e.label;
      hit.entity ??= e.entity;
    } else if (e.label === 'PER' || e.label === 'ORG') {
      const f = firstAt(e.start);
      let l = f;
      while (toks[l + 1] && toks[l + 1].start < e.end) l++;
      if (f < 0) continue;
      out.push({ start: e.start, end: e.end, name: e.text, first: f, last: l, sentence: toks[f].sentence, titled: !!toks[f - 1] && isTitle(toks[f - 1].lower), ner: e.label, entity: e.entity });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** Group mentions that name the same speaker; a mention joins the most recent matching group. */
export function groupMentions(mentions: NameMention[]): SpeakerGroup[] {
  const groups: SpeakerGroup[] = [];
  for (const m of mentions) {
    let g: SpeakerGroup | undefined;
    for (let k = groups.length - 1; k >= 0 && !g; k--) if (groups[k].mentions.some((x) => sameSpeaker(x.name, m.name))) g = groups[k];
    if (!g) groups.push((g = { name: m.name, mentions: [], entity: m.entity }));
    g.mentions.push(m);
    if (words(m.name) > words(g.name)) g.name = m.name;
    g.entity ??= m.entity;
  }
  return groups;
}

/** Gender the article gives a group: Mr/Ms, then the first he/she after a mention in its sentence (2:1 majority). */
function genders(c: Ctx, groups: SpeakerGroup[], mentionStarts: Set<number>): void {
  for (const g of groups) {
    let m = 0;
    let f = 0;
    for (const x of g.mentions) {
      if (x.title && /^mr\.?$/.test(x.title)) m += 2;
      if (x.title && /^(ms|mrs|miss)\.?$/.test(x.title)) f += 2;
      for (let k = x.last + 1; k < c.toks.length && c.toks[k].sentence === c.toks[x.last].sentence; k++) {
        const l = c.toks[k].lower;
        if (mentionStarts.has(k) || /^(that|who|which|whom)$/.test(l)) break;
        if (/^(he|his|him|himself)$/.test(l)) { m++; break; }
        if (/^(she|her|hers|herself)$/.test(l)) { f++; break; }
      }
    }
    if (m > 0 && m >= 2 * f) g.gender = 'm';
    else if (f > 0 && f >= 2 * m) g.gender = 'f';
  }
}

const attributionPronoun = (text: string, q: Quote): string | undefined => {
  const region = text.slice(q.start, q.content.start) + ' ' + text.slice(q.content.end, q.end);
  const p = /\b(he|she|they|it)\b/i.exec(region);
  return p ? p[1].toLowerCase() : undefined;
};

const dist = (a: Span, b: Span) => (a.end <= b.start ? b.start - a.end : b.end <= a.start ? a.start - b.end : 0);

/**
 * Feature sets: 1 = session 2 (kept so its figures can be reproduced); 2 = round L, adding cues for the quotes the
 * rules leave without a speaker (the nearest attributed quotes before and after, attribution in the next sentence,
 * a colon introduction, first-person content, document words, paragraph distance, share of the article's quotes);
 * 3 = session 10, adding the words themselves: the two words on each side of the quote, the content's first word,
 * the cue lemma, and each candidate's neighbouring words and the first verb after it (a learned model can weigh
 * "so-called" or "told" where a rule would need a list).
 */
export type FeatureSet = 1 | 2 | 3;

/** `only`: build candidates just for these quotes (the others get none) — the shipped chooser needs only unattributed ones. */
export function articleCandidates(doc: Doc, quotes: Quote[], featureSet: FeatureSet = 2, only?: (q: Quote) => boolean): ArticleCandidates {
  const text = doc.text;
  const toks = (doc.layers.tokens ?? []).map((t) => {
    const w = text.slice(t.start, t.end);
    return { ...t, w, lower: w.toLowerCase() };
  });
  const c: Ctx = { text, toks };
  const sentOf = (off: number) => {
    let lo = 0;
    let hi = toks.length - 1;
    if (hi < 0) return 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (toks[mid].start <= off) lo = mid;
      else hi = mid - 1;
    }
    return toks[lo].sentence;
  };
  const tokAt = (off: number) => firstTokenFrom(toks, off);
  // A word as a feature value: lowercased, digits folded, punctuation kept (quotation marks and colons matter).
  const wordAt = (i: number) => (i < 0 || i >= toks.length ? '<none>' : toks[i].lower.replace(/\d/g, '0'));
  const mentions = nameMentions(doc);
  const groups = groupMentions(mentions);
  genders(c, groups, new Set(mentions.map((m) => m.first)));
  const groupOf = new Map<NameMention, number>();
  groups.forEach((g, gi) => g.mentions.forEach((m) => groupOf.set(m, gi)));
  const headEnd = headlineEnd(text);
  // Sentence-initial subjects: a mention among the first 3 tokens of its sentence.
  const sentStartTok = new Map<number, number>();
  toks.forEach((t, i) => { if (!sentStartTok.has(t.sentence)) sentStartTok.set(t.sentence, i); });
  const isSubject = (m: NameMention) => m.first - (sentStartTok.get(m.sentence) ?? m.first) <= 3;
  const cueAfter = (m: NameMention) => {
    for (let k = m.last + 1; k <= m.last + 4 && k < toks.length; k++) {
      const t = toks[k];
      if (t.pos === 'VERB' && CUE_LEMMAS.has((t.lemma ?? t.lower).toLowerCase())) return true;
      if (!['AUX', 'ADV', 'PART'].includes(t.pos) && !/^['’]s$/.test(t.lower)) return false;
    }
    return false;
  };
  const counts = groups.map((g) => g.mentions.length);
  const maxCount = Math.max(0, ...counts);
  const findGroup = (name: string) => {
    for (let k = groups.length - 1; k >= 0; k--) if (sameSpeaker(groups[k].name, name)) return k;
    return -1;
  };
  // The rules' speakers as groups (a speaker with no name mention, e.g. an NER canonical name, gets its own group).
  const ruleGroups = quotes.map((q) => {
    if (!q.speaker) return -1;
    let gi = findGroup(q.speaker.name);
    if (gi < 0) {
      const s = q.speaker.mention;
      const f = Math.max(0, toks.findIndex((t) => t.end > s.start));
      const m: NameMention = { start: s.start, end: s.end, name: q.speaker.name, first: f, last: f, sentence: sentOf(s.start), titled: false };
      groups.push({ name: q.speaker.name, mentions: [m], entity: q.speaker.entity });
      counts.push(1);
      gi = groups.length - 1;
      groupOf.set(m, gi);
    }
    return gi;
  });
  // The article's main rule speaker (most quotes), for headline quotes.
  const quoteCount = new Map<number, number>();
  for (const g of ruleGroups) if (g >= 0) quoteCount.set(g, (quoteCount.get(g) ?? 0) + 1);
  const mainGroup = [...quoteCount.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? -1;

  const order = quotes.map((_, i) => i).sort((a, b) => quotes[a].start - quotes[b].start || a - b);
  const prevRule = new Map<number, number>();
  order.forEach((qi, k) => prevRule.set(qi, k > 0 ? ruleGroups[order[k - 1]] : -1));
  // The nearest ATTRIBUTED quote before and after (the previous quote is often itself unattributed).
  const lastAttr = new Map<number, number>();
  const nextAttr = new Map<number, number>();
  let seen = -1;
  for (const qi of order) {
    lastAttr.set(qi, seen);
    if (ruleGroups[qi] >= 0) seen = qi;
  }
  seen = -1;
  for (const qi of [...order].reverse()) {
    nextAttr.set(qi, seen);
    if (ruleGroups[qi] >= 0) seen = qi;
  }
  const attributed = ruleGroups.filter((g) => g >= 0).length;
  const paraBreaks = (a: number, b: number) => {
    let n = 0;
    for (let k = text.indexOf('\n', Math.min(a, b)); k >= 0 && k < Math.max(a, b); k = text.indexOf('\n', k + 1)) if (/\S/.test(text.slice(k + 1, text.indexOf('\n', k + 1) < 0 ? text.length : text.indexOf('\n', k + 1)))) n++;
    return n;
  };
  const firstParaEnd = (() => {
    let lines = 0;
    for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) if (/\S/.test(text.slice(0, k)) && ++lines >= 2) return k;
    return text.length;
  })();

  const perQuote = quotes.map((q, qi) => {
    if (only && !only(q)) return { candidates: [], ruleGroup: ruleGroups[qi], quoteFeatures: {} };
    const qs = sentOf(q.start);
    const qe = sentOf(Math.max(q.start, q.end - 1));
    const attr: Span[] = [{ start: q.start, end: q.content.start }, { start: q.content.end, end: q.end }];
    const inAttr = (m: Span) => attr.some((a) => m.start >= a.start && m.end <= a.end && a.end > a.start);
    const pron = attributionPronoun(text, q);
    const headlineQuote = q.start < headEnd;
    const rule = ruleGroups[qi];
    const prevG = prevRule.get(qi) ?? -1;
    // Recency: groups ordered by their last mention before the content.
    const recent = new Map<number, number>();
    const lastBefore = groups.map((g) => Math.max(-1, ...g.mentions.filter((m) => m.end <= q.content.start).map((m) => m.start)));
    [...lastBefore.keys()].filter((g) => lastBefore[g] >= 0).sort((a, b) => lastBefore[b] - lastBefore[a]).forEach((g, r) => recent.set(g, r));
    const inWindow = (m: NameMention) => m.sentence >= qs - 3 && m.sentence <= qe;
    const wanted = new Set<number>();
    groups.forEach((g, gi) => { if (g.mentions.some(inWindow)) wanted.add(gi); });
    for (const g of [rule, prevG]) if (g >= 0) wanted.add(g);
    if (headlineQuote && mainGroup >= 0) wanted.add(mainGroup);
    // Quote-level cues: they move every candidate of the quote together, i.e. the "no speaker" decision.
    const region = (text.slice(q.start, q.content.start) + ' ' + text.slice(q.content.end, q.end)).toLowerCase();
    const contentWords = words(text.slice(q.content.start, q.content.end));
    const quoteFeatures: Features = {};
    if (q.cue) quoteFeatures['q:cue'] = 1;
    if (contentWords < 8) quoteFeatures['q:short'] = 1;
    if (headlineQuote) quoteFeatures['q:headline'] = 1;
    if (region.split(/[^\p{L}]+/u).some((w) => GENERIC_NOUNS.has(w))) quoteFeatures['q:generic'] = 1;
    // Speech by a pronoun the rules could not resolve ("she says …") is mostly by someone unnamed.
    if (/^\s*(he|she|they)\b/i.test(text.slice(q.start, q.content.start)) || /^\W*(he|she|they)\s+\w+\W*$/i.test(text.slice(q.content.end, q.end))) quoteFeatures['q:pronSubj'] = 1;
    const near = new Set(mentions.filter((m) => m.sentence >= qs - 1 && m.sentence <= qe).map((m) => groupOf.get(m)));
    quoteFeatures['q:ambiguity'] = Math.min(near.size, 5) / 5;
    // Titles of works and slogans in quotation marks ("Make America Great Again") have no speaker.
    const cw = text.slice(q.content.start, q.content.end).split(/\s+/).filter((w) => /\p{L}/u.test(w));
    if (cw.length && cw.filter((w) => /^\p{Lu}/u.test(w)).length / cw.length >= 0.7) quoteFeatures['q:titleCase'] = 1;
    // Where the quote stands: a fragment inside a sentence, or a quote that opens its line.
    const lineStart = text.lastIndexOf('\n', q.start - 1) + 1;
    const opensLine = !/[\p{L}\p{N}]/u.test(text.slice(lineStart, Math.min(q.start, q.content.start)));
    const sentStart = toks[sentStartTok.get(sentOf(q.content.start)) ?? 0]?.start ?? 0;
    const embedded = !opensLine && /[\p{L}\p{N}]/u.test(text.slice(Math.min(sentStart, q.start), q.content.start).replace(/^[\s\S]*\n/, "")) && q.kind === 'direct';
    if (embedded) quoteFeatures['q:embedded'] = 1;
    if (opensLine) quoteFeatures['q:opensLine'] = 1;
    const after = text.slice(q.end, q.end + 80).split('\n')[0];
    const lastA = lastAttr.get(qi) ?? -1;
    const nextA = nextAttr.get(qi) ?? -1;
    if (featureSet >= 2) {
      // "X said:" ⏎ “…” — the introduction ends with a colon.
      if (/:\s*["“'‘]?\s*$/.test(text.slice(Math.max(0, q.start - 40), q.content.start))) quoteFeatures['q:colonBefore'] = 1;
      // "“…” He later added …": the attribution is the next sentence's subject.
      if (/^\W*(he|she|they|it|[A-Z][\p{L}.’'-]+(\s+[A-Z][\p{L}.’'-]+){0,3})\s+(later\s+|also\s+|then\s+|further\s+)?(added|said|says|adds|continued|explained|noted|wrote|writes|told|stated|argued|insisted)\b/u.test(after)) quoteFeatures['q:nextCue'] = 1;
      const content = text.slice(q.content.start, q.content.end);
      // Spoken words are first person; printed passages (reports, laws, scripture) rarely are.
      if (/\b(I|we|We|my|My|our|Our|me|us)\b/.test(content)) quoteFeatures['q:firstPerson'] = 1;
      const around = (text.slice(Math.max(0, q.start - 150), q.content.start) + ' ' + text.slice(q.content.end, q.end)).toLowerCase();
      if (/\b(report|letter|memo|document|statement|tweet|tweeted|wrote|writes|written|book|article|website|posted|reads|text|law|bill|resolution|indictment)\b/.test(around)) quoteFeatures['q:docWord'] = 1;
      if (contentWords > 40) quoteFeatures['q:long'] = 1;
      if (lastA >= 0) quoteFeatures['q:hasLastAttr'] = 1;
      if (lastA >= 0 && paraBreaks(quotes[lastA].end, q.start) === 0) quoteFeatures['q:lastAttrSamePara'] = 1;
    }
    if (featureSet >= 3) {
      const open = tokAt(q.content.start);
      const close = tokAt(q.content.end);
      // The tokens before the content include the opening mark; skip marks so the words are the framing ones.
      let b = open - 1;
      while (b >= 0 && /^[“"‘'«]$/.test(toks[b].w)) b--;
      let e = close;
      while (e < toks.length && /^[”"’'»]$/.test(toks[e].w)) e++;
      quoteFeatures[`q:w-1:${wordAt(b)}`] = 1;
      quoteFeatures[`q:w-2:${wordAt(b - 1)}`] = 1;
      quoteFeatures[`q:w+1:${wordAt(e)}`] = 1;
      quoteFeatures[`q:w+2:${wordAt(e + 1)}`] = 1;
      quoteFeatures[`q:first:${wordAt(open)}`] = 1;
      if (q.cue) quoteFeatures[`q:cue:${(toks[tokAt(q.cue.span.start)]?.lemma ?? '').toLowerCase()}`] = 1;
    }
    // The first name of the quote's own sentence that comes before the content.
    const firstInSent = mentions.find((m) => m.sentence === qs && m.end <= q.content.start);
    const candidates: QuoteCandidate[] = [];
    for (const gi of [...wanted].sort((a, b) => a - b)) {
      const g = groups[gi];
      const ms = g.mentions.filter(inWindow);
      const pool = ms.length ? ms : g.mentions;
      const best = pool.reduce((b, m) => {
        const key = (x: NameMention) => (inAttr(x) ? -1 : dist(x, q));
        return key(m) < key(b) ? m : b;
      });
      const f: Features = { bias: 1, ...quoteFeatures };
      const set = (k: string, v = 1) => { f[k] = v; };
      if (gi === rule) {
        set('rule');
        set(`rule:${q.speaker?.resolvedBy ?? 'none'}`);
      } else if (rule >= 0) set('ruleOther');
      else set('ruleNone');
      set(`kind:${q.kind}`);
      const pos = inAttr(best) ? 'attr' : best.start >= q.content.start && best.end <= q.content.end ? 'inside' : best.end <= q.content.start ? 'before' : 'after';
      set(`pos:${pos}`);
      const sd = best.sentence - qs;
      set(best.sentence > qe ? 'sd:after' : sd >= 0 ? 'sd:0' : sd === -1 ? 'sd:1' : sd === -2 ? 'sd:2' : 'sd:3+');
      if (!ms.length) set('outsideWindow');
      set('logDist', Math.log1p(dist(best, q)) / 8);
      if (q.cue && dist(best, q.cue.span) <= 40) set('nearCue');
      const subj = cueAfter(best);
      if (subj) set('subjCue');
      if (ms.some(cueAfter)) set('anySubjCue');
      set('logCount', Math.log1p(counts[gi]) / 3);
      if (counts[gi] === maxCount) set('mostMentioned');
      const nw = words(g.name);
      set(nw === 1 ? 'len1' : nw === 2 ? 'len2' : 'len3+');
      const lastW = g.name.split(/\s+/).pop()!.toLowerCase();
      if (ORG_HEADS.has(lastW) || /\b(of|for)\b/.test(g.name)) set('orgLike');
      else if (/^\p{Lu}{2,6}$/u.test(g.name)) set('acronym');
      else if (nw >= 2) set('personLike');
      if (g.mentions.some((m) => m.titled)) set('titled');
      if (g.mentions.every((m) => m.start < headEnd)) set('headlineOnly');
      if (headlineQuote && gi === mainGroup) set('mainForHeadline');
      if (gi === mainGroup) set('main');
      if (gi === prevG) set(prevG === rule ? 'prevQuote&rule' : 'prevQuote');
      if (ms.some((m) => m.sentence === qs - 1 && isSubject(m))) set('prevSubj');
      if (ms.some((m) => m.sentence === qs && isSubject(m))) set('curSubj');
      const r = recent.get(gi);
      set(r === 0 ? 'rec:0' : r === 1 ? 'rec:1' : r === undefined ? 'rec:none' : 'rec:2+');
      const before = toks[best.first - 1];
      if (before && (before.pos === 'ADP' || before.pos === 'VERB') && !best.titled) set('afterPrepOrVerb');
      if (/^['’]s$/.test(toks[best.last + 1]?.lower ?? '')) set('possessive');
      if (!text.slice(Math.min(best.end, q.start), Math.max(best.start, q.start)).includes('\n')) set('samePara');
      if (best.ner) set(`ner:${best.ner}`);
      if (pron) {
        const personal = pron === 'he' || pron === 'she';
        set(personal ? 'pron' : 'pronGroup');
        if (personal) {
          const want = pron === 'he' ? 'm' : 'f';
          set(!g.gender ? 'pronGenderUnknown' : g.gender === want ? 'pronAgree' : 'pronDisagree');
          if (r === 0) set('pron&rec:0');
          if (f.prevSubj) set('pron&prevSubj');
          if (f.personLike) set('pron&person');
        } else if (f.orgLike || f.acronym) set('pronGroup&org');
      }
      if (firstInSent && groupOf.get(firstInSent) === gi) set('firstInSent');
      if (near.size === 1 && near.has(gi)) set('onlyNear');
      if (embedded) for (const k of ['curSubj', 'firstInSent', 'subjCueSameSent', 'rec:0', 'pos:attr']) if (f[k]) set(`emb&${k}`);
      if (opensLine) for (const k of ['prevSubj', 'prevQuote', 'rec:0', 'sd:1', 'mainForHeadline']) if (f[k]) set(`line&${k}`);
      if (f.curSubj && f.firstInSent) set('curSubj&first');
      if (subj && best.sentence === qs) set('subjCueSameSent');
      if (f.ruleNone && pos === 'attr') set('ruleNone&attr');
      if (f.ruleNone && subj) set('ruleNone&subjCue');
      if (f.ruleNone && f.possessive) set('ruleNone&possessive');
      if (featureSet >= 2) {
        if (lastA >= 0 && ruleGroups[lastA] === gi) {
          set('lastAttr');
          const pb = paraBreaks(quotes[lastA].end, q.start);
          set(pb === 0 ? 'lastAttr:samePara' : pb === 1 ? 'lastAttr:prevPara' : 'lastAttr:far');
          if (opensLine) set('lastAttr&opensLine');
          if (embedded) set('lastAttr&embedded');
        }
        if (nextA >= 0 && ruleGroups[nextA] === gi) {
          set('nextAttr');
          if (paraBreaks(q.end, quotes[nextA].start) === 0) set('nextAttr:samePara');
        }
        if (attributed) set('quoteShare', (quoteCount.get(gi) ?? 0) / attributed);
        if (g.mentions.some((m) => m.start < firstParaEnd)) set('firstPara');
        const pb = paraBreaks(best.start, q.content.start);
        set(pb === 0 ? 'pd:0' : pb === 1 ? 'pd:1' : 'pd:2+');
        if (quoteFeatures['q:nextCue'] && g.mentions.some((m) => m.start >= q.end && m.start <= q.end + after.length)) set('nextCueName');
        if (quoteFeatures['q:nextCue'] && /^\W*(he|she)\b/i.test(after)) {
          const want = /^\W*he\b/i.test(after) ? 'm' : 'f';
          if (g.gender === want) set('nextPronAgree');
          else if (g.gender) set('nextPronDisagree');
          if (r === 0) set('nextPron&rec:0');
        }
        if (best.ner) set(`ner:${best.ner}&${q.kind}`);
        // Runs that are no clean name: headings in capitals, names fused with a title or outlet ("Al Jazeera Secretary …").
        if (/^[^\p{Ll}]*$/u.test(g.name) && nw >= 2) set('nameAllCaps');
        if (nw >= 5) set('len5+');
        if (quoteFeatures['q:firstPerson'] && f.personLike) set('firstPerson&person');
        if (quoteFeatures['q:docWord'] && (f.orgLike || f.acronym)) set('docWord&org');
        if (quoteFeatures['q:colonBefore'] && (f['sd:0'] || f['sd:1'])) set('colon&near');
      }
      if (featureSet >= 3) {
        set(`c:prev:${wordAt(best.first - 1)}`);
        set(`c:next:${wordAt(best.last + 1)}`);
        for (let k = best.last + 1; k <= best.last + 5 && k < toks.length && toks[k].sentence === toks[best.last].sentence; k++) {
          if (toks[k].pos === 'VERB') {
            set(`c:verb:${(toks[k].lemma ?? toks[k].lower).toLowerCase()}`);
            break;
          }
        }
      }
      candidates.push({ group: gi, mention: { start: best.start, end: best.end }, features: f });
    }
    return { candidates, ruleGroup: rule, quoteFeatures };
  });
  return { groups, perQuote };
}
