/** `narrascope ptc ...` on a hand-written article: output formats, order, code points, errors. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { TECHNIQUES } from '../../src/analyzers/techniques/types.js';

const dir = mkdtempSync(join(tmpdir(), 'ptc-cli-'));
const articles = join(dir, 'articles');
// Hand-written text (not corpus text); the emoji shifts UTF-16 offsets against code points.
const text = 'Traitors everywhere 🔥\n\nThe corrupt elite and their puppet media keep lying to you.\nThey are cowards and criminals, and the nation will never forgive them!\nWe must fight back.\n';
const cp = [...text];
mkdirSync(articles);
writeFileSync(join(articles, 'article900.txt'), text);
/** Code-point index of the first occurrence of s. */
const cpIndex = (s: string) => [...text.slice(0, text.indexOf(s))].length;

test('predict-si prints ID, start, end in code points inside the article', async () => {
  const r = await runCli(['ptc', 'predict-si', articles]);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n').filter(Boolean);
  assert.ok(lines.length > 0, 'expected some spans in an article written full of loaded words');
  for (const l of lines) {
    const [id, s, e] = l.split('\t');
    assert.equal(id, '900');
    assert.ok(Number(s) >= 0 && Number(e) > Number(s) && Number(e) <= cp.length);
    // Code-point offsets land on token edges (a UTF-16 offset would be shifted by the emoji).
    const piece = cp.slice(Number(s), Number(e)).join('');
    assert.equal(piece, piece.trim(), `span '${piece}' starts or ends off a token`);
    assert.match(piece, /^[A-Za-z]/);
  }
});

test('predict-tc answers every line in order; repeated spans get distinct techniques', async () => {
  const a = cpIndex('corrupt elite');
  const b = cpIndex('cowards');
  const spans = join(dir, 'spans.txt');
  writeFileSync(spans, `900\t?\t${a}\t${a + 13}\n900\t?\t${b}\t${b + 7}\n900\t?\t${a}\t${a + 13}\n`);
  const r = await runCli(['ptc', 'predict-tc', articles, spans]);
  assert.equal(r.code, 0, r.stderr);
  const out = r.stdout.trim().split('\n').map((l) => l.split('\t'));
  assert.equal(out.length, 3);
  assert.deepEqual(out.map((o) => [o[0], o[2], o[3]]), [['900', String(a), String(a + 13)], ['900', String(b), String(b + 7)], ['900', String(a), String(a + 13)]]);
  for (const o of out) assert.ok((TECHNIQUES as readonly string[]).includes(o[1]), o[1]);
  assert.notEqual(out[0][1], out[2][1]);
});

test('eval scores against gold; bad label lines fail naming file and line', async () => {
  const a = cpIndex('corrupt elite');
  const gold = join(dir, 'gold.txt');
  writeFileSync(gold, `900\tLoaded_Language\t${a}\t${a + 13}\n`);
  const r = await runCli(['ptc', 'eval', articles, gold, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const s = JSON.parse(r.stdout) as { si: { f1: number }; tc: { microF1: number } };
  assert.ok(s.si.f1 >= 0 && s.si.f1 <= 1);
  assert.ok(s.tc.microF1 === 0 || s.tc.microF1 === 1);
  const bad = join(dir, 'bad.txt');
  writeFileSync(bad, `900\tLoaded_Language\t${a}\t${a + 13}\n900\tLoaded_Language\t5\t99999\n`);
  const e = await runCli(['ptc', 'eval', articles, bad]);
  assert.notEqual(e.code, 0);
  assert.match(e.stderr, /bad\.txt:2: span 5\.\.99999 beyond the end of article900\.txt/);
});
