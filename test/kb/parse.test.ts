import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEuvsdisinfoCsv } from '../../src/kb/parse-euvsdisinfo.js';
import { parseClaimReviewJson } from '../../src/kb/parse-claimreview.js';
import { parseJsonl } from '../../src/kb/parse-jsonl.js';
import { parseCaseDate, splitList, normalizeClaim } from '../../src/kb/normalize.js';
import { KbStore } from '../../src/store/kb-sqlite.js';
import { importCaseFile, detectFormat } from '../../src/kb/import.js';

// Invented cases in both EUvsDisinfo layouts (no text from the real database).
const OLD = [
  '"issue","date","outlet","language","origin","reported by","keywords","source","title","summary","disproof"',
  '1,10/03/17,"Outlet A","English","Xland","R","Moon landing, Space","http://a.example/1","The moon is made of cheese","A long summary of the cheese\nclaim over two lines.","No, it is rock."',
  '1,13/45/17,"Outlet A","English","Xland","R","Space","http://a.example/2","Bad date row","s","d"',
  '1,10/04/17,"Outlet B","English","Xland","R","Space","http://a.example/3","","s","d"',
  '1,10/03/17,"Outlet C","English","Xland","R","Space","http://a.example/4","The Moon is made of cheese!","dup","dup"',
].join('\n');
const INDEX = [
  'date,id,title,countries,keywords,languages,outlets',
  '2017-10-03,https://kb.example/report/moon-cheese/,The moon is made of cheese,Xland,Moon landing+Cheese,English,Outlet A+Outlet D',
  '2019-02-28,https://kb.example/report/other/,Another invented claim,Yland,Space,English,',
  '2019-02-28,https://kb.example/report/other/,Another invented claim again,Yland,Space,English,',
].join('\n');

test('dates in both layouts, and invalid dates rejected', () => {
  assert.equal(parseCaseDate('10/03/17'), '2017-10-03');
  assert.equal(parseCaseDate('2021-02-18'), '2021-02-18');
  assert.equal(parseCaseDate('03.10.2017'), '2017-10-03');
  assert.equal(parseCaseDate('13/45/17'), undefined);
  assert.equal(parseCaseDate('2021-02-30'), undefined);
  assert.equal(parseCaseDate('yesterday'), undefined);
});

test('lists split on + or commas', () => {
  assert.deepEqual(splitList('A+B C+A'), ['A', 'B C']);
  assert.deepEqual(splitList('A, B C ,'), ['A', 'B C']);
  assert.deepEqual(splitList(''), []);
  assert.equal(normalizeClaim('The “Moon” is made of cheese!'), 'the moon is made of cheese');
});

test('older layout: multi-line cells, bad dates and missing claims reported with their line', () => {
  const r = parseEuvsdisinfoCsv(OLD, 'old.csv');
  assert.equal(r.cases.length, 2);
  const c = r.cases[0];
  assert.equal(c.claim, 'The moon is made of cheese');
  assert.equal(c.date, '2017-10-03');
  assert.deepEqual(c.keywords, ['Moon landing', 'Space']);
  assert.deepEqual(c.outlets, ['Outlet A']);
  assert.equal(c.sourceUrl, 'http://a.example/1');
  assert.equal(c.url, undefined);
  assert.match(c.id, /^case:/);
  // Line numbers count the physical lines of the file (the first record spans lines 2-3).
  assert.deepEqual(r.problems, [
    { file: 'old.csv', line: 4, reason: "bad date '13/45/17'" },
    { file: 'old.csv', line: 5, reason: 'missing claim (title)' },
  ]);
});

test('index layout: + lists and case URLs; missing columns tolerated', () => {
  const r = parseEuvsdisinfoCsv(INDEX, 'index.csv');
  assert.equal(r.cases.length, 3);
  assert.equal(r.cases[0].url, 'https://kb.example/report/moon-cheese/');
  assert.deepEqual(r.cases[0].outlets, ['Outlet A', 'Outlet D']);
  const minimal = parseEuvsdisinfoCsv('title\nOnly a claim\n', 'min.csv');
  assert.equal(minimal.cases[0].claim, 'Only a claim');
  assert.equal(minimal.cases[0].date, undefined);
  assert.throws(() => parseEuvsdisinfoCsv('a,b\n1,2\n', 'x.csv'), /x\.csv: no claim column/);
});

