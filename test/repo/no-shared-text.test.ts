/**
 * The repo must never copy third-party text (articles, case descriptions) from ../shared.
 * This scans every tracked or untracked-but-not-ignored text file for runs of 8 words that also
 * occur in the PTC articles, the two samples or the EUvsDisinfo case texts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { repoRoot, sharedDir } from '../../src/util/paths.js';

const N = 8;

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function shingles(text: string, into: Set<string>): void {
  const w = words(text);
  for (let i = 0; i + N <= w.length; i++) into.add(w.slice(i, i + N).join(' '));
}

test('no run of 8 words from ../shared texts appears in the repository', { skip: !existsSync(sharedDir) && 'no ../shared here' }, () => {
  const seen = new Set<string>();
  const ptc = join(sharedDir, 'data', 'ptc', 'train-articles');
  for (const f of readdirSync(ptc)) shingles(readFileSync(join(ptc, f), 'utf8'), seen);
  const samples = join(sharedDir, 'samples');
  for (const f of readdirSync(samples)) shingles(readFileSync(join(samples, f), 'utf8'), seen);
  const kb = join(sharedDir, 'data', 'euvsdisinfo');
  // Only the case texts (claims, summaries, disproofs), not the CSV header: column names are a layout, not text.
  for (const f of readdirSync(kb)) {
    const rows = parse(readFileSync(join(kb, f), 'utf8'), { columns: true, relax_column_count: true }) as Record<string, string>[];
    for (const r of rows) for (const col of ['title', 'summary', 'disproof']) if (r[col]) shingles(r[col], seen);
  }

  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot, encoding: 'utf8' })
    .split('\n')
    .filter((f) => f && !f.startsWith('node_modules/') && !f.endsWith('.gz') && !f.endsWith('package-lock.json'));
  const offenders: string[] = [];
  for (const f of files) {
    const path = join(repoRoot, f);
    if (!existsSync(path) || statSync(path).size > 5_000_000) continue;
    const text = readFileSync(path, 'utf8');
    const w = words(text);
    for (let i = 0; i + N <= w.length; i++) {
      const s = w.slice(i, i + N).join(' ');
      if (seen.has(s)) {
        offenders.push(`${f}: "${s}"`);
        break;
      }
    }
  }
  assert.deepEqual(offenders, [], `third-party text found in the repo:\n${offenders.join('\n')}`);
});
