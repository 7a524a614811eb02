/**
 * Features for the propaganda-technique models, over a tokenized text (the same for PTC articles
 * and cleaned Docs): per-token features for span identification and per-span features for
 * technique classification. Plain strings; the learner numbers them.
 */
import type { SentenceSpan, TokenSpan } from '../../nlp/doc.js';

export interface TokenizedText {
  text: string;
  sentences: SentenceSpan[];
  tokens: TokenSpan[];
}

const QUOTES = new Set(['"', '“', '”', '«', '»', '„']);

function shape(w: string): string {
  let s = w
    .replace(/[A-Z]/g, 'X')
    .replace(/[a-z]/g, 'x')
    .replace(/[0-9]/g, 'd');
  s = s.replace(/(.)\1+/g, '$1$1');
  return s.length > 6 ? s.slice(0, 6) : s;
}

/** Lower-cased lemma; wink gives none for some tokens (e.g. emoji), then the word itself. */
function lemmaOf(t: TokenizedText, k: TokenSpan): string {
  return (k.lemma ?? t.text.slice(k.start, k.end)).toLowerCase();
}

function bucket(n: number, edges: number[]): string {
  for (let i = 0; i < edges.length; i++) if (n <= edges[i]) return `<=${edges[i]}`;
  return `>${edges[edges.length - 1]}`;
}

/** Per-sentence token index ranges [first, last]. */
export function sentenceRanges(t: TokenizedText): [number, number][] {
  const r: [number, number][] = t.sentences.map(() => [-1, -1]);
  t.tokens.forEach((tok, i) => {
    const x = r[tok.sentence];
    if (x[0] < 0) x[0] = i;
    x[1] = i;
  });
  return r;
}

/** Whether each token sits between an opening and closing quote mark within its sentence. */
function insideQuotes(t: TokenizedText, ranges: [number, number][]): boolean[] {
  const out = new Array<boolean>(t.tokens.length).fill(false);
  for (const [a, b] of ranges) {
    if (a < 0) continue;
    let open = false;
    for (let i = a; i <= b; i++) {
      const v = t.text.slice(t.tokens[i].start, t.tokens[i].end);
      if (QUOTES.has(v)) {
        open = v === '”' || v === '»' ? false : v === '“' || v === '«' || v === '„' ? true : !open;
        continue;
      }
      out[i] = open;
    }
  }
  return out;
}

/** Features of every token, for the span-identification tagger. */
export function tokenFeatures(t: TokenizedText): string[][] {
  const ranges = sentenceRanges(t);
  const quoted = insideQuotes(t, ranges);
  const words = t.tokens.map((k) => t.text.slice(k.start, k.end));
  const lower = words.map((w) => w.toLowerCase());
  const sentInfo = ranges.map(([a, b]) => {
    if (a < 0) return { len: 0, excl: false, q: false, quote: false };
    let excl = false;
    let q = false;
    let quote = false;
    for (let i = a; i <= b; i++) {
      if (words[i] === '!') excl = true;
      if (words[i] === '?') q = true;
      if (QUOTES.has(words[i])) quote = true;
    }
    return { len: b - a + 1, excl, q, quote };
  });
  return t.tokens.map((tok, i) => {
    const [a, b] = ranges[tok.sentence];
    const w = lower[i];
    const at = (j: number) => (j < a ? '<s>' : j > b ? '</s>' : lower[j]);
    const pos = (j: number) => (j < a ? '<s>' : j > b ? '</s>' : t.tokens[j].pos);
    const s = sentInfo[tok.sentence];
    const rel = s.len > 1 ? Math.floor((4 * (i - a)) / (s.len - 1)) : 0;
    const f = [
      'bias',
      `w=${w}`,
      `l=${lemmaOf(t, tok)}`,
      `p=${tok.pos}`,
      `sh=${shape(words[i])}`,
      `suf3=${w.slice(-3)}`,
      `w-1=${at(i - 1)}`,
      `w+1=${at(i + 1)}`,
      `w-2=${at(i - 2)}`,
      `w+2=${at(i + 2)}`,
      `p-1=${pos(i - 1)}`,
      `p+1=${pos(i + 1)}`,
      `p-1p=${pos(i - 1)}_${tok.pos}`,
      `pp+1=${tok.pos}_${pos(i + 1)}`,
      `b-1=${at(i - 1)}_${w}`,
      `b+1=${w}_${at(i + 1)}`,
      `rel=${rel}`,
      `slen=${bucket(s.len, [5, 10, 20, 35, 50])}`,
    ];
    if (quoted[i]) f.push('inq');
    if (s.excl) f.push('s!');
    if (s.q) f.push('s?');
    if (s.quote) f.push('squote');
    if (i === a) f.push('first');
    if (i === b) f.push('last');
    if (/^[A-Z]{2,}$/.test(words[i])) f.push('allcaps');
    if (tok.sentence === 0) f.push('title');
    return f;
  });
}

