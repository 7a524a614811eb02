/**
 * The propaganda-technique model at analysis time: a token tagger finds propaganda spans (SI),
 * a span classifier names their techniques (TC). Both are logistic regressions over the features in
 * src/models/features/propaganda.ts; the artifact is models/techniques.json.gz.
 */
import { loadArtifact, type Artifact } from '../../models/artifact.js';
import { FeatureVocab, LogReg, type LogRegData } from '../../models/logreg.js';
import { candidateFeatures, quantileOfSorted, denseSentenceInputs, denseTokenInputs, sentenceFeatures, sentenceRanges, spanContext, spanFeatures, stackFeatures, tokenFeatures, type SpanContext, type TokenizedText, type WordClassFn } from '../../models/features/propaganda.js';
import { classFn, embedding, type EmbeddingData, type WordClassesData } from '../../models/word-vectors.js';
import { mlpProb, type MlpData } from '../../models/mlp.js';
import { ConvNet, type ConvData } from '../../models/conv1d.js';
import { convProbs, convTokenInputs } from '../../models/conv-tokens.js';
import { modelPath } from '../../util/paths.js';
import { StackIdEncoder, TokenIdEncoder } from './encode.js';
import { bioExtraFeatures, bioSpans, decode, decodeScores, logPosteriors, type BioData } from './bio.js';
import type { FeatureWeight, Technique } from './types.js';

export const TECHNIQUES_MODEL_FILE = 'techniques.json.gz';

export interface SpanRules {
  /** Token probability at or above which a token is inside a propaganda span. */
  threshold: number;
  /** Join two runs separated by at most this many tokens below the threshold. */
  gap: number;
  /** Drop spans shorter than this many word tokens (lone tokens are mostly noise). */
  minTokens?: number;
  /**
   * Which token probability to threshold: 'second' = the stacked pass (smooth, sentence-aware:
   * best for the SI metric, which rewards long spans); 'max' = the larger of first and second pass,
   * so single strongly loaded words stand out too (what an analyst reading the report wants).
   */
  combine?: 'second' | 'max';
  /** Re-score each candidate span with the span scorer and keep those at/above its threshold. */
  rescore?: boolean;
  /**
   * Group-specific rule (grouped first pass only, `--group-rules`): tokens whose first-pass group mass
   * is mostly short-span groups (repetition, lexical) form word-level runs with this threshold and gap
   * (any length); the other tokens use threshold/gap/minTokens above; the two span sets are united.
   * `phrase`: count the phrase group (slogans, clichés, exaggeration, flag-waving) as short too.
   */
  short?: { threshold: number; gap: number; phrase?: boolean };
  /**
   * Also trim function words off span edges (round 5, `--trim-grid`): leading TRIM_LEAD and trailing
   * TRIM_TAIL parts of speech, each under 3.5 % of gold span starts / ends in the PTC training labels.
   */
  trim?: boolean;
  /**
   * With `short`: long tokens whose group mass leans to the phrase group (slogans, clichés,
   * exaggeration, flag-waving) rather than the clausal one need this probability instead of
   * `threshold` (round 5, `--phrase-threshold-grid`).
   */
  phraseThreshold?: number;
  /** With `short`: a token is short when the short groups hold at least this share of its group mass (default 0.5; `--short-share-grid`). */
  shortShare?: number;
  /** Drop spans shorter than this many characters (round 5, `--min-chars-grid`; gold spans: 5 % under 7). */
  minChars?: number;
  /**
   * Hysteresis (session 8, `--peak-grid`): a run found at `threshold` is kept only if some token in it reaches
   * `peak` (long runs only; short-group word runs are unaffected).
   */
  peak?: number;
  /**
   * Relative threshold (round 6, `--article-q-grid`): every threshold of the rule becomes
   * max(its value, this quantile of the article's token probabilities), so an article that is hot
   * throughout keeps only its hottest parts.
   */
  articleQ?: number;
  /**
   * Whole-sentence spans (round 7, `--whole-spans`): sentences rated at/above `threshold` become one
   * span each (edge punctuation trimmed), replacing the other spans inside them; other sentences keep
   * the rule above. Rating `source`: 'sent' = the sentence classifier (P sentence holds propaganda),
   * 'whole' = the whole-sentence model (P ≥ 90 % of its words are), 'mean' = mean token probability of
   * its words. `hit`: only sentences where the rule above already found a span.
   */
  whole?: WholeSentenceRule;
  /**
   * Learned boundaries (round 7, `--bio`): spans are the B I* runs of the B/I/O tagger's constrained
   * Viterbi decode with `bias` added to O's score (bio.ts), instead of threshold runs (`prior`: emissions
   * are log P(y | x) − log P(y), the hybrid decode); with `short`
   * (and a grouped rule) united with the rule's short-group word runs.
   */
  bio?: { bias: number; prior?: boolean; short?: boolean };
}

