/**
 * Rules added in quotes@1.9.0 (round J, written from the errors of the 188 development articles, batch 11
 * included; batch 12 never opened). All texts are invented (a made-up harbour town) and each rule has
 * negative cases.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes, QUOTES_BY } from '../../src/analyzers/quotes/find.js';
import { docWith } from './helpers.js';

const find = (text: string) => findQuotes(docWith(text)).map((q) => ({ kind: q.kind, speaker: q.speaker?.name, resolvedBy: q.speaker?.resolvedBy, content: text.slice(q.content.start, q.content.end), by: q.by }));
const quoteOf = (text: string, content: RegExp) => find(text).find((q) => content.test(q.content));

test('the current version (1.10.0) on every result', () => {
  assert.ok(find('Marta Lindqvist said that the ferry would leave at dawn tomorrow.').every((q) => q.by === QUOTES_BY));
});

test('a quote opening the paragraph after an attributed quote paragraph continues its speaker, even when its sentence runs on', () => {
  const text = 'The harbour board met on Monday.\n“The ferry has been a good partner for the island for many years,” Ana Berg said.\n“We need to be careful about the next contract” before any new fees are set, as several fishermen have asked.\nThe board meets again in May.';
  const q = quoteOf(text, /need to be careful/);
  assert.equal(q?.speaker, 'Ana Berg');
  assert.equal(q?.resolvedBy, 'previous-speaker');
});

test('no continuation when the previous paragraph goes on after its attributed quote, or the new quote has its own speaker', () => {
  // The attributed quote is not the last sentence of its paragraph: the paragraph moved on to other things.
  const moved = 'The harbour board met on Monday.\n“The ferry has been a good partner for the island for many years,” Ana Berg said. The vote on the fees was then put off until the spring.\n“We need to be careful about the next contract” before any new fees are set, as several fishermen have asked.';
  assert.equal(quoteOf(moved, /need to be careful/)?.speaker, undefined);
  // The new quote's own sentence names its speaker.
  const own = 'The harbour board met on Monday.\n“The ferry has been a good partner for the island for many years,” Ana Berg said.\n“We need to be careful about the next contract for the island ferry,” Ola Lund replied.';
  assert.equal(quoteOf(own, /need to be careful/)?.speaker, 'Ola Lund');
  // A quote in the middle of a paragraph (not opening it) is not continued this way.
  const mid = 'The harbour board met on Monday.\n“The ferry has been a good partner for the island for many years,” Ana Berg said.\nSome fishermen called it “a slow and costly disaster for the whole island” before the vote.';
  assert.equal(quoteOf(mid, /slow and costly disaster/)?.speaker, undefined);
});

test('after an asserting cue, a clause whose subject holds an infinitive is reported speech', () => {
  assert.equal(quoteOf('Ana Berg said the decision to close the inner harbour was a serious mistake.', /decision to close the inner harbour/)?.speaker, 'Ana Berg');
  assert.equal(quoteOf('Ola Lund claimed his plan to dredge the channel had been ignored by the council.', /plan to dredge the channel/)?.speaker, 'Ola Lund');
});

test('a request with an infinitive stays unreported, and a later verb behind a clause break does not make a clause', () => {
  // "warn/urge/tell X to …" are requests, not statements.
  assert.equal(quoteOf('Ana Berg warned the fishermen to leave the boats that were moored in the outer basin.', /fishermen to leave/), undefined);
  assert.equal(quoteOf('Ola Lund urged the council to act before the storm reaches the island tonight.', /council to act/), undefined);
  // After "say": the only finite verb sits behind "that"/"because", so "X to VERB" is no clause of its own.
  assert.equal(quoteOf('Ana Berg said nothing to the reporters that were waiting at the pier.', /nothing to the reporters/), undefined);
  assert.equal(quoteOf('Ola Lund said goodbye to the fishermen because the ferry was leaving.', /goodbye to the fishermen/), undefined);
});

test('a person named at the clause start keeps speaking across a long description with relative clauses', () => {
  assert.equal(quoteOf('The vote failed. Now even Ola Lund, who is no less than a deputy of the harbour board appointed by the mayor, declares that the ferry would stop.', /ferry would stop/)?.speaker, 'Ola Lund');
  assert.equal(quoteOf('The vote failed. Ana Holm, a retired teacher who hopes for a town in which nobody is left behind, said that the council had ignored her.', /council had ignored her/)?.speaker, 'Ana Holm');
  // Negative: a name that is an object ("thanked Ola Lund, a pilot …") is not the subject of the later verb.
  assert.notEqual(quoteOf('The board thanked Ola Lund, a pilot who is now an adviser to the mayor, and said that the ferry would stop.', /ferry would stop/)?.speaker, 'Ola Lund');
});

test('a parenthesis between the cue and "that" is an aside', () => {
  assert.equal(quoteOf('The vote failed. Ana Berg said in July (at about the same time as the letter was sent) that the ferry would stop.', /ferry would stop/)?.speaker, 'Ana Berg');
  // Negative: no that-clause after the parenthesis, so nothing is reported.
  assert.equal(quoteOf('Ola Lund said (see the chart below) nothing about the fees that were raised.', /fees that were raised|were raised/), undefined);
});

test('"X’s claim was that …" reports X, but only when X’s claim opens the clause', () => {
  assert.equal(quoteOf('The vote failed. But Ola Lund’s main claim was that the ferry would stop in May.', /ferry would stop in May/)?.speaker, 'Ola Lund');
  // Negative: the writer judging the claim, and a noun that is no statement.
  assert.equal(quoteOf('The vote failed. The trouble with Ola Lund’s claim is that the figures are three years old.', /figures are three years old/), undefined);
  assert.equal(quoteOf('The vote failed. Ola Lund’s main worry was that the ferry would stop in May.', /ferry would stop in May/), undefined);
});
