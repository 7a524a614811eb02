/**
 * The learned speaker chooser as session 2 built it (logistic parts, F1 thresholds; round L's shipped configuration
 * is tested in chooser-l.test.ts): candidates, the logistic regression and article-level cross-validation, on
 * invented texts and tiny data.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes } from '../../src/analyzers/quotes/find.js';
import { articleCandidates, groupMentions, nameMentions } from '../../src/analyzers/quotes/candidates.js';
import { chooseWith, fitLogistic, score } from '../../src/analyzers/quotes/chooser.js';
import { crossValidate, prepareArticle, trainSpeakerModel } from '../../src/eval/quotes/chooser-train.js';
import type { GoldArticle } from '../../src/eval/quotes/gold.js';
import { scoreQuotes } from '../../src/eval/quotes/score.js';
import { docWith } from './helpers.js';

test('name mentions drop titles and group with the same speaker', () => {
  const text = 'Foreign Minister Ola Berg met the press in Tromso on Monday.\nBerg said the ferry would return.';
  const ms = nameMentions(docWith(text));
  const berg = ms.filter((m) => /Berg/.test(m.name));
  assert.deepEqual(berg.map((m) => m.name), ['Ola Berg', 'Berg']);
  assert.ok(berg[0].titled);
  const groups = groupMentions(ms);
  const g = groups.find((x) => x.name === 'Ola Berg');
  assert.equal(g?.mentions.length, 2);
});

test('candidates of a pronoun quote include the earlier named person, with gender agreement', () => {
  const text = 'Senator Ana Reyes visited the harbour on Monday, and she met the workers there.\nShe said the port would reopen in the spring after the repairs.';
  const doc = docWith(text);
  const quotes = findQuotes(doc);
  assert.ok(quotes.length >= 1);
  const { groups, perQuote } = articleCandidates(doc, quotes);
  const qi = quotes.findIndex((q) => text.slice(q.content.start, q.content.end).startsWith('the port'));
  assert.ok(qi >= 0);
  const reyes = perQuote[qi].candidates.find((c) => groups[c.group].name === 'Ana Reyes');
  assert.ok(reyes, 'Ana Reyes is a candidate');
  assert.equal(reyes.features.pron, 1);
  assert.equal(reyes.features.pronAgree, 1);
  assert.equal(reyes.features['sd:1'], 1);
  for (const c of perQuote[qi].candidates) {
    assert.ok(c.mention.start >= 0 && c.mention.end <= text.length && c.mention.start < c.mention.end);
    assert.equal(text.slice(c.mention.start, c.mention.end).length > 0, true);
  }
});

test('logistic regression learns a separable feature and is deterministic', () => {
  const rows = Array.from({ length: 40 }, (_, i) => ({ features: { bias: 1, a: i % 2, b: (i % 3) / 2 }, label: i % 2 === 1 }));
  const w1 = fitLogistic(rows);
  const w2 = fitLogistic(rows);
  assert.deepEqual(w1, w2);
  assert.ok(w1.a > 1, `weight of the separating feature ${w1.a}`);
  assert.ok(score(w1, { bias: 1, a: 1 }) > 0.8);
  assert.ok(score(w1, { bias: 1, a: 0 }) < 0.2);
});

/** Tiny invented articles with hand-written gold: the speaker is named before a quote that opens its sentence. */
function tinyArticles(): GoldArticle[] {
  const names = ['Ana Reyes', 'Ola Berg', 'Marek Dvorak', 'Lena Park', 'Kofi Owusu', 'Ines Holm'];
  return names.map((name, i) => {
    const text = `${name} spoke to reporters at the town hall on Friday.\n“The bridge will be finished before the winter comes,” ${name.split(' ')[1]} said.\nThe mayor of the town stayed silent about the plan number ${i}.`;
    const content = { start: text.indexOf('The bridge') , end: text.indexOf(',”') };
    const sp = text.indexOf(name);
    return { path: `/tiny/${i}.json`, file: `tiny/${i}.txt`, text, quotes: [{ kind: 'direct', content, speaker: { start: sp, end: sp + name.length }, speakerName: name }] };
  });
}

test('cross-validation over tiny articles scores model and rules with the quotes eval scorer, deterministically', () => {
  const arts = tinyArticles().map((g) => {
    const doc = docWith(g.text);
    const quotes = findQuotes(doc);
    return prepareArticle(g, quotes, articleCandidates(doc, quotes));
  });
  assert.ok(arts.every((a) => a.rows.some((r) => r.label)), 'every article has a positive candidate');
  const cv1 = crossValidate(arts, 2, 7);
  const cv2 = crossValidate(arts, 2, 7);
  assert.deepEqual(cv1, cv2);
  assert.equal(cv1.folds.reduce((n, f) => n + f.articles, 0), arts.length);
  const rules = scoreQuotes(arts.map((a) => ({ gold: a.gold, predicted: a.quotes }))).overall;
  assert.deepEqual(cv1.pooled.rules.counts, rules.counts);
  assert.equal(cv1.pooled.model.counts.goldWithSpeaker, arts.length);
  const model = trainSpeakerModel(arts, 7);
  assert.deepEqual(model, trainSpeakerModel(arts, 7));
  const out = chooseWith(arts[0].cands, arts[0].quotes, model, 'quotes@test');
  assert.equal(out.length, arts[0].quotes.length);
  for (const q of out) {
    assert.ok(q.confidence >= 0 && q.confidence <= 1);
    assert.equal(q.by, 'quotes@test');
  }
});
