/**
 * Rules added in quotes@1.12.0 (round M, issue 4: speakers for quotes the rules find but leave unattributed;
 * written from the errors of batches 1–13 only, batches 14–15 used as an aggregate validation set). All texts
 * are invented (a made-up harbour town); each rule has a case that must stay unattributed or keep its speaker.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes, joinTitleBreaks } from '../../src/analyzers/quotes/find.js';
import { docWith, speakerIn as speakerOf } from './helpers.js';


test('a line break after an abbreviated title is joined, and only there (same length, offsets kept)', () => {
  const text = 'Writes Fr.\nTomas Kellner: it rained.\nHe met Dr.\nAna Wade there.\nThey walked down Main St.\nBerg followed.\nShe saw Dr.\nThe end.';
  const { text: joined, joined: at } = joinTitleBreaks(text);
  assert.equal(joined.length, text.length);
  assert.deepEqual(at, [text.indexOf('Fr.') + 3, text.indexOf('Dr.\nAna') + 3]);
  assert.match(joined, /Fr\. Tomas Kellner/);
  assert.match(joined, /Dr\. Ana Wade/);
  // "St." also ends street names, and "Dr. ⏎ The …" starts a new sentence: both breaks stay.
  assert.match(joined, /Main St\.\nBerg/);
  assert.match(joined, /Dr\.\nThe end/);
});

test('a cue before a title split from its name by a line break: "Writes Fr. ⏎ Kellner: “…”"', () => {
  const text = 'The bishops met in July.\nWrites Fr.\nKellner: “I could hardly believe what the harbour council had decided that night.”\nThe meeting ended.';
  assert.equal(speakerOf(text, /hardly believe/), 'Kellner');
  // Without the title the one-word line opener is no speaker.
  const bare = 'The bishops met in July.\nWrites.\nKellner: “I could hardly believe what the harbour council had decided that night.”';
  assert.notEqual(speakerOf(bare, /hardly believe/), 'Kellner');
});

test('a quote paragraph after an attribution whose name was split from its title continues that speaker', () => {
  const text = 'The choir sang at the harbour.\n“It has been a very good year for all of us in the parish,” said the Rev.\nAna Wade, pastor of the harbour church.\n“Any time the town can sing together is a good thing.”\nThe council closed the meeting.';
  assert.equal(speakerOf(text, /sing together/), 'Ana Wade');
  // A plain sentence in between (not the split name) still ends the carry-over as before.
  const between = 'The choir sang at the harbour.\n“It has been a very good year for all of us in the parish,” said Ana Wade.\nThe mayor arrived late and the boats were counted.\n“Any time the town can sing together is a good thing.”';
  assert.equal(speakerOf(between, /sing together/), undefined);
});

test('a he/she after a sentence that opens with a split title and a name resolves to that name', () => {
  const text = 'The letter came in July.\nFr.\nTomas Kellner, a theologian, met the bishops.\nHe wrote to the pope, “The confusion among the faithful grows every single day.”';
  assert.equal(speakerOf(text, /confusion among/), 'Tomas Kellner');
  // Two people in that sentence and no one who spoke: the pronoun stays unresolved.
  const two = 'The letter came in July.\nFr.\nTomas Kellner and Mr.\nOla Dahl met the bishops.\nHe wrote to the pope, “The confusion among the faithful grows every single day.”';
  assert.equal(speakerOf(two, /confusion among/), undefined);
});

test('"answered" and "summarises" are cues with a quotation, not in other uses', () => {
  assert.equal(speakerOf('The vote was close.\nAna Berg reportedly answered, “It depends on what the harbour board decides tomorrow.”', /harbour board decides/), 'Ana Berg');
  assert.equal(speakerOf('The vote was close.\nThe Harbour Guild summarises, “A year after the fire the docks are still closed to the ferries.”', /still closed/), 'Harbour Guild');
  // "answered the phone" takes no clause: the reported-speech pass finds nothing there.
  const q = findQuotes(docWith('Ana Berg answered the phone and the ferry left the harbour at dawn.'));
  assert.equal(q.length, 0);
});

test('a one-word name opening a colon introduction speaks when the article gave it earlier as a surname', () => {
  const text = 'Ana Berg runs the ferry.\nThe plan was debated.\nBerg shot back: “The confusion among the faithful grows every single day.”';
  assert.equal(speakerOf(text, /confusion among/), 'Ana Berg');
  // A capitalised word at the start of a sentence that no full name ended is no speaker.
  const unknown = 'Ana Berg runs the ferry.\nThe plan was debated.\nCritics shot back: “The confusion among the faithful grows every single day.”';
  assert.equal(speakerOf(unknown, /confusion among/), undefined);
});

test('a full personal name in apposition right before the colon speaks: "…, the former chair, Ana Berg: “…”"', () => {
  const text = 'The vote was close.\nAmong those who object is the former chair of the guild, Ana Berg: “There is no plan because there are no boats.”';
  assert.equal(speakerOf(text, /no plan because/), 'Ana Berg');
  // A place after the comma is no speaker.
  const place = 'The vote was close.\nThe ferry goes from the harbour to the island of Nordvik, North Harbour: “There is no plan because there are no boats.”';
  assert.notEqual(speakerOf(place, /no plan because/), 'North Harbour');
});

test('the named owner of a speech noun right before a quoted fragment is its source: "Berg’s report “…”"', () => {
  const text = 'The inquiry ended in May.\nIncredibly, however, Mr. Ola Berg’s report “found no evidence that the ferry had been overloaded” on the night it sank.';
  assert.equal(speakerOf(text, /found no evidence/), 'Ola Berg');
  assert.equal(speakerOf('The ferry sank in May.\nThe mayor was angered by Ana Berg’s blunt reply, “We will not pay for the new docks.”', /not pay for/), 'Ana Berg');
  // A noun that is no speech ("Berg’s boat") gives no speaker.
  assert.equal(speakerOf('The ferry sank in May.\nThe mayor was angered by Ana Berg’s old boat, “The Seagull of the North Harbour.”', /Seagull/), undefined);
});