export interface WholeSentenceRule {
  source: 'sent' | 'whole' | 'mean';
  threshold: number;
  hit?: boolean;
}

/** Per-sentence ratings the whole-sentence rule reads, and the B/I/O emissions the `bio` rule decodes. */
export interface SentenceRatings {
  sent?: ArrayLike<number>;
  whole?: ArrayLike<number>;
  bio?: BioScores;
}

/** B/I/O log posteriors (tokens × 3), transition scores (3 × 3) and label log priors of a text (bio.ts). */
export interface BioScores {
  e: ArrayLike<number>;
  trans: ArrayLike<number>;
  prior: ArrayLike<number>;
}

/** Parts of speech that rarely start (lead) or end (tail) a gold propaganda span. */
export const TRIM_LEAD = new Set(['CCONJ', 'SCONJ', 'ADP', 'AUX', 'PART']);
export const TRIM_TAIL = new Set(['CCONJ', 'SCONJ', 'ADP', 'AUX', 'PART', 'DET']);

/** Span-level re-scorer: logistic regression over candidateFeatures, and the score a span must reach. */
export interface SpanScorerData {
  model: LogRegData;
  keep: number;
}

/** Token probabilities of both passes and the sentence probabilities (what candidate spans are judged on). */
export interface PassProbs {
  first: ArrayLike<number>;
  second: ArrayLike<number>;
  sent?: ArrayLike<number>;
  /** First-pass probability of each technique group (grouped tagger), groups.ts order without O. */
  groups?: ArrayLike<number>[];
  /** Per sentence: P(≥ 90 % of its words are propaganda), from the whole-sentence model (`--whole-spans`). */
  whole?: ArrayLike<number>;
  /** B/I/O tagger scores (`--bio`). */
  bio?: BioScores;
}

/** Candidate spans of a rule, each with its span-scorer probability (keep those ≥ the scorer's threshold). */
export function scoreCandidates(t: TokenizedText, p: PassProbs, rules: SpanRules, scorer: LogReg): { span: [number, number]; score: number }[] {
  const ranges = sentenceRanges(t);
  const probs = rules.combine === 'max' ? Array.from(p.second, (x, i) => Math.max(x, p.first[i])) : p.second;
  return spansFromProbs(t, probs, rules).map((span) => ({ span, score: scorer.probs(candidateFeatures(t, ranges, p.second, p.first, p.sent, span[0], span[1]))[1] }));
}

export interface TechniquesModelData {
  si: LogRegData;
  /** Further first-pass models (same classes) whose probabilities are averaged with si's (`--bag`). */
  siBag?: LogRegData[];
  /** Optional second pass over stacked first-pass probabilities (see stackFeatures). */
  si2?: LogRegData;
  /** Optional third pass over the second pass's probabilities (thirdFeatures, `--third-pass`). */
  si3?: LogRegData;
  /** The second pass also sees the words (see stackFeatures). */
  stackLexical?: boolean;
  /** The second pass also sees wider probability context (stackFeatures `wide`, `--stack-wide`). */
  stackWide?: boolean;
  /** The second pass also sees article-level context (stackFeatures `article`, `--stack-article`). */
  stackArticle?: boolean | 'ranks';
  /** The second pass also sees the neighbouring sentences (stackFeatures `neighbours`, `--stack-neighbours`). */
  stackNeighbours?: boolean;
  /** Optional sentence-level model whose probability feeds the second pass. */
  sent?: LogRegData;
  /** One-vs-rest sentence models per technique group (`--sentence-groups`), feeding the second pass. */
  sentGroups?: LogRegData[];
  /** Whole-sentence model read by the span rule's `whole` step only (round 7, `--whole-spans`). */
  wholeSent?: LogRegData;
  /** B/I/O boundary tagger over the second-pass features (round 7, `--bio`). */
  bio?: BioData;
  tc: LogRegData;
  /** Span re-scorer applied when rules.rescore is set. */
  spanScorer?: SpanScorerData;
  /** Span rules tuned for the SI metric (used by `ptc predict-si` / `ptc eval`). */
  rules: SpanRules;
  /** Span rules of the analyzer component (word-level; figures in the header metrics). */
  displayRules?: SpanRules;
  /** At analysis time a second technique is reported when its probability reaches this. */
  secondLabelMin: number;
  /** Word classes (k-means of word vectors) for the token and sentence features (ablation option, `--word-classes`; not in the shipped model). */
  wordClasses?: WordClassesData;
  /** Dense sentence model over word-vector averages feeding the second pass, and its int8 word vectors (ablation option, `--dense`; not in the shipped model). */
  dense?: MlpData;
  embedding?: EmbeddingData;
  /** Dense token model (MLP over the word vectors of the token and its ±2 window) feeding the second pass (`--dense-tokens`). */
  denseTok?: MlpData;
  /** Convolutional token model over the word vectors (`embedding`) feeding the second pass in denseTok's place (session 9, `--conv`). */
  conv?: ConvData;
}

