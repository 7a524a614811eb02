/**
 * Rules added in quotes@1.13.0 (round N, issue 4: written from the errors of the 252 development articles and of
 * blind batches 16–17 after their one blind run). All texts are invented (a made-up harbour town); each rule has a
 * case that must stay unattributed or keep its other reading.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes } from '../../src/analyzers/quotes/find.js';
import { docWith, speakerIn as speakerOf } from './helpers.js';

test('he/she with nobody resolved goes to the one person the sentence before names, when the text marks the gender', () => {
  const lead = 'The ferry plan was defended on Monday by councillor Ana Berg, and her deputy stayed silent.\n';
  const quote = '“The new timetable will save the town money within a year,” she told the Harbour Gazette.';
  assert.equal(speakerOf(lead + quote, /new timetable/), 'Ana Berg');
  // Two people in the sentence before: nobody is chosen.
  const two = 'The ferry plan was defended on Monday by councillor Ana Berg and by Ola Lund, and her deputy stayed silent.\n';
  assert.equal(speakerOf(two + quote, /new timetable/), undefined);
  // The text says nothing of the person's gender: nobody is chosen.
  const unmarked = 'The ferry plan was defended on Monday by councillor Kim Dale at the town hall.\n';
  assert.equal(speakerOf(unmarked + quote, /new timetable/), undefined);
});

test('a title with an "of/to" complement before the name is that person\'s title ("the Norland ambassador")', () => {
  const text = 'Norland Ambassador to the United Nations Ola Lund rejected the plan on Monday.\n“A harbour toll is not a tax, so nobody dodges it by sailing at night,” the Norland ambassador said.';
  assert.equal(speakerOf(text, /harbour toll/), 'Ola Lund');
  const nameless = 'The Norland Ambassador to the United Nations rejected the plan on Monday.\n“A harbour toll is not a tax, so nobody dodges it by sailing at night,” the Norland ambassador said.';
  assert.equal(speakerOf(nameless, /harbour toll/), undefined);
});

test('an office with an "of" complement names the person after it; an office alone is no person', () => {
  const holder = '“The harbour polls will stay open all winter long,” Harbour County Supervisor of Elections Ana Berg told reporters.';
  assert.equal(speakerOf(holder, /harbour polls/), 'Ana Berg');
  const office = '“The harbour polls will stay open all winter long,” the Harbour County Supervisor told reporters.';
  assert.notEqual(speakerOf(office, /harbour polls/), 'Harbour County Supervisor');
  // An office word the article uses as a surname stays a name.
  const surname = 'The film was directed by Mike Judge in the spring.\n“It was a long shoot in the cold harbour town,” Judge said.';
  assert.equal(speakerOf(surname, /long shoot/), 'Mike Judge');
});

test('a party-and-state parenthesis with a full stop does not cut the attribution after a quote', () => {
  const text = '“The ferry will run again by the spring of next year,” Ana Berg (D-Nor.) said.';
  assert.equal(speakerOf(text, /ferry will run/), 'Ana Berg');
  // A full stop after the closing parenthesis still ends the sentence.
  const ended = '“The ferry will run again by the spring of next year,” the notice read (p. 4). Ana Berg said nothing more.';
  assert.notEqual(speakerOf(ended, /ferry will run/), 'Ana Berg');
});

test('verbs of manner of speaking attribute quotations only', () => {
  const text = '“We will not wait another year for the bridge to be built,” huffed councillor Ana Berg.';
  assert.equal(speakerOf(text, /another year/), 'Ana Berg');
  // Unlike "said", they introduce no unmarked clause.
  assert.equal(findQuotes(docWith('Ana Berg fumed the council would delay the new bridge for another year.')).length, 0);
  assert.equal(findQuotes(docWith('Ana Berg said the council would delay the new bridge for another year.')).length, 1);
});

test('a title abbreviation that ends its line before the name ("said Sen." ⏎ "Rob Lund") takes the name', () => {
  const text = '“The council misled the town about the ferry money from the start,” said Sen.\nRob Lund, the committee chair.';
  assert.equal(speakerOf(text, /council misled/), 'Rob Lund');
  // A line that starts a new sentence after the title is not joined.
  const apart = '“The council misled the town about the ferry money from the start,” said Dr.\nThe report was filed later.';
  assert.equal(speakerOf(apart, /council misled/), undefined);
});

test('"the IG" is the inspector general named before', () => {
  const text = 'Inspector General Ana Lind presented the harbour report on Monday.\nThe IG said that the ferry money had been spent on the wrong boats.';
  assert.equal(speakerOf(text, /ferry money/), 'Ana Lind');
  const nameless = 'The harbour report was presented on Monday.\nThe IG said that the ferry money had been spent on the wrong boats.';
  assert.equal(speakerOf(nameless, /ferry money/), undefined);
});

test('a name that only qualifies a group of people is that group (unnamed); a body\'s officials are the body', () => {
  assert.equal(speakerOf('Harbour Republicans said that the ferry money had been wasted on studies.', /ferry money/), undefined);
  assert.equal(speakerOf('Harbour Council officials said that the ferry money had been wasted on studies.', /ferry money/), 'Harbour Council');
});
