/** Quotes and reported speech with speaker attribution (rule-based, see docs/quotes-and-claims.md). */
import type { Component } from '../../nlp/pipeline.js';
import { findQuotes } from './find.js';

export const component: Component = {
  name: 'quotes',
  version: '1.10.0',
  description: 'direct quotes, reported speech and "according to" with the speaker resolved to an entity',
  needs: ['sentences', 'tokens', 'entities', 'entityIndex'],
  produces: ['quotes'],
  run(doc) {
    doc.layers.quotes = findQuotes(doc);
  },
};
