/**
 * SQL for the knowledge base of debunked cases (namespace 'kb'): a case table plus an FTS5 index over
 * claim, summary and keywords. The rest of the code calls the typed functions here, never SQL.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Db } from './db.js';
import { openDb, openReadonlyWithTable } from './db.js';
import { migrate } from './migrate.js';
import type { KbCase } from '../kb/types.js';
import { normalizeClaim } from '../kb/normalize.js';

const STEPS = [
  `CREATE TABLE kb_cases (
     id TEXT PRIMARY KEY,
     url TEXT,
     claim TEXT NOT NULL,
     claim_norm TEXT NOT NULL,
     summary TEXT,
     disproof TEXT,
     date TEXT,
     keywords TEXT NOT NULL DEFAULT '[]',
     outlets TEXT NOT NULL DEFAULT '[]',
     countries TEXT NOT NULL DEFAULT '[]',
     languages TEXT NOT NULL DEFAULT '[]',
     source_url TEXT,
     origin TEXT NOT NULL,
     imported_at TEXT NOT NULL
   );
   CREATE UNIQUE INDEX kb_cases_url ON kb_cases(url) WHERE url IS NOT NULL;
   CREATE INDEX kb_cases_claim ON kb_cases(claim_norm, date);
   CREATE VIRTUAL TABLE kb_fts USING fts5(case_id UNINDEXED, claim, summary, keywords, tokenize = 'porter unicode61 remove_diacritics 2');`,
];

export type ImportStatus = 'imported' | 'duplicate-url' | 'duplicate-claim';

export interface KbSearchHit {
  id: string;
  claim: string;
  date?: string;
  keywords: string[];
  /** FTS5 bm25 (lower = better, negative). */
  bm25: number;
}

interface Row {
  id: string;
  url: string | null;
  claim: string;
  summary: string | null;
  disproof: string | null;
  date: string | null;
  keywords: string;
  outlets: string;
  countries: string;
  languages: string;
  source_url: string | null;
  origin: string;
}

function toCase(r: Row): KbCase {
  return {
    id: r.id,
    url: r.url ?? undefined,
    claim: r.claim,
    summary: r.summary ?? undefined,
    disproof: r.disproof ?? undefined,
    date: r.date ?? undefined,
    keywords: JSON.parse(r.keywords) as string[],
    outlets: JSON.parse(r.outlets) as string[],
    countries: JSON.parse(r.countries) as string[],
    languages: JSON.parse(r.languages) as string[],
    sourceUrl: r.source_url ?? undefined,
    origin: r.origin,
  };
}

const union = (a: string[], b: string[]) => {
  const seen = new Set(a.map((x) => x.toLowerCase()));
  return [...a, ...b.filter((x) => !seen.has(x.toLowerCase()) && seen.add(x.toLowerCase()))];
};

/** Quote every word so user text cannot be read as FTS5 syntax; words are OR-ed (bm25 ranks). */
export function ftsQuery(text: string, maxTerms = 64): string | undefined {
  const words = [...new Set(text.toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? [])].slice(0, maxTerms);
  return words.length ? words.map((w) => `"${w}"`).join(' OR ') : undefined;
}

export class KbStore {
  private searchStmt?: Database.Statement;
  private constructor(readonly db: Db, readonly path: string) {}

  /** Open (and migrate) for writing. */
  static open(path: string): KbStore {
    const db = openDb(path);
    migrate(db, 'kb', STEPS);
    return new KbStore(db, path);
  }

  /** Open read-only; undefined when the file or the kb tables do not exist. */
  static openReadonly(path: string): KbStore | undefined {
    const db = openReadonlyWithTable(path, 'kb_cases');
    return db && new KbStore(db, path);
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM kb_cases').get() as { n: number }).n;
  }

  /** Changes when cases are added or merged: count, newest import and total text length. */
  fingerprint(): string {
    const r = this.db.prepare('SELECT COUNT(*) AS n, MAX(imported_at) AS t, SUM(LENGTH(keywords) + LENGTH(COALESCE(summary, \'\')) + LENGTH(COALESCE(disproof, \'\'))) AS l FROM kb_cases').get() as { n: number; t: string | null; l: number | null };
    return `kb${r.n}-${createHash('sha1').update(`${r.t}|${r.l}`).digest('hex').slice(0, 8)}`;
  }

