/** `narrascope ner tag` / `ner eval`, run in-process on small temporary files. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { register } from '../../src/cli/commands/ner.js';

async function run(args: string[]): Promise<{ out: string; err: string; error?: Error }> {
  const program = new Command('narrascope').exitOverride();
  register(program);
  let out = '';
  let err = '';
  const w1 = process.stdout.write.bind(process.stdout);
  const w2 = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string) => ((out += s), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => ((err += s), true)) as typeof process.stderr.write;
  try {
    await program.parseAsync(['node', 'narrascope', ...args]);
    return { out, err };
  } catch (e) {
    return { out, err, error: e as Error };
  } finally {
    process.stdout.write = w1;
    process.stderr.write = w2;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'ner-cli-'));
const good = join(dir, 'good.txt');
writeFileSync(good, '-DOCSTART- O\n\nAngela B-PER\nMerkel I-PER\nvisited O\nParis B-LOC\n. O\n\nShe O\nleft O\n');

test('ner tag appends the predicted tag to every token line and keeps the rest', async () => {
  const r = await run(['ner', 'tag', '--conll', good]);
  assert.equal(r.error, undefined);
  const lines = r.out.trimEnd().split('\n');
  assert.deepEqual(lines, ['-DOCSTART- O', '', 'Angela B-PER B-PER', 'Merkel I-PER I-PER', 'visited O O', 'Paris B-LOC B-LOC', '. O O', '', 'She O O', 'left O O']);
});

test('ner eval prints per-type and overall scores', async () => {
  const r = await run(['ner', 'eval', good]);
  assert.equal(r.error, undefined);
  assert.match(r.out, /overall\s+precision 100\.00%\s+recall 100\.00%\s+F1 100\.00/);
  assert.match(r.out, /PER\s+precision 100\.00%/);
  assert.match(r.err, /tokens\/s/);
});

test('malformed lines fail with file and line', async () => {
  const bad = join(dir, 'bad.txt');
  writeFileSync(bad, 'Angela B-PER\nMerkel\n');
  const r = await run(['ner', 'eval', bad]);
  assert.match(r.error?.message ?? '', new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: expected 'TOKEN TAG'`));
  const r2 = await run(['ner', 'tag', '--conll', join(dir, 'missing.txt')]);
  assert.match(r2.error?.message ?? '', /missing\.txt: cannot read/);
});
