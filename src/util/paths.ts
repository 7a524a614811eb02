/** Where things live, independent of whether code runs from src/ (tsx) or dist/src/ (built). */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the narrascope package root above ${start}`);
    dir = up;
  }
}

/** The package root (the folder with package.json and models/). */
export const repoRoot = findRoot(dirname(fileURLToPath(import.meta.url)));

/** Committed model artifacts. */
export const modelsDir = process.env.NARRASCOPE_MODELS ?? join(repoRoot, 'models');

/**
 * The third-party data folder beside the repo (developers and CI only; the product never needs it).
 * NARRASCOPE_SHARED overrides.
 */
export const sharedDir = process.env.NARRASCOPE_SHARED ?? resolve(repoRoot, '..', 'shared');

export function modelPath(file: string): string {
  return join(modelsDir, file);
}

/** The store file: --db wins, then NARRASCOPE_DB, then ./narrascope.db in the working directory. */
export function resolveDbPath(option?: string): string {
  return resolve(option ?? process.env.NARRASCOPE_DB ?? 'narrascope.db');
}