export interface FoundSpan {
  start: number;
  end: number;
  /** Mean token probability of the span. */
  confidence: number;
  features: FeatureWeight[];
}

export interface RankedTechnique {
  technique: Technique;
  probability: number;
}

export class TechniquesModel {
  readonly si: LogReg;
  readonly siBag: LogReg[];
  readonly tc: LogReg;
  readonly si2?: LogReg;
  readonly si3?: LogReg;
  readonly sent?: LogReg;
  readonly sentGroups?: LogReg[];
  readonly wholeSent?: LogReg;
  readonly bio?: { vocab: FeatureVocab; w: Float64Array; trans: Float64Array; prior: Float64Array };
  readonly scorer?: LogReg;
  readonly classes?: WordClassFn;
  readonly embedding?: ReturnType<typeof embedding>;
  readonly conv?: ConvNet;
  constructor(readonly data: TechniquesModelData) {
    if ((data.dense || data.conv) && data.embedding) this.embedding = embedding(data.embedding);
    if (data.conv) this.conv = new ConvNet(data.conv);
    if (data.wordClasses) this.classes = classFn(data.wordClasses);
    if (data.spanScorer) this.scorer = new LogReg(data.spanScorer.model);
    this.si = new LogReg(data.si);
    this.siBag = (data.siBag ?? []).map((d) => new LogReg(d));
    if (data.sent) this.sent = new LogReg(data.sent);
    if (data.sentGroups) this.sentGroups = data.sentGroups.map((d) => new LogReg(d));
    if (data.wholeSent) this.wholeSent = new LogReg(data.wholeSent);
    if (data.bio) this.bio = { vocab: FeatureVocab.from(data.bio.features), w: Float64Array.from(data.bio.weights), trans: Float64Array.from(data.bio.trans), prior: Float64Array.from(data.bio.prior) };
    if (data.si2) this.si2 = new LogReg(data.si2);
    if (data.si3) this.si3 = new LogReg(data.si3);
    this.tc = new LogReg(data.tc);
  }

  /** Cached feature-id encoders of the hot path (created on first use; see encode.ts). */
  private tokEnc?: TokenIdEncoder;
  private stackEnc?: StackIdEncoder;

