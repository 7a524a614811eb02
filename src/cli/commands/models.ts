/** `narrascope models`: the committed model artifacts, what they were trained on and how to reproduce them. */
import type { Command } from 'commander';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadArtifact } from '../../models/artifact.js';
import { modelsDir } from '../../util/paths.js';

export function register(program: Command): void {
  program
    .command('models')
    .description('list the model artifacts in models/ with the command that reproduces each and its held-out figures')
    .option('--json', 'print as JSON (headers only)')
    .action((opts: { json?: boolean }) => {
      const files = readdirSync(modelsDir).filter((f) => f.endsWith('.json.gz') || f.endsWith('.json')).sort();
      const rows = files.map((f) => {
        const path = join(modelsDir, f);
        return { file: f, bytes: statSync(path).size, header: loadArtifact<unknown>(path).header };
      });
      if (opts.json) {
        process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
        return;
      }
      for (const r of rows) {
        const h = r.header;
        process.stdout.write(`${r.file}  (${(r.bytes / 1024 / 1024).toFixed(2)} MB)  ${h.model}@${h.version}\n`);
        process.stdout.write(`  trained on: ${h.trainedOn}\n  reproduce:  ${h.command}\n`);
        if (h.metrics) process.stdout.write(`  measured:   ${JSON.stringify(h.metrics).slice(0, 300)}\n`);
      }
    });
}
