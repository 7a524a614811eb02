/** Check-worthy claims scored 0–1 with readable cues (see docs/quotes-and-claims.md). */
import type { Component } from '../../nlp/pipeline.js';
import { findClaims } from './find.js';

export const component: Component = {
  name: 'claims',
  version: '1.0.0',
  description: 'check-worthy factual claims (transparent cue-weighted score), linked to speaker and entities',
  needs: ['sentences', 'tokens', 'quotes', 'entities', 'entityIndex'],
  produces: ['claims'],
  run(doc) {
    doc.layers.claims = findClaims(doc);
  },
};
