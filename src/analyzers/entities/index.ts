/**
 * The `entities` component: named-entity mentions (PER/ORG/LOC/MISC, CoNLL-trained perceptron)
 * resolved into entities within the article (aliases, surnames, acronyms, bare heads).
 */
import type { Component, ComponentContext } from '../../nlp/pipeline.js';
import type { NerModel } from '../../models/ner-tagger.js';
import { loadNerModel } from './model.js';
import { readAliasFile, textAliases, type AliasGroup } from './aliases.js';
import { recognize } from './recognize.js';
import { resolveEntities } from './resolve.js';

const VERSION = '1.2.0';
const BY = `entities@${VERSION}`;

let model: NerModel | undefined;
/** Parsed alias files by path (read once per process; a pipeline may run with different files). */
const aliasCache = new Map<string, AliasGroup[]>();

function userAliases(ctx: ComponentContext): AliasGroup[] {
  const file = aliasFile(ctx);
  if (!file) return [];
  let groups = aliasCache.get(file);
  if (!groups) aliasCache.set(file, (groups = readAliasFile(file)));
  return groups;
}

/** The user alias file: ctx.settings.aliases (the --aliases option), else $NARRASCOPE_ALIASES. */
function aliasFile(ctx: ComponentContext): string | undefined {
  return ctx.settings?.aliases || process.env.NARRASCOPE_ALIASES || undefined;
}

export const component: Component = {
  name: 'entities',
  version: VERSION,
  description: 'named entities (PER, ORG, LOC, MISC; perceptron trained on CoNLL-2003) resolved within the article, with alias lists',
  needs: ['sentences', 'tokens'],
  produces: ['entities', 'entityIndex'],
  order: 20,
  load(ctx) {
    model = loadNerModel(ctx.modelsDir);
    userAliases(ctx);
  },
  run(doc, ctx) {
    if (!model) this.load!(ctx);
    const raw = recognize(model!, doc);
    const groups = [...userAliases(ctx), ...textAliases(doc.text)];
    const { mentions, entities } = resolveEntities(doc.text, raw, groups, { by: BY });
    doc.layers.entities = mentions;
    doc.layers.entityIndex = entities;
  },
};
