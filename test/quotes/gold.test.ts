import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGoldDir, loadGoldFile } from '../../src/eval/quotes/gold.js';
import { defaultGoldDir } from '../../src/eval/quotes/run.js';
import { sharedDir } from '../../src/util/paths.js';

function fakeShared(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ns-gold-'));
  mkdirSync(join(dir, 'samples'));
  writeFileSync(join(dir, 'samples', 'a.txt'), text);
  return dir;
}

test('gold offsets are code points, converted to UTF-16', () => {
  const shared = fakeShared('😀 “We left at noon today,” Ana Diaz said.');
  const file = join(shared, 'g.json');
  // The emoji is one code point but two UTF-16 units.
  writeFileSync(file, JSON.stringify({ file: 'samples/a.txt', quotes: [{ kind: 'direct', content: { start: 3, end: 24 }, speaker: { start: 27, end: 35 } }] }));
  const g = loadGoldFile(file, shared);
  assert.equal(g.text.slice(g.quotes[0].content.start, g.quotes[0].content.end), 'We left at noon today');
  assert.equal(g.quotes[0].speakerName, 'Ana Diaz');
});

test('bad gold files fail with the file name and the reason', () => {
  const shared = fakeShared('Some text here.');
  const bad = (name: string, body: string, why: RegExp) => {
    const f = join(shared, name);
    writeFileSync(f, body);
    assert.throws(() => loadGoldFile(f, shared), (e: Error) => e.message.includes(f) && why.test(e.message));
  };
  bad('a.json', '{not json', /not valid JSON/);
  bad('b.json', JSON.stringify({ file: 'samples/missing.txt', quotes: [] }), /not found/);
  bad('c.json', JSON.stringify({ file: 'samples/a.txt', quotes: [{ kind: 'rumour', content: { start: 0, end: 4 }, speaker: null }] }), /kind must be/);
  bad('d.json', JSON.stringify({ file: 'samples/a.txt', quotes: [{ kind: 'direct', content: { start: 0, end: 400 }, speaker: null }] }), /outside the article/);
});

test('the committed gold set: 40+ articles incl. both samples, offsets only', { skip: !existsSync(join(sharedDir, 'samples')) && 'shared data not available' }, () => {
  const gold = loadGoldDir(defaultGoldDir, sharedDir);
  assert.ok(gold.length >= 40, `${gold.length} gold articles`);
  assert.ok(gold.filter((g) => g.file.startsWith('samples/')).length >= 2);
  assert.ok(gold.filter((g) => g.file.startsWith('data/ptc/train-articles/')).length >= 38);
  const quotes = gold.flatMap((g) => g.quotes);
  assert.ok(quotes.length >= 200);
  for (const q of quotes) assert.ok(q.content.end > q.content.start);
});
