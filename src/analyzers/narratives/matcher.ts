/**
 * The loaded matcher: knowledge base + retrieval index for one SQLite file, built once per process
 * (per worker thread) and shared by every run.
 */
import { KbStore } from '../../store/kb-sqlite.js';
import { buildCaseIndex, type CaseIndex } from '../../kb/index.js';

export interface LoadedKb {
  kb: KbStore;
  index: CaseIndex;
}

const cache = new Map<string, LoadedKb | string>();

/** The loaded KB, or the reason there is none (a warning for the analyst). */
export function loadKb(dbPath: string | undefined): LoadedKb | string {
  if (!dbPath) return 'no database given, so no knowledge base: run `narrascope kb import FILE` and analyze with --db';
  const hit = cache.get(dbPath);
  if (hit) return hit;
  const kb = KbStore.openReadonly(dbPath);
  let loaded: LoadedKb | string;
  if (!kb || kb.count() === 0) {
    kb?.close();
    loaded = `no knowledge base imported in ${dbPath}: run \`narrascope kb import FILE --db ${dbPath}\``;
  } else {
    loaded = { kb, index: buildCaseIndex(kb.allCases()) };
  }
  cache.set(dbPath, loaded);
  return loaded;
}

/** Forget loaded KBs (after an import in the same process, and in tests). */
export function clearKbCache(): void {
  for (const v of cache.values()) if (typeof v !== 'string') v.kb.close();
  cache.clear();
}
