/** `narrascope analyze INPUT...`: the main job. */
import type { Command } from 'commander';
import { createWriteStream, writeFileSync, type WriteStream } from 'node:fs';
import cliProgress from 'cli-progress';
import type { BatchFailure } from '../analyze-batch.js';
import type { Doc } from '../../nlp/doc.js';
import { modelsDir, resolveDbPath } from '../../util/paths.js';

interface AnalyzeFlags {
  db?: string;
  store: boolean;
  json?: string;
  html?: string;
  only?: string;
  skip?: string;
  jobs: string;
  maxBytes: string;
  fetch?: boolean;
  timeout: string;
  aliases?: string;
  minSpeakerConfidence?: string;
  force?: boolean;
  summary: string;
  quiet?: boolean;
}

const list = (s?: string) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined);

function positiveInt(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number ≥ 1 (got '${value}')`);
  return n;
}

export function register(program: Command): void {
  program
    .command('analyze')
    .description('analyze articles: files, folders, globs, URLs, or - for stdin (text, HTML, JSON/JSONL, RSS/Atom)')
    .argument('<inputs...>', 'files, folders (recursive), globs, http(s) URLs, or - for stdin')
    .option('--db <file>', 'SQLite store (default $NARRASCOPE_DB or ./narrascope.db)')
    .option('--no-store', 'do not write to the store')
    .option('--json <file>', 'write one JSON Doc per article (JSONL); - for stdout')
    .option('--html <file>', 'write a self-contained HTML report')
    .option('--only <components>', 'run only these components (and what they need), comma-separated')
    .option('--skip <components>', 'skip these components (and what depends on them), comma-separated')
    .option('-j, --jobs <n>', 'worker threads for analysis', '1')
    .option('--max-bytes <size>', 'reject inputs larger than this (e.g. 500000, 512KB, 5MB)', '5MB')
    .option('--fetch', 'fetch the linked page of each RSS/Atom item')
    .option('--timeout <duration>', 'per-URL fetch timeout (e.g. 15000, 15s, 2m)', '15s')
    .option('--aliases <file>', 'entity alias file (canonical<TAB>alias<TAB>alias...)')
    .option('--min-speaker-confidence <p>', 'withhold quote speakers whose confidence is under p (0–1): the quote stays, unattributed, with the speaker kept as withheldSpeaker (held-out precision/recall per threshold: docs/quotes-and-claims.md)')
    .option('--force', 're-analyze articles already stored with this pipeline')
    .option('--summary <mode>', "terminal output per article: 'full', 'line' or 'none' (default: full for ≤ 20 articles, else line)", 'auto')
    .option('-q, --quiet', 'no per-article output and no progress bar')
    .addHelpText('after', '\nExit code: 0 all inputs analyzed, 1 some inputs failed (listed at the end), 2 usage or setup error.')
    .action(async (inputs: string[], flags: AnalyzeFlags) => {
      // Heavy modules (jsdom, models) load only when analyze runs, so other commands start fast.
      const [{ analyzeBatch }, { openStore }, { formatDocSummary, formatBatchSummary }, { renderHtml }, { docToJsonLine }, { parseByteSize, parseDuration }] = await Promise.all([
        import('../analyze-batch.js'),
        import('../../store/index.js'),
        import('../../report/terminal.js'),
        import('../../report/html.js'),
        import('../../report/json.js'),
        import('../../ingest/index.js'),
      ]);
      const jobs = positiveInt('--jobs', flags.jobs);
      const maxBytes = parseByteSize(flags.maxBytes);
      const timeoutMs = parseDuration(flags.timeout);
      if (!['auto', 'full', 'line', 'none'].includes(flags.summary)) throw new Error(`--summary must be full, line or none (got '${flags.summary}')`);
      const settings: Record<string, string> = {};
      if (flags.minSpeakerConfidence !== undefined) {
        const { parseSpeakerConfidence } = await import('../../analyzers/quotes/index.js');
        settings.minSpeakerConfidence = String(parseSpeakerConfidence(flags.minSpeakerConfidence));
      }
      const dbPath = resolveDbPath(flags.db);
      const store = flags.store ? await openStore(dbPath) : undefined;
      const aliases = flags.aliases ?? process.env.NARRASCOPE_ALIASES;
      if (aliases) settings.aliases = aliases;

      const jsonOut: WriteStream | NodeJS.WriteStream | undefined =
        flags.json === '-' ? process.stdout : flags.json ? createWriteStream(flags.json) : undefined;
      const htmlDocs: Doc[] = [];
      const out = (s: string) => {
        if (flags.json !== '-') process.stdout.write(s);
      };
      const showProgress = !flags.quiet && process.stderr.isTTY;
      const bar = showProgress
        ? new cliProgress.SingleBar({ format: 'analyze [{bar}] {value} inputs | {rate}/s | failed {failed}', stream: process.stderr, hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic)
        : undefined;
      let failed = 0;
      const t0 = performance.now();
      bar?.start(0, 0, { rate: '0.0', failed: 0 });
      let count = 0;

      const stats = await analyzeBatch(inputs, {
        jobs,
        only: list(flags.only),
        skip: list(flags.skip),
        ingest: { maxBytes, fetchLinks: !!flags.fetch, timeoutMs },
        ctx: { modelsDir, dbPath, settings },
        force: flags.force,
        store,
        onDoc: (doc, status) => {
          count++;
          if (jsonOut) jsonOut.write(docToJsonLine(doc) + '\n');
          if (flags.html) htmlDocs.push(doc);
          if (flags.quiet) return;
          const mode = flags.summary === 'auto' ? (count <= 20 ? 'full' : 'line') : flags.summary;
          bar?.stop();
          if (mode === 'full') out(formatDocSummary(doc) + (status === 'unchanged' ? '\n  (already in the store, analysed by this pipeline: shown from the store; --force re-analyses)' : '') + '\n');
          else if (mode === 'line') out(`${doc.id}\t${status}\t${doc.meta.title?.value ?? doc.meta.source.path}\n`);
        },
        onFailure: (f: BatchFailure) => {
          failed++;
          bar?.stop();
          if (!flags.quiet) process.stderr.write(`narrascope: ${f.input}: ${f.reason}\n`);
        },
        onProgress: (done) => {
          if (!bar) return;
          const secs = (performance.now() - t0) / 1000;
          bar.setTotal(done);
          bar.update(done, { rate: (done / Math.max(secs, 1e-3)).toFixed(1), failed });
        },
      });
      bar?.stop();

      if (jsonOut && jsonOut !== process.stdout) await new Promise<void>((resolve) => (jsonOut as WriteStream).end(resolve));
      if (flags.html) {
        writeFileSync(flags.html, renderHtml(htmlDocs, { failures: stats.failures, generatedAt: new Date().toISOString(), pipeline: stats.pipeline }));
      }
      if (!flags.quiet || stats.failed) {
        const summary = formatBatchSummary(stats);
        if (flags.json === '-') process.stderr.write(summary + '\n');
        else process.stdout.write(summary + '\n');
      }
      if (flags.html && !flags.quiet) process.stderr.write(`HTML report: ${flags.html}\n`);
      await store?.close();
      if (stats.failed) process.exitCode = 1;
    });
}
