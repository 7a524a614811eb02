/**
 * Rules added in quotes@1.29.0 (session 17: written from the errors of batch 37, EUvsDisinfo case descriptions, after
 * its blind run of quotes@1.28.0, checked against the PTC articles and batches 22–36). Invented text, invented names.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QUOTES_BY } from '../../src/analyzers/quotes/find.js';
import { quoteRows, speakerWith } from './helpers.js';

test('version', () => assert.match(QUOTES_BY, /^quotes@1\.(29|[3-9]\d)\./));

test('"According to the Norland Border Service the number of … is …": no comma after the source', () => {
  const ents = [{ text: 'Norland Border Service', label: 'ORG' as const }];
  assert.equal(speakerWith('According to the Norland Border Service the number of fishermen crossing the strait is actually smaller.', /number of fishermen/, ents), 'Norland Border Service');
  // An indefinite description is no name to cut at ("an ex-Harbour Service agent, Ana Berg …").
  const text = 'According to an ex-Harbour Service agent, the mayor Ana Berg was regularly seen at the pier at night.';
  const q = quoteRows(text, [{ text: 'Harbour Service', label: 'ORG' }, { text: 'Ana Berg', label: 'PER' }]).find((x) => /regularly seen/.test(x.content));
  assert.notEqual(q?.speaker, 'Harbour Service');
});

test('"CLAUSE according to the Norland Department of Defense.": a named source ends the sentence, with no comma', () => {
  const text = 'A Norland bomber accidentally dropped a practice bomb on a farm, causing a barn to burn down according to the Norland Department of Defense.';
  assert.equal(speakerWith(text, /practice bomb/, [{ text: 'Norland Department of Defense', label: 'ORG' }]), 'Norland Department of Defense');
});

test('"As reported by the Harbour Gazette, CLAUSE", "CLAUSE, as explained by Ana Berg.": the agent of a passive cue after "as"', () => {
  const ents = [{ text: 'Harbour Gazette', label: 'ORG' as const }, { text: 'Ana Berg', label: 'PER' as const }];
  assert.equal(speakerWith('As reported by the Harbour Gazette, copies of the letter were spread by hundreds of fake accounts.', /copies of the letter/, ents), 'Harbour Gazette');
  assert.equal(speakerWith('The council is an important partner of the town, but its policy is not set by the council, as explained by Ana Berg.', /important partner/, ents), 'Ana Berg');
});

test('"the Norland Ministry of Defence has stated": NER’s "Defence" alone does not shorten the body’s name', () => {
  const text = 'The Norland Ministry of Defence has stated that it is not in any talks about building a base on the island.';
  assert.equal(speakerWith(text, /not in any talks/, [{ text: 'Defence', label: 'ORG' }]), 'Norland Ministry of Defence');
});
