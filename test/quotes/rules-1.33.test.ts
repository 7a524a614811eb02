/**
 * Rules added in quotes@1.33.0 (session 21: written from the errors of the 344 labelled PTC articles, the issue's own
 * test set, and checked against Reuters batches 22–35 and EUvsDisinfo batches 36–39). Invented text, invented names.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QUOTES_BY } from '../../src/analyzers/quotes/find.js';
import { shopLabelCut } from '../../src/analyzers/entities/recognize.js';
import { quoteRows, speakerWith } from './helpers.js';

test('version', () => assert.match(QUOTES_BY, /^quotes@1\.(3[3-9]|[4-9]\d)\.\d+$/));

test('a she/he after an inverted attribution goes to the person it names: "…, said attorney Ana Berg on a radio show."', () => {
  const text = [
    'Residents of the island call the new ferry timetable a classic trick of the port authority, said attorney and harbour advocate Ana Berg on a radio show that week.',
    '“To my mind this is a misplaced kindness to the operators of the line.',
    'It is kindness for the wrong people,” she told the host of the show.',
  ].join('\n');
  const ents = [{ text: 'Ana Berg', label: 'PER' as const }];
  assert.equal(speakerWith(text, /misplaced kindness/, ents), 'Ana Berg');
  // Without the inverted attribution there is nobody for "she".
  const none = text.replace(', said attorney and harbour advocate Ana Berg on a radio show that week', '');
  assert.notEqual(speakerWith(none, /misplaced kindness/, ents), 'Ana Berg');
});

test('"…, who wrote, “…”" after a description bracketed behind a name speaks for the name (commas or dashes)', () => {
  const ents = [{ text: 'Ana Berg', label: 'PER' as const }];
  const commas = 'The point was backed by Ana Berg, the head of the island society and the spokeswoman for the ferry group, who wrote, “This is absolutely right, and long overdue.”';
  assert.equal(speakerWith(commas, /absolutely right/, ents), 'Ana Berg');
  const dashes = 'It followed a rebuke of the board by Ana Berg – a member of the harbour council and the former head of its audit panel – who said, “It is understandable that the board would react.”';
  assert.equal(speakerWith(dashes, /understandable that the board/, ents), 'Ana Berg');
  // A description that holds a verb is no appositive: nobody is named for "who".
  const clause = 'It followed a rebuke of the board by Ana Berg – the pilots left the harbour council in protest – who said, “It is understandable that the board would react.”';
  assert.notEqual(speakerWith(clause, /understandable that the board/, ents), 'Ana Berg');
});

test('"Ana Berg, 51, who claims …": an age between the name and "who"', () => {
  const text = 'The panel will hear from Ana Berg, 51, who claims Ola Vik pushed her off the pier decades ago when he was a student.';
  assert.equal(speakerWith(text, /Ola Vik pushed her off the pier/, [{ text: 'Ana Berg', label: 'PER' }, { text: 'Ola Vik', label: 'PER' }]), 'Ana Berg');
});

test('a speech participle after the verb\'s object needs no comma; after a noun the noun speaks', () => {
  const ents = [{ text: 'Ana Berg', label: 'PER' as const }];
  assert.equal(speakerWith('Ana Berg confirmed this saying, “I saw how the pilot watched it all from the bridge.”', /pilot watched it all/, ents), 'Ana Berg');
  const message = 'According to emails, the Harbour Alliance, a group of independent shops, got a message saying “Important alert! Ferry checks on the pier on Sunday and Monday.”';
  const rows = quoteRows(message, [{ text: 'Harbour Alliance', label: 'ORG' }]).filter((q) => /Ferry checks on the pier/.test(q.content));
  assert.equal(rows.length, 1);
  assert.notEqual(rows[0].speaker, 'Harbour Alliance');
});

test('pronoun salience: a nationality and role before the name, a generational suffix, an apostrophe inside the name', () => {
  // "Varnish cleric Sheikh Ola Al-‘Amin gave a sermon in which he said …" is the cleric's, not the last speaker's.
  const prior = 'Ibn Harald said that the harbour was closed for the winter.\n';
  const cleric = `${prior}Varnish cleric Sheikh Ola Al-‘Amin gave a sermon in which he said that the ferry figures were a lie from the start.`;
  assert.equal(speakerWith(cleric, /ferry figures were a lie/, [{ text: 'Ibn Harald', label: 'PER' }, { text: 'Ola Al-‘Amin', label: 'PER' }]), 'Ola Al-‘Amin');
  // "Ana E. Berg IV, the author of “The Long Road,” said that while …, she believes that …": suffix and quoted title.
  const author = `${prior}Ana E. Berg IV, the author of “The Long Road to the Harbour,” said that while estimates ranged widely, she believes that there were thousands of pilots in the 1960s.`;
  assert.equal(speakerWith(author, /there were thousands of pilots/, [{ text: 'Ibn Harald', label: 'PER' }, { text: 'Ana E. Berg IV', label: 'PER' }]), 'Ana E. Berg IV');
});

test('"the company said" after a news outlet is the firm named before, not the outlet that reported it', () => {
  const text = [
    'A teenager says a man threw a drink at him at a Ferrybite restaurant, Harbour News reported.',
    '“We were dismayed by this clip and do not accept such behaviour from guests at any of our tables,” the company said.',
  ].join('\n');
  const ents = [{ text: 'Ferrybite', label: 'ORG' as const }, { text: 'Harbour News', label: 'ORG' as const }];
  assert.equal(speakerWith(text, /dismayed by this clip/, ents), 'Ferrybite');
});

test('entities: a bookshop widget\'s price label is cut off the name it runs into', () => {
  const text = 'Island Voices: Essays Ana Berg Best Price: $3.15 Buy New $7.20 (as of 11:40 EDT - Details)';
  const start = text.indexOf('Ana Berg');
  const end = start + 'Ana Berg Best Price'.length;
  assert.equal(text.slice(start, shopLabelCut(text, start, end)), 'Ana Berg');
  // Not without the colon and currency sign: "Ana Berg Best Price" before other text is left as tagged.
  const plain = 'Ana Berg Best Price won the race.';
  assert.equal(shopLabelCut(plain, 0, 'Ana Berg Best Price'.length), 'Ana Berg Best Price'.length);
});
