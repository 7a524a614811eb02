/** `narrascope search QUERY`: full-text search over the stored articles, with snippets. */
import type { Command } from 'commander';
import { openStore, type SearchHit } from '../../store/index.js';
import { resolveDbPath } from '../../util/paths.js';
import { oneLine, useColor } from '../../report/terminal.js';
import { checkDate, positiveInt } from '../../report/cli-output.js';

export interface SearchFlags {
  db?: string;
  outlet?: string;
  from?: string;
  to?: string;
  lang?: string;
  limit: string;
  json?: boolean;
}

const untitled = (h: SearchHit) => `(untitled: ${h.source?.split(/[\\/]/).filter(Boolean).pop() ?? '?'})`;

export function formatHits(query: string, hits: SearchHit[], color = false, dated = false): string {
  if (!hits.length) return `No articles match '${oneLine(query, 80)}'${dated ? ' (--from/--to leave out articles without a publication date)' : ''}.`;
  const hl = (s: string) => (color ? s.replace(/\[([^\]]*)\]/g, '\x1b[1;33m$1\x1b[0m') : s);
  const lines = [`${hits.length} article${hits.length === 1 ? '' : 's'} match '${oneLine(query, 80)}':`];
  for (const h of hits) {
    const meta = [h.published?.slice(0, 10), h.outlet && oneLine(h.outlet, 40), h.language].filter(Boolean).join(' · ');
    lines.push(`${h.articleId}  ${oneLine(h.title ?? untitled(h), 90)}${meta ? `  (${meta})` : ''}`);
    lines.push(`    ${hl(oneLine(h.snippet, 220))}`);
  }
  return lines.join('\n');
}

/** Runs the search and returns what to print; throws with a clear message on bad flags or query syntax. */
export async function runSearch(query: string, flags: SearchFlags): Promise<string> {
  const filters = {
    outlet: flags.outlet,
    from: checkDate('--from', flags.from),
    to: checkDate('--to', flags.to),
    language: flags.lang,
    limit: positiveInt('--limit', flags.limit),
  };
  const store = await openStore(resolveDbPath(flags.db), { mustExist: true });
  try {
    const hits = await store.search(query, filters);
    return flags.json ? JSON.stringify(hits, null, 2) : formatHits(query, hits, useColor(), !!(filters.from || filters.to));
  } finally {
    await store.close();
  }
}

export function register(program: Command): void {
  program
    .command('search')
    .description('full-text search of stored articles (title, text, outlet) with snippets')
    .argument('<query>', 'words (all must match), "a phrase", OR, NOT, prefix*')
    .option('--db <file>', 'SQLite store (default $NARRASCOPE_DB or ./narrascope.db)')
    .option('--outlet <name>', 'only articles whose outlet or URL contains this')
    .option('--from <date>', 'published on or after (2021, 2021-04 or 2021-04-11)')
    .option('--to <date>', 'published on or before (inclusive)')
    .option('--lang <code>', 'only articles in this language (e.g. en)')
    .option('--limit <n>', 'at most this many hits', '20')
    .option('--json', 'print the hits as JSON')
    .action(async (query: string, flags: SearchFlags) => {
      try {
        process.stdout.write((await runSearch(query, flags)) + '\n');
      } catch (err) {
        process.stderr.write(`narrascope search: ${(err as Error).message}\n`);
        process.exitCode = 1;
      }
    });
}
