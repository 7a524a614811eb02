/**
 * Quotes and reported speech with speaker attribution: the rules (find.ts …) find the quotes and most speakers;
 * since 1.11.0 the learned chooser (chooser.ts, models/quote-speakers.json.gz) then attributes quotes the rules
 * left without a speaker, when it is confident (see docs/quotes-and-claims.md, "Round L"); 1.12.0 (round M) adds
 * rules for found quotes the earlier rules left unattributed and retrains the chooser on 252 articles; 1.13.0 (round N)
 * adds rules for titles, offices and split attributions and retrains it on 284; 1.13.1 (session 10) is the same
 * chooser retrained on tokens that no longer depend on the articles read before (tokens@1.1.0).
 */
import type { Component, ComponentContext } from '../../nlp/pipeline.js';
import { findQuotes, QUOTES_BY } from './find.js';
import { chooseSpeakers, loadSpeakerModel, type SpeakerModel } from './chooser.js';

let loaded: { dir: string; model?: SpeakerModel; message?: string } | undefined;

function speakerModel(ctx: ComponentContext): { model?: SpeakerModel; message?: string } {
  if (loaded?.dir !== ctx.modelsDir) {
    loaded = { dir: ctx.modelsDir, ...loadSpeakerModel(ctx.modelsDir) };
    // A missing artifact is not an error (rule-only still works), but it must not pass unnoticed.
    if (loaded.message) process.stderr.write(`quotes: ${loaded.message}\n`);
  }
  return loaded;
}

export const component: Component = {
  name: 'quotes',
  version: QUOTES_BY.split('@')[1],
  description: 'direct quotes, reported speech and "according to" with the speaker resolved to an entity (rules, then a learned chooser for quotes they leave unattributed)',
  needs: ['sentences', 'tokens', 'entities', 'entityIndex'],
  produces: ['quotes'],
  load(ctx) {
    speakerModel(ctx);
  },
  run(doc, ctx) {
    const quotes = findQuotes(doc);
    const { model, message } = speakerModel(ctx);
    if (message) (doc.warnings ??= []).push({ by: QUOTES_BY, message });
    doc.layers.quotes = model ? chooseSpeakers(doc, quotes, model, QUOTES_BY) : quotes;
  },
};
