import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedDir, modelsDir } from '../../src/util/paths.js';
import { importOutletFiles } from '../../src/cli/commands/outlets.js';
import { readMediaFile, deriveAliases } from '../../src/analyzers/source/import-media.js';
import { component as source } from '../../src/analyzers/source/index.js';
import { clearOutletCache } from '../../src/analyzers/source/profiles.js';
import { OutletAggregator } from '../../src/analyzers/source/summary.js';
import { KbStore } from '../../src/store/kb-sqlite.js';
import type { OutletRecord } from '../../src/store/outlets-sqlite.js';
import type { Doc } from '../../src/nlp/doc.js';

const MEDIA = join(sharedDir, 'data', 'media');
const skip = !existsSync(MEDIA) && 'needs ../shared/data/media';
let dir: string;
let dbPath: string;

function doc(text: string, meta: Partial<Doc['meta']> = {}): Doc {
  return { schema: 'narrascope.doc/1', id: 'd', text, meta: { source: { kind: 'inline', path: 'x' }, contentHash: 'h', format: 'text', ...meta }, removed: [], layers: {}, provenance: [] };
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'outlets-'));
  dbPath = join(dir, 'store.db');
  if (skip) return;
  // A tiny invented case base naming outlets the way EUvsDisinfo does ("<outlet> <language edition>").
  const kb = KbStore.open(dbPath);
  kb.importCases(
    ['Sputnik Arabic', 'Sputnik', 'sputniknews.com', 'RT Spanish', 'Other Outlet'].map((o, i) => ({
      id: `case:${i}`, claim: `Invented claim number ${i}`, keywords: [], outlets: [o], countries: ['Syria'], languages: [], origin: 't',
    })),
  );
  kb.close();
  const r = importOutletFiles(dbPath, [join(MEDIA, 'mbfc.csv'), join(MEDIA, 'nela-gt-2018-labels.csv')]);
  assert.equal(r.errors.length, 0);
  assert.ok(r.outlets > 4000);
});

after(() => {
  clearOutletCache();
  rmSync(dir, { recursive: true, force: true });
});

test('rating files: kinds recognized from headers, bad rows reported with line, aliases derived', () => {
  const f = join(dir, 'm.csv');
  writeFileSync(f, 'source,country,bias,factual_reporting,press_freedom,media_type,popularity,mbfc_credibility_rating,nela_gt_label\nexamplenews.com,usa (44/180 press freedom),left,high,,,,high credibility,reliable\n,usa,left,high,,,,,\n');
  const into = new Map<string, OutletRecord>();
  const r = readMediaFile(f, into);
  assert.equal(r.kind, 'mbfc');
  assert.deepEqual(r.failed, [{ line: 3, reason: "not a domain: ''" }]);
  assert.equal(into.get('examplenews.com')?.country, 'usa');
  assert.deepEqual(deriveAliases([...into.values()]).map((a) => a.alias), ['Example']);
  writeFileSync(f, 'a,b\n1,2\n');
  assert.throws(() => readMediaFile(f, new Map()), /m\.csv: not an MBFC or NELA-GT label file/);
});

test('profile from the URL domain, with ratings and KB case counts', { skip }, async () => {
  const ctx = { modelsDir, dbPath };
  await source.load?.(ctx);
  const d = doc('Some text without outlet names.', { url: 'https://ar.sputniknews.com/world/123.html' });
  await source.run(d, ctx);
  const [p] = d.layers.outlet!;
  assert.equal(p.domain, 'sputniknews.com');
  assert.equal(p.matchedBy, 'url');
  assert.equal(p.name, 'Sputnik');
  assert.equal(p.factuality, 'very low');
  assert.equal(p.country, 'russia');
  assert.equal(p.stateAffiliated, true);
  assert.equal(p.credibility, 'low credibility');
  assert.equal(p.labels['nela:open-sources:state'], '2.0');
  // 'Sputnik Arabic', 'Sputnik', 'sputniknews.com' — not 'RT Spanish' or 'Other Outlet'.
  assert.equal(p.kbCases, 3);
  assert.equal(p.by, 'source@1.0.0');
});

test('profile from the record field and from outlet names in the text', { skip }, async () => {
  const ctx = { modelsDir, dbPath };
  const text = 'According to a report by RT, officials met. Infowars repeated it; the military and Syria were named.';
  const d = doc(text, { outlet: { value: 'rt', method: 'record', confidence: 1 } });
  await source.run(d, ctx);
  const byDomain = new Map(d.layers.outlet!.map((o) => [o.domain, o]));
  assert.equal(byDomain.get('rt.com')?.matchedBy, 'record');
  assert.equal(byDomain.get('rt.com')?.kbCases, 1);
  const info = byDomain.get('infowars.com');
  assert.equal(info?.matchedBy, 'text');
  assert.equal(text.slice(info!.start, info!.end), 'Infowars');
  // Place names and ordinary words are not outlets.
  assert.equal(d.layers.outlet!.length, 2, JSON.stringify(d.layers.outlet!.map((o) => o.domain)));
  for (const o of d.layers.outlet!) assert.ok(o.confidence > 0 && o.confidence <= 1);
});

test('no outlet data: empty layer and a warning', async () => {
  const ctx = { modelsDir, dbPath: join(dir, 'none.db') };
  const d = doc('Text.');
  await source.run(d, ctx);
  assert.deepEqual(d.layers.outlet, []);
  assert.match(d.warnings![0].message, /no outlet profiles imported/);
});

test('outlet summary: article counts, technique density per 1,000 chars, narratives with label confidence >= 0.5', () => {
  const agg = new OutletAggregator();
  const mk = (url: string, len: number, techniques: number, labels: string[], conf = 0.9): Doc => {
    const d = doc('x'.repeat(len), { url });
    d.layers.techniques = Array.from({ length: techniques }, () => ({ start: 0, end: 1, confidence: 1, by: 't', technique: 'Doubt' as const, features: [] }));
    d.layers.narrativeLabels = labels.map((label) => ({ label, confidence: conf, by: 'n', cases: ['c1'], evidence: [] }));
    return d;
  };
  agg.add(mk('https://rt.com/a', 1000, 2, ['A']));
  agg.add(mk('https://www.rt.com/b', 2000, 2, ['A', 'B']));
  agg.add(mk('https://example.org/c', 500, 0, ['C'], 0.3));
  const [rt, ex] = agg.summaries();
  assert.equal(rt.outlet, 'rt.com');
  assert.equal(rt.articles, 2);
  assert.equal(rt.techniqueDensity, 1.5);
  assert.deepEqual(rt.narratives, [{ label: 'A', articles: 2 }, { label: 'B', articles: 1 }]);
  assert.equal(ex.techniqueDensity, 0);
  assert.deepEqual(ex.narratives, []);
});
