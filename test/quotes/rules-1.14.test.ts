/**
 * Rules added in quotes@1.14.0 (round O, session 10: written from the errors of batches 6 and 19 after batch 19's one
 * blind run). All texts are invented (a made-up harbour town); each rule has a case that must stay unattributed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes } from '../../src/analyzers/quotes/find.js';
import { docWith, speakerIn } from './helpers.js';

const speakers = (text: string, entities: Parameters<typeof docWith>[1] = []) =>
  findQuotes(docWith(text, entities)).map((q) => [text.slice(q.content.start, q.content.start + 12), q.speaker?.name ?? '-', q.kind]);

test('a line that is only a name, a colon and a quotation is that person\'s quote when the article names them elsewhere', () => {
  const text = 'Harbour row\nThe former mayor, Ana Berg, left office in May.\nWhy did you resign?\nBerg: “I was tired, and the harbour needed someone younger than me.”';
  assert.equal(speakerIn(text, /^I was tired/), 'Ana Berg');
  // A page label is no speaker, and a name the article gives nowhere else is not trusted.
  const label = 'Harbour row\nThe former mayor, Ana Berg, left office in May.\nUpdate: “The council will meet again on Friday to vote on the harbour.”';
  assert.equal(speakerIn(label, /council will meet/), undefined);
  const unknown = 'Harbour row\nThe former mayor left office in May.\nWhy did you resign?\nKolvik: “I was tired, and the harbour needed someone younger than me.”';
  assert.equal(speakerIn(unknown, /^I was tired/), undefined);
});

const interview = (a: string, b: string) =>
  `Radio talk on the harbour\nDana Brook spoke with Jon Pell, a fisherman from Tarnby, on Friday.\n${a}: What is the latest on the harbour, and how are the boats doing?\n${b}: The boats are still tied up, and nobody has told us when we can go out.\nThey say the council will decide next month.\n${a}: Who is to blame for the delay at the council, in your view?\n${b}: The council itself, because it never listened to the men on the docks.`;

test('interview turns under initials belong to the one full name of the article with those initials', () => {
  const got = speakers(interview('DB', 'JP'));
  assert.deepEqual(got.filter((g) => g[2] === 'colon').map((g) => g[1]), ['Dana Brook', 'Jon Pell', 'Dana Brook', 'Jon Pell']);
  // A turn runs to the next label, so the line after JP's first answer is part of it, not a quote of its own.
  assert.ok(!got.some((g) => g[0].startsWith('the council')));
  // Two people with the same initials: the initials name nobody.
  const twice = interview('DB', 'JP').replace('on Friday.', 'on Friday, with Dora Bell listening.');
  assert.deepEqual(speakers(twice).filter((g) => g[2] === 'colon').map((g) => g[1]), ['Jon Pell', 'Jon Pell']);
});

test('full-name labels in a transcript with capitals labels are turns of that person', () => {
  const text = 'Radio talk\nDB: Jon, what is the latest on the harbour and the boats?\nJon Pell: The boats are still tied up, and nobody has told us when.\nDB: Who is to blame for the delay at the council, then?\nRita Cole: People forget that the fishermen have families to feed.\nDana Brook hosts the show.';
  const turns = speakers(text).filter((g) => g[2] === 'colon').map((g) => g[1]);
  assert.deepEqual(turns, ['Dana Brook', 'Jon Pell', 'Dana Brook', 'Rita Cole']);
  // With the entities layer present, a full-name label must be a person: an advert line is not a turn.
  const ad = text.replace('Rita Cole: People forget', 'Special Offer: People forget');
  const withNer = speakers(ad, [{ text: 'Jon Pell', label: 'PER' }, { text: 'Dana Brook', label: 'PER' }]).filter((g) => g[2] === 'colon').map((g) => g[1]);
  assert.deepEqual(withNer, ['Dana Brook', 'Jon Pell', 'Dana Brook']);
});
