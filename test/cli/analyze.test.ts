/** End-to-end: the `analyze` command as a user runs it, on the real samples and on hostile input. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../helpers/cli.js';
import { sharedDir, repoRoot } from '../../src/util/paths.js';
import type { Doc } from '../../src/nlp/doc.js';

const samples = join(sharedDir, 'samples');

function readJsonl(file: string): Doc[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Doc);
}

test('analyze the two real samples: JSON, HTML and store, exit 0', async () => {
  const dir = tempDir();
  const db = join(dir, 'n.db');
  const r = await runCli(['analyze', samples, '--db', db, '--json', join(dir, 'out.jsonl'), '--html', join(dir, 'report.html')]);
  assert.equal(r.code, 0, r.stderr);
  const docs = readJsonl(join(dir, 'out.jsonl'));
  assert.equal(docs.length, 2);
  for (const d of docs) {
    assert.equal(d.schema, 'narrascope.doc/1');
    assert.ok(d.removed.length > 0, 'page furniture was removed and recorded');
    assert.ok((d.layers.sentences ?? []).length > 5);
    // Every annotation in every layer has offsets inside the text, a confidence and a producer.
    for (const [name, layer] of Object.entries(d.layers)) {
      if (!Array.isArray(layer) || name === 'tokens' || name === 'sentences' || name === 'paragraphs') continue;
      for (const a of layer as { start?: number; end?: number; confidence?: number; by?: string }[]) {
        assert.equal(typeof a.confidence, 'number', `${name}: confidence`);
        assert.ok(a.confidence! >= 0 && a.confidence! <= 1, `${name}: confidence in [0,1]`);
        assert.match(String(a.by), /^[\w-]+@[\w.-]+$/, `${name}: by`);
        if (a.start !== undefined) assert.ok(a.start >= 0 && a.end! <= d.text.length && a.start <= a.end!, `${name}: offsets`);
      }
    }
    for (const p of d.provenance) assert.ok(p.component && p.version);
    assert.equal(d.provenance[0].component, 'ingest', 'cleaning is recorded first');
  }
  const html = readFileSync(join(dir, 'report.html'), 'utf8');
  assert.match(html, /<html/i);
  assert.ok(!/<script[^>]+src=|<link[^>]+href="http/i.test(html), 'HTML is self-contained');
  // The batch summary on stdout names both articles.
  assert.match(r.stdout, /2 analy[sz]ed|analy[sz]ed:?\s*2/i);

  // Idempotent: the same content with the same pipeline is not analysed again.
  const again = await runCli(['analyze', samples, '--db', db, '--summary', 'line']);
  assert.equal(again.code, 0, again.stderr);
  assert.equal((again.stdout.match(/\tunchanged\t/g) ?? []).length, 2, again.stdout);

  // And it is searchable and showable.
  const s = await runCli(['search', 'White Helmets', '--db', db, '--json']);
  assert.equal(s.code, 0, s.stderr);
  const hits = JSON.parse(s.stdout) as { articleId: string }[];
  assert.equal(hits.length, 2);
  const show = await runCli(['show', hits[0].articleId, '--db', db, '--json']);
  assert.equal(show.code, 0, show.stderr);
  assert.equal((JSON.parse(show.stdout) as Doc).id, hits[0].articleId);
});

test('hostile inputs: each failure is named, the rest of the batch runs, exit code 1', async () => {
  const dir = tempDir();
  const inputs = join(dir, 'in');
  mkdirSync(inputs);
  writeFileSync(join(inputs, 'good.txt'), 'A fine title\n\nThe mayor said on Monday that the bridge would reopen in May after repairs costing 2 million euros.\n');
  writeFileSync(join(inputs, 'empty.txt'), '');
  writeFileSync(join(inputs, 'binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x00, 0x01, 0x02, 0x00, 0xff, 0x00, 0x10]));
  writeFileSync(join(inputs, 'latin1.txt'), Buffer.from([0x54, 0x68, 0x65, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x20, 0x69, 0x73, 0x20, 0x6f, 0x70, 0x65, 0x6e, 0x2e, 0x0a]));
  writeFileSync(join(inputs, 'big.txt'), 'The council met again today. '.repeat(4000));
  writeFileSync(
    join(inputs, 'records.jsonl'),
    [
      JSON.stringify({ id: 'r1', title: 'Record one', text: 'The ministry said on Tuesday that 40 people had been evacuated from the flooded district.' }),
      '{"id": "r2", "text": "unterminated',
      JSON.stringify({ id: 'r3', title: 'No body' }),
      JSON.stringify({ id: 'r4', title: 'Record four', text: 'Officials confirmed that the new rail line will open in 2027, two years late.' }),
    ].join('\n') + '\n',
  );
  const db = join(dir, 'n.db');
  const r = await runCli(['analyze', inputs, 'http://127.0.0.1:9/nothing-listens-here', '--db', db, '--max-bytes', '50000', '--summary', 'line', '--timeout', '3000']);
  assert.equal(r.code, 1, 'exit code says something failed');
  const all = r.stdout + r.stderr;
  for (const name of ['empty.txt', 'binary.txt', 'latin1.txt', 'big.txt', 'records.jsonl:2', 'records.jsonl:3', '127.0.0.1:9']) {
    assert.ok(all.includes(name), `failure for ${name} is reported:\n${all}`);
  }
  // The good inputs all went through.
  const analyzed = r.stdout.split('\n').filter((l) => /\t(new|updated|analyzed)\t/.test(l));
  assert.equal(analyzed.length, 3, r.stdout);
});

test('stdin input and --json - to stdout', async () => {
  const dir = tempDir();
  const r = await runCli(['analyze', '-', '--db', join(dir, 'n.db'), '--json', '-'], {
    input: 'Harbour reopens\n\nThe harbour authority said on Friday that ferries would run again from 1 June.\n',
  });
  assert.equal(r.code, 0, r.stderr);
  const docs = r.stdout.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Doc);
  assert.equal(docs.length, 1);
  assert.equal(docs[0].meta.source.path, '-');
});

test('a 1,000-article synthetic batch with --jobs 2: every article analysed once, then all unchanged', async () => {
  const dir = tempDir();
  const inputs = join(dir, 'batch');
  mkdirSync(inputs);
  const towns = ['Arden', 'Belmont', 'Corvin', 'Dunmore', 'Eastwick'];
  for (let i = 0; i < 1000; i++) {
    const town = towns[i % towns.length];
    writeFileSync(
      join(inputs, `a${i}.txt`),
      `Report ${i} from ${town}\n\nThe mayor of ${town} said on Monday that ${i + 3} families had been moved after the storm.\n\n"We will rebuild every house," she said. Critics called the plan a disgrace.\n`,
    );
  }
  const db = join(dir, 'n.db');
  const r = await runCli(['analyze', inputs, '--db', db, '--jobs', '2', '--summary', 'line']);
  assert.equal(r.code, 0, r.stderr.slice(0, 2000));
  assert.equal(r.stdout.split('\n').filter((l) => /\tnew\t/.test(l)).length, 1000);
  const again = await runCli(['analyze', inputs, '--db', db, '--jobs', '2', '--summary', 'line']);
  assert.equal(again.code, 0, again.stderr.slice(0, 2000));
  assert.equal(again.stdout.split('\n').filter((l) => /\tunchanged\t/.test(l)).length, 1000);
});

test('the README example articles analyse cleanly', async () => {
  const examples = join(repoRoot, 'examples');
  assert.ok(existsSync(examples), 'examples/ exists');
  const dir = tempDir();
  const r = await runCli(['analyze', examples, '--db', join(dir, 'n.db'), '--json', join(dir, 'x.jsonl')]);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(readJsonl(join(dir, 'x.jsonl')).length >= 3);
});

test('importing a knowledge base makes stored analyses stale: the next analyze updates them with narratives', async () => {
  const dir = tempDir();
  const db = join(dir, 'n.db');
  const first = await runCli(['analyze', samples, '--db', db, '--summary', 'line']);
  assert.equal(first.code, 0, first.stderr);
  assert.equal((first.stdout.match(/\tnew\t/g) ?? []).length, 2);
  const kbDir = join(sharedDir, 'data', 'euvsdisinfo');
  const imp = await runCli(['kb', 'import', join(kbDir, 'cases-2015-2021-index.csv'), join(kbDir, 'cases-2015-2017-with-disproofs.csv'), '--db', db]);
  assert.equal(imp.code, 0, imp.stderr);
  const second = await runCli(['analyze', samples, '--db', db, '--summary', 'line', '--json', join(dir, 'after.jsonl')]);
  assert.equal(second.code, 0, second.stderr);
  assert.equal((second.stdout.match(/\tupdated\t/g) ?? []).length, 2, second.stdout);
  assert.ok(readJsonl(join(dir, 'after.jsonl')).every((d) => (d.layers.narratives ?? []).length > 0));
  const third = await runCli(['analyze', samples, '--db', db, '--summary', 'line']);
  assert.equal((third.stdout.match(/\tunchanged\t/g) ?? []).length, 2, third.stdout);
});
