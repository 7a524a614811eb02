/**
 * Named-entity tagger: greedy left-to-right averaged perceptron over BIO tags (PER, ORG, LOC, MISC)
 * with previous-tag features and a BIO constraint (I-X only after B-X/I-X).
 * Training is deterministic for a seed; the shipped form is hashed (see perceptron.ts).
 */
import { buildGazetteer, consistencyFeatures, historyFeatures, shape, staticFeatures, type Gazetteer, type GazetteerEntries } from './ner-features.js';
import { HashedModel, PerceptronTrainer, hash32, type HashedModelData } from './perceptron.js';
import { kFolds, rng, shuffle } from './random.js';
import { clusterLookup, hashClusters, plainClusterLookup, type ClusterLookup, type HashedClustersData, type WordClusters } from './word-clusters.js';
import { chunks } from '../eval/conll.js';

export const NER_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export const NER_LABELS = ['O', ...NER_TYPES.flatMap((t) => [`B-${t}`, `I-${t}`])];

/** A document as sentences of CoNLL-form words, with gold tags when training/evaluating. */
export interface NerDoc {
  sentences: string[][];
  tags?: string[][];
}

/** Whether `label` may follow `prev` in IOB2. */
export function allowed(prev: string, label: string): boolean {
  if (!label.startsWith('I-')) return true;
  return prev.slice(2) === label.slice(2) && prev !== 'O';
}

/** Hashed gazetteer: entity strings are kept only as 32-bit hashes with their types. */
export interface HashedGazetteerData {
  maxLen: number;
  /** [hash, types joined by ','] */
  entries: [number, string][];
}

export function hashGazetteer(g: GazetteerEntries): HashedGazetteerData {
  const entries: [number, string][] = [...g.entries.entries()].map(([k, t]) => [hash32(k), t.join(',')]);
  entries.sort((a, b) => a[0] - b[0]);
  return { maxLen: g.maxLen, entries };
}

export function gazetteerFromHashed(d: HashedGazetteerData): Gazetteer {
  const m = new Map<number, string[]>();
  for (const [h, t] of d.entries) m.set(h, t.split(','));
  return { maxLen: d.maxLen, lookup: (key) => m.get(hash32(key)) };
}

function plainGazetteer(g: GazetteerEntries): Gazetteer {
  return { maxLen: g.maxLen, lookup: (key) => g.entries.get(key) };
}

/** Entity strings of a document (gold), for gazetteers. */
function goldEntities(doc: NerDoc): { words: string[]; type: string }[] {
  const out: { words: string[]; type: string }[] = [];
  doc.sentences.forEach((words, s) => {
    for (const c of chunks(doc.tags![s])) out.push({ words: words.slice(c.start, c.end), type: c.type });
  });
  return out;
}

export interface NerModelData {
  model: HashedModelData;
  gazetteer: HashedGazetteerData;
  /** Second pass with document-consistency features over the first pass's output (stacking). */
  stage2?: HashedModelData;
  /** Word clusters from unlabeled text (hashed words -> cluster ids). */
  clusters?: HashedClustersData;
  /** Softmax temperature for token confidences (fitted on valid). */
  temperature: number;
}

export interface TaggedDoc {
  tags: string[][];
  /** Per token: probability of the chosen tag (softmax over allowed tags at temperature T). */
  probs: number[][];
}

/** Greedy decoding; `staticHashes` are the hashed static features of every token. */
function decode(
  doc: NerDoc,
  staticHashes: Uint32Array[][],
  model: HashedModel,
  temperature: number,
  extra?: string[][][],
): TaggedDoc {
  const labels = model.labels;
  const L = labels.length;
  const scores = new Float64Array(L);
  // ok[prev][y]: whether label y may follow label prev (row L = sentence start).
  const ok = [...labels, 'O'].map((p) => labels.map((y) => allowed(p, y)));
  const index = new Map(labels.map((l, i) => [l, i]));
  const tags: string[][] = [];
  const probs: number[][] = [];
  doc.sentences.forEach((words, s) => {
    const st: string[] = [];
    const sp: number[] = [];
    let p1 = '<s>';
    let p2 = '<s>';
    for (let i = 0; i < words.length; i++) {
      scores.fill(0);
      model.addScoresHashed(staticHashes[s][i], scores);
      model.addScores(historyFeatures(p1, p2, words[i].toLowerCase(), shape(words[i])), scores);
      if (extra) model.addScores(extra[s][i], scores);
      const okRow = ok[p1 === '<s>' ? L : index.get(p1)!];
      let best = -1;
      for (let y = 0; y < L; y++) if (okRow[y] && (best < 0 || scores[y] > scores[best])) best = y;
      let z = 0;
      for (let y = 0; y < L; y++) if (okRow[y]) z += Math.exp((scores[y] - scores[best]) / temperature);
      st.push(labels[best]);
      sp.push(1 / z);
      p2 = p1;
      p1 = labels[best];
    }
    tags.push(st);
    probs.push(sp);
  });
  return { tags, probs };
}

