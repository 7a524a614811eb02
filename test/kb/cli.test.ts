/** `narrascope kb import|search|show` end to end on invented case files. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';

test('kb import reports imported / duplicates / failed rows with file:line, exit 1 on bad rows; search and show', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kb-cli-'));
  try {
    const db = join(dir, 'n.db');
    writeFileSync(
      join(dir, 'cases.csv'),
      'date,id,title,keywords,outlets\n2020-01-02,https://kb.example/r/1,Invented claim about purple rain,Rain+Colour,Outlet Z\n2020-01-02,https://kb.example/r/1,Same URL again,Rain,\n2020-99-01,https://kb.example/r/2,Bad date claim,Rain,\n',
    );
    writeFileSync(join(dir, 'more.jsonl'), '{"claim":"Invented claim about green snow","keywords":["Snow"]}\n');
    const r = await runCli(['kb', 'import', join(dir, 'cases.csv'), join(dir, 'more.jsonl'), join(dir, 'missing.csv'), '--db', db]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /cases\.csv \(euvsdisinfo\): 3 rows — 1 imported, 1 duplicates skipped \(1 same case URL, 0 same normalized claim and date; missing fields merged\), 1 failed/);
    assert.match(r.stdout, /cases\.csv:4: bad date '2020-99-01'/);
    assert.match(r.stdout, /more\.jsonl \(jsonl\): 1 rows — 1 imported/);
    assert.match(r.stderr, /missing\.csv: cannot read/);
    assert.match(r.stdout, /knowledge base: 2 cases/);

    const s = await runCli(['kb', 'search', 'purple rain', '--db', db]);
    assert.equal(s.code, 0, s.stderr);
    assert.match(s.stdout, /https:\/\/kb\.example\/r\/1\n {2}2020-01-02 {2}Invented claim about purple rain {2}\[Rain, Colour\]/);

    const sh = await runCli(['kb', 'show', 'https://kb.example/r/1', '--db', db, '--json']);
    assert.equal(sh.code, 0, sh.stderr);
    assert.equal(JSON.parse(sh.stdout).claim, 'Invented claim about purple rain');

    const none = await runCli(['kb', 'show', 'nope', '--db', db]);
    assert.equal(none.code, 1);
    const nodb = await runCli(['kb', 'search', 'x', '--db', join(dir, 'absent.db')]);
    assert.notEqual(nodb.code, 0);
    assert.match(nodb.stderr, /no database at/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