  /**
   * Import cases in one transaction. De-duplication: same case URL, else same normalized claim on the
   * same date (the same claim on another date is a separate recurrence). A duplicate fills fields the
   * stored case lacks (e.g. the index file's URL, the older file's summary and disproof).
   */
  importCases(cases: KbCase[]): ImportStatus[] {
    const now = new Date().toISOString();
    const byUrl = this.db.prepare('SELECT rowid AS rid, * FROM kb_cases WHERE url = ?');
    const byId = this.db.prepare('SELECT rowid AS rid, * FROM kb_cases WHERE id = ?');
    const byClaim = this.db.prepare('SELECT rowid AS rid, * FROM kb_cases WHERE claim_norm = ? AND date IS ?');
    const insert = this.db.prepare(`INSERT INTO kb_cases (id, url, claim, claim_norm, summary, disproof, date, keywords, outlets, countries, languages, source_url, origin, imported_at)
      VALUES (@id, @url, @claim, @claim_norm, @summary, @disproof, @date, @keywords, @outlets, @countries, @languages, @source_url, @origin, @imported_at)`);
    const update = this.db.prepare(`UPDATE kb_cases SET url = @url, summary = @summary, disproof = @disproof, keywords = @keywords, outlets = @outlets,
      countries = @countries, languages = @languages, source_url = @source_url WHERE id = @id`);
    const ftsDelete = this.db.prepare('DELETE FROM kb_fts WHERE rowid = ?');
    // The FTS row shares the case's rowid so updates touch one row instead of scanning.
    const ftsInsert = this.db.prepare('INSERT INTO kb_fts (rowid, case_id, claim, summary, keywords) VALUES (?, ?, ?, ?, ?)');
    const statuses: ImportStatus[] = [];
    this.db.transaction(() => {
      for (const c of cases) {
        const norm = normalizeClaim(c.claim);
        let existing = (c.url ? byUrl.get(c.url) : undefined) as (Row & { rid: number }) | undefined;
        let status: ImportStatus = 'duplicate-url';
        if (!existing) {
          existing = (byId.get(c.id) ?? byClaim.get(norm, c.date ?? null)) as (Row & { rid: number }) | undefined;
          status = 'duplicate-claim';
        }
        if (existing) {
          const old = toCase(existing);
          const merged: KbCase = {
            ...old,
            url: old.url ?? c.url,
            summary: old.summary ?? c.summary,
            disproof: old.disproof ?? c.disproof,
            keywords: union(old.keywords, c.keywords),
            outlets: union(old.outlets, c.outlets),
            countries: union(old.countries, c.countries),
            languages: union(old.languages, c.languages),
            sourceUrl: old.sourceUrl ?? c.sourceUrl,
          };
          // Another case may already own this URL; then keep the stored one's.
          if (merged.url && merged.url !== old.url && byUrl.get(merged.url)) merged.url = old.url;
          update.run({
            id: old.id,
            url: merged.url ?? null,
            summary: merged.summary ?? null,
            disproof: merged.disproof ?? null,
            keywords: JSON.stringify(merged.keywords),
            outlets: JSON.stringify(merged.outlets),
            countries: JSON.stringify(merged.countries),
            languages: JSON.stringify(merged.languages),
            source_url: merged.sourceUrl ?? null,
          });
          ftsDelete.run(existing.rid);
          ftsInsert.run(existing.rid, old.id, merged.claim, merged.summary ?? '', merged.keywords.join(' | '));
          statuses.push(status);
          continue;
        }
        const info = insert.run({
          id: c.id,
          url: c.url ?? null,
          claim: c.claim,
          claim_norm: norm,
          summary: c.summary ?? null,
          disproof: c.disproof ?? null,
          date: c.date ?? null,
          keywords: JSON.stringify(c.keywords),
          outlets: JSON.stringify(c.outlets),
          countries: JSON.stringify(c.countries),
          languages: JSON.stringify(c.languages),
          source_url: c.sourceUrl ?? null,
          origin: c.origin,
          imported_at: now,
        });
        ftsInsert.run(info.lastInsertRowid, c.id, c.claim, c.summary ?? '', c.keywords.join(' | '));
        statuses.push('imported');
      }
    })();
    return statuses;
  }

  /** A case by id, or by a unique id prefix / URL. */
  getCase(id: string): KbCase | undefined {
    const exact = this.db.prepare('SELECT * FROM kb_cases WHERE id = ? OR url = ?').get(id, id) as Row | undefined;
    if (exact) return toCase(exact);
    const pre = this.db.prepare("SELECT * FROM kb_cases WHERE id LIKE ? ESCAPE '\\' LIMIT 2").all(id.replace(/[%_\\]/g, '\\$&') + '%') as Row[];
    return pre.length === 1 ? toCase(pre[0]) : undefined;
  }

  getCases(ids: string[]): Map<string, KbCase> {
    const stmt = this.db.prepare('SELECT * FROM kb_cases WHERE id = ?');
    const out = new Map<string, KbCase>();
    for (const id of ids) {
      const r = stmt.get(id) as Row | undefined;
      if (r) out.set(id, toCase(r));
    }
    return out;
  }

  allCases(): KbCase[] {
    return (this.db.prepare('SELECT * FROM kb_cases ORDER BY rowid').all() as Row[]).map(toCase);
  }

  /** BM25 search over claim, summary and keywords (claim weighted highest). */
  search(text: string, limit = 20): KbSearchHit[] {
    const q = ftsQuery(text);
    if (!q) return [];
    this.searchStmt ??= this.db.prepare(`SELECT f.case_id AS id, c.claim, c.date, c.keywords, bm25(kb_fts, 0, 3.0, 1.0, 1.5) AS score
                FROM kb_fts f JOIN kb_cases c ON c.id = f.case_id WHERE kb_fts MATCH ? ORDER BY score LIMIT ?`);
    const rows = this.searchStmt.all(q, limit) as { id: string; claim: string; date: string | null; keywords: string; score: number }[];
    return rows.map((r) => ({ id: r.id, claim: r.claim, date: r.date ?? undefined, keywords: JSON.parse(r.keywords) as string[], bm25: r.score }));
  }

  /** How many cases name each outlet (as written in the case file). */
  outletCaseCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const r of this.db.prepare('SELECT outlets FROM kb_cases').all() as { outlets: string }[]) {
      for (const o of JSON.parse(r.outlets) as string[]) counts.set(o, (counts.get(o) ?? 0) + 1);
    }
    return counts;
  }

  /** Every case claim (for vocabulary statistics). */
  claims(): string[] {
    return (this.db.prepare('SELECT claim FROM kb_cases').all() as { claim: string }[]).map((r) => r.claim);
  }

  /** Distinct country names the cases mention (a small gazetteer: outlet names must not be places). */
  countryNames(): Set<string> {
    const out = new Set<string>();
    for (const r of this.db.prepare('SELECT DISTINCT countries FROM kb_cases').all() as { countries: string }[]) {
      for (const c of JSON.parse(r.countries) as string[]) out.add(c.toLowerCase());
    }
    return out;
  }

  close(): void {
    this.db.close();
  }
}
