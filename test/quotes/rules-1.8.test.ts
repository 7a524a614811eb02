/**
 * Rules added in quotes@1.8.0 (round I, written from the errors of the 172 development articles, batch 10
 * included; batch 11 never opened). All texts are invented (a made-up harbour town) and each rule has
 * negative cases.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes, QUOTES_BY } from '../../src/analyzers/quotes/find.js';
import { docWith } from './helpers.js';

const find = (text: string) => findQuotes(docWith(text)).map((q) => ({ kind: q.kind, speaker: q.speaker?.name, content: text.slice(q.content.start, q.content.end), by: q.by }));
const quoteOf = (text: string, content: RegExp) => find(text).find((q) => content.test(q.content));

test('the current version (1.9.0) on every result', () => {
  assert.ok(find('Marta Lindqvist said that the ferry would leave at dawn tomorrow.').every((q) => q.by === QUOTES_BY));
});

test('any verb with a that-clause reports speech of a named subject (not only listed cue verbs)', () => {
  assert.equal(quoteOf('Harbour judge Ana Berg ruled last month that the ferry company must pay the fishermen.', /ferry company must pay/)?.speaker, 'Ana Berg');
  assert.equal(quoteOf('Mayor Ola Lund instructed the harbour office that all boats must leave the inner basin.', /all boats must leave/)?.speaker, 'Ola Lund');
  assert.equal(quoteOf('The Varn Fishing Council notified Ana Berg that her licence had been renewed for a year.', /licence had been renewed/)?.speaker, 'Varn Fishing Council');
  assert.equal(quoteOf('Ola Lund made clear that the harbour would stay closed until the spring.', /harbour would stay closed/)?.speaker, 'Ola Lund');
});

test('that-clauses that are no statement of the subject stay unreported', () => {
  // Knowing, feeling and making sure are not speech.
  assert.equal(quoteOf('Ana Berg knew that the ferry would be late again this winter.', /ferry would be late/), undefined);
  assert.equal(quoteOf('Ola Lund made sure that the nets were dry before the storm came.', /nets were dry/), undefined);
  assert.equal(quoteOf('It seems that the ferry will be late again this winter.', /ferry will be late/), undefined);
  // "that" after a common noun is a relative or a noun complement; "that letter" is a demonstrative.
  assert.equal(quoteOf('Ola Lund debunked a rumour that the ferry had sunk near the island.', /ferry had sunk/), undefined);
  assert.equal(quoteOf('Ana Berg cited that letter during the hearing on the harbour fees.', /letter during/), undefined);
  // An indefinite body and a pronoun "it" are no speakers for an unlisted verb.
  assert.equal(quoteOf('A harbour court ruled that the ferry company must pay the fishermen.', /ferry company must pay/)?.speaker, undefined);
});

test('a how-clause after a verb of telling is reported speech', () => {
  assert.equal(quoteOf('Ana Berg described how the fishermen had rowed through the storm to the island.', /fishermen had rowed/)?.speaker, 'Ana Berg');
  assert.equal(quoteOf('Ola Lund pointed out how the harbour fees had doubled in two years.', /harbour fees had doubled/)?.speaker, 'Ola Lund');
  // Negative: knowing how is not telling how.
  assert.equal(quoteOf('Ana Berg knew how the fishermen had rowed through the storm to the island.', /fishermen had rowed/), undefined);
});

test('a strong cue followed by a subject pronoun and a verb takes the clause without "that"', () => {
  assert.equal(quoteOf('Ola Lund announced last week he was leaving the harbour council after ten years.', /he was leaving/)?.speaker, 'Ola Lund');
  assert.equal(quoteOf('Ana Berg revealed she wrote to the ministry twice about the broken pier.', /she wrote to the ministry/)?.speaker, 'Ana Berg');
  // Negative: an object noun phrase is no clause.
  assert.equal(quoteOf('Ola Lund announced the new ferry timetable to the council on Monday.', /timetable/), undefined);
});

test('a person named before a "from/of/at the …" phrase is the subject, not the institution', () => {
  const a = 'Professor Ana Berg from the University of Varn told the Gazette: “The ice will melt within ten years at this rate.”';
  assert.equal(quoteOf(a, /ice will melt/)?.speaker, 'Ana Berg');
  // Negative: a generic head before the phrase names nobody.
  const b = 'Neighbours of the Harbour Office said that the ferry was late again this week.';
  assert.equal(quoteOf(b, /ferry was late/)?.speaker, undefined);
});

test('"Name, a description who says …": the named person speaks; an unnamed description does not', () => {
  assert.equal(quoteOf('Ola Lund, a fisherman who says he saw the ferry sink, spoke to the council.', /saw the ferry sink/)?.speaker, 'Ola Lund');
  assert.equal(quoteOf('A fisherman who says he saw the ferry sink spoke to the council.', /saw the ferry sink/)?.speaker, undefined);
  // The acronym WHO is an organisation, not a relative pronoun.
  assert.equal(quoteOf('The WHO says that the fever has spread to three villages near the coast.', /fever has spread/)?.speaker, 'WHO');
});

test('"Name, 69, did X and said …" and "Name — a description who … — said …": the named person speaks', () => {
  assert.equal(quoteOf('Ola Lund, 69, denies any role in the fire and says the claim is completely false.', /claim is completely false/)?.speaker, 'Ola Lund');
  assert.equal(quoteOf('Ana Berg, another fisherman, resigned in March last year and said harbour officials had refused to repair the pier.', /harbour officials had refused/)?.speaker, 'Ana Berg');
  assert.equal(quoteOf('Rep. Ola Lund — a harbour councillor who has studied the case — said the missing boat contained copies of the records.', /missing boat contained/)?.speaker, 'Ola Lund');
  // Negatives: a generic subject before the dashes, or a verb inside the comma phrase, names nobody.
  assert.equal(quoteOf('Two fishermen — both of whom had studied the case — said the missing boat contained copies of the records.', /missing boat contained/)?.speaker, undefined);
  assert.equal(quoteOf('The plan, which failed twice, was dropped and said nothing about the missing boat or its records.', /missing boat/)?.speaker, undefined);
});
