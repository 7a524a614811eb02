/**
 * SQL for outlet profiles (namespace 'outlets'): one row per domain with its ratings, and name aliases
 * (name -> domain) used to recognize outlets named in text or given as a record's outlet field.
 */
import { createHash } from 'node:crypto';
import type { Db } from './db.js';
import { openDb, openReadonlyWithTable } from './db.js';
import { migrate } from './migrate.js';

const STEPS = [
  `CREATE TABLE outlets (
     domain TEXT PRIMARY KEY,
     name TEXT,
     country TEXT,
     bias TEXT,
     factuality TEXT,
     credibility TEXT,
     state_affiliated INTEGER,
     labels TEXT NOT NULL DEFAULT '{}',
     sources TEXT NOT NULL DEFAULT '[]',
     imported_at TEXT NOT NULL
   );
   CREATE TABLE outlet_aliases (
     alias TEXT NOT NULL,
     domain TEXT NOT NULL REFERENCES outlets(domain) ON DELETE CASCADE,
     kind TEXT NOT NULL,
     PRIMARY KEY (alias, domain)
   );`,
];

/** An outlet's ratings as stored (see src/analyzers/source/types.ts for the layer shape). */
export interface OutletRecord {
  domain: string;
  name?: string;
  country?: string;
  bias?: string;
  factuality?: string;
  credibility?: string;
  stateAffiliated?: boolean;
  labels: Record<string, string>;
  /** Which files contributed, e.g. ['mbfc.csv', 'nela-gt-2018-labels.csv']. */
  sources: string[];
}

export interface OutletAlias {
  /** The name as written (case kept: text matching is case-sensitive). */
  alias: string;
  domain: string;
  /** 'name' (a rater's outlet name) or 'domain' (derived from the domain, e.g. sputniknews -> Sputnik). */
  kind: 'name' | 'domain';
}

interface Row {
  domain: string;
  name: string | null;
  country: string | null;
  bias: string | null;
  factuality: string | null;
  credibility: string | null;
  state_affiliated: number | null;
  labels: string;
  sources: string;
}

const toRecord = (r: Row): OutletRecord => ({
  domain: r.domain,
  name: r.name ?? undefined,
  country: r.country ?? undefined,
  bias: r.bias ?? undefined,
  factuality: r.factuality ?? undefined,
  credibility: r.credibility ?? undefined,
  stateAffiliated: r.state_affiliated === null ? undefined : r.state_affiliated === 1,
  labels: JSON.parse(r.labels) as Record<string, string>,
  sources: JSON.parse(r.sources) as string[],
});

export class OutletStore {
  private constructor(readonly db: Db) {}

  static open(path: string): OutletStore {
    const db = openDb(path);
    migrate(db, 'outlets', STEPS);
    return new OutletStore(db);
  }

  /** Read-only; undefined when the file or the outlet tables are missing. */
  static openReadonly(path: string): OutletStore | undefined {
    const db = openReadonlyWithTable(path, 'outlets');
    return db && new OutletStore(db);
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM outlets').get() as { n: number }).n;
  }

  /** Changes when ratings are re-imported: count, newest import and total label length. */
  fingerprint(): string {
    const r = this.db.prepare('SELECT COUNT(*) AS n, MAX(imported_at) AS t, SUM(LENGTH(labels)) AS l FROM outlets').get() as { n: number; t: string | null; l: number | null };
    return `outlets${r.n}-${createHash('sha1').update(`${r.t}|${r.l}`).digest('hex').slice(0, 8)}`;
  }

  /** Replace the profiles of these domains (a refresh re-imports the rater files) and their aliases. */
  replaceAll(records: OutletRecord[], aliases: OutletAlias[]): void {
    const now = new Date().toISOString();
    const up = this.db.prepare(`INSERT INTO outlets (domain, name, country, bias, factuality, credibility, state_affiliated, labels, sources, imported_at)
      VALUES (@domain, @name, @country, @bias, @factuality, @credibility, @state, @labels, @sources, @now)
      ON CONFLICT(domain) DO UPDATE SET name = excluded.name, country = excluded.country, bias = excluded.bias, factuality = excluded.factuality,
        credibility = excluded.credibility, state_affiliated = excluded.state_affiliated, labels = excluded.labels, sources = excluded.sources, imported_at = excluded.imported_at`);
    const delAliases = this.db.prepare('DELETE FROM outlet_aliases WHERE domain = ?');
    const addAlias = this.db.prepare('INSERT OR IGNORE INTO outlet_aliases (alias, domain, kind) VALUES (?, ?, ?)');
    this.db.transaction(() => {
      for (const r of records) {
        up.run({
          domain: r.domain,
          name: r.name ?? null,
          country: r.country ?? null,
          bias: r.bias ?? null,
          factuality: r.factuality ?? null,
          credibility: r.credibility ?? null,
          state: r.stateAffiliated === undefined ? null : r.stateAffiliated ? 1 : 0,
          labels: JSON.stringify(r.labels),
          sources: JSON.stringify(r.sources),
          now,
        });
        delAliases.run(r.domain);
      }
      for (const a of aliases) addAlias.run(a.alias, a.domain, a.kind);
    })();
  }

  get(domain: string): OutletRecord | undefined {
    const r = this.db.prepare('SELECT * FROM outlets WHERE domain = ?').get(domain) as Row | undefined;
    return r ? toRecord(r) : undefined;
  }

  all(): OutletRecord[] {
    return (this.db.prepare('SELECT * FROM outlets ORDER BY domain').all() as Row[]).map(toRecord);
  }

  aliases(): OutletAlias[] {
    return this.db.prepare('SELECT alias, domain, kind FROM outlet_aliases').all() as OutletAlias[];
  }

  close(): void {
    this.db.close();
  }
}
