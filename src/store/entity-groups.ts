/**
 * Merging entity keys across the store: keys linked by an alias (same entity, different most-used
 * name in different articles) form one group. Plain union-find over the alias pairs; no SQL here.
 */
import type { EntitySummary } from './types.js';

export interface KeyArticleRow {
  key: string;
  article: number;
  mentions: number;
  outlet: string | null;
}

export interface KeyNameRow {
  key: string;
  label: string | null;
  name: string | null;
  n: number;
}

function unionFind(pairs: [string, string][]) {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    // Path compression keeps later finds short.
    let c = k;
    while (c !== r) {
      const next = parent.get(c)!;
      parent.set(c, r);
      c = next;
    }
    return r;
  };
  for (const [a, b] of pairs) {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  return find;
}

const top = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];

export function groupEntities(rows: KeyArticleRow[], names: KeyNameRow[], aliases: [string, string][], opts: { type?: string; limit: number }): EntitySummary[] {
  const find = unionFind(aliases);
  interface G { keys: Map<string, number>; articles: Set<number>; outlets: Set<string>; mentions: number; labels: Map<string, number>; names: Map<string, number> }
  const groups = new Map<string, G>();
  const group = (key: string) => {
    const r = find(key);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = { keys: new Map(), articles: new Set(), outlets: new Set(), mentions: 0, labels: new Map(), names: new Map() }));
    return g;
  };
  for (const r of rows) {
    const g = group(r.key);
    g.mentions += r.mentions;
    g.keys.set(r.key, (g.keys.get(r.key) ?? 0) + r.mentions);
    g.articles.add(r.article);
    if (r.outlet) g.outlets.add(r.outlet);
  }
  for (const n of names) {
    const g = group(n.key);
    if (n.label) g.labels.set(n.label, (g.labels.get(n.label) ?? 0) + n.n);
    if (n.name) g.names.set(n.name, (g.names.get(n.name) ?? 0) + n.n);
  }
  const out: EntitySummary[] = [];
  for (const g of groups.values()) {
    if (!g.mentions) continue; // an alias key never used as a key itself
    const label = top(g.labels) ?? '';
    if (opts.type && label !== opts.type) continue;
    const key = top(g.keys)!;
    out.push({ key, keys: [...g.keys.keys()].sort(), name: top(g.names) ?? key, label, mentions: g.mentions, articles: g.articles.size, outlets: [...g.outlets].sort() });
  }
  out.sort((a, b) => b.mentions - a.mentions || b.articles - a.articles || a.key.localeCompare(b.key));
  return out.slice(0, opts.limit);
}
