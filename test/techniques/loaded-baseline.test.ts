/** The loaded-language lexicon baseline: built from labelled text, matched with phrases first. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../src/nlp/tokenize.js';
import { buildLexicon, matchLexicon } from '../../src/analyzers/loaded-baseline/lexicon.js';

function source(text: string, marked: string[]) {
  const { tokens } = tokenize(text);
  const spans = marked.flatMap((m) => {
    const out: { start: number; end: number }[] = [];
    for (let i = text.indexOf(m); i >= 0; i = text.indexOf(m, i + 1)) out.push({ start: i, end: i + m.length });
    return out;
  });
  return { text, tokens, spans };
}

test('terms mostly inside gold spans enter the lexicon; common words and rare terms do not', () => {
  const text = 'The thugs attacked. The thugs lied. The thugs ran. The vile thugs hid. The mob left.\n';
  // 'thugs' inside a span 4 of 4 times; 'the' 1 of 5; 'mob' once (below the minimum count).
  const lex = buildLexicon([source(text, ['thugs', 'mob'])], 4, 0.5);
  assert.deepEqual(lex.terms['thugs'], [1, 4]);
  assert.equal(lex.terms['the'], undefined);
  assert.equal(lex.terms['mob'], undefined);
  const hits = matchLexicon(lex, 'Those thugs again.', tokenize('Those thugs again.').tokens);
  assert.deepEqual(hits.map((h) => [h.term, h.start, h.end, h.share]), [['thugs', 6, 11, 1]]);
});

test('a two-word phrase wins over its first word', () => {
  const lex = { terms: { deep: [0.6, 10] as [number, number], 'deep state': [0.9, 8] as [number, number] }, minCount: 4, minShare: 0.5 };
  const text = 'The deep state and deep water.';
  const hits = matchLexicon(lex, text, tokenize(text).tokens);
  assert.deepEqual(hits.map((h) => h.term), ['deep state', 'deep']);
});
