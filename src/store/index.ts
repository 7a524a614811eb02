/**
 * The one store factory the rest of the code uses. A location is a file path (SQLite) today;
 * a URL scheme (postgres://) can select another implementation here later.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SqliteStore } from './sqlite.js';
import type { Store } from './types.js';

export type { Store, SaveResult, SearchFilters, SearchHit, ArticleSummary, EntitySummary, ComponentUsage } from './types.js';

export interface OpenStoreOptions {
  /** Fail with a clear message instead of creating an empty store (for read-only commands). */
  mustExist?: boolean;
}

export async function openStore(location: string, opts: OpenStoreOptions = {}): Promise<Store> {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(location)?.[1];
  if (scheme && scheme.toLowerCase() !== 'file') {
    throw new Error(`store ${location}: '${scheme}' stores are not supported yet; use a SQLite file path`);
  }
  const path = scheme ? fileURLToPath(location) : location;
  if (opts.mustExist && path !== ':memory:' && !existsSync(path)) {
    throw new Error(`no store at ${path} (run 'narrascope analyze' first, or pass --db FILE)`);
  }
  return new SqliteStore(path);
}