  /** Token probabilities of both passes (the second = the first when there is no second pass). */
  passes(t: TokenizedText): PassProbs & { ids: Int32Array[]; firstGroups?: Float64Array[] } {
    // Feature strings are only needed by the word-class and bagged variants (ablations, never shipped);
    // otherwise the ids come from the cached encoder (same ids, same order as encoding the strings).
    const feats = this.classes || this.siBag.length ? tokenFeatures(t, this.classes) : undefined;
    // Encoded once: the first pass scores them and explainSpan reuses them (encoding is the hot spot).
    const ids = feats ? feats.map((f) => this.si.vocab.encode(f)) : (this.tokEnc ??= new TokenIdEncoder(this.si.vocab)).encode(t);
    const n = ids.length;
    const first = new Float64Array(n);
    const pIdx = this.data.si.classes.indexOf('P');
    // A grouped first pass (classes O + technique groups, `--token-groups`): P = 1 − P(O).
    const K = this.data.si.classes.length;
    const groupTok = pIdx < 0 ? Array.from({ length: K - 1 }, () => new Float64Array(n)) : undefined;
    ids.forEach((x, i) => {
      const p = this.si.probsIds(x);
      if (this.siBag.length) {
        // Bagged first pass: average the class probabilities of all its models.
        for (const m of this.siBag) m.probs(feats![i]).forEach((x, k) => (p[k] += x));
        for (let k = 0; k < K; k++) p[k] /= this.siBag.length + 1;
      }
      if (!groupTok) first[i] = p[pIdx];
      else {
        first[i] = 1 - p[0];
        for (let g = 1; g < K; g++) groupTok[g - 1][i] = p[g];
      }
    });
    // First-pass group probabilities ride along so explainSpan need not recompute them (same numbers without a bag).
    const fg = groupTok && !this.siBag.length ? { firstGroups: groupTok } : {};
    if (!this.si2) return { first, second: first, ids, ...fg };
    const sentFeats = this.sent || this.sentGroups || this.wholeSent ? sentenceFeatures(t, this.classes) : undefined;
    const whole = this.wholeSent ? { whole: Float64Array.from(sentFeats!, (f) => this.wholeSent!.probs(f)[1]) } : {};
    const groups = groupTok || this.sentGroups ? { ...(groupTok ? { tok: groupTok } : {}), ...(this.sentGroups ? { sent: this.sentGroups.map((m) => sentFeats!.map((f) => m.probs(f)[1])) } : {}) } : undefined;
    const sent = this.sent ? sentFeats!.map((f) => this.sent!.probs(f)[1]) : undefined;
    const dense = this.embedding && this.data.dense ? denseSentenceInputs(t, this.embedding).map((x) => mlpProb(this.data.dense!, x)) : undefined;
    const tok = this.embedding && this.data.denseTok ? denseTokenInputs(t, this.embedding).map((x) => mlpProb(this.data.denseTok!, x)) : this.embedding && this.conv ? convProbs(this.conv, t, convTokenInputs(t, this.embedding)) : undefined;
    // The B/I/O tagger reads the second-pass feature strings (string path; `--bio` only).
    const stackStrings = this.bio ? stackFeatures(t, first, sent, this.data.stackLexical, dense, tok, groups, this.data.stackWide, this.data.stackArticle, this.data.stackNeighbours) : undefined;
    const bio = this.bio ? { bio: { e: logPosteriors(this.bio.w, bioInputs(stackStrings!, t).map((f) => this.bio!.vocab.encode(f))), trans: this.bio.trans, prior: this.bio.prior } } : {};
    const fast = !stackStrings && StackIdEncoder.supports({ lexical: this.data.stackLexical, dense, tokDense: tok, groups, wide: this.data.stackWide, article: this.data.stackArticle, neighbours: this.data.stackNeighbours });
    const sp = fast
      ? secondPassIds(this.si2, (this.stackEnc ??= new StackIdEncoder(this.si2.vocab)).encode(t, first, sent, groups))
      : secondPass(this.si2, stackStrings ?? stackFeatures(t, first, sent, this.data.stackLexical, dense, tok, groups, this.data.stackWide, this.data.stackArticle, this.data.stackNeighbours));
    // Group shares for the group-specific span rule: the second pass's when it is grouped, else the first's.
    let g = sp.groups ?? groupTok;
    let second = sp.p;
    if (this.si3) {
      const s3 = secondPass(this.si3, thirdFeatures(t, sp.p, sent, g, first));
      second = s3.p;
      g = s3.groups ?? g;
    }
    return { first, second, sent, ids, ...(g ? { groups: g } : {}), ...fg, ...whole, ...bio };
  }

  /** Propaganda spans (UTF-16 offsets into t.text). */
  findSpans(t: TokenizedText, rules: SpanRules = this.data.rules, explain = true): FoundSpan[] {
    const pass = this.passes(t);
    const probs = Float64Array.from(pass.second, (p, i) => (rules.combine === 'max' ? Math.max(p, pass.first[i]) : p));
    const spans =
      rules.rescore && this.scorer
        ? scoreCandidates(t, pass, rules, this.scorer)
            .filter((c) => c.score >= this.data.spanScorer!.keep)
            .map((c) => c.span)
        : ruleSpans(t, probs, rules, pass.groups, pass);
    return spans.map(([a, b]) => {
      let sum = 0;
      for (let i = a; i <= b; i++) sum += probs[i];
      const span: FoundSpan = { start: t.tokens[a].start, end: t.tokens[b].end, confidence: sum / (b - a + 1), features: [] };
      if (explain) span.features = this.explainSpan(pass.ids, a, b, pass.firstGroups);
      return span;
    });
  }

