/**
 * NER speed: model load time and tagging throughput on CoNLL valid.txt (both passes, feature
 * extraction included; file reading excluded), one thread, median of 3 runs after a warm-up.
 * Returns a Markdown section; call it from extra.ts.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readConll } from '../src/eval/conll.js';
import { loadArtifact } from '../src/models/artifact.js';
import { NerModel, nerDocsFromConll, type NerModelData } from '../src/models/ner-tagger.js';
import { modelPath, sharedDir } from '../src/util/paths.js';

export async function nerBenchmark(): Promise<string> {
  const t0 = performance.now();
  const model = new NerModel(loadArtifact<NerModelData>(modelPath('ner.json.gz')).body);
  const loadMs = performance.now() - t0;
  const valid = join(sharedDir, 'data', 'conll2003', 'valid.txt');
  const lines = ['## Named-entity tagger', '', `- model load: ${loadMs.toFixed(0)} ms (models/ner.json.gz)`];
  if (!existsSync(valid)) return [...lines, `- throughput: skipped (${valid} not found)`].join('\n');
  const docs = nerDocsFromConll(readConll(valid));
  const tokens = docs.reduce((a, d) => a + d.sentences.reduce((b, s) => b + s.length, 0), 0);
  const once = () => {
    const t = performance.now();
    for (const d of docs) model.tag(d);
    return (performance.now() - t) / 1000;
  };
  once(); // warm-up (JIT)
  const secs = [once(), once(), once()].sort((a, b) => a - b);
  lines.push(`- throughput: ${Math.round(tokens / secs[1])} tokens/s on one thread (CoNLL valid.txt, ${tokens} tokens, median of 3 runs; target ≥ 20,000)`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write((await nerBenchmark()) + '\n');