/**
 * Document-consistency repair, in place: a non-PER chunk that starts with a known name (gazetteer)
 * and ends with a word the document tags elsewhere as the end of a person's name is two chunks,
 * e.g. "Ambassador to the [United Nations Vassily Nebenzia]" when "Nebenzia" alone is PER later.
 * (Title + name runs like this are rare in Reuters text, so the tagger tends to run them together.)
 */
export function splitTrailingPersons(sentences: string[][], tags: string[][], gaz: Gazetteer): void {
  const all = sentences.map((_, s) => chunks(tags[s]));
  const personEnds = new Map<string, number>();
  all.forEach((cs, s) => cs.filter((c) => c.type === 'PER').forEach((c) => personEnds.set(sentences[s][c.end - 1], (personEnds.get(sentences[s][c.end - 1]) ?? 0) + 1)));
  all.forEach((cs, s) => {
    for (const c of cs) {
      if (c.type === 'PER' || c.end - c.start < 3 || !personEnds.has(sentences[s][c.end - 1])) continue;
      for (let k = c.end - c.start - 2; k >= 1; k--) {
        const types = gaz.lookup(sentences[s].slice(c.start, c.start + k).join(' '));
        if (!types || !types.includes(c.type)) continue;
        for (let i = c.start + k; i < c.end; i++) tags[s][i] = i === c.start + k ? 'B-PER' : 'I-PER';
        break;
      }
    }
  });
}

export class NerModel {
  private model: HashedModel;
  private stage2?: HashedModel;
  private gaz: Gazetteer;
  private clusterOf?: ClusterLookup;
  readonly temperature: number;

  constructor(data: NerModelData) {
    this.model = new HashedModel(data.model);
    if (data.stage2) this.stage2 = new HashedModel(data.stage2);
    this.gaz = gazetteerFromHashed(data.gazetteer);
    if (data.clusters) this.clusterOf = clusterLookup(data.clusters);
    this.temperature = data.temperature;
  }

  get labels(): string[] {
    return this.model.labels;
  }

  get features(): number {
    return this.model.size + (this.stage2?.size ?? 0);
  }

  tag(doc: NerDoc, temperature = this.temperature): TaggedDoc {
    const hashes = staticFeatures(doc, this.gaz, undefined, this.clusterOf).map((sent) => sent.map((f) => Uint32Array.from(f, hash32)));
    const first = decode(doc, hashes, this.model, temperature);
    if (!this.stage2) return first;
    const extra = consistencyFeatures(doc.sentences, first.tags);
    const second = decode(doc, hashes, this.stage2, temperature, extra);
    splitTrailingPersons(doc.sentences, second.tags, this.gaz);
    return second;
  }
}

export interface TrainOptions {
  epochs: number;
  seed: number;
  /** Train the document-consistency second pass (jackknifed first-pass predictions). */
  stack?: boolean;
  /** Word clusters from unlabeled text, used as features and shipped with the model. */
  clusters?: WordClusters;
  /** Folds for the jackknifed training gazetteer (so the model does not over-trust it). */
  gazetteerFolds: number;
  /** Called after each epoch with the model so far (e.g. to report valid F1). */
  onEpoch?: (epoch: number, model: () => NerModelData) => void;
  log?: (msg: string) => void;
}

export function trainNer(train: NerDoc[], opts: TrainOptions): NerModelData {
  const log = opts.log ?? (() => {});
  if (!opts.stack) return trainPass(train, opts);
  // First-pass predictions on each training document come from a model that did not see it, so
  // the second pass learns how far to trust them on unseen text.
  const k = opts.gazetteerFolds;
  const folds = kFolds(
    train.map((_, i) => i),
    k,
    opts.seed + 1,
  );
  const pass1Tags: string[][][] = train.map(() => []);
  folds.forEach((held, f) => {
    const heldSet = new Set(held);
    log(`stacking fold ${f + 1}/${k}: first pass on ${train.length - held.length} documents`);
    const m = new NerModel(trainPass(train.filter((_, i) => !heldSet.has(i)), { ...opts, onEpoch: undefined, log: () => {} }));
    for (const i of held) pass1Tags[i] = m.tag(train[i]).tags;
  });
  log('first pass on all documents');
  const first = trainPass(train, { ...opts, onEpoch: undefined });
  log('second pass (document consistency)');
  const extra = train.map((d, i) => consistencyFeatures(d.sentences, pass1Tags[i]));
  const second = trainPass(train, opts, extra, first);
  return second;
}

