/**
 * Rules added in quotes@1.3.0 (round E, written from errors on the 100 development articles).
 * All texts are invented for the tests (a made-up harbour town); each rule has negative cases.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes, QUOTES_BY } from '../../src/analyzers/quotes/find.js';
import { docWith } from './helpers.js';

const find = (text: string) => findQuotes(docWith(text)).map((q) => ({ speaker: q.speaker?.name, content: text.slice(q.content.start, q.content.end), confidence: q.confidence, by: q.by }));
const quoteOf = (text: string, content: RegExp) => find(text).find((q) => content.test(q.content));

test('fallback: a quote paragraph after a line whose subject is a named person goes to that person', () => {
  const a = 'The fire started at the port on Monday.\nAna Berg saw the fire too.\n“It kept burning all night and nobody came to help us.”';
  const q = quoteOf(a, /kept burning/);
  assert.equal(q?.speaker, 'Ana Berg');
  // A fallback is weaker than a cue: its confidence is below a named, cued quote's.
  assert.equal(q?.confidence, 0.55);
  assert.equal(q?.by, QUOTES_BY);
  // An appositive subject set off by commas ("The harbour master's deputy, Ana Berg, saw …").
  const b = 'The fire started at the port on Monday.\nThe harbour master’s deputy, Ana Berg, saw it too.\n“It kept burning all night and nobody came to help us.”';
  assert.equal(quoteOf(b, /kept burning/)?.speaker, 'Ana Berg');
});

test('fallback: no speaker when the previous line has no named subject, a quote of its own, or a capitalised common word', () => {
  // Subject is an organisation-like or generic phrase.
  const a = 'The fire started at the port on Monday.\nThe ministry reported the damage.\n“The harbour will stay closed for the whole winter.”';
  assert.equal(quoteOf(a, /stay closed/)?.speaker, undefined);
  // The previous line is not about a person at all.
  const b = 'The fire started at the port on Monday.\nThe smoke covered the whole town.\n“The harbour will stay closed for the whole winter.”';
  assert.equal(quoteOf(b, /stay closed/)?.speaker, undefined);
  // A single capitalised word opening a headline-like line is not a name ("Fisherman gets …").
  const c = 'Fisherman gets two years for smuggling eels\n“I did not know what was in the boxes when I took them.”';
  assert.equal(quoteOf(c, /did not know/)?.speaker, undefined);
  // The quote paragraph has its own attribution: the fallback does not override it.
  const d = 'The fire started at the port on Monday.\nAna Berg saw the fire too.\n“It kept burning all night and nobody came,” said Tomas Brandt.';
  assert.equal(quoteOf(d, /kept burning/)?.speaker, 'Tomas Brandt');
});

test('a capitalised word opening a hyphenated modifier is not a speaker ("Net-ban advocates believe …")', () => {
  const a = 'Net-ban advocates believe that the ministry gave in far too soon.';
  assert.equal(quoteOf(a, /gave in/)?.speaker, undefined);
  // Control: a real organisation before a generic noun still speaks ("Harbourline officials said").
  const b = 'HBL officials said that the ferry would leave at dawn tomorrow.';
  assert.equal(quoteOf(b, /ferry would leave/)?.speaker, 'HBL');
});

test('colon introduction: a quote after "NAME <any verb> …:" goes to the named subject when no cue attributes it', () => {
  const a = 'The council met on Monday.\nLocal director of schools, Tomas Brandt, defended the plan: “It is our job to keep the harbour open for everyone.”';
  assert.equal(quoteOf(a, /our job/)?.speaker, 'Tomas Brandt');
  // No named person before the colon: no speaker.
  const b = 'The council met on Monday.\nThe report reads: “The harbour will stay closed for the whole winter.”';
  assert.equal(quoteOf(b, /stay closed/)?.speaker, undefined);
  // The name is the object, not the subject: no speaker.
  const c = 'The council met on Monday.\nThe ministry sent a letter to Ana Kovac: “We will not reopen the old harbour this year.”';
  assert.equal(quoteOf(c, /not reopen/)?.speaker, undefined);
  // A headline colon joins a label to a quote: not this rule.
  const d = 'Harbour Fire Witness: “There Were Two Boats Burning That Night”\n\nThe fire started at the port on Monday.';
  assert.notEqual(quoteOf(d, /Two Boats/)?.speaker, 'Harbour Fire Witness');
});

test('a new sentence that introduces a quote with a colon does not inherit the previous quote\'s speaker', () => {
  const a = 'Director Tomas Brandt defended the plan: “It is our job to keep the harbour open for all of us.” The fishermen, however, shot back: “Nobody asked us what we wanted from the harbour.”';
  assert.equal(quoteOf(a, /our job/)?.speaker, 'Tomas Brandt');
  assert.equal(quoteOf(a, /Nobody asked/)?.speaker, undefined);
  // Control: a continuation in the same sentence keeps the speaker.
  const b = '“It is our job to keep the harbour open,” Tomas Brandt told the council, adding: “We will not close it for a single day.”';
  assert.equal(quoteOf(b, /single day/)?.speaker, 'Tomas Brandt');
});

test('colon-introduction fallback has the fallback confidence, not a cued quote\'s', () => {
  const a = 'The council met on Monday.\nLocal director of schools, Tomas Brandt, defended the plan: “It is our job to keep the harbour open for everyone.”';
  assert.equal(quoteOf(a, /our job/)?.confidence, 0.55);
  const b = 'The council met on Monday.\nLocal director of schools, Tomas Brandt, said: “It is our job to keep the harbour open for everyone.”';
  assert.equal(quoteOf(b, /our job/)?.confidence, 0.9);
});
