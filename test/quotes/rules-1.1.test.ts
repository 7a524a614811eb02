/** Attribution rules added in quotes@1.1.0. All texts here are invented for the tests. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes, QUOTES_BY } from '../../src/analyzers/quotes/find.js';
import { component } from '../../src/analyzers/quotes/index.js';
import { docWith } from './helpers.js';

const find = (text: string) => findQuotes(docWith(text)).map((q) => ({ kind: q.kind, speaker: q.speaker?.name, content: text.slice(q.content.start, q.content.end), by: q.by }));

test('the current version on the component and on every result (the 1.1.0 rules below still hold in 1.9.0)', () => {
  assert.equal(component.version, QUOTES_BY.split('@')[1]);
  assert.ok(find('Marta Lindqvist said that the ferry would leave at dawn tomorrow.').every((q) => q.by === QUOTES_BY));
});

test('a cue the tagger reads as an adjective after a name ("Kovac detailed")', () => {
  const qs = find('Anna Kovac spoke to the press on Monday.\n“We counted more than forty boats in the harbour that night,” Kovac detailed.');
  assert.equal(qs.length, 1);
  assert.equal(qs[0].speaker, 'Anna Kovac');
});

test('noun cues: "voiced alarm that", "made the claim that"', () => {
  const a = find('Mayor Ilse Brandt voiced alarm that the river would flood the old town by Friday.');
  assert.equal(a[0]?.speaker, 'Ilse Brandt');
  assert.equal(a[0]?.content, 'the river would flood the old town by Friday');
  const b = find('Tomas Wren made the claim that the bridge had been closed for weeks.');
  assert.equal(b[0]?.speaker, 'Tomas Wren');
  // A plain "made" is not speech.
  assert.equal(find('Tomas Wren made a cake that everyone at the office liked very much.').length, 0);
});

test('a named source reporting after the clause: "…, the Harbour Gazette reported Wednesday."', () => {
  const qs = find('Three ferries were cancelled because of the storm, the Harbour Gazette reported Wednesday.');
  assert.equal(qs.length, 1);
  assert.equal(qs[0].speaker, 'Harbour Gazette');
  assert.equal(qs[0].content, 'Three ferries were cancelled because of the storm');
  // Weak cues still need a named source: "…, officials reported" stays unattributed.
  assert.ok(find('Three ferries were cancelled because of the storm, officials reported.').every((q) => !q.speaker));
});

test('"As X wrote for …," takes the clause after the comma', () => {
  const qs = find('As Lund wrote for the Gazette, the bigger question is whether the council will pay for the repairs.');
  assert.equal(qs[0]?.speaker, 'Lund');
  assert.equal(qs[0]?.content, 'the bigger question is whether the council will pay for the repairs');
});

test('adjuncts between the cue and an un-marked clause: "said in a radio interview on Monday night"', () => {
  const qs = find('Governor Pia Holm said in a radio interview on Monday night some residents had already returned home.');
  assert.equal(qs[0]?.speaker, 'Pia Holm');
  assert.equal(qs[0]?.content, 'some residents had already returned home');
});

test('"said on Thursday it has …" and "says none of …"', () => {
  assert.equal(find('Norway said on Thursday it has seen no sign of the missing cargo.')[0]?.speaker, 'Norway');
  assert.equal(find('Harbour Clinic says none of its doctors examined the sailor that week.')[0]?.speaker, 'Harbour Clinic');
});

test('a parenthesis after the name: "Rep. Ana Reyes (D-Ore.) said"', () => {
  const qs = find('During an interview on the radio, Rep. Ana Reyes (D-Ore.) said she has seen evidence that the dam was poorly built.');
  assert.equal(qs[0]?.speaker, 'Ana Reyes');
});

test('"…," said X, adding that …: the participle takes the inverted speaker', () => {
  const qs = find('“I never saw him with a weapon,” said Rick, adding that the two of them played cards every week.');
  assert.deepEqual(qs.map((q) => q.speaker), ['Rick', 'Rick']);
  assert.equal(qs[1].content, 'the two of them played cards every week');
});

test('coordination over a quote: "X called the story “…” and said he …"', () => {
  const qs = find('In a statement, Halvorsen called the story “false from beginning to end” and said he was considering legal action.');
  const reported = qs.find((q) => q.content.startsWith('he was considering'));
  assert.equal(reported?.speaker, 'Halvorsen');
});

test('a full stop inside the marks ends the sentence: the next cue is not the quote’s attribution', () => {
  const text = 'The Harbour Gazette reported the meeting.\nThe Port Union said it was “ready to bet anything that the minister never met them.” It later tweeted that the talks were over.';
  const qs = find(text);
  const tweeted = qs.find((q) => q.content.startsWith('the talks were over'));
  assert.equal(tweeted?.speaker, 'Port Union');
});

test('"according to a claim made by X" and "according to a UN estimate"', () => {
  const a = find('The dam has cracks on its north side, according to a surprising claim made by Senator Ola Berg.');
  assert.equal(a[0]?.kind, 'according-to');
  assert.equal(a[0]?.speaker, 'Ola Berg');
  const b = find('About 300 cases are recorded every year, according to a UN estimate.');
  assert.equal(b[0]?.speaker, 'UN');
  // "X said …, according to a report by Y": the clause keeps its own speaker only.
  const c = find('Pia Holm said she would close the port, according to a report by Harbour Gazette.');
  assert.deepEqual(c.map((q) => q.speaker), ['Pia Holm']);
});

test('"Sen. X to committee members: “…”"', () => {
  const qs = find('Sen. Ola Berg to committee members: "This hearing is the worst thing I have seen in my career."');
  assert.equal(qs[0]?.speaker, 'Ola Berg');
});

test('"goes on to explain that" skips the catenative verb', () => {
  const qs = find('“We ran as fast as we could,” Rocco Vale said.\nThe man then goes on to explain that he hid behind a car for an hour.');
  assert.equal(qs[1]?.speaker, 'Rocco Vale');
});

test('a pronoun whose referent was introduced without speaking (same sentence)', () => {
  const qs = find('The ministry admitted Jonas Amberg into the country, although he had once said: “Every harbour should be closed to foreigners.”');
  const direct = qs.find((q) => q.kind === 'direct' || q.kind === 'colon');
  assert.equal(direct?.speaker, 'Jonas Amberg');
});

test('a pronoun with two people named before it in the sentence stays unattributed', () => {
  const qs = find('Jonas Amberg met Pia Holm in the port, and he said that the ferry would leave at dawn.');
  assert.equal(qs[0]?.speaker, undefined);
});

// Second round of 1.1.0 rules (written from errors on batches 1–3; see docs/quotes-and-claims.md).

test('two sources named together are credited to the first, and "they" finds the pair', () => {
  const qs = find('Governor Ola Berg said on Monday that the island would get more aid.\nOn Friday, Berg and Lund said the island was to get 11 billion dollars in all.\nThe money would be used to rebuild homes and schools, they said.');
  assert.deepEqual(qs.map((q) => q.speaker), ['Ola Berg', 'Ola Berg', 'Ola Berg']);
  // One name with "and" inside stays whole.
  assert.equal(find('The Customs and Border Agency said that 40 people were arrested at the port.')[0]?.speaker, 'Customs and Border Agency');
});

test('gender the article marks blocks a pronoun or a gendered title', () => {
  const text = 'Karl Wendt denied the charges against his company.\n“I never paid anyone,” Wendt said.\nThe woman says she was threatened by his guards.\n“I was afraid to go home,” she said.';
  const qs = find(text);
  assert.equal(qs[0].speaker, 'Karl Wendt');
  assert.ok(qs.slice(1).every((q) => q.speaker === undefined), JSON.stringify(qs));
  // An anonymous woman does not block "he" from reaching the man named as the subject just before.
  const b = find('The woman says she was threatened by Karl Wendt.\nWendt, 53, flatly denied the claims of his former guard.\n“I never paid anyone,” he said.');
  assert.equal(b[b.length - 1].speaker, 'Karl Wendt');
});

test('"According to X, Y argues that …" credits Y; an outlet before a person stays the source', () => {
  const a = find('According to the Harbour Gazette, Lindqvist argues that the same officials were lenient with others.');
  assert.deepEqual(a.map((q) => q.speaker), ['Lindqvist']);
  const b = find('According to the New York Harbour Gazette, Lena Park, the new port director, closed the north gate at night.');
  assert.equal(b[0]?.kind, 'according-to');
  assert.equal(b[0]?.speaker, 'New York Harbour Gazette');
});

test('"The Gazette adds that the WHO said …" credits the inner named speaker; capital acronyms are names', () => {
  const qs = find('The Harbour Gazette adds that the WHO said it saw no reason for new travel limits.');
  assert.deepEqual(qs.map((q) => q.speaker), ['WHO']);
  assert.equal(find('WHO said Tuesday that it is in daily contact with the ministry.')[0]?.speaker, 'WHO');
});

test('"the company said" after a named organisation spoke just before', () => {
  const qs = find('Harbourburger told the Gazette that it is cooperating with the police.\n“We were shocked to see this video in our restaurant,” the company said.');
  assert.deepEqual(qs.map((q) => q.speaker), ['Harbourburger', 'Harbourburger']);
});

test('inverted "reports NAME" and "posted on its page"', () => {
  const a = find('Dorn was reached a day after the fire, reports Gazette correspondent Mira Vale.');
  assert.equal(a[0]?.speaker, 'Mira Vale');
  const b = find('“One of our cooks was filmed shoving a guest at the counter,” the Rumble bar in Eastport posted on its page.');
  assert.match(b[0]?.speaker ?? '', /^Rumble bar/);
});

test('an unmarked clause whose verb comes late: "said Eastport’s location on the river, widely used …, raised"', () => {
  const qs = find('Dr Ines Salo said Eastport’s location on the river, widely used for transport, raised the prospect of the disease spreading.');
  assert.equal(qs[0]?.speaker, 'Ines Salo');
});

// Third round of 1.1.0 rules (written from errors on batches 1–4).

test('a straight opening mark closed by a curly one', () => {
  const qs = find('"We have to stop blaming the ferry crews for the delays,” Lemmon said.');
  assert.equal(qs[0]?.speaker, 'Lemmon');
  assert.equal(qs[0]?.content, 'We have to stop blaming the ferry crews for the delays');
});

test('scare quotes stay inside the clause: "were “direct and candid,” X said"', () => {
  const qs = find('The talks were “direct and candid,” harbour spokeswoman Ana Reyes said.');
  assert.equal(qs[0]?.speaker, 'Ana Reyes');
});

test('an unmarked clause may open with a quotation mark', () => {
  const qs = find('Mayor Ola Berg on Monday suggested “rogue captains,” not the port authority, may have caused the collision.');
  assert.equal(qs[0]?.speaker, 'Ola Berg');
});

test('a quote that opens a paragraph and ends its sentence takes the previous speaker', () => {
  const text = '“We don’t know the cause at this point,” Ragan said, adding that the case was open.\n“Now the question is why. And we don’t know the answer.” The driver crashed the van into the gate.';
  const qs = find(text);
  const second = qs.find((q) => q.content.startsWith('Now the question'));
  assert.equal(second?.speaker, 'Ragan');
});

test('"X, for his part, compared …, saying …" and "X revised the timeline and said …"', () => {
  const a = find('Soros, for his part, compared the minister to a dictator, saying his rule was a return to the darkest years of the country.');
  assert.equal(a[0]?.speaker, 'Soros');
  const b = find('But now, questions have been raised after Sheriff Joe Lombard revised the timeline and said the guard had been shot earlier.');
  assert.equal(b[0]?.speaker, 'Joe Lombard');
});

test('"The paper noted that" goes to the last outlet that spoke; "X’s statement says" to X', () => {
  const a = find('According to The Harbour Times, the storm was the last straw for many parents.\nThe paper noted that the phones at the coalition have not stopped ringing since.');
  assert.deepEqual(a.map((q) => q.speaker), ['Harbour Times', 'Harbour Times']);
  const b = find('“Funds will be used to support him while he recovers,” Rodriguez’s statement says.');
  assert.equal(b[0]?.speaker, 'Rodriguez');
});

test('an ellipsis ends the sentence: "…, Ragan said…."', () => {
  const qs = find('When they opened the doors they found five propane tanks and three phones, Ragan said….');
  assert.equal(qs[0]?.speaker, 'Ragan');
});
