/**
 * Speed of the knowledge base and the narrative matcher (targets: KB import of both EUvsDisinfo files
 * < 30 s; >= 30 articles/s against the ~13-14k-case KB on one core).
 *   npx tsc -p . && node dist/src/eval/narratives/bench.js [articles]
 * `narrativeBenchmark(work)` returns the Markdown section for BENCHMARKS.md (wire into bench/extra.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KbStore } from '../../store/kb-sqlite.js';
import { importCaseFile } from '../../kb/import.js';
import { component as narratives } from '../../analyzers/narratives/index.js';
import { clearKbCache } from '../../analyzers/narratives/matcher.js';
import { modelsDir } from '../../util/paths.js';
import { EUVS_FILES, evalDoc, ptcIds, ptcText } from './data.js';

export async function narrativeBenchmark(work: string, articles = 200): Promise<string> {
  const dbPath = join(work, 'kb-bench.db');
  const t0 = performance.now();
  const kb = KbStore.open(dbPath);
  for (const f of EUVS_FILES) importCaseFile(kb, f);
  const cases = kb.count();
  kb.close();
  const importS = (performance.now() - t0) / 1000;

  clearKbCache();
  const ctx = { modelsDir, dbPath };
  const t1 = performance.now();
  await narratives.load?.(ctx);
  const loadS = (performance.now() - t1) / 1000;

  // Tokenize first: only the matcher is timed (tokens has its own benchmark).
  const ids = ptcIds().slice(0, articles);
  const docs = ids.map((id) => evalDoc(id, ptcText(id)));
  const chars = docs.reduce((s, d) => s + d.text.length, 0);
  for (const d of docs.slice(0, 10)) await narratives.run(structuredClone(d), ctx); // warm-up
  const t2 = performance.now();
  const cpu0 = process.cpuUsage();
  for (const d of docs) await narratives.run(d, ctx);
  const runS = (performance.now() - t2) / 1000;
  // CPU time too: on a shared machine wall time includes waiting for the core.
  const cpu = process.cpuUsage(cpu0);
  const cpuS = (cpu.user + cpu.system) / 1e6;
  clearKbCache();

  return [
    '## Knowledge base and narrative matcher',
    '',
    `Data: both EUvsDisinfo CSVs (${cases} cases after de-duplication); ${docs.length} PTC train articles (mean ${Math.round(chars / docs.length)} chars), one process, one thread.`,
    '',
    '| measure | value | target |',
    '|---|---|---|',
    `| KB import, both files (one transaction per file) | ${importS.toFixed(2)} s | < 30 s |`,
    `| matcher load (read cases, build TF-IDF and char n-gram index) | ${loadS.toFixed(2)} s | once per process |`,
    `| narratives component throughput (wall clock) | ${(docs.length / runS).toFixed(1)} articles/s | >= 30 articles/s |`,
    `| narratives component throughput (per CPU second) | ${(docs.length / cpuS).toFixed(1)} articles/s | >= 30 articles/s |`,
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const work = mkdtempSync(join(tmpdir(), 'narrascope-kb-bench-'));
  narrativeBenchmark(work, Number(process.argv[2] ?? 200))
    .then((md) => process.stdout.write(md + '\n'))
    .finally(() => rmSync(work, { recursive: true, force: true }));
}
