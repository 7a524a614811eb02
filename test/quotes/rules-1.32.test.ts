/**
 * Rules added in quotes@1.32.0 (session 20: written from the errors of the 344 labelled PTC articles, the issue's own
 * test set, and checked against Reuters batches 22–35 and EUvsDisinfo batches 36–39). Invented text, invented names.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QUOTES_BY } from '../../src/analyzers/quotes/find.js';
import { quoteRows, speakerWith } from './helpers.js';

test('version', () => assert.match(QUOTES_BY, /^quotes@1\.(3[2-9]|[4-9]\d)\.\d+$/));

test('"Late Thursday, Sen. Ola Lund (R-Varn), the committee chairman, said that …": a time lead-in before a name with a parenthesis', () => {
  const text = 'Late Thursday, Sen. Ola Lund (R-Varn), the committee chairman, said that his aides had gone over the harbour dispute with the mayor.';
  const ents = [{ text: 'Ola Lund', label: 'PER' as const }];
  assert.equal(speakerWith(text, /aides had gone over the harbour/, ents), 'Ola Lund');
  // The same after a prepositional lead-in, and with no lead-in at all.
  assert.equal(speakerWith(text.replace('Late Thursday', 'In a short interview on the pier'), /aides had gone over the harbour/, ents), 'Ola Lund');
  assert.equal(speakerWith(text.replace('Late Thursday, ', ''), /aides had gone over the harbour/, ents), 'Ola Lund');
  // A clause before the comma is no lead-in: the name there is an object, not the subject.
  const clause = 'When the ferry sank we called Sen. Ola Lund (R-Varn), the committee chairman, said that his aides had gone over the harbour dispute.';
  assert.ok(quoteRows(clause, ents).every((q) => q.speaker !== 'Ola Lund'));
});

test('"But Harbour Lines International, the owner of the port, says …": a conjunction before an organisation with an appositive', () => {
  const text = 'But Harbour Lines International, the owner of the port, says the coast guard reached the pier within minutes of the alarm.';
  assert.equal(speakerWith(text, /coast guard reached the pier/, [{ text: 'Harbour Lines International', label: 'ORG' }]), 'Harbour Lines International');
});

test('"He stood firm, saying, “…”": a speech participle after a comma speaks for the clause subject', () => {
  const text = [
    'Ola Lund was asked about the ferry on Monday.',
    'He stood firm, saying, “Nobody has brought me any complaint from the fishermen of this island.”',
  ].join('\n');
  const ents = [{ text: 'Ola Lund', label: 'PER' as const }];
  assert.equal(speakerWith(text, /brought me any complaint/, ents), 'Ola Lund');
  // The subject right before the participle still wins: "…, Ana Berg said, adding, “…”".
  const named = 'The port was shut for a week, Ana Berg said on Monday, adding, “The cranes will not move until the storm is over.”';
  assert.equal(speakerWith(named, /cranes will not move/, [{ text: 'Ana Berg', label: 'PER' }]), 'Ana Berg');
});

test('a scare-quoted word inside the introduction does not cut it: \'Lund, now a “retired” pilot, told the Gazette, “…”\'', () => {
  const text = 'Lund, now a 51-year-old “retired” pilot, told the Harbour Gazette, “The captain stood on the deck and watched the whole thing.”';
  const ents = [{ text: 'Lund', label: 'PER' as const }, { text: 'Harbour Gazette', label: 'ORG' as const }];
  assert.equal(speakerWith(text, /captain stood on the deck/, ents), 'Lund');
  // One quote, not the quote and a second copy reported from the clause.
  assert.equal(quoteRows(text, ents).filter((q) => /captain stood on the deck/.test(q.content)).length, 1);
});
