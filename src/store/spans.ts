/**
 * Flattens a Doc's annotation layers into span rows for querying across the store
 * (entities by key, techniques by name, narratives by case). No SQL here: sqlite.ts writes them.
 * Tokens, sentences and paragraphs are left out: they are bulky and only useful inside one Doc.
 */
import type { Doc } from '../nlp/doc.js';
import '../analyzers/entities/types.js';
import '../analyzers/quotes/types.js';
import '../analyzers/claims/types.js';
import '../analyzers/techniques/types.js';
import '../analyzers/narratives/types.js';
import '../analyzers/source/types.js';

export interface SpanRow {
  layer: string;
  start: number | null;
  end: number | null;
  label: string | null;
  confidence: number | null;
  by: string | null;
  key: string | null;
  name: string | null;
}

const SKIP = new Set(['tokens', 'sentences', 'paragraphs', 'entityIndex']);

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const clip = (s: string | null | undefined, n = 300): string | null => (s == null ? null : s.length > n ? s.slice(0, n) + '…' : s);

export function docSpanRows(doc: Doc): SpanRow[] {
  const rows: SpanRow[] = [];
  const L = doc.layers;
  const entityById = new Map((L.entityIndex ?? []).map((e) => [e.id, e]));

  for (const m of L.entities ?? []) {
    const e = entityById.get(m.entity);
    rows.push({ layer: 'entities', start: m.start, end: m.end, label: m.label, confidence: m.confidence, by: m.by, key: e?.key ?? null, name: e?.canonical ?? m.text });
  }
  for (const q of L.quotes ?? []) {
    const e = q.speaker?.entity ? entityById.get(q.speaker.entity) : undefined;
    rows.push({ layer: 'quotes', start: q.start, end: q.end, label: q.kind, confidence: q.confidence, by: q.by, key: e?.key ?? null, name: q.speaker?.name ?? null });
  }
  for (const c of L.claims ?? []) {
    const e = c.speaker?.entity ? entityById.get(c.speaker.entity) : undefined;
    rows.push({ layer: 'claims', start: c.start, end: c.end, label: (c.cues ?? []).join(',') || null, confidence: c.confidence, by: c.by, key: e?.key ?? null, name: c.speaker?.name ?? null });
  }
  for (const t of L.techniques ?? []) {
    rows.push({ layer: 'techniques', start: t.start, end: t.end, label: t.technique, confidence: t.confidence, by: t.by, key: null, name: null });
  }
  for (const t of L.loadedBaseline ?? []) {
    rows.push({ layer: 'loadedBaseline', start: t.start, end: t.end, label: t.term, confidence: t.confidence, by: t.by, key: t.term.toLowerCase(), name: null });
  }
  for (const n of L.narratives ?? []) {
    rows.push({ layer: 'narratives', start: n.start, end: n.end, label: n.caseId, confidence: n.confidence, by: n.by, key: n.caseId, name: clip(n.claim) });
  }
  for (const n of L.narrativeLabels ?? []) {
    const ev = n.evidence?.[0];
    rows.push({ layer: 'narrativeLabels', start: ev?.start ?? null, end: ev?.end ?? null, label: n.label, confidence: n.confidence, by: n.by, key: n.label.toLowerCase(), name: null });
  }
  for (const o of L.outlet ?? []) {
    rows.push({ layer: 'outlet', start: o.start ?? null, end: o.end ?? null, label: o.matchedBy, confidence: o.confidence, by: o.by, key: o.domain, name: o.name ?? o.domain });
  }

  // Layers added later by new analyzers: keep whatever span-like fields they have.
  const known = new Set(['entities', 'quotes', 'claims', 'techniques', 'loadedBaseline', 'narratives', 'narrativeLabels', 'outlet']);
  for (const [layer, value] of Object.entries(L)) {
    if (known.has(layer) || SKIP.has(layer) || !Array.isArray(value)) continue;
    for (const a of value as unknown as Record<string, unknown>[]) {
      if (!a || typeof a !== 'object') continue;
      rows.push({ layer, start: num(a.start), end: num(a.end), label: str(a.label), confidence: num(a.confidence), by: str(a.by), key: str(a.key), name: clip(str(a.name)) });
    }
  }
  return rows;
}

/** [key, aliasKey] pairs linking an entity's store key to the other keys its names map to. */
export function docEntityAliases(doc: Doc): [string, string][] {
  const out: [string, string][] = [];
  for (const e of doc.layers.entityIndex ?? []) {
    for (const k of new Set(e.aliasKeys ?? [])) if (k && k !== e.key) out.push([e.key, k]);
  }
  return out;
}
