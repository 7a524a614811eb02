/** readInputs over files, folders, globs, stdin and every record format, plus each bad-input case. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { collect, fixture, tempDir } from './helpers.js';
import { describeSource } from '../../src/ingest/types.js';
import { defaultIngestOptions, parseByteSize, parseDuration, resolveOptions } from '../../src/ingest/options.js';

const SENTENCE = 'The invented town of Harl opened a new public library on Monday, the mayor said in a statement.';

test('defaults are sensible', () => {
  assert.equal(defaultIngestOptions.maxBytes, 5 * 1024 * 1024);
  assert.equal(defaultIngestOptions.fetchLinks, false);
  assert.ok(defaultIngestOptions.timeoutMs > 0);
  assert.match(defaultIngestOptions.userAgent, /^narrascope\/\d+\.\d+\.\d+/);
});

test('CLI values: sizes and durations', () => {
  assert.equal(parseByteSize('5MB'), 5 * 1024 * 1024);
  assert.equal(parseByteSize('512k'), 512 * 1024);
  assert.equal(parseByteSize('1000'), 1000);
  assert.throws(() => parseByteSize('lots'), /invalid size 'lots'/);
  assert.equal(parseDuration('15s'), 15000);
  assert.equal(parseDuration('250'), 250);
  assert.throws(() => parseDuration('-1'), /invalid duration/);
  assert.throws(() => resolveOptions({ maxBytes: 0 }), /maxBytes must be a positive number/);
});

test('plain text and HTML files', async () => {
  const { ok, failed } = await collect([fixture('folder', 'a.txt'), fixture('page.html')]);
  assert.equal(failed.length, 0);
  assert.equal(ok[0].format, 'text');
  assert.ok(ok[0].text?.includes('orchestra'));
  assert.equal(ok[1].format, 'html');
  assert.ok(ok[1].html?.includes('<article>'));
  assert.deepEqual(ok[0].source, { kind: 'file', path: fixture('folder', 'a.txt') });
});

test('JSONL with a broken line: the other records come through, the failure names the line', async () => {
  const path = fixture('records.jsonl');
  const { ok, failed, all } = await collect([path]);
  assert.deepEqual(ok.map((r) => r.id), ['r-1', 'r-3', '5']);
  assert.equal(ok[0].title, 'Mill reopens after flood');
  assert.equal(ok[0].published, '2024-05-06');
  assert.equal(ok[0].outlet, 'Pellow Gazette');
  assert.deepEqual(ok[0].extra, { author: 'T. Vane' });
  assert.equal(ok[0].source.line, 1);
  assert.equal(ok[1].html?.includes('ferry'), true);
  assert.equal(ok[2].source.line, 7);
  const byLine = new Map(failed.map((f) => [f.source.line, f.reason]));
  assert.match(byLine.get(2)!, /^malformed JSON on line 2: /);
  assert.match(byLine.get(4)!, /neither 'text' nor 'html' \(fields: id, title, summary\)/);
  assert.match(byLine.get(5)!, /must be a JSON object, got an array/);
  assert.equal(describeSource(failed[0].source), `${path}:2`);
  // Order is kept: record 1, failure 2, record 3, failure 4, failure 5, record 7.
  assert.deepEqual(all.map((x) => x.source.line), [1, 2, 3, 4, 5, 7]);
});

test('JSON array: records by item index, bad fields named', async () => {
  const { ok, failed } = await collect([fixture('records.json')]);
  assert.deepEqual(ok.map((r) => r.source.item), [0, 2]);
  assert.equal(ok[0].format, 'json');
  assert.equal(ok[0].published, '1715000000');
  assert.equal(failed.length, 1);
  assert.equal(failed[0].source.item, 1);
  assert.match(failed[0].reason, /field 'text' must be a string, got number/);
});

test('RSS feed: items from content:encoded / description; an empty item is a failure naming it', async () => {
  const { ok, failed } = await collect([fixture('feed.rss')]);
  assert.equal(ok.length, 2);
  assert.equal(ok[0].format, 'rss');
  assert.equal(ok[0].title, 'Lighthouse keeper retires after forty years');
  assert.equal(ok[0].url, 'https://imaginary-herald.example.net/lighthouse');
  assert.equal(ok[0].id, 'ih-101');
  assert.equal(ok[0].published, 'Tue, 02 Apr 2024 09:00:00 GMT');
  assert.ok(ok[0].html?.includes('<p>'));
  assert.ok(ok[1].text?.startsWith('The council'));
  assert.equal(ok[1].source.item, 1);
  assert.equal(failed.length, 1);
  assert.equal(failed[0].source.item, 2);
  assert.match(failed[0].reason, /no content or description \(use --fetch to read its link https:\/\/imaginary-herald\.example\.net\/empty\)/);
});

test('Atom feed: entries from content / summary', async () => {
  const { ok, failed } = await collect([fixture('feed.atom')]);
  assert.equal(failed.length, 0);
  assert.equal(ok.length, 2);
  assert.equal(ok[0].format, 'atom');
  assert.equal(ok[0].url, 'https://notional-times.example.org/observatory');
  assert.equal(ok[0].published, '2024-04-09T18:30:00Z');
  assert.ok(ok[0].html?.startsWith('<p>'));
  assert.equal(ok[1].url, 'https://notional-times.example.org/choir');
  assert.equal(ok[1].published, '2024-04-10T08:00:00Z');
  assert.ok(ok[1].text?.includes('youth choir'));
});

test('folders: recursive, sorted, hidden files skipped, unsupported types reported', async () => {
  const { all } = await collect([fixture('folder')]);
  assert.deepEqual(all.map((x) => x.source.path), [fixture('folder', 'a.txt'), fixture('folder', 'c.pdf'), fixture('folder', 'sub', 'b.html')]);
  const pdf = all[1] as { reason: string };
  assert.match(pdf.reason, /unsupported file type '\.pdf'/);
});

test('globs: ** across folders, * within one; no match is a failure', async () => {
  const base = fixture('folder').split('\\').join('/');
  const { ok } = await collect([`${base}/**/*.html`]);
  assert.deepEqual(ok.map((x) => x.source.path), [`${base}/sub/b.html`]);
  const { all } = await collect([`${base}/*.{txt,pdf}`]);
  assert.deepEqual(all.map((x) => x.source.path), [`${base}/a.txt`, `${base}/c.pdf`]);
  const none = await collect([`${base}/*.nothing`]);
  assert.equal(none.failed.length, 1);
  assert.match(none.failed[0].reason, /no files match/);
});

test('stdin: "-" reads the stream and detects the format from content', async () => {
  const stdin = Readable.from([Buffer.from(`{"id":"s1","text":"${SENTENCE}"}\n{"id":"s2","text":"${SENTENCE}"}\n`)]);
  const { ok } = await collect(['-'], { stdin });
  assert.deepEqual(ok.map((x) => [x.id, x.format, x.source.kind, x.source.line]), [['s1', 'jsonl', 'stdin', 1], ['s2', 'jsonl', 'stdin', 2]]);
  const txt = await collect(['-'], { stdin: Readable.from([SENTENCE]) });
  assert.equal(txt.ok[0].format, 'text');
  assert.equal(describeSource(txt.ok[0].source), '<stdin>');
  const empty = await collect(['-'], { stdin: Readable.from([]) });
  assert.match(empty.failed[0].reason, /empty/);
});

test('format from content when the extension says otherwise', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'page.txt'), `<!DOCTYPE html><html><body><p>${SENTENCE}</p></body></html>`);
  writeFileSync(join(dir, 'lines.json'), `{"text":"${SENTENCE}"}\n{"text":"${SENTENCE}"}\n`);
  writeFileSync(join(dir, 'noext'), `<rss version="2.0"><channel><item><description>${SENTENCE}</description></item></channel></rss>`);
  const { ok } = await collect([join(dir, 'page.txt'), join(dir, 'lines.json'), join(dir, 'noext')]);
  assert.deepEqual(ok.map((x) => x.format), ['html', 'jsonl', 'jsonl', 'rss']);
});

test('bad inputs: each is a failure naming the file with a clear reason, and reading goes on', async () => {
  const dir = tempDir();
  const f = (name: string, data: string | Uint8Array): string => {
    const p = join(dir, name);
    writeFileSync(p, data);
    return p;
  };
  const good = f('good.txt', SENTENCE);
  const cases: [string, RegExp][] = [
    [f('empty.txt', ''), /^empty file \(0 bytes\)$/],
    [f('blank.txt', '  \n\n '), /only whitespace/],
    [f('binary.txt', new Uint8Array([0x48, 0x69, 0x00, 0x01, 0x02, 0x03])), /binary file \(contains NUL bytes\)/],
    [f('controls.txt', new Uint8Array(Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)))), /binary file \(\d+% control characters\)/],
    [f('latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b])), /invalid UTF-8 at byte 3/],
    [f('utf16.txt', new Uint8Array([0xff, 0xfe, 0x41, 0x00])), /UTF-16/],
    [f('big.txt', 'x'.repeat(2000)), /too large: 2000 bytes exceeds the limit of 1000 bytes/],
    [f('bad.json', '{"text": "unterminated'), /^invalid JSON: /],
    [f('empty-array.json', '[]'), /JSON array is empty/],
    [f('broken.xml', '<rss><channel><item>'), /malformed XML feed/],
    [f('notfeed.xml', '<?xml version="1.0"?><catalog><book/></catalog>'), /not an RSS or Atom feed/],
    [f('nofeeditems.rss', '<rss version="2.0"><channel><title>x</title></channel></rss>'), /RSS feed has no items/],
    [join(dir, 'missing.txt'), /no such file or directory/],
    [join(dir, 'good.txt', 'child.txt'), /not a directory/],
  ];
  const emptyDir = join(dir, 'emptydir');
  mkdirSync(emptyDir);
  cases.push([emptyDir, /folder has no files/]);
  cases.push([f('scan.pdf', 'looks like text but is named .pdf'), /unsupported file type '\.pdf'/]);
  cases.push([f('notes.log', 'A log line that is plain text: read, not refused.'), /NOT-A-FAILURE/]);
  const { all } = await collect([...cases.map(([p]) => p), good], { maxBytes: 1000 });
  assert.equal(all.length, cases.length + 1);
  cases.forEach(([path, re], i) => {
    const x = all[i] as { reason?: string; text?: string; source: { path: string } };
    if (re.source === 'NOT-A-FAILURE') {
      assert.equal(x.reason, undefined, `${path}: ${x.reason}`);
      assert.ok(x.text?.startsWith('A log line'));
      return;
    }
    assert.equal(x.source.path, path);
    assert.ok(x.reason, `${path} was not reported as a failure`);
    assert.match(x.reason, re, `${path}: ${x.reason}`);
  });
  assert.equal((all[cases.length] as { text?: string }).text, SENTENCE);
});

test('unreadable file: permission denied (skipped when running as root)', async (t) => {
  if (process.getuid?.() === 0) {
    t.skip('root can read anything');
    return;
  }
  const dir = tempDir();
  const p = join(dir, 'locked.txt');
  writeFileSync(p, SENTENCE);
  chmodSync(p, 0o000);
  const { failed } = await collect([p]);
  assert.match(failed[0].reason, /permission denied/);
});

test('non-UTF-8 declared in an HTML page is decoded with its charset', async () => {
  const dir = tempDir();
  // "café" in windows-1252, declared by <meta charset>.
  const head = Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>caf');
  const p = join(dir, 'legacy.html');
  writeFileSync(p, Buffer.concat([head, Buffer.from([0xe9]), Buffer.from(' ouvert.</p></body></html>')]));
  const { ok } = await collect([p]);
  assert.ok(ok[0].html?.includes('café ouvert'));
});
