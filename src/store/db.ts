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
