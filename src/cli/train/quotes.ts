/**
 * `narrascope train quotes`: the learned speaker chooser for quotes. Reports k-fold article-level
 * cross-validation over the 100 hand-labelled articles (model vs rules on the same held-out folds,
 * and the blind batches 3–6 on their own). The chooser did not beat the rules, so the quotes
 * component does not use it and no artifact is committed; `--out FILE` still trains on all articles
 * and writes one, for further experiments.
 */
import type { Command } from 'commander';
import { dirname } from 'node:path';
import { saveArtifact } from '../../models/artifact.js';
import { SPEAKER_MODEL_FILE, type SpeakerModel } from '../../analyzers/quotes/chooser.js';
import { QUOTES_BY } from '../../analyzers/quotes/find.js';
import { crossValidate, prepareArticles, trainSpeakerModel, type CvResult } from '../../eval/quotes/chooser-train.js';
import { blindBatchGoldDirs, developmentGoldDirs, heldOut6GoldDir } from '../../eval/quotes/run.js';
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
  for (const s of cv.subsets) lines.push(`${s.name} (${s.articles} articles): model ${fig(s.model)} | rules ${fig(s.rules)}`);
  lines.push(`candidate recall (found gold speakers with the right candidate among the candidates): ${cv.candidateRecall.toFixed(3)}`);
  return lines.join('\n');
}

export function register(train: Command): void {
  train
    .command('quotes')
    .description('learned speaker chooser for quotes (experimental, not shipped): article-level CV against the rules on the hand-labelled quote set (reads ../shared)')
    .option('--folds <k>', 'cross-validation folds (article level)', '5')
    .option('--seed <n>', 'random seed (folds, inner threshold split)', '1')
    .option('--no-entities', 'do not use the trained NER for candidates (default: use it when present, as the pipeline does)')
    .option('--out <file>', `also train on all articles and write the artifact (e.g. ${modelPath(SPEAKER_MODEL_FILE)}); not used by ${QUOTES_BY}`)
    .action(async (o: { folds: string; seed: string; entities: boolean; out?: string }) => {
      try {
        const k = Number(o.folds);
        const seed = Number(o.seed);
        if (!Number.isInteger(k) || k < 2) throw new Error(`--folds must be an integer >= 2, got '${o.folds}'`);
        if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got '${o.seed}'`);
        const dirs = developmentGoldDirs.split(',');
        const arts = await prepareArticles(dirs, sharedDir, { entities: o.entities });
        const dirOf = (a: { gold: { path: string } }) => dirname(a.gold.path);
        const blind = new Set(blindBatchGoldDirs);
        const cv = crossValidate(arts, k, seed, [
          { name: 'blind batches 3–6', inSubset: (a) => blind.has(dirOf(a)) },
          { name: 'batch 6', inSubset: (a) => dirOf(a) === heldOut6GoldDir },
        ]);
        process.stdout.write(`${arts.length} articles, ${arts.reduce((n, a) => n + a.rows.length, 0)} candidate rows, NER ${o.entities ? 'on' : 'off'}\n${formatCv(cv, k, seed)}\n`);
        if (!o.out) return;
        const model: SpeakerModel = trainSpeakerModel(arts, seed);
        const bytes = saveArtifact(o.out, {
          header: {
            model: 'quote-speakers',
            version: SPEAKER_MODEL_VERSION,
            command: `narrascope train quotes --folds ${k} --seed ${seed}${o.entities ? '' : ' --no-entities'}`,
            trainedOn: `${arts.length} hand-labelled articles (test/fixtures/quotes: first 41 + batches 1–7), ${QUOTES_BY} rule spans, NER ${o.entities ? 'on' : 'off'}`,
            seed,
            metrics: {
              cv: { folds: k, pooled: { model: brief(cv.pooled.model), rules: brief(cv.pooled.rules) }, subsets: cv.subsets.map((x) => ({ name: x.name, articles: x.articles, model: brief(x.model), rules: brief(x.rules) })) },
              thresholds: { withRule: model.withRule.threshold, noRule: model.noRule.threshold },
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
