/** `narrascope serve`: the JSON API over the store, the knowledge base and the pipeline. */
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelsDir, repoRoot, resolveDbPath } from '../../util/paths.js';

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the store, knowledge base and analysis as a JSON API (GET /api lists the endpoints)')
    .option('--db <file>', 'SQLite store (default $NARRASCOPE_DB or ./narrascope.db)')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0 = any free port)', '8080')
    .option('--max-bytes <size>', 'largest accepted POST body (e.g. 5MB)', '5MB')
    .action(async (opts: { db?: string; host: string; port: string; maxBytes: string }) => {
      const [{ createApi }, { openStore }, { Pipeline }, { parseByteSize }] = await Promise.all([
        import('../../server/api.js'),
        import('../../store/index.js'),
        import('../../nlp/pipeline.js'),
        import('../../ingest/index.js'),
      ]);
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535 (got '${opts.port}')`);
      const dbPath = resolveDbPath(opts.db);
      const store = await openStore(dbPath);
      const pipeline = await Pipeline.create({ modelsDir, dbPath });
      await pipeline.load();
      const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
      const server = createApi({ store, pipeline, dbPath, maxBytes: parseByteSize(opts.maxBytes), version });
      server.listen(port, opts.host, () => {
        const addr = server.address();
        const actual = typeof addr === 'object' && addr ? addr.port : port;
        // The first stdout line names the address, so scripts (and tests) can find a port chosen with --port 0.
        process.stdout.write(`narrascope API on http://${opts.host}:${actual}/api (store ${dbPath})\n`);
      });
      const stop = () => server.close(() => void store.close());
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
