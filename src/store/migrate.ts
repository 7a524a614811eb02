/**
 * Schema migrations by namespace: each store module (articles, kb, outlets, ...) owns an ordered
 * list of SQL steps; a step runs once, in a transaction, and is recorded in schema_migrations.
 * Modules never touch each other's steps, so adding a module adds a namespace.
 */
import type { Db } from './db.js';

export function migrate(db: Db, namespace: string, steps: string[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    namespace TEXT NOT NULL, version INTEGER NOT NULL, applied_at TEXT NOT NULL,
    PRIMARY KEY (namespace, version))`);
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations WHERE namespace = ?').get(namespace) as { v: number | null };
  const current = row.v ?? 0;
  for (let i = current; i < steps.length; i++) {
    db.transaction(() => {
      db.exec(steps[i]);
      db.prepare('INSERT INTO schema_migrations (namespace, version, applied_at) VALUES (?, ?, ?)').run(namespace, i + 1, new Date().toISOString());
    })();
  }
}
