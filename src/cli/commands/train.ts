/**
 * `narrascope train <model>`: the parent command. Each file in src/cli/train/ exporting
 * `register(train: Command)` adds one trainer, so adding a model means adding a file.
 */
import type { Command } from 'commander';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const trainersDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'train');

export async function register(program: Command): Promise<void> {
  const train = program.command('train').description('train a model from ../shared/data and write its artifact to models/');
  const files = (existsSync(trainersDir) ? readdirSync(trainersDir) : [])
    .filter((f) => /\.(js|ts)$/.test(f) && !f.endsWith('.d.ts'))
    .sort();
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(trainersDir, f)).href)) as { register?: (t: Command) => void };
    mod.register?.(train);
  }
}
