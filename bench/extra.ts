/** Benchmarks beyond analyze throughput; each returns a Markdown section for BENCHMARKS.md. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { benchIngest } from './ingest.js';
import { nerBenchmark } from './ner.js';
import { storeBenchmark } from './store.js';
import { narrativeBenchmark } from '../src/eval/narratives/bench.js';
import { sharedDir } from '../src/util/paths.js';

function ingestSection(): string {
  const rows = benchIngest().map((r) => `| ${r.name} | ${r.bytes} | ${r.medianMs} | ${r.p90Ms} | ${r.cpuMs} | ${r.runs} |`);
  return ['### Ingestion (cleaning, metadata, HTML extraction)', '', '| step | bytes | median ms | p90 ms | CPU ms/run | runs |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

export async function extraBenchmarks(work: string): Promise<string[]> {
  const out = [ingestSection(), await storeBenchmark(join(work, 'store'))];
  if (existsSync(join(sharedDir, 'data'))) {
    out.push(await nerBenchmark());
    out.push(await narrativeBenchmark(work));
  }
  return out;
}