  private explainSpan(ids: Int32Array[], a: number, b: number, firstGroups?: Float64Array[]): FeatureWeight[] {
    let pIdx = this.data.si.classes.indexOf('P');
    if (pIdx < 0) {
      // Grouped tagger: explain the technique group most probable over the span.
      const sum = new Float64Array(this.si.K);
      if (firstGroups) for (let i = a; i <= b; i++) firstGroups.forEach((q, g) => (sum[g + 1] += q[i]));
      else for (let i = a; i <= b; i++) this.si.probsIds(ids[i]).forEach((p, k) => (sum[k] += p));
      pIdx = 1;
      for (let k = 2; k < this.si.K; k++) if (sum[k] > sum[pIdx]) pIdx = k;
    }
    const total = new Map<string, number>();
    for (let i = a; i <= b; i++) for (const fw of this.si.explainIds(ids[i], pIdx, 3)) total.set(fw.feature, (total.get(fw.feature) ?? 0) + fw.weight);
    return [...total]
      .map(([feature, weight]) => ({ feature: `span:${feature}`, weight: Math.round(weight * 1000) / 1000 }))
      .sort((x, y) => y.weight - x.weight || (x.feature < y.feature ? -1 : 1))
      .slice(0, 3);
  }

  /** Techniques of a span, most probable first. */
  classify(c: SpanContext, start: number, end: number): { ranked: RankedTechnique[]; features: string[]; ids: Int32Array } {
    const features = spanFeatures(c, start, end);
    const ids = this.tc.vocab.encode(features);
    const p = this.tc.probsIds(ids);
    const ranked = this.data.tc.classes
      .map((technique, k) => ({ technique: technique as Technique, probability: p[k] }))
      .sort((x, y) => y.probability - x.probability || (x.technique < y.technique ? -1 : 1));
    return { ranked, features, ids };
  }

  /** Features behind a technique; pass classify's `ids` to skip re-encoding `features`. */
  explainTechnique(features: string[], technique: Technique, top = 5, ids?: Int32Array): FeatureWeight[] {
    const k = this.data.tc.classes.indexOf(technique);
    return ids ? this.tc.explainIds(ids, k, top) : this.tc.explain(features, k, top);
  }

  context(t: TokenizedText): SpanContext {
    return spanContext(t);
  }
}

/**
 * Second-pass probabilities: P(P) for an O / P model; for a grouped one (`--stack-groups`, classes O +
 * technique groups) P = 1 − P(O) and each group's probability.
 */
export function secondPass(si2: LogReg, feats: string[][]): { p: Float64Array; groups?: Float64Array[] } {
  return secondPassIds(si2, feats.map((f) => si2.vocab.encode(f)));
}

/** `secondPass` over encoded features. */
export function secondPassIds(si2: LogReg, ids: Int32Array[]): { p: Float64Array; groups?: Float64Array[] } {
  const pIdx = si2.data.classes.indexOf('P');
  const p = new Float64Array(ids.length);
  if (pIdx >= 0) {
    ids.forEach((x, i) => (p[i] = si2.probsIds(x)[pIdx]));
    return { p };
  }
  const groups = Array.from({ length: si2.K - 1 }, () => new Float64Array(ids.length));
  ids.forEach((x, i) => {
    const q = si2.probsIds(x);
    p[i] = 1 - q[0];
    for (let g = 1; g < si2.K; g++) groups[g - 1][i] = q[g];
  });
  return { p, groups };
}

/**
 * Features of the third pass (`--third-pass`): the second-pass features rebuilt over the second pass's
 * probabilities and group shares, plus the first-pass bucket crossed with the second's.
 */
