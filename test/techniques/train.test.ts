/** The learner and the training pipeline on tiny data: it learns, and is deterministic for a seed. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FeatureVocab, LogReg, trainLogReg } from '../../src/models/logreg.js';
import { spansFromProbs, TechniquesModel, TECHNIQUES_MODEL_FILE, type TechniquesModelData } from '../../src/analyzers/techniques/model.js';
import { loadArtifact } from '../../src/models/artifact.js';
import { tokenize } from '../../src/nlp/tokenize.js';
import { DEFAULT_TRAIN, GAPS, KEEP_GRID, MIN_TOKENS, prepareCorpus, readPtcDir, THRESHOLDS, trainFinal } from '../../src/analyzers/techniques/train.js';
import { modelsDir, sharedDir } from '../../src/util/paths.js';
import { component } from '../../src/analyzers/techniques/index.js';
import { GROUP_CLASSES } from '../../src/analyzers/techniques/groups.js';

test('logistic regression separates a toy problem and explains with the right feature', () => {
  const data: [string[], number][] = [
    [['bias', 'w=traitor'], 1],
    [['bias', 'w=thug'], 1],
    [['bias', 'w=table'], 0],
    [['bias', 'w=chair'], 0],
  ];
  const vocab = FeatureVocab.build(data.map((d) => d[0]), 1);
  const w = trainLogReg(data.map(([f, y]) => ({ x: vocab.encode(f), y })), vocab.size, 2, { epochs: 30, seed: 3, lr: 0.5 });
  const m = LogReg.fromTrained(w, vocab, ['O', 'P']);
  assert.ok(m.probs(['bias', 'w=traitor'])[1] > 0.8);
  assert.ok(m.probs(['bias', 'w=chair'])[1] < 0.2);
  assert.equal(m.explain(['bias', 'w=thug'], 1, 1)[0].feature, 'w=thug');
  // Same seed, same weights.
  const w2 = trainLogReg(data.map(([f, y]) => ({ x: vocab.encode(f), y })), vocab.size, 2, { epochs: 30, seed: 3, lr: 0.5 });
  assert.deepEqual([...w2], [...w]);
});

test('span extraction: runs above threshold, gaps bridged, edge punctuation trimmed, sentence-bounded', () => {
  const text = 'They are vile , evil liars .\nGood day .';
  const { sentences, tokens } = tokenize(text);
  const t = { text, sentences, tokens };
  const words = tokens.map((k) => text.slice(k.start, k.end));
  const p = words.map((w) => (['vile', ',', 'liars', 'Good'].includes(w) ? 0.9 : w === 'evil' ? 0.1 : w === '.' ? 0.9 : 0));
  const spans = (gap: number) => spansFromProbs(t, p, { threshold: 0.5, gap }).map(([a, b]) => text.slice(tokens[a].start, tokens[b].end));
  assert.deepEqual(spans(0), ['vile', 'liars', 'Good']);
  // 'day' (below) sits between 'Good' and '.', so gap 1 bridges it; the final '.' is then trimmed.
  assert.deepEqual(spans(1), ['vile , evil liars', 'Good day']);
});

const ptc = join(sharedDir, 'data', 'ptc');
test('training on a few PTC articles is bit-for-bit reproducible for a seed', { skip: existsSync(ptc) ? false : `no ${ptc}` }, () => {
  const opts = { ...DEFAULT_TRAIN, seed: 7, siEpochs: 1, tcEpochs: 2 };
  const run = () => {
    const { articles, si, tc } = readPtcDir(ptc, 4);
    return JSON.stringify(trainFinal(prepareCorpus(articles, si, tc), opts, { threshold: 0.3, gap: 1 }));
  };
  const a = run();
  assert.equal(run(), a);
  assert.notEqual(JSON.stringify(trainFinal(prepareCorpus(...Object.values(readPtcDir(ptc, 4)) as Parameters<typeof prepareCorpus>), { ...opts, seed: 8 }, { threshold: 0.3, gap: 1 })), a);
});

test('the committed artifact names its command, carries the CV figures and stays small', () => {
  const file = join(modelsDir, TECHNIQUES_MODEL_FILE);
  assert.ok(statSync(file).size <= 20 * 1024 * 1024);
  const { header, body } = loadArtifact<TechniquesModelData>(file);
  assert.match(header.command, /^narrascope train techniques --folds 5 --seed \d+/);
  const m = header.metrics as { si: { f1: number }; tcMicroF1: number; perClass: Record<string, unknown>; perFold: unknown[] };
  assert.equal(m.perFold.length, 5);
  assert.equal(Object.keys(m.perClass).length, 14);
  assert.ok(m.tcMicroF1 > 0.25 && m.si.f1 > 0.2, 'figures above the organizers baseline level');
  assert.equal(body.tc.classes.length, 14);
  // 1.1.0: the span rule is chosen on the training articles' inner folds, so every fold's rule is recorded.
  const sel = header.metrics as { selection: string; foldRules: { threshold: number }[] };
  assert.match(sel.selection, /training articles/);
  assert.equal(sel.foldRules.length, 5);
  assert.equal(body.tc.weights.length, body.tc.features.length * 14);
  // 1.2.0: grouped passes, and the artifact's version is the analyzer's (results say techniques@<version>).
  assert.equal(header.version, component.version);
  assert.deepEqual(body.si.classes, [...GROUP_CLASSES]);
  assert.deepEqual(body.si2?.classes, [...GROUP_CLASSES]);
});

test('inner rule selection and the span scorer on a few PTC articles: rule from the grid, spans inside the text', { skip: existsSync(ptc) ? false : `no ${ptc}` }, () => {
  const { articles, si, tc } = readPtcDir(ptc, 6);
  const corpus = prepareCorpus(articles, si, tc);
  // The rule passed in is a placeholder: with innerRules the training articles choose it.
  const body = trainFinal(corpus, { ...DEFAULT_TRAIN, seed: 3, siEpochs: 1, tcEpochs: 2, spanScorer: true, tokenGroups: false, groupRules: false, stackGroups: false }, { threshold: 0.99, gap: 0 });
  assert.ok(THRESHOLDS.includes(body.rules.threshold) && GAPS.includes(body.rules.gap) && MIN_TOKENS.includes(body.rules.minTokens ?? 1));
  assert.equal(body.rules.rescore, true);
  assert.ok(body.spanScorer && KEEP_GRID.includes(body.spanScorer.keep));
  const model = new TechniquesModel(body);
  const a = corpus.articles[0];
  const spans = model.findSpans(a.t, body.rules, false);
  for (const s of spans) assert.ok(s.start >= 0 && s.end <= a.t.text.length && s.start < s.end && s.confidence >= 0 && s.confidence <= 1);
  // Without rescoring, the same rule gives every candidate: the scorer can only remove spans.
  assert.ok(model.findSpans(a.t, { ...body.rules, rescore: false }, false).length >= spans.length);
});
