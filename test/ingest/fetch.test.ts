/** URL inputs against a local HTTP server this test starts on 127.0.0.1. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { collect } from './helpers.js';
import { buildDoc } from '../../src/ingest/build-doc.js';

const PAGE = `<!DOCTYPE html><html lang="en"><head><title>Dam Inspection Passes</title>
<meta property="article:published_time" content="2024-06-01T09:00:00Z"></head><body>
<nav>Home World Sport</nav><article><h1>Dam Inspection Passes</h1>
<p>Engineers inspecting the dam above the invented valley town of Rell found no structural damage after last week's tremor, the water board said on Saturday.</p>
<p>"The dam is safe and the valley has nothing to fear," the board's chief engineer told a packed town hall meeting on Saturday evening.</p>
<p>Residents had gathered after rumours spread online that the dam was about to fail, claims the board called baseless scaremongering.</p>
</article></body></html>`;

let server: Server;
let base = '';
let seenAgent = '';

before(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/page') seenAgent = req.headers['user-agent'] ?? '';
    if (path === '/page' || path === '/item/1') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    } else if (path === '/moved') {
      res.writeHead(301, { location: '/page' });
      res.end();
    } else if (path === '/missing') {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not here');
    } else if (path === '/slow') {
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('too late');
      }, 2500).unref();
    } else if (path === '/big-declared') {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '5000' });
      res.end('y'.repeat(5000));
    } else if (path === '/big-stream') {
      res.writeHead(200, { 'content-type': 'text/plain' }); // chunked, no length: we must stop reading
      let sent = 0;
      const tick = (): void => {
        if (sent >= 20 || res.destroyed) {
          res.end();
          return;
        }
        sent++;
        res.write('z'.repeat(500));
        setTimeout(tick, 5).unref();
      };
      tick();
    } else if (path === '/data.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify([{ id: 'u1', text: 'The invented port of Sallow reopened its fish market on Tuesday, the port authority said.' }]));
    } else if (path === '/image') {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    } else if (path === '/feed') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(`<rss version="2.0"><channel><title>Rell Courier</title>
<item><title>Dam Inspection Passes</title><link>${base}/item/1</link><description>Short teaser.</description><pubDate>Sat, 01 Jun 2024 09:00:00 GMT</pubDate></item>
<item><title>Gone</title><link>/missing</link></item></channel></rss>`);
    } else {
      res.writeHead(500);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

test('an HTML page is fetched with our User-Agent and becomes a Doc', async () => {
  const { ok, failed } = await collect([`${base}/page`]);
  assert.equal(failed.length, 0);
  assert.match(seenAgent, /^narrascope\//);
  assert.equal(ok[0].format, 'html');
  assert.equal(ok[0].source.kind, 'url');
  assert.equal(ok[0].url, `${base}/page`);
  const doc = buildDoc(ok[0]);
  assert.equal(doc.meta.title?.value, 'Dam Inspection Passes');
  assert.equal(doc.meta.published?.value, '2024-06-01T09:00:00Z');
  assert.equal(doc.meta.outlet?.value, '127.0.0.1');
  assert.ok(!doc.text.includes('Home World Sport'));
  assert.equal(doc.layers.paragraphs?.length, 3);
});

test('redirects are followed; the final URL is kept', async () => {
  const { ok } = await collect([`${base}/moved`]);
  assert.equal(ok[0].url, `${base}/page`);
  assert.equal(ok[0].source.path, `${base}/moved`);
});

test('HTTP errors, timeouts, size caps, unreachable hosts and unsupported types are failures', async () => {
  const closed = createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  const deadPort = (closed.address() as AddressInfo).port;
  await new Promise<void>((r) => closed.close(() => r()));
  const inputs = [`${base}/missing`, `${base}/slow`, `${base}/big-declared`, `${base}/big-stream`, `http://127.0.0.1:${deadPort}/x`, `${base}/image`, `${base}/page`];
  const { all } = await collect(inputs, { timeoutMs: 700, maxBytes: 4000 });
  const reasons = all.map((x) => ('reason' in x ? (x as { reason: string }).reason : 'ok'));
  assert.match(reasons[0], /^HTTP 404 Not Found$/);
  assert.match(reasons[1], /^timed out after 700 ms/);
  assert.match(reasons[2], /too large: 5000 bytes exceeds the limit of 4000 bytes/);
  assert.match(reasons[3], /too large: response exceeds the limit of 4000 bytes \(stopped reading/);
  assert.match(reasons[4], /^cannot reach 127\.0\.0\.1:\d+: ECONNREFUSED/);
  assert.match(reasons[5], /unsupported content type 'image\/png'/);
  assert.equal(reasons[6], 'ok', 'the batch goes on after failures');
  all.forEach((x, i) => assert.equal(x.source.path, inputs[i]));
});

test('content type routes JSON responses to the record reader', async () => {
  const { ok } = await collect([`${base}/data.json`]);
  assert.equal(ok[0].id, 'u1');
  assert.equal(ok[0].format, 'json');
});

test('feeds: item content by default; with fetchLinks each item link is fetched', async () => {
  const plain = await collect([`${base}/feed`]);
  assert.equal(plain.ok.length, 1);
  assert.equal(plain.ok[0].text, 'Short teaser.');
  assert.match(plain.failed[0].reason, /use --fetch/);

  const fetched = await collect([`${base}/feed`], { fetchLinks: true });
  assert.equal(fetched.ok.length, 1);
  const item = fetched.ok[0];
  assert.equal(item.format, 'html');
  assert.equal(item.url, `${base}/item/1`);
  assert.equal(item.published, 'Sat, 01 Jun 2024 09:00:00 GMT');
  assert.equal(item.extra?.feedItem, 0);
  assert.ok(buildDoc(item).text.includes('structural damage'));
  // The relative link of item 1 is resolved against the feed URL, and its 404 names the feed item.
  assert.equal(fetched.failed.length, 1);
  assert.equal(fetched.failed[0].source.path, `${base}/missing`);
  assert.match(fetched.failed[0].reason, new RegExp(`HTTP 404 Not Found \\(linked from ${base}/feed item 1\\)`));
});
