/**
 * Rules added in quotes@1.26.0 (session 16: written from the errors of batches 33 and 34 after their blind runs of
 * quotes@1.25.0). Invented text, invented names.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QUOTES_BY } from '../../src/analyzers/quotes/find.js';
import { quoteRows, speakerWith } from './helpers.js';

test('version', () => assert.match(QUOTES_BY, /^quotes@1\.[2-9]\d\./));

test('"Advanced Harbour Systems said …": the first word of a longer organisation NER finds is no verb (but a speech verb stays one)', () => {
  const ents = [{ text: 'Advanced Harbour Systems', label: 'ORG' as const }];
  assert.equal(speakerWith('Advanced Harbour Systems said it expects to take a one-time charge to pay for the merger.', /one-time charge/, ents), 'Advanced Harbour Systems');
  const text = 'A friend met him at the pier and said: “Keep up the good work on the harbour.”\n\nWrites Fr.\nBerg: “I could hardly believe that this happened in a few minutes.”';
  assert.equal(speakerWith(text, /hardly believe/, [{ text: 'Writes Fr', label: 'ORG' }, { text: 'Berg', label: 'PER' }]), 'Berg');
});

test('"Ola Berg himself said …": an intensifying reflexive between the subject and its verb', () => {
  assert.equal(speakerWith('Ola Berg himself said he was concerned that the harbour would close before the winter.', /concerned that the harbour/, [{ text: 'Ola Berg', label: 'PER' }]), 'Ola Berg');
});

test('a relative clause between commas inside a that-less clause subject', () => {
  const text = "Berg said three rounds of talks with harbour officials on the town's budget, which will run until June, had gone smoothly.";
  assert.equal(speakerWith(text, /^three rounds of talks/, [{ text: 'Berg', label: 'PER' }]), 'Berg');
});

test('"“…,” warned Ola Berg, an envoy …": warn right after the quote is inverted', () => {
  const text = '"Results of the harbour survey point to a dismal future for the old town," warned Ola Berg, an envoy of the council.';
  assert.equal(speakerWith(text, /^Results of the harbour/, [{ text: 'Ola Berg', label: 'PER' }]), 'Ola Berg');
});

test('"said Ola Head, spokesman for …" then "Head said": a title word closing a name NER marks as a person is a surname', () => {
  const ents = [{ text: 'Ana Lind', label: 'PER' as const }, { text: 'Ola Head', label: 'PER' as const }, { text: 'Head', label: 'PER' as const, canonical: 'Ola Head' }];
  const text = 'The court ruled for Ana Lind on Monday.\nAt least eight towns still have some form of litigation pending, said Ola Head, spokesman for the group.\n"It goes without saying that we are rather disappointed," Head said of the ruling.';
  assert.equal(speakerWith(text, /litigation pending/, ents), 'Ola Head');
  assert.equal(speakerWith(text, /rather disappointed/, ents), 'Ola Head');
});

test('"“…,” council friend Ana Judge said": an office word closing a full name is the name', () => {
  const text = '"We will cooperate with any harbour inquiry that the council opens," council friend Ana Judge said.';
  assert.equal(speakerWith(text, /harbour inquiry/, [{ text: 'Ana Judge', label: 'PER' }]), 'Ana Judge');
});

test('"X said CLAUSE: “…”": the that-less clause before the colon is reported too', () => {
  const rows = quoteRows('Ola Berg said the harbour has two options: "We can sit down and wait, or we can rebuild the pier."', [{ text: 'Ola Berg', label: 'PER' }]);
  assert.deepEqual(rows.map((r) => [r.kind, r.content, r.speaker]), [
    ['indirect', 'the harbour has two options', 'Ola Berg'],
    ['direct', 'We can sit down and wait, or we can rebuild the pier.', 'Ola Berg'],
  ]);
});

test('"told reporters surveillance of …", "told state radio her ministry …": the clause after a listener noun', () => {
  assert.equal(speakerWith('Ola Berg told reporters surveillance of the northern harbour has been stepped up.', /^surveillance of/, [{ text: 'Ola Berg', label: 'PER' }]), 'Ola Berg');
  assert.equal(speakerWith('Harbour Minister Ana Lind told state radio her ministry had already begun hiring new pilots.', /^her ministry had/, [{ text: 'Ana Lind', label: 'PER' }]), 'Ana Lind');
});

test('a quote paragraph after "He described X as “…”." continues that he', () => {
  const text = 'Ola Berg said the harbour would keep growing.\nHe described the state of the port as "very good indeed".\n"You know, we went through a little climb and a little trough over the last few years."';
  assert.equal(speakerWith(text, /little climb/, [{ text: 'Ola Berg', label: 'PER' }]), 'Ola Berg');
});

test('"…, Berg\'s publicist said." in the lead is the publicist the next sentence names', () => {
  const text = "Harbour singer had a baby girl.\n\nOSLO 1996-08-20\nSinger Ola Berg and his partner, model Ana Lind, had a baby girl on Tuesday, Berg's publicist said.\nThe girl, named Rose, was born shortly after midnight at the harbour hospital, publicist Jon Vik said.";
  const ents = [{ text: 'Ola Berg', label: 'PER' as const }, { text: 'Ana Lind', label: 'PER' as const }, { text: 'Jon Vik', label: 'PER' as const }];
  assert.equal(speakerWith(text, /had a baby girl on Tuesday/, ents), 'Jon Vik');
});

test('"shares rose after Harbour Lines Inc said it had …": the subject of a clause after a subordinator speaks', () => {
  const text = 'The weather in the region was calm for most of the week.\nShares rose 3 percent after Harbour Lines Inc said it had been granted an option to buy the ferry unit.';
  assert.equal(speakerWith(text, /granted an option/, [{ text: 'Harbour Lines Inc', label: 'ORG' }]), 'Harbour Lines Inc');
});

test('"Kanal Nord television said" names the broadcaster; "the radio said" is the radio named before; "Nordvik government radio" is unnamed', () => {
  const ents = [{ text: 'Kanal Nord', label: 'ORG' as const }, { text: 'Nordvik', label: 'LOC' as const }, { text: 'Harbour Radio', label: 'ORG' as const }];
  const text = 'The weather in the region was calm for most of the week.\nKanal Nord television said the talks with the harbour workers had failed again.\nHarbour Radio said the ferry had been delayed by the storm on Saturday.\nThe radio said on Sunday the opening of the pier had been postponed for a week.\nNordvik government radio said that the ferry strike would go on until Friday.';
  assert.equal(speakerWith(text, /talks with the harbour/, ents), 'Kanal Nord');
  assert.equal(speakerWith(text, /opening of the pier/, ents), 'Harbour Radio');
  assert.equal(speakerWith(text, /ferry strike/, ents), undefined);
});

test('"“…,” said the tourist, Ola Berg, 37." and "“…,” presiding judge Ola Berg told the court."', () => {
  const ents = [{ text: 'Ola Berg', label: 'PER' as const }];
  const lead = 'The weather in the region was calm for most of the week.\n';
  assert.equal(speakerWith(`${lead}"We have a treaty with them and we let them go wherever they want," said the tourist, Ola Berg, 37.`, /treaty with them/, ents), 'Ola Berg');
  assert.equal(speakerWith(`${lead}"The harbour master ran a well-oiled machine for twenty years," presiding judge Ola Berg told the court.`, /well-oiled machine/, ents), 'Ola Berg');
});
