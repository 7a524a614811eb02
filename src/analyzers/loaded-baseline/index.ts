/**
 * BASELINE, not the trained technique model: marks words/phrases that were usually inside
 * loaded-language or name-calling spans in the PTC training data. Cheap, transparent, crude.
 */
import type { Component } from '../../nlp/pipeline.js';
import { getLayer } from '../../nlp/doc.js';
import { loadArtifact } from '../../models/artifact.js';
import { join } from 'node:path';
import { LOADED_LEXICON_FILE, matchLexicon, type LoadedLexicon } from './lexicon.js';

const VERSION = '1.0.0';
let lexicon: LoadedLexicon | undefined;

function load(dir: string): LoadedLexicon {
  lexicon ??= loadArtifact<LoadedLexicon>(join(dir, LOADED_LEXICON_FILE)).body;
  return lexicon;
}

export const component: Component = {
  name: 'loaded-baseline',
  version: VERSION,
  description: 'BASELINE: lexicon of loaded words/phrases learned from PTC (share of occurrences inside Loaded_Language/Name_Calling spans); not the trained model',
  needs: ['tokens'],
  produces: ['loadedBaseline'],
  load(ctx) {
    load(ctx.modelsDir);
  },
  run(doc, ctx) {
    const lex = load(ctx.modelsDir);
    const by = `loaded-baseline@${VERSION}`;
    doc.layers.loadedBaseline = matchLexicon(lex, doc.text, getLayer(doc, 'tokens')).map((h) => ({
      start: h.start,
      end: h.end,
      term: h.term,
      lexiconScore: h.share,
      confidence: h.share,
      by,
    }));
  },
};
