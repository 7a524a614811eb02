/** `narrascope entities`: canonical entities across the store, with mention and article counts and outlets. */
import type { Command } from 'commander';
import { openStore, type EntitySummary } from '../../store/index.js';
import { resolveDbPath } from '../../util/paths.js';
import { oneLine } from '../../report/terminal.js';
import { columns, positiveInt } from '../../report/cli-output.js';

const TYPES = ['PER', 'ORG', 'LOC', 'MISC'];

export interface EntitiesFlags {
  db?: string;
  type?: string;
  limit: string;
  json?: boolean;
}

export function formatEntities(es: EntitySummary[]): string {
  if (!es.length) return 'No entities in the store (were articles analyzed with the entities component?).';
  const rows = [['MENTIONS', 'ARTICLES', 'TYPE', 'ENTITY', 'KEY', 'OUTLETS']];
  for (const e of es) {
    const outlets = e.outlets.slice(0, 4).map((o) => oneLine(o, 30)).join(', ') + (e.outlets.length > 4 ? `, +${e.outlets.length - 4}` : '');
    rows.push([String(e.mentions), String(e.articles), e.label, oneLine(e.name, 40), oneLine(e.key, 40) + (e.keys.length > 1 ? ` (+${e.keys.length - 1} linked)` : ''), outlets || '—']);
  }
  return columns(rows);
}

export async function runEntities(flags: EntitiesFlags): Promise<string> {
  const type = flags.type?.toUpperCase();
  if (type && !TYPES.includes(type)) throw new Error(`--type must be one of ${TYPES.join(', ')} (got '${flags.type}')`);
  const limit = positiveInt('--limit', flags.limit);
  const store = await openStore(resolveDbPath(flags.db), { mustExist: true });
  try {
    const es = await store.entities({ type, limit });
    return flags.json ? JSON.stringify(es, null, 2) : formatEntities(es);
  } finally {
    await store.close();
  }
}

export function register(program: Command): void {
  program
    .command('entities')
    .description('canonical entities across the store, most mentioned first')
    .option('--db <file>', 'SQLite store (default $NARRASCOPE_DB or ./narrascope.db)')
    .option('--type <label>', 'only PER, ORG, LOC or MISC')
    .option('--limit <n>', 'at most this many entities', '50')
    .option('--json', 'print as JSON')
    .action(async (flags: EntitiesFlags) => {
      try {
        process.stdout.write((await runEntities(flags)) + '\n');
      } catch (err) {
        process.stderr.write(`narrascope entities: ${(err as Error).message}\n`);
        process.exitCode = 1;
      }
    });
}
