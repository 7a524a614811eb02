import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { openStore } from '../../src/store/index.js';
import { openDb } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrate.js';
import { ARTICLE_MIGRATIONS } from '../../src/store/schema.js';
import { plainDoc, richDoc } from './fixtures.js';
import type { Doc } from '../../src/nlp/doc.js';

const tmp = () => join(mkdtempSync(join(tmpdir(), 'narrascope-store-')), 'n.db');
const P1 = 'tokens@1.0.0,entities@0.1.0';
const P2 = 'tokens@1.0.0,entities@0.2.0';

function count(file: string, table: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

test('new, unchanged, updated: same content + same pipeline adds no rows; a new pipeline adds an analysis and replaces spans', async () => {
  const file = tmp();
  const store = await openStore(file);
  const doc = richDoc();
  assert.deepEqual(await store.saveAnalysis(doc, P1), { articleId: doc.id, status: 'new' });
  const spans1 = count(file, 'spans');
  assert.ok(spans1 > 10);
  assert.equal(await store.hasAnalysis(doc.meta.contentHash, P1), doc.id);
  assert.equal(await store.hasAnalysis(doc.meta.contentHash, P2), undefined);

  assert.equal((await store.saveAnalysis(structuredClone(doc), P1)).status, 'unchanged');
  assert.equal(count(file, 'analyses'), 1);
  assert.equal(count(file, 'spans'), spans1);

  const v2 = structuredClone(doc);
  v2.layers.techniques = v2.layers.techniques!.slice(0, 1);
  v2.provenance = v2.provenance.map((p) => (p.component === 'entities' ? { ...p, version: '0.2.0' } : p));
  assert.equal((await store.saveAnalysis(v2, P2)).status, 'updated');
  assert.equal(count(file, 'articles'), 1);
  assert.equal(count(file, 'analyses'), 2);
  assert.equal(count(file, 'spans'), spans1 - 2, 'spans of the old analysis were replaced');
  assert.equal(count(file, 'articles_fts'), 1);
  const current = await store.getDoc(doc.id);
  assert.equal(current!.layers.techniques!.length, 1, 'newest analysis is current');

  const comps = await store.components();
  const ent = comps.filter((c) => c.component === 'entities');
  assert.deepEqual(ent.map((c) => [c.version, c.analyses, c.currentArticles]), [['0.1.0', 1, 0], ['0.2.0', 1, 1]]);
  await store.close();
});

test('the same text under another id is the same article; a reused id with other text is kept apart', async () => {
  const store = await openStore(tmp());
  const a = plainDoc('Same text about the harbour.', { id: 'file-a' });
  const b = plainDoc('Same text about the harbour.', { id: 'record-7' });
  assert.equal((await store.saveAnalysis(a, P1)).status, 'new');
  const rb = await store.saveAnalysis(b, P1);
  assert.deepEqual(rb, { articleId: 'file-a', status: 'unchanged' });
  const c = plainDoc('Different text entirely.', { id: 'file-a' });
  const rc = await store.saveAnalysis(c, P1);
  assert.equal(rc.status, 'new');
  assert.notEqual(rc.articleId, 'file-a');
  assert.ok(rc.articleId.startsWith('file-a~'));
  assert.equal((await store.getDoc(rc.articleId))!.text, 'Different text entirely.');
  assert.equal((await store.getDoc('file-a'))!.text, 'Same text about the harbour.', 'exact id wins over prefix');
  await store.close();
});

test('a layer item with missing fields is stored, not a failed save', async () => {
  const store = await openStore(tmp());
  const d = plainDoc('Loose layer items.');
  (d.layers as Record<string, unknown>).techniques = [{ start: 0, end: 5, technique: 'Doubt', features: [] }];
  (d.layers as Record<string, unknown>).custom = [{ start: 1, end: 2 }, null, 'x'];
  d.provenance = [{ component: 'x', version: '1', produces: [] } as unknown as Doc['provenance'][number]];
  assert.equal((await store.saveAnalysis(d, P1)).status, 'new');
  await store.close();
});

test('getDoc accepts a unique id prefix, rejects an ambiguous one, and returns undefined for unknown ids', async () => {
  const store = await openStore(tmp());
  for (const id of ['abc111', 'abc222', 'abd333']) await store.saveAnalysis(plainDoc(`text ${id}`, { id }), P1);
  assert.equal((await store.getDoc('abd'))!.id, 'abd333');
  assert.equal((await store.getDoc('abc2'))!.id, 'abc222');
  await assert.rejects(store.getDoc('abc'), /ambiguous.*abc111, abc222/);
  assert.equal(await store.getDoc('zzz'), undefined);
  assert.equal(await store.getDoc(''), undefined);
  await store.close();
});

test('search: snippets with [matches], ranking, filters by outlet, dates, language, limit; no hits; bad syntax', async () => {
  const store = await openStore(tmp());
  const docs = [
    plainDoc('The White Helmets rescued people from the rubble in Idlib after the strike.', { id: 'd1', title: 'Rescue in Idlib', outlet: 'Sputnik International', published: '2021-04-11T14:01:00Z', language: 'en' }),
    plainDoc('Officials accused the White Helmets of staging attacks, without evidence.', { id: 'd2', title: 'White Helmets accused', outlet: 'RT', published: '2018-11-03', language: 'en' }),
    plainDoc('Les Casques blancs ont été accusés. White Helmets.', { id: 'd3', title: 'Casques blancs', outlet: 'Exemple', published: '2019-06-01', language: 'fr' }),
    plainDoc('A story about the harbour and ferries, nothing else.', { id: 'd4', title: 'Harbour', outlet: 'RT', published: '2020-01-01', language: 'en' }),
    plainDoc("Russia's envoy named the al-Nusra Front and the U.S. coalition.", { id: 'd5', title: 'Envoy', outlet: 'X', published: '2020-01-02', language: 'en' }),
  ];
  for (const d of docs) await store.saveAnalysis(d, P1);

  const all = await store.search('White Helmets');
  assert.deepEqual(all.map((h) => h.articleId).sort(), ['d1', 'd2', 'd3']);
  assert.equal(all[0].articleId, 'd2', 'a title match ranks first');
  for (const h of all) assert.match(h.snippet, /\[White\] \[Helmets\]/);
  assert.ok(all.every((h, i) => i === 0 || h.rank >= all[i - 1].rank));

  assert.deepEqual((await store.search('White Helmets', { outlet: 'sputnik' })).map((h) => h.articleId), ['d1']);
  assert.deepEqual((await store.search('White Helmets', { from: '2019-01-01' })).map((h) => h.articleId).sort(), ['d1', 'd3']);
  assert.deepEqual((await store.search('White Helmets', { to: '2019' })).map((h) => h.articleId).sort(), ['d2', 'd3']);
  assert.deepEqual((await store.search('White Helmets', { from: '2021-04-11', to: '2021-04-11' })).map((h) => h.articleId), ['d1'], 'inclusive day bounds');
  assert.deepEqual((await store.search('White Helmets', { language: 'FR' })).map((h) => h.articleId), ['d3']);
  assert.equal((await store.search('White Helmets', { limit: 1 })).length, 1);
  assert.deepEqual((await store.search('"harbour and ferries"')).map((h) => h.articleId), ['d4']);
  assert.deepEqual((await store.search('accus*', { outlet: 'RT' })).map((h) => h.articleId), ['d2']);
  assert.deepEqual((await store.search('casques', {})).map((h) => h.articleId), ['d3']);
  assert.deepEqual((await store.search('al-Nusra')).map((h) => h.articleId), ['d5'], 'punctuation inside a word is not a syntax error');
  assert.deepEqual((await store.search("Russia's U.S. NOT Idlib")).map((h) => h.articleId), ['d5']);
  assert.deepEqual((await store.search('title:harbour')).map((h) => h.articleId), ['d4']);
  assert.deepEqual(await store.search('zeppelin'), []);
  assert.deepEqual(await store.search('White', { outlet: '%' }), [], 'LIKE wildcards in filters are literal');
  await assert.rejects(store.search('"unterminated'), /bad search query '"unterminated'/);
  await assert.rejects(store.search('AND OR'), /bad search query/);
  await assert.rejects(store.search('  '), /empty search query/);
  await store.close();
});

test('entities across the store: grouped by key, with mention and article counts and outlets; type filter', async () => {
  const store = await openStore(tmp());
  await store.saveAnalysis(richDoc({ id: 'r1' }), P1);
  const other = richDoc({ id: 'r2' });
  other.text += ' ';
  other.meta.contentHash = 'other-hash';
  other.meta.outlet = { value: 'Other Outlet', method: 'record', confidence: 1 };
  other.layers.entities!.push({ ...other.layers.entities![1], start: 0, end: 0 });
  await store.saveAnalysis(other, P1);
  const ents = await store.entities();
  const wh = ents.find((e) => e.key === 'org:white helmets')!;
  assert.deepEqual({ name: wh.name, label: wh.label, mentions: wh.mentions, articles: wh.articles, outlets: wh.outlets }, { name: 'White Helmets', label: 'ORG', mentions: 3, articles: 2, outlets: ['Example News', 'Other Outlet'] });
  assert.equal(ents[0].key, 'org:white helmets', 'most mentioned first');
  assert.deepEqual(wh.keys, ['org:white helmets']);
  const per = await store.entities({ type: 'PER' });
  assert.deepEqual(per.map((e) => e.key), ['per:maria zakharova']);
  assert.equal((await store.entities({ limit: 2 })).length, 2);
  await store.close();
});

test('entities: keys linked by an alias in any article are one entity across the store', async () => {
  const store = await openStore(tmp());
  const mk = (id: string, text: string, key: string, canonical: string, aliasKeys?: string[]) => {
    const d = plainDoc(text, { id, outlet: `outlet-${id}` });
    d.layers.entities = [{ start: 0, end: canonical.length, label: 'ORG', text: canonical, entity: 'e1', confidence: 0.9, by: 'entities@1' }];
    d.layers.entityIndex = [{ id: 'e1', key, canonical, label: 'ORG', aliases: [], aliasKeys, mentions: [0], confidence: 0.9, by: 'entities@1' }];
    return d;
  };
  await store.saveAnalysis(mk('a', 'Nusra Front fighters.', 'org:nusra front', 'Nusra Front'), P1);
  await store.saveAnalysis(mk('b', 'Jabhat al-Nusra fighters.', 'org:jabhat nusra', 'Jabhat al-Nusra'), P1);
  await store.saveAnalysis(mk('c', 'Other group.', 'org:other group', 'Other group'), P1);
  let ents = await store.entities();
  assert.equal(ents.length, 3, 'not linked yet');
  // A third article knows both names belong to one entity.
  await store.saveAnalysis(mk('d', 'Al-Nusra Front, also called Jabhat al-Nusra.', 'org:nusra front', 'Al-Nusra Front', ['org:nusra front', 'org:jabhat nusra']), P1);
  ents = await store.entities();
  assert.equal(ents.length, 2);
  const nusra = ents[0];
  assert.deepEqual(nusra.keys, ['org:jabhat nusra', 'org:nusra front']);
  assert.equal(nusra.key, 'org:nusra front');
  assert.equal(nusra.mentions, 3);
  assert.equal(nusra.articles, 3);
  assert.deepEqual(nusra.outlets, ['outlet-a', 'outlet-b', 'outlet-d']);
  // Re-analysing the bridging article without the alias unlinks them again (its alias rows are replaced).
  const d2 = mk('d', 'Al-Nusra Front, also called Jabhat al-Nusra.', 'org:nusra front', 'Al-Nusra Front');
  await store.saveAnalysis(d2, P2);
  assert.equal((await store.entities()).length, 3);
  await store.close();
});

test('listArticles and iterateDocs stream current docs, even while writing', async () => {
  const store = await openStore(tmp());
  for (let i = 0; i < 450; i++) await store.saveAnalysis(plainDoc(`article number ${i}`, { id: `id${i}` }), P1);
  const list = await store.listArticles({ limit: 10, offset: 5 });
  assert.equal(list.length, 10);
  assert.equal(list[0].articleId, 'id5');
  assert.equal(list[0].pipeline, P1);
  let n = 0;
  for await (const d of store.iterateDocs()) {
    assert.equal(d.text, `article number ${n}`);
    if (n === 0) await store.saveAnalysis(d, P2); // writing mid-iteration must not break the stream
    n++;
  }
  assert.equal(n, 450);
  await store.close();
});

test('migrations: reopening an existing file keeps data and does not re-run steps; a file with other namespaces is fine', async () => {
  const file = tmp();
  // A file created by another module first (e.g. the knowledge base) plus our first step applied by hand.
  const db = openDb(file);
  migrate(db, 'kb', ['CREATE TABLE kb_cases (id TEXT PRIMARY KEY)']);
  migrate(db, 'articles', ARTICLE_MIGRATIONS.slice(0, 1));
  db.close();
  let store = await openStore(file);
  await store.saveAnalysis(richDoc(), P1);
  await store.close();
  store = await openStore(file);
  assert.equal((await store.search('Nusra')).length, 1);
  assert.equal((await store.entities({ type: 'PER' }))[0].name, 'Maria Zakharova', 'tables of the later step work');
  await store.close();
  const raw = new Database(file, { readonly: true });
  const rows = raw.prepare('SELECT namespace, version FROM schema_migrations ORDER BY namespace, version').all();
  raw.close();
  const expected = [...ARTICLE_MIGRATIONS.map((_, i) => ({ namespace: 'articles', version: i + 1 })), { namespace: 'kb', version: 1 }];
  assert.deepEqual(rows, expected, 'each step recorded once');
});

test('openStore: clear errors for a missing file (mustExist) and unsupported URL schemes', async () => {
  await assert.rejects(openStore(join(tmpdir(), 'no-such-dir-xyz', 'x.db'), { mustExist: true }), /no store at .*x\.db/);
  await assert.rejects(openStore('postgres://localhost/n'), /'postgres' stores are not supported yet/);
  const file = tmp();
  const viaUrl = await openStore(pathToFileURL(file).href);
  assert.equal(viaUrl.location, file);
  await viaUrl.close();
});

test('a 1,000-doc save loop stores every doc and round-trips them', async () => {
  const file = tmp();
  const store = await openStore(file);
  const base = richDoc();
  for (let i = 0; i < 1000; i++) {
    const d = structuredClone(base);
    d.id = `doc${i}`;
    d.meta.contentHash = `h${i}`;
    d.text = base.text + ` ${i}`;
    assert.equal((await store.saveAnalysis(d, P1)).status, 'new');
  }
  assert.equal(count(file, 'articles'), 1000);
  assert.equal((await store.getDoc('doc999'))!.text, base.text + ' 999');
  assert.equal((await store.search('Nusra', { limit: 5000 })).length, 1000);
  await store.close();
});

test('replace (analyze --force): same content and pipeline is stored again as the current analysis', async () => {
  const store = await openStore(join(mkdtempSync(join(tmpdir(), 'ns-replace-')), 'r.db'));
  const doc = plainDoc('The council said on Monday that the bridge would reopen.', { id: 'rep-1' });
  assert.equal((await store.saveAnalysis(structuredClone(doc), 'p@1')).status, 'new');
  const again = structuredClone(doc);
  again.warnings = [{ by: 'test@1', message: 'second run' }];
  assert.equal((await store.saveAnalysis(again, 'p@1', { replace: true })).status, 'updated');
  assert.deepEqual((await store.getDoc('rep-1'))?.warnings, [{ by: 'test@1', message: 'second run' }]);
  assert.equal((await store.saveAnalysis(structuredClone(doc), 'p@1')).status, 'unchanged');
  await store.close();
});
