/**
 * Acceptance check on the two real sample articles (read from ../shared at test time): the people
 * and organizations an analyst would look for are found and resolved.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDoc } from '../../src/ingest/index.js';
import { component as tokens } from '../../src/analyzers/tokens/index.js';
import { component as entities } from '../../src/analyzers/entities/index.js';
import type { Doc } from '../../src/nlp/doc.js';
import { modelsDir, sharedDir } from '../../src/util/paths.js';

const samples = join(sharedDir, 'samples');
const have = existsSync(join(samples, '000_bc5885eb097b5c29.txt'));
const ctx = { modelsDir };

async function analyze(file: string): Promise<Doc> {
  const path = join(samples, file);
  const doc = buildDoc({ source: { kind: 'file', path }, format: 'text', text: readFileSync(path, 'utf8') });
  tokens.run(doc, ctx);
  await entities.load!(ctx);
  await entities.run(doc, ctx);
  return doc;
}

function byCanonical(doc: Doc, canonical: string) {
  const e = doc.layers.entityIndex!.find((x) => x.canonical === canonical);
  assert.ok(e, `no entity '${canonical}' in ${doc.layers.entityIndex!.map((x) => `${x.canonical}/${x.label}`).join(', ')}`);
  return e;
}

/** The entity ids of every mention whose text matches. */
function idsOf(doc: Doc, re: RegExp): Set<string> {
  return new Set(doc.layers.entities!.filter((m) => re.test(m.text)).map((m) => m.entity));
}

function checkAnnotations(doc: Doc) {
  for (const m of doc.layers.entities!) {
    assert.equal(doc.text.slice(m.start, m.end), m.text);
    assert.ok(m.confidence >= 0 && m.confidence <= 1);
    assert.match(m.by, /^entities@\d/);
    assert.ok(doc.layers.entityIndex!.some((e) => e.id === m.entity));
  }
  for (const e of doc.layers.entityIndex!) for (const i of e.mentions) assert.equal(doc.layers.entities![i].entity, e.id);
}

test('sample 000: people, UN Security Council, Nusra variants', { skip: !have && `samples not found in ${samples}` }, async () => {
  const doc = await analyze('000_bc5885eb097b5c29.txt');
  checkAnnotations(doc);
  for (const name of ['Vassily Nebenzia', 'Bashar Jaafari', 'Raed Saleh']) assert.equal(byCanonical(doc, name).label, 'PER');
  // Surnames alone resolve to the full names stated earlier.
  assert.deepEqual(idsOf(doc, /^Nebenzia$/), new Set([byCanonical(doc, 'Vassily Nebenzia').id]));
  assert.deepEqual(idsOf(doc, /^Jaafari$/), new Set([byCanonical(doc, 'Bashar Jaafari').id]));
  const unsc = byCanonical(doc, 'UN Security Council');
  assert.equal(unsc.label, 'ORG');
  assert.deepEqual(idsOf(doc, /Security Council/), new Set([unsc.id]));
  // Every Nusra variant, including the footnote's alias list, is one ORG.
  const nusra = idsOf(doc, /Nusra/);
  assert.equal(nusra.size, 1);
  const e = doc.layers.entityIndex!.find((x) => nusra.has(x.id))!;
  assert.equal(e.label, 'ORG');
  assert.equal(e.key, 'org:nusra front');
  assert.ok(e.mentions.length >= 8, `only ${e.mentions.length} Nusra mentions`);
  assert.ok(doc.layers.entities!.some((m) => m.text === 'Jabhat al-Nusra' && m.entity === e.id));
  assert.equal(idsOf(doc, /White Helmets/).size, 1);
});

test('sample 000: White Helmets labelled ORG', { skip: !have }, async () => {
  const doc = await analyze('000_bc5885eb097b5c29.txt');
  assert.equal(byCanonical(doc, 'White Helmets').label, 'ORG');
});

test('sample 001: Russian Foreign Ministry variants, Maria Zakharova, White Helmets, Nusra', { skip: !have && `samples not found in ${samples}` }, async () => {
  const doc = await analyze('001_ad484c6a99a0c8ec.txt');
  checkAnnotations(doc);
  const zak = byCanonical(doc, 'Maria Zakharova');
  assert.equal(zak.label, 'PER');
  assert.equal(zak.key, 'per:maria zakharova');
  assert.deepEqual(idsOf(doc, /Zakharova/), new Set([zak.id]));
  // "Russia's Foreign Ministry", "the Russian Foreign Ministry", "the Foreign Ministry": one entity.
  const fm = byCanonical(doc, 'Russian Foreign Ministry');
  assert.equal(fm.label, 'ORG');
  assert.equal(fm.key, 'org:russian foreign ministry');
  assert.deepEqual(idsOf(doc, /Foreign Ministry/), new Set([fm.id]));
  assert.equal(fm.mentions.length, 5);
  assert.equal(byCanonical(doc, 'White Helmets').label, 'ORG');
  assert.equal(byCanonical(doc, 'UN Security Council').label, 'ORG');
  const nusra = idsOf(doc, /Nusra/);
  assert.equal(nusra.size, 1);
  // Same key as in sample 000, so the store merges them.
  assert.equal(doc.layers.entityIndex!.find((x) => nusra.has(x.id))!.key, 'org:nusra front');
});
