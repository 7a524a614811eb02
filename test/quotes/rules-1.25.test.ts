/**
 * Rules added in quotes@1.25.0 (session 15, fourth round: written from the errors of batch 32 after its blind run of
 * quotes@1.24.0). Invented text, invented names.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QUOTES_BY } from '../../src/analyzers/quotes/find.js';
import { speakerWith } from './helpers.js';

test('version', () => assert.match(QUOTES_BY, /^quotes@1\.[2-9]\d\./));

test('"candidate Ola Hope Wednesday accused …": a word inside a person NER finds is no verb; a bare weekday is skipped', () => {
  const ents = [{ text: 'Ola Hope', label: 'PER' as const }, { text: 'Hope', label: 'PER' as const, canonical: 'Ola Hope' }];
  const text = 'Harbour party candidate Ola Hope Wednesday accused the council of ignoring the ferry crisis.\nHope said the former mayor was laughed at for her plan to close the port.';
  assert.equal(speakerWith(text, /ignoring the ferry/, ents), 'Ola Hope');
  assert.equal(speakerWith(text, /former mayor was laughed/, ents), 'Ola Hope');
});

test('"Interfax, quoting press secretary X, said …" and "…, the agency quoted X as saying." are X', () => {
  const ents = [{ text: 'Interfax', label: 'ORG' as const }, { text: 'Ola Berg', label: 'PER' as const }];
  assert.equal(speakerWith('Interfax, quoting press secretary Ola Berg, said the two leaders had discussed the harbour on the telephone.', /two leaders had discussed/, ents), 'Ola Berg');
  assert.equal(speakerWith('It is evident the fire was not politically motivated but just an ordinary criminal act, the news agency quoted harbour commander Ola Berg as saying.', /ordinary criminal act/, ents), 'Ola Berg');
});

test('"told reporters a court order not to talk about his case kept him from …": an infinitive inside the clause subject', () => {
  const ents = [{ text: 'Ola Berg', label: 'PER' as const }];
  assert.equal(speakerWith('Ola Berg told reporters a court order not to talk about his case kept him from saying more about the harbour.', /court order/, ents), 'Ola Berg');
});
