/**
 * Rules added in quotes@1.17.0 (session 13: written from the errors of batches 22 and 23, Reuters newswire, after
 * batch 23's one blind run). All texts are invented (a made-up harbour town); each rule has a case that must keep its
 * speaker.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QUOTES_BY } from '../../src/analyzers/quotes/find.js';
import { quoteRows, speakerWith, type Ents } from './helpers.js';

test('version of these rules', () => assert.match(QUOTES_BY, /^quotes@1\.(1[7-9]|[2-9]\d)\./));

const quotes = quoteRows;
const speakerOf = speakerWith;

const harbour: Ents = [{ text: 'Ana Berg', label: 'PER' }, { text: 'Tarnby', label: 'LOC' }];

test('with the NER layer, a capitalised sentence opener it leaves untagged is an ordinary word, not a speaker', () => {
  const text = 'Ana Berg runs the port of Tarnby.\nAdministration officials said that the harbour would reopen in May.\nEyewitnesses told reporters that the ferry had left early.';
  assert.equal(speakerOf(text, /harbour would reopen/, harbour), undefined);
  assert.equal(speakerOf(text, /ferry had left/, harbour), undefined);
  // Without any entities (NER off) the rules cannot tell, and keep the old reading.
  assert.equal(speakerOf(text, /harbour would reopen/), 'Administration');
  assert.equal(speakerOf(text, /ferry had left/), 'Eyewitnesses');
  // A singular word right before the verb is more often a surname the NER missed ("Kolvik said …").
  const surname = 'Ana Berg runs the port of Tarnby.\nKolvik said the harbour would reopen in May.';
  assert.equal(speakerOf(surname, /harbour would reopen/, harbour), 'Kolvik');
  // And a word the article writes capitalised inside a sentence is a name wherever it stands.
  const named = 'Ana Berg met Kolviks at the port of Tarnby.\nKolviks officials said the harbour would reopen in May.';
  assert.equal(speakerOf(named, /harbour would reopen/, harbour), 'Kolviks');
});

test('a plural nationality the NER tags MISC opens no named speaker ("The Tarnbians claimed …")', () => {
  const text = 'Ana Berg runs the port of Tarnby.\nThe Tarnbians claimed that the new ferry had been built abroad.';
  const ents: Ents = [...harbour!, { text: 'Tarnbians', label: 'MISC' }];
  assert.equal(speakerOf(text, /new ferry/, ents), undefined);
  // An outlet the NER happens to call MISC keeps its name.
  const outlet = 'Ana Berg runs the port of Tarnby.\nThe Gazette said that the new ferry had been built abroad.';
  assert.equal(speakerOf(outlet, /new ferry/, [...harbour!, { text: 'Gazette', label: 'MISC' }]), 'Gazette');
});

test('a demonym before a lower-case body is unattributed; a capitalised body is named', () => {
  assert.equal(speakerOf('The Norwegian government said that the ferry would stay in port until May.', /ferry would stay/), undefined);
  assert.equal(speakerOf('The Norwegian army said that the ferry would stay in port until May.', /ferry would stay/), undefined);
  assert.equal(speakerOf('The Norwegian Transport Ministry said that the ferry would stay in port until May.', /ferry would stay/), 'Norwegian Transport Ministry');
});

test('"X quoted Y as saying …": Y speaks, not the outlet; an unnamed Y gives a quote without a speaker', () => {
  const text = 'Harbour Radio quoted Ana Berg as saying that the boats would stay in port until May.';
  assert.equal(speakerOf(text, /boats would stay/, harbour), 'Ana Berg');
  const unnamed = 'Harbour Radio quoted local fishermen in the town of Tarnby, on the coast, as saying the boats would stay in port.';
  assert.equal(speakerOf(unnamed, /boats would stay/, harbour), undefined);
  const direct = 'Ana Berg spoke on Friday.\n"The boats stay in port until the storm is over," Harbour Radio quoted Berg as saying.';
  assert.equal(speakerOf(direct, /boats stay in port/, harbour), 'Ana Berg');
});

test('"X said that …, the Gazette said": the outlet passes on what X said', () => {
  const text = 'Mayor Ana Berg said on Friday that the harbour would reopen in May, the Harbour Gazette said.';
  const q = quotes(text, harbour).filter((x) => x.speaker);
  assert.deepEqual(q.map((x) => [x.content.slice(0, 22), x.speaker]), [['the harbour would reop', 'Ana Berg']]);
  // A trailing attribution by a person still wins over the clause it closes.
  const person = 'Ana Berg reminded them that the harbour would reopen in May, Jon Pell said.';
  assert.deepEqual(quotes(person, harbour).filter((x) => x.speaker).map((x) => x.speaker), ['Jon Pell']);
});

test('a place after a lower-case plural head is where the speakers are, not who they are', () => {
  const text = 'Fishermen leaders in Tarnby have criticised the council, saying it ignored the harbour for years.';
  assert.ok(!quotes(text, harbour).some((q) => q.speaker === 'Tarnby'));
  // A named person "of" a body keeps the name.
  assert.equal(speakerOf('Ana Berg of the Tarnby Harbour Board said the ferry would stay in port until May.', /ferry would stay/, harbour), 'Ana Berg');
});

test('a time word after the cue is not the subject of a clause: the clause before the attribution is the content', () => {
  const text = 'Boat traffic fell sharply in July, the Port Authority said Friday, as fuel prices rose again.';
  const q = quotes(text).find((x) => x.speaker === 'Port Authority');
  assert.ok(q);
  assert.equal(q.content, 'Boat traffic fell sharply in July');
});

test('a line that lists names after a colon (a team line-up) is no transcript turn', () => {
  const text = 'Tarnby drew with Kolvik on Saturday.\nTarnby: Ana Berg, Jon Pell, Rita Cole, Dana Brook, Ola Lund, Per Moe.\nKolvik: Lars Dahl, Eva Holm, Kari Lie, Odd Nes, Tor Vik, Siv Ask.';
  assert.deepEqual(quotes(text).filter((q) => q.kind === 'colon'), []);
  // Turns that say something are still turns.
  const talk = 'Ana Berg and Jon Pell spoke on Friday.\nBerg: We will keep the boats in port until the storm is over.\nPell: The fishermen have families to feed, and they cannot wait.';
  assert.deepEqual(quotes(talk).filter((q) => q.kind === 'colon').map((q) => q.speaker), ['Ana Berg', 'Jon Pell']);
});

test('a he after a sentence whose subject has a long or quoted relative clause is that subject', () => {
  const text = [
    'Tor Moe shot 67 on Thursday.',
    '"Today I got to play golf," Moe said.',
    'Ola Lund, who called his round a "pleasant surprise," finished with six birdies.',
    '"We finally got things going in the right direction," he said.',
    'Jan Vik, whose only win came at the Tarnby Open in 1994 and whose best finish this year was a third place at the Kolvik Open, eagled the fourth hole.',
    '"No bogeys on the card, and that matters to me," he noted.',
  ].join('\n');
  const got = quotes(text).filter((q) => q.kind === 'direct').map((q) => q.speaker);
  assert.deepEqual(got, ['Tor Moe', 'Ola Lund', 'Jan Vik']);
});
