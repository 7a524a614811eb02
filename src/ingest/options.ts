/** Defaults for reading inputs; the CLI overrides them with --max-bytes, --fetch, --timeout. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../util/paths.js';
import type { IngestOptions } from './types.js';

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export const defaultIngestOptions: IngestOptions = Object.freeze({
  maxBytes: 5 * 1024 * 1024,
  fetchLinks: false,
  timeoutMs: 15000,
  userAgent: `narrascope/${packageVersion()}`,
});

export function resolveOptions(opts?: Partial<IngestOptions>): IngestOptions {
  const o = { ...defaultIngestOptions, ...(opts ?? {}) };
  if (!Number.isFinite(o.maxBytes) || o.maxBytes <= 0) throw new Error(`maxBytes must be a positive number, got ${o.maxBytes}`);
  if (!Number.isFinite(o.timeoutMs) || o.timeoutMs <= 0) throw new Error(`timeoutMs must be a positive number, got ${o.timeoutMs}`);
  return o;
}

/** "5MB", "512k", "1048576" -> bytes, for --max-bytes. Throws a message naming the bad value. */
export function parseByteSize(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?\s*$/i.exec(value);
  if (!m) throw new Error(`invalid size '${value}' (use e.g. 500000, 512KB or 5MB)`);
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  const mult = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  const n = Math.floor(Number(m[1]) * mult);
  if (n <= 0) throw new Error(`invalid size '${value}': must be more than 0 bytes`);
  return n;
}

/** "15000", "15s", "2m", "500ms" -> milliseconds, for --timeout. */
export function parseDuration(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/i.exec(value);
  if (!m) throw new Error(`invalid duration '${value}' (use e.g. 15000, 15s or 2m)`);
  const unit = (m[2] ?? 'ms').toLowerCase();
  const n = Math.round(Number(m[1]) * (unit === 's' ? 1000 : unit === 'm' ? 60000 : 1));
  if (n <= 0) throw new Error(`invalid duration '${value}': must be more than 0`);
  return n;
}
