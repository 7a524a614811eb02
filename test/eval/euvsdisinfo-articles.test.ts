import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { caseArticleText } from '../../src/eval/euvsdisinfo-articles.js';
import { goldArticleKey, loadGoldFile } from '../../src/eval/quotes/gold.js';

// Invented cases in the layout of the 2015–2017 case file (quoted fields, a newline inside one).
const csv = [
  'issue,date,outlet,title,summary,disproof',
  '1,03/30/17,example.org,Norland is sinking.,"Norland is sinking, the  outlet claims.","No evidence.\nThe Norland coast guard said the ""sinking"" is a tide."',
  '2,04/01/17,example.org,A claim.,A claim with no disproof.,',
].join('\n');

function fakeShared(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ns-cases-'));
  writeFileSync(join(dir, 'cases.csv'), csv);
  return dir;
}

test('an EUvsDisinfo case becomes article text: summary, blank line, disproof, whitespace runs collapsed', () => {
  const dir = fakeShared();
  assert.equal(
    caseArticleText(join(dir, 'cases.csv'), 0),
    'Norland is sinking, the outlet claims.\n\nNo evidence. The Norland coast guard said the "sinking" is a tide.\n',
  );
  // An empty disproof leaves the summary alone.
  assert.equal(caseArticleText(join(dir, 'cases.csv'), 1), 'A claim with no disproof.\n');
  assert.throws(() => caseArticleText(join(dir, 'cases.csv'), 2), /case 2 does not exist \(the file has 2 cases/);
});

test('a gold file can point at a case row; offsets are into the derived text', () => {
  const dir = fakeShared();
  const file = join(dir, 'g.json');
  const text = caseArticleText(join(dir, 'cases.csv'), 0);
  const content = text.indexOf('the "sinking"');
  const speaker = text.indexOf('The Norland coast guard');
  writeFileSync(file, JSON.stringify({ file: 'cases.csv', doc: 0, quotes: [{ kind: 'indirect', content: { start: content, end: text.indexOf(' is a tide') + 10 }, speaker: { start: speaker + 4, end: speaker + 23 } }] }));
  const g = loadGoldFile(file, dir);
  assert.equal(g.quotes[0].speakerName, 'Norland coast guard');
  assert.equal(g.text.slice(g.quotes[0].content.start, g.quotes[0].content.end), 'the "sinking" is a tide');
  assert.equal(goldArticleKey(g), 'cases.csv#0');
  writeFileSync(file, JSON.stringify({ file: 'cases.csv', doc: 9, quotes: [] }));
  assert.throws(() => loadGoldFile(file, dir), (e: Error) => e.message.includes(file) && /case 9 does not exist/.test(e.message));
});
