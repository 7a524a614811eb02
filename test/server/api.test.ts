/** The JSON API as a client sees it: a real `narrascope serve` on 127.0.0.1, any free port. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { cliPath, tempDir } from '../helpers/cli.js';
import type { Doc } from '../../src/nlp/doc.js';

let server: ChildProcess;
let base = '';

before(async () => {
  server = spawn(process.execPath, [cliPath, 'serve', '--port', '0', '--db', join(tempDir(), 'api.db')], { stdio: ['ignore', 'pipe', 'pipe'] });
  base = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    server.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)\/api/.exec(out);
      if (m) resolve(m[1]);
    });
    server.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
});

after(() => {
  server.kill();
});

async function call(path: string, init?: RequestInit): Promise<{ status: number; body: any }> {
  const r = await fetch(base + path, init);
  return { status: r.status, body: await r.json() };
}

test('POST /api/analyze stores the analysis; GET returns it, lists it and finds it', async () => {
  const text = 'Harbour strike ends\n\nThe dock workers union said on Tuesday that the strike had ended after 12 days. "We won a fair deal," union leader Mira Kant said.';
  const posted = await call('/api/analyze', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: text });
  assert.equal(posted.status, 200, JSON.stringify(posted.body));
  assert.equal(posted.body.status, 'new');
  const doc = posted.body.doc as Doc;
  assert.ok(doc.layers.quotes && doc.layers.entities && doc.layers.techniques);

  const again = await call('/api/analyze', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
  assert.equal(again.body.status, 'unchanged');

  const got = await call(`/api/articles/${doc.id}`);
  assert.equal(got.status, 200);
  assert.equal(got.body.text, doc.text);
  const list = await call('/api/articles');
  assert.equal(list.body.length, 1);
  const hits = await call('/api/search?q=strike');
  assert.equal(hits.body[0].articleId, doc.id);
  const entities = await call('/api/entities?type=PER');
  assert.ok(entities.body.some((e: { name: string }) => e.name === 'Mira Kant'), JSON.stringify(entities.body));
});

test('errors are JSON with a status that says what went wrong', async () => {
  assert.equal((await call('/api/articles/nope')).status, 404);
  assert.equal((await call('/api/nothing')).status, 404);
  assert.equal((await call('/api/search')).status, 400);
  assert.equal((await call('/api/analyze')).status, 405);
  const bad = await call('/api/analyze', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text": ' });
  assert.equal(bad.status, 400);
  assert.match(bad.body.error, /not valid JSON/);
  const empty = await call('/api/analyze', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title": "x"}' });
  assert.equal(empty.status, 400);
  assert.equal((await call('/api/kb/search?q=helmets')).status, 404, 'no knowledge base imported');
  const index = await call('/api');
  assert.ok(index.body.endpoints.length >= 8);
});
