/**
 * One benchmark run in a fresh process (so peak RSS is this run's alone):
 * node dist/bench/analyze-once.js DIR JOBS DB [ONLY] → prints a JSON line of measurements.
 */
import { analyzeBatch } from '../src/cli/analyze-batch.js';
import { openStore } from '../src/store/index.js';
import { modelsDir } from '../src/util/paths.js';

const [dir, jobsArg, dbPath, only] = process.argv.slice(2);
const store = await openStore(dbPath);
const componentMs: Record<string, number> = {};
let chars = 0;
const stats = await analyzeBatch([dir], {
  jobs: Number(jobsArg),
  only: only ? only.split(',') : undefined,
  ingest: {},
  ctx: { modelsDir, dbPath },
  store,
  force: true,
  onDoc: (doc) => {
    chars += doc.text.length;
    for (const p of doc.provenance) componentMs[p.component] = (componentMs[p.component] ?? 0) + p.ms;
  },
});
await store.close();
process.stdout.write(
  JSON.stringify({
    articles: stats.analyzed,
    failed: stats.failed,
    seconds: stats.seconds,
    chars,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    componentMs,
    pipeline: stats.pipeline,
  }) + '\n',
);
