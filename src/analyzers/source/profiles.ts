/** Loaded outlet data for one SQLite file: profiles, a name matcher for text, and KB case counts. */
import { OutletStore, type OutletRecord } from '../../store/outlets-sqlite.js';
import { KbStore } from '../../store/kb-sqlite.js';

export interface LoadedOutlets {
  store: OutletStore;
  /** Lowercased alias -> domains. */
  byName: Map<string, string[]>;
  /** Case-sensitive alternation of all aliases, longest first, on word boundaries. */
  textPattern?: RegExp;
  aliasDomain: Map<string, string>;
  /** Outlet strings as written in the KB, with how many cases name each. */
  kbOutlets: Map<string, number>;
  kbCount: Map<string, number>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const cache = new Map<string, LoadedOutlets | string>();

export function loadOutlets(dbPath: string | undefined): LoadedOutlets | string {
  if (!dbPath) return 'no database given, so no outlet profiles: run `narrascope outlets import FILES` and analyze with --db';
  const hit = cache.get(dbPath);
  if (hit) return hit;
  const store = OutletStore.openReadonly(dbPath);
  let loaded: LoadedOutlets | string;
  if (!store || store.count() === 0) {
    store?.close();
    loaded = `no outlet profiles imported in ${dbPath}: run \`narrascope outlets import FILES --db ${dbPath}\``;
  } else {
    const kb = KbStore.openReadonly(dbPath);
    const kbOutlets = kb ? kb.outletCaseCounts() : new Map<string, number>();
    const places = kb ? kb.countryNames() : new Set<string>();
    // Words the case claims use in lower case are ordinary words ("military", "express", "fortune"):
    // a one-word outlet name spelled like one is not trusted in running text.
    const common = new Map<string, number>();
    for (const c of kb ? kb.claims() : []) for (const w of c.match(/(?<![\p{L}])\p{Ll}+/gu) ?? []) common.set(w, (common.get(w) ?? 0) + 1);
    kb?.close();
    const kbNames = [...kbOutlets.keys()].map((k) => k.toLowerCase());
    const byName = new Map<string, string[]>();
    const aliasDomain = new Map<string, string>();
    for (const a of store.aliases()) {
      if (!/\s/.test(a.alias) && (common.get(a.alias.toLowerCase()) ?? 0) >= 1) continue;
      // Names derived from domains ("Syria" from syrianews.cc) collide with ordinary words; use them in text
      // only when the knowledge base cites an outlet by that name ("Sputnik Arabic" for Sputnik).
      if (a.kind === 'domain') {
        const low = a.alias.toLowerCase();
        if ([...places].some((p) => low.startsWith(p.slice(0, Math.max(4, p.length - 1))))) continue;
        if (!kbNames.some((n) => n.startsWith(low) && !/[\p{L}\p{N}]/u.test(n[low.length] ?? ''))) continue;
      }
      const key = a.alias.toLowerCase();
      byName.set(key, [...new Set([...(byName.get(key) ?? []), a.domain])]);
      // An alias naming two outlets is ambiguous in text: keep it only for exact record lookups.
      if (aliasDomain.has(a.alias) && aliasDomain.get(a.alias) !== a.domain) aliasDomain.set(a.alias, '');
      else aliasDomain.set(a.alias, a.domain);
    }
    const textAliases = [...aliasDomain].filter(([alias, d]) => d && /^\p{Lu}/u.test(alias) && alias.length >= 2).map(([alias]) => alias);
    textAliases.sort((x, y) => y.length - x.length);
    const textPattern = textAliases.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${textAliases.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu') : undefined;
    loaded = { store, byName, textPattern, aliasDomain, kbOutlets, kbCount: new Map() };
  }
  cache.set(dbPath, loaded);
  return loaded;
}

export function clearOutletCache(): void {
  for (const v of cache.values()) if (typeof v !== 'string') v.store.close();
  cache.clear();
}

/**
 * Cases in the knowledge base naming the outlet: case outlet strings ("Sputnik Arabic", "RT - Russian",
 * "sputniknews.com") that contain the domain or start with one of the outlet's names.
 */
export function kbCasesFor(o: LoadedOutlets, rec: Pick<OutletRecord, 'domain' | 'name'>): number {
  const cached = o.kbCount.get(rec.domain);
  if (cached !== undefined) return cached;
  const names = [...o.byName].filter(([, ds]) => ds.includes(rec.domain)).map(([n]) => n);
  if (rec.name) names.push(rec.name.toLowerCase());
  let n = 0;
  for (const [outlet, count] of o.kbOutlets) {
    const s = outlet.toLowerCase();
    if (s.includes(rec.domain) || names.some((a) => s === a || (s.startsWith(a) && !/[\p{L}\p{N}]/u.test(s[a.length])))) n += count;
  }
  o.kbCount.set(rec.domain, n);
  return n;
}
