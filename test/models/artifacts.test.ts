/** Every committed model artifact says how to reproduce it, and stays within the size budget. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadArtifact } from '../../src/models/artifact.js';
import { modelsDir } from '../../src/util/paths.js';
import { runCli } from '../helpers/cli.js';

const files = readdirSync(modelsDir).filter((f) => f.endsWith('.json.gz'));

test('each artifact names its model, version, reproducing command and training data; ≤ 20 MB', () => {
  assert.ok(files.length >= 3, `expected the committed models in ${modelsDir}`);
  for (const f of files) {
    const path = join(modelsDir, f);
    const { header } = loadArtifact<unknown>(path);
    assert.ok(header.model && header.version, `${f}: model and version`);
    assert.match(header.command, /narrascope train|node dist\//, `${f}: reproducing command`);
    assert.ok(header.trainedOn.length > 10, `${f}: trainedOn`);
    assert.ok(statSync(path).size <= 20 * 1024 * 1024, `${f}: size`);
  }
});

test('`narrascope models --json` lists them', async () => {
  const r = await runCli(['models', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const rows = JSON.parse(r.stdout) as { file: string }[];
  assert.deepEqual(rows.map((x) => x.file).sort(), [...files].sort());
});
