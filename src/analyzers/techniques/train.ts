/**
 * Training and cross-validation of the propaganda-technique models on the PTC corpus.
 * Everything is deterministic for a seed: articles are sorted by id, features numbered in data
 * order, folds and example order come from the seeded generator.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tokenize } from '../../nlp/tokenize.js';
import { FeatureVocab, trainLogReg, packLogReg, LogReg, softmaxInPlace, type Example } from '../../models/logreg.js';
import { kFolds, rng } from '../../models/random.js';
import { candidateFeatures, type GroupProbs, denseSentenceInputs, denseTokenInputs, denseTokenWidth, denseWidth, sentenceFeatures, sentenceRanges, spanContext, spanFeatures, stackFeatures, tokenFeatures, type SpanContext, type TokenizedText } from '../../models/features/propaganda.js';
import { classFn, embedding, type EmbeddingData, type WordClassesData } from '../../models/word-vectors.js';
import { mlpProb, trainMlp, type MlpData } from '../../models/mlp.js';
import { ConvNet, trainConv, type ConvActivation, type ConvData, type ConvLayerSpec, type ConvSequence } from '../../models/conv1d.js';
import { convInputWidth, convProbs as convTokenProbs, convSentences, convTokenInputs } from '../../models/conv-tokens.js';
import { rocAuc } from '../../models/auc.js';
import { readPtcArticles, readPtcLabels, type PtcArticle, type PtcSpan } from '../../eval/ptc/corpus.js';
import { scoreSi, scoreTc, type LabelledSpan, type SiScore, type SimpleSpan, type TcScore } from '../../eval/ptc/score.js';
import { bioLabels, logPosteriors, transitionsOf, type BioData } from './bio.js';
import { bioInputs, ruleSpans, scoreCandidates, secondPass, spansFromProbs, thirdFeatures, type PassProbs, type SpanRules, type TechniquesModelData } from './model.js';
import { TECHNIQUES, type Technique } from './types.js';
import { GROUP_CLASSES, sentenceGroups, tokenGroups } from './groups.js';

export interface GoldSpan {
  start: number;
  end: number;
  cpStart: number;
  cpEnd: number;
  /** Techniques of this identical span (one per gold line). */
  labels: Technique[];
}

export interface PreparedArticle {
  id: string;
  article: PtcArticle;
  t: TokenizedText;
  ctx: SpanContext;
  /** Token feature ids (global vocabulary). */
  tokX: Int32Array[];
  /** 1 when the token overlaps a gold SI span. */
  tokY: Uint8Array;
  si: SimpleSpan[];
  tc: GoldSpan[];
  /** Span feature ids per tc entry. */
  tcX: Int32Array[];
  /** Sentence feature ids and labels (1 when a sentence holds any gold SI token). */
  sentX: Int32Array[];
  sentY: Uint8Array;
  /** Technique group of each token (0 = O; see groups.ts), for the grouped first pass. */
  tokG: Uint8Array;
  /** Per group: 1 when the sentence holds a token of that group. */
  sentG: Uint8Array[];
  /** Sentence is (nearly) all inside propaganda: ≥ 90 % of its non-punctuation tokens in gold SI spans. */
  sentWhole: Uint8Array;
  /** Dense sentence inputs (word-vector averages), when the corpus has an embedding. */
  denseX?: Float32Array[];
  /** Dense token inputs, when the corpus has an embedding and dense token features are on. */
  denseTokX?: Float32Array[];
  /** Convolutional token model inputs (tokens × convInputWidth), when the conv model is on (session 9). */
  convX?: Float32Array;
}

export interface Corpus {
  articles: PreparedArticle[];
  tokVocab: FeatureVocab;
  spanVocab: FeatureVocab;
  sentVocab: FeatureVocab;
  /** Word classes used by the token and sentence features (shipped in the model). */
  classes?: WordClassesData;
  /** Word vectors for the dense sentence model (shipped in the model). */
  embedding?: EmbeddingData;
}

export interface TrainOptions {
  seed: number;
  siEpochs: number;
  tcEpochs: number;
  siMinCount: number;
  tcMinCount: number;
  siL2: number;
  tcL2: number;
  siLr: number;
  tcLr: number;
  /** Class weights of the technique classifier = (largest class / class)^tcBalance; 0 = unweighted. */
  tcBalance: number;
  /** Give the second pass the words too (token and neighbours), not only probabilities. */
  stackLexical: boolean;
  /** Inner folds for the stacked second SI pass (0 = no second pass). */
  stackFolds: number;
  /**
   * Choose the span rule on the training articles' out-of-fold probabilities (inner folds) instead
   * of on the evaluation folds (needs stackFolds ≥ 2).
   */
  innerRules: boolean;
  /** Also re-score candidate spans with a span-level model (needs innerRules). */
  spanScorer: boolean;
  /** Hidden units and epochs of the dense sentence model (used when the corpus has an embedding). */
  denseHidden: number;
  denseEpochs: number;
  denseTokEpochs: number;
  denseTokHidden: number;
  /** First SI pass multinomial over O + technique groups (groups.ts) instead of O / P; P = 1 − P(O). */
  tokenGroups: boolean;
  /** One-vs-rest sentence classifiers per technique group, feeding the second pass. */
  sentenceGroups: boolean;
  /** Round 6: a sentence model for "sentence is (nearly) all propaganda", fed to the second pass like the group sentence models. */
  sentenceWhole?: boolean;
  /** Also try group-specific span rules (SpanRules.short) in the inner rule choice (needs tokenGroups). */
  groupRules: boolean;
  /** With groupRules: the grid also tries counting the phrase group as short. */
  groupRulesPhrase: boolean;
  /** Second pass multinomial over O + technique groups too (its group shares then drive the group rules). */
  stackGroups: boolean;
  /** First-pass models whose probabilities are averaged (1 = a single model, as shipped). */
  bag: number;
  /** Second pass also sees wider context of the first-pass probabilities (stackFeatures `wide`). */
  stackWide: boolean;
  /** The second pass also sees article-level context (stackFeatures `article`, round 6). */
  stackArticle?: boolean | 'ranks';
  /** The second pass also sees the neighbouring sentences (stackFeatures `neighbours`, round 7). */
  stackNeighbours?: boolean;
  /** The inner rule grid also tries trimming function words off span edges (SpanRules.trim). */
  trimGrid: boolean;
  /** Refine the chosen grouped rule with a phrase-group threshold (SpanRules.phraseThreshold). */
  phraseThresholdGrid: boolean;
  /** Refine the chosen grouped rule's short/long split (SpanRules.shortShare). */
  shortShareGrid: boolean;
  /** Refine the chosen rule with a minimum span length in characters (SpanRules.minChars). */
  minCharsGrid: boolean;
  /** Refine the chosen rule with a hysteresis peak: a long run must hold a token at/above it (SpanRules.peak, session 8). */
  peakGrid?: boolean;
  /** Refine the chosen rule with a threshold relative to the article (SpanRules.articleQ, round 6). */
  articleQGrid?: boolean;
  /**
   * Round 7: whole-sentence spans (SpanRules.whole) — a whole-sentence model (not fed to the second
   * pass) and the sentence classifier rate sentences; the rating source, threshold and `hit` are
   * chosen on the inner folds as a refinement of the chosen rule.
   */
  wholeSpans?: boolean;
  /**
   * Round 7: learned boundaries — a B/I/O structured perceptron over the second-pass features (+ part of
   * speech / punctuation around the token), constrained Viterbi decode; its O bias (and whether the
   * grouped rule's short-group word runs are added) chosen on the inner folds against the chosen rule.
   */
  bio?: boolean;
  /** Epochs of the B/I/O tagger's emission model (default BIO_EPOCHS). */
  bioEpochs?: number;
  /**
   * Round 7: the first pass applied to new text is the average of the inner-fold taggers (those that
   * produced the second pass's out-of-fold training inputs) instead of one tagger trained on all
   * training articles (needs the stacked second pass; `--bag` is then not used).
   */
  foldFirst?: boolean;
  /** Choose the span rule on second-pass probabilities that are out-of-fold too (the second pass cross-fitted on the inner folds). */
  crossfitRules: boolean;
  /** A third pass over cross-fitted second-pass outputs (thirdFeatures). */
  thirdPass: boolean;
  /** Epochs and L2 of the stacked second pass. */
  si2Epochs: number;
  si2L2: number;
  /** Bagged models after the first are trained on bootstrap samples of the articles (else: other seeds only). */
  bagBootstrap: boolean;
  /**
   * Word vectors per training set (e.g. SGNS on external text plus these training articles): called
   * for every outer fold with its training articles only, so held-out text never reaches the vectors.
   */
  embedFor?: (train: PreparedArticle[]) => EmbeddingData;
  /**
   * Session 9: a convolutional token model over the word vectors (conv1d.ts) whose P(propaganda)
   * feeds the second pass in the dense token model's slot; trained out-of-fold on the inner folds
   * like the first pass. Needs a corpus prepared with conv inputs.
   */
  conv?: TokenConvOptions;
  /** Report held-out token-level AUC of the passes in crossValidate (always on with conv). */
  tokenAuc?: boolean;
  log?: (m: string) => void;
}

