/**
 * The narrative matcher on real data: both EUvsDisinfo files imported into a temp store, the two sample
 * articles must match the White Helmets / terrorists and staged chemical attack narratives, and unrelated
 * PTC articles (test fold of the precision set) must get no match above the calibrated threshold.
 * Reads ../shared at run time; skipped when it is absent.
 */
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedDir, modelsDir, repoRoot } from '../../src/util/paths.js';
import { KbStore } from '../../src/store/kb-sqlite.js';
import { importCaseFile } from '../../src/kb/import.js';
import { buildDoc } from '../../src/ingest/index.js';
import { component as tokens } from '../../src/analyzers/tokens/index.js';
import { component as narratives } from '../../src/analyzers/narratives/index.js';
import { clearKbCache } from '../../src/analyzers/narratives/matcher.js';
import { loadCalibration } from '../../src/analyzers/narratives/calibration.js';
import type { Doc } from '../../src/nlp/doc.js';

const EUVS = join(sharedDir, 'data', 'euvsdisinfo');
const SAMPLES = join(sharedDir, 'samples');
const PTC = join(sharedDir, 'data', 'ptc', 'train-articles');
const skip = !existsSync(EUVS) || !existsSync(SAMPLES) ? 'needs ../shared/data/euvsdisinfo and ../shared/samples' : false;

let dir: string;
let dbPath: string;

before(() => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'narratives-'));
  dbPath = join(dir, 'kb.db');
  const kb = KbStore.open(dbPath);
  // Same order as the evaluation that calibrated the threshold (src/eval/narratives/data.ts).
  for (const f of ['cases-2015-2021-index.csv', 'cases-2015-2017-with-disproofs.csv']) {
    const r = importCaseFile(kb, join(EUVS, f));
    assert.equal(r.failed.length, 0, `${f}: ${JSON.stringify(r.failed.slice(0, 3))}`);
  }
  assert.ok(kb.count() > 13000);
  kb.close();
});

after(() => {
  clearKbCache();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function analyze(path: string, text: string): Promise<Doc> {
  const doc = buildDoc({ source: { kind: 'file', path }, format: 'text', text });
  const ctx = { modelsDir, dbPath };
  await tokens.run(doc, ctx);
  await narratives.load?.(ctx);
  await narratives.run(doc, ctx);
  return doc;
}

test('the calibration artifact is committed and sane', { skip: !existsSync(join(repoRoot, 'models', 'narratives-calibration.json.gz')) && 'no artifact' }, () => {
  const { calibration, calibrated } = loadCalibration();
  assert.ok(calibrated);
  assert.ok(calibration.reviewThreshold < calibration.threshold);
  assert.ok(calibration.weights.word > 0 && calibration.weights.char > 0);
});

test('samples match the White Helmets-terrorists and staged chemical attack narratives', { skip }, async () => {
  for (const f of readdirSync(SAMPLES).filter((x) => x.endsWith('.txt'))) {
    const doc = await analyze(join(SAMPLES, f), readFileSync(join(SAMPLES, f), 'utf8'));
    const matches = doc.layers.narratives!;
    assert.ok(matches.length > 0, `${f}: no narrative matches`);
    for (const m of matches) {
      assert.ok(m.start >= 0 && m.end <= doc.text.length && m.start < m.end, `${f}: bad offsets`);
      assert.ok(m.confidence >= 0 && m.confidence <= 1);
      assert.equal(m.by, `${narratives.name}@${narratives.version}`);
      assert.ok(m.via.length > 0);
      // The evidence is a sentence of the article.
      assert.ok(doc.layers.sentences!.some((s) => s.start === m.start && s.end === m.end));
    }
    const claims = matches.map((m) => m.claim);
    assert.ok(
      claims.some((c) => /white helmets/i.test(c) && /terror|qaeda|nusra/i.test(c)),
      `${f}: no White Helmets-terrorists case among ${JSON.stringify(claims)}`,
    );
    assert.ok(
      claims.some((c) => /chemical/i.test(c) && /stag|provocation|false.?flag|fake|fabricat/i.test(c)),
      `${f}: no staged chemical attack case among ${JSON.stringify(claims)}`,
    );
    const labels = doc.layers.narrativeLabels!.map((l) => l.label);
    assert.ok(labels.includes('White Helmets'), `${f}: labels ${labels.join(', ')}`);
    assert.ok(labels.includes('Chemical weapons/attack'));
    for (const l of doc.layers.narrativeLabels!) assert.ok(l.confidence >= 0 && l.confidence <= 1 && l.cases.length > 0);
  }
});

test('unrelated PTC articles (precision test fold): at most 1% get a match above the threshold', { skip: skip || (!existsSync(PTC) && 'needs PTC') }, async () => {
  const fixture = JSON.parse(readFileSync(join(repoRoot, 'test', 'narratives', 'fixtures', 'precision-ptc.json'), 'utf8')) as { test: string[] };
  const flagged: string[] = [];
  for (const id of fixture.test) {
    const doc = await analyze(join(PTC, `article${id}.txt`), readFileSync(join(PTC, `article${id}.txt`), 'utf8'));
    if (doc.layers.narratives!.some((m) => m.tier === 'match')) flagged.push(id);
  }
  // The threshold lets no calibration-fold article through; on this held-out fold we measured 1 of 136
  // (an article that does repeat a case's claim, missed by the topic-word rule). Budget: 1%.
  assert.ok(flagged.length <= Math.floor(fixture.test.length * 0.01), `match-tier matches on unrelated articles: ${flagged.join(', ')}`);
});

test('no database: empty layers and a warning, not a failure', async () => {
  const doc = buildDoc({ source: { kind: 'inline', path: 'x' }, format: 'text', text: 'The White Helmets staged a chemical attack, officials said.' });
  const ctx = { modelsDir, dbPath: join(tmpdir(), 'does-not-exist-narrascope.db') };
  await tokens.run(doc, ctx);
  await narratives.load?.(ctx);
  await narratives.run(doc, ctx);
  assert.deepEqual(doc.layers.narratives, []);
  assert.deepEqual(doc.layers.narrativeLabels, []);
  assert.match(doc.warnings![0].message, /no knowledge base imported/);
});
