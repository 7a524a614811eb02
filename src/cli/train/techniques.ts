/** `narrascope train techniques`: propaganda span finder + technique classifier from the PTC corpus. */
import type { Command } from 'commander';
import { dirname, join } from 'node:path';
import { buildLexicon, LOADED_LEXICON_FILE } from '../../analyzers/loaded-baseline/lexicon.js';
import { saveArtifact } from '../../models/artifact.js';
import { modelPath, sharedDir } from '../../util/paths.js';
import { crossValidate, DEFAULT_CONV, DEFAULT_TRAIN, DISPLAY_RULES, prepareCorpus, readPtcDir, trainFinal, type CvResult, type TokenConvOptions, type TrainOptions } from '../../analyzers/techniques/train.js';
import { TECHNIQUES_MODEL_FILE, type SpanRules } from '../../analyzers/techniques/model.js';
import { formatSi, formatTc } from '../../eval/ptc/score.js';
import { DEFAULT_SGNS, packEmbedding, trainSgns, wordClasses, type EmbeddingData, type WordClassesData } from '../../models/word-vectors.js';
import { vectorCorpus, vectorTokens } from '../../models/vector-corpus.js';

export const TECHNIQUES_MODEL_VERSION = '1.2.1';
/** Word-class sizes (k-means of the word vectors), finest first; 'none' turns the features off. */
const DEFAULT_CLASSES = 'none';
const DEFAULT_VEC_EPOCHS = 10;

const r4 = (x: number) => Math.round(x * 10000) / 10000;

function metricsOf(cv: CvResult, k: number, seed: number) {
  return {
    evaluation: `${k}-fold article-level cross-validation on PTC train-articles (kFolds seed ${seed})`,
    si: { precision: r4(cv.si.precision), recall: r4(cv.si.recall), f1: r4(cv.si.f1) },
    tcMicroF1: r4(cv.tc.microF1),
    tcMacroF1: r4(cv.tc.macroF1),
    perFold: cv.folds.map((f) => ({ fold: f.fold, siF1: r4(f.si.f1), siP: r4(f.si.precision), siR: r4(f.si.recall), tcMicroF1: r4(f.tc.microF1) })),
    perClass: Object.fromEntries(Object.entries(cv.tc.byClass).map(([c, v]) => [c, { precision: r4(v.precision), recall: r4(v.recall), f1: r4(v.f1), support: v.support }])),
    selection: cv.selection === 'inner' ? 'span rule (and span-scorer threshold, when on) chosen per fold on that fold\'s training articles (inner out-of-fold probabilities)' : 'span rule chosen on the pooled evaluation folds',
    ...(cv.foldRules ? { foldRules: cv.foldRules } : {}),
    evalFoldRule: { ...cv.rules, si: { precision: r4(cv.evalRuleSi.precision), recall: r4(cv.evalRuleSi.recall), f1: r4(cv.evalRuleSi.f1) } },
    spanRules: cv.rules,
    analyzerSpanRules: { ...DISPLAY_RULES, si: { precision: r4(cv.display.precision), recall: r4(cv.display.recall), f1: r4(cv.display.f1) } },
    siGrid: cv.grid.map((g) => ({ ...g, f1: r4(g.f1) })),
  };
}

/**
 * Round-4 knobs are tri-state (flag, --no- flag, or unset): unset follows the 1.2.0 defaults, and the
 * two that build on the grouped first pass follow --token-groups, so `--no-token-groups` alone is 1.1.0.
 */
export function groupFlags(o: { tokenGroups?: boolean; groupRules?: boolean; stackGroups?: boolean }): { tokenGroups: boolean; groupRules: boolean; stackGroups: boolean } {
  const tokenGroups = o.tokenGroups ?? DEFAULT_TRAIN.tokenGroups;
  return { tokenGroups, groupRules: o.groupRules ?? (tokenGroups && DEFAULT_TRAIN.groupRules), stackGroups: o.stackGroups ?? (tokenGroups && DEFAULT_TRAIN.stackGroups) };
}

