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

export const QUOTES = new Set(['"', '“', '”', '«', '»', '„']);

export function shape(w: string): string {
  let s = w
    .replace(/[A-Z]/g, 'X')
    .replace(/[a-z]/g, 'x')
    .replace(/[0-9]/g, 'd');
  s = s.replace(/(.)\1+/g, '$1$1');
  return s.length > 6 ? s.slice(0, 6) : s;
}

/** Lower-cased lemma; wink gives none for some tokens (e.g. emoji), then the word itself. */
export function lemmaOf(t: TokenizedText, k: TokenSpan): string {
  return (k.lemma ?? t.text.slice(k.start, k.end)).toLowerCase();
}

export function bucket(n: number, edges: number[]): string {
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
export function insideQuotes(t: TokenizedText, ranges: [number, number][]): boolean[] {
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

/**
 * Word classes of a lower-cased word at several granularities (finest first), from k-means over
 * word vectors trained on unlabelled text (src/models/word-vectors.ts); undefined when unknown.
 */
export interface WordClassFn {
  levels: number;
  of: (lowerWord: string) => number[] | undefined;
}

/** Class ids of every token (undefined for unknown words and punctuation). */
function tokenClasses(t: TokenizedText, classes: WordClassFn): (number[] | undefined)[] {
  return t.tokens.map((k) => classes.of(t.text.slice(k.start, k.end).toLowerCase().replace(/’/g, "'")));
}

/** Per sentence: its length in tokens and whether it holds "!", "?" or a quotation mark. */
export function sentencePunctuation(words: string[], ranges: [number, number][]): { len: number; excl: boolean; q: boolean; quote: boolean }[] {
  return ranges.map(([a, b]) => {
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
}

/** Features of every token, for the span-identification tagger. `classes` adds word-class features. */
export function tokenFeatures(t: TokenizedText, classes?: WordClassFn): string[][] {
  const cls = classes ? tokenClasses(t, classes) : undefined;
  const ranges = sentenceRanges(t);
  const quoted = insideQuotes(t, ranges);
  const words = t.tokens.map((k) => t.text.slice(k.start, k.end));
  const lower = words.map((w) => w.toLowerCase());
  const sentInfo = sentencePunctuation(words, ranges);
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
    if (cls) {
      // The token's class at every level; neighbours' at the coarser levels (denser, so they generalize).
      const c = (j: number, l: number) => (j < a ? 's' : j > b ? '/s' : (cls[j]?.[l] ?? 'x'));
      const mine = cls[i];
      if (mine) mine.forEach((id, l) => f.push(`v${l}=${id}`));
      for (let l = 1; l < classes!.levels; l++) {
        f.push(`v${l}-1=${c(i - 1, l)}`, `v${l}+1=${c(i + 1, l)}`, `v${l}-2=${c(i - 2, l)}`, `v${l}+2=${c(i + 2, l)}`, `v${l}b=${c(i - 1, l)}_${c(i, l)}`);
      }
    }
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
const logit = (p: number) => {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
};

/**
 * Second-pass (stacked) features of a token from the first-pass probabilities: its own, its
 * neighbours' and its sentence's. They let the second pass smooth spans and use sentence context,
 * what a CRF's transitions would give, at the cost of one small extra model.
 */
/**
 * Per-group probabilities for the second pass (`--token-groups` / `--sentence-groups`): `tok[g][i]` =
 * first-pass P(token i is in a span of technique group g); `sent[g][s]` = P(sentence s holds one).
 */
/** Per token: max and mean probability of its clause (the run of tokens between punctuation within the sentence). */
function clauseStats(t: TokenizedText, probs: ArrayLike<number>, ranges: [number, number][]): { max: number; mean: number }[] {
  const out: { max: number; mean: number }[] = new Array(t.tokens.length);
  for (const [a, b] of ranges) {
    if (a < 0) continue;
    let s = a;
    for (let i = a; i <= b + 1; i++) {
      if (i <= b && t.tokens[i].type !== 'punctuation') continue;
      // Clause s..i-1 (may be empty); the punctuation token i gets its own stats below.
      let max = 0;
      let sum = 0;
      for (let j = s; j < i; j++) {
        max = Math.max(max, probs[j]);
        sum += probs[j];
      }
      const st = { max, mean: i > s ? sum / (i - s) : 0 };
      for (let j = s; j < i; j++) out[j] = st;
      if (i <= b) out[i] = { max: probs[i], mean: probs[i] };
      s = i + 1;
    }
  }
  for (let i = 0; i < out.length; i++) out[i] ??= { max: probs[i], mean: probs[i] };
  return out;
}

/** Article-level summaries of the first-pass probabilities (`article`, round 6 `--stack-article`). */
function articleStats(probs: ArrayLike<number>, ranges: [number, number][]): { sorted: Float64Array; sentSorted: Float64Array; max: number; mean: number; q75: number; q90: number } {
  const sorted = Float64Array.from(probs).sort();
  const n = sorted.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i];
  const q = (f: number) => quantileOfSorted(sorted, f);
  const sentSorted = Float64Array.from(ranges.filter(([a]) => a >= 0).map(([a, b]) => {
    let m = 0;
    for (let i = a; i <= b; i++) m = Math.max(m, probs[i]);
    return m;
  })).sort();
  return { sorted, sentSorted, max: n ? sorted[n - 1] : 0, mean: n ? sum / n : 0, q75: q(0.75), q90: q(0.9) };
}

/** The q-quantile (0–1) of ascending values: the value at rank floor(q·n) (0 when empty). */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  return n ? sorted[Math.min(n - 1, Math.floor(q * n))] : 0;
}

/** Decile (0–9) of the share of `sorted` strictly below `x` (binary search). */
export function decile(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return sorted.length ? Math.min(9, Math.floor((lo / sorted.length) * 10)) : 0;
}

export interface GroupProbs {
  tok?: ArrayLike<number>[];
  sent?: ArrayLike<number>[];
}

/** Per sentence (ranges from sentenceRanges; a < 0 = no tokens): each group's maximum token probability. */
export function sentenceGroupMax(tok: ArrayLike<number>[], ranges: [number, number][]): number[][] {
  return tok.map((q) => ranges.map(([a, b]) => {
    let m = 0;
    for (let i = a; a >= 0 && i <= b; i++) m = Math.max(m, q[i]);
    return m;
  }));
}

/** Per token: the smaller of the strongest probabilities before it and after it in its sentence (prefix/suffix maxima, O(n)). */
export function betweenMax(t: TokenizedText, probs: ArrayLike<number>, ranges: [number, number][]): Float64Array {
  const out = new Float64Array(t.tokens.length);
  const right = new Float64Array(t.tokens.length);
  for (const [a, b] of ranges) {
    if (a < 0) continue;
    let m = 0;
    for (let i = b; i >= a; i--) {
      right[i] = m;
      m = Math.max(m, probs[i]);
    }
    m = 0;
    for (let i = a; i <= b; i++) {
      out[i] = Math.min(m, right[i]);
      m = Math.max(m, probs[i]);
    }
  }
  return out;
}

/** Per sentence: the maximum and mean token probability and the share of tokens at or above 0.3. */
export function sentenceProbStats(probs: ArrayLike<number>, ranges: [number, number][]): { max: number; mean: number; frac: number }[] {
  return ranges.map(([a, b]) => {
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
}

/**
 * `wide` (round 5, `--stack-wide`): also the strongest probability 3–5 tokens away on each side, the
 * clause's (tokens between punctuation) max and mean, the distance to the sentence's hottest token, and
 * each group's strongest probability within 5 tokens — context the ±2 window and sentence summaries miss.
 * `article` (round 6, `--stack-article`): article max / mean / upper quantiles of the first pass, the
 * token's and its sentence's decile rank within the article, and the article length bucket.
 * `neighbours` (round 7, `--stack-neighbours`): the previous and next sentences' strongest first-pass
 * probability and sentence-classifier probability ('x' at the article's edges) — propaganda clusters.
 */
export function stackFeatures(t: TokenizedText, probs: ArrayLike<number>, sentProbs?: ArrayLike<number>, lexical = false, denseProbs?: ArrayLike<number>, tokDense?: ArrayLike<number>, groups?: GroupProbs, wide = false, article: boolean | 'ranks' = false, neighbours = false): string[][] {
  const ranges = sentenceRanges(t);
  const clauses = wide ? clauseStats(t, probs, ranges) : undefined;
  const art = article ? articleStats(probs, ranges) : undefined;
  // Sentence maximum of each group's token probability (is there a loaded word / a doubt clause here?).
  const gmax = groups?.tok ? sentenceGroupMax(groups.tok, ranges) : undefined;
  const sent = sentenceProbStats(probs, ranges);
  // Strongest prob to the left and right within the sentence, the weaker of the two (is this token between two hot ones?).
  const between = betweenMax(t, probs, ranges);
  // The dense (word-vector) sentence model is a second, differently built opinion on the sentence:
  // its log-odds are added to the sparse sentence model's (a product of experts), so the second pass
  // keeps the same few features instead of learning crosses of two noisy probabilities.
  const sentP = sentProbs && denseProbs ? Array.from(sentProbs, (p, s) => 1 / (1 + Math.exp(-(logit(p) + logit(denseProbs[s]))))) : sentProbs;
  return t.tokens.map((tok, i) => {
    const [a, b] = ranges[tok.sentence];
    const at = (j: number) => (j < a || j > b ? 'x' : pb(probs[j]));
    const s = sent[tok.sentence];
    const me = pb(probs[i]);
    const extra: string[] = [];
    if (tokDense) {
      // The dense (word-vector) token model: a differently built opinion on the same token.
      const q = pb(tokDense[i]);
      extra.push(`q=${q}`, `pq=${me}_${q}`);
    }
    if (sentP) {
      const sp = pb(sentP[tok.sentence]);
      extra.push(`sp=${sp}`, `psp=${me}_${sp}`, `spmax=${sp}_${pb(s.max)}`);
    }
    if (groups?.tok) {
      groups.tok.forEach((q, g) => {
        const n = Math.max(i > a ? q[i - 1] : 0, i < b ? q[i + 1] : 0);
        const gq = pb(q[i]);
        extra.push(`g${g}=${gq}`, `g${g}n=${pb(n)}`, `g${g}s=${pb(gmax![g][tok.sentence])}`, `g${g}p=${gq}_${me}`);
      });
    }
    if (groups?.sent) {
      groups.sent.forEach((q, g) => {
        const sg = pb(q[tok.sentence]);
        extra.push(`sg${g}=${sg}`, `sg${g}p=${sg}_${me}`);
      });
    }
    if (clauses) {
      let far = [0, 0];
      let arg = a;
      for (let j = a; j <= b; j++) if (probs[j] > probs[arg]) arg = j;
      for (let d = 3; d <= 5; d++) far = [Math.max(far[0], i - d >= a ? probs[i - d] : 0), Math.max(far[1], i + d <= b ? probs[i + d] : 0)];
      const c = clauses[i];
      const cmax = pb(c.max);
      extra.push(`w3l=${pb(far[0])}`, `w3r=${pb(far[1])}`, `w3=${pb(far[0])}_${pb(far[1])}`, `cmax=${cmax}`, `cmean=${pb(c.mean * 2)}`, `pcmax=${me}_${cmax}`, `dmax=${bucket(Math.abs(i - arg), [0, 1, 2, 4, 8, 16])}_${pb(s.max)}`);
      groups?.tok?.forEach((q, g) => {
        let m = 0;
        for (let j = Math.max(a, i - 5); j <= Math.min(b, i + 5); j++) if (j !== i) m = Math.max(m, q[j]);
        extra.push(`g${g}w=${pb(m)}`);
      });
    }
    if (art) {
      // Article context: how hot this article is overall, and where the token / its sentence stand
      // within it — one absolute threshold suits neither dense nor sparse articles.
      const tr = decile(art.sorted, probs[i]);
      const sr = decile(art.sentSorted, s.max);
      // 'ranks' (`--stack-article-ranks`): only where the token and its sentence stand within the article.
      if (article === 'ranks') extra.push(`arank=${tr}_${me}`, `asrank=${sr}_${pb(s.max)}`);
      else extra.push(`amax=${pb(art.max)}`, `aq90=${pb(art.q90)}`, `aq75=${pb(art.q75)}`, `amean=${pb(art.mean * 2)}`, `paq90=${me}_${pb(art.q90)}`, `pamean=${me}_${pb(art.mean * 2)}`, `arank=${tr}_${me}`, `asrank=${sr}_${pb(s.max)}`, `alen=${bucket(probs.length, [200, 400, 800, 1500])}_${me}`);
    }
    if (neighbours) {
      const s0 = tok.sentence;
      const nmax = (k: number) => (k < 0 || k >= sent.length ? 'x' : pb(sent[k].max));
      const nsp = (k: number) => (!sentP || k < 0 || k >= sent.length ? 'x' : pb(sentP[k]));
      const around = Math.max(s0 > 0 ? sent[s0 - 1].max : 0, s0 + 1 < sent.length ? sent[s0 + 1].max : 0);
      extra.push(`nmax=${nmax(s0 - 1)}_${nmax(s0 + 1)}`, `pnmax=${me}_${pb(around)}`, `nsp=${nsp(s0 - 1)}_${nsp(s0 + 1)}`, `snmax=${pb(s.max)}_${pb(around)}`);
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
      `lr=${pb(between[i])}`,
      `psmax=${me}_${pb(s.max)}`,
      `type=${tok.type}_${me}`,
      `slen=${bucket(b - a + 1, [5, 10, 20, 35])}_${pb(s.max)}`,
    ];
  });
}

/** Features of each sentence (bag of lemmas and word bigrams, punctuation, length; word classes when given) for the sentence-level pass. */
export function sentenceFeatures(t: TokenizedText, classes?: WordClassFn): string[][] {
  const cls = classes ? tokenClasses(t, classes) : undefined;
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
    if (cls) for (let i = a; i <= b; i++) cls[i]?.forEach((id, l) => f.push(`sv${l}=${id}`));
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

/** Word vectors as the dense sentence features need them (see src/models/word-vectors.ts). */
export interface DenseLookup {
  dim: number;
  of: (lowerWord: string) => { vec: Float32Array; sif: number } | undefined;
}

/** Width of denseSentenceInputs rows for vectors of `dim` dimensions. */
export const denseWidth = (dim: number) => 2 * dim + 7;

/**
 * Dense inputs of each sentence for the sentence-level MLP: the SIF-weighted mean word vector of the
 * sentence and of the whole article (both unit length; what the sentence is about, and what the
 * article around it is about), then share of unknown words, length, place in the article, title,
 * `!`, `?` and quotes.
 */
export function denseSentenceInputs(t: TokenizedText, emb: DenseLookup): Float32Array[] {
  const D = emb.dim;
  const ranges = sentenceRanges(t);
  const art = new Float64Array(D);
  const sents = ranges.map(([a, b]) => {
    const v = new Float64Array(D);
    let words = 0;
    let known = 0;
    let excl = 0;
    let q = 0;
    let quote = 0;
    if (a >= 0)
      for (let i = a; i <= b; i++) {
        const k = t.tokens[i];
        const w = t.text.slice(k.start, k.end).toLowerCase().replace(/’/g, "'");
        if (w === '!') excl = 1;
        if (w === '?') q = 1;
        if (QUOTES.has(w)) quote = 1;
        if (k.type === 'punctuation') continue;
        words++;
        const e = emb.of(w);
        if (!e) continue;
        known++;
        for (let d = 0; d < D; d++) v[d] += e.sif * e.vec[d];
      }
    for (let d = 0; d < D; d++) art[d] += v[d];
    return { v, words, known, excl, q, quote };
  });
  const unit = (v: Float64Array) => {
    let s = 0;
    for (let d = 0; d < D; d++) s += v[d] * v[d];
    const n = Math.sqrt(s) || 1;
    return Array.from(v, (x) => x / n);
  };
  const artUnit = unit(art);
  const S = Math.max(1, ranges.length - 1);
  return sents.map((s, i) => {
    const row = new Float32Array(denseWidth(D));
    row.set(unit(s.v), 0);
    row.set(artUnit, D);
    const o = 2 * D;
    row[o] = s.words ? 1 - s.known / s.words : 1;
    row[o + 1] = Math.min(1, s.words / 50);
    row[o + 2] = i / S;
    row[o + 3] = i === 0 ? 1 : 0;
    row[o + 4] = s.excl;
    row[o + 5] = s.q;
    row[o + 6] = s.quote;
    return row;
  });
}

/** Width of denseTokenInputs rows for vectors of `dim` dimensions. */
export const denseTokenWidth = (dim: number) => 2 * dim + 5;

/**
 * Dense inputs of each token for the token-level MLP: its own word vector (zeros when unknown), the
 * SIF-weighted mean vector of its ±2 window (unit length), then unknown word, punctuation, place in
 * the sentence, title and capitalization flags. (The sentence's vector is the sentence model's job;
 * leaving it out here keeps this model cheap: it runs over every token.)
 */
export function denseTokenInputs(t: TokenizedText, emb: DenseLookup): Float32Array[] {
  const D = emb.dim;
  const ranges = sentenceRanges(t);
  const look = t.tokens.map((k) => (k.type === 'punctuation' ? undefined : emb.of(t.text.slice(k.start, k.end).toLowerCase().replace(/’/g, "'"))));
  const win = new Float64Array(D);
  return t.tokens.map((tok, i) => {
    const [a, b] = ranges[tok.sentence];
    const row = new Float32Array(denseTokenWidth(D));
    const e = look[i];
    if (e) row.set(e.vec, 0);
    win.fill(0);
    for (let j = Math.max(a, i - 2); j <= Math.min(b, i + 2); j++) addScaled(win, look[j]);
    row.set(unitOf(win), D);
    const o = 2 * D;
    const w = t.text.slice(tok.start, tok.end);
    row[o] = e ? 0 : 1;
    row[o + 1] = tok.type === 'punctuation' ? 1 : 0;
    row[o + 2] = b > a ? (i - a) / (b - a) : 0;
    row[o + 3] = tok.sentence === 0 ? 1 : 0;
    row[o + 4] = /^[A-Z]/.test(w) ? 1 : 0;
    return row;
  });
}

function addScaled(v: Float64Array, e: { vec: Float32Array; sif: number } | undefined): void {
  if (!e) return;
  for (let d = 0; d < v.length; d++) v[d] += e.sif * e.vec[d];
}

function unitOf(v: Float64Array): Float32Array {
  let s = 0;
  for (let d = 0; d < v.length; d++) s += v[d] * v[d];
  const n = Math.sqrt(s) || 1;
  return Float32Array.from(v, (x) => x / n);
}
