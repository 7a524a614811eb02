/** Shared test helpers for ingestion tests. */
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { repoRoot } from '../../src/util/paths.js';
import { readInputs } from '../../src/ingest/read.js';
import type { ArticleInput, IngestFailure, IngestOptions } from '../../src/ingest/types.js';
import { isFailure } from '../../src/ingest/types.js';

export const fixtures = join(repoRoot, 'test', 'fixtures', 'ingest');

export function fixture(...parts: string[]): string {
  return join(fixtures, ...parts);
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'narrascope-ingest-'));
}

export async function collect(inputs: string[], opts?: Partial<IngestOptions>): Promise<{ ok: ArticleInput[]; failed: IngestFailure[]; all: (ArticleInput | IngestFailure)[] }> {
  const all: (ArticleInput | IngestFailure)[] = [];
  for await (const x of readInputs(inputs, opts)) all.push(x);
  return { all, ok: all.filter((x): x is ArticleInput => !isFailure(x)), failed: all.filter(isFailure) };
}