export interface TokenConvOptions {
  layers: ConvLayerSpec[];
  /** Train on O + technique groups (as the grouped first pass) instead of O / propaganda. */
  groups: boolean;
  act: ConvActivation;
  epochs: number;
  lr: number;
  l2: number;
  batch: number;
}

export const DEFAULT_CONV: TokenConvOptions = { layers: [{ width: 5, filters: 32 }, { width: 3, filters: 32 }], groups: true, act: 'relu', epochs: 3, lr: 1e-3, l2: 1e-5, batch: 256 };

export const DEFAULT_TRAIN: Omit<TrainOptions, 'seed'> = {
  siEpochs: 4,
  tcEpochs: 12,
  siMinCount: 2,
  tcMinCount: 2,
  siL2: 1e-6,
  tcL2: 1e-6,
  siLr: 0.05,
  tcLr: 0.1,
  stackFolds: 3,
  stackLexical: false,
  tcBalance: 0,
  innerRules: true,
  // Measured: it never earned a keep threshold above 0 on the inner folds (see docs/techniques.md), so opt-in.
  spanScorer: false,
  denseHidden: 32,
  denseEpochs: 8,
  denseTokEpochs: 2,
  denseTokHidden: 16,
  // 1.2.0 (round 4): grouped first and second pass with group-specific span rules; 5-fold SI F1 0.3920 vs 0.3797.
  tokenGroups: true,
  sentenceGroups: false,
  groupRules: true,
  groupRulesPhrase: false,
  stackGroups: true,
  bag: 1,
  bagBootstrap: false,
  stackWide: false,
  trimGrid: false,
  si2Epochs: 3,
  si2L2: 1e-6,
  phraseThresholdGrid: false,
  shortShareGrid: false,
  minCharsGrid: false,
  crossfitRules: false,
  thirdPass: false,
};

/** Read articles and labels from a PTC folder (train-articles/, train-task1-SI.labels, train-task2-TC.labels). */
export function readPtcDir(dir: string, limit?: number): { articles: PtcArticle[]; si: PtcSpan[]; tc: PtcSpan[] } {
  let articles = readPtcArticles(join(dir, 'train-articles'));
  if (limit) articles = articles.slice(0, limit);
  const tc = readPtcLabels(join(dir, 'train-task2-TC.labels'), 'tc');
  const siFile = join(dir, 'train-task1-SI.labels');
  const si = existsSync(siFile) ? readPtcLabels(siFile, 'si') : tc.map((s) => ({ ...s, technique: undefined }));
  return { articles, si, tc };
}

/** Feature group of a feature string: the part before '=' (or the whole name). */
export const featureGroup = (f: string) => {
  const i = f.indexOf('=');
  return i < 0 ? f : f.slice(0, i);
};

/** `drop`: feature groups to leave out (ablations), e.g. ['c3', 'sw'] for span features or ['w-2'] for tokens. */
export function prepareCorpus(articles: PtcArticle[], siLabels: PtcSpan[], tcLabels: PtcSpan[], drop: string[] = [], classes?: WordClassesData, emb?: EmbeddingData, denseTokens = false, convTokens = false, denseSentences = true): Corpus {
  const cls = classes ? classFn(classes) : undefined;
  const dense = emb ? embedding(emb) : undefined;
  const dropped = new Set(drop);
  const keep = (f: string[]) => (dropped.size ? f.filter((x) => !dropped.has(featureGroup(x))) : f);
  const tokVocab = new FeatureVocab();
  const spanVocab = new FeatureVocab();
  const sentVocab = new FeatureVocab();
  const siBy = group(siLabels);
  const tcBy = group(tcLabels);
  const prepared = articles.map((article) => {
    const { sentences, tokens } = tokenize(article.text);
    const t: TokenizedText = { text: article.text, sentences, tokens };
    const ctx = spanContext(t);
    const tokX = tokenFeatures(t, cls).map((f) => internAll(tokVocab, keep(f)));
    const si = (siBy.get(article.id) ?? []).map((s) => ({ id: article.id, start: s.start, end: s.end }));
    const tokY = new Uint8Array(tokens.length);
    for (const s of si) {
      const a = article.offsets.toUnit(s.start);
      const b = article.offsets.toUnit(s.end);
      tokens.forEach((k, i) => {
        if (k.start < b && k.end > a) tokY[i] = 1;
      });
    }
    const spans = new Map<string, GoldSpan>();
    for (const s of tcBy.get(article.id) ?? []) {
      const key = `${s.start}:${s.end}`;
      let g = spans.get(key);
      if (!g) spans.set(key, (g = { cpStart: s.start, cpEnd: s.end, start: article.offsets.toUnit(s.start), end: article.offsets.toUnit(s.end), labels: [] }));
      g.labels.push(s.technique!);
    }
    const tc = [...spans.values()];
    const tcX = tc.map((g) => internAll(spanVocab, keep(spanFeatures(ctx, g.start, g.end))));
    const sentX = sentenceFeatures(t, cls).map((f) => internAll(sentVocab, keep(f)));
    const sentY = new Uint8Array(sentences.length);
    tokens.forEach((k, i) => {
      if (tokY[i]) sentY[k.sentence] = 1;
    });
    const denseX = dense && denseSentences ? denseSentenceInputs(t, dense) : undefined;
    const denseTokX = dense && denseTokens ? denseTokenInputs(t, dense) : undefined;
    const convX = dense && convTokens ? convTokenInputs(t, dense) : undefined;
    const tokG = tokenGroups(tokens, tokY, tc);
    const sentG = sentenceGroups(tokens, tokG, sentences.length);
    const sentWhole = wholeSentences(tokens, tokY, sentences.length);
    return { id: article.id, article, t, ctx, tokX, tokY, tokG, sentG, sentWhole, si, tc, tcX, sentX, sentY, ...(denseX ? { denseX } : {}), ...(denseTokX ? { denseTokX } : {}), ...(convX ? { convX } : {}) };
  });
  return { articles: prepared, tokVocab, spanVocab, sentVocab, ...(classes ? { classes } : {}), ...(emb ? { embedding: emb } : {}) };
}

/** Switch the corpus to other word vectors: recompute every article's dense inputs. */
export function setEmbedding(corpus: Corpus, emb: EmbeddingData): void {
  const dense = embedding(emb);
  corpus.embedding = emb;
  for (const a of corpus.articles) {
    // A conv-only corpus (prepared without dense sentence inputs) keeps going without them.
    if (a.denseX || !a.convX) a.denseX = denseSentenceInputs(a.t, dense);
    if (a.denseTokX) a.denseTokX = denseTokenInputs(a.t, dense);
    if (a.convX) a.convX = convTokenInputs(a.t, dense);
  }
}

/** Sentences whose non-punctuation tokens are ≥ 90 % inside gold SI spans (and that have at least one). */
export function wholeSentences(tokens: { sentence: number; type?: string }[], tokY: Uint8Array, nSentences: number): Uint8Array {
  const n = new Uint32Array(nSentences);
  const inside = new Uint32Array(nSentences);
  tokens.forEach((k, i) => {
    if (k.type === 'punctuation') return;
    n[k.sentence]++;
    if (tokY[i]) inside[k.sentence]++;
  });
  return Uint8Array.from(n, (c, s) => (c > 0 && inside[s] >= 0.9 * c ? 1 : 0));
}