/** Token index range [first, last] covered by a UTF-16 span, or undefined when it covers no token. */
export function tokenRange(t: TokenizedText, start: number, end: number): [number, number] | undefined {
  let first = -1;
  let last = -1;
  // Binary search for the first token ending after start.
  let lo = 0;
  let hi = t.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t.tokens[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < t.tokens.length && t.tokens[i].start < end; i++) {
    if (first < 0) first = i;
    last = i;
  }
  return first < 0 ? undefined : [first, last];
}

function countOccurrences(hay: string, needle: string): number {
  if (!needle) return 0;
  let n = 0;
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) n++;
  return n;
}

const FIRST_PLURAL = new Set(['we', 'our', 'us', 'ours', 'ourselves']);
const NATION = /\b(nation|national|patriot|america|american|americans|country|countrymen|flag|homeland|people)\b/;
const AUTHORITY = /\b(expert|experts|scientist|scientists|professor|dr|study|studies|according|research|researchers|official|officials|report)\b/;

/** Precomputed per-text data for span features. */
export interface SpanContext {
  t: TokenizedText;
  lowerText: string;
  ranges: [number, number][];
  lemmaCounts: Map<string, number>;
}

export function spanContext(t: TokenizedText): SpanContext {
  const lemmaCounts = new Map<string, number>();
  for (const k of t.tokens) {
    if (k.type !== 'word') continue;
    const l = lemmaOf(t, k);
    lemmaCounts.set(l, (lemmaCounts.get(l) ?? 0) + 1);
  }
  return { t, lowerText: t.text.toLowerCase(), ranges: sentenceRanges(t), lemmaCounts };
}

