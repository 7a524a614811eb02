/**
 * `narrascope outlets import FILES`: load outlet ratings (MBFC, NELA-GT labels) into the store.
 * `narrascope outlets [list]`: outlets of the stored articles with article counts, technique density and narratives.
 */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { OutletStore, type OutletRecord } from '../../store/outlets-sqlite.js';
import { deriveAliases, readMediaFile, type MediaFileReport } from '../../analyzers/source/import-media.js';
import { OutletAggregator, type OutletSummary } from '../../analyzers/source/summary.js';
import { kbCasesFor, loadOutlets, clearOutletCache } from '../../analyzers/source/profiles.js';
import { openStore } from '../../store/index.js';
import { resolveDbPath } from '../../util/paths.js';

export function importOutletFiles(dbPath: string, files: string[]): { reports: MediaFileReport[]; outlets: number; aliases: number; errors: string[] } {
  const records = new Map<string, OutletRecord>();
  const reports: MediaFileReport[] = [];
  const errors: string[] = [];
  for (const f of files) {
    try {
      reports.push(readMediaFile(f, records));
    } catch (err) {
      errors.push((err as Error).message);
    }
  }
  const all = [...records.values()];
  const aliases = deriveAliases(all);
  const store = OutletStore.open(dbPath);
  try {
    store.replaceAll(all, aliases);
  } finally {
    store.close();
  }
  clearOutletCache();
  return { reports, outlets: all.length, aliases: aliases.length, errors };
}

export function formatOutlets(rows: (OutletSummary & { profile?: OutletRecord; kbCases?: number })[]): string {
  if (!rows.length) return 'No analyzed articles in the store (run `narrascope analyze FILES --store`).';
  const lines = ['articles  techniques/1k chars  outlet  [factuality · bias · country · state · KB cases]  narratives'];
  for (const r of rows) {
    const p = r.profile;
    const prof = p
      ? [p.factuality ?? '?', p.bias ?? '?', p.country ?? '?', p.stateAffiliated === undefined ? 'state: ?' : p.stateAffiliated ? 'state-affiliated' : 'not state', `KB cases: ${r.kbCases ?? 0}`].join(' · ')
      : 'no rating';
    const narr = r.narratives.slice(0, 5).map((n) => `${n.label} (${n.articles})`).join(', ');
    lines.push(`${String(r.articles).padStart(8)}  ${(r.techniqueDensity?.toFixed(2) ?? '-').padStart(19)}  ${r.outlet}  [${prof}]${narr ? `  ${narr}` : ''}`);
  }
  return lines.join('\n');
}

export function register(program: Command): void {
  const outlets = program.command('outlets').description('outlet profiles: import ratings, list the outlets of stored articles');

  outlets
    .command('import')
    .description('import outlet ratings: MBFC CSV (source,country,bias,factual_reporting,...) and/or NELA-GT labels CSV (domain,Source,...)')
    .argument('<files...>', 'rating files (re-run with new files to refresh)')
    .option('--db <file>', 'SQLite store (default $NARRASCOPE_DB or ./narrascope.db)')
    .option('--json', 'print the report as JSON')
    .action((files: string[], flags: { db?: string; json?: boolean }) => {
      const t0 = performance.now();
      const res = importOutletFiles(resolveDbPath(flags.db), files);
      for (const e of res.errors) process.stderr.write(`narrascope: ${e}\n`);
      if (res.errors.length || res.reports.some((r) => r.failed.length)) process.exitCode = 1;
      if (flags.json) {
        process.stdout.write(JSON.stringify({ ...res, seconds: +((performance.now() - t0) / 1000).toFixed(2) }, null, 2) + '\n');
        return;
      }
      for (const r of res.reports) {
        process.stdout.write(`${r.file} (${r.kind}): ${r.rows} rows — ${r.outlets} outlets, ${r.duplicates} duplicate domains merged, ${r.failed.length} failed\n`);
        for (const f of r.failed.slice(0, 50)) process.stdout.write(`  ${r.file}:${f.line}: ${f.reason}\n`);
      }
      process.stdout.write(`outlet profiles: ${res.outlets} domains, ${res.aliases} name aliases in ${resolveDbPath(flags.db)} (${((performance.now() - t0) / 1000).toFixed(2)} s)\n`);
    });

  outlets
    .command('list', { isDefault: true })
    .description('outlets of the stored articles: article counts, average technique density, narratives carried')
    .option('--db <file>', 'SQLite store (default $NARRASCOPE_DB or ./narrascope.db)')
    .option('--json', 'print JSON')
    .action(async (flags: { db?: string; json?: boolean }) => {
      const path = resolveDbPath(flags.db);
      if (!existsSync(path)) throw new Error(`no store at ${path} (run 'narrascope analyze' first, or pass --db FILE)`);
      const store = await openStore(path, { mustExist: true });
      const agg = new OutletAggregator();
      try {
        for await (const doc of store.iterateDocs()) agg.add(doc);
      } finally {
        await store.close();
      }
      const loaded = loadOutlets(path);
      const rows = agg.summaries().map((s) => {
        if (typeof loaded === 'string') return s;
        const profile = loaded.store.get(s.outlet);
        return { ...s, profile, kbCases: profile ? kbCasesFor(loaded, profile) : undefined };
      });
      process.stdout.write((flags.json ? JSON.stringify(rows, null, 2) : formatOutlets(rows)) + '\n');
    });
}