function group(spans: PtcSpan[]): Map<string, PtcSpan[]> {
  const m = new Map<string, PtcSpan[]>();
  for (const s of spans) {
    let l = m.get(s.id);
    if (!l) m.set(s.id, (l = []));
    l.push(s);
  }
  return m;
}

function internAll(v: FeatureVocab, f: string[]): Int32Array {
  const ids = new Set<number>();
  for (const x of f) ids.add(v.add(x));
  return Int32Array.from(ids);
}

/** Keep features seen in at least minCount training examples (rarer ones only add noise). */
function countFilter(xs: Int32Array[], size: number, minCount: number): (x: Int32Array) => Int32Array {
  if (minCount <= 1) return (x) => x;
  const counts = new Uint32Array(size);
  for (const x of xs) for (const f of x) counts[f]++;
  return (x) => x.filter((f) => counts[f] >= minCount);
}

export interface TrainedPair {
  siW: Float64Array;
  /** Further first-pass models averaged with siW (bag > 1). */
  siBag?: Float64Array[];
  /** Classes of the first pass: 2 (O / P) or GROUP_CLASSES.length (tokenGroups). */
  siK: number;
  /** One-vs-rest sentence models per technique group (sentenceGroups). */
  sentGW?: Float64Array[];
  tcW: Float64Array;
  /** Second-pass token model over stacked features (absent when stacking is off). */
  si2?: LogReg;
  /** Third pass over the second pass's outputs (thirdPass). */
  si3?: LogReg;
  /** Sentence-level model feeding the second pass. */
  sentW?: Float64Array;
  /** Whole-sentence model for the span rule's `whole` step (wholeSpans). */
  wholeW?: Float64Array;
  /** B/I/O tagger (bio). */
  bio?: { vocab: FeatureVocab; w: Float64Array; trans: Float64Array; prior: Float64Array };
  stackLexical?: boolean;
  stackWide?: boolean;
  stackArticle?: boolean | 'ranks';
  stackNeighbours?: boolean;
  /** Span rule chosen on the training articles' out-of-fold probabilities (innerRules). */
  rules?: SpanRules;
  /** Span re-scorer and its keep threshold (spanScorer). */
  scorer?: { lr: LogReg; keep: number };
  /** Dense sentence model feeding the second pass (when the corpus has an embedding). */
  dense?: MlpData;
  /** Dense token model feeding the second pass. */
  denseTok?: MlpData;
  /** Convolutional token model feeding the second pass (conv). */
  conv?: ConvData;
}

export function trainOn(corpus: Corpus, train: PreparedArticle[], o: TrainOptions): TrainedPair {
  const tokXs = train.flatMap((a) => a.tokX);
  const keepTok = countFilter(tokXs, corpus.tokVocab.size, o.siMinCount);
  const siEx: Example[] = [];
  const siK = o.tokenGroups ? GROUP_CLASSES.length : 2;
  for (const a of train) a.tokX.forEach((x, i) => siEx.push({ x: keepTok(x), y: o.tokenGroups ? a.tokG[i] : a.tokY[i] }));
  const stack = o.stackFolds >= 2 ? trainStack(corpus, train, o) : undefined;
  // foldFirst: the first pass on new text is the average of the inner-fold taggers, i.e. taggers of the
  // same strength as those whose out-of-fold outputs the second pass and the rule were fitted on.
  const foldFirst = o.foldFirst && stack;
  const siW = foldFirst ? stack.innerW[0] : trainLogReg(siEx, corpus.tokVocab.size, siK, { epochs: o.siEpochs, seed: o.seed, lr: o.siLr, l2: o.siL2 });
  const siBag = foldFirst ? stack.innerW.slice(1) : bagModels(corpus, train, o, o.seed);
  const sentW = o.stackFolds >= 2 ? trainSentences(corpus, train, o, o.seed + 3) : undefined;
  const sentGW = o.stackFolds >= 2 && (o.sentenceGroups || o.sentenceWhole) ? trainSentenceGroups(corpus, train, o.seed + 41, o) : undefined;
  const wholeW = o.stackFolds >= 2 && o.wholeSpans ? trainSentenceGroups(corpus, train, o.seed + 71, { sentenceGroups: false, sentenceWhole: true })[0] : undefined;
  const dense = o.stackFolds >= 2 && corpus.embedding && train[0]?.denseX ? trainDense(corpus, train, o, o.seed + 19) : undefined;
  const denseTok = o.stackFolds >= 2 && train[0]?.denseTokX ? trainDenseTok(corpus, train, o, o.seed + 29) : undefined;
  const conv = o.stackFolds >= 2 && o.conv ? trainTokenConv(train, convInputWidth(corpus.embedding!.dim), o.conv, o.seed + 83, o.log) : undefined;
  const si2 = stack?.model;
  let rules: SpanRules | undefined;
  let scorer: TrainedPair['scorer'];
  let si3: LogReg | undefined;
  let bio: TrainedPair['bio'];
  if (o.thirdPass && !(stack && o.innerRules)) throw new Error('the third pass needs the stacked second pass and inner rules');
  if (stack && o.innerRules) {
    // Second-pass probabilities on the training articles from out-of-fold first passes: as noisy as on new text.
    const probs = new Map<PreparedArticle, PassProbs>();
    // With crossfitRules the second pass applied to each article was trained without it (inner folds again).
    const second = new Map<PreparedArticle, LogReg>();
    if (o.crossfitRules || o.thirdPass) {
      const inner = kFolds(train.map((_, i) => i), o.stackFolds, o.seed + 7);
      inner.forEach((idx, f) => {
        const held = new Set(idx);
        const m = fitSecondPass(train.filter((_, i) => !held.has(i)), stack, o, o.seed + 5 + 61 * (f + 1));
        for (const i of idx) second.set(train[i], m);
      });
    }
    for (const a of train) {
      const first = stack.oof.get(a)!;
      const sent = stack.oofSent.get(a)!;
      const sp = secondPass(second.get(a) ?? si2!, stackFeatures(a.t, first, sent, o.stackLexical, stack.oofDense.get(a), stack.oofTok.get(a), stack.oofGroups.get(a), o.stackWide, o.stackArticle, o.stackNeighbours));
      const groups = sp.groups ?? stack.oofGroups.get(a)?.tok;
      const whole = stack.oofWhole.get(a);
      probs.set(a, { first, sent, ...(groups ? { groups } : {}), ...(whole ? { whole } : {}), second: sp.p });
    }
    if (o.bio) {
      // The B/I/O tagger learns from the same second-pass features the second pass learned from.
      const feats = new Map<PreparedArticle, string[][]>();
      for (const a of train) feats.set(a, bioInputs(stackFeatures(a.t, stack.oof.get(a)!, stack.oofSent.get(a)!, o.stackLexical, stack.oofDense.get(a), stack.oofTok.get(a), stack.oofGroups.get(a), o.stackWide, o.stackArticle, o.stackNeighbours), a.t));
      const vocab = FeatureVocab.build(train.flatMap((a) => feats.get(a)!), 2);
      const xs = new Map(train.map((a) => [a, feats.get(a)!.map((f) => vocab.encode(f))]));
      const labels = new Map(train.map((a) => [a, bioLabels(a.t.tokens, a.tokY)]));
      const ex: Example[] = [];
      for (const a of train) xs.get(a)!.forEach((x, i) => ex.push({ x, y: labels.get(a)![i] }));
      const w = trainLogReg(ex, vocab.size, 3, { epochs: o.bioEpochs ?? BIO_EPOCHS, seed: o.seed + 79, lr: 0.05, l2: o.si2L2 });
      const { trans, prior } = transitionsOf(train.flatMap((a) => sentenceRanges(a.t).filter(([x]) => x >= 0).map(([x, y]) => labels.get(a)!.slice(x, y + 1))));
      bio = { vocab, w, trans, prior };
      for (const a of train) probs.set(a, { ...probs.get(a)!, bio: { e: logPosteriors(w, xs.get(a)!), trans, prior } });
    }
    if (o.thirdPass) {
      // Third pass: trained on out-of-fold second-pass outputs (cross-fitted above); rules read its probabilities.
      const vocab = new FeatureVocab();
      const ex: Example[] = [];
      const feats = new Map<PreparedArticle, string[][]>();
      for (const a of train) {
        const p = probs.get(a)!;
        const f = thirdFeatures(a.t, p.second, p.sent, p.groups as Float64Array[] | undefined, p.first);
        feats.set(a, f);
        f.forEach((x, i) => ex.push({ x: internAll(vocab, x), y: o.stackGroups ? a.tokG[i] : a.tokY[i] }));
      }
      const w = trainLogReg(ex, vocab.size, o.stackGroups ? GROUP_CLASSES.length : 2, { epochs: o.si2Epochs, seed: o.seed + 67, lr: 0.05, l2: o.si2L2 });
      si3 = LogReg.fromTrained(w, vocab, o.stackGroups ? [...GROUP_CLASSES] : ['O', 'P']);
      for (const a of train) {
        const p = probs.get(a)!;
        const s3 = secondPass(si3, feats.get(a)!);
        probs.set(a, { ...p, second: s3.p, ...(s3.groups ? { groups: s3.groups } : {}) });
      }
    }
    rules = chooseRules(train, probs, o.groupRules && o.tokenGroups, o.groupRulesPhrase, o.trimGrid, o.phraseThresholdGrid, o.shortShareGrid, o.minCharsGrid, o.articleQGrid, o.wholeSpans, o.bio, o.peakGrid).rules;
    o.log?.(`  inner span rule ${JSON.stringify(rules)}`);
    if (o.bio && !rules.bio) {
      // What the B/I/O decode reached on the training articles (it lost to the rule).
      const { bio: _b, whole: _w, ...base } = rules;
      const best = Math.max(...BIO_BIASES.flatMap((bias) => [false, true].map((prior) => siOf(train, probs, { ...base, bio: { bias, prior } }).f1)));
      o.log?.(`  B/I/O decode not chosen: best ${best.toFixed(4)} vs rule ${siOf(train, probs, rules).f1.toFixed(4)} (training articles)`);
    }
    if (o.spanScorer) {
      scorer = trainSpanScorer(train, probs, rules, o.seed + 17);
      rules = { ...rules, rescore: true };
      o.log?.(`  span scorer keep ≥ ${scorer.keep}`);
    }
  }
  const spanXs = train.flatMap((a) => a.tcX);
  const keepSpan = countFilter(spanXs, corpus.spanVocab.size, o.tcMinCount);
  const tcEx: Example[] = [];
  for (const a of train) a.tc.forEach((g, i) => {
    const x = keepSpan(a.tcX[i]);
    for (const l of g.labels) tcEx.push({ x, y: TECHNIQUES.indexOf(l) });
  });
  const counts = TECHNIQUES.map((_, k) => tcEx.filter((e) => e.y === k).length);
  const most = Math.max(...counts);
  const classWeights = o.tcBalance ? counts.map((c) => (c ? (most / c) ** o.tcBalance : 1)) : undefined;
  const tcW = trainLogReg(tcEx, corpus.spanVocab.size, TECHNIQUES.length, { epochs: o.tcEpochs, seed: o.seed + 1, lr: o.tcLr, l2: o.tcL2, classWeights });
  return { siW, ...(siBag.length ? { siBag } : {}), siK, ...(sentGW ? { sentGW } : {}), ...(wholeW ? { wholeW } : {}), ...(bio ? { bio } : {}), tcW, si2, ...(si3 ? { si3 } : {}), sentW, stackLexical: o.stackLexical, ...(o.stackWide ? { stackWide: true } : {}), ...(o.stackArticle ? { stackArticle: o.stackArticle } : {}), ...(o.stackNeighbours ? { stackNeighbours: true } : {}), rules, scorer, ...(dense ? { dense } : {}), ...(denseTok ? { denseTok } : {}), ...(conv ? { conv } : {}) };
}

