import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../src/nlp/tokenize.js';

const words = (text: string) => tokenize(text).tokens.map((t) => text.slice(t.start, t.end));

// wink-nlp adds every unseen word to its lexicon and then tokenizes that word differently; the wrapper in
// tokenize.ts keeps each text's tokens independent of the texts read before it.
test('tokens of a text do not depend on the texts tokenized before it', () => {
  const text = 'Brandvik’s boat left the harbour at noon.';
  const before = tokenize(text);
  assert.deepEqual(words(text).slice(0, 2), ['Brandvik', '’s']);
  // wink leaves a possessive unsplit before a final period, learns "Brandvik’s" as a word, and used to stop
  // splitting it everywhere after that.
  assert.ok(words('The last log was Brandvik’s.').includes('Brandvik’s'));
  assert.deepEqual(tokenize(text), before);
});

test('a word learned inside one text still counts within that text', () => {
  // The same sentence twice in one text tokenizes the same both times.
  const line = 'Quorvalt’s envoy spoke at length.';
  const text = `The envoy was Quorvalt’s.\n${line}\n${line}`;
  const toks = tokenize(text).tokens;
  const lines = [text.indexOf(line), text.lastIndexOf(line)].map((at) => toks.filter((t) => t.start >= at && t.end <= at + line.length).map((t) => text.slice(t.start, t.end)));
  assert.deepEqual(lines[0], lines[1]);
});

test('the engine is rebuilt after many texts without changing tokens', () => {
  const text = 'Selvander’s report was read aloud.';
  const before = tokenize(text);
  for (let i = 0; i < 2100; i++) tokenize(`Note ${i} was Selvander’s.`);
  assert.deepEqual(tokenize(text), before);
});
