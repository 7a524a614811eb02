/** Layer shape of the propaganda-technique analyzers (SemEval-2020 Task 11 scheme). */
import type { Annotation } from '../../nlp/doc.js';

export const TECHNIQUES = [
  'Appeal_to_Authority',
  'Appeal_to_fear-prejudice',
  'Bandwagon,Reductio_ad_hitlerum',
  'Black-and-White_Fallacy',
  'Causal_Oversimplification',
  'Doubt',
  'Exaggeration,Minimisation',
  'Flag-Waving',
  'Loaded_Language',
  'Name_Calling,Labeling',
  'Repetition',
  'Slogans',
  'Thought-terminating_Cliches',
  'Whataboutism,Straw_Men,Red_Herring',
] as const;

export type Technique = (typeof TECHNIQUES)[number];

/** A feature and its contribution to the decision, for "why" in reports. */
export interface FeatureWeight {
  feature: string;
  weight: number;
}

/** A span using a technique. A span with several techniques appears once per technique. */
export interface TechniqueSpan extends Annotation {
  technique: Technique;
  /** Top features that drove the decision (span finder and classifier). */
  features: FeatureWeight[];
}

/** Output of the lexicon baseline: a loaded word or phrase, clearly a baseline, not the trained model. */
export interface LoadedTermSpan extends Annotation {
  term: string;
  /** Share of the term's training occurrences inside gold Loaded_Language or Name_Calling,Labeling spans. */
  lexiconScore: number;
}

declare module '../../nlp/doc.js' {
  interface LayerTypes {
    techniques: TechniqueSpan[];
    loadedBaseline: LoadedTermSpan[];
  }
}