/** SI score of a span rule (and optional scorer) on articles with given probabilities. */
function siOf(arts: PreparedArticle[], probs: Map<PreparedArticle, PassProbs>, rules: SpanRules, scorer?: { lr: LogReg; keep: number }): SiScore {
  const pred: SimpleSpan[] = [];
  const gold: SimpleSpan[] = [];
  for (const a of arts) {
    pred.push(...predictWith(a, probs.get(a)!, rules, scorer));
    gold.push(...a.si);
  }
  return scoreSi(pred, gold);
}

export function predictWith(a: PreparedArticle, p: PassProbs, rules: SpanRules, scorer?: { lr: LogReg; keep: number }): SimpleSpan[] {
  const spans = rules.rescore && scorer
    ? scoreCandidates(a.t, p, rules, scorer.lr).filter((c) => c.score >= scorer.keep).map((c) => c.span)
    : ruleSpans(a.t, rules.combine === 'max' ? Array.from(p.second, (x, i) => Math.max(x, p.first[i])) : p.second, rules, p.groups, p);
  return spans.map(([x, y]) => ({ id: a.id, start: a.article.offsets.toCodePoint(a.t.tokens[x].start), end: a.article.offsets.toCodePoint(a.t.tokens[y].end) }));
}

/** Best rule of the grid on these articles (ties: first in grid order). */
function chooseRules(arts: PreparedArticle[], probs: Map<PreparedArticle, PassProbs>, grouped = false, phraseToo = false, trimToo = false, phraseThresholds = false, shortShares = false, minChars = false, articleQs = false, wholeSpans = false, bio = false, peaks = false): { rules: SpanRules; f1: number } {
  let best: SpanRules = { threshold: 0.5, gap: 0 };
  let bestF = -1;
  // Keep a candidate only if strictly better, so ties go to the one tried first (grid order).
  const tryRules = (rules: SpanRules): void => {
    const f1 = siOf(arts, probs, rules).f1;
    if (f1 > bestF) {
      bestF = f1;
      best = rules;
    }
  };
  const shorts: (SpanRules['short'] | undefined)[] = [undefined];
  if (grouped) for (const phrase of phraseToo ? [false, true] : [false]) for (const threshold of SHORT_THRESHOLDS) for (const gap of SHORT_GAPS) shorts.push({ threshold, gap, ...(phrase ? { phrase } : {}) });
  for (const trim of trimToo ? [false, true] : [false])
  for (const short of shorts)
    for (const threshold of THRESHOLDS)
      for (const gap of short ? LONG_GAPS : GAPS)
        for (const minTokens of MIN_TOKENS) tryRules({ threshold, gap, minTokens, ...(short ? { short } : {}), ...(trim ? { trim } : {}) });
  // Refinements (not a full cross product, to keep the grid small): the short/long split of the best grouped rule,
  if (shortShares && best.short) {
    const base = best;
    for (const shortShare of SHORT_SHARES) tryRules({ ...base, shortShare });
  }
  // a minimum span length in characters,
  if (minChars) {
    const base = best;
    for (const m of MIN_CHARS) tryRules({ ...base, minChars: m });
  }
  // a hysteresis peak that a long run must reach (session 8),
  if (peaks) {
    const base = best;
    for (const peak of PEAKS) if (peak > base.threshold) tryRules({ ...base, peak });
  }
  // a threshold relative to the article (with the absolute ones as chosen or 0.05 lower),
  if (articleQs) {
    const base = best;
    for (const articleQ of ARTICLE_QS)
      for (const dt of [0, -0.05]) tryRules({ ...base, articleQ, threshold: base.threshold + dt, ...(base.short ? { short: { ...base.short, threshold: base.short.threshold + dt } } : {}) });
  }
  // and a phrase-group threshold for it.
  if (phraseThresholds && best.short && !best.short.phrase) {
    const base = best;
    for (const phraseThreshold of PHRASE_THRESHOLDS) if (phraseThreshold !== base.threshold) tryRules({ ...base, phraseThreshold });
  }
  // Round 7: B/I/O decode instead of the chosen rule's runs (O bias; with or without its short-group runs),
  if (bio) {
    const base = best;
    for (const prior of [false, true]) for (const bias of BIO_BIASES) for (const short of base.short ? [false, true] : [false]) tryRules({ ...base, bio: { bias, ...(prior ? { prior } : {}), ...(short ? { short } : {}) } });
  }
  // Round 7: whole-sentence spans over the chosen rule (rating source × threshold × only-where-it-fired).
  if (wholeSpans) {
    const base = best;
    for (const source of WHOLE_SOURCES)
      for (const threshold of WHOLE_THRESHOLDS)
        for (const hit of [false, true]) tryRules({ ...base, whole: { source, threshold, ...(hit ? { hit } : {}) } });
  }
  return { rules: best, f1: bestF };
}

