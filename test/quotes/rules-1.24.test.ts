/**
 * Rules added in quotes@1.24.0 (session 15, third round: written from the errors of batch 31 after its blind run of
 * quotes@1.23.0). Invented text, invented names.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QUOTES_BY } from '../../src/analyzers/quotes/find.js';
import { quoteRows, speakerWith } from './helpers.js';

test('version', () => assert.match(QUOTES_BY, /^quotes@1\.[2-9]\d\./));

test('"Ana Berg, known as …, won the prize … with her simple message: “…”" is Ana Berg; a pronoun does not take a prize', () => {
  const ents = [{ text: 'Ana Berg', label: 'PER' as const }, { text: 'Nordic Harbour Prize', label: 'MISC' as const }];
  const text = 'Ana Berg, known as the Keeper of the Lighthouse, won the Nordic Harbour Prize in 1979 for bringing hope and warmth to thousands of poor, lonely sailors with her simple message: "The sea must know that we love it."\n' +
    'When in 1979 she was told she had won the Nordic Harbour Prize, she said with a smile: "I am not worthy of it at all."';
  assert.equal(speakerWith(text, /sea must know/, ents), 'Ana Berg');
  assert.equal(speakerWith(text, /not worthy/, ents), 'Ana Berg');
});

test('"her call to work among the poor came in 1946": an irregular past after an infinitive inside the subject', () => {
  const ents = [{ text: 'Ana Berg', label: 'PER' as const }];
  assert.equal(speakerWith('Ana Berg spoke to the crowd.\nShe said her call to work among the sailors came in September, 1946.', /call to work/, ents), 'Ana Berg');
});

test('the lead\'s unnamed source named two sentences on, when the words around the name repeat its description', () => {
  const ents = [{ text: 'Ola Berg', label: 'PER' as const }, { text: 'Tarnby', label: 'LOC' as const }];
  const lead = 'Ferry passengers freed.\n\nTARNBY 1996-08-27\nAll passengers held aboard a ferry diverted to the port of Tarnby have been freed, a harbour spokesman said on Tuesday.\nWitnesses said the crew had also left the ship.\n';
  assert.equal(speakerWith(lead + 'Harbour spokesman Ola Berg confirmed that all the passengers had left the ship.', /passengers held aboard/, ents), 'Ola Berg');
  // A name two sentences on whose words share nothing with "a harbour spokesman" is someone else.
  const other = lead + 'Ola Berg, a passenger from the capital, confirmed that all the passengers had left the ship.';
  assert.notEqual(quoteRows(other, ents).find((r) => /passengers held aboard/.test(r.content))?.speaker, 'Ola Berg');
});

test('"X was reported as saying …" is X; "the Nordlandic government" with a MISC nationality is unnamed', () => {
  const ents = [{ text: 'Ola Berg', label: 'PER' as const }, { text: 'Nordlandic', label: 'MISC' as const }];
  const rep = 'The harbour chief faces an almost impossible task and is likely to be sidelined, Foreign Minister Ola Berg was reported as saying on Wednesday.';
  assert.equal(speakerWith(rep, /impossible task/, ents), 'Ola Berg');
  const rows = quoteRows('The Nordlandic government also said on Wednesday it had made progress in cutting the harbour budget for 1997.', ents);
  assert.ok(rows.every((r) => r.speaker === undefined), JSON.stringify(rows));
});
