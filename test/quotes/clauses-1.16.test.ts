/**
 * quotes@1.16.0 (session 12): the learned reported-speech detector. Where the rules find nothing at a verb, find.ts
 * builds a relaxed candidate (subject, verb, clause) and the model decides. Invented sentences and hand-made models,
 * plus the committed artifact.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes, QUOTES_BY, type ClauseRow } from '../../src/analyzers/quotes/find.js';
import { clauseFeatures, clauseProbability, loadClauseModel, type ClauseModel } from '../../src/analyzers/quotes/clause-model.js';
import { component } from '../../src/analyzers/quotes/index.js';
import { chooseThreshold, isReportedClause } from '../../src/eval/quotes/clause-train.js';
import type { ScoreReport } from '../../src/eval/quotes/score.js';
import { modelsDir } from '../../src/util/paths.js';
import { docWith } from './helpers.js';

test('version of the detector', () => assert.match(QUOTES_BY, /^quotes@1\.(1[6-9]|[2-9]\d)\./));

const BERG = [{ text: 'Ana Berg', label: 'PER' as const }];
const run = (text: string, model?: ClauseModel) => {
  const rows: ClauseRow[] = [];
  const quotes = findQuotes(docWith(text, BERG), { clauseModel: model, onClause: (r) => rows.push(r) });
  return { quotes, rows, content: quotes.map((q) => text.slice(q.content.start, q.content.end)) };
};
// A model that keeps exactly the candidates after "rule", and one that keeps nothing.
const ruleOnly: ClauseModel = { weights: { bias: -6, 'lemma:rule': 12 }, threshold: 0.5 };
const never: ClauseModel = { weights: { bias: -20 }, threshold: 0.5 };

test('a verb outside the lexicon with a bare clause is a candidate; the model decides whether it is a quote', () => {
  const text = 'Ana Berg ruled she had jurisdiction over the harbour case.';
  const rules = run(text);
  assert.equal(rules.quotes.length, 0, 'the rules alone find nothing');
  assert.equal(rules.rows.length, 1, 'one relaxed candidate');
  assert.equal(rules.rows[0].info.form, 'bare');
  assert.equal(rules.rows[0].info.subjectType, 'name');
  assert.equal(rules.rows[0].kept, false, 'without a model nothing is kept');
  const kept = run(text, ruleOnly);
  assert.deepEqual(kept.content, ['she had jurisdiction over the harbour case']);
  assert.equal(kept.quotes[0].kind, 'indirect');
  assert.equal(kept.quotes[0].speaker?.name, 'Ana Berg');
  assert.equal(text.slice(kept.quotes[0].cue!.span.start, kept.quotes[0].cue!.span.end), 'ruled');
  assert.equal(run(text, never).quotes.length, 0);
});

test('"that" after an addressee makes a gap-that candidate', () => {
  const r = run('Ana Berg confirmed to the council that the ferry had been sold last year.');
  assert.equal(r.rows.length, 1);
  assert.equal(r.rows[0].info.form, 'gap-that');
  assert.equal(r.rows[0].info.gap, 4);
});

test('an object noun phrase with a participle or relative clause after it is no candidate', () => {
  assert.equal(run('Ana Berg tweeted a warning of the raid, tipping off the crew.').rows.length, 0);
  assert.equal(run('Ana Berg explained more about the ferry, which had sunk in May.').rows.length, 0);
  assert.equal(run('Ana Berg urged the crew to leave the harbour before the storm.').rows.length, 0);
});

test('clauses the rules already report get no candidate (no double quote)', () => {
  const r = run('Ana Berg said on Monday that the ferry would return to the harbour.', ruleOnly);
  assert.equal(r.rows.length, 0);
  assert.deepEqual(r.content, ['the ferry would return to the harbour']);
});

test('an unnamed source reports the clause but names no speaker', () => {
  const text = 'Ana Berg runs the harbour. Officials ruled the ferry had broken the safety code twice.';
  const r = run(text, ruleOnly);
  const q = r.quotes.find((x) => text.slice(x.content.start, x.content.end).startsWith('the ferry had broken'));
  assert.ok(q, 'the clause is found');
  assert.equal(q.speaker, undefined);
});

test('features and probability are plain arithmetic over the candidate', () => {
  const r = run('Ana Berg ruled she had jurisdiction over the harbour case.');
  const f = clauseFeatures(r.rows[0].info);
  assert.equal(f.bias, 1);
  assert.equal(f['lemma:rule'], 1);
  assert.equal(f['first:she'], 1);
  assert.ok(Object.keys(f).some((k) => k.startsWith('fv:')), 'the clause shape is a feature');
  assert.ok(Math.abs(clauseProbability(ruleOnly, f) - 1 / (1 + Math.exp(-6))) < 1e-9);
});

test('a candidate is reported speech when a gold indirect quote covers it, never a direct one', () => {
  const g = (kind: 'direct' | 'indirect', start: number, end: number) => ({ kind, content: { start, end } }) as never;
  assert.equal(isReportedClause({ start: 100, end: 160 }, [g('indirect', 110, 160)]), true, 'start within 25 characters');
  assert.equal(isReportedClause({ start: 100, end: 160 }, [g('indirect', 140, 150)]), true, 'half of the shorter span');
  assert.equal(isReportedClause({ start: 100, end: 160 }, [g('indirect', 150, 400)]), false, 'a small overlap far from the start');
  assert.equal(isReportedClause({ start: 100, end: 160 }, [g('direct', 100, 160)]), false);
});

test('the threshold is the highest recall that keeps the rules\' precision, else the best precision', () => {
  const rep = (p: number, r: number) => ({ overall: { speakerPrecision: p, speakerRecall: r } }) as unknown as ScoreReport;
  const rules = rep(0.84, 0.67);
  const at = (threshold: number, p: number, r: number) => ({ threshold, report: rep(p, r), kept: 0, keptPositive: 0 });
  assert.equal(chooseThreshold(rules, [at(0.3, 0.80, 0.70), at(0.6, 0.84, 0.68), at(0.9, 0.85, 0.67)]), 0.6);
  assert.equal(chooseThreshold(rules, [at(0.3, 0.80, 0.70), at(0.6, 0.82, 0.68)]), 0.6);
});

test('the committed detector loads, and the component uses it', () => {
  const { model, message } = loadClauseModel(modelsDir);
  assert.equal(message, undefined);
  assert.ok(model && model.threshold > 0 && model.threshold < 1);
  // What the model learned from the gold sets: "said" with a bare clause is reported speech.
  const text = 'Ana Berg spoke on Monday. She said no ferry had left the harbour since the storm.';
  const doc = docWith(text, BERG);
  component.run(doc, { modelsDir });
  const found = (doc.layers.quotes ?? []).map((q) => text.slice(q.content.start, q.content.end));
  assert.deepEqual(found, ['no ferry had left the harbour since the storm']);
  assert.equal(findQuotes(docWith(text, BERG)).length, 0, 'the rules alone miss it');
});

test('a missing detector artifact is reported, not an error', () => {
  const { model, message } = loadClauseModel('/nonexistent-models-dir');
  assert.equal(model, undefined);
  assert.match(message ?? '', /quote-clauses\.json\.gz not found.*train clauses/);
});

test('train clauses rejects bad options with a clear error and a failing exit code', async () => {
  const { runCli } = await import('../helpers/cli.js');
  const r = await runCli(['train', 'clauses', '--folds', '1']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /train clauses: --folds must be an integer >= 2, got '1'/);
  const g = await runCli(['train', 'clauses', '--gold', 'everything']);
  assert.equal(g.code, 1);
  assert.match(g.stderr, /--gold must be 'all' or 'ptc'/);
});
