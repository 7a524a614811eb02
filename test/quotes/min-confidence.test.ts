/**
 * Session 13: `analyze --min-speaker-confidence p` withholds quote speakers under p. The quote stays (nothing the
 * analyzer found is dropped), unattributed, and the speaker moves to `withheldSpeaker` for the analyst to check.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { component, minSpeakerConfidence, withholdUnsure } from '../../src/analyzers/quotes/index.js';
import type { Quote } from '../../src/analyzers/quotes/types.js';
import { modelsDir } from '../../src/util/paths.js';
import { docWith } from './helpers.js';

const quote = (confidence: number, name?: string): Quote => ({
  start: 0, end: 10, confidence, by: 'test@0', kind: 'indirect', content: { start: 0, end: 5 },
  ...(name ? { speaker: { name, mention: { start: 6, end: 10 }, resolvedBy: 'name' } } : {}),
});

test('speakers under the threshold are withheld, not dropped; quotes without a speaker and sure speakers are untouched', () => {
  const qs = [quote(0.4, 'Ana Berg'), quote(0.9, 'Jon Pell'), quote(0.2)];
  const out = withholdUnsure(qs, 0.6);
  assert.equal(out.length, 3);
  assert.equal(out[0].speaker, undefined);
  assert.equal(out[0].withheldSpeaker?.name, 'Ana Berg');
  assert.equal(out[1].speaker?.name, 'Jon Pell');
  assert.equal(out[1].withheldSpeaker, undefined);
  assert.deepEqual(out[2], qs[2]);
  assert.equal(withholdUnsure(qs, undefined), qs);
  // The threshold itself keeps its speaker (under p is withheld, p is not).
  assert.equal(withholdUnsure([quote(0.6, 'Ana Berg')], 0.6)[0].speaker?.name, 'Ana Berg');
});

test('the threshold comes from the settings, must be 0–1, and joins the pipeline signature', () => {
  assert.equal(minSpeakerConfidence({ modelsDir }), undefined);
  assert.equal(minSpeakerConfidence({ modelsDir, settings: { minSpeakerConfidence: '0.7' } }), 0.7);
  assert.throws(() => minSpeakerConfidence({ modelsDir, settings: { minSpeakerConfidence: '1.5' } }), /from 0 to 1, got '1\.5'/);
  // A blank value is an error too (Number(' ') would be 0, silently withholding nothing).
  assert.throws(() => minSpeakerConfidence({ modelsDir, settings: { minSpeakerConfidence: ' ' } }), /from 0 to 1, got ' '/);
  assert.equal(component.dataVersion?.({ modelsDir }), undefined);
  assert.equal(component.dataVersion?.({ modelsDir, settings: { minSpeakerConfidence: '0.7' } }), 'min-speaker-confidence=0.7');
});

test('the component applies the threshold: at 1 every speaker is withheld, the quotes stay', () => {
  const text = 'Ana Berg spoke on Monday.\n"The ferry will stay in port until the storm is over," Berg said.';
  const ents = [{ text: 'Ana Berg', label: 'PER' as const }];
  const plain = docWith(text, ents);
  component.run(plain, { modelsDir });
  const strict = docWith(text, ents);
  component.run(strict, { modelsDir, settings: { minSpeakerConfidence: '1' } });
  assert.equal(plain.layers.quotes?.[0].speaker?.name, 'Ana Berg');
  assert.equal(strict.layers.quotes?.length, plain.layers.quotes?.length);
  assert.equal(strict.layers.quotes?.[0].speaker, undefined);
  assert.equal(strict.layers.quotes?.[0].withheldSpeaker?.name, 'Ana Berg');
});

test('analyze rejects a threshold outside 0–1 with a usage error', async () => {
  const { runCli } = await import('../helpers/cli.js');
  const r = await runCli(['analyze', '--no-store', '--min-speaker-confidence', '2', 'examples']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /min-speaker-confidence must be a number from 0 to 1, got '2'/);
  const blank = await runCli(['analyze', '--no-store', '--min-speaker-confidence', ' ', 'examples']);
  assert.equal(blank.code, 2);
});
