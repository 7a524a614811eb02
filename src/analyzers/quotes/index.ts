/**
 * Quotes and reported speech with speaker attribution: the rules (find.ts …) find the quotes and most speakers;
 * since 1.11.0 the learned chooser (chooser.ts, models/quote-speakers.json.gz) then attributes quotes the rules
 * left without a speaker, when it is confident (see docs/quotes-and-claims.md, "Round L"); 1.12.0 (round M) adds
 * rules for found quotes the earlier rules left unattributed and retrains the chooser on 252 articles; 1.13.0 (round N)
 * adds rules for titles, offices and split attributions and retrains it on 284; 1.13.1 (session 10) is the same
 * chooser retrained on tokens that no longer depend on the articles read before (tokens@1.1.0). 1.16.0 (session 12)
 * adds the learned reported-speech detector (clause-model.ts, models/quote-clauses.json.gz) for verbs where the
 * rules find no reported clause. 1.17.0–1.21.0 (sessions 13–14) add rules written from Reuters errors and retrain both
 * models (on 611 articles since 1.20.0); the user's speaker-confidence threshold (`analyze --min-speaker-confidence`)
 * applies last.
 */
import type { Component, ComponentContext } from '../../nlp/pipeline.js';
import { findQuotes, QUOTES_BY } from './find.js';
import { chooseSpeakers, loadSpeakerModel, type SpeakerModel } from './chooser.js';
import { loadClauseModel, type ClauseModel } from './clause-model.js';
import type { Quote } from './types.js';

interface Loaded {
  dir: string;
  speakers: { model?: SpeakerModel; message?: string };
  clauses: { model?: ClauseModel; message?: string };
}
let loaded: Loaded | undefined;

function models(ctx: ComponentContext): Loaded {
  if (loaded?.dir !== ctx.modelsDir) {
    loaded = { dir: ctx.modelsDir, speakers: loadSpeakerModel(ctx.modelsDir), clauses: loadClauseModel(ctx.modelsDir) };
    // A missing artifact is not an error (the rules still work), but it must not pass unnoticed.
    for (const m of [loaded.clauses.message, loaded.speakers.message]) if (m) process.stderr.write(`quotes: ${m}\n`);
  }
  return loaded;
}

export const component: Component = {
  name: 'quotes',
  version: QUOTES_BY.split('@')[1],
  description: 'direct quotes, reported speech and "according to" with the speaker resolved to an entity (rules and a learned reported-speech detector, then a learned chooser that scores and completes the speakers)',
  needs: ['sentences', 'tokens', 'entities', 'entityIndex'],
  produces: ['quotes'],
  load(ctx) {
    models(ctx);
  },
  // A threshold changes the output, so it joins the pipeline signature (stored analyses without it are not 'unchanged').
  dataVersion(ctx) {
    const min = minSpeakerConfidence(ctx);
    return min === undefined ? undefined : `min-speaker-confidence=${min}`;
  },
  run(doc, ctx) {
    const { speakers, clauses } = models(ctx);
    const quotes = findQuotes(doc, { clauseModel: clauses.model });
    for (const message of [clauses.message, speakers.message]) if (message) (doc.warnings ??= []).push({ by: QUOTES_BY, message });
    const chosen = speakers.model ? chooseSpeakers(doc, quotes, speakers.model, QUOTES_BY) : quotes;
    doc.layers.quotes = withholdUnsure(chosen, minSpeakerConfidence(ctx));
  },
};

/** The user's speaker-confidence threshold (ctx.settings.minSpeakerConfidence, set by `analyze --min-speaker-confidence`). */
export function minSpeakerConfidence(ctx: ComponentContext): number | undefined {
  const raw = ctx.settings?.minSpeakerConfidence;
  return raw === undefined ? undefined : parseSpeakerConfidence(raw);
}

/** A threshold as the user wrote it: a number from 0 to 1, else an error that quotes it (one check for CLI and settings). */
export function parseSpeakerConfidence(raw: string): number {
  const p = Number(raw);
  if (raw.trim() === '' || !(p >= 0 && p <= 1)) throw new Error(`min-speaker-confidence must be a number from 0 to 1, got '${raw}'`);
  return p;
}

/**
 * Session 13: speakers under the threshold are withheld, not deleted: the quote stays, unattributed, and the speaker
 * moves to `withheldSpeaker` so an analyst can still see who the analyzer thought it was. (Held-out figures for each
 * threshold: `narrascope train quotes` and `quotes eval`, "dropping speakers under …".)
 */
export function withholdUnsure(quotes: Quote[], min: number | undefined): Quote[] {
  if (min === undefined) return quotes;
  return quotes.map((q) => {
    if (!q.speaker || q.confidence >= min) return q;
    const { speaker, ...rest } = q;
    return { ...rest, withheldSpeaker: speaker };
  });
}
