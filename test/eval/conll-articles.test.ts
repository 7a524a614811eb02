import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { conllArticleText } from '../../src/eval/conll-articles.js';
import { goldArticleKey, loadGoldFile } from '../../src/eval/quotes/gold.js';

// Invented wire copy, one token per line as in CoNLL-2003.
const sentences = [
  'TENNIS - BERG WINS IN OSLO .',
  'OSLO 1996-08-30',
  'Ana Berg , who lost in ( early ) rounds last year , did n\'t drop a set on Friday .',
  '" I was calm today , " Berg said , " and the crowd helped . "',
  '" It is $ 5 , " she added .',
  '" The second set was hard .',
  '" I am glad it is over . "',
  // The sentence split left the next quote's opening mark at the end of this sentence.
  '" We won , " Berg said . "',
  'The crowd helped . "',
];
const conll = '-DOCSTART- O\n\n' + sentences.map((s) => s.split(' ').map((w) => `${w} O`).join('\n')).join('\n\n') + '\n\n-DOCSTART- O\n\nSecond O\ndocument O\n. O\n';

function fakeShared(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ns-conll-'));
  writeFileSync(join(dir, 'v.txt'), conll);
  return dir;
}

test('a CoNLL document becomes article text: headline, blank line, a sentence per line, ordinary spacing', () => {
  const text = conllArticleText(join(fakeShared(), 'v.txt'), 0);
  assert.deepEqual(text.split('\n'), [
    'TENNIS - BERG WINS IN OSLO.',
    '',
    'OSLO 1996-08-30',
    "Ana Berg, who lost in (early) rounds last year, didn't drop a set on Friday.",
    '"I was calm today," Berg said, "and the crowd helped."',
    '"It is $5," she added.',
    // A quote reopened at a new sentence without being closed (wire style) still opens there.
    '"The second set was hard.',
    '"I am glad it is over."',
    '"We won," Berg said.',
    '"The crowd helped."',
    '',
  ]);
  assert.equal(conllArticleText(join(fakeShared(), 'v.txt'), 1), 'Second document.\n\n');
});

test('a missing document number is an error naming the file and the count', () => {
  const path = join(fakeShared(), 'v.txt');
  assert.throws(() => conllArticleText(path, 2), (e: Error) => e.message.includes(path) && /2 documents/.test(e.message));
});

test('gold files may label a CoNLL document: offsets count in the derived text', () => {
  const shared = fakeShared();
  const text = conllArticleText(join(shared, 'v.txt'), 0);
  const start = text.indexOf('I was calm');
  const who = text.indexOf('Ana Berg');
  const g = join(shared, 'g.json');
  writeFileSync(g, JSON.stringify({ file: 'v.txt', doc: 0, quotes: [{ kind: 'direct', content: { start, end: start + 'I was calm today,'.length }, speaker: { start: who, end: who + 8 } }] }));
  const gold = loadGoldFile(g, shared);
  assert.equal(gold.quotes[0]!.speakerName, 'Ana Berg');
  assert.equal(goldArticleKey(gold), 'v.txt#0');
  writeFileSync(g, JSON.stringify({ file: 'v.txt', doc: 7, quotes: [] }));
  assert.throws(() => loadGoldFile(g, shared), (e: Error) => e.message.includes(g) && /document 7 does not exist/.test(e.message));
  writeFileSync(g, JSON.stringify({ file: 'v.txt', doc: 'first', quotes: [] }));
  assert.throws(() => loadGoldFile(g, shared), (e: Error) => e.message.includes(g) && /"doc" must be/.test(e.message));
});
