/**
 * `narrascope train quotes`: the learned speaker chooser for quotes. Reports k-fold article-level
 * cross-validation over the hand-labelled articles (model vs rules on the same held-out folds, and subsets: the blind
 * batches 3–6, batch 6, the blind batches 8–13, batches 14–15, …, Reuters 22–27, EUvsDisinfo 36–38). `--out FILE` also trains on all articles
 * and writes the artifact; quotes@1.11.0 loads models/quote-speakers.json.gz (round L, docs/quotes-and-claims.md).
 * The defaults are the shipped configuration; `--loss logistic --select f1 --l2 0.01 --touch-ruled` is session 2's.
 */
import type { Command } from 'commander';
import { dirname } from 'node:path';
import { saveArtifact } from '../../models/artifact.js';
import { SPEAKER_MODEL_FILE, type SpeakerModel } from '../../analyzers/quotes/chooser.js';
import { QUOTES_BY } from '../../analyzers/quotes/find.js';
import { crossValidate, prepareArticles, trainSpeakerModel, type ChooserOptions, type CvResult } from '../../eval/quotes/chooser-train.js';
import { batchGoldDir, blindBatchGoldDirs, developmentGoldDirs, labelledGoldDirs, labelledPtcGoldDirs, lateBlindBatchGoldDirs, round16to17GoldDirList, round18to21GoldDirList, validationGoldDirList } from '../../eval/quotes/run.js';
import type { QuoteMetrics } from '../../eval/quotes/score.js';
import { modelPath, sharedDir } from '../../util/paths.js';

export const SPEAKER_MODEL_VERSION = '1.0.0';

const r4 = (x: number) => Math.round(x * 10000) / 10000;
const fig = (m: QuoteMetrics) => `P ${m.speakerPrecision.toFixed(3)} (${m.counts.speakerCorrect}/${m.counts.predictedWithSpeaker})  R ${m.speakerRecall.toFixed(3)} (${m.counts.goldSpeakerFound}/${m.counts.goldWithSpeaker})`;
const brief = (m: QuoteMetrics) => ({ precision: r4(m.speakerPrecision), recall: r4(m.speakerRecall), correct: m.counts.speakerCorrect, predicted: m.counts.predictedWithSpeaker, gold: m.counts.goldWithSpeaker, found: m.counts.goldSpeakerFound });

export function formatCv(cv: CvResult, k: number, seed: number): string {
  const lines = [`${k}-fold article-level cross-validation (seed ${seed}); speaker figures on held-out folds, quotes eval scorer`];
  for (const f of cv.folds) lines.push(`fold ${f.fold} (${f.articles} articles, thresholds ${f.threshold.withRule.toFixed(2)}/${f.threshold.noRule.toFixed(2)}): model ${fig(f.model)} | rules ${fig(f.rules)}`);
  lines.push(`pooled: model ${fig(cv.pooled.model)} | rules ${fig(cv.pooled.rules)}`);
  for (const [kind, m] of Object.entries(cv.pooledByKind)) lines.push(`  pooled ${kind}: model ${fig(m.model)} | rules ${fig(m.rules)}`);
  for (const s of cv.subsets) lines.push(`${s.name} (${s.articles} articles): model ${fig(s.model)} | rules ${fig(s.rules)}`);
  lines.push(`candidate recall (found gold speakers with the right candidate among the candidates): ${cv.candidateRecall.toFixed(3)}`);
  const u = cv.unattributed;
  lines.push(`  on quotes the rules leave unattributed: ${u.reachable}/${u.found} (${u.found ? (u.reachable / u.found).toFixed(3) : '-'}); of the ${u.found - u.reachable} without the right candidate, ${u.namedEarlier} name the speaker's last word earlier in the article, ${u.notNamedEarlier} do not`);
  for (const [who, c] of [['model', cv.calibration.model], ['rules', cv.calibration.rules]] as const) {
    lines.push(`speaker confidence, ${who} (${c.speakers} speakers): Brier ${c.brier.toFixed(4)}, ECE ${c.ece.toFixed(4)}`);
    lines.push(`  bins: ${c.bins.filter((b) => b.speakers).map((b) => `[${b.from.toFixed(1)},${b.to.toFixed(1)}) ${b.correct}/${b.speakers} right, mean conf ${b.meanConfidence.toFixed(2)}`).join('; ')}`);
    lines.push(`  dropping speakers under: ${c.byThreshold.map((t) => `${t.threshold.toFixed(1)} → ${fig(t.metrics)}`).join('; ')}`);
  }
  return lines.join('\n');
}

