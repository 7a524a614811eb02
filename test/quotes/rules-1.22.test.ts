/**
 * Rules added in quotes@1.22.0 (session 15: written from the errors of batch 29 after its blind run of quotes@1.21.0).
 * Invented text, invented names.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QUOTES_BY } from '../../src/analyzers/quotes/find.js';
import { quoteRows, speakerWith } from './helpers.js';

test('version', () => assert.match(QUOTES_BY, /^quotes@1\.[2-9]\d\./));

test('"Chairman and Chief Executive Ola Brandvik said": an "and" between titles joins titles, the person speaks', () => {
  const text = 'Harbour Mills Co Chairman and Chief Executive Ola Brandvik said on Thursday he expected the second quarter to be weak.';
  assert.equal(speakerWith(text, /second quarter/, [{ text: 'Harbour Mills Co', label: 'ORG' }, { text: 'Ola Brandvik', label: 'PER' }]), 'Ola Brandvik');
});

test('a hyphenated "-based" modifier before a firm is no verb; "rose" after a date is a verb', () => {
  const ents = [{ text: 'Harbour Mills Group Plc', label: 'ORG' as const }];
  assert.equal(speakerWith('Oslo-based holding company Harbour Mills Group Plc said on Wednesday it expected a strong full year result.', /strong full year/, ents), 'Harbour Mills Group Plc');
  assert.equal(speakerWith('HMG said its net profit for the six months to June 30 rose to 9.1 million crowns from 6.2 million.', /net profit/, [{ text: 'HMG', label: 'ORG' }]), 'HMG');
});

test('short and gerund-led clauses without "that" are reported speech', () => {
  const ents = [{ text: 'Ola Brandvik', label: 'PER' as const }];
  assert.equal(speakerWith('Foreign Minister Ola Brandvik said Tarnby was overreacting.', /overreacting/, ents), 'Ola Brandvik');
  assert.equal(speakerWith('Ola Brandvik said seeking a merger was not under consideration.', /seeking a merger/, ents), 'Ola Brandvik');
  // Three words that are no clause stay out.
  assert.equal(quoteRows('Ola Brandvik said nothing more today.', ents).length, 0);
});

test('"quoted X as saying, adding that …": the one quoted goes on speaking', () => {
  const text = '"The holiday has only just begun," the agency quoted Ola Brandvik as saying, adding that the minister was at his summer house near Tarnby.';
  assert.equal(speakerWith(text, /summer house/, [{ text: 'Ola Brandvik', label: 'PER' }]), 'Ola Brandvik');
});

test('a surname spelt once with one letter more or less is the person named in full', () => {
  const ents = [{ text: 'Sigurd Halvorssen', label: 'PER' as const }, { text: 'Halvorsen', label: 'PER' as const }];
  const text = 'The agency quoted spokesman Sigurd Halvorssen as saying the talks would go on.\n"We must give the minister a chance to rest," the agency quoted Halvorsen as saying.';
  assert.equal(speakerWith(text, /chance to rest/, ents), 'Sigurd Halvorssen');
});

test('"a commentary in the official X" is X; "the commentary said" and "the club said" resolve to the outlet and the club', () => {
  const ents = [{ text: 'Tarnby Daily', label: 'ORG' as const }];
  const text = '"Some officials are still unrepentant about the harbour deal," said a commentary in the official Tarnby Daily.\n"The deal was never explained to the public at all," the commentary said.';
  assert.equal(speakerWith(text, /unrepentant/, ents), 'Tarnby Daily');
  assert.equal(speakerWith(text, /never explained/, ents), 'Tarnby Daily');
  const club = 'Former midfielder Ola Brandvik resigned as manager of first division side Tarnby Rovers on Monday night, the club said.';
  assert.equal(speakerWith(club, /resigned as manager/, [{ text: 'Ola Brandvik', label: 'PER' }, { text: 'Tarnby Rovers', label: 'ORG' }]), 'Tarnby Rovers');
});

test('"X of the Qatar-funded Y Institution declared:" is X, not the institution', () => {
  const ents = [{ text: 'Ola Brandvik', label: 'PER' as const }, { text: 'Harbour Policy Institution', label: 'ORG' as const }];
  const text = 'Ola Brandvik of the Tarnby-funded Harbour Policy Institution declared: "The port has so rarely been open to us that this offers proof of change."';
  assert.equal(speakerWith(text, /rarely been open/, ents), 'Ola Brandvik');
});

test('an organisation\'s acronym is the one it names in full; "A and B say" is A when NER makes both parts names', () => {
  const ents = [{ text: 'Harbour Mills Group Plc', label: 'ORG' as const }, { text: 'HMG', label: 'ORG' as const }];
  const text = 'Harbour Mills Group Plc said on Monday it expected a strong year.\nHMG said its stakes in two shipyards had both contributed strongly to earnings.';
  assert.equal(speakerWith(text, /stakes in two shipyards/, ents), 'Harbour Mills Group Plc');
  const pair = 'Tarnby and Kolvik say the treaty should be signed in the first half of September.';
  assert.equal(speakerWith(pair, /treaty should be signed/, [{ text: 'Tarnby', label: 'LOC' }, { text: 'Kolvik', label: 'LOC' }]), 'Tarnby');
});

test('"CLAUSE, X said, adding that …" is X; long subjects and addressees before a that-less clause', () => {
  const ents = [{ text: 'Ola Brandvik', label: 'PER' as const }, { text: 'Harbour Board', label: 'ORG' as const }];
  const add = 'The port will be both a market and a clearing house, the Harbour Board said, adding that the ministry had been told of its plans.';
  assert.equal(speakerWith(add, /ministry had been told/, ents), 'Harbour Board');
  const told = 'Ola Brandvik told a news conference the strike by more than half of the 1,380 harbour pilots and engineers would close the port.';
  assert.equal(speakerWith(told, /close the port/, ents), 'Ola Brandvik');
  const long = 'The Harbour Board said the chapel in the small village of Nordvik Fjell, 30 km (19 miles) north of Tarnby, was destroyed by the storm.';
  assert.equal(speakerWith(long, /destroyed by the storm/, ents), 'Harbour Board');
});
