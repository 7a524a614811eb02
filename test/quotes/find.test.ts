/** All texts here are invented for the tests. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes } from '../../src/analyzers/quotes/find.js';
import type { Quote } from '../../src/analyzers/quotes/types.js';
import { docWith } from './helpers.js';

const content = (text: string, q: Quote) => text.slice(q.content.start, q.content.end);

function wellFormed(text: string, quotes: Quote[]) {
  for (const q of quotes) {
    assert.ok(q.start >= 0 && q.end <= text.length && q.start < q.end, 'offsets inside the text');
    assert.ok(q.content.start >= q.start && q.content.end <= q.end, 'content inside the quote span');
    assert.ok(q.confidence >= 0 && q.confidence <= 1);
    assert.match(q.by, /^quotes@\d/);
  }
}

test('direct quote with the speaker after it, content without the marks', () => {
  const text = '“The ferry will leave at dawn tomorrow,” Dvorak said.';
  const qs = findQuotes(docWith(text));
  wellFormed(text, qs);
  assert.equal(qs.length, 1);
  assert.equal(qs[0].kind, 'direct');
  assert.equal(content(text, qs[0]), 'The ferry will leave at dawn tomorrow');
  assert.equal(qs[0].speaker?.name, 'Dvorak');
  assert.equal(qs[0].cue?.text, 'said');
});

test('split quote: the second part keeps the speaker, the pronoun resolves to the named speaker', () => {
  const text = 'Marek Dvorak spoke at the harbour board.\n"Do you know that the operator cancelled the contract?" Dvorak said. "They want the strike to go on."\nThe drivers, he added, are mostly from the north and want to keep striking.';
  const qs = findQuotes(docWith(text));
  wellFormed(text, qs);
  assert.deepEqual(qs.map((q) => q.speaker?.name), ['Marek Dvorak', 'Marek Dvorak', 'Marek Dvorak']);
  assert.equal(qs[1].speaker?.resolvedBy, 'previous-speaker');
  assert.equal(qs[2].speaker?.resolvedBy, 'pronoun');
  assert.equal(qs[2].kind, 'indirect');
});

test('reported speech with "said that" and an appositive subject', () => {
  const text = "The union's head, Anna Kovac, said in August that the drivers were not paid for overtime.";
  const qs = findQuotes(docWith(text));
  assert.equal(qs.length, 1);
  assert.equal(qs[0].kind, 'indirect');
  assert.equal(qs[0].speaker?.name, 'Anna Kovac');
  assert.equal(content(text, qs[0]), 'the drivers were not paid for overtime');
});

test('"according to" with an appositive name; titles and pronouns resolve to it', () => {
  const text = [
    'According to the spokeswoman of the Transport Ministry, Lena Novak, the new line will open in May.',
    '“Engineers have finished most of the tunnel work on schedule,” the spokeswoman said.',
    'Later, the official said she would publish the safety report next week.',
    '“What worries us is that the budget may not cover the stations,” she said.',
  ].join('\n');
  const qs = findQuotes(docWith(text));
  wellFormed(text, qs);
  assert.equal(qs[0].kind, 'according-to');
  assert.deepEqual(qs.map((q) => q.speaker?.name), ['Lena Novak', 'Lena Novak', 'Lena Novak', 'Lena Novak']);
  assert.deepEqual(qs.map((q) => q.speaker?.resolvedBy), ['name', 'title', 'title', 'pronoun']);
});

test('"the ministry" resolves to the organisation named before', () => {
  const text = "Norway’s Transport Ministry said on Friday that the bridge is safe for heavy trucks.\n“We are sure that the inspection will confirm our findings,” the ministry noted.";
  const qs = findQuotes(docWith(text));
  assert.equal(qs.length, 2);
  assert.equal(qs[1].speaker?.name, 'Norway’s Transport Ministry');
  assert.equal(qs[1].speaker?.resolvedBy, 'title');
});

test('inverted reported speech: "…, X said during a session"', () => {
  const text = 'The port wants the old cranes to be removed as quickly as possible, Minister of State Tomas Brandt said during a session on Wednesday.';
  const qs = findQuotes(docWith(text));
  assert.equal(qs.length, 1);
  assert.equal(qs[0].speaker?.name, 'Tomas Brandt');
  assert.equal(content(text, qs[0]), 'The port wants the old cranes to be removed as quickly as possible');
});

test('unattributed quotes get no speaker; scare quotes are not quotes', () => {
  const text = 'The so-called "temporary repairs" took a year.\nThe banner read: “We will never forget what happened here.”';
  const qs = findQuotes(docWith(text));
  assert.equal(qs.length, 1);
  assert.equal(qs[0].speaker, undefined);
  assert.equal(content(text, qs[0]), 'We will never forget what happened here.');
});

test('a quote running over lines is one quote; nested single quotes stay inside', () => {
  const text = 'Ines Ortega, head of operations, said: “With storms like this there is a risk of ‘flooding from below’.\nWe have sent pumps to the neighbouring towns.” Visitors were warned.';
  const qs = findQuotes(docWith(text));
  assert.equal(qs.length, 1);
  assert.equal(qs[0].speaker?.name, 'Ines Ortega');
  assert.ok(content(text, qs[0]).endsWith('neighbouring towns.'));
  assert.ok(content(text, qs[0]).includes('‘flooding from below’'));
});

test('speaker mentions link to NER entities when present', () => {
  const text = 'The city’s envoy Marek al-Dvorak spoke.\n“The council has to launch an inquiry immediately,” Dvorak said.';
  const doc = docWith(text, [{ text: 'Marek al-Dvorak', label: 'PER' }, { text: 'Dvorak', label: 'PER', canonical: 'Marek al-Dvorak' }]);
  const qs = findQuotes(doc);
  assert.equal(qs.length, 1);
  assert.equal(qs[0].speaker?.entity, 'e0');
  assert.equal(qs[0].speaker?.name, 'Marek al-Dvorak');
});

test('passive and object positions are not speakers', () => {
  const text = 'Visitors have been warned that the river rises fast.\nA caller who was neighbors with driver Paul Weber asserts that the crash was staged.';
  const qs = findQuotes(docWith(text));
  assert.ok(qs.every((q) => q.speaker === undefined), JSON.stringify(qs.map((q) => q.speaker?.name)));
});
