/** PTC file reading: code-point offsets, and errors that name the file and line. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkSpans, parsePtcLabels, readPtcArticles } from '../../src/eval/ptc/corpus.js';

test('labels: SI and TC layouts parse; bad lines name file and line', () => {
  assert.deepEqual(parsePtcLabels('1\t0\t4\n\n2\t3\t9\n', 'si.labels', 'si'), [
    { id: '1', start: 0, end: 4, line: 1 },
    { id: '2', start: 3, end: 9, line: 3 },
  ]);
  const tc = parsePtcLabels('1\tDoubt\t0\t4\n', 'tc.labels', 'tc');
  assert.equal(tc[0].technique, 'Doubt');
  assert.throws(() => parsePtcLabels('1\tDoubt\t0\t4\n1\tNope\t0\t4\n', 'tc.labels', 'tc'), /tc\.labels:2: unknown technique 'Nope'/);
  assert.throws(() => parsePtcLabels('1\tx\t5\t4\n', 'f.txt', 'tc-any'), /f\.txt:1: bad offsets/);
  assert.throws(() => parsePtcLabels('1\t5\n', 'f.txt', 'si'), /f\.txt:1: expected 3 tab-separated columns/);
  // tc-any ignores the technique column (predict-tc input).
  assert.equal(parsePtcLabels('7\t?\t1\t2\n', 'f.txt', 'tc-any')[0].technique, undefined);
});

test('articles: ids from file names, code-point offsets survive emoji; out-of-range spans are errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ptc-'));
  writeFileSync(join(dir, 'article42.txt'), 'Title 😀\n\nThey are liars.\n');
  writeFileSync(join(dir, 'notes.md'), 'ignored');
  const [a] = readPtcArticles(dir);
  assert.equal(a.id, '42');
  // "liars" starts at code point 18 but UTF-16 unit 19 (the emoji takes two units).
  assert.equal(a.text.slice(a.offsets.toUnit(18), a.offsets.toUnit(23)), 'liars');
  const articles = new Map([[a.id, a]]);
  assert.throws(() => checkSpans([{ id: '42', start: 0, end: 500, line: 3 }], articles, 'g.labels'), /g\.labels:3: span 0\.\.500 beyond the end/);
  assert.throws(() => checkSpans([{ id: '9', start: 0, end: 1, line: 1 }], articles, 'g.labels'), /g\.labels:1: no article9\.txt/);
  assert.throws(() => readPtcArticles(join(dir, 'missing')), /cannot list articles folder/);
});
