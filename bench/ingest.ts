/**
 * Ingestion speed: cleaning + metadata for a ~5 KB plain-text article (target: well under 5 ms),
 * and the whole buildDoc for an HTML page (jsdom + Readability). Uses the invented articles in
 * examples/, so it runs without shared data.
 *   npx tsc -p . && node dist/bench/ingest.js
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '../src/util/paths.js';
import { cleanText } from '../src/ingest/clean.js';
import { buildMeta } from '../src/ingest/metadata.js';
import { buildDoc } from '../src/ingest/build-doc.js';
import type { ArticleInput } from '../src/ingest/types.js';

export interface BenchResult {
  name: string;
  bytes: number;
  runs: number;
  medianMs: number;
  p90Ms: number;
  /** CPU time per run (user+system): steadier than wall time on a shared machine. */
  cpuMs: number;
}

function time(name: string, bytes: number, runs: number, fn: () => void): BenchResult {
  for (let i = 0; i < Math.min(20, runs); i++) fn(); // warm up (loads wink/franc/chrono, JIT)
  const ms: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  const cpu = process.cpuUsage(cpu0);
  ms.sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { name, bytes, runs, medianMs: r(ms[Math.floor(runs / 2)]), p90Ms: r(ms[Math.floor(runs * 0.9)]), cpuMs: r((cpu.user + cpu.system) / 1000 / runs) };
}

export function benchIngest(runs = 200): BenchResult[] {
  const ex = join(repoRoot, 'examples');
  const txt = readFileSync(join(ex, 'harbor-protest.txt'), 'utf8');
  const records = readFileSync(join(ex, 'wire.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { text: string });
  // ~5 KB article: the furnished example with the wire stories' paragraphs spliced into its body.
  const cut = txt.indexOf('    Police said');
  let middle = '';
  while (Buffer.byteLength(txt) + Buffer.byteLength(middle) < 5000) middle += records.map((r) => r.text).join('\n\n') + '\n\n';
  const text = txt.slice(0, cut) + middle + txt.slice(cut);
  const input: ArticleInput = { source: { kind: 'inline', path: 'bench' }, format: 'text', text };
  const html = readFileSync(join(ex, 'grain-corridor.html'), 'utf8');
  return [
    time('clean+metadata (text)', Buffer.byteLength(text), runs, () => {
      buildMeta(input, cleanText(text, { findTitle: true }));
    }),
    time('buildDoc (text)', Buffer.byteLength(text), runs, () => {
      buildDoc(input);
    }),
    time('buildDoc (html, jsdom+readability)', Buffer.byteLength(html), Math.max(10, Math.floor(runs / 10)), () => {
      buildDoc({ source: { kind: 'inline', path: 'bench' }, format: 'html', html });
    }),
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const r of benchIngest()) console.log(`${r.name.padEnd(38)} ${String(r.bytes).padStart(6)} B  median ${r.medianMs} ms  p90 ${r.p90Ms} ms  cpu ${r.cpuMs} ms/run  (${r.runs} runs)`);
}
