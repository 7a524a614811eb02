/** Propaganda techniques (SemEval-2020 Task 11): trained span finder + technique classifier. */
import type { Component } from '../../nlp/pipeline.js';
import { getLayer } from '../../nlp/doc.js';
import { loadTechniquesModel, type TechniquesModel } from './model.js';
import { findTechniques } from './analyze.js';

const VERSION = '1.2.1';
let model: TechniquesModel | undefined;

export const component: Component = {
  name: 'techniques',
  version: VERSION,
  description: 'propaganda techniques (14 PTC classes): logistic-regression token tagger for spans + span classifier, trained on PTC',
  needs: ['sentences', 'tokens'],
  produces: ['techniques'],
  load(ctx) {
    model = loadTechniquesModel(ctx.modelsDir).model;
  },
  run(doc, ctx) {
    model ??= loadTechniquesModel(ctx.modelsDir).model;
    doc.layers.techniques = findTechniques(model, { text: doc.text, sentences: getLayer(doc, 'sentences'), tokens: getLayer(doc, 'tokens') }, `techniques@${VERSION}`);
  },
};