test('import de-duplicates by URL and by normalized claim + date, merging fields, and reports per file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kb-parse-'));
  try {
    writeFileSync(join(dir, 'old.csv'), OLD);
    writeFileSync(join(dir, 'index.csv'), INDEX);
    const kb = KbStore.open(join(dir, 'kb.db'));
    const a = importCaseFile(kb, join(dir, 'old.csv'));
    assert.deepEqual([a.imported, a.duplicateClaim, a.duplicateUrl, a.failed.length], [1, 1, 0, 2]);
    const b = importCaseFile(kb, join(dir, 'index.csv'));
    assert.deepEqual([b.imported, b.duplicateClaim, b.duplicateUrl, b.failed.length], [1, 1, 1, 0]);
    assert.equal(kb.count(), 2);
    // The index row with the same claim and date filled the URL and merged keywords into the older case.
    const merged = kb.getCase('https://kb.example/report/moon-cheese/')!;
    assert.equal(merged.summary?.startsWith('A long summary'), true);
    assert.deepEqual(merged.keywords, ['Moon landing', 'Space', 'Cheese']);
    assert.equal(kb.getCase(merged.id.slice(0, 12))?.id, merged.id);
    assert.equal(kb.search('cheese moon', 5)[0].id, merged.id);
    // FTS stays in step with merges: one row per case.
    assert.equal(kb.search('cheese', 10).length, 1);
    kb.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('ClaimReview JSON: feeds, graphs and bad items', () => {
  const feed = {
    '@context': 'https://schema.org',
    '@type': 'DataFeed',
    dataFeedElement: [
      {
        '@type': 'ClaimReview',
        url: 'https://factcheck.example/r/1',
        claimReviewed: 'Invented claim about rain',
        datePublished: '2020-05-01',
        reviewRating: { '@type': 'Rating', alternateName: 'False' },
        author: { '@type': 'Organization', name: 'Checker' },
        itemReviewed: { '@type': 'Claim', author: { name: 'Some Site' }, appearance: [{ url: 'https://bad.example/x' }] },
      },
      { '@type': 'ClaimReview', url: 'https://factcheck.example/r/2' },
      { '@type': 'ClaimReview', claimReviewed: 'x', datePublished: 'not a date' },
    ],
  };
  const r = parseClaimReviewJson(JSON.stringify(feed), 'feed.json');
  assert.equal(r.cases.length, 1);
  assert.equal(r.cases[0].disproof, 'Rating: False by Checker');
  assert.deepEqual(r.cases[0].outlets, ['Some Site']);
  assert.equal(r.cases[0].sourceUrl, 'https://bad.example/x');
  assert.equal(r.problems.length, 2);
  assert.match(r.problems[0].reason, /missing claimReviewed/);
  assert.match(r.problems[1].reason, /bad date/);
  assert.throws(() => parseClaimReviewJson('{"a":1}', 'x.json'), /x\.json: no schema\.org ClaimReview/);
  assert.throws(() => parseClaimReviewJson('{', 'y.json'), /y\.json: not valid JSON/);
});

test('JSONL: one case per line, errors name the line', () => {
  const text = ['{"claim":"Invented A","keywords":["K1","K2"],"date":"2020-01-02"}', '', 'not json', '{"summary":"no claim"}', '{"claim":"B","date":"2020-13-01"}', '{"@type":"ClaimReview","claimReviewed":"C"}'].join('\n');
  const r = parseJsonl(text, 'cases.jsonl');
  assert.deepEqual(r.cases.map((c) => c.claim), ['Invented A', 'C']);
  assert.deepEqual(r.problems.map((p) => p.line), [3, 4, 5]);
  assert.match(r.problems[0].reason, /not valid JSON/);
  assert.equal(detectFormat('x.jsonl', ''), 'jsonl');
  assert.equal(detectFormat('x', '[{"@type":"ClaimReview"}]'), 'claimreview');
});
