/**
 * Rules added in quotes@1.27.0 (session 17: written from the errors of the 344 PTC articles and Reuters batches 22–35,
 * before the blind run on batch 36). Invented text, invented names.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QUOTES_BY } from '../../src/analyzers/quotes/find.js';
import { quoteRows, speakerWith } from './helpers.js';

test('version', () => assert.match(QUOTES_BY, /^quotes@1\.[2-9]\d\./));

const berg = { text: 'Ana Berg', label: 'PER' as const };
const hale = { text: 'Tom Hale', label: 'PER' as const };

test('"Berg’s lawyer said": the person the text names as that lawyer, before or after', () => {
  const before = 'Ana Berg was charged on Monday.\nTom Hale, her lawyer, spoke to reporters outside the court.\nBerg’s lawyer said she had done nothing wrong at all.';
  assert.equal(speakerWith(before, /nothing wrong/, [berg, hale]), 'Tom Hale');
  const after = 'Ana Berg was charged on Monday.\nBerg’s lawyer said she had done nothing wrong at all.\n“It is a sad day,” defense attorney Tom Hale said on Friday.';
  assert.equal(speakerWith(after, /nothing wrong/, [berg, hale]), 'Tom Hale');
  // A bare apostrophe after a name in -s is a possessive too.
  const lars = { text: 'Lars Mathis', label: 'PER' as const };
  const bare = 'Lars Mathis was charged on Monday.\nMathis’ defense attorney said he had no idea why his client joined.\n“It is difficult to understand,” defense attorney Tom Hale said on Friday.';
  assert.equal(speakerWith(bare, /no idea why/, [lars, hale]), 'Tom Hale');
});

test('"Berg’s lawyer said" with no lawyer named is nobody, not Berg and not the last speaker', () => {
  const text = '“We will appeal the ruling at once,” Ola Lund said on Monday.\nAna Berg was charged on Tuesday.\nBerg’s lawyer said she had done nothing wrong at all.';
  const q = quoteRows(text, [{ text: 'Ola Lund', label: 'PER' }, berg]).find((x) => /nothing wrong/.test(x.content));
  assert.ok(q, 'the clause is still a quote');
  assert.equal(q.speaker, undefined);
});

test('"Lebed’s spokesman said" is not Lebed, even where the text calls someone "spokesman for Lebed"', () => {
  const text = 'Ola Lebed met the council on Monday, said Tom Hale, a spokesman for Lebed and the council.\nLebed’s spokesman said he might meet the president on Tuesday.';
  assert.notEqual(speakerWith(text, /might meet the president/, [{ text: 'Ola Lebed', label: 'PER' }, hale]), 'Ola Lebed');
  const none = 'Ola Lebed met the council on Monday, a spokesman for Lebed said.\nLebed’s spokesman said he might meet the president on Tuesday.';
  assert.equal(speakerWith(none, /might meet the president/, [{ text: 'Ola Lebed', label: 'PER' }]), undefined);
});

test('"…, a police spokesman said": a place before the comma is no holder of the role', () => {
  const text = 'A boy was caught trying to enter a home in the rural New Territories, a police spokesman said.\n“The boy came from the far north of the country, and he was alone,” the spokesman said.';
  const ents = [{ text: 'New Territories', label: 'LOC' as const }];
  assert.equal(speakerWith(text, /came from the far north/, ents), undefined);
});

test('"Ms. Berg’s email said", "Berg’s emails said": the owner of a message speaks', () => {
  assert.equal(speakerWith('Ana Berg spoke on Monday.\nMs. Berg’s email said she wanted the vote put off until June.', /vote put off/, [berg]), 'Ana Berg');
  assert.equal(speakerWith('Ana Berg wrote to Tom Hale.\nBerg’s emails said the vote was rigged and the count was wrong.', /vote was rigged/, [berg, hale]), 'Ana Berg');
});
