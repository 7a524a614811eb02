/** Pipeline ordering and --only/--skip selection, offsets conversion, and the discovered components. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { discoverComponents, orderComponents, selectComponents, Pipeline, type Component } from '../../src/nlp/pipeline.js';
import { OffsetMap } from '../../src/nlp/offsets.js';
import { DOC_SCHEMA, type Doc } from '../../src/nlp/doc.js';
import { modelsDir } from '../../src/util/paths.js';

const c = (name: string, needs: string[], produces: string[], order?: number): Component => ({
  name,
  version: '1',
  description: name,
  needs,
  produces,
  order,
  run: () => {},
});

test('components run after the producers of what they need', () => {
  const ordered = orderComponents([c('claims', ['quotes'], ['claims']), c('quotes', ['tokens'], ['quotes']), c('tokens', [], ['tokens'])]);
  assert.deepEqual(ordered.map((x) => x.name), ['tokens', 'quotes', 'claims']);
});

test('a missing producer or a cycle is a clear error', () => {
  assert.throws(() => orderComponents([c('a', ['nothing'], ['a'])]), /component 'a' cannot run: needs 'nothing' \(no component produces it\)/);
  assert.throws(() => orderComponents([c('a', ['b'], ['a']), c('b', ['a'], ['b'])]), /cycle/);
});

test('--only keeps what the chosen components need; --skip drops dependants too; unknown names fail', () => {
  const all = [c('tokens', [], ['tokens']), c('entities', ['tokens'], ['entities']), c('quotes', ['tokens', 'entities'], ['quotes']), c('techniques', ['tokens'], ['techniques'])];
  assert.deepEqual(selectComponents(all, { only: ['quotes'] }).map((x) => x.name), ['tokens', 'entities', 'quotes']);
  assert.deepEqual(selectComponents(all, { skip: ['entities'] }).map((x) => x.name), ['tokens', 'techniques']);
  assert.throws(() => selectComponents(all, { only: ['nope'] }), /unknown component 'nope'/);
});

test('the shipped analyzers are discovered, ordered, and each declares name, version, needs and produces', async () => {
  const all = orderComponents(await discoverComponents());
  const names = all.map((x) => x.name);
  for (const n of ['tokens', 'entities', 'quotes', 'claims', 'techniques', 'loaded-baseline', 'narratives', 'source']) assert.ok(names.includes(n), n);
  for (const x of all) assert.match(x.version, /^\d+\.\d+\.\d+$/);
  assert.ok(names.indexOf('entities') < names.indexOf('quotes') && names.indexOf('quotes') < names.indexOf('claims'));
});

test('a pipeline run records provenance for every component', async () => {
  const p = await Pipeline.create({ modelsDir }, { only: ['tokens'] });
  const doc: Doc = {
    schema: DOC_SCHEMA,
    id: 't',
    text: 'The mayor spoke. Then she left.',
    meta: { source: { kind: 'inline', path: 't' }, contentHash: 'x', format: 'text' },
    removed: [],
    layers: {},
    provenance: [],
  };
  await p.run(doc);
  assert.equal(doc.layers.sentences?.length, 2);
  assert.deepEqual(doc.provenance.map((e) => `${e.component}@${e.version}`), ['tokens@1.1.0']);
  assert.equal(p.signature(), 'tokens@1.1.0');
});

test('OffsetMap converts between code points and UTF-16 units around astral characters', () => {
  const text = 'a😀b c';
  const m = new OffsetMap(text);
  assert.equal(m.codePoints, 5);
  assert.equal(m.toUnit(2), 3); // 'b' is code point 2, unit 3
  assert.equal(m.toCodePoint(3), 2);
  assert.equal(m.toUnit(5), text.length);
  assert.equal(m.toCodePoint(2), 1); // the low surrogate belongs to the emoji
  assert.throws(() => m.toUnit(6), RangeError);
});
