/**
 * Rules added in quotes@1.10.0 (round K, precision: speakers that are no person or organisation name, written
 * from the errors of the 204 development articles, batch 12 included; batch 13 never opened). All texts are
 * invented (a made-up harbour town); each rule has a case that must keep its speaker.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes } from '../../src/analyzers/quotes/find.js';
import type { EntityLabel } from '../../src/analyzers/entities/types.js';
import { docWith } from './helpers.js';

type Ent = { text: string; label: EntityLabel };
const speakerOf = (text: string, content: RegExp, ents: Ent[] = []) => {
  const q = findQuotes(docWith(text, ents)).find((x) => content.test(text.slice(x.content.start, x.content.end)));
  assert.ok(q, `no quote matching ${content}`);
  return q.speaker?.name;
};

test('an ALL-CAPS heading before a colon is no speaker', () => {
  const text = 'Ferry news.\nHARBOUR FERRY STRATEGY: “You whip them up. The poor, the fishermen, the ferry riders.”\nThe plan was leaked.';
  assert.equal(speakerOf(text, /whip them up/), undefined);
  // An acronym organisation still speaks.
  assert.equal(speakerOf('The NTSB said the ferry had been overloaded on the night it sank.', /overloaded/), 'NTSB');
});

test('a capitalised plural group noun that opens its sentence is no name', () => {
  assert.equal(speakerOf('Campaigners have said the toll on the bridge is unfair to the smallest boats on the island.', /toll on the bridge/), undefined);
  assert.equal(speakerOf('Dentists have said the new harbour fees are unfair to the smallest boats.', /harbour fees/), undefined);
  // A person's name in the same place keeps it.
  assert.equal(speakerOf('Ana Berg has said the new harbour fees are unfair to the smallest boats.', /harbour fees/), 'Ana Berg');
});

test('a weekday and a part of the day, or a headline fragment with a capitalised auxiliary, is no name (also from NER)', () => {
  assert.equal(speakerOf('Friday Morning said the sketches were cruel and unkind to the fishermen of the island.', /cruel and unkind/), undefined);
  // A longer name that starts so may be an outlet.
  assert.equal(speakerOf('Friday Morning Radio said the sketches were cruel and unkind to the fishermen of the island.', /cruel and unkind/), 'Friday Morning Radio');
  const fragment = 'Ola Berg runs the ferry. In a column, Berg Will Continue hinted that the ferry accounts were ready to be published.';
  assert.equal(speakerOf(fragment, /ferry accounts/, [{ text: 'Berg Will Continue', label: 'PER' }]), 'Ola Berg');
});

test('a scripture or founding text is no speaker, but a person who bears its name is', () => {
  assert.equal(speakerOf('However, the Bible says: “Blessed are the fishermen who keep the harbour clean and open.”', /Blessed are/), undefined);
  assert.equal(speakerOf('However, the Qur’an says: “Blessed are the fishermen who keep the harbour clean and open.”', /Blessed are/), undefined);
  assert.equal(speakerOf('The port director, Daniel Bible, said: “The ferry will run all winter, whatever happens in the spring.”', /run all winter/), 'Daniel Bible');
});

test('"of <Place>" after a person\'s name is not part of it, even when NER includes it', () => {
  const text = 'Like other members, Sen. Ana Reyes of Norland asked: “Is there any reason at all to close the ferry early?”';
  assert.equal(speakerOf(text, /close the ferry early/, [{ text: 'Ana Reyes of Norland', label: 'PER' }]), 'Ana Reyes');
});

test('"the PM", "the AG" are titles: the person named with that title, never the abbreviation', () => {
  const pm = 'Norland PM Ola Berg spoke on Monday. The ferry will run all winter, whatever happens in the spring, the PM said.';
  assert.equal(speakerOf(pm, /run all winter/), 'Ola Berg');
  const ag = 'Attorney General Ola Berg spoke on Monday. “The ferry will run all winter, whatever happens in the spring,” the AG said in a statement.';
  assert.equal(speakerOf(ag, /run all winter/), 'Ola Berg');
  // With nobody so titled, no speaker rather than "AG".
  const none = 'Ola Berg spoke on Monday. “The ferry will run all winter, whatever happens in the spring,” the AG said in a statement.';
  assert.notEqual(speakerOf(none, /run all winter/), 'AG');
});

test('an outlet whose quoted report ends with a named person\'s attribution credits that person', () => {
  const after = 'The Gazette noted that at the pier “they found five gas cans, three ropes and a broken radio, Ola Berg said.”';
  assert.equal(speakerOf(after, /five gas cans/), 'Ola Berg');
  const inverted = 'The Gazette added that “the skipper’s plans are not known at this point, said Ola Berg, who denied a rumour about the ferry.”';
  assert.equal(speakerOf(inverted, /skipper’s plans/), 'Ola Berg');
  // No person's attribution inside: the outlet keeps the quote.
  const own = 'The Gazette noted that at the pier “they found five gas cans, three ropes and a broken radio in the old shed.”';
  assert.equal(speakerOf(own, /five gas cans/), 'Gazette');
});
