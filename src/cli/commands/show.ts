/** `narrascope show ID`: one stored analysis, as a terminal summary plus the text, or as the Doc JSON. */
import type { Command } from 'commander';
import { openStore } from '../../store/index.js';
import { resolveDbPath } from '../../util/paths.js';
import { formatDocSummary, useColor } from '../../report/terminal.js';
import { docToJson } from '../../report/json.js';
import { terminalSafe } from '../../report/cli-output.js';
import type { Doc } from '../../nlp/doc.js';

export interface ShowFlags {
  db?: string;
  json?: boolean;
}

export function formatShow(doc: Doc, color = false): string {
  const n = doc.removed.length;
  const rule = `── text: ${doc.text.length.toLocaleString('en')} characters; ${n} furniture line${n === 1 ? '' : 's'} removed${n ? ' (listed with --json or in the HTML report)' : ''} ──`;
  return `${formatDocSummary(doc, { color })}\n\n${rule}\n${terminalSafe(doc.text)}`;
}

export async function runShow(id: string, flags: ShowFlags): Promise<string> {
  const store = await openStore(resolveDbPath(flags.db), { mustExist: true });
  try {
    const doc = await store.getDoc(id);
    if (!doc) throw new Error(`no article with id '${id}' in ${store.location}`);
    return flags.json ? docToJson(doc) : formatShow(doc, useColor());
  } finally {
    await store.close();
  }
}

export function register(program: Command): void {
  program
    .command('show')
    .description('show one stored analysis (an id or a unique id prefix)')
    .argument('<article-id>', 'article id or unique prefix (see `narrascope search`)')
    .option('--db <file>', 'SQLite store (default $NARRASCOPE_DB or ./narrascope.db)')
    .option('--json', 'print the Doc as JSON (docs/schema.md)')
    .action(async (id: string, flags: ShowFlags) => {
      try {
        process.stdout.write((await runShow(id, flags)) + '\n');
      } catch (err) {
        process.stderr.write(`narrascope show: ${(err as Error).message}\n`);
        process.exitCode = 1;
      }
    });
}