/** --conv-* flags → the conv token model's options (validated). */
export function convOptions(o: { convLayers: string; convWidth: string; convFilters: string; convEpochs: string; convBinary?: boolean; convAct: string }): TokenConvOptions {
  const layers = Number(o.convLayers);
  const width = Number(o.convWidth);
  const filters = Number(o.convFilters);
  const epochs = Number(o.convEpochs);
  if (layers !== 1 && layers !== 2) throw new Error(`--conv-layers must be 1 or 2, got '${o.convLayers}'`);
  if (!Number.isInteger(width) || width < 1 || width % 2 === 0) throw new Error(`--conv-width must be an odd positive integer, got '${o.convWidth}'`);
  if (!Number.isInteger(filters) || filters < 1) throw new Error(`--conv-filters must be a positive integer, got '${o.convFilters}'`);
  if (!Number.isInteger(epochs) || epochs < 1) throw new Error(`--conv-epochs must be a positive integer, got '${o.convEpochs}'`);
  if (o.convAct !== 'relu' && o.convAct !== 'tanh') throw new Error(`--conv-act must be relu or tanh, got '${o.convAct}'`);
  return { ...DEFAULT_CONV, layers: [{ width, filters }, ...(layers === 2 ? [{ width: 3, filters }] : [])], groups: !o.convBinary, act: o.convAct, epochs };
}

/** The --conv-* flags that differ from the defaults, for the artifact's command. */
function convFlags(c: TokenConvOptions): string[] {
  const d = DEFAULT_CONV;
  return [
    ...(c.layers.length !== d.layers.length ? [`--conv-layers ${c.layers.length}`] : []),
    ...(c.layers[0].width !== d.layers[0].width ? [`--conv-width ${c.layers[0].width}`] : []),
    ...(c.layers[0].filters !== d.layers[0].filters ? [`--conv-filters ${c.layers[0].filters}`] : []),
    ...(c.epochs !== d.epochs ? [`--conv-epochs ${c.epochs}`] : []),
    ...(c.groups !== d.groups ? ['--conv-binary'] : []),
    ...(c.act !== d.act ? [`--conv-act ${c.act}`] : []),
  ];
}