export function thirdFeatures(t: TokenizedText, second: ArrayLike<number>, sent: ArrayLike<number> | undefined, groups: ArrayLike<number>[] | undefined, first: ArrayLike<number>): string[][] {
  const pb = (p: number) => String(Math.min(9, Math.floor(p * 10)));
  return stackFeatures(t, second, sent, false, undefined, undefined, groups ? { tok: groups } : undefined).map((f, i) => [...f, `f1=${pb(first[i])}_${pb(second[i])}`]);
}

/** Group indexes (GROUP_CLASSES order without O) whose spans are short: repetition, lexical (+ phrase). */
const SHORT_GROUPS = [0, 1];
const SHORT_PHRASE_GROUPS = [0, 1, 2];

/**
 * Spans of a rule; with `rules.short` and group probabilities, short-group tokens make word-level runs
 * and the others the main rule's runs, united (overlaps merged, so no span covers another).
 */
export function ruleSpans(t: TokenizedText, probs: ArrayLike<number>, rules: SpanRules, groups?: ArrayLike<number>[], ratings?: SentenceRatings): [number, number][] {
  if (rules.whole) {
    const { whole, ...rest } = rules;
    return wholeSentenceSpans(t, probs, whole, ruleSpans(t, probs, rest, groups, ratings), ratings);
  }
  if (rules.bio) {
    const { bio, ...rest } = rules;
    if (!ratings?.bio) throw new Error('B/I/O span rule: no B/I/O scores (the model lacks the B/I/O tagger)');
    const spans = bioSpans(t, decode(sentenceRanges(t), decodeScores(ratings.bio.e, bio.prior ? ratings.bio.prior : undefined), ratings.bio.trans, bio.bias, t.tokens.length));
    // With `short`: the grouped rule's short-group word runs too (its long threshold made unreachable).
    if (!bio.short || !rest.short || !groups) return spans;
    return mergeSpans([...spans, ...ruleSpans(t, probs, { ...rest, threshold: Infinity }, groups)]);
  }
  if (rules.articleQ !== undefined) {
    const { articleQ, ...rest } = rules;
    const qv = quantile(probs, articleQ);
    return ruleSpans(t, probs, { ...rest, threshold: Math.max(rest.threshold, qv), ...(rest.short ? { short: { ...rest.short, threshold: Math.max(rest.short.threshold, qv) } } : {}), ...(rest.phraseThreshold !== undefined ? { phraseThreshold: Math.max(rest.phraseThreshold, qv) } : {}) }, groups);
  }
  if (!rules.short || !groups) return spansFromProbs(t, probs, rules);
  const shortSet = rules.short.phrase ? SHORT_PHRASE_GROUPS : SHORT_GROUPS;
  const shortP = new Float64Array(probs.length);
  const longP = new Float64Array(probs.length);
  for (let i = 0; i < probs.length; i++) {
    let all = 0;
    let short = 0;
    groups.forEach((q, g) => {
      all += q[i];
      if (shortSet.includes(g)) short += q[i];
    });
    if (rules.shortShare === undefined ? short >= all - short : short >= rules.shortShare * all) shortP[i] = probs[i];
    else if (rules.phraseThreshold === undefined || groups[3][i] >= groups[2][i]) longP[i] = probs[i];
    // Phrase-leaning long token: its own threshold, then it joins the sentence run like any other.
    else longP[i] = probs[i] >= rules.phraseThreshold ? Math.max(probs[i], rules.threshold) : 0;
  }
  return mergeSpans([...spansFromProbs(t, longP, rules), ...spansFromProbs(t, shortP, { threshold: rules.short.threshold, gap: rules.short.gap, minTokens: 1, ...(rules.trim ? { trim: true } : {}), ...(rules.minChars ? { minChars: rules.minChars } : {}) })]);
}

/** Spans sorted, overlapping ones merged (so no span covers another). */
function mergeSpans(list: [number, number][]): [number, number][] {
  const spans = list.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: [number, number][] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else out.push([s[0], s[1]]);
  }
  return out;
}

/**
 * Whole-sentence spans over `base` (spans within sentences): each sentence rated ≥ the threshold (and,
 * with `hit`, holding a base span) becomes one span, edge punctuation trimmed; base spans inside it go.
 */
