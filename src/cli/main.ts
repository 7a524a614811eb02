#!/usr/bin/env node
/**
 * The narrascope command line. Each file in ./commands registers its own subcommands,
 * so adding a command means adding a file.
 */
import { Command } from 'commander';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { repoRoot } from '../util/paths.js';

const here = dirname(fileURLToPath(import.meta.url));

export async function buildProgram(): Promise<Command> {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  const program = new Command('narrascope')
    .description('Propaganda techniques, who says what, known disinformation narratives and outlet profiles in news articles — with evidence.')
    .version(pkg.version)
    .showHelpAfterError();
  const dir = join(here, 'commands');
  const files = readdirSync(dir)
    .filter((f) => /\.(js|ts)$/.test(f) && !f.endsWith('.d.ts') && !f.endsWith('.map'))
    .sort();
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(dir, f)).href)) as { register?: (p: Command) => void | Promise<void> };
    await mod.register?.(program);
  }
  return program;
}

async function main(): Promise<void> {
  const program = await buildProgram();
  await program.parseAsync(process.argv);
}

main().catch((err: unknown) => {
  const msg = err instanceof Error ? err.message : String(err);
  process.stderr.write(`narrascope: ${msg}\n`);
  if (process.env.NARRASCOPE_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  process.exitCode = 2;
});
