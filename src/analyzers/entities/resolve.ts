/**
 * Entity resolution within an article: which mentions name the same thing, its canonical name, and
 * a key stable across articles (so the store can merge).
 *
 * Rules, strongest first: same normalized name ("The Nusra Front" = "Nusra Front" = "al-Nusra
 * Front", "Russia's Foreign Ministry" = "Russian Foreign Ministry"); alias lists (user file, or
 * stated in the text); a lone surname/first name = the one full name in the article that has it;
 * an acronym = the one multi-word name with those initials; a bare head ("the Foreign Ministry")
 * = the one fuller ORG name ending with it.
 */
import type { Entity, EntityLabel, EntityMention } from './types.js';
import type { AliasGroup } from './aliases.js';
import type { RawMention } from './recognize.js';
import { acronym, cleanName, demonymDisplay, demonymOf, initials, isDemonym, normName } from './names.js';

export interface Resolved {
  mentions: EntityMention[];
  entities: Entity[];
}

class UnionFind {
  private parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // Keep the smaller index as root so results do not depend on merge order.
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The most frequent item (the first seen wins ties). */
function majority<T>(items: T[]): T | undefined {
  const m = new Map<T, number>();
  for (const t of items) m.set(t, (m.get(t) ?? 0) + 1);
  let best: T | undefined;
  let bestW = -Infinity;
  for (const [t, w] of m) if (w > bestW) [best, bestW] = [t, w];
  return best;
}

export interface ResolveOptions {
  by: string;
  /** Confidence given to names found only through an alias list stated in the text. */
  aliasMentionConfidence?: number;
}

/** Generic last words of organization names: "X Front" may be called "X" for short. */
const ORG_HEADS = new Set(['front', 'party', 'movement', 'army', 'brigade', 'brigades', 'group', 'organization', 'organisation', 'network', 'foundation', 'institute', 'agency', 'company', 'corporation', 'corp', 'inc', 'ltd', 'union', 'alliance', 'league', 'coalition', 'forces', 'council', 'committee']);

const cap = (w: string) => w.replace(/(^|\s)\p{Ll}/gu, (c) => c.toUpperCase());

/**
 * The name an ORG mention stands for when a country qualifies it: CoNLL-style tagging splits
 * "Russia's Foreign Ministry" into LOC + ORG and "Russian Foreign Ministry" into MISC + ORG.
 */
function qualifiedNames(text: string, mentions: RawMention[]): (string | undefined)[] {
  return mentions.map((m, j) => {
    const q = mentions[j - 1];
    if (m.label !== 'ORG' || !q) return undefined;
    const gap = text.slice(q.end, m.start);
    if (q.label === 'LOC' && /^['’]s\s+$/.test(gap)) {
      const adj = demonymOf(q.text);
      return adj ? `${cap(adj)} ${cleanName(m.text)}` : undefined;
    }
    if (q.label === 'MISC' && /^\s+$/.test(gap) && isDemonym(q.text)) return `${cleanName(q.text)} ${cleanName(m.text)}`;
    return undefined;
  });
}

export function resolveEntities(text: string, raw: RawMention[], groups: AliasGroup[], opts: ResolveOptions): Resolved {
  const mentions: RawMention[] = [...raw];
  let qualified: (string | undefined)[] = [];
  const nameOf = (i: number) => qualified[i] ?? mentions[i].text;
  const norms = (): string[] => {
    qualified = qualifiedNames(text, mentions);
    return mentions.map((_, i) => normName(nameOf(i)));
  };

  // Alias group membership by normalized name (user groups first: they win on conflicts).
  const groupOf = new Map<string, number>();
  groups.forEach((g, gi) => {
    for (const name of [g.canonical, ...g.aliases]) {
      const n = normName(name);
      if (n && !groupOf.has(n)) groupOf.set(n, gi);
    }
  });

  // Names stated in an in-text alias list are mentions even when the tagger missed them; their
  // type comes from the tagged mentions of the same group.
  let norm = norms();
  for (const [gi, g] of groups.entries()) {
    if (!g.spans) continue;
    const labels = mentions.filter((_, i) => groupOf.get(norm[i]) === gi).map((m) => m.label);
    const label = majority(labels);
    if (!label) continue;
    for (const s of g.spans) {
      const inside = mentions.filter((m) => overlaps(m, s));
      // Stated names override partial tags inside them ("Jabhat [al-Nusra]"), not tags crossing them.
      if (inside.some((m) => m.start < s.start || m.end > s.end)) continue;
      if (inside.length === 1 && inside[0].start === s.start && inside[0].end === s.end) continue;
      const confidence = Math.max(opts.aliasMentionConfidence ?? 0.7, ...inside.map((m) => m.confidence));
      for (const m of inside) mentions.splice(mentions.indexOf(m), 1);
      mentions.push({ start: s.start, end: s.end, text: s.text, label, confidence });
    }
  }
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  norm = norms();

  const n = mentions.length;
  const uf = new UnionFind(n);
  /** Mentions merged only by a weak rule (surname, acronym, bare head): not used for the key. */
  const partial = new Set<number>();

  const byNorm = new Map<string, number>();
  const byGroup = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const first = byNorm.get(norm[i]);
    if (first === undefined) byNorm.set(norm[i], i);
    else uf.union(first, i);
    const g = groupOf.get(norm[i]);
    if (g !== undefined) {
      const fg = byGroup.get(g);
      if (fg === undefined) byGroup.set(g, i);
      else uf.union(fg, i);
    }
  }

  const words = norm.map((x) => x.split(' '));
  const uniqueCluster = (candidates: number[]): number | undefined => {
    const roots = new Set(candidates.map((c) => uf.find(c)));
    return roots.size === 1 ? candidates[0] : undefined;
  };

  // A lone name = the one full PER name in the article that begins or ends with it.
  for (let i = 0; i < n; i++) {
    if (mentions[i].label !== 'PER' || words[i].length !== 1 || groupOf.has(norm[i])) continue;
    const w = words[i][0];
    const cands = [...Array(n).keys()].filter((j) => j !== i && mentions[j].label === 'PER' && words[j].length > 1 && (words[j].at(-1) === w || words[j][0] === w));
    const c = uniqueCluster(cands);
    if (c !== undefined) {
      uf.union(c, i);
      partial.add(i);
    }
  }

  // An acronym = the one multi-word name with those initials.
  for (let i = 0; i < n; i++) {
    const a = acronym(mentions[i].text);
    if (!a || mentions[i].label === 'PER') continue;
    const cands = [...Array(n).keys()].filter((j) => j !== i && mentions[j].label !== 'PER' && initials(mentions[j].text) === a);
    const c = uniqueCluster(cands);
    if (c !== undefined) {
      uf.union(c, i);
      partial.add(i);
    }
  }

  // A bare head ("Foreign Ministry", "Security Council") = the one fuller ORG name ending with it.
  for (let i = 0; i < n; i++) {
    if (mentions[i].label !== 'ORG' || acronym(mentions[i].text)) continue;
    const h = norm[i];
    // (Session 20: not the right half of a pair, "Lund and Dvorak": a lone "Dvorak" is one of two, not the pair.)
    const cands = [...Array(n).keys()].filter((j) => mentions[j].label === 'ORG' && norm[j].length > h.length && norm[j].endsWith(` ${h}`) && !norm[j].endsWith(` and ${h}`));
    // "al-Nusra" alone = "al-Nusra Front" when that is the only ORG made of it plus a generic head.
    if (!cands.length) cands.push(...[...Array(n).keys()].filter((j) => mentions[j].label === 'ORG' && norm[j].startsWith(`${h} `) && ORG_HEADS.has(norm[j].slice(h.length + 1))));
    const c = uniqueCluster(cands);
    if (c !== undefined && uf.find(c) !== uf.find(i)) {
      uf.union(c, i);
      partial.add(i);
    }
  }

  // Build entities in order of first mention.
  const clusters = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = uf.find(i);
    if (!clusters.has(r)) clusters.set(r, []);
    clusters.get(r)!.push(i);
  }
  const entities: Entity[] = [];
  const out: EntityMention[] = mentions.map((m, i) => ({
    start: m.start,
    end: m.end,
    label: m.label,
    text: m.text,
    ...(qualified[i] ? { name: qualified[i] } : {}),
    confidence: m.confidence,
    by: opts.by,
    entity: '',
  }));
  for (const members of clusters.values()) {
    const id = `e${entities.length + 1}`;
    let label = majority(members.map((i) => mentions[i].label)) as EntityLabel;
    // A person's name takes no definite article: "the White Helmets" is a group even when the
    // CoNLL-trained tagger reads "White" as a surname. Relabel the whole entity and its mentions.
    if (label === 'PER' && members.some((i) => /(^|[^\p{L}])the\s+$/iu.test(text.slice(Math.max(0, mentions[i].start - 5), mentions[i].start)) && mentions[i].text.includes(' '))) {
      label = (majority(members.map((i) => mentions[i].label).filter((l) => l !== 'PER')) as EntityLabel | undefined) ?? 'ORG';
      for (const i of members) out[i].label = label;
    }
    const userGroup = members.map((i) => groupOf.get(norm[i])).find((g) => g !== undefined && groups[g].source.startsWith('user:'));
    const full = members.filter((i) => !partial.has(i));
    const forms = (full.length ? full : members).map((i) => ({ text: demonymDisplay(cleanName(nameOf(i))), norm: norm[i] }));
    // Canonical: the most complete written form (most words, then longest, then most capitalized).
    const caps = (s: string) => s.split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w)).length;
    const fullest = [...forms].sort(
      (a, b) => b.text.split(' ').length - a.text.split(' ').length || b.text.length - a.text.length || caps(b.text) - caps(a.text) || a.text.localeCompare(b.text),
    )[0];
    let canonical = fullest.text;
    let keyNorm: string;
    if (userGroup !== undefined) {
      canonical = groups[userGroup].canonical;
      keyNorm = normName(canonical);
    } else if (label === 'PER') {
      keyNorm = fullest.norm;
    } else {
      // The name the article uses most is the likeliest to be shared by other articles.
      const counts = new Map<string, number>();
      for (const f of forms) counts.set(f.norm, (counts.get(f.norm) ?? 0) + 1);
      keyNorm = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0]))[0][0];
    }
    const aliases = [...new Set(members.map((i) => cleanName(nameOf(i))))].filter((a) => a !== canonical);
    const aliasKeys = [...new Set(members.map((i) => `${label.toLowerCase()}:${norm[i]}`))].sort();
    for (const i of members) out[i].entity = id;
    entities.push({
      id,
      key: `${label.toLowerCase()}:${keyNorm}`,
      canonical,
      label,
      aliases,
      aliasKeys,
      mentions: members,
      confidence: members.reduce((s, i) => s + mentions[i].confidence, 0) / members.length,
      by: opts.by,
    });
  }
  return { mentions: out, entities };
}
