/**
 * Rules added in quotes@1.23.0 (session 15, second round: written from the errors of batch 30 after its blind run of
 * quotes@1.22.0). Invented text, invented names.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QUOTES_BY } from '../../src/analyzers/quotes/find.js';
import { quoteRows, speakerWith } from './helpers.js';

test('version', () => assert.match(QUOTES_BY, /^quotes@1\.[2-9]\d\./));

test('an outlet that passes on a that-less "told" clause is not its speaker; the one who told is', () => {
  const ents = [{ text: 'Ola Brandvik', label: 'PER' as const }, { text: 'Tarnby Daily', label: 'ORG' as const }, { text: 'Kolvik', label: 'LOC' as const }];
  const text = 'King Ola Brandvik has told Kolvik his nation will not become a tool of the smugglers, the official Tarnby Daily newspaper said on Saturday.';
  assert.equal(speakerWith(text, /not become a tool/, ents), 'Ola Brandvik');
  assert.ok(!quoteRows(text, ents).some((r) => r.speaker === 'Tarnby Daily'));
});

test('"said this was …", and a surname NER calls a person before "who …," is the subject', () => {
  const ents = [{ text: 'Brandvik', label: 'PER' as const }];
  assert.equal(speakerWith('But Brandvik, who is advising several people regarded as smugglers, said this was not the best way to reach the aims.', /not the best way/, ents), 'Brandvik');
});

test('"told a news conference in Tarnby on Tuesday he …" and a trailing "…, Berg told a news conference on Monday."', () => {
  const ents = [{ text: 'Ola Berg', label: 'PER' as const }, { text: 'Tarnby', label: 'LOC' as const }];
  assert.equal(speakerWith('Ola Berg told a news conference in Tarnby on Tuesday he had asked to speak again this year.', /asked to speak/, ents), 'Ola Berg');
  assert.equal(speakerWith('A note with the demand was left in the car, which was used in the theft, Ola Berg told a news conference on Monday.', /note with the demand/, ents), 'Ola Berg');
  // "told the truth" names no listener: nothing is reported.
  assert.equal(quoteRows('Ola Berg did what few will do, he told the truth about the harbour.', ents).length, 0);
});

test('a trailing speech verb after a comma is no clause verb; a focus adverb may open a clause', () => {
  const ents = [{ text: 'Ola Berg', label: 'PER' as const }, { text: 'Tarnby', label: 'LOC' as const }, { text: 'Kolvik', label: 'LOC' as const }];
  const rows = quoteRows('Ola Berg has told the envoy that Tarnby wanted to maintain "friendship and cooperation" with Kolvik, official newspapers said on Thursday.', ents);
  assert.ok(!rows.some((r) => /^friendship/.test(r.content)), JSON.stringify(rows));
  assert.equal(speakerWith('Ola Berg spoke at the rally.\nHe said only the removal of the council and an early election could save the port.', /removal of the council/, ents), 'Ola Berg');
});

test('office holders, nationalities NER marks and news agencies NER names', () => {
  const alvar = '"We have no leads at all in this case," Chief of Harbour Police Ola Brandvik told Reuters.';
  assert.equal(speakerWith(alvar, /no leads/, [{ text: 'Harbour Police', label: 'ORG' }, { text: 'Ola Brandvik', label: 'PER' }, { text: 'Reuters', label: 'ORG' }]), 'Ola Brandvik');
  // "Costa Rican authorities": a two-word nationality NER tags MISC is no body's name.
  const rows = quoteRows('The ferry company has ruled out paying, while Nordvik Islander authorities said on Tuesday that they had no leads in the case.', [{ text: 'Nordvik Islander', label: 'MISC' }]);
  assert.ok(rows.every((r) => r.speaker === undefined), JSON.stringify(rows));
  // "the state-run Anatolian news agency": a name word NER puts in an organisation is no demonym.
  const agency = 'Troops have killed 17 rebels in recent clashes in the southeast of the country, the state-run Tarnbian news agency said on Friday.';
  assert.match(speakerWith(agency, /killed 17 rebels/, [{ text: 'Tarnbian', label: 'ORG' }]) ?? '', /Tarnbian/);
});
