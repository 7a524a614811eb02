/** Aggregating stored analyses by outlet, for `narrascope outlets`. */
import type { Doc } from '../../nlp/doc.js';
import { registrableDomain } from '../../ingest/outlet.js';

export const LABEL_MIN = 0.5;

export interface OutletSummary {
  /** Domain, or the record's outlet name when no domain is known, or '(unknown)'. */
  outlet: string;
  articles: number;
  /** Mean technique spans per 1,000 characters over the outlet's articles that have a techniques layer. */
  techniqueDensity?: number;
  /** Narrative labels and in how many of the outlet's articles each appears (label confidence >= 0.5). */
  narratives: { label: string; articles: number }[];
}

/** The publisher of a stored article: the outlet layer's url/record entry, else the URL or outlet field. */
export function publisherOf(doc: Doc): string {
  const p = doc.layers.outlet?.find((o) => o.matchedBy === 'url' || o.matchedBy === 'record');
  if (p) return p.domain;
  const fromUrl = doc.meta.url ? registrableDomain(doc.meta.url) : undefined;
  return fromUrl ?? doc.meta.outlet?.value ?? '(unknown)';
}

export class OutletAggregator {
  private by = new Map<string, { articles: number; densities: number[]; labels: Map<string, number> }>();

  add(doc: Doc): void {
    const key = publisherOf(doc);
    let a = this.by.get(key);
    if (!a) this.by.set(key, (a = { articles: 0, densities: [], labels: new Map() }));
    a.articles++;
    if (doc.layers.techniques && doc.text.length) a.densities.push((doc.layers.techniques.length * 1000) / doc.text.length);
    // A label is carried when its matches together make it more likely than not (noisy-OR >= 0.5): one
    // review-tier match is not enough, several consistent ones are.
    const labels = new Set((doc.layers.narrativeLabels ?? []).filter((l) => l.confidence >= LABEL_MIN).map((l) => l.label));
    for (const l of labels) a.labels.set(l, (a.labels.get(l) ?? 0) + 1);
  }

  summaries(): OutletSummary[] {
    return [...this.by]
      .map(([outlet, a]) => ({
        outlet,
        articles: a.articles,
        techniqueDensity: a.densities.length ? +(a.densities.reduce((s, x) => s + x, 0) / a.densities.length).toFixed(2) : undefined,
        narratives: [...a.labels].map(([label, articles]) => ({ label, articles })).sort((x, y) => y.articles - x.articles || x.label.localeCompare(y.label)),
      }))
      .sort((x, y) => y.articles - x.articles || x.outlet.localeCompare(y.outlet));
  }
}
