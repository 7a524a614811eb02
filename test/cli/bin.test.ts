import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../src/util/paths.js';

// `npx narrascope` runs the package's bin directly, so the built entry point must be executable
// and start with a shebang (tsc alone does not set the mode; `npm run build` does).
test('the CLI entry point named in package.json is an executable node script', () => {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  const bin = join(repoRoot, pkg.bin.narrascope);
  assert.ok((statSync(bin).mode & 0o111) !== 0, `${bin} is not executable`);
  assert.match(readFileSync(bin, 'utf8').split('\n')[0], /^#!\/usr\/bin\/env node/);
});
