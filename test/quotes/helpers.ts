/** Build a Doc for tests: real tokens, and an entities layer written by hand (no NER needed). */
import { DOC_SCHEMA, type Doc } from '../../src/nlp/doc.js';
import { tokenize } from '../../src/nlp/tokenize.js';
import type { Entity, EntityLabel, EntityMention } from '../../src/analyzers/entities/types.js';
import { findQuotes } from '../../src/analyzers/quotes/find.js';
import type { Quote } from '../../src/analyzers/quotes/types.js';

export function docWith(text: string, entities: { text: string; label: EntityLabel; canonical?: string }[] = []): Doc {
  const doc: Doc = {
    schema: DOC_SCHEMA,
    id: 'test',
    text,
    meta: { source: { kind: 'inline', path: '-' }, contentHash: 'x', format: 'text' },
    removed: [],
    layers: { ...tokenize(text) },
    provenance: [],
  };
  const mentions: EntityMention[] = [];
  const index: Entity[] = [];
  for (const e of entities) {
    const canonical = e.canonical ?? e.text;
    let ent = index.find((x) => x.canonical === canonical);
    if (!ent) {
      ent = { id: `e${index.length}`, key: `${e.label}:${canonical.toLowerCase()}`, canonical, label: e.label, aliases: [e.text], mentions: [], confidence: 1, by: 'test@0' };
      index.push(ent);
    }
    for (let at = text.indexOf(e.text); at >= 0; at = text.indexOf(e.text, at + 1)) {
      if (mentions.some((m) => m.start === at)) continue;
      ent.mentions.push(mentions.length);
      mentions.push({ start: at, end: at + e.text.length, label: e.label, text: e.text, entity: ent.id, confidence: 1, by: 'test@0' });
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  doc.layers.entities = mentions;
  doc.layers.entityIndex = index;
  return doc;
}

/** The rules' quote whose content matches `content` in a hand-built doc (fails the test when there is none). */
export function quoteIn(text: string, content: RegExp): Quote {
  const q = findQuotes(docWith(text)).find((x) => content.test(text.slice(x.content.start, x.content.end)));
  if (!q) throw new Error(`no quote matching ${content}`);
  return q;
}

/** The speaker name of that quote (undefined when the rules leave it unattributed). */
export const speakerIn = (text: string, content: RegExp): string | undefined => quoteIn(text, content).speaker?.name;

export type Ents = Parameters<typeof docWith>[1];

/** Every quote the rules find in a hand-built doc, as content text, speaker name and kind. */
export const quoteRows = (text: string, entities: Ents = []) =>
  findQuotes(docWith(text, entities)).map((q) => ({ content: text.slice(q.content.start, q.content.end), speaker: q.speaker?.name, kind: q.kind }));

/** The speaker of the quote whose content matches `content` (throws when there is no such quote). */
export function speakerWith(text: string, content: RegExp, entities: Ents = []): string | undefined {
  const q = quoteRows(text, entities).find((x) => content.test(x.content));
  if (!q) throw new Error(`no quote matching ${content}`);
  return q.speaker;
}