/** Features of a span (UTF-16 offsets) for the technique classifier. */
export function spanFeatures(c: SpanContext, start: number, end: number): string[] {
  const { t } = c;
  const raw = t.text.slice(start, end);
  const text = raw.toLowerCase().replace(/\s+/g, ' ').trim();
  const f: string[] = ['bias'];
  const r = tokenRange(t, start, end);
  const toks = r ? t.tokens.slice(r[0], r[1] + 1) : [];
  const words = toks.map((k) => t.text.slice(k.start, k.end));
  const lower = words.map((w) => w.toLowerCase());
  const contentIdx = toks.map((k, i) => (k.type === 'word' ? i : -1)).filter((i) => i >= 0);
  for (const w of lower) f.push(`u=${w}`);
  for (const k of toks) f.push(`l=${lemmaOf(t, k)}`);
  for (let i = 0; i + 1 < lower.length; i++) f.push(`b=${lower[i]}_${lower[i + 1]}`);
  // Character n-grams of the span (capped: long spans are sentences, their words already speak).
  const padded = ` ${text.slice(0, 120)} `;
  for (let n = 3; n <= 5; n++) for (let i = 0; i + n <= padded.length; i++) f.push(`c${n}=${padded.slice(i, i + n)}`);
  const nTok = contentIdx.length;
  f.push(`len=${bucket(nTok, [1, 2, 3, 5, 8, 12, 20, 30])}`);
  if (lower.length) {
    f.push(`fw=${lower[0]}`, `lw=${lower[lower.length - 1]}`);
    if (toks.length <= 5) f.push(`pseq=${toks.map((k) => k.pos).join('_')}`);
    f.push(`fp=${toks[0].pos}`, `lp=${toks[toks.length - 1].pos}`);
  }
  // Repetition: the span (or its main word) occurs elsewhere in the text.
  const others = Math.max(0, countOccurrences(c.lowerText, text) - 1);
  f.push(`rep=${bucket(others, [0, 1, 2])}`);
  if (nTok <= 3 && others > 0) f.push('rep-short');
  const heads = toks.filter((k) => k.type === 'word' && (k.pos === 'NOUN' || k.pos === 'PROPN' || k.pos === 'ADJ' || k.pos === 'VERB'));
  let maxLemma = 0;
  for (const k of heads) maxLemma = Math.max(maxLemma, c.lemmaCounts.get(lemmaOf(t, k)) ?? 0);
  f.push(`lemrep=${bucket(maxLemma, [1, 2, 3, 5])}`);
  // Position in the sentence.
  if (r) {
    const s = toks[0].sentence;
    const [a, b] = c.ranges[s];
    const sentLen = b - a + 1;
    const cover = toks.length / sentLen;
    f.push(`cover=${bucket(Math.round(cover * 10), [2, 5, 8, 10])}`);
    if (r[0] === a) f.push('at-sent-start');
    if (r[1] >= b - 1) f.push('at-sent-end');
    if (s === 0) f.push('in-title');
    for (let j = Math.max(a, r[0] - 3); j < r[0]; j++) f.push(`cb=${t.text.slice(t.tokens[j].start, t.tokens[j].end).toLowerCase()}`);
    for (let j = r[1] + 1; j <= Math.min(b, r[1] + 3); j++) f.push(`ca=${t.text.slice(t.tokens[j].start, t.tokens[j].end).toLowerCase()}`);
    if (r[0] > a) f.push(`w-1=${t.text.slice(t.tokens[r[0] - 1].start, t.tokens[r[0] - 1].end).toLowerCase()}`);
    if (r[1] < b) f.push(`w+1=${t.text.slice(t.tokens[r[1] + 1].start, t.tokens[r[1] + 1].end).toLowerCase()}`);
    // Sentence words (context for Doubt, Causal_Oversimplification, Whataboutism...).
    if (cover < 0.8) for (let j = a; j <= b; j++) if (t.tokens[j].type === 'word') f.push(`sw=${lemmaOf(t, t.tokens[j])}`);
  }
  // Punctuation, quotes, capitalization.
  if (raw.includes('!')) f.push('has!');
  if (raw.includes('?')) f.push('has?');
  if (/["“”«»]/.test(raw)) f.push('hasquote');
  const before = t.text.slice(Math.max(0, start - 1), start);
  if (/["“'‘«]/.test(before)) f.push('quoted');
  const caps = words.filter((w) => /^[A-Z]/.test(w)).length;
  if (words.length) f.push(`capr=${bucket(Math.round((10 * caps) / words.length), [0, 3, 6, 9])}`);
  if (words.some((w) => /^[A-Z]{3,}$/.test(w))) f.push('allcaps');
  // Lexical cues named in the technique definitions.
  if (lower.some((w) => FIRST_PLURAL.has(w))) f.push('we');
  if (NATION.test(text)) f.push('nation');
  if (AUTHORITY.test(text)) f.push('authority');
  if (/\b(hitler|nazi|nazis|fascist|fascism|stalin|communist)\b/.test(text)) f.push('hitler');
  if (/\b(because|therefore|so|thus|consequence|caused|result)\b/.test(text)) f.push('causal');
  if (/\b(either|only|or|no other|all|every|never|always)\b/.test(text)) f.push('absolute');
  if (/\b(what about|but what|while|meanwhile)\b/.test(text)) f.push('whatabout');
  return f;
}

const pb = (p: number) => String(Math.min(9, Math.floor(p * 10)));

/**
 * Second-pass (stacked) features of a token from the first-pass probabilities: its own, its
 * neighbours' and its sentence's. They let the second pass smooth spans and use sentence context,
 * what a CRF's transitions would give, at the cost of one small extra model.
 */
export function stackFeatures(t: TokenizedText, probs: ArrayLike<number>, sentProbs?: ArrayLike<number>, lexical = false): string[][] {
  const ranges = sentenceRanges(t);
  const sent = ranges.map(([a, b]) => {
    if (a < 0) return { max: 0, mean: 0, frac: 0 };
    let max = 0;
    let sum = 0;
    let above = 0;
    for (let i = a; i <= b; i++) {
      max = Math.max(max, probs[i]);
      sum += probs[i];
      if (probs[i] >= 0.3) above++;
    }
    return { max, mean: sum / (b - a + 1), frac: above / (b - a + 1) };
  });
  return t.tokens.map((tok, i) => {
    const [a, b] = ranges[tok.sentence];
    const at = (j: number) => (j < a || j > b ? 'x' : pb(probs[j]));
    const s = sent[tok.sentence];
    // Strongest prob to the left and right within the sentence (is this token between two hot ones?).
    let left = 0;
    let right = 0;
    for (let j = a; j < i; j++) left = Math.max(left, probs[j]);
    for (let j = i + 1; j <= b; j++) right = Math.max(right, probs[j]);
    const me = pb(probs[i]);
    const extra: string[] = [];
    if (sentProbs) {
      const sp = pb(sentProbs[tok.sentence]);
      extra.push(`sp=${sp}`, `psp=${me}_${sp}`, `spmax=${sp}_${pb(s.max)}`);
    }
    if (lexical) {
      const w = (j: number) => (j < a || j > b ? '<s>' : t.text.slice(t.tokens[j].start, t.tokens[j].end).toLowerCase());
      extra.push(`w=${w(i)}`, `w-1=${w(i - 1)}`, `w+1=${w(i + 1)}`, `pw=${me}_${w(i)}`);
    }
    return [
      ...extra,
      'bias',
      `p=${me}`,
      `p-1=${at(i - 1)}`,
      `p+1=${at(i + 1)}`,
      `p-2=${at(i - 2)}`,
      `p+2=${at(i + 2)}`,
      `p-1p+1=${at(i - 1)}_${at(i + 1)}`,
      `pp+1=${me}_${at(i + 1)}`,
      `p-1p=${at(i - 1)}_${me}`,
      `smax=${pb(s.max)}`,
      `smean=${pb(s.mean * 2)}`,
      `sfrac=${pb(s.frac)}`,
      `lr=${pb(Math.min(left, right))}`,
      `psmax=${me}_${pb(s.max)}`,
      `type=${tok.type}_${me}`,
      `slen=${bucket(b - a + 1, [5, 10, 20, 35])}_${pb(s.max)}`,
    ];
  });
}

/** Features of each sentence (bag of lemmas and word bigrams, punctuation, length) for the sentence-level pass. */
export function sentenceFeatures(t: TokenizedText): string[][] {
  return sentenceRanges(t).map(([a, b]) => {
    const f = ['bias'];
    if (a < 0) return f;
    f.push(`len=${bucket(b - a + 1, [5, 10, 20, 35, 50])}`);
    let prev = '<s>';
    for (let i = a; i <= b; i++) {
      const k = t.tokens[i];
      const w = t.text.slice(k.start, k.end).toLowerCase();
      if (k.type === 'word') f.push(`l=${lemmaOf(t, k)}`);
      else if (w === '!' || w === '?' || QUOTES.has(w)) f.push(`punct=${w}`);
      f.push(`b=${prev}_${w}`);
      prev = w;
    }
    f.push(`b=${prev}_</s>`);
    if (t.tokens[a].sentence === 0) f.push('title');
    return f;
  });
}

/**
 * Features of a whole candidate span [a, b] (token indices) for the span re-scorer: how strong and
 * how even its token probabilities are, its length and place in the sentence, the sentence-level
 * probability, and its edge words. The token tagger decides token by token; this model judges the
 * span the SI metric will score, so it can drop runs that are long but only lukewarm.
 */
export function candidateFeatures(t: TokenizedText, ranges: [number, number][], second: ArrayLike<number>, first: ArrayLike<number>, sentProbs: ArrayLike<number> | undefined, a: number, b: number): string[] {
  const s = t.tokens[a].sentence;
  const [sa, sb] = ranges[s];
  let words = 0;
  let sum = 0;
  let max = 0;
  let min = 1;
  let fmax = 0;
  let fsum = 0;
  let hot = 0;
  for (let i = a; i <= b; i++) {
    if (t.tokens[i].type === 'punctuation') continue;
    words++;
    sum += second[i];
    fsum += first[i];
    max = Math.max(max, second[i]);
    min = Math.min(min, second[i]);
    fmax = Math.max(fmax, first[i]);
    if (second[i] >= 0.5) hot++;
  }
  const n = Math.max(1, words);
  const mean = pb(sum / n);
  const len = bucket(words, [1, 2, 3, 5, 8, 12, 20, 30]);
  const cover = bucket(Math.round((10 * (b - a + 1)) / (sb - sa + 1)), [2, 5, 8, 10]);
  const sp = sentProbs ? pb(sentProbs[s]) : 'x';
  const w = (i: number) => t.text.slice(t.tokens[i].start, t.tokens[i].end).toLowerCase();
  let excl = false;
  let q = false;
  let quote = false;
  for (let i = sa; i <= sb; i++) {
    const v = w(i);
    if (v === '!') excl = true;
    if (v === '?') q = true;
    if (QUOTES.has(v)) quote = true;
  }
  const f = [
    'bias',
    `len=${len}`,
    `mean=${mean}`,
    `max=${pb(max)}`,
    `min=${pb(min)}`,
    `fmax=${pb(fmax)}`,
    `fmean=${pb(fsum / n)}`,
    `hot=${pb(hot / n)}`,
    `sp=${sp}`,
    `cover=${cover}`,
    `slen=${bucket(sb - sa + 1, [5, 10, 20, 35, 50])}`,
    `lenmean=${len}_${mean}`,
    `spmean=${sp}_${mean}`,
    `covmean=${cover}_${mean}`,
    `fp=${t.tokens[a].pos}`,
    `lp=${t.tokens[b].pos}`,
    `fw=${w(a)}`,
    `lw=${w(b)}`,
    `sent=${bucket(s, [0, 2, 5, 10, 20])}`,
  ];
  if (a === sa) f.push('sstart');
  if (b >= sb - 1) f.push('send');
  if (excl) f.push('s!');
  if (q) f.push('s?');
  if (quote) f.push('squote');
  return f;
}
