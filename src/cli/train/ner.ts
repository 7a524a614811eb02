/** `narrascope train ner`: train the named-entity tagger on CoNLL-2003 train, report valid figures. */
import type { Command } from 'commander';
import { join } from 'node:path';
import { saveArtifact } from '../../models/artifact.js';
import { NerModel, fitTemperature, nerDocsFromConll, trainNer, type NerModelData } from '../../models/ner-tagger.js';
import { readConll, scoreConll, formatScore, type ConllScore } from '../../eval/conll.js';
import { kFolds } from '../../models/random.js';
import { NER_MODEL_FILE } from '../../analyzers/entities/model.js';
import { modelPath, sharedDir } from '../../util/paths.js';
import { unlabeledSentences } from '../../models/ner-corpus.js';
import { buildClusters, type WordClusters } from '../../models/word-clusters.js';

export const NER_MODEL_VERSION = '1.0.0';

const CLUSTER_OPTIONS = (seed: number) => ({ k: 256, coarseK: 32, minCount: 3, contexts: 300, iterations: 12, seed });

export function evaluateNer(model: NerModel, docs: ReturnType<typeof nerDocsFromConll>): ConllScore {
  const pairs: { gold: string[]; pred: string[] }[] = [];
  for (const doc of docs) {
    const r = model.tag(doc);
    r.tags.forEach((pred, s) => pairs.push({ gold: doc.tags![s], pred }));
  }
  return scoreConll(pairs);
}

function round(s: ConllScore) {
  const r = (x: number) => Math.round(x * 10000) / 10000;
  const p = (v: ConllScore['overall']) => ({ precision: r(v.precision), recall: r(v.recall), f1: r(v.f1), gold: v.gold, found: v.found, correct: v.correct });
  return { overall: p(s.overall), ...Object.fromEntries(Object.entries(s.byType).map(([t, v]) => [t, p(v)])) };
}

export function register(train: Command): void {
  train
    .command('ner')
    .description('named-entity tagger (PER/ORG/LOC/MISC) from CoNLL-2003 train.txt, tuned on valid.txt')
    .option('--epochs <n>', 'training epochs', '10')
    .option('--seed <n>', 'random seed (document order, gazetteer folds)', '1')
    .option('--no-stack', 'skip the document-consistency second pass')
    .option('--clusters', 'add word-cluster features from unlabeled text (PTC, EUvsDisinfo, CoNLL train); off by default (see docs/entities.md)')
    .option('--data <dir>', 'folder with train.txt and valid.txt', join(sharedDir, 'data', 'conll2003'))
    .option('--out <file>', 'artifact to write', modelPath(NER_MODEL_FILE))
    .option('--cv <k>', 'instead of writing the artifact, report k-fold cross-validation over train.txt documents (untouched by tuning)')
    .action((o: { epochs: string; seed: string; data: string; out: string; stack: boolean; clusters?: boolean; cv?: string }) => {
      const epochs = Number(o.epochs);
      const seed = Number(o.seed);
      if (!Number.isInteger(epochs) || epochs < 1) throw new Error(`--epochs must be a positive integer, got '${o.epochs}'`);
      if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got '${o.seed}'`);
      const trainDocs = nerDocsFromConll(readConll(join(o.data, 'train.txt')));
      const validDocs = nerDocsFromConll(readConll(join(o.data, 'valid.txt')));
      const log = (m: string) => process.stderr.write(`${m}\n`);
      const t0 = performance.now();
      let clusters: WordClusters | undefined;
      let clusterSources: string[] = [];
      if (o.clusters) {
        const corpus = unlabeledSentences(join(o.data, '..'), trainDocs.flatMap((d) => d.sentences));
        clusterSources = corpus.sources;
        log(`word clusters from ${corpus.sentences.length} lines: ${corpus.sources.join('; ')}`);
        clusters = buildClusters(corpus.sentences, CLUSTER_OPTIONS(seed));
        log(`${clusters.fine.size} words in ${CLUSTER_OPTIONS(seed).k} clusters`);
      }
      if (o.cv !== undefined) {
        const k = Number(o.cv);
        if (!Number.isInteger(k) || k < 2) throw new Error(`--cv must be an integer >= 2, got '${o.cv}'`);
        const folds = kFolds(
          trainDocs.map((_, i) => i),
          k,
          seed,
        );
        const pairs: { gold: string[]; pred: string[] }[] = [];
        folds.forEach((held, f) => {
          const heldSet = new Set(held);
          const m = new NerModel(trainNer(trainDocs.filter((_, i) => !heldSet.has(i)), { epochs, seed, gazetteerFolds: 5, stack: o.stack, clusters }));
          const fp: typeof pairs = [];
          for (const i of held) m.tag(trainDocs[i]).tags.forEach((pred, s) => fp.push({ gold: trainDocs[i].tags![s], pred }));
          log(`fold ${f + 1}/${k} (${held.length} documents): F1 ${scoreConll(fp).overall.f1.toFixed(4)}`);
          pairs.push(...fp);
        });
        process.stdout.write(`${k}-fold cross-validation over train.txt documents (seed ${seed}):\n${formatScore(scoreConll(pairs))}\n`);
        return;
      }
      const data: NerModelData = trainNer(trainDocs, {
        epochs,
        seed,
        gazetteerFolds: 5,
        stack: o.stack,
        clusters,
        log,
        onEpoch: (epoch, snap) => {
          if (process.env.NARRASCOPE_NER_EPOCH_EVAL) log(`  valid F1 after epoch ${epoch}: ${evaluateNer(new NerModel(snap()), validDocs).overall.f1.toFixed(4)}`);
        },
      });
      const trainSec = (performance.now() - t0) / 1000;
      const fitted = fitTemperature(new NerModel(data), validDocs);
      data.temperature = fitted.temperature;
      const model = new NerModel(data);
      const score = evaluateNer(model, validDocs);
      log(formatScore(score));
      const command = `narrascope train ner --epochs ${epochs} --seed ${seed}${o.stack ? '' : ' --no-stack'}${o.clusters ? ' --clusters' : ''}`;
      const bytes = saveArtifact(o.out, {
        header: {
          model: 'ner',
          version: NER_MODEL_VERSION,
          command,
          trainedOn: [
            'CoNLL-2003 English train.txt (946 documents); tuned and evaluated on valid.txt (216 documents)',
            ...(clusterSources.length ? [`word clusters (unlabeled): ${clusterSources.join('; ')}`] : []),
          ].join('; '),
          seed,
          metrics: {
            valid: round(score),
            tokenAccuracy: Math.round(score.tokenAccuracy * 10000) / 10000,
            temperature: fitted.temperature,
            brier: Math.round(fitted.brier * 10000) / 10000,
            features: model.features,
            collisions: data.model.collisions,
            epochs,
            stacked: o.stack,
            clusters: o.clusters ? CLUSTER_OPTIONS(seed) : false,
          },
        },
        body: data,
      });
      log(`wrote ${o.out} (${(bytes / 1e6).toFixed(2)} MB, ${model.features} features) in ${trainSec.toFixed(0)} s of training`);
    });
}
