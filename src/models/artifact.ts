/**
 * Model artifacts: gzipped JSON with a header naming the model, its version, the command that
 * reproduces it and the data it was trained on. Deterministic output (fixed gzip level, no
 * timestamps) so the same seed gives the same bytes.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';

export interface ArtifactHeader {
  /** e.g. 'techniques-si' */
  model: string;
  version: string;
  /** The command that reproduces this file, e.g. 'narrascope train techniques --seed 1'. */
  command: string;
  /** What it was trained on, e.g. 'PTC train-articles (371 articles), SemEval-2020 Task 11'. */
  trainedOn: string;
  seed?: number;
  /** Held-out figures measured when it was trained (free-form, for `narrascope models`). */
  metrics?: Record<string, unknown>;
}

export interface Artifact<T> {
  header: ArtifactHeader;
  body: T;
}

export function saveArtifact<T>(path: string, artifact: Artifact<T>): number {
  mkdirSync(dirname(path), { recursive: true });
  const bytes = gzipSync(Buffer.from(JSON.stringify(artifact)), { level: 9 });
  writeFileSync(path, bytes);
  return bytes.length;
}

export function loadArtifact<T>(path: string): Artifact<T> {
  if (!existsSync(path)) {
    throw new Error(`model file ${path} is missing; it is committed in models/ (reproduce with the command in its README entry)`);
  }
  const raw = readFileSync(path);
  const json = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
  return JSON.parse(json) as Artifact<T>;
}
