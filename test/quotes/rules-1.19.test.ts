/**
 * Rule added in quotes@1.19.0 (session 13, third round: written from the errors of batch 26 after its blind run of
 * quotes@1.18.0; the models were retrained on 566 articles). Invented text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QUOTES_BY } from '../../src/analyzers/quotes/find.js';
import { speakerWith } from './helpers.js';

test('version', () => assert.match(QUOTES_BY, /^quotes@1\.(19|[2-9]\d)\./));

const speakerOf = speakerWith;

test('"said the 30-year-old Swede": a nationality after "the" is a reference back, not a body named "Swede"', () => {
  const text = 'Ana Berg beat Jon Pell in three sets on Friday.\n"It is a win that I can be proud of," said the 30-year-old Swede.';
  assert.notEqual(speakerOf(text, /win that I can be proud of/), 'Swede');
  // "The Guardian", "The Oregonian": outlets after "the" keep their names.
  assert.equal(speakerOf('Ana Berg left Tarnby.\n"The ferry will stay in port until May," said the Oregonian.', /ferry will stay/), 'Oregonian');
});
