/**
 * Acceptance on the two real samples (read from the shared folder at test time): the speakers
 * named in the issue are found, each with at least one check-worthy claim.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Doc } from '../../src/nlp/doc.js';
import { tokenize } from '../../src/nlp/tokenize.js';
import { findQuotes } from '../../src/analyzers/quotes/find.js';
import { findClaims } from '../../src/analyzers/claims/find.js';
import { loadEntities } from '../../src/eval/quotes/run.js';
import { sameSpeaker } from '../../src/eval/quotes/match.js';
import { modelsDir, sharedDir } from '../../src/util/paths.js';

const samples = join(sharedDir, 'samples');
const files = ['000_bc5885eb097b5c29.txt', '001_ad484c6a99a0c8ec.txt'];
const expected = ['Vassily Nebenzia', 'Bashar Jaafari', 'Raed Saleh', 'Russian Foreign Ministry', 'Maria Zakharova'];

async function makeDoc(path: string): Promise<Doc> {
  const raw = readFileSync(path, 'utf8');
  let doc: Doc;
  try {
    const ingest = await import('../../src/ingest/index.js');
    doc = ingest.buildDoc({ source: { kind: 'file', path }, format: 'text', text: raw });
  } catch (e) {
    if ((e as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw e;
    const { rawDoc } = await import('../../src/eval/quotes/run.js');
    doc = rawDoc(raw.replace(/^[ \t]+/gm, ''), path);
  }
  Object.assign(doc.layers, tokenize(doc.text));
  return doc;
}

for (const withNer of [false, true]) {
  test(`samples: the five speakers each make a claim (NER ${withNer ? 'on' : 'off'})`, { skip: !existsSync(samples) && 'shared samples not available' }, async (t) => {
    const ner = withNer ? await loadEntities() : undefined;
    if (withNer && !ner) return t.skip('NER model not available');
    const claimsBySpeaker = new Map<string, number>();
    for (const f of files) {
      const doc = await makeDoc(join(samples, f));
      if (ner) await ner.run(doc, { modelsDir });
      else {
        doc.layers.entities = [];
        doc.layers.entityIndex = [];
      }
      doc.layers.quotes = findQuotes(doc);
      doc.layers.claims = findClaims(doc);
      for (const c of doc.layers.claims) if (c.speaker) claimsBySpeaker.set(c.speaker.name, (claimsBySpeaker.get(c.speaker.name) ?? 0) + 1);
    }
    for (const who of expected) {
      const n = [...claimsBySpeaker].filter(([name]) => sameSpeaker(name, who)).reduce((a, [, k]) => a + k, 0);
      assert.ok(n >= 1, `${who} has no claim; speakers with claims: ${[...claimsBySpeaker.keys()].join(', ')}`);
    }
  });
}
