/**
 * The two real sample articles, end to end through `analyze --json`: the trained model must mark
 * the obvious name-calling / loaded words. The repo holds no sample text: the expectations are
 * generic English words, located in the files at test time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '../../src/util/paths.js';
import { runCli } from '../helpers/cli.js';
import type { Doc } from '../../src/nlp/doc.js';
import '../../src/analyzers/techniques/types.js';

const samples = join(sharedDir, 'samples');
const skip = existsSync(samples) ? false : `no ${samples}`;

/** Per sample: words an analyst would flag as name-calling or loaded language. */
const EXPECT: Record<string, string[]> = {
  '000_bc5885eb097b5c29.txt': ['extremists', 'illegal'],
  '001_ad484c6a99a0c8ec.txt': ['bullies', 'extremists', 'jihadist', 'pseudo-humanitarian'],
};
const LOADED = new Set(['Loaded_Language', 'Name_Calling,Labeling']);

test('analyze --json marks the obvious name-calling and loaded words in the samples', { skip }, async () => {
  const files = Object.keys(EXPECT).map((f) => join(samples, f));
  const r = await runCli(['analyze', ...files, '--json', '-', '--no-store', '--only', 'techniques,loaded-baseline', '-q']);
  assert.equal(r.code, 0, r.stderr);
  const docs = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Doc);
  assert.equal(docs.length, 2);
  for (const doc of docs) {
    const file = Object.keys(EXPECT).find((f) => doc.meta.source.path.endsWith(f))!;
    const spans = doc.layers.techniques ?? [];
    assert.ok(spans.length >= 5, `${file}: only ${spans.length} technique spans`);
    for (const s of spans) {
      assert.ok(s.start >= 0 && s.end > s.start && s.end <= doc.text.length, `${file}: bad offsets ${s.start}..${s.end}`);
      assert.ok(s.confidence >= 0 && s.confidence <= 1);
      assert.match(s.by, /^techniques@/);
      assert.ok(s.features.length > 0, 'every span says why');
    }
    // Every word must be marked; most of them as loaded language / name-calling (a word inside a
    // longer span may rightly get that span's technique, e.g. Appeal_to_fear-prejudice).
    let asLoaded = 0;
    for (const word of EXPECT[file]) {
      const lower = doc.text.toLowerCase();
      const at: number[] = [];
      for (let i = lower.indexOf(word); i >= 0; i = lower.indexOf(word, i + 1)) at.push(i);
      assert.ok(at.length, `${file}: '${word}' not in the cleaned text`);
      const inside = (i: number, s: { start: number; end: number }) => s.start <= i && i + word.length <= s.end;
      assert.ok(at.some((i) => spans.some((s) => inside(i, s))), `${file}: '${word}' not inside any technique span`);
      if (at.some((i) => spans.some((s) => LOADED.has(s.technique) && inside(i, s)))) asLoaded++;
    }
    assert.ok(asLoaded * 2 >= EXPECT[file].length, `${file}: only ${asLoaded} of ${EXPECT[file].length} words inside Loaded_Language/Name_Calling spans`);
    // The baseline layer exists and is labelled as the baseline component.
    for (const h of doc.layers.loadedBaseline ?? []) assert.match(h.by, /^loaded-baseline@/);
  }
});