export function register(train: Command): void {
  train
    .command('quotes')
    .description('learned speaker chooser for quotes (used by quotes@1.11.0+ after the rules): article-level CV against the rules on the 284 hand-labelled development articles (reads ../shared)')
    .option('--folds <k>', 'cross-validation folds (article level)', '5')
    .option('--seed <n>', 'random seed (folds, inner threshold split)', '1')
    .option('--no-entities', 'do not use the trained NER for candidates (default: use it when present, as the pipeline does)')
    .option('--loss <kind>', "'softmax' (listwise ranker with a \"nobody\" option) or 'logistic' (independent sigmoids, session 2)", 'softmax')
    .option('--select <how>', "threshold choice on inner folds: 'utility' (correct − cost × wrong speakers) or 'f1' (session 2)", 'utility')
    .option('--cost <x>', 'cost of a wrong speaker in right speakers, for --select utility', '3')
    .option('--l2 <x>', 'L2 penalty of the fit (session 2 used 0.01)', '0.001')
    .option('--features <set>', "candidate feature set: 2 (round L, the one the component uses), 1 (session 2) or 3 (session 10: 2 plus the words around the quote and the candidate; cross-validation only)", '2')
    .option('--gold <set>', "training articles: 'all' (the 344 labelled PTC articles and samples + Reuters batches 22–35 + EUvsDisinfo batches 36–38 = 1475, quotes@1.30.0–1.31.0; 1328 (to batch 37) for 1.29.0; 1180 (to batch 36) for 1.28.0; 22–35 = 1038 for 1.27.0; 22–34 = 900 for 1.26.0; 22–32 = 833 for 1.25.0, 22–31 = 790 for 1.24.0, 22–30 = 745 for 1.23.0, 22–29 = 700 for 1.22.0, 22–27 = 611 for 1.20.0–1.21.0, 22–26 = 566 for 1.19.0, 22–25 = 521 for 1.18.0, 22–23 = 432 for 1.17.0), 'ptc' (the 344, quotes@1.15.0–1.16.0) or 'dev' (the 284 of quotes@1.11.0–1.14.0)", 'all')
    .option('--no-rule-confidence', 'do not fit the part that scores rule speakers (their confidence then stays the rules\' fixed value, as before quotes@1.15.0)')
    .option('--touch-ruled', 'let the model also replace or drop rule speakers (default: it only attributes quotes the rules left without a speaker)')
    .option('--out <file>', `also train on all articles and write the artifact (${modelPath(SPEAKER_MODEL_FILE)} is the one ${QUOTES_BY} loads)`)
    .action(async (o: { folds: string; seed: string; entities: boolean; out?: string; loss: string; select: string; cost: string; l2: string; features: string; touchRuled?: boolean; gold: string; ruleConfidence: boolean }) => {
      try {
        const k = Number(o.folds);
        const seed = Number(o.seed);
        if (!Number.isInteger(k) || k < 2) throw new Error(`--folds must be an integer >= 2, got '${o.folds}'`);
        if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got '${o.seed}'`);
        if (o.loss !== 'softmax' && o.loss !== 'logistic') throw new Error(`--loss must be 'softmax' or 'logistic', got '${o.loss}'`);
        if (o.select !== 'utility' && o.select !== 'f1') throw new Error(`--select must be 'utility' or 'f1', got '${o.select}'`);
        const cost = Number(o.cost);
        if (!(cost > 0)) throw new Error(`--cost must be a positive number, got '${o.cost}'`);
        const l2 = Number(o.l2);
        if (!(l2 >= 0)) throw new Error(`--l2 must be a number >= 0, got '${o.l2}'`);
        if (!['1', '2', '3'].includes(o.features)) throw new Error(`--features must be 1, 2 or 3, got '${o.features}'`);
        // The quotes component computes feature set 2; a model of another set would be scored on features it never saw.
        if (o.out && o.features !== '2') throw new Error(`--out writes the model ${QUOTES_BY} loads, which uses feature set 2; --features ${o.features} is for cross-validation only`);
        const featureSet = Number(o.features) as 1 | 2 | 3;
        if (o.gold !== 'all' && o.gold !== 'ptc' && o.gold !== 'dev') throw new Error(`--gold must be 'all', 'ptc' or 'dev', got '${o.gold}'`);
        const opts: ChooserOptions = { loss: o.loss, select: o.select, cost, keepRuled: !o.touchRuled, l2, ruleConfidence: o.ruleConfidence };
        const flags = `--gold ${o.gold} --loss ${opts.loss} --select ${opts.select}${opts.select === 'utility' ? ` --cost ${cost}` : ''} --l2 ${l2} --features ${featureSet}${opts.keepRuled ? '' : ' --touch-ruled'}${o.ruleConfidence ? '' : ' --no-rule-confidence'}`;
        const dirs = (o.gold === 'all' ? labelledGoldDirs : o.gold === 'ptc' ? labelledPtcGoldDirs : developmentGoldDirs).split(',');
        const arts = await prepareArticles(dirs, sharedDir, { entities: o.entities, featureSet });
        const dirOf = (a: { gold: { path: string } }) => dirname(a.gold.path);
        const blind = new Set(blindBatchGoldDirs);
        const lateBlind = new Set(lateBlindBatchGoldDirs);
        const val = new Set(validationGoldDirList);
        const b1617 = new Set(round16to17GoldDirList);
        const b1821 = new Set(round18to21GoldDirList);
        const cv = crossValidate(arts, k, seed, [
          { name: 'blind batches 3–6', inSubset: (a) => blind.has(dirOf(a)) },
          { name: 'batch 6', inSubset: (a) => dirOf(a) === batchGoldDir(6) },
          { name: 'blind batches 8–13', inSubset: (a) => lateBlind.has(dirOf(a)) },
          { name: 'batches 14–15 (round M validation)', inSubset: (a) => val.has(dirOf(a)) },
          { name: 'batches 16–17 (blind for 1.12.0, read in round N)', inSubset: (a) => b1617.has(dirOf(a)) },
          { name: 'batches 18–21 (blind for 1.13.0–1.14.0)', inSubset: (a) => b1821.has(dirOf(a)) },
          { name: 'Reuters batches 22–27 (blind for 1.15.0–1.19.0)', inSubset: (a) => [22, 23, 24, 25, 26, 27].some((n) => dirOf(a) === batchGoldDir(n)) },
          // Session 18: the product's own domain, EUvsDisinfo case descriptions (those in the training set).
          { name: 'EUvsDisinfo batches 36–38 (blind for 1.27.0–1.29.0)', inSubset: (a) => [36, 37, 38].some((n) => dirOf(a) === batchGoldDir(n)) },
        ], opts);
        process.stdout.write(`${arts.length} articles, ${arts.reduce((n, a) => n + a.rows.length, 0)} candidate rows, NER ${o.entities ? 'on' : 'off'}, ${flags}\n${formatCv(cv, k, seed)}\n`);
        if (!o.out) return;
        const model: SpeakerModel = trainSpeakerModel(arts, seed, opts);
        const bytes = saveArtifact(o.out, {
          header: {
            model: 'quote-speakers',
            version: SPEAKER_MODEL_VERSION,
            command: `narrascope train quotes --folds ${k} --seed ${seed} ${flags}${o.entities ? '' : ' --no-entities'} --out <file>`,
            trainedOn: `${arts.length} hand-labelled articles (test/fixtures/quotes: first 41 + batches ${o.gold === 'all' ? '1–26' : o.gold === 'ptc' ? '1–21' : '1–17'}), rule spans and speakers, NER ${o.entities ? 'on' : 'off'}`,
            seed,
            metrics: {
              cv: { folds: k, pooled: { model: brief(cv.pooled.model), rules: brief(cv.pooled.rules) }, subsets: cv.subsets.map((x) => ({ name: x.name, articles: x.articles, model: brief(x.model), rules: brief(x.rules) })) },
              thresholds: { withRule: model.withRule.threshold, noRule: model.noRule.threshold },
              confidence: { model: { brier: r4(cv.calibration.model.brier), ece: r4(cv.calibration.model.ece) }, rules: { brier: r4(cv.calibration.rules.brier), ece: r4(cv.calibration.rules.ece) } },
            },
          },
          body: model,
        });
        process.stdout.write(`thresholds ${model.withRule.threshold.toFixed(2)} (rule-attributed) / ${model.noRule.threshold.toFixed(2)} (unattributed), ${Object.keys(model.withRule.weights).length + Object.keys(model.noRule.weights).length} weights; wrote ${o.out} (${bytes} bytes)\n`);
      } catch (e) {
        console.error(`train quotes: ${(e as Error).message}`);
        process.exitCode = 1;
      }
    });
}
