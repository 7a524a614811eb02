/** Opening the SQLite file: the one place that knows connection settings. */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

export function openDb(path: string, opts: { readonly?: boolean } = {}): Db {
  if (!opts.readonly && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let db: Db;
  try {
    db = new Database(path, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
  } catch (err) {
    throw new Error(`cannot open database ${path}: ${(err as Error).message}`);
  }
  // WAL lets readers (worker threads, a server) run while one writer writes.
  if (!opts.readonly) db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  return db;
}

/**
 * Open read-only when the file exists and has `table`; undefined otherwise (no such file, not a
 * database, or that module's data was never imported). For readers that must not fail the pipeline.
 */
export function openReadonlyWithTable(path: string, table: string): Db | undefined {
  let db: Db;
  try {
    db = openDb(path, { readonly: true });
  } catch {
    return undefined;
  }
  if (!db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name=?").get(table)) {
    db.close();
    return undefined;
  }
  return db;
}

/** The fingerprint of a module's imported data (undefined when none), closing the store after. */
export function dataFingerprint(store?: { count(): number; fingerprint(): string; close(): void }): string | undefined {
  if (!store) return undefined;
  try {
    return store.count() ? store.fingerprint() : undefined;
  } finally {
    store.close();
  }
}
