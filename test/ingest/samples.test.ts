/**
 * THE acceptance test: the two real sample pages in shared/samples. The repo must not contain
 * their text, so expectations are raw line numbers; the files are read at test time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '../../src/util/paths.js';
import { buildDoc } from '../../src/ingest/build-doc.js';
import { normalizeSpace } from '../../src/ingest/clean.js';
import type { Doc } from '../../src/nlp/doc.js';

const samples = join(sharedDir, 'samples');
const skip = existsSync(samples) ? false : `no ${samples}`;

interface Expect {
  file: string;
  furniture: number[];
  notes: number[];
  /** Line whose opening date/time prefix is cut (the rest of the line is kept). */
  datelineLine?: number;
  published?: string;
  retrieved?: string;
}

const EXPECT: Expect[] = [
  { file: '000_bc5885eb097b5c29.txt', furniture: [1, 2, 3, 13, 30, 31, 32, 33, 34], notes: [27], retrieved: '2021-04-11T14:01' },
  { file: '001_ad484c6a99a0c8ec.txt', furniture: [13, 23, 24], notes: [], datelineLine: 1, published: '2018-11-03T14:13' },
];

function load(file: string): { lines: string[]; doc: Doc } {
  const path = join(samples, file);
  const raw = readFileSync(path, 'utf8');
  return { lines: raw.split('\n'), doc: buildDoc({ source: { kind: 'file', path }, format: 'text', text: raw }) };
}

for (const e of EXPECT) {
  test(`sample ${e.file}: furniture removed, every body line kept`, { skip }, () => {
    const { lines, doc } = load(e.file);
    const paragraphs = new Set(doc.layers.paragraphs!.map((p) => doc.text.slice(p.start, p.end)));
    lines.forEach((rawLine, i) => {
      const n = i + 1;
      const line = normalizeSpace(rawLine);
      if (!line) return;
      if (e.furniture.includes(n)) {
        assert.ok(!doc.text.includes(line), `furniture line ${n} is still in the text`);
        const block = doc.removed.find((r) => r.line === n);
        assert.ok(block, `line ${n} has no removed block`);
        assert.ok(block.reasons.length > 0, `removed line ${n} carries no reason`);
        assert.ok(block.score >= 0.5, `removed line ${n} scored ${block.score}`);
      } else if (n === e.datelineLine) {
        const block = doc.removed.find((r) => r.line === n && r.reasons.includes('dateline-prefix'));
        assert.ok(block, `line ${n}: dateline prefix not recorded`);
        const kept = [...paragraphs].find((p) => line.endsWith(p) && p.length > line.length / 2);
        assert.ok(kept, `line ${n}: the sentence after the dateline is lost`);
        assert.equal(normalizeSpace(`${block.text} ${kept}`), line, `line ${n}: prefix + kept text must give back the line`);
      } else {
        assert.ok(paragraphs.has(line), `body line ${n} is missing from doc.text`);
      }
    });
    // Nothing else was removed.
    const removedLines = doc.removed.filter((r) => !r.reasons.includes('dateline-prefix')).map((r) => r.line);
    assert.deepEqual(removedLines, e.furniture);
    assert.ok(!doc.text.startsWith(' ') && !/\n /.test(doc.text), 'indentation left in the text');
  });

  test(`sample ${e.file}: notes marked, dates right`, { skip }, () => {
    const { lines, doc } = load(e.file);
    const notes = doc.layers.paragraphs!.filter((p) => p.kind === 'note').map((p) => doc.text.slice(p.start, p.end));
    assert.deepEqual(notes, e.notes.map((n) => normalizeSpace(lines[n - 1])));
    if (e.published) {
      assert.ok(doc.meta.published, 'no publication date');
      assert.ok(doc.meta.published.value.startsWith(e.published), `published = ${doc.meta.published.value}`);
      assert.ok(doc.meta.published.method.startsWith('text:'));
      assert.ok(doc.meta.published.evidence);
    } else assert.equal(doc.meta.published, undefined, 'a render timestamp was taken as the publication date');
    if (e.retrieved) {
      assert.ok(doc.meta.retrieved, 'no retrieved timestamp');
      assert.ok(doc.meta.retrieved.value.startsWith(e.retrieved), `retrieved = ${doc.meta.retrieved.value}`);
    } else assert.equal(doc.meta.retrieved, undefined);
    assert.equal(doc.meta.language?.value, 'en');
    assert.equal(doc.meta.title, undefined, 'these pages have no title line');
    assert.match(doc.meta.contentHash, /^[0-9a-f]{64}$/);
    assert.equal(doc.id, doc.meta.contentHash.slice(0, 16));
  });
}

test('removed blocks point into doc.text', { skip }, () => {
  for (const e of EXPECT) {
    const { doc } = load(e.file);
    for (const r of doc.removed) assert.ok(r.at >= 0 && r.at <= doc.text.length, `at=${r.at}`);
    const starts = new Set([0, ...doc.layers.paragraphs!.map((p) => p.start), doc.text.length]);
    for (const r of doc.removed) assert.ok(starts.has(r.at), `removed block at ${r.at} is not at a paragraph boundary`);
  }
});