export function wholeSentenceSpans(t: TokenizedText, probs: ArrayLike<number>, rule: WholeSentenceRule, base: [number, number][], ratings?: SentenceRatings): [number, number][] {
  const ranges = sentenceRanges(t);
  const given = rule.source === 'sent' ? ratings?.sent : rule.source === 'whole' ? ratings?.whole : undefined;
  if (rule.source !== 'mean' && !given) throw new Error(`whole-sentence rule: no '${rule.source}' sentence probabilities (the model lacks that sentence model)`);
  const hasBase = new Uint8Array(ranges.length);
  for (const [a] of base) hasBase[t.tokens[a].sentence] = 1;
  const hot = new Uint8Array(ranges.length);
  const mark = new Float64Array(probs.length);
  ranges.forEach(([a, b], s) => {
    if (a < 0 || (rule.hit && !hasBase[s])) return;
    let r: number;
    if (given) r = given[s];
    else {
      let sum = 0;
      let n = 0;
      for (let i = a; i <= b; i++) {
        if (t.tokens[i].type === 'punctuation') continue;
        sum += probs[i];
        n++;
      }
      r = n ? sum / n : 0;
    }
    if (r < rule.threshold) return;
    hot[s] = 1;
    for (let i = a; i <= b; i++) mark[i] = 1;
  });
  // One run per hot sentence (runs never cross sentences), edge punctuation trimmed as for any span.
  const whole = spansFromProbs(t, mark, { threshold: 1, gap: 1000, minTokens: 1 });
  return [...base.filter(([a]) => !hot[t.tokens[a].sentence]), ...whole].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

/** The q-quantile (0–1) of the values: the value at rank floor(q·n) of the sorted copy (0 when empty). */
export function quantile(xs: ArrayLike<number>, q: number): number {
  return quantileOfSorted(Float64Array.from(xs).sort(), q);
}

/** Runs of tokens at/above the threshold within a sentence, small gaps bridged, edge punctuation trimmed. */
export function spansFromProbs(t: TokenizedText, probs: ArrayLike<number>, rules: SpanRules): [number, number][] {
  const out: [number, number][] = [];
  let a = -1;
  let b = -1;
  const flush = () => {
    if (a < 0) return;
    let x = a;
    let y = b;
    const lead = (k: TokenizedText['tokens'][number]) => k.type === 'punctuation' || (rules.trim === true && TRIM_LEAD.has(k.pos));
    const tail = (k: TokenizedText['tokens'][number]) => k.type === 'punctuation' || (rules.trim === true && TRIM_TAIL.has(k.pos));
    while (x <= y && lead(t.tokens[x])) x++;
    while (y >= x && tail(t.tokens[y])) y--;
    let words = 0;
    for (let i = x; i <= y; i++) if (t.tokens[i].type !== 'punctuation') words++;
    let top = 0;
    if (rules.peak !== undefined) for (let i = x; i <= y; i++) top = Math.max(top, probs[i]);
    if (x <= y && words >= (rules.minTokens ?? 1) && t.tokens[y].end - t.tokens[x].start >= (rules.minChars ?? 0) && (rules.peak === undefined || top >= rules.peak)) out.push([x, y]);
    a = b = -1;
  };
  for (let i = 0; i < t.tokens.length; i++) {
    if (probs[i] < rules.threshold) continue;
    if (a >= 0 && (t.tokens[i].sentence !== t.tokens[b].sentence || i - b - 1 > rules.gap)) flush();
    if (a < 0) a = i;
    b = i;
  }
  flush();
  return out;
}

let cached: { path: string; model: TechniquesModel; header: Artifact<unknown>['header'] } | undefined;

/** Load (once per process) from a models folder, or from an artifact file when given a .json.gz path. */
export function loadTechniquesModel(dirOrFile?: string): { model: TechniquesModel; header: Artifact<unknown>['header'] } {
  const path = !dirOrFile ? modelPath(TECHNIQUES_MODEL_FILE) : dirOrFile.endsWith('.gz') ? dirOrFile : `${dirOrFile}/${TECHNIQUES_MODEL_FILE}`;
  if (cached?.path === path) return cached;
  const art = loadArtifact<TechniquesModelData>(path);
  cached = { path, model: new TechniquesModel(art.body), header: art.header };
  return cached;
}

/** Features of the B/I/O tagger: the second-pass features of each token plus its boundary features. */
export function bioInputs(stack: string[][], t: TokenizedText): string[][] {
  const extra = bioExtraFeatures(t);
  return stack.map((f, i) => [...f, ...extra[i]]);
}
