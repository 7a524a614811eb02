/**
 * Rule added in quotes@1.21.0 (session 14, second round: written from the errors of batch 28 after its blind run of
 * quotes@1.20.0; the models were not retrained). Invented text, invented names.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QUOTES_BY } from '../../src/analyzers/quotes/find.js';
import { quoteRows, speakerWith } from './helpers.js';

test('version', () => assert.match(QUOTES_BY, /^quotes@1\.[2-9]\d\./));

test('the lead\'s unnamed source is the speaker the next sentence names; with no name there the clause stays out', () => {
  const ents = [{ text: 'Ola Berg', label: 'PER' as const }, { text: 'Berg', label: 'PER' as const, canonical: 'Ola Berg' }];
  const lead = 'Bomb hits consulate.\n\nTARNBY 1996-08-28\nA fire bomb was thrown over the fence of the consulate but no one was hurt, a mission official said on Wednesday.\n';
  const named = lead + 'Ola Berg, the embassy spokesman, said the attack took place at dawn.\n"Somebody threw a bottle over the fence," Berg said.';
  assert.equal(speakerWith(named, /no one was hurt/, ents), 'Ola Berg');
  // The next sentence names nobody who speaks: the lead's clause is not reported at all (as before this rule).
  const unnamed = lead + 'The consulate was closed for the day.\nPolice cordoned off the street.';
  assert.equal(quoteRows(unnamed, ents).find((r) => /no one was hurt/.test(r.content)), undefined);
  // A person's title does not take an organisation named next ("a mission official" is not "the Harbour Board").
  const org = lead + 'The Harbour Board said the attack took place at dawn.';
  const row = quoteRows(org, [{ text: 'Harbour Board', label: 'ORG' }]).find((r) => /no one was hurt/.test(r.content));
  assert.notEqual(row?.speaker, 'Harbour Board');
});
