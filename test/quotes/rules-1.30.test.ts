/**
 * Rules added in quotes@1.30.0 (session 18: written from the errors of batches 36–39, EUvsDisinfo case descriptions,
 * after batch 39's blind run of quotes@1.29.0, checked against the PTC articles and Reuters batches 22–35). Invented
 * text, invented names.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QUOTES_BY } from '../../src/analyzers/quotes/find.js';
import { quoteRows, speakerWith } from './helpers.js';

test('version', () => assert.match(QUOTES_BY, /^quotes@1\.([3-9]\d)\.\d+$/));

test('"CLAIM - harbour chief Ana Berg says.": a spaced dash before a name whose verb ends the sentence', () => {
  assert.equal(speakerWith('The ferry line will close next year - harbour chief Ana Berg says.', /ferry line will close/, [{ text: 'Ana Berg', label: 'PER' }]), 'Ana Berg');
  const ents = [{ text: 'Norland Gazette', label: 'ORG' as const }];
  assert.equal(speakerWith('Fishing will soon be banned in the whole western bay - the daily Norland Gazette claims.', /Fishing will soon be banned/, ents), 'Norland Gazette');
  // A hyphen inside a word still joins it ("ex-mayor").
  assert.equal(speakerWith('The pier is safe, ex-mayor Ana Berg says.', /pier is safe/, [{ text: 'Ana Berg', label: 'PER' }]), 'Ana Berg');
});

test('"According to the Norland Research Centre the share …": no comma after a source the tagger names', () => {
  const ents = [{ text: 'Norland Research Centre', label: 'ORG' as const }];
  assert.equal(speakerWith('According to the Norland Research Centre the share of trawlers in the fleet will rise.', /share of trawlers/, ents), 'Norland Research Centre');
  // The tagger's entity runs on into "the": the speaker's name stops before it.
  const ran = [{ text: 'Norland Border Service the', label: 'MISC' as const }];
  assert.equal(speakerWith('According to the Norland Border Service the number of visitors to the island is actually smaller.', /number of visitors/, ran), 'Norland Border Service');
  // Not a lower-case noun after a name: "the Harbour Department employment report …" is one phrase, no clause.
  const text = 'According to the Harbour Department employment report released last Friday, there were fewer dock workers in May.';
  assert.ok(!quoteRows(text, [{ text: 'Harbour Department', label: 'ORG' }]).some((q) => /^employment report/.test(q.content)));
});

test('"As already explained by Ana Berg, CLAUSE": an adverb between "as" and the passive cue', () => {
  assert.equal(speakerWith('As already explained by harbour master Ana Berg, wind and tide make it impossible to dock at night.', /wind and tide/, [{ text: 'Ana Berg', label: 'PER' }]), 'Ana Berg');
});

test('"According to Harbour Board spokeswoman, Ana Berg, CLAUSE": a role, then the person set off by commas', () => {
  assert.equal(speakerWith('According to Harbour Board spokeswoman, Ana Berg, the ferry’s route was entirely consistent with the rules.', /ferry’s route/, [{ text: 'Ana Berg', label: 'PER' }, { text: 'Harbour Board', label: 'ORG' }]), 'Ana Berg');
});

test('"According to a poll in the Norland Tidende newspaper, …": an outlet named before its kind owns the poll', () => {
  assert.equal(speakerWith('According to a poll in the Norland Tidende newspaper, most islanders would vote for the new pier.', /most islanders/), 'Norland Tidende');
});

test('"X characterised the vote (report URL) as showing the “…”": the describer’s words', () => {
  const text = 'The Harbour Board characterised the vote (report http://example.org/report/1) as showing the "clear wish of the islanders to keep the ferry running."';
  assert.equal(speakerWith(text, /clear wish of the islanders/, [{ text: 'Harbour Board', label: 'ORG' }]), 'Harbour Board');
  // A passive has no describer.
  assert.equal(speakerWith('The plan was described as "a disaster for the whole town and its people".', /a disaster for the whole town/), undefined);
});

test('"the Norland Court of Appeal’s preliminary ruling confirmed that …", "the Council’s Resolution 12": the owner speaks', () => {
  const ents = [{ text: 'Norland Court of Appeal', label: 'ORG' as const }, { text: 'Island Council', label: 'ORG' as const }];
  assert.equal(speakerWith('Actually, the Norland Court of Appeal’s preliminary ruling confirmed that the town owns the pier.', /town owns the pier/, ents), 'Norland Court of Appeal');
  assert.equal(speakerWith('According to the Island Council’s Resolution 12, the pier belongs to all the islanders.', /pier belongs/, ents), 'Island Council');
});

test('"The X Resolution No. 12/4 adopted on 3 May 2014, supported by 30 members clearly states that …": the body speaks', () => {
  const text = 'The Norland Island Council Resolution No. 12/4 adopted on 3 May 2014, supported by 30 members clearly states that the pier is public land.';
  assert.equal(speakerWith(text, /pier is public land/, [{ text: 'Norland Island Council', label: 'ORG' }]), 'Norland Island Council');
  // A verb of its own before the cue makes it no resolution subject.
  const other = 'The Norland Island Council Resolution No. 12/4 was withdrawn after the vote and the mayor then stated that the pier is public land.';
  assert.notEqual(quoteRows(other, [{ text: 'Norland Island Council', label: 'ORG' }]).find((q) => /pier is public/.test(q.content))?.speaker, 'Norland Island Council');
});

test('"Mayor Ana Berg recognised that …": a weak cue, only with "that"', () => {
  const ents = [{ text: 'Ana Berg', label: 'PER' as const }];
  assert.equal(speakerWith('Mayor Ana Berg recognised that the town’s ferries are older than those on the mainland.', /ferries are older/, ents), 'Ana Berg');
  assert.deepEqual(quoteRows('Ana Berg recognized the right of the fishermen to land their catch.', ents), []);
});

test('"Ola Lund: CLAUSE." with no quotation marks: a named label, once in the text, and a clause with a lower-case verb', () => {
  const per = [{ text: 'Ola Lund', label: 'PER' as const }];
  assert.deepEqual(quoteRows('Ola Lund: If the mainland will not help the island, the ferry line will fall apart.', per),
    [{ content: 'If the mainland will not help the island, the ferry line will fall apart', speaker: 'Ola Lund', kind: 'indirect' }]);
  assert.equal(speakerWith('Harbour Gazette: Mayor Berg insulted the fishermen at the meeting.', /insulted the fishermen/, [{ text: 'Harbour Gazette', label: 'ORG' }]), 'Harbour Gazette');
  assert.equal(speakerWith('Ola Lund, former head of the Harbour Board: The island authorities censor the local paper.', /censor the local paper/, per), 'Ola Lund');
  // Not a transcript's repeated labels, a title-case headline, a question, or a label that is no entity.
  const turns = 'Ola Lund: We will win the vote tomorrow. Ana Berg: You will not win the vote. Ola Lund: We will see what happens then.';
  assert.ok(!quoteRows(turns, [...per, { text: 'Ana Berg', label: 'PER' }]).some((q) => q.kind === 'indirect'));
  assert.deepEqual(quoteRows('Ola Lund: Put Fishermen In Charge Of The Harbour.', per), []);
  assert.deepEqual(quoteRows('Ola Lund: Will the island ever get its new ferry?', per), []);
  assert.deepEqual(quoteRows('Present problems: the ferries are old and the pier is falling apart.', per), []);
});

test('"CLAIM - Ola Lund, member of X." with no verb of saying: a sentence signed by a person after a spaced dash', () => {
  const per = [{ text: 'Ola Lund', label: 'PER' as const }, { text: 'Ana Berg', label: 'PER' as const }, { text: 'Per Holm', label: 'PER' as const }];
  assert.equal(speakerWith('The claims that the ferry was sunk on purpose are fake - Ola Lund, member of the harbour committee.', /ferry was sunk/, per), 'Ola Lund');
  assert.equal(speakerWith('The island council is a puppet regime - Ola Lund from the Norland Institute (a body set up by the mainland).', /puppet regime/, per), 'Ola Lund');
  // An enumeration between dashes, and the writer's own jibe after the name, are no signatures.
  assert.ok(!quoteRows('As has been reported, three captains – Ola Lund, Ana Berg and Per Holm – signed the letter against the pier.', per).some((q) => q.speaker === 'Ola Lund'));
  assert.deepEqual(quoteRows('The ferry deal should never have gone ahead — Mayor Ola Lund, the worst mayor in the history of the island.', per), []);
});
