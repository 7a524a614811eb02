/**
 * Known-narrative matcher: finds the EUvsDisinfo (or other imported) cases an article repeats, with the
 * best evidence sentence for each, and aggregates their narrative tags into article-level labels.
 */
import type { Component, ComponentContext } from '../../nlp/pipeline.js';
import type { Doc } from '../../nlp/doc.js';
import type { NarrativeLabel, NarrativeMatch } from './types.js';
import { matchArticle } from '../../kb/match.js';
import { normalizeClaim } from '../../kb/normalize.js';
import { loadKb, type LoadedKb } from './matcher.js';
import { KbStore } from '../../store/kb-sqlite.js';
import { dataFingerprint } from '../../store/db.js';
import { confidenceOf, loadCalibration, type NarrativeCalibration } from './calibration.js';
import { articleSentences } from './sentences.js';
import { aggregateLabels } from './labels.js';

const NAME = 'narratives';
const VERSION = '1.0.0';
const BY = `${NAME}@${VERSION}`;
const MAX_MATCHES = 10;

let calibration: NarrativeCalibration | undefined;

export function narrativesFor(doc: Doc, loaded: LoadedKb, cal: NarrativeCalibration): { matches: NarrativeMatch[]; labels: NarrativeLabel[] } {
  const entityNames = doc.layers.entityIndex?.map((e) => e.canonical);
  const raw = matchArticle({ text: doc.text, sentences: articleSentences(doc), entityNames }, loaded.index, {
    threshold: cal.reviewThreshold,
    weights: cal.weights,
    maxMatches: MAX_MATCHES * 3,
    fts: (terms, limit) => loaded.kb.search(terms.join(' '), limit).map((h) => h.id),
  });
  // The same claim recurs on many dates: report it once (the best-scoring case).
  const seen = new Set<string>();
  const top = raw.filter((m) => {
    const key = normalizeClaim(loaded.index.cases[m.caseIndex].claim);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).slice(0, MAX_MATCHES);
  const full = loaded.kb.getCases(top.map((m) => loaded.index.cases[m.caseIndex].id));
  const matches: NarrativeMatch[] = top.map((m) => {
    const c = full.get(loaded.index.cases[m.caseIndex].id)!;
    return {
      start: m.sentence.start,
      end: m.sentence.end,
      confidence: +confidenceOf(m.score, cal).toFixed(4),
      by: BY,
      caseId: c.id,
      caseUrl: c.url,
      claim: c.claim,
      date: c.date,
      keywords: c.keywords,
      disproof: c.disproof,
      score: +m.score.toFixed(4),
      via: m.via,
      tier: m.score >= cal.threshold ? 'match' : 'review',
    };
  });
  return { matches, labels: aggregateLabels(matches, BY) };
}

export const component: Component = {
  name: NAME,
  version: VERSION,
  description: 'known disinformation narratives: imported EUvsDisinfo/ClaimReview cases the article repeats, with evidence sentences',
  needs: ['sentences', 'tokens'],
  produces: ['narratives', 'narrativeLabels'],
  // After entities/claims when they are in the pipeline, so their layers can be used.
  order: 200,
  load(ctx: ComponentContext) {
    calibration = loadCalibration(ctx.modelsDir).calibration;
    loadKb(ctx.dbPath);
  },
  dataVersion: (ctx: ComponentContext) => dataFingerprint(ctx.dbPath ? KbStore.openReadonly(ctx.dbPath) : undefined),
  run(doc: Doc, ctx: ComponentContext) {
    const loaded = loadKb(ctx.dbPath);
    if (typeof loaded === 'string') {
      doc.layers.narratives = [];
      doc.layers.narrativeLabels = [];
      (doc.warnings ??= []).push({ by: BY, message: loaded });
      return;
    }
    const { matches, labels } = narrativesFor(doc, loaded, calibration ?? loadCalibration(ctx.modelsDir).calibration);
    doc.layers.narratives = matches;
    doc.layers.narrativeLabels = labels;
  },
};