/** Whole-sentence rule grid (`--whole-spans`): which sentence rating, and its threshold. */
export const WHOLE_SOURCES = ['whole', 'sent', 'mean'] as const;
export const WHOLE_THRESHOLDS = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
/** O biases tried for the B/I/O decode (log-probability units; negative = more spans). */
export const BIO_BIASES = [-3, -2, -1.5, -1, -0.5, 0, 0.5, 1];
export const BIO_EPOCHS = 3;

/** Extra grid of the group-specific rules (`--group-rules`): word-level runs for short groups. */
export const SHORT_THRESHOLDS = [0.2, 0.3, 0.4, 0.5];
export const SHORT_GAPS = [0, 1];
export const LONG_GAPS = [2, 1000];
/** Phrase-group thresholds tried on the best grouped rule (`--phrase-threshold-grid`). */
export const PHRASE_THRESHOLDS = [0.15, 0.2, 0.25, 0.3, 0.4, 0.5];
/** Short-group shares tried on the best grouped rule (`--short-share-grid`; 0.5 is the default split). */
export const SHORT_SHARES = [0.3, 0.4, 0.6, 0.7];
/** Minimum span lengths in characters tried on the best rule (`--min-chars-grid`). */
export /** Hysteresis peaks tried for long runs (session 8). */
const PEAKS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7];
const MIN_CHARS = [4, 6, 8, 10, 15, 20];
/** Article quantiles tried as a floor under the rule's thresholds (`--article-q-grid`). */
export const ARTICLE_QS = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];

export const KEEP_GRID = [0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6];

/**
 * Span re-scorer: a logistic regression over candidateFeatures of the rule's candidate spans,
 * positive when gold covers at least half of the candidate. Its keep threshold is chosen on
 * out-of-fold scores (2 folds of the training articles), then it is retrained on all of them.
 */
function trainSpanScorer(train: PreparedArticle[], probs: Map<PreparedArticle, PassProbs>, rules: SpanRules, seed: number): { lr: LogReg; keep: number } {
  const cands = new Map<PreparedArticle, { f: string[]; y: number }[]>();
  for (const a of train) {
    const p = probs.get(a)!;
    const ranges = sentenceRanges(a.t);
    const gold = a.si.map((g) => [a.article.offsets.toUnit(g.start), a.article.offsets.toUnit(g.end)]);
    cands.set(
      a,
      spansFromProbs(a.t, p.second, rules).map(([x, y]) => {
        const s = a.t.tokens[x].start;
        const e = a.t.tokens[y].end;
        // Characters of the candidate covered by some gold span (gold spans may overlap: mark, then count).
        const cov = new Uint8Array(e - s);
        for (const [gs, ge] of gold) for (let c = Math.max(s, gs); c < Math.min(e, ge); c++) cov[c - s] = 1;
        const frac = cov.reduce((n, v) => n + v, 0) / (e - s);
        return { f: candidateFeatures(a.t, ranges, p.second, p.first, p.sent, x, y), y: frac >= 0.5 ? 1 : 0 };
      }),
    );
  }
  const fit = (arts: PreparedArticle[], s: number) => {
    const rows = arts.flatMap((a) => cands.get(a)!);
    const vocab = FeatureVocab.build(rows.map((r) => r.f), 2);
    const w = trainLogReg(rows.map((r) => ({ x: vocab.encode(r.f), y: r.y })), vocab.size, 2, { epochs: 10, seed: s, lr: 0.1, l2: 1e-5 });
    return LogReg.fromTrained(w, vocab, ['O', 'P']);
  };
  const halves = kFolds(train.map((_, i) => i), 2, seed);
  const oofScore = new Map<PreparedArticle, number[]>();
  halves.forEach((idx, h) => {
    const held = new Set(idx);
    const lr = fit(train.filter((_, i) => !held.has(i)), seed + h + 1);
    for (const i of idx) oofScore.set(train[i], cands.get(train[i])!.map((c) => lr.probs(c.f)[1]));
  });
  let keep = 0;
  let bestF = -1;
  for (const k of KEEP_GRID) {
    const pred: SimpleSpan[] = [];
    const gold: SimpleSpan[] = [];
    for (const a of train) {
      const sc = oofScore.get(a)!;
      spansFromProbs(a.t, probs.get(a)!.second, rules).forEach(([x, y], j) => {
        if (sc[j] >= k) pred.push({ id: a.id, start: a.article.offsets.toCodePoint(a.t.tokens[x].start), end: a.article.offsets.toCodePoint(a.t.tokens[y].end) });
      });
      gold.push(...a.si);
    }
    const f1 = scoreSi(pred, gold).f1;
    if (f1 > bestF) {
      bestF = f1;
      keep = k;
    }
  }
  return { lr: fit(train, seed), keep };
}

/**
 * The extra first-pass models of a bag (bag − 1 of them): same settings, other seeds (example order)
 * and, with bagBootstrap, a bootstrap sample of the articles each.
 */
function bagModels(corpus: Corpus, train: PreparedArticle[], o: TrainOptions, seed: number): Float64Array[] {
  const K = o.tokenGroups ? GROUP_CLASSES.length : 2;
  const out: Float64Array[] = [];
  for (let b = 1; b < o.bag; b++) {
    const s = seed + 1009 * b;
    let arts = train;
    if (o.bagBootstrap) {
      const r = rng(s);
      arts = train.map(() => train[Math.floor(r() * train.length)]);
    }
    const keep = countFilter(arts.flatMap((a) => a.tokX), corpus.tokVocab.size, o.siMinCount);
    const ex: Example[] = [];
    for (const a of arts) a.tokX.forEach((x, i) => ex.push({ x: keep(x), y: o.tokenGroups ? a.tokG[i] : a.tokY[i] }));
    out.push(trainLogReg(ex, corpus.tokVocab.size, K, { epochs: o.siEpochs, seed: s, lr: o.siLr, l2: o.siL2 }));
  }
  return out;
}

/** First-pass probabilities averaged over a bag of models (P and, when grouped, each group). */
export function bagFirstPass(ws: Float64Array[], K: number, a: PreparedArticle): { p: Float64Array; groups?: Float64Array[] } {
  const first = firstPass(ws[0], K, a);
  if (ws.length === 1) return first;
  for (const w of ws.slice(1)) {
    const f = firstPass(w, K, a);
    f.p.forEach((x, i) => (first.p[i] += x));
    f.groups?.forEach((q, g) => q.forEach((x, i) => (first.groups![g][i] += x)));
  }
  first.p.forEach((x, i) => (first.p[i] = x / ws.length));
  first.groups?.forEach((q) => q.forEach((x, i) => (q[i] = x / ws.length)));
  return first;
}

function trainSentences(corpus: Corpus, train: PreparedArticle[], o: TrainOptions, seed: number): Float64Array {
  const keep = countFilter(train.flatMap((a) => a.sentX), corpus.sentVocab.size, 2);
  const ex: Example[] = [];
  for (const a of train) a.sentX.forEach((x, i) => ex.push({ x: keep(x), y: a.sentY[i] }));
  return trainLogReg(ex, corpus.sentVocab.size, 2, { epochs: 6, seed, lr: 0.05, l2: 1e-6 });
}

/**
 * One binary sentence model per technique group (sentenceGroups) and/or one for "the sentence is
 * (nearly) all propaganda" (sentenceWhole, last), same features and settings as trainSentences.
 */
function trainSentenceGroups(corpus: Corpus, train: PreparedArticle[], seed: number, o: Pick<TrainOptions, 'sentenceGroups' | 'sentenceWhole'> = { sentenceGroups: true }): Float64Array[] {
  const keep = countFilter(train.flatMap((a) => a.sentX), corpus.sentVocab.size, 2);
  const xs = train.flatMap((a) => a.sentX.map(keep));
  const targets: ((a: PreparedArticle) => Uint8Array)[] = [
    ...(o.sentenceGroups ? GROUP_CLASSES.slice(1).map((_, g) => (a: PreparedArticle) => a.sentG[g]) : []),
    ...(o.sentenceWhole ? [(a: PreparedArticle) => a.sentWhole] : []),
  ];
  return targets.map((target, g) => {
    const ys = train.flatMap((a) => [...target(a)]);
    return trainLogReg(xs.map((x, i) => ({ x, y: ys[i] })), corpus.sentVocab.size, 2, { epochs: 6, seed: seed + g, lr: 0.05, l2: 1e-6 });
  });
}