function trainPass(train: NerDoc[], opts: TrainOptions, extra?: string[][][][], first?: NerModelData): NerModelData {
  const log = opts.log ?? (() => {});
  const labels = NER_LABELS;
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const trainer = new PerceptronTrainer(labels);
  // Jackknifed gazetteers: a training document's gazetteer features come from the other folds, as
  // they would for unseen text at run time.
  const folds = kFolds(
    train.map((_, i) => i),
    opts.gazetteerFolds,
    opts.seed,
  );
  const foldOf = new Int32Array(train.length);
  folds.forEach((f, k) => f.forEach((i) => (foldOf[i] = k)));
  const ents = train.map(goldEntities);
  const foldGaz = folds.map((_, k) => plainGazetteer(buildGazetteer(ents.filter((_, i) => foldOf[i] !== k).flat())));
  const fullGaz = buildGazetteer(ents.flat());

  const clusterOf = opts.clusters ? plainClusterLookup(opts.clusters) : undefined;
  log(`extracting features of ${train.length} documents`);
  const staticIds: Int32Array[][][] = train.map((doc, d) =>
    staticFeatures(doc, foldGaz[foldOf[d]], extra?.[d], clusterOf).map((sent) => sent.map((f) => Int32Array.from(f, (name) => trainer.intern(name, true)))),
  );
  log(`${trainer.featureCount} static features`);

  const clusters = opts.clusters ? hashClusters(opts.clusters) : undefined;
  const snapshot = (): NerModelData =>
    first
      ? { model: first.model, stage2: trainer.toHashed(), gazetteer: first.gazetteer, ...(first.clusters ? { clusters: first.clusters } : {}), temperature: 1 }
      : { model: trainer.toHashed(), gazetteer: hashGazetteer(fullGaz), ...(clusters ? { clusters } : {}), temperature: 1 };
  const random = rng(opts.seed);
  const order = train.map((_, i) => i);
  const scores = new Float64Array(labels.length);
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    shuffle(order, random);
    let errors = 0;
    let total = 0;
    for (const d of order) {
      const doc = train[d];
      doc.sentences.forEach((words, s) => {
        let p1 = '<s>';
        let p2 = '<s>';
        for (let i = 0; i < words.length; i++) {
          const hist = historyFeatures(p1, p2, words[i].toLowerCase(), shape(words[i])).map((f) => trainer.intern(f, true));
          scores.fill(0);
          trainer.addScores(staticIds[d][s][i], scores);
          trainer.addScores(hist, scores);
          const prev = p1 === '<s>' ? 'O' : p1;
          let best = -1;
          for (let y = 0; y < labels.length; y++) if (allowed(prev, labels[y]) && (best < 0 || scores[y] > scores[best])) best = y;
          const gold = labelIndex.get(doc.tags![s][i]);
          if (gold === undefined) throw new Error(`unknown tag ${doc.tags![s][i]}`);
          if (best !== gold) {
            errors++;
            trainer.update(staticIds[d][s][i], gold, best);
            trainer.update(hist, gold, best);
          }
          trainer.tick();
          total++;
          // Learn from its own history (what decoding will see), not the gold one.
          p2 = p1;
          p1 = labels[best];
        }
      });
    }
    log(`epoch ${epoch}: ${errors} training errors / ${total} tokens (${trainer.featureCount} features)`);
    opts.onEpoch?.(epoch, snapshot);
  }
  return snapshot();
}

/** CoNLL documents as NerDocs (words mapped to CoNLL form; gold tags kept when present). */
export function nerDocsFromConll(docs: { sentences: { tokens: { word: string; tag?: string }[] }[] }[]): NerDoc[] {
  return docs.map((d) => ({
    sentences: d.sentences.map((s) => s.tokens.map((t) => t.word)),
    tags: d.sentences.map((s) => s.tokens.map((t) => t.tag ?? 'O')),
  }));
}

/**
 * Fit the softmax temperature so the probability of the chosen tag matches how often it is right
 * (least Brier score on held-out data).
 */
export function fitTemperature(model: NerModel, docs: NerDoc[]): { temperature: number; brier: number } {
  let best = { temperature: 1, brier: Infinity };
  for (const T of [0.5, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32]) {
    let sum = 0;
    let n = 0;
    for (const doc of docs) {
      const r = model.tag(doc, T);
      r.tags.forEach((tags, s) =>
        tags.forEach((t, i) => {
          const ok = t === doc.tags![s][i] ? 1 : 0;
          sum += (r.probs[s][i] - ok) ** 2;
          n++;
        }),
      );
    }
    const brier = sum / n;
    if (brier < best.brier) best = { temperature: T, brier };
  }
  return best;
}
