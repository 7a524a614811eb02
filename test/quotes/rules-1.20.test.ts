/**
 * Rules added in quotes@1.20.0 (session 14: written from the errors of batch 27 after its blind run of quotes@1.19.0;
 * the models were retrained with batch 27 added). Invented text, invented names.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QUOTES_BY } from '../../src/analyzers/quotes/find.js';
import { quoteRows, speakerWith } from './helpers.js';

test('version', () => assert.match(QUOTES_BY, /^quotes@1\.[2-9]\d\./));

test('"acting chief spokesman Ola Berg said": "acting" before a title is no verb that blocks the trailing name', () => {
  const text = 'Talks resume in Tarnby.\n"There is much to settle before the winter," acting chief spokesman Ola Berg said.';
  assert.equal(speakerWith(text, /much to settle/, [{ text: 'Ola Berg', label: 'PER' }]), 'Ola Berg');
});

test('"In Harbour Care Inc said": a capitalised preposition that opens a tagged organisation is part of its name', () => {
  const text = 'Care firm to appeal.\n\nTARNBY 1996-08-22\nIn Harbour Care Inc said on Thursday it will appeal the ruling of the port board.';
  assert.equal(speakerWith(text, /will appeal the ruling/, [{ text: 'In Harbour Care Inc', label: 'ORG' }]), 'In Harbour Care Inc');
});

test('"the company said": the last firm that spoke, not a regulator or newspaper named in between', () => {
  const ents = [{ text: 'Kolvik Motors Corp', label: 'ORG' as const }, { text: 'Tarnby Ledger', label: 'ORG' as const }, { text: 'Port Fees Board', label: 'ORG' as const }];
  const text = 'Kolvik Motors Corp said in a statement in the Tarnby Ledger newspaper that profit fell by half.\n' +
    'The Port Fees Board raised its charges in May.\nThe company said it built 800 trucks in the half year.';
  assert.equal(speakerWith(text, /built 800 trucks/, ents), 'Kolvik Motors Corp');
  // With no firm before it, the nearest organisation still answers, as before.
  const plain = 'Officials of the Harbour Trust met on Monday.\nThe company said it would hire 40 pilots.';
  assert.equal(speakerWith(plain, /hire 40 pilots/, [{ text: 'Harbour Trust', label: 'ORG' }]), 'Harbour Trust');
});

test('"the Norland Republican said": a party member after a place refers back to the person', () => {
  const ents = [{ text: 'Ana Reyes', label: 'PER' as const }, { text: 'Norland', label: 'LOC' as const }];
  const text = 'Senator Ana Reyes said the port board should resign.\nThe question of the harbour fees remained open, the Norland Republican said.';
  assert.equal(speakerWith(text, /harbour fees remained open/, ents), 'Ana Reyes');
  assert.notEqual(speakerWith(text, /harbour fees remained open/, ents), 'Norland Republican');
});

test('"The daily said", "the newspaper said": the outlet the text named as a newspaper, even without a media word in its name', () => {
  const ents = [{ text: 'al-Nahar', label: 'ORG' as const }];
  const text = 'Police have arrested four people who tried to sell an old map, the official al-Nahar newspaper said on Thursday.\n' +
    'The daily said the men had wanted to sell the map for a large sum.\nThe newspaper did not describe the map but said it had gone to the city museum.';
  assert.equal(speakerWith(text, /wanted to sell the map/, ents), 'al-Nahar');
  assert.equal(speakerWith(text, /gone to the city museum/, ents), 'al-Nahar');
});

test('", but Berg said …": a reported clause ends where a contrasting clause with its own named speaker begins', () => {
  const ents = [{ text: 'Ola Berg', label: 'PER' as const }, { text: 'Berg', label: 'PER' as const, canonical: 'Ola Berg' }];
  const text = 'Ola Berg runs the pilots union.\nThe harbour board said this week it would send a team to inspect the docks, but Berg said the inspection was prompted by unpaid wages.';
  const rows = quoteRows(text, ents);
  const board = rows.find((r) => /send a team/.test(r.content));
  assert.ok(board, 'the board clause is found');
  assert.doesNotMatch(board.content, /unpaid wages/);
  assert.equal(speakerWith(text, /prompted by unpaid wages/, ents), 'Ola Berg');
});

test('a long verbless lead-in ending in a comma before the name: "…," the embassy\'s envoy in Tarnby, Ola Berg, told', () => {
  const ents = [{ text: 'Ola Berg', label: 'PER' as const }, { text: 'Tarnby', label: 'LOC' as const }];
  const text = 'An envoy denied the report.\n"This is not true, and we have received no complaint at all," the Norland embassy\'s chief envoy in Tarnby, Ola Berg, told Harbour Radio by telephone.';
  assert.equal(speakerWith(text, /received no complaint/, ents), 'Ola Berg');
  // A quote that stops mid-sentence, with a phrase before the trailing attribution.
  const text2 = 'The board welcomed the deal.\n"That is a welcome step.\nWe urge both sides to keep talking" about the future of the two harbours, board spokesman Ola Berg said.';
  assert.equal(speakerWith(text2, /welcome step/, ents), 'Ola Berg');
  // A verb in the lead-in still blocks it: the speaker is not the person the next clause mentions.
  const text3 = '"We will sail at dawn," the crew told reporters who had met Ola Berg, the harbour master, said.';
  assert.notEqual(quoteRows(text3, ents).find((r) => /sail at dawn/.test(r.content))?.speaker, 'Ola Berg');
});

test('press-digest items: "- Prime Minister Ola Berg: CLAUSE" is what the titled person said; untitled labels are not', () => {
  const ents = [{ text: 'Ola Berg', label: 'PER' as const }];
  const text = 'PRESS DIGEST - Norland - Aug 26.\n\nTARNBY 1996-08-26\nTHE HARBOUR LEDGER\n- Prime Minister Ola Berg: The ferry tax will not rise before the elections.\n' +
    '- Sport: The harbour team won its third match of the season.\n- A cabinet minister: The budget is not ready and will be late.';
  const rows = quoteRows(text, ents);
  assert.equal(rows.find((r) => /ferry tax will not rise/.test(r.content))?.speaker, 'Ola Berg');
  assert.equal(rows.find((r) => /third match/.test(r.content)), undefined);
  assert.equal(rows.find((r) => /budget is not ready/.test(r.content))?.speaker, undefined);
});

test('"China on Tuesday reaffirmed …, saying …": a day between the subject and its verb', () => {
  const ents = [{ text: 'Norland', label: 'LOC' as const }];
  const text = 'Norland on Tuesday reaffirmed its support for the fishing treaty, saying the pact would protect the northern stocks.';
  assert.equal(speakerWith(text, /protect the northern stocks/, ents), 'Norland');
});