function trainDense(corpus: Corpus, train: PreparedArticle[], o: TrainOptions, seed: number): MlpData {
  const xs = train.flatMap((a) => a.denseX!);
  const ys = Uint8Array.from(train.flatMap((a) => [...a.sentY]));
  return trainMlp(xs, ys, denseWidth(corpus.embedding!.dim), { hidden: o.denseHidden, epochs: o.denseEpochs, lr: 1e-3, l2: 1e-4, seed });
}

function trainDenseTok(corpus: Corpus, train: PreparedArticle[], o: TrainOptions, seed: number): MlpData {
  const xs = train.flatMap((a) => a.denseTokX!);
  const ys = Uint8Array.from(train.flatMap((a) => [...a.tokY]));
  return trainMlp(xs, ys, denseTokenWidth(corpus.embedding!.dim), { hidden: o.denseTokHidden, epochs: o.denseTokEpochs, lr: 1e-3, l2: 1e-5, seed });
}

/** The conv token model on these articles' sentences (target: O + groups, or O / propaganda). */
function trainTokenConv(train: PreparedArticle[], width: number, c: TokenConvOptions, seed: number, log?: (m: string) => void): ConvData {
  const t0 = performance.now();
  if (!train[0]?.convX) throw new Error('the conv token model needs a corpus prepared with conv inputs (prepareCorpus convTokens)');
  const seqs: ConvSequence[] = [];
  for (const a of train) {
    const y = c.groups ? a.tokG : a.tokY;
    for (const [s, e] of convSentences(a.t)) seqs.push({ x: a.convX!.subarray(s * width, (e + 1) * width), n: e - s + 1, y: y.subarray(s, e + 1) });
  }
  const d = trainConv(seqs, width, { layers: c.layers, classes: c.groups ? GROUP_CLASSES.length : 2, act: c.act, epochs: c.epochs, lr: c.lr, l2: c.l2, batch: c.batch, seed });
  log?.(`  conv token model on ${train.length} articles (${seqs.length} sentences) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return d;
}

const convNets = new WeakMap<ConvData, ConvNet>();

/** P(propaganda) of the conv token model for every token of the article. */
export function convProbs(d: ConvData, a: PreparedArticle): Float64Array {
  let net = convNets.get(d);
  if (!net) convNets.set(d, (net = new ConvNet(d)));
  return convTokenProbs(net, a.t, a.convX!);
}

export function denseTokProbs(d: MlpData, a: PreparedArticle): Float64Array {
  return Float64Array.from(a.denseTokX!, (x) => mlpProb(d, x));
}

export function denseProbs(d: MlpData, a: PreparedArticle): Float64Array {
  return Float64Array.from(a.denseX!, (x) => mlpProb(d, x));
}

export function sentenceProbs(w: Float64Array, a: PreparedArticle): Float64Array {
  const s = new Float64Array(2);
  return Float64Array.from(a.sentX, (x) => {
    dot(w, x, 2, s);
    return 1 / (1 + Math.exp(s[0] - s[1]));
  });
}

/**
 * The second pass learns from first-pass probabilities that are out-of-fold on the training
 * articles (inner k-fold), so it sees probabilities as noisy as on new text.
 */
function trainStack(corpus: Corpus, train: PreparedArticle[], o: TrainOptions): { model: LogReg; oof: Map<PreparedArticle, Float64Array>; oofSent: Map<PreparedArticle, Float64Array>; oofDense: Map<PreparedArticle, Float64Array>; oofTok: Map<PreparedArticle, Float64Array>; oofGroups: Map<PreparedArticle, GroupProbs>; oofWhole: Map<PreparedArticle, Float64Array>; innerW: Float64Array[] } {
  const K = o.tokenGroups ? GROUP_CLASSES.length : 2;
  const oofGroups = new Map<PreparedArticle, GroupProbs>();
  const inner = kFolds(train.map((_, i) => i), o.stackFolds, o.seed + 7);
  const oof = new Map<PreparedArticle, Float64Array>();
  const oofSent = new Map<PreparedArticle, Float64Array>();
  const oofDense = new Map<PreparedArticle, Float64Array>();
  const oofTok = new Map<PreparedArticle, Float64Array>();
  const oofWhole = new Map<PreparedArticle, Float64Array>();
  const innerW: Float64Array[] = [];
  inner.forEach((idx, f) => {
    const held = new Set(idx);
    const rest = train.filter((_, i) => !held.has(i));
    const keep = countFilter(rest.flatMap((a) => a.tokX), corpus.tokVocab.size, o.siMinCount);
    const ex: Example[] = [];
    for (const a of rest) a.tokX.forEach((x, i) => ex.push({ x: keep(x), y: o.tokenGroups ? a.tokG[i] : a.tokY[i] }));
    const w = trainLogReg(ex, corpus.tokVocab.size, K, { epochs: o.siEpochs, seed: o.seed + 11 * (f + 1), lr: o.siLr, l2: o.siL2 });
    const ws = [w, ...bagModels(corpus, rest, o, o.seed + 11 * (f + 1))];
    innerW.push(w);
    const sw = trainSentences(corpus, rest, o, o.seed + 13 * (f + 1));
    const sgw = o.sentenceGroups || o.sentenceWhole ? trainSentenceGroups(corpus, rest, o.seed + 43 * (f + 1), o) : undefined;
    const dm = corpus.embedding && rest[0]?.denseX ? trainDense(corpus, rest, o, o.seed + 23 * (f + 1)) : undefined;
    const tm = rest[0]?.denseTokX ? trainDenseTok(corpus, rest, o, o.seed + 27 * (f + 1)) : undefined;
    // The conv model's probabilities on the held inner fold come from a network that never saw it.
    const cm = o.conv ? trainTokenConv(rest, convInputWidth(corpus.embedding!.dim), o.conv, o.seed + 89 * (f + 1), o.log) : undefined;
    const ww = o.wholeSpans ? trainSentenceGroups(corpus, rest, o.seed + 73 * (f + 1), { sentenceGroups: false, sentenceWhole: true })[0] : undefined;
    for (const i of idx) {
      if (ww) oofWhole.set(train[i], sentenceProbs(ww, train[i]));
      if (dm) oofDense.set(train[i], denseProbs(dm, train[i]));
      if (tm) oofTok.set(train[i], denseTokProbs(tm, train[i]));
      if (cm) oofTok.set(train[i], convProbs(cm, train[i]));
      const fp = bagFirstPass(ws, K, train[i]);
      oof.set(train[i], fp.p);
      const gp: GroupProbs = { ...(fp.groups ? { tok: fp.groups } : {}), ...(sgw ? { sent: sgw.map((gw) => sentenceProbs(gw, train[i])) } : {}) };
      if (gp.tok || gp.sent) oofGroups.set(train[i], gp);
      oofSent.set(train[i], sentenceProbs(sw, train[i]));
    }
  });
  const stack = { oof, oofSent, oofDense, oofTok, oofGroups };
  return { model: fitSecondPass(train, stack, o, o.seed + 5), ...stack, oofWhole, innerW };
}

type StackInputs = { oof: Map<PreparedArticle, Float64Array>; oofSent: Map<PreparedArticle, Float64Array>; oofDense: Map<PreparedArticle, Float64Array>; oofTok: Map<PreparedArticle, Float64Array>; oofGroups: Map<PreparedArticle, GroupProbs> };

/** The second pass over these articles' out-of-fold first-pass outputs. */
function fitSecondPass(arts: PreparedArticle[], st: StackInputs, o: TrainOptions, seed: number): LogReg {
  const vocab = new FeatureVocab();
  const ex: Example[] = [];
  for (const a of arts) {
    const feats = stackFeatures(a.t, st.oof.get(a)!, st.oofSent.get(a)!, o.stackLexical, st.oofDense.get(a), st.oofTok.get(a), st.oofGroups.get(a), o.stackWide, o.stackArticle, o.stackNeighbours);
    feats.forEach((f, i) => ex.push({ x: internAll(vocab, f), y: o.stackGroups ? a.tokG[i] : a.tokY[i] }));
  }
  const w = trainLogReg(ex, vocab.size, o.stackGroups ? GROUP_CLASSES.length : 2, { epochs: o.si2Epochs, seed, lr: 0.05, l2: o.si2L2 });
  return LogReg.fromTrained(w, vocab, o.stackGroups ? [...GROUP_CLASSES] : ['O', 'P']);
}

/** Token probabilities of the first pass, and of the stacked second pass when there is one. */
export function finalTokenProbs(p: TrainedPair, a: PreparedArticle): { first: Float64Array; second: Float64Array; sent?: Float64Array; groups?: Float64Array[]; whole?: Float64Array; bio?: { e: Float64Array; trans: Float64Array; prior: Float64Array } } {
  const fp = bagFirstPass([p.siW, ...(p.siBag ?? [])], p.siK, a);
  const first = fp.p;
  if (!p.si2) return { first, second: first };
  const gp: GroupProbs = { ...(fp.groups ? { tok: fp.groups } : {}), ...(p.sentGW ? { sent: p.sentGW.map((gw) => sentenceProbs(gw, a)) } : {}) };
  const sent = p.sentW ? sentenceProbs(p.sentW, a) : undefined;
  const dense = p.dense ? denseProbs(p.dense, a) : undefined;
  const tok = p.denseTok ? denseTokProbs(p.denseTok, a) : p.conv ? convProbs(p.conv, a) : undefined;
  const sp = secondPass(p.si2, stackFeatures(a.t, first, sent, p.stackLexical, dense, tok, gp.tok || gp.sent ? gp : undefined, p.stackWide, p.stackArticle, p.stackNeighbours));
  let groups = sp.groups ?? fp.groups;
  let second = sp.p;
  if (p.si3) {
    const s3 = secondPass(p.si3, thirdFeatures(a.t, sp.p, sent, groups, first));
    second = s3.p;
    groups = s3.groups ?? groups;
  }
  const bio = p.bio ? { bio: { prior: p.bio.prior, e: logPosteriors(p.bio.w, bioInputs(stackFeatures(a.t, first, sent, p.stackLexical, dense, tok, gp.tok || gp.sent ? gp : undefined, p.stackWide, p.stackArticle, p.stackNeighbours), a.t).map((f) => p.bio!.vocab.encode(f))), trans: p.bio.trans } } : {};
  return { first, sent, ...(groups ? { groups } : {}), ...(p.wholeW ? { whole: sentenceProbs(p.wholeW, a) } : {}), ...bio, second };
}

/** The analyzer's word-level span rule (fixed, not tuned; its CV figure is reported). */
export const DISPLAY_RULES: SpanRules = { threshold: 0.3, gap: 0, minTokens: 1, combine: 'max' };

function dot(w: Float64Array, x: Int32Array, K: number, out: Float64Array): void {
  out.fill(0);
  for (const f of x) for (let k = 0; k < K; k++) out[k] += w[f * K + k];
}

/**
 * First-pass probabilities: P(propaganda) per token and, for the grouped tagger (K > 2), each group's
 * probability (P = 1 − P(O), so the span rules read the same scale either way).
 */
export function firstPass(w: Float64Array, K: number, a: PreparedArticle): { p: Float64Array; groups?: Float64Array[] } {
  if (K === 2) return { p: tokenProbs(w, a) };
  const s = new Float64Array(K);
  const p = new Float64Array(a.tokX.length);
  const groups = Array.from({ length: K - 1 }, () => new Float64Array(a.tokX.length));
  a.tokX.forEach((x, i) => {
    dot(w, x, K, s);
    softmaxInPlace(s);
    p[i] = 1 - s[0];
    for (let g = 1; g < K; g++) groups[g - 1][i] = s[g];
  });
  return { p, groups };
}

/** Token probabilities of P for each test article. */
export function tokenProbs(w: Float64Array, a: PreparedArticle): Float64Array {
  const s = new Float64Array(2);
  return Float64Array.from(a.tokX, (x) => {
    dot(w, x, 2, s);
    return 1 / (1 + Math.exp(s[0] - s[1]));
  });
}

/** Top-k distinct techniques for a gold span with k labels. */
export function rankTechniques(w: Float64Array, x: Int32Array): number[] {
  const s = new Float64Array(TECHNIQUES.length);
  dot(w, x, TECHNIQUES.length, s);
  return [...s.keys()].sort((i, j) => s[j] - s[i] || i - j);
}

export function predictedSi(a: PreparedArticle, probs: ArrayLike<number>, rules: SpanRules): SimpleSpan[] {
  return spansFromProbs(a.t, probs, rules).map(([x, y]) => ({
    id: a.id,
    start: a.article.offsets.toCodePoint(a.t.tokens[x].start),
    end: a.article.offsets.toCodePoint(a.t.tokens[y].end),
  }));
}

export interface FoldResult {
  fold: number;
  articles: number;
  si: SiScore;
  tc: TcScore;
}

export interface CvResult {
  folds: FoldResult[];
  rules: SpanRules;
  si: SiScore;
  tc: TcScore;
  /** SI F1 for every threshold/gap tried (pooled over folds). */
  grid: (SpanRules & { f1: number })[];
  /** Pooled SI figures of the analyzer's word-level DISPLAY_RULES. */
  display: SiScore;
  /** 'inner': each fold's span rule (and scorer) chosen on its training articles; si/folds are those figures. */
  selection: 'inner' | 'eval-folds';
  /** Per-fold rule (and scorer keep threshold) chosen on the training articles, when selection is 'inner'. */
  foldRules?: (SpanRules & { keep?: number })[];
  /** The best grid rule chosen on the pooled evaluation folds (the optimistic old protocol), for comparison. */
  evalRuleSi: SiScore;
  /**
   * With the conv model (or tokenAuc): held-out token-level ROC AUC (gold SI token vs not) of the
   * first pass, the conv model alone, their fixed product of experts (summed log-odds: does the conv
   * model rank differently?) and the second pass, pooled over the folds and per fold.
   */
  tokenAuc?: { pooled: TokenAuc; perFold: TokenAuc[] };
}

export interface TokenAuc {
  tokens: number;
  first: number;
  second: number;
  conv?: number;
  /** logit(first) + logit(conv), no fitting. */
  firstConv?: number;
}

function tokenAucOf(arts: { y: Uint8Array; first: Float64Array; conv?: Float64Array; second: Float64Array }[]): TokenAuc {
  const cat = (f: (a: (typeof arts)[number]) => ArrayLike<number>) => Float64Array.from(arts.flatMap((a) => Array.from(f(a))));
  const y = cat((a) => a.y);
  const logit = (p: number) => Math.log(Math.max(1e-12, p) / Math.max(1e-12, 1 - p));
  const withConv = arts.every((a) => a.conv);
  return {
    tokens: y.length,
    first: rocAuc(cat((a) => a.first), y),
    second: rocAuc(cat((a) => a.second), y),
    ...(withConv ? { conv: rocAuc(cat((a) => a.conv!), y), firstConv: rocAuc(cat((a) => a.first.map((p, i) => logit(p) + logit(a.conv![i]))), y) } : {}),
  };
}

export const THRESHOLDS = [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6];
export const GAPS = [0, 1, 2, 4, 1000];
export const MIN_TOKENS = [1, 2, 3];
// 'max' was tried too (no rule using it reached the top 5 of the grid); kept out to limit selection on the CV folds.
export const COMBINE = ['second'] as const;

/**
 * k-fold article-level cross-validation. The span threshold and gap are chosen on the pooled
 * held-out token probabilities (one pair of numbers from a small grid); everything else is fixed.
 */
export function crossValidate(corpus: Corpus, k: number, o: TrainOptions): CvResult {
  const folds = kFolds(corpus.articles.map((a) => a.id), k, o.seed);
  const byId = new Map(corpus.articles.map((a) => [a.id, a]));
  const heldProbs = new Map<string, { first: Float64Array; second: Float64Array; groups?: Float64Array[] }>();
  const tcPredByFold: LabelledSpan[][] = [];
  const tcGoldByFold: LabelledSpan[][] = [];
  const innerPred: SimpleSpan[][] = [];
  const foldRules: (SpanRules & { keep?: number })[] = [];
  const aucFolds: Parameters<typeof tokenAucOf>[0][] = [];
  folds.forEach((ids, f) => {
    const test = new Set(ids);
    const train = corpus.articles.filter((a) => !test.has(a.id));
    const t0 = performance.now();
    if (o.embedFor) setEmbedding(corpus, o.embedFor(train));
    const pair = trainOn(corpus, train, { ...o, seed: o.seed + 100 * (f + 1) });
    const { tcW } = pair;
    const pred: LabelledSpan[] = [];
    const gold: LabelledSpan[] = [];
    for (const id of ids) {
      const a = byId.get(id)!;
      heldProbs.set(id, finalTokenProbs(pair, a));
      if (pair.conv || o.tokenAuc) {
        const h = heldProbs.get(id)!;
        (aucFolds[f] ??= []).push({ y: a.tokY, first: h.first, second: h.second, ...(pair.conv ? { conv: convProbs(pair.conv, a) } : {}) });
      }
      a.tc.forEach((g, i) => {
        const ranked = rankTechniques(tcW, a.tcX[i]);
        g.labels.forEach((l, j) => {
          gold.push({ id, start: g.cpStart, end: g.cpEnd, technique: l });
          pred.push({ id, start: g.cpStart, end: g.cpEnd, technique: TECHNIQUES[ranked[j]] });
        });
      });
    }
    if (pair.rules) {
      innerPred.push(ids.flatMap((id) => predictWith(byId.get(id)!, heldProbs.get(id)!, pair.rules!, pair.scorer)));
      foldRules.push({ ...pair.rules, ...(pair.scorer ? { keep: pair.scorer.keep } : {}) });
    }
    tcPredByFold.push(pred);
    tcGoldByFold.push(gold);
    o.log?.(`fold ${f + 1}/${k}: trained on ${train.length} articles in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  });
  const siFor = (ids: string[], rules: SpanRules) => {
    const pred: SimpleSpan[] = [];
    const gold: SimpleSpan[] = [];
    for (const id of ids) {
      const a = byId.get(id)!;
      const h = heldProbs.get(id)!;
      const probs = rules.combine === 'max' ? h.second.map((p, i) => Math.max(p, h.first[i])) : h.second;
      pred.push(...predictedSi(a, probs, rules));
      gold.push(...a.si);
    }
    return scoreSi(pred, gold);
  };
  const all = corpus.articles.map((a) => a.id);
  const grid: CvResult['grid'] = [];
  let best: SpanRules = { threshold: 0.5, gap: 0 };
  let bestF = -1;
  for (const combine of COMBINE) {
    for (const threshold of THRESHOLDS) {
      for (const gap of GAPS) {
        for (const minTokens of MIN_TOKENS) {
          const rules: SpanRules = { threshold, gap, minTokens, ...(combine === 'second' ? {} : { combine }) };
          const f1 = siFor(all, rules).f1;
          grid.push({ ...rules, f1 });
          if (f1 > bestF) {
            bestF = f1;
            best = rules;
          }
        }
      }
    }
  }
  const inner = innerPred.length === folds.length;
  const goldOf = (ids: string[]) => ids.flatMap((id) => byId.get(id)!.si);
  const results = folds.map((ids, f) => ({ fold: f + 1, articles: ids.length, si: inner ? scoreSi(innerPred[f], goldOf(ids)) : siFor(ids, best), tc: scoreTc(tcPredByFold[f], tcGoldByFold[f]) }));
  const evalRuleSi = siFor(all, best);
  return {
    folds: results,
    rules: best,
    si: inner ? scoreSi(innerPred.flat(), goldOf(all)) : evalRuleSi,
    display: siFor(all, DISPLAY_RULES),
    tc: scoreTc(tcPredByFold.flat(), tcGoldByFold.flat()),
    grid,
    selection: inner ? 'inner' : 'eval-folds',
    ...(inner ? { foldRules } : {}),
    evalRuleSi,
    ...(aucFolds.length === folds.length ? { tokenAuc: { pooled: tokenAucOf(aucFolds.flat()), perFold: aucFolds.map(tokenAucOf) } } : {}),
  };
}

