/**
 * Rules added in quotes@1.6.0 (round G, written from the errors of the 140 development articles, batch 8
 * included; batch 9 never opened): surnames that are ordinary words, and honorifics the sentence splitter
 * cuts off. All texts are invented (a made-up harbour town) and each rule has negative cases.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes, QUOTES_BY } from '../../src/analyzers/quotes/find.js';
import { nameWordTokens } from '../../src/analyzers/quotes/namewords.js';
import type { Tok } from '../../src/analyzers/quotes/mention.js';
import { tokenize } from '../../src/nlp/tokenize.js';
import { docWith } from './helpers.js';

const find = (text: string, entities: Parameters<typeof docWith>[1] = []) =>
  findQuotes(docWith(text, entities)).map((q) => ({ kind: q.kind, speaker: q.speaker?.name, content: text.slice(q.content.start, q.content.end), by: q.by }));
const quoteOf = (text: string, content: RegExp) => find(text).find((q) => content.test(q.content));

/** The words nameWordTokens marks as surnames in a text (tagger tags, one line id per line). */
function surnames(text: string): string[] {
  const toks: Tok[] = tokenize(text).tokens.map((t) => ({ ...t, text: text.slice(t.start, t.end), lower: text.slice(t.start, t.end).toLowerCase() }));
  const lineOf = (k: number) => text.lastIndexOf('\n', toks[k].start - 1);
  return [...new Set([...nameWordTokens(toks, lineOf, () => false)].map((k) => toks[k].text))];
}

test('a colour-word surname after a given name is a name everywhere in the article', () => {
  const a = 'The harbour club does not sit well with Marit White, 61, a retired ferry captain.\n“As a parent I see no problem with an optional club after school,” White said.\nWhite holds the board responsible for the closure.';
  assert.equal(quoteOf(a, /optional club/)?.speaker, 'Marit White');
  assert.equal(quoteOf(a, /optional club/)?.by, QUOTES_BY);
  // Also at the start of the article, and with "White House" in between (still the organisation).
  const b = 'Marit White, a former board member, opposes the plan.\nThe White House said that the harbour plan would go ahead next spring.\n“As a parent I see no problem with an optional club after school,” White said.';
  assert.equal(quoteOf(b, /optional club/)?.speaker, 'Marit White');
  assert.equal(quoteOf(b, /harbour plan would go ahead/)?.speaker, 'White House');
});

test('negative: with no person named White, "White said" is nobody and "White House said" stays the organisation', () => {
  const a = 'Ana Berg said the quay was closed.\n“As a parent I see no problem with an optional club after school,” White said.';
  assert.equal(quoteOf(a, /optional club/)?.speaker, undefined);
  const b = 'Ana Berg said the quay was closed.\nThe White House said that the harbour plan would go ahead next spring.';
  assert.equal(quoteOf(b, /harbour plan would go ahead/)?.speaker, 'White House');
  assert.deepEqual(surnames('On Black Friday the White House said the ferries would run late.'), []);
});

test('a surname the tagger reads as a verb ("Wade says", "Ms. Cook said") is found and resolved', () => {
  const a = 'Oskar Wade, a retired teacher, sits on the harbour board.\nWade says that the north quay will reopen next spring.';
  assert.equal(quoteOf(a, /north quay will reopen/)?.speaker, 'Oskar Wade');
  const b = 'The ferry company wrote to the board on Monday.\nMs. Cook said she was able to leave the quay without any further trouble that night.';
  assert.equal(quoteOf(b, /able to leave the quay/)?.speaker, 'Cook');
  // Negative: no person named Hurt or Cook, so the ordinary words stay ordinary.
  const c = 'Ana Berg spoke to the crews on Monday.\nHurt feelings say nothing about whether the north quay will reopen next spring.';
  assert.equal(find(c).some((q) => q.speaker === 'Hurt'), false);
  const d = 'Ana Berg spoke to the crews on Monday.\nCook said she was able to leave the quay without any further trouble that night.';
  assert.equal(find(d).some((q) => q.speaker === 'Cook'), false);
});

test('title-word surnames ("Tove Judge", "Sanna King") are names; the titles still work as titles', () => {
  const a = 'The harbour pilot Tove Judge was on the quay that night.\n“I will cooperate with any inquiry into the harbour accident,” Judge said.\nJudge Ana Reyes said that the inquiry would start in May.';
  assert.equal(quoteOf(a, /cooperate with any inquiry/)?.speaker, 'Tove Judge');
  assert.equal(quoteOf(a, /inquiry would start in May/)?.speaker, 'Ana Reyes');
  const b = 'Meanwhile, harbour parent Sanna King noted in May: “My daughter had to learn every knot on the boat before she could sail.”';
  assert.equal(quoteOf(b, /every knot/)?.speaker, 'Sanna King');
  // Negative: a demonym or a place before a pure title makes no surname ("French President", "Texas Governor").
  assert.deepEqual(surnames('He met the French President and the Texas Governor on the quay.'), []);
  assert.deepEqual(surnames('The harbour pilot Tove Judge and Ms. Cook met Oskar Wade.').sort(), ['Cook', 'Judge', 'Wade']);
});

test('an honorific the splitter cuts off ("the Rev." at a line end) does not end the sentence', () => {
  const a = 'Supporters say the weekly class is harmless.\n“My experience with the club has been very positive for the whole parish,” said the Rev.\nAna Wade, senior pastor at the harbour chapel.';
  assert.equal(quoteOf(a, /very positive/)?.speaker, 'Ana Wade');
  const b = 'The Rev.\nOskar Wade leads the harbour chapel.\nWade, whose son, the Rev. Ken Wade, is also a pastor, says that the chapel will stay open.';
  assert.equal(quoteOf(b, /chapel will stay open/)?.speaker, 'Oskar Wade');
  // Negative: a full stop after an ordinary word still ends the sentence.
  const c = 'The crew left before the storm.\nAna Wade said that the quay would reopen in May.';
  assert.equal(quoteOf(c, /quay would reopen/)?.speaker, 'Ana Wade');
});

test('a quote that opens with its own cue verb: she “said she …” takes the subject before the mark', () => {
  const a = 'Ana Cook spoke to the harbour board in May.\nMs. Cook thinks the crash was in spring, but she “said she cannot recall several parts of that evening,” according to the Harbour Gazette.\nLater on, Ms. Cook “told nobody on the ferry what she had seen near the pier.”';
  assert.equal(quoteOf(a, /several parts of that evening/)?.speaker, 'Ana Cook');
  assert.equal(quoteOf(a, /told nobody on the ferry/)?.speaker, 'Ana Cook');
  // Negative: a noun phrase or "it" before the mark is no speaker, and a quote not opening with a cue keeps its own rules.
  const b = 'Ana Cook spoke to the harbour board in May.\nThe guide calls the old quay “said to be the oldest stone quay in the north” on its signs.\nThe ferry company wrote that it “said nothing about the new quay at all in the letter”.';
  assert.equal(quoteOf(b, /oldest stone quay/)?.speaker, undefined);
  assert.notEqual(quoteOf(b, /nothing about the new quay/)?.speaker, 'Ana Cook');
});
