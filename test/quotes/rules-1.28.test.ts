/**
 * Rules added in quotes@1.28.0 (session 17: written from the errors of batch 36, EUvsDisinfo case descriptions, after
 * its blind run of quotes@1.27.0, checked against the PTC articles and Reuters batches 22–35). Invented text, invented
 * names.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QUOTES_BY } from '../../src/analyzers/quotes/find.js';
import { quoteRows, speakerWith } from './helpers.js';

test('version', () => assert.match(QUOTES_BY, /^quotes@1\.[2-9]\d\./));

test('"CLAIM - claims Ola Berg from …", "CLAIM – says Ana Lind.": a spaced dash before a trailing attribution', () => {
  const text = 'The harbour council serves foreign powers and tries to ruin the fishing fleet - claims Ola Berg from the Norland Institute.';
  assert.equal(speakerWith(text, /^The harbour council serves/, [{ text: 'Ola Berg', label: 'PER' }, { text: 'Norland Institute', label: 'ORG' }]), 'Ola Berg');
  assert.equal(speakerWith('The western fleet wants a war on the coast – says Ana Lind.', /western fleet wants a war/, [{ text: 'Ana Lind', label: 'PER' }]), 'Ana Lind');
  // A dash inside a sentence with no name ending it is no attribution.
  const none = quoteRows('The western fleet wants a war on the coast - says nothing about the boats.', []);
  assert.ok(!none.some((q) => q.speaker), JSON.stringify(none));
});

test('"CLAIM, claims the Norland newspaper Harbour Gazette.": an inverted "claims" the tagger reads as a noun, before "the" and a name', () => {
  const text = 'Ana Lind is planning a coup and preparing to seize power in the harbour town, claims the Norland newspaper Harbour Gazette.';
  assert.equal(speakerWith(text, /planning a coup/, [{ text: 'Ana Lind', label: 'PER' }, { text: 'Harbour Gazette', label: 'ORG' }]), 'Harbour Gazette');
});

test('"…, said Till Berg (…)": a first name the tagger reads as a preposition, inside a person NER finds', () => {
  const text = 'The harbour mayor is a strong leader and the town is subject to unfair attacks from the capital, said Till Berg (singer of the band Harbour Lights).';
  assert.equal(speakerWith(text, /strong leader/, [{ text: 'Till Berg', label: 'PER' }]), 'Till Berg');
});

test('"according to the Norland Agency’s March report", "according to a poll by the Berg Institute": the named owner or author', () => {
  const ents = [{ text: 'Norland Agency', label: 'ORG' as const }, { text: 'Berg Institute', label: 'ORG' as const }];
  assert.equal(speakerWith('According to the Norland Agency’s March 2016 report, 9,160 boats have left the harbour since April.', /9,160 boats/, ents), 'Norland Agency');
  assert.equal(speakerWith('According to a poll by the Berg Institute, only 5 % of the fishermen call themselves citizens of the old state.', /only 5 %/, ents), 'Berg Institute');
});

test('"Harbour Gazette article states that …": an article of a named outlet speaks for it (not a demonym: "a Norlandish media study")', () => {
  assert.equal(speakerWith('Harbour Gazette article states that the town plays the victim a year after the fish left.', /plays the victim/, [{ text: 'Harbour Gazette', label: 'ORG' }]), 'Harbour Gazette');
  const q = quoteRows('A Swiss media study claims that the town plays the victim a year after the fish left.', [{ text: 'Swiss', label: 'MISC' }]).find((x) => /plays the victim/.test(x.content));
  assert.equal(q?.speaker, undefined);
});