/**
 * Train on every article and pack the shipped model. `pack`: weight pruning and rounding (the default
 * keeps the artifact small; tests pass { minAbs: 0, digits: 12 } to compare with the unrounded model,
 * since rounding can move a probability across a second-pass bucket edge).
 */
export function trainFinal(corpus: Corpus, o: TrainOptions, rules: SpanRules, pack: { minAbs: number; digits: number } = { minAbs: 1e-3, digits: 4 }): TechniquesModelData {
  if (o.embedFor) setEmbedding(corpus, o.embedFor(corpus.articles));
  const { siW, siBag, siK, sentGW, wholeW, bio, tcW, si2, si3, sentW, rules: innerRules, scorer, dense, denseTok, conv } = trainOn(corpus, corpus.articles, o);
  // With inner selection the rule (and scorer) come from the training articles' out-of-fold probabilities.
  if (innerRules) rules = innerRules;
  return {
    ...(scorer ? { spanScorer: { model: packLogReg(scorer.lr.w, scorer.lr.vocab, ['O', 'P'], 1e-4, 5), keep: scorer.keep } } : {}),
    si: packLogReg(siW, corpus.tokVocab, siK === 2 ? ['O', 'P'] : [...GROUP_CLASSES], pack.minAbs, pack.digits),
    ...(siBag ? { siBag: siBag.map((w) => packLogReg(w, corpus.tokVocab, siK === 2 ? ['O', 'P'] : [...GROUP_CLASSES], pack.minAbs, pack.digits)) } : {}),
    ...(sentGW ? { sentGroups: sentGW.map((gw) => packLogReg(gw, corpus.sentVocab, ['O', 'P'], pack.minAbs, pack.digits)) } : {}),
    ...(si2 ? { si2: packLogReg(si2.w, si2.vocab, si2.data.classes, pack.minAbs, pack.digits) } : {}),
    ...(si3 ? { si3: packLogReg(si3.w, si3.vocab, si3.data.classes, pack.minAbs, pack.digits) } : {}),
    ...(sentW ? { sent: packLogReg(sentW, corpus.sentVocab, ['O', 'P'], pack.minAbs, pack.digits) } : {}),
    ...(wholeW ? { wholeSent: packLogReg(wholeW, corpus.sentVocab, ['O', 'P'], pack.minAbs, pack.digits) } : {}),
    ...(bio ? { bio: packBio(bio, pack) } : {}),
    tc: packLogReg(tcW, corpus.spanVocab, [...TECHNIQUES], pack.minAbs, pack.digits),
    rules,
    displayRules: DISPLAY_RULES,
    ...(o.stackLexical ? { stackLexical: true } : {}),
    ...(o.stackWide ? { stackWide: true } : {}),
    ...(o.stackArticle ? { stackArticle: o.stackArticle } : {}),
    ...(o.stackNeighbours ? { stackNeighbours: true } : {}),
    ...(corpus.classes ? { wordClasses: corpus.classes } : {}),
    ...(dense && corpus.embedding ? { dense, embedding: corpus.embedding } : {}),
    ...(denseTok ? { denseTok } : {}),
    ...(conv && corpus.embedding ? { conv, embedding: corpus.embedding } : {}),
    secondLabelMin: 0.3,
  };
}



/** The B/I/O tagger's shipped form: features with some weight ≥ minAbs, weights rounded (transitions too). */
function packBio(bio: { vocab: FeatureVocab; w: Float64Array; trans: Float64Array; prior: Float64Array }, pack: { minAbs: number; digits: number }): BioData {
  const p = packLogReg(bio.w, bio.vocab, ['O', 'B', 'I'], pack.minAbs, pack.digits);
  const scale = 10 ** pack.digits;
  const round = (xs: Float64Array) => Array.from(xs, (x) => Math.round(x * scale) / scale);
  return { features: p.features, weights: p.weights, trans: round(bio.trans), prior: round(bio.prior) };
}
