/** search / show / entities: the run functions directly, and the built CLI for exit codes and messages. */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/index.js';
import { runSearch } from '../../src/cli/commands/search.js';
import { runShow } from '../../src/cli/commands/show.js';
import { runEntities } from '../../src/cli/commands/entities.js';
import { checkDate, columns, terminalSafe } from '../../src/report/cli-output.js';
import { runCli } from '../helpers/cli.js';
import { plainDoc, richDoc } from './fixtures.js';
import type { Doc } from '../../src/nlp/doc.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-cmd-'));
const db = join(dir, 'n.db');
let rich: Doc;

before(async () => {
  const store = await openStore(db);
  rich = richDoc({ id: 'feedbeef01' });
  await store.saveAnalysis(rich, 'p@1');
  await store.saveAnalysis(plainDoc('The harbour reopened on Monday after repairs.', { id: 'c0ffee02', title: 'Harbour', outlet: 'Local Times', published: '2020-02-02', language: 'en' }), 'p@1');
  await store.close();
});

test('search: hits with snippets, filters, JSON, no hits, bad query and bad dates', async () => {
  const out = await runSearch('Nusra', { db, limit: '20' });
  assert.match(out, /^1 article match 'Nusra':\nfeedbeef01  Ministry accuses the rescuers  \(2018-11-03 · Example News · en\)\n    .*\[Nusra\] Front/);
  const json = JSON.parse(await runSearch('harbour OR Nusra', { db, limit: '20', json: true })) as { articleId: string }[];
  assert.equal(json.length, 2);
  assert.deepEqual((JSON.parse(await runSearch('harbour OR Nusra', { db, limit: '20', json: true, from: '2019' })) as { articleId: string }[]).map((h) => h.articleId), ['c0ffee02']);
  assert.equal(await runSearch('zeppelin', { db, limit: '20' }), "No articles match 'zeppelin'.");
  assert.match(await runSearch('zeppelin', { db, limit: '20', to: '2020' }), /without a publication date/);
  await assert.rejects(runSearch('"open', { db, limit: '20' }), /bad search query/);
  await assert.rejects(runSearch('x', { db, limit: '20', from: '11/04/2021' }), /--from must be a date like 2021, 2021-04 or 2021-04-11 \(got '11\/04\/2021'\)/);
  await assert.rejects(runSearch('x', { db, limit: '0' }), /--limit must be a whole number/);
  await assert.rejects(runSearch('x', { db: join(dir, 'missing.db'), limit: '5' }), /no store at .*missing\.db/);
});

test('show: summary plus full text, JSON Doc, prefix ids, unknown ids named', async () => {
  const text = await runShow('feedbeef', { db });
  assert.match(text, /^Ministry accuses the rescuers  \[feedbeef01\]/);
  assert.match(text, /── text: \d+ characters; 2 furniture lines removed/);
  assert.ok(text.endsWith(rich.text));
  assert.deepEqual(JSON.parse(await runShow('feedbeef01', { db, json: true })), rich);
  await assert.rejects(runShow('nope', { db }), /no article with id 'nope' in .*n\.db/);
});

test('entities: table and JSON, type filter, bad type', async () => {
  const table = await runEntities({ db, limit: '50' });
  assert.match(table.split('\n')[0], /^MENTIONS +ARTICLES +TYPE +ENTITY +KEY +OUTLETS$/);
  assert.match(table, /1 +1 +PER +Maria Zakharova +per:maria zakharova +Example News/);
  const per = JSON.parse(await runEntities({ db, limit: '50', json: true, type: 'per' })) as { key: string }[];
  assert.deepEqual(per.map((e) => e.key), ['per:maria zakharova']);
  await assert.rejects(runEntities({ db, limit: '5', type: 'PERSON' }), /--type must be one of PER, ORG, LOC, MISC/);
});

test('helpers: dates, columns, terminal-safe text', () => {
  assert.equal(checkDate('--to', '2021-04-11T10:00:00Z'), '2021-04-11T10:00:00Z');
  assert.throws(() => checkDate('--to', '2021-13'), /--to must be a date/);
  assert.equal(columns([['a', 'bb'], ['ccc', 'd']]), 'a    bb\nccc  d');
  assert.equal(terminalSafe('a\x1b[31mb\r\nc\td'), 'a[31mb\nc\td');
});

// Each CLI start costs ~2-3 s here (every command module is imported), so only exit codes and streams are checked this way.
test('the built CLI: exit 0 with results on stdout, exit 1 naming an unknown id on stderr', async () => {
  const s = await runCli(['search', 'White Helmets', '--db', db, '--json']);
  assert.equal(s.code, 0, s.stderr);
  assert.equal((JSON.parse(s.stdout) as unknown[]).length, 1);
  const show = await runCli(['show', 'unknown-id', '--db', db]);
  assert.equal(show.code, 1);
  assert.equal(show.stdout, '');
  assert.match(show.stderr, /narrascope show: no article with id 'unknown-id'/);
});
