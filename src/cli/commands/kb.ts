/** `narrascope kb import|search|show`: the knowledge base of debunked cases (EUvsDisinfo, ClaimReview, JSONL). */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { KbStore } from '../../store/kb-sqlite.js';
import { importCaseFile, type FileImportReport } from '../../kb/import.js';
import type { KbCase, KbFormat } from '../../kb/types.js';
import { resolveDbPath } from '../../util/paths.js';

const FORMATS: KbFormat[] = ['euvsdisinfo', 'claimreview', 'jsonl'];

export function formatImport(r: FileImportReport): string {
  const lines = [
    `${r.file} (${r.format}): ${r.rows} rows — ${r.imported} imported, ${r.duplicateUrl + r.duplicateClaim} duplicates skipped ` +
      `(${r.duplicateUrl} same case URL, ${r.duplicateClaim} same normalized claim and date; missing fields merged), ${r.failed.length} failed, ${(r.ms / 1000).toFixed(2)} s`,
  ];
  const shown = r.failed.slice(0, 50);
  for (const f of shown) lines.push(`  ${f.file}:${f.line}: ${f.reason}`);
  if (r.failed.length > shown.length) lines.push(`  ... and ${r.failed.length - shown.length} more failed rows`);
  return lines.join('\n');
}

export function formatCase(c: KbCase): string {
  return [
    `${c.id}`,
    `  claim:     ${c.claim}`,
    c.date && `  date:      ${c.date}`,
    c.keywords.length && `  keywords:  ${c.keywords.join(', ')}`,
    c.outlets.length && `  outlets:   ${c.outlets.join(', ')}`,
    c.countries.length && `  countries: ${c.countries.join(', ')}`,
    c.languages.length && `  languages: ${c.languages.join(', ')}`,
    c.sourceUrl && `  source:    ${c.sourceUrl}`,
    c.summary && `  summary:   ${c.summary}`,
    c.disproof && `  disproof:  ${c.disproof}`,
    `  imported from ${c.origin}`,
  ]
    .filter(Boolean)
    .join('\n');
}

function openForRead(db?: string): KbStore {
  const path = resolveDbPath(db);
  if (!existsSync(path)) throw new Error(`no database at ${path} (run \`narrascope kb import FILE\` first, or pass --db FILE)`);
  const kb = KbStore.openReadonly(path);
  if (!kb) throw new Error(`no knowledge base in ${path}: run \`narrascope kb import FILE --db ${path}\``);
  return kb;
}

export function register(program: Command): void {
  const kb = program.command('kb').description('knowledge base of debunked disinformation cases (import, search, show)');

  kb.command('import')
    .description('import case files: EUvsDisinfo CSV (either layout), schema.org ClaimReview JSON, or JSONL')
    .argument('<files...>', 'case files')
    .option('--format <format>', `euvsdisinfo | claimreview | jsonl (default: from the file extension)`)
    .option('--db <file>', 'SQLite store (default $NARRASCOPE_DB or ./narrascope.db)')
    .option('--json', 'print the reports as JSON')
    .action((files: string[], flags: { format?: string; db?: string; json?: boolean }) => {
      if (flags.format && !FORMATS.includes(flags.format as KbFormat)) throw new Error(`--format must be one of ${FORMATS.join(', ')} (got '${flags.format}')`);
      const t0 = performance.now();
      const store = KbStore.open(resolveDbPath(flags.db));
      const reports: FileImportReport[] = [];
      try {
        for (const f of files) {
          try {
            const r = importCaseFile(store, f, flags.format as KbFormat | undefined);
            reports.push(r);
            if (r.failed.length) process.exitCode = 1;
            if (!flags.json) process.stdout.write(formatImport(r) + '\n');
          } catch (err) {
            // A file that cannot be read at all fails; the rest of the batch goes on.
            process.exitCode = 1;
            process.stderr.write(`narrascope: ${(err as Error).message}\n`);
          }
        }
        const total = store.count();
        if (flags.json) process.stdout.write(JSON.stringify({ files: reports, cases: total, seconds: +((performance.now() - t0) / 1000).toFixed(2) }, null, 2) + '\n');
        else process.stdout.write(`knowledge base: ${total} cases in ${resolveDbPath(flags.db)} (${((performance.now() - t0) / 1000).toFixed(2)} s)\n`);
      } finally {
        store.close();
      }
    });

  kb.command('search')
    .description('BM25 search over case claims, summaries and keywords')
    .argument('<text>', 'words to look for')
    .option('--db <file>', 'SQLite store (default $NARRASCOPE_DB or ./narrascope.db)')
    .option('--limit <n>', 'at most this many cases', '10')
    .option('--json', 'print JSON')
    .action((text: string, flags: { db?: string; limit: string; json?: boolean }) => {
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new Error(`--limit must be a positive integer (got '${flags.limit}')`);
      const store = openForRead(flags.db);
      try {
        const hits = store.search(text, limit);
        if (flags.json) process.stdout.write(JSON.stringify(hits, null, 2) + '\n');
        else if (!hits.length) process.stdout.write(`No cases match '${text}'.\n`);
        else for (const h of hits) process.stdout.write(`${h.id}\n  ${h.date ?? '----------'}  ${h.claim}${h.keywords.length ? `  [${h.keywords.join(', ')}]` : ''}\n`);
      } finally {
        store.close();
      }
    });

  kb.command('show')
    .description('show one case (id, case URL, or a unique id prefix)')
    .argument('<id>', 'case id')
    .option('--db <file>', 'SQLite store (default $NARRASCOPE_DB or ./narrascope.db)')
    .option('--json', 'print JSON')
    .action((id: string, flags: { db?: string; json?: boolean }) => {
      const store = openForRead(flags.db);
      try {
        const c = store.getCase(id);
        if (!c) {
          process.stderr.write(`narrascope: no case '${id}' (or the prefix is not unique)\n`);
          process.exitCode = 1;
          return;
        }
        process.stdout.write((flags.json ? JSON.stringify(c, null, 2) : formatCase(c)) + '\n');
      } finally {
        store.close();
      }
    });
}
