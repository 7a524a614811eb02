/**
 * `narrascope train clauses`: the learned reported-speech detector of quotes@1.16.0 (clause-model.ts). Reports
 * k-fold article-level cross-validation (rules alone against rules + detector on the same held-out folds, per
 * threshold, and the candidate-level AUC) over the hand-labelled gold sets; `--out FILE` also trains on all articles
 * with the threshold the cross-validation chose and writes the artifact. Train this before `train quotes`: the
 * speaker model is fitted on the quotes the rules and this detector find.
 */
import type { Command } from 'commander';
import { saveArtifact } from '../../models/artifact.js';
import { CLAUSE_MODEL_FILE } from '../../analyzers/quotes/clause-model.js';
import { QUOTES_BY } from '../../analyzers/quotes/find.js';
import { CLAUSE_FIT, crossValidateClauses, fitClauseModel, prepareClauseArticles } from '../../eval/quotes/clause-train.js';
import { labelledGoldDirs, labelledPtcGoldDirs } from '../../eval/quotes/run.js';
import type { QuoteMetrics } from '../../eval/quotes/score.js';
import { modelPath, sharedDir } from '../../util/paths.js';

export const CLAUSE_MODEL_VERSION = '1.0.0';

const r4 = (x: number) => Math.round(x * 10000) / 10000;
const fig = (m: QuoteMetrics) => `speaker P ${m.speakerPrecision.toFixed(3)} (${m.counts.speakerCorrect}/${m.counts.predictedWithSpeaker}) R ${m.speakerRecall.toFixed(3)} (${m.counts.goldSpeakerFound}/${m.counts.goldWithSpeaker}); quote P ${m.quotePrecision.toFixed(3)} R ${m.quoteRecall.toFixed(3)} (${m.counts.goldFound}/${m.counts.gold})`;

export function register(train: Command): void {
  train
    .command('clauses')
    .description('learned reported-speech detector for quotes (used by quotes@1.16.0 where the rules find no clause): article-level CV against the rules on the hand-labelled gold sets (reads ../shared)')
    .option('--folds <k>', 'cross-validation folds (article level)', '5')
    .option('--seed <n>', 'random seed (folds)', '1')
    .option('--no-entities', 'do not use the trained NER (default: use it when present, as the pipeline does)')
    .option('--gold <set>', "training articles: 'all' (the 344 PTC articles and samples + Reuters batches 22–35 + EUvsDisinfo batches 36–38 = 1475) or 'ptc' (the 344)", 'all')
    .option('--l2 <x>', 'L2 penalty of the logistic fit', String(CLAUSE_FIT.l2))
    .option('--out <file>', `also train on all articles and write the artifact (${modelPath(CLAUSE_MODEL_FILE)} is the one ${QUOTES_BY} loads)`)
    .action(async (o: { folds: string; seed: string; entities: boolean; gold: string; l2: string; out?: string }) => {
      try {
        const k = Number(o.folds);
        const seed = Number(o.seed);
        if (!Number.isInteger(k) || k < 2) throw new Error(`--folds must be an integer >= 2, got '${o.folds}'`);
        if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got '${o.seed}'`);
        if (o.gold !== 'all' && o.gold !== 'ptc') throw new Error(`--gold must be 'all' or 'ptc', got '${o.gold}'`);
        const l2 = Number(o.l2);
        if (!(l2 >= 0)) throw new Error(`--l2 must be a number >= 0, got '${o.l2}'`);
        const fit = { ...CLAUSE_FIT, l2 };
        const arts = await prepareClauseArticles((o.gold === 'all' ? labelledGoldDirs : labelledPtcGoldDirs).split(','), sharedDir, { entities: o.entities });
        const cv = crossValidateClauses(arts, k, seed, undefined, fit);
        const lines = [
          `${arts.length} articles, ${cv.candidates.rows} relaxed candidates (${cv.candidates.positives} reported speech), NER ${o.entities ? 'on' : 'off'}, --gold ${o.gold} --l2 ${l2}`,
          `${k}-fold article-level cross-validation (seed ${seed}), held-out folds, quotes eval scorer:`,
          `  candidate ROC AUC ${cv.candidates.auc.toFixed(3)}`,
          `  rules alone:       ${fig(cv.rules.overall)}`,
          `    indirect:        ${fig(cv.rules.byKind.indirect)}`,
        ];
        for (const t of cv.byThreshold) {
          lines.push(`  detector ≥ ${t.threshold.toFixed(1)}${t.threshold === cv.chosen ? '*' : ' '}: ${fig(t.report.overall)}; kept ${t.kept} candidates, ${t.keptPositive} reported speech`);
          lines.push(`    indirect:        ${fig(t.report.byKind.indirect)}`);
        }
        lines.push(`  * chosen: the highest speaker recall at a speaker precision no lower than the rules'`);
        process.stdout.write(`${lines.join('\n')}\n`);
        if (!o.out) return;
        const model = fitClauseModel(arts, cv.chosen, fit);
        const at = cv.byThreshold.find((t) => t.threshold === cv.chosen)!;
        const brief = (m: QuoteMetrics) => ({ speakerPrecision: r4(m.speakerPrecision), speakerRecall: r4(m.speakerRecall), quoteRecall: r4(m.quoteRecall) });
        const bytes = saveArtifact(o.out, {
          header: {
            model: 'quote-clauses',
            version: CLAUSE_MODEL_VERSION,
            command: `narrascope train clauses --folds ${k} --seed ${seed} --gold ${o.gold} --l2 ${l2}${o.entities ? '' : ' --no-entities'} --out <file>`,
            trainedOn: `${arts.length} hand-labelled articles (test/fixtures/quotes: first 41 + batches 1–${o.gold === 'all' ? 22 : 21}), relaxed candidates of the rules, NER ${o.entities ? 'on' : 'off'}`,
            seed,
            metrics: { cv: { folds: k, auc: r4(cv.candidates.auc), rules: brief(cv.rules.overall), detector: brief(at.report.overall), threshold: cv.chosen } },
          },
          body: model,
        });
        process.stdout.write(`threshold ${model.threshold.toFixed(2)}, ${Object.keys(model.weights).length} weights; wrote ${o.out} (${bytes} bytes)\n`);
      } catch (e) {
        console.error(`train clauses: ${(e as Error).message}`);
        process.exitCode = 1;
      }
    });
}
