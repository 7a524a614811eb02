/** Layer shapes of the entities analyzer (named-entity mentions and the entities they resolve to). */
import type { Annotation } from '../../nlp/doc.js';

export type EntityLabel = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** One mention of a named entity in the text. */
export interface EntityMention extends Annotation {
  label: EntityLabel;
  text: string;
  /** id of the Entity (in layers.entityIndex) this mention resolves to. */
  entity: string;
  /**
   * The fuller name the mention stands for in context, when it differs from `text`: "Foreign
   * Ministry" after "Russia's" is 'Russian Foreign Ministry'.
   */
  name?: string;
}

/** A canonical entity within the article: all its mentions and the names it goes by. */
export interface Entity {
  /** Stable within the article, e.g. 'e3'; `key` is stable across the store. */
  id: string;
  /** Normalized key used to merge the same entity across articles, e.g. 'org:nusra front'. */
  key: string;
  canonical: string;
  label: EntityLabel;
  aliases: string[];
  /**
   * Every normalized key this entity's names map to (e.g. 'org:nusra front', 'org:jabhat nusra'),
   * so the store can also merge entities whose most-used names differ across articles.
   */
  aliasKeys?: string[];
  /** Indices into layers.entities. */
  mentions: number[];
  confidence: number;
  by: string;
}

declare module '../../nlp/doc.js' {
  interface LayerTypes {
    entities: EntityMention[];
    entityIndex: Entity[];
  }
}
