/** Sentences and tokens (wink-nlp): the layers nearly every other analyzer builds on. */
import type { Component } from '../../nlp/pipeline.js';
import { tokenize } from '../../nlp/tokenize.js';

export const component: Component = {
  name: 'tokens',
  version: '1.1.0',
  description: 'sentences and tokens with POS and lemma (wink-nlp, English lite web model)',
  needs: [],
  produces: ['sentences', 'tokens'],
  order: 0,
  run(doc) {
    const { sentences, tokens } = tokenize(doc.text);
    doc.layers.sentences = sentences;
    doc.layers.tokens = tokens;
  },
};
