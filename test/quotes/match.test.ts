import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jaccard, sameSpeaker } from '../../src/eval/quotes/match.js';

test('speaker names match by surname, head, title-less name and acronym', () => {
  assert.ok(sameSpeaker('Dvorak', 'Marek Dvorak'));
  assert.ok(sameSpeaker("Norway's Transport Ministry", 'the Norwegian Transport Ministry'));
  assert.ok(sameSpeaker('Kofi', 'Kofi Mensah Owusu'));
  assert.ok(sameSpeaker('NTSB', 'National Transportation Safety Board'));
  assert.ok(sameSpeaker('Mayor Reyes', 'Ana Reyes'));
  assert.ok(!sameSpeaker('Luis Reyes', 'Ana Reyes'));
  assert.ok(!sameSpeaker('Oslo', 'Anna Kovac'));
  assert.ok(!sameSpeaker('Beijing', 'US Mission in China'));
  // A two-letter surname matches only as the last word.
  assert.ok(sameSpeaker('Sy', 'Elhadj As Sy'));
  assert.ok(!sameSpeaker('As', 'Elhadj As Sy'));
});

test('character Jaccard of spans', () => {
  assert.equal(jaccard({ start: 0, end: 10 }, { start: 0, end: 10 }), 1);
  assert.equal(jaccard({ start: 0, end: 10 }, { start: 5, end: 15 }), 5 / 15);
  assert.equal(jaccard({ start: 0, end: 3 }, { start: 5, end: 8 }), 0);
});

test('session 15: an acronym may leave out a legal form and one-letter words; a trailing legal form is ignored', () => {
  assert.ok(sameSpeaker('HMG', 'Harbour Mills Group Plc'));
  assert.ok(sameSpeaker('FMA', 'U.S. Fisheries Management Agency'));
  assert.ok(sameSpeaker('Nordvik Gruppen', 'Nordvik Gruppen AB'));
  assert.ok(!sameSpeaker('Nordvik Gruppen', 'Tarnby Gruppen AB'));
  assert.ok(!sameSpeaker('HMP', 'Harbour Mills Group Plc'));
});