export function register(train: Command): void {
  train
    .command('techniques')
    .description('propaganda techniques (SemEval-2020 Task 11 SI + TC) from the PTC corpus, with k-fold CV figures')
    .option('--data <dir>', 'PTC folder (train-articles/, train-task1-SI.labels, train-task2-TC.labels)', join(sharedDir, 'data', 'ptc'))
    .option('--folds <k>', 'article-level cross-validation folds (0 = none; the span rule is then the one CV chose for the shipped model)', '5')
    .option('--seed <n>', 'random seed (folds, example order)', '1')
    .option('--limit <n>', 'use only the first N articles (by id; for quick checks)')
    .option('--out <file>', 'artifact to write', modelPath(TECHNIQUES_MODEL_FILE))
    .option('--drop <groups>', 'ablation: leave out these feature groups (comma-separated prefixes before "=", e.g. c3,c4,c5)')
    .option('--stack-folds <k>', 'inner folds of the stacked second SI pass (0 = single pass)', String(DEFAULT_TRAIN.stackFolds))
    .option('--tc-epochs <n>', 'epochs of the technique classifier', String(DEFAULT_TRAIN.tcEpochs))
    .option('--stack-lexical', 'give the second SI pass the words too')
    .option('--si-epochs <n>', 'epochs of the token tagger', String(DEFAULT_TRAIN.siEpochs))
    .option('--tc-balance <a>', 'technique class weights (largest/class)^a; 0 = none', String(DEFAULT_TRAIN.tcBalance))
    .option('--tc-l2 <x>', 'L2 of the technique classifier', String(DEFAULT_TRAIN.tcL2))
    .option('--no-inner-rules', 'ablation: choose the span rule on the pooled evaluation folds (old protocol; no span scorer)')
    .option('--span-scorer', 're-score candidate spans with a span-level model (threshold chosen on inner folds; measured no gain, so off by default)')
    .option('--token-groups', 'first SI pass multinomial over O + technique groups (repetition, lexical, phrase, clausal) instead of O / P; group probabilities feed the second pass (default since 1.2.0)')
    .option('--no-token-groups', 'the 1.1.0 O / P first pass; also turns off --group-rules and --stack-groups unless they are given')
    .option('--sentence-groups', 'one-vs-rest sentence classifiers per technique group feeding the second pass')
    .option('--group-rules', 'with --token-groups: also try group-specific span rules (word-level runs for repetition/lexical tokens, sentence runs for the rest) in the inner rule choice (default with --token-groups)')
    .option('--no-group-rules', 'only the plain span-rule grid')
    .option('--group-rules-phrase', 'with --group-rules: the grid also tries treating the phrase group (slogans, clichés, exaggeration, flag-waving) as short')
    .option('--stack-groups', 'second SI pass multinomial over O + technique groups as well (P = 1 − P(O)); its group shares drive --group-rules (default with --token-groups)')
    .option('--no-stack-groups', 'O / P second pass')
    .option('--article-q-grid', 'refine the chosen span rule with a threshold relative to the article: max(threshold, article quantile q), q chosen on the inner folds (round 6)')
    .option('--stack-article-ranks', 'like --stack-article, but only the token and sentence decile ranks within the article (round 6)')
    .option('--sentence-whole', 'a sentence model for "sentence is (nearly) all propaganda" (>= 90% of its words in gold spans) feeds the second pass (round 6)')
    .option('--whole-spans', 'round 7: whole-sentence spans — sentences rated above a threshold (whole-sentence model, sentence classifier or mean token probability; source and threshold chosen on the inner folds) become one span, replacing the token-rule spans inside them')
    .option('--no-whole-spans', 'no whole-sentence spans')
    .option('--peak-grid', 'session 8: the inner grid also tries a hysteresis peak (a long run is kept only if a token in it reaches the peak)')
    .option('--fold-first', 'round 7: the first SI pass on new text averages the inner-fold taggers (those the second pass was fitted on) instead of one tagger trained on all articles')
    .option('--stack-neighbours', 'round 7: the second SI pass also sees the previous and next sentences (their strongest first-pass probability and sentence-classifier probability)')
    .option('--bio', 'round 7: learned span boundaries — a B/I/O structured perceptron over the second-pass features with a constrained Viterbi decode; its O bias chosen on the inner folds')
    .option('--bio-epochs <n>', 'with --bio: perceptron epochs', '5')
    .option('--stack-article', 'second SI pass also sees article-level context: article max/mean/quantiles of the first pass, token and sentence decile rank within the article, article length (round 6)')
    .option('--stack-wide', 'second SI pass also sees wider probability context: ±3..5 tokens, the clause, distance to the sentence max, group maxima within 5 tokens (round 5)')
    .option('--trim-grid', 'the inner span-rule grid also tries trimming function words off span edges (round 5)')
    .option('--si-l2 <x>', 'L2 of the token tagger (first pass)', String(DEFAULT_TRAIN.siL2))
    .option('--si2-epochs <n>', 'epochs of the stacked second pass', String(DEFAULT_TRAIN.si2Epochs))
    .option('--si2-l2 <x>', 'L2 of the stacked second pass', String(DEFAULT_TRAIN.si2L2))
    .option('--phrase-threshold-grid', 'refine the chosen grouped span rule with its own threshold for phrase-group tokens (round 5)')
    .option('--short-share-grid', 'refine the chosen grouped span rule with the share of short-group mass that makes a token short (round 5)')
    .option('--min-chars-grid', 'refine the chosen span rule with a minimum span length in characters (round 5)')
    .option('--crossfit-rules', 'choose the span rule on second-pass probabilities that are out-of-fold too (second pass cross-fitted on the inner folds; round 5)')
    .option('--third-pass', 'a third SI pass over the (cross-fitted) second pass\'s probabilities and group shares (round 5)')
    .option('--bag <n>', 'average the first-pass probabilities of N token taggers (other seeds; see --bag-bootstrap)', String(DEFAULT_TRAIN.bag))
    .option('--bag-bootstrap', 'with --bag: train the extra taggers on bootstrap samples of the articles')
    .option('--cv-only', 'only cross-validate; do not train and write the final model')
    .option('--word-classes <sizes>', 'word classes from word vectors: k-means sizes, finest first (none = no word-class features)', DEFAULT_CLASSES)
    .option('--vector-data <dir>', 'shared data folder with euvsdisinfo/ and conll2003/ (the unlabelled word-vector text; PTC is never used)', join(sharedDir, 'data'))
    .option('--dense', 'dense sentence model (MLP over word-vector averages) feeding the second pass')
    .option('--dense-tokens', 'with --dense: also a dense token model (MLP over word vectors of the token, its window and sentence)')
    .option('--dense-tok-epochs <n>', 'epochs of the dense token model', String(DEFAULT_TRAIN.denseTokEpochs))
    .option('--dense-hidden <n>', 'hidden units of the dense sentence model', String(DEFAULT_TRAIN.denseHidden))
    .option('--dense-epochs <n>', 'epochs of the dense sentence model', String(DEFAULT_TRAIN.denseEpochs))
    .option('--conv', 'session 9: a convolutional token model (conv1d.ts) over the word vectors of the token and its neighbours (concatenated), trained out-of-fold; its P(propaganda) feeds the second pass')
    .option('--conv-layers <n>', 'with --conv: convolution layers (1 or 2; the second has width 3)', String(DEFAULT_CONV.layers.length))
    .option('--conv-width <n>', 'with --conv: window width of the first layer (odd)', String(DEFAULT_CONV.layers[0].width))
    .option('--conv-filters <n>', 'with --conv: filters per layer', String(DEFAULT_CONV.layers[0].filters))
    .option('--conv-epochs <n>', 'with --conv: training epochs', String(DEFAULT_CONV.epochs))
    .option('--conv-binary', 'with --conv: train on O / propaganda instead of O + the 4 technique groups')
    .option('--token-auc', 'print the held-out token-level AUC of the passes (always with --conv)')
    .option('--conv-act <a>', 'with --conv: activation, relu or tanh', DEFAULT_CONV.act)
    .option('--vectors-ptc', 'with --dense: also train the word vectors on the PTC training articles (per CV fold: its training articles only)')
    .option('--vec-dim <n>', 'word-vector dimensions', String(DEFAULT_SGNS.dim))
    .option('--vec-epochs <n>', 'word-vector (SGNS) epochs', String(DEFAULT_VEC_EPOCHS))
    .action((o: { tokenAuc?: boolean; conv?: boolean; convLayers: string; convWidth: string; convFilters: string; convEpochs: string; convBinary?: boolean; convAct: string; peakGrid?: boolean; foldFirst?: boolean; stackNeighbours?: boolean; bio?: boolean; bioEpochs: string; wholeSpans?: boolean; thirdPass?: boolean; crossfitRules?: boolean; minCharsGrid?: boolean; shortShareGrid?: boolean; phraseThresholdGrid?: boolean; siL2: string; si2Epochs: string; si2L2: string; trimGrid?: boolean; stackWide?: boolean; stackArticle?: boolean; stackArticleRanks?: boolean; sentenceWhole?: boolean; articleQGrid?: boolean; stackGroups?: boolean; groupRulesPhrase?: boolean; bag: string; bagBootstrap?: boolean; groupRules?: boolean; tokenGroups?: boolean; sentenceGroups?: boolean; vectorsPtc?: boolean; denseTokens?: boolean; denseTokEpochs: string; dense?: boolean; denseHidden: string; denseEpochs: string; wordClasses: string; vectorData: string; vecDim: string; vecEpochs: string; data: string; folds: string; seed: string; limit?: string; out: string; drop?: string; stackFolds: string; tcEpochs: string; tcL2: string; siEpochs: string; tcBalance: string; stackLexical?: boolean; cvOnly?: boolean; innerRules: boolean; spanScorer?: boolean }) => {
      const k = Number(o.folds);
      const seed = Number(o.seed);
      const limit = o.limit === undefined ? undefined : Number(o.limit);
      if (!Number.isInteger(k) || k < 0 || k === 1) throw new Error(`--folds must be 0 or an integer ≥ 2, got '${o.folds}'`);
      if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got '${o.seed}'`);
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 2)) throw new Error(`--limit must be an integer ≥ 2, got '${o.limit}'`);
      const log = (m: string) => process.stderr.write(`${m}\n`);
      const t0 = performance.now();
      const { articles, si, tc } = readPtcDir(o.data, limit);
      const drop = o.drop ? o.drop.split(',').map((x) => x.trim()).filter(Boolean) : [];
      const sizes = o.wordClasses === 'none' ? [] : o.wordClasses.split(',').map(Number);
      if (sizes.some((x) => !Number.isInteger(x) || x < 2)) throw new Error(`--word-classes must be 'none' or integers ≥ 2 (finest first), got '${o.wordClasses}'`);
      const vecDim = Number(o.vecDim);
      const vecEpochs = Number(o.vecEpochs);
      if (!Number.isInteger(vecDim) || vecDim < 2) throw new Error(`--vec-dim must be an integer ≥ 2, got '${o.vecDim}'`);
      if (!Number.isInteger(vecEpochs) || vecEpochs < 1) throw new Error(`--vec-epochs must be a positive integer, got '${o.vecEpochs}'`);
      let classes: WordClassesData | undefined;
      let emb: EmbeddingData | undefined;
      let vectorSources: string[] = [];
      let embedFor: TrainOptions['embedFor'];
      const conv = o.conv ? convOptions(o) : undefined;
      if (sizes.length || o.dense || conv) {
        const vc = vectorCorpus(o.vectorData);
        vectorSources = vc.sources;
        if (o.vectorsPtc) vectorSources.push('PTC training articles (per CV fold: that fold\'s training articles)');
        const vectors = trainSgns(vc.sentences, { ...DEFAULT_SGNS, dim: vecDim, epochs: vecEpochs, seed: seed + 31 });
        if (o.vectorsPtc) {
          embedFor = (train) => {
            const t1 = performance.now();
            const sentences = [...vc.sentences, ...train.flatMap((a) => a.t.text.split('\n').map(vectorTokens).filter((x) => x.length > 1))];
            const e = packEmbedding(trainSgns(sentences, { ...DEFAULT_SGNS, dim: vecDim, epochs: vecEpochs, seed: seed + 31 }));
            log(`  word vectors on external text + ${train.length} PTC articles: ${e.words.length} words in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
            return e;
          };
        }
        if (sizes.length) classes = wordClasses(vectors, sizes, seed + 37);
        if (o.dense || conv) emb = packEmbedding(vectors);
        log(`word vectors: ${vectors.words.length} words × ${vecDim} (SGNS, ${vecEpochs} epochs on ${vc.sources.join('; ')}); classes ${sizes.join('/') || 'none'} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      }
      if (conv && o.dense && o.denseTokens) throw new Error('--conv and --dense-tokens both feed the second pass\'s token-model slot: use one');
      // --conv alone: no dense sentence inputs (they would switch on the dense sentence model).
      const corpus = prepareCorpus(articles, si, tc, drop, classes, emb, Boolean(o.dense && o.denseTokens), Boolean(conv), Boolean(o.dense) || !conv);
      log(`prepared ${articles.length} articles (${corpus.tokVocab.size} token features, ${corpus.spanVocab.size} span features) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      const { tokenGroups, groupRules, stackGroups } = groupFlags(o);
      const opts: TrainOptions = { ...DEFAULT_TRAIN, seed, log, stackFolds: Number(o.stackFolds), tcEpochs: Number(o.tcEpochs), tcL2: Number(o.tcL2), siEpochs: Number(o.siEpochs), tcBalance: Number(o.tcBalance), stackLexical: Boolean(o.stackLexical), innerRules: o.innerRules, spanScorer: o.innerRules && Boolean(o.spanScorer), denseHidden: Number(o.denseHidden), denseEpochs: Number(o.denseEpochs), denseTokEpochs: Number(o.denseTokEpochs), tokenGroups, sentenceGroups: Boolean(o.sentenceGroups), groupRules, groupRulesPhrase: Boolean(o.groupRulesPhrase), stackGroups, bag: Number(o.bag), bagBootstrap: Boolean(o.bagBootstrap), stackWide: Boolean(o.stackWide), stackArticle: o.stackArticle ? true : o.stackArticleRanks ? 'ranks' : false, sentenceWhole: Boolean(o.sentenceWhole), wholeSpans: o.wholeSpans ?? Boolean(DEFAULT_TRAIN.wholeSpans), bio: Boolean(o.bio), stackNeighbours: Boolean(o.stackNeighbours), foldFirst: Boolean(o.foldFirst), peakGrid: Boolean(o.peakGrid), bioEpochs: Number(o.bioEpochs), articleQGrid: Boolean(o.articleQGrid), trimGrid: Boolean(o.trimGrid), phraseThresholdGrid: Boolean(o.phraseThresholdGrid), shortShareGrid: Boolean(o.shortShareGrid), minCharsGrid: Boolean(o.minCharsGrid), crossfitRules: Boolean(o.crossfitRules), thirdPass: Boolean(o.thirdPass), siL2: Number(o.siL2), si2Epochs: Number(o.si2Epochs), si2L2: Number(o.si2L2), ...(embedFor ? { embedFor } : {}), ...(conv ? { conv } : {}), ...(o.tokenAuc ? { tokenAuc: true } : {}) };
      if (conv && opts.stackFolds < 2) throw new Error('--conv feeds the stacked second pass: it needs --stack-folds ≥ 2');
      if (!Number.isInteger(opts.denseTokEpochs) || opts.denseTokEpochs < 1) throw new Error(`--dense-tok-epochs must be a positive integer, got '${o.denseTokEpochs}'`);
      if (!Number.isInteger(opts.denseHidden) || opts.denseHidden < 1) throw new Error(`--dense-hidden must be a positive integer, got '${o.denseHidden}'`);
      if (!Number.isInteger(opts.denseEpochs) || opts.denseEpochs < 1) throw new Error(`--dense-epochs must be a positive integer, got '${o.denseEpochs}'`);
      if (!Number.isInteger(opts.siEpochs) || opts.siEpochs < 1) throw new Error(`--si-epochs must be a positive integer, got '${o.siEpochs}'`);
      if (!(opts.tcBalance >= 0)) throw new Error(`--tc-balance must be a number ≥ 0, got '${o.tcBalance}'`);
      if (!Number.isInteger(opts.stackFolds) || opts.stackFolds < 0 || opts.stackFolds === 1) throw new Error(`--stack-folds must be 0 or an integer ≥ 2, got '${o.stackFolds}'`);
      if (!Number.isInteger(opts.tcEpochs) || opts.tcEpochs < 1) throw new Error(`--tc-epochs must be a positive integer, got '${o.tcEpochs}'`);
      if (!Number.isInteger(opts.bag) || opts.bag < 1) throw new Error(`--bag must be a positive integer, got '${o.bag}'`);
      if (opts.groupRules && opts.spanScorer) throw new Error('--group-rules (on by default) and --span-scorer do not combine (the scorer re-scores plain-rule candidates): add --no-group-rules');
      if (opts.groupRulesPhrase && !opts.groupRules) throw new Error('--group-rules-phrase needs --group-rules');
      if (opts.groupRules && !opts.tokenGroups) throw new Error('--group-rules needs --token-groups (it reads the group probabilities of the first pass)');
      if (!(opts.siL2 >= 0)) throw new Error(`--si-l2 must be a number ≥ 0, got '${o.siL2}'`);
      if (!(opts.si2L2 >= 0)) throw new Error(`--si2-l2 must be a number ≥ 0, got '${o.si2L2}'`);
      if (!Number.isInteger(opts.si2Epochs) || opts.si2Epochs < 1) throw new Error(`--si2-epochs must be a positive integer, got '${o.si2Epochs}'`);
      if (!(opts.tcL2 >= 0)) throw new Error(`--tc-l2 must be a number ≥ 0, got '${o.tcL2}'`);
      // With --no-inner-rules and no CV, use the rule the old 5-fold CV (seed 1) chose; otherwise
      // trainFinal picks the rule on the training articles' out-of-fold probabilities.
      let rules: SpanRules = { threshold: 0.2, gap: 1000, minTokens: 2 };
      let metrics: Record<string, unknown> | undefined;
      if (k >= 2) {
        const cv = crossValidate(corpus, k, opts);
        rules = cv.rules;
        for (const f of cv.folds) console.log(`fold ${f.fold} (${f.articles} articles): SI P ${f.si.precision.toFixed(4)} R ${f.si.recall.toFixed(4)} F1 ${f.si.f1.toFixed(4)} | TC micro-F1 ${f.tc.microF1.toFixed(4)}`);
        if (cv.foldRules) console.log(`span rules chosen per fold on its training articles: ${cv.foldRules.map((r) => JSON.stringify(r)).join(' ')}`);
        console.log(`${cv.foldRules ? 'for comparison, rule' : 'span rules'} chosen on pooled held-out probabilities (${cv.grid.length}-point grid): ${JSON.stringify(rules)}: ${formatSi(cv.evalRuleSi)}`);
        const top = [...cv.grid].sort((a, b) => b.f1 - a.f1).slice(0, 5);
        console.log(`  best of grid: ${top.map((g) => `t${g.threshold}/g${g.gap}/m${g.minTokens}${g.combine ? `/${g.combine}` : ''}=${g.f1.toFixed(4)}`).join('  ')}`);
        console.log(`pooled over folds: ${formatSi(cv.si)}`);
        console.log(`analyzer (word-level) span rules ${JSON.stringify(DISPLAY_RULES)}: ${formatSi(cv.display)}`);
        console.log(formatTc(cv.tc));
        if (cv.tokenAuc) {
          const f = (a: { tokens: number; first: number; second: number; conv?: number; firstConv?: number }) => `first pass ${a.first.toFixed(4)}${a.conv !== undefined ? ` | conv ${a.conv.toFixed(4)} | first + conv (summed log-odds) ${a.firstConv!.toFixed(4)}` : ''} | second pass ${a.second.toFixed(4)} (${a.tokens} tokens)`;
          cv.tokenAuc.perFold.forEach((a, i) => console.log(`held-out token AUC, fold ${i + 1}: ${f(a)}`));
          console.log(`held-out token AUC, pooled: ${f(cv.tokenAuc.pooled)}`);
        }
        metrics = metricsOf(cv, k, seed);
      }
      if (o.cvOnly) return;
      const body = trainFinal(corpus, opts, rules);
      const defaults = DEFAULT_TRAIN;
      const cmd = [
        'narrascope train techniques',
        `--folds ${k}`,
        `--seed ${seed}`,
        ...(limit ? [`--limit ${limit}`] : []),
        ...(drop.length ? [`--drop ${drop.join(',')}`] : []),
        ...(opts.stackFolds !== defaults.stackFolds ? [`--stack-folds ${opts.stackFolds}`] : []),
        ...(opts.tcEpochs !== defaults.tcEpochs ? [`--tc-epochs ${opts.tcEpochs}`] : []),
        ...(opts.tcL2 !== defaults.tcL2 ? [`--tc-l2 ${opts.tcL2}`] : []),
        ...(opts.siEpochs !== defaults.siEpochs ? [`--si-epochs ${opts.siEpochs}`] : []),
        ...(opts.tcBalance !== defaults.tcBalance ? [`--tc-balance ${opts.tcBalance}`] : []),
        ...(opts.stackLexical ? ['--stack-lexical'] : []),
        ...(!opts.innerRules ? ['--no-inner-rules'] : []),
        ...(opts.spanScorer ? ['--span-scorer'] : []),
        // Only what differs from the defaults (see the tri-state resolution above).
        ...(opts.tokenGroups !== defaults.tokenGroups ? [opts.tokenGroups ? '--token-groups' : '--no-token-groups'] : []),
        ...(opts.sentenceGroups ? ['--sentence-groups'] : []),
        ...(opts.groupRules !== (opts.tokenGroups && defaults.groupRules) ? [opts.groupRules ? '--group-rules' : '--no-group-rules'] : []),
        ...(opts.groupRules && opts.groupRulesPhrase ? ['--group-rules-phrase'] : []),
        ...(opts.stackGroups !== (opts.tokenGroups && defaults.stackGroups) ? [opts.stackGroups ? '--stack-groups' : '--no-stack-groups'] : []),
        ...(opts.bag !== defaults.bag ? [`--bag ${opts.bag}`] : []),
        ...(opts.stackWide ? ['--stack-wide'] : []),
        ...(opts.stackArticle === true ? ['--stack-article'] : opts.stackArticle === 'ranks' ? ['--stack-article-ranks'] : []),
        ...(opts.sentenceWhole ? ['--sentence-whole'] : []),
        ...(Boolean(opts.wholeSpans) !== Boolean(defaults.wholeSpans) ? [opts.wholeSpans ? '--whole-spans' : '--no-whole-spans'] : []),
        ...(opts.stackNeighbours ? ['--stack-neighbours'] : []),
        ...(opts.foldFirst ? ['--fold-first'] : []),
        ...(opts.peakGrid ? ['--peak-grid'] : []),
        ...(opts.bio ? ['--bio', ...(opts.bioEpochs !== 5 ? [`--bio-epochs ${opts.bioEpochs}`] : [])] : []),
        ...(opts.articleQGrid ? ['--article-q-grid'] : []),
        ...(opts.trimGrid ? ['--trim-grid'] : []),
        ...(opts.phraseThresholdGrid ? ['--phrase-threshold-grid'] : []),
        ...(opts.shortShareGrid ? ['--short-share-grid'] : []),
        ...(opts.minCharsGrid ? ['--min-chars-grid'] : []),
        ...(opts.crossfitRules ? ['--crossfit-rules'] : []),
        ...(opts.thirdPass ? ['--third-pass'] : []),
        ...(opts.siL2 !== defaults.siL2 ? [`--si-l2 ${opts.siL2}`] : []),
        ...(opts.si2Epochs !== defaults.si2Epochs ? [`--si2-epochs ${opts.si2Epochs}`] : []),
        ...(opts.si2L2 !== defaults.si2L2 ? [`--si2-l2 ${opts.si2L2}`] : []),
        ...(opts.bag > 1 && opts.bagBootstrap ? ['--bag-bootstrap'] : []),
        ...(o.wordClasses !== DEFAULT_CLASSES ? [`--word-classes ${o.wordClasses}`] : []),
        ...(o.dense ? ['--dense'] : []),
        ...(o.dense && o.denseTokens ? ['--dense-tokens'] : []),
        ...((o.dense || conv) && o.vectorsPtc ? ['--vectors-ptc'] : []),
        ...(conv ? ['--conv', ...convFlags(conv)] : []),
        ...(o.dense && o.denseTokens && opts.denseTokEpochs !== defaults.denseTokEpochs ? [`--dense-tok-epochs ${opts.denseTokEpochs}`] : []),
        ...(o.dense && opts.denseHidden !== defaults.denseHidden ? [`--dense-hidden ${opts.denseHidden}`] : []),
        ...(o.dense && opts.denseEpochs !== defaults.denseEpochs ? [`--dense-epochs ${opts.denseEpochs}`] : []),
        ...((sizes.length || o.dense || conv) && vecDim !== DEFAULT_SGNS.dim ? [`--vec-dim ${vecDim}`] : []),
        ...((sizes.length || o.dense || conv) && vecEpochs !== DEFAULT_VEC_EPOCHS ? [`--vec-epochs ${vecEpochs}`] : []),
      ].join(' ');
      const bytes = saveArtifact(o.out, {
        header: {
          model: 'techniques',
          version: TECHNIQUES_MODEL_VERSION,
          command: cmd,
          trainedOn: `PTC train-articles (${articles.length} articles), SemEval-2020 Task 11, corpus v2${vectorSources.length ? `; word vectors (unlabelled): ${vectorSources.join('; ')}` : ''}`,
          seed,
          metrics,
        },
        body,
      });
      // The loaded-language baseline lexicon, from the same articles (cheap; written beside the model).
      const lexicon = buildLexicon(
        corpus.articles.map((a) => ({
          text: a.t.text,
          tokens: a.t.tokens,
          spans: a.tc.filter((g) => g.labels.some((l) => l === 'Loaded_Language' || l === 'Name_Calling,Labeling')),
        })),
      );
      const lexOut = join(dirname(o.out), o.out.endsWith(TECHNIQUES_MODEL_FILE) ? LOADED_LEXICON_FILE : `lexicon-${o.out.split('/').pop()}`);
      saveArtifact(lexOut, {
        header: { model: 'techniques-loaded-lexicon', version: TECHNIQUES_MODEL_VERSION, command: cmd, trainedOn: `PTC train-articles (${articles.length} articles)`, seed },
        body: lexicon,
      });
      log(`wrote ${lexOut} (${Object.keys(lexicon.terms).length} terms)`);
      log(`wrote ${o.out} (${(bytes / 1024 / 1024).toFixed(2)} MB; ${body.si.features.length} SI + ${body.tc.features.length} TC features) in ${((performance.now() - t0) / 1000).toFixed(1)} s total`);
    });
}
