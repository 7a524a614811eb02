/**
 * Rules added in quotes@1.34.0 and entities@1.2.0 (session 22: written from the errors of the 344 labelled PTC
 * articles, the issue's own test set, and checked against Reuters batches 22–35 and EUvsDisinfo batches 36–39).
 * Invented text, invented names.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QUOTES_BY } from '../../src/analyzers/quotes/find.js';
import { titledPerson } from '../../src/analyzers/entities/recognize.js';
import { quoteRows, speakerWith } from './helpers.js';

test('version', () => assert.match(QUOTES_BY, /^quotes@1\.(3[4-9]|[4-9]\d)\.\d+$/));

test('a he/she with no earlier speaker goes to the one person the two sentences before name', () => {
  const text = [
    'A complaint says boat dealer Ola Vik did not have a licence to sell the engines found inside the harbour shed.',
    'He was charged shortly before a news conference on Friday.',
    'He said he noticed nothing odd when he sold the engines to the buyer in the weeks before the fire.',
  ].join('\n');
  const ents = [{ text: 'Ola Vik', label: 'PER' as const }];
  assert.equal(speakerWith(text, /noticed nothing odd/, ents), 'Ola Vik');
  // Two people in those sentences: no answer.
  const two = text.replace('He was charged', 'He and Ana Berg were charged');
  assert.equal(speakerWith(two, /noticed nothing odd/, [...ents, { text: 'Ana Berg', label: 'PER' }]), undefined);
  // Nor when the person is only named in a phrase, not the subject of a verb ("released by Ola Vik, one of …").
  const phrase = text.replace('says boat dealer Ola Vik did not have a licence to sell the engines found inside the harbour shed', 'was released by boat dealer Ola Vik, one of the owners of the harbour shed');
  assert.equal(speakerWith(phrase, /noticed nothing odd/, ents), undefined);
  // A name the NER does not call a person is nobody "he" could mean.
  assert.equal(speakerWith(text, /noticed nothing odd/, [{ text: 'Ola Vik', label: 'ORG' }]), undefined);
});

test('a quote paragraph continues a speaker that the last quote of the paragraph before only inherited', () => {
  const text = [
    'Ana Berg told the fishermen, “The council has lost its nerve, and it blames the harbour for everything.” She warned them not to be led by “people who have set up this quarrel.”',
    '“The only charge against the harbour master has been thrown out by the court, so please do not repeat it.”',
  ].join('\n');
  const rows = quoteRows(text, [{ text: 'Ana Berg', label: 'PER' }]);
  const last = rows.find((r) => /only charge against/.test(r.content));
  const first = rows.find((r) => /lost its nerve/.test(r.content));
  assert.equal(first?.speaker, 'Ana Berg');
  assert.equal(last?.speaker, 'Ana Berg');
});

test('"the Gazette reports that Minister Ana Berg confirmed …": the outlet reports, the inner verb quotes nothing', () => {
  const ents = [{ text: 'Gazette', label: 'ORG' as const }, { text: 'Ana Berg', label: 'PER' as const }];
  const text = 'The outbreak has spread to the coast. The Gazette reports that Health Minister Ana Berg confirmed a case in Narvik, a town of twenty thousand people.';
  assert.equal(speakerWith(text, /confirmed a case in Narvik/, ents), 'Gazette');
  // An inner verb that reports a clause of its own still makes the inner speaker the one reported.
  const inner = 'The outbreak has spread to the coast. The Gazette reports that Health Minister Ana Berg said the case in Narvik was the first of the year.';
  assert.ok(quoteRows(inner, ents).every((r) => r.speaker !== 'Gazette'));
});

test('a stance verb and noun before a that-clause: "made the extraordinary claim that", "brought up the fact that"', () => {
  const ents = [{ text: 'Ana Berg', label: 'PER' as const }, { text: 'Lund', label: 'PER' as const }];
  assert.equal(speakerWith('Later that day, Ana Berg made the extraordinary claim that the whole vote had been rigged by the council.', /whole vote had been rigged/, ents), 'Ana Berg');
  assert.equal(speakerWith('Lund brought up the fact that nobody can get information about the case from the police.', /nobody can get information/, ents), 'Lund');
  // Other nouns are no statement: "made the decision that" reports nothing.
  const decision = quoteRows('Lund made the decision that the whole vote had to be held again next spring.', ents);
  assert.ok(!decision.some((r) => /whole vote had to be held/.test(r.content) && r.speaker));
});

test('entities: a titled person the tagger calls an organisation becomes a person without the title', () => {
  const cut = (s: string) => {
    const r = titledPerson(s, 0, s.length);
    return r && s.slice(r.start, r.end);
  };
  assert.equal(cut('Cardinal Ola Lindqvist'), 'Ola Lindqvist');
  assert.equal(cut('Ms. Holm'), 'Holm');
  assert.equal(cut('Sen. Ana Berg and'), 'Ana Berg');
  // Offices and bodies stay as they are.
  assert.equal(cut('Father General'), undefined);
  assert.equal(cut('Cardinal Secretary of State'), undefined);
  assert.equal(cut('Harbour Council'), undefined);
});

test('"As Ana Berg put it, “…”": the one who put it so speaks', () => {
  const ents = [{ text: 'Ana Berg', label: 'PER' as const }, { text: 'Ola Vik', label: 'PER' as const }];
  assert.equal(speakerWith('As Ola Vik put it the other day, “We have got to stop pretending it is just the loud wing of the club.”', /stop pretending/, ents), 'Ola Vik');
  assert.equal(speakerWith('As that most Norwegian of writers, Ola Vik, put it, "You cannot go home again."', /go home again/, ents), 'Ola Vik');
  // Putting a thing somewhere says nothing.
  assert.equal(speakerWith('Ola Vik put it in a box for the buyer, “and then I left the harbour for good.”', /left the harbour/, ents), undefined);
});
