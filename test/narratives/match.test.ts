/** The matcher on a tiny invented knowledge base: routes, evidence sentence, spelling variants, exclusion, labels. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCaseIndex } from '../../src/kb/index.js';
import { matchArticle, DEFAULT_WEIGHTS } from '../../src/kb/match.js';
import { tagPhrases, stem } from '../../src/kb/text.js';
import { aggregateLabels } from '../../src/analyzers/narratives/labels.js';
import { tokenize } from '../../src/nlp/tokenize.js';
import type { KbCase } from '../../src/kb/types.js';

const mk = (id: string, claim: string, keywords: string[]): KbCase => ({ id, claim, keywords, outlets: [], countries: [], languages: [], origin: 'test' });
const CASES = [
  mk('a', 'The lighthouse keepers secretly poisoned the harbour fish', ['Lighthouse keepers', 'Fish/harbour']),
  mk('b', 'Glaciers are growing everywhere because of solar cycles', ['Climate']),
  mk('c', 'The mayor of Northtown was replaced by a body double', ['Body double', 'Northtown']),
  mk('d', 'Bakers in the capital are hoarding flour to raise prices', ['Bread', 'Prices']),
];
const index = buildCaseIndex(CASES);

function run(text: string, exclude?: Set<string>) {
  const { sentences } = tokenize(text);
  return matchArticle({ text, sentences }, index, { threshold: -Infinity, maxMatches: 5, weights: DEFAULT_WEIGHTS, exclude });
}

test('the best case is the one the evidence sentence repeats, with its offsets', () => {
  const text = 'The weather was fine on Monday morning in the town.\nOfficials claimed that lighthouse keepers had secretly poisoned fish in the harbour.\nNobody else commented on the story at all.';
  const m = run(text);
  assert.equal(index.cases[m[0].caseIndex].id, 'a');
  assert.equal(text.slice(m[0].sentence.start, m[0].sentence.end), 'Officials claimed that lighthouse keepers had secretly poisoned fish in the harbour.');
  assert.ok(m[0].via.includes('char-ngram'));
  assert.ok(m[0].via.includes('keywords'), JSON.stringify(m[0].via));
  assert.ok(m[0].score > (m[1]?.score ?? -Infinity));
  assert.ok(m[0].features.tagArticle > 0 && m[0].features.word > 0.3);
});

test('spelling variants still match through character n-grams', () => {
  const m = run('Reports say the mayor of Northtowne was replaced with a bodydouble last year.');
  assert.equal(index.cases[m[0].caseIndex].id, 'c');
  assert.ok(m[0].features.char > 0.2);
});

test('excluded cases are never returned; unrelated text scores low', () => {
  const text = 'Officials claimed that lighthouse keepers had secretly poisoned fish in the harbour.';
  assert.ok(!run(text, new Set(['a'])).some((x) => index.cases[x.caseIndex].id === 'a'));
  const unrelated = run('The orchestra performed three symphonies to a quiet audience on Sunday evening.');
  const related = run(text);
  assert.ok((unrelated[0]?.score ?? 0) < related[0].score / 2);
});

test('tag phrases and stemming', () => {
  assert.deepEqual(tagPhrases('Chemical weapons/attack'), ['chemical weapons', 'chemical attack']);
  assert.deepEqual(tagPhrases('White Helmets'), ['white helmets']);
  assert.equal(stem('attacks'), stem('attack'));
  assert.equal(stem('organizations'), 'organization');
});

test('labels: noisy-OR over the matches carrying each tag', () => {
  const base = { by: 'n@1', caseUrl: undefined, claim: 'c', score: 1, via: ['fts'] };
  const labels = aggregateLabels(
    [
      { ...base, start: 0, end: 5, confidence: 0.5, caseId: 'x', keywords: ['A', 'B'] },
      { ...base, start: 6, end: 9, confidence: 0.5, caseId: 'y', keywords: ['a'] },
    ],
    'n@1',
  );
  assert.equal(labels[0].label, 'A');
  assert.equal(labels[0].confidence, 0.75);
  assert.deepEqual(labels[0].cases, ['x', 'y']);
  assert.equal(labels[0].evidence.length, 2);
  assert.equal(labels[1].confidence, 0.5);
});
