/** The committed NER artifact: loads, is documented, and still scores what its header says. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadArtifact } from '../../src/models/artifact.js';
import { NerModel, nerDocsFromConll, type NerModelData } from '../../src/models/ner-tagger.js';
import { readConll, scoreConll } from '../../src/eval/conll.js';
import { modelPath, sharedDir } from '../../src/util/paths.js';

const art = loadArtifact<NerModelData>(modelPath('ner.json.gz'));
const model = new NerModel(art.body);

test('artifact header names the model, the command and valid figures', () => {
  assert.equal(art.header.model, 'ner');
  assert.match(art.header.command, /^narrascope train ner /);
  const valid = (art.header.metrics as { valid: Record<string, { f1: number }> }).valid;
  for (const t of ['overall', 'PER', 'ORG', 'LOC', 'MISC']) assert.ok(valid[t].f1 > 0.5, t);
  assert.ok(valid.overall.f1 >= 0.9, `valid F1 ${valid.overall.f1}`);
});

test('tags a hand-written sentence', () => {
  const r = model.tag({ sentences: [['Angela', 'Merkel', 'met', 'officials', 'of', 'the', 'European', 'Commission', 'in', 'Berlin', '.']] });
  assert.deepEqual(r.tags[0], ['B-PER', 'I-PER', 'O', 'O', 'O', 'O', 'B-ORG', 'I-ORG', 'O', 'B-LOC', 'O']);
});

const valid = join(sharedDir, 'data', 'conll2003', 'valid.txt');
test('re-scoring valid.txt reproduces the header figure', { skip: !existsSync(valid) && `${valid} not found` }, () => {
  const docs = nerDocsFromConll(readConll(valid));
  const pairs = docs.flatMap((d) => {
    const r = model.tag(d);
    return r.tags.map((pred, s) => ({ gold: d.tags![s], pred }));
  });
  const s = scoreConll(pairs);
  const header = (art.header.metrics as { valid: { overall: { f1: number } } }).valid.overall.f1;
  assert.ok(Math.abs(s.overall.f1 - header) < 1e-4, `measured ${s.overall.f1}, header ${header}`);
});
