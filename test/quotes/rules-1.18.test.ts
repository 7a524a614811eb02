/**
 * Rules added in quotes@1.18.0 (session 13, second round: written from the errors of batches 24–25 after their blind
 * runs of quotes@1.17.0). All texts are invented (a made-up harbour town); each rule has a case that must keep its
 * speaker.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QUOTES_BY } from '../../src/analyzers/quotes/find.js';
import { quoteRows, speakerWith, type Ents } from './helpers.js';

test('version of these rules', () => assert.match(QUOTES_BY, /^quotes@1\.(1[89]|[2-9]\d)\./));

const quotes = quoteRows;
const speakerOf = speakerWith;

test('a lower-case kind of outlet after its name is not part of the name', () => {
  assert.equal(speakerOf('The ferry will stay in port until May, Harbour Echo newspaper said on Friday.', /ferry will stay/), 'Harbour Echo');
  assert.equal(speakerOf('Tarnby Wire news agency said that the ferry would stay in port until May.', /ferry would stay/), 'Tarnby Wire');
  // A capitalised kind is part of the name.
  assert.equal(speakerOf('The Tarnby Daily said that the ferry would stay in port until May.', /ferry would stay/), 'Tarnby Daily');
});

test('"in"/"at" a place after a body is where it sits, not its name; a demonym body there stays unattributed', () => {
  const ents: Ents = [{ text: 'Tarnby', label: 'LOC' }];
  assert.equal(speakerOf('The Harbour Information Office in Tarnby said on Monday that four boats had been seized.', /four boats/, ents), 'Harbour Information Office');
  assert.equal(speakerOf('The Norwegian embassy in Tarnby said on Monday that four boats had been seized.', /four boats/, ents), undefined);
  // "of" keeps the name whole.
  assert.equal(speakerOf('The Bank of Tarnby said on Monday that four boats had been seized.', /four boats/, ents), 'Bank of Tarnby');
});

test('with the NER layer, a place before a group noun ("Tarnby police") is unattributed; an organisation is not', () => {
  const text = 'Ana Berg lives in Tarnby.\nTarnby police said that five people were arrested at the harbour.';
  assert.equal(speakerOf(text, /five people/, [{ text: 'Ana Berg', label: 'PER' }, { text: 'Tarnby', label: 'LOC' }]), undefined);
  // Without the NER layer the rules cannot tell a place from a body.
  assert.equal(speakerOf(text, /five people/), 'Tarnby');
  const org = 'Ana Berg lives in Tarnby.\nHarbour Board officials said that five people were arrested at the harbour.';
  assert.equal(speakerOf(org, /five people/, [{ text: 'Ana Berg', label: 'PER' }, { text: 'Tarnby', label: 'LOC' }, { text: 'Harbour Board', label: 'ORG' }]), 'Harbour Board');
});

test('"added" with an object is no reported speech', () => {
  const none = (text: string) => assert.deepEqual(quotes(text).filter((q) => q.kind === 'indirect'), [], text);
  none('Jon Pell added an RBI single in the ninth and had four runs for Tarnby.');
  none('Tarnby Land added 12 pence to 468 pence as the harbour shares rose in early trade.');
  assert.equal(speakerOf('Ana Berg added the harbour would reopen in May.', /harbour would reopen/), 'Ana Berg');
});

test('an age before a name does not hide the subject a later "he said" refers to', () => {
  const text = [
    'Tor Moe beat Ola Lund in three sets.',
    '"I thought he looked a little unfocused at times," said Moe.',
    'The 19-year-old Jan Vik, who beat Lund last year, stayed calm against Per Ask.',
    '"I am pleased because I fought really well," he said.',
  ].join('\n');
  assert.deepEqual(quotes(text).filter((q) => q.kind === 'direct').map((q) => q.speaker), ['Tor Moe', 'Jan Vik']);
});
