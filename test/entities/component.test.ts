/** The `entities` pipeline component on a hand-written article, with a user alias file. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOC_SCHEMA, type Doc } from '../../src/nlp/doc.js';
import { component as tokens } from '../../src/analyzers/tokens/index.js';
import { component as entities } from '../../src/analyzers/entities/index.js';
import { modelsDir } from '../../src/util/paths.js';

function docOf(text: string): Doc {
  const doc: Doc = { schema: DOC_SCHEMA, id: 't', text, meta: { source: { kind: 'inline', path: '-' }, contentHash: 'x', format: 'text' }, removed: [], layers: {}, provenance: [] };
  tokens.run(doc, { modelsDir });
  return doc;
}

const dir = mkdtempSync(join(tmpdir(), 'ner-aliases-'));

test('user alias file (ctx.settings.aliases) sets canonical name and key', async () => {
  const file = join(dir, 'aliases.tsv');
  writeFileSync(file, '# canonical<TAB>aliases\nFederal Republic of Germany\tGermany\tFRG\n');
  const ctx = { modelsDir, settings: { aliases: file } };
  await entities.load!(ctx);
  const doc = docOf('Chancellor Angela Merkel said on Monday that Germany would act. Merkel spoke in Berlin.');
  await entities.run(doc, ctx);
  const idx = doc.layers.entityIndex!;
  const de = idx.find((e) => e.canonical === 'Federal Republic of Germany');
  assert.ok(de, JSON.stringify(idx.map((e) => e.canonical)));
  assert.equal(de.key, 'loc:federal republic of germany');
  const merkel = idx.find((e) => e.canonical === 'Angela Merkel')!;
  assert.equal(merkel.label, 'PER');
  assert.equal(merkel.mentions.length, 2);
  assert.ok(idx.some((e) => e.canonical === 'Berlin' && e.label === 'LOC'));
  // Without the file, Germany is just Germany.
  await entities.load!({ modelsDir });
  const d2 = docOf('Germany would act.');
  await entities.run(d2, { modelsDir });
  assert.equal(d2.layers.entityIndex![0].key, 'loc:germany');
});

test('a broken alias file is an error naming file and line; $NARRASCOPE_ALIASES is read', async () => {
  const bad = join(dir, 'bad.tsv');
  writeFileSync(bad, 'Germany\tFRG\nonly-one-column\n');
  assert.throws(() => entities.load!({ modelsDir, settings: { aliases: bad } }), new RegExp(`bad\\.tsv:2:`));
  process.env.NARRASCOPE_ALIASES = bad;
  try {
    assert.throws(() => entities.load!({ modelsDir }), /bad\.tsv:2:/);
  } finally {
    delete process.env.NARRASCOPE_ALIASES;
  }
});

test('tokens for the tagger: hyphen joins merged back, typographic forms mapped, offsets kept', async () => {
  const { nerTokens } = await import('../../src/analyzers/entities/recognize.js');
  const doc = docOf('Russia\u2019s envoy met al-Nusra \u2014 a \u201Cgroup\u201D.');
  const toks = nerTokens(doc).flat();
  assert.deepEqual(
    toks.map((t) => t.word),
    ['Russia', "'s", 'envoy', 'met', 'al-Nusra', '--', 'a', '"', 'group', '"', '.'],
  );
  const nusra = toks[4];
  assert.equal(doc.text.slice(nusra.start, nusra.end), 'al-Nusra');
});
