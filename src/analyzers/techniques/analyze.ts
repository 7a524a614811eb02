/** Find technique spans in a tokenized text with the trained model (shared by the component and the CLI). */
import type { TokenizedText } from '../../models/features/propaganda.js';
import type { TechniquesModel } from './model.js';
import type { TechniqueSpan } from './types.js';

export function findTechniques(model: TechniquesModel, t: TokenizedText, by: string): TechniqueSpan[] {
  const ctx = model.context(t);
  const out: TechniqueSpan[] = [];
  for (const span of model.findSpans(t, model.data.displayRules ?? model.data.rules)) {
    const { ranked, features, ids } = model.classify(ctx, span.start, span.end);
    // A span may carry two techniques; report the runner-up only when the classifier backs it.
    const chosen = [ranked[0], ...(ranked[1].probability >= model.data.secondLabelMin ? [ranked[1]] : [])];
    for (const r of chosen) {
      out.push({
        start: span.start,
        end: span.end,
        technique: r.technique,
        // P(span is propaganda) × P(technique | span).
        confidence: Math.round(span.confidence * r.probability * 1000) / 1000,
        by,
        features: [...model.explainTechnique(features, r.technique, 4, ids), ...span.features.slice(0, 2)],
      });
    }
  }
  return out;
}
