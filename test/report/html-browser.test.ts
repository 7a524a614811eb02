/**
 * The HTML report in a real browser (headless Chromium via playwright-core): highlights are
 * visible, the legend is there, toggling a layer removes its highlighting, furniture opens on demand,
 * and the hostile article's payloads never run.
 * Needs /usr/bin/chromium (Debian: apt-get install -y chromium). CI must have it: there the test fails without it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderHtml } from '../../src/report/html.js';
import { plainDoc, richDoc } from '../store/fixtures.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const missing = !existsSync(CHROMIUM);
if (missing && process.env.CI) throw new Error(`${CHROMIUM} is missing: CI must install Chromium (apt-get install -y chromium)`);

test('HTML report in headless Chromium', { skip: missing ? `no ${CHROMIUM}: install it with 'apt-get update && apt-get install -y chromium' to run this test` : false, timeout: 120_000 }, async () => {
  const { chromium } = await import('playwright-core');
  const dir = mkdtempSync(join(tmpdir(), 'narrascope-html-'));
  const file = join(dir, 'report.html');
  writeFileSync(file, renderHtml([richDoc({ hostile: true }), plainDoc('Second article.\n\nNo layers here.', { title: 'Plain' })], { failures: [{ input: 'empty.txt', reason: 'empty file' }], generatedAt: '2026-01-01T00:00:00Z', pipeline: 'tokens@1.0.0' }));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(file).href);

    for (const cls of ['l-techniques', 'l-entities', 'l-quotes', 'l-claims', 'l-narratives', 'l-loadedBaseline']) {
      assert.ok(await page.locator(`.text .hl.${cls}`).first().isVisible(), `${cls} highlight visible`);
    }
    assert.ok(await page.locator('#legend').isVisible());
    assert.ok((await page.locator('#legend .lg').count()) >= 6);

    const style = (sel: string) =>
      page.locator(sel).first().evaluate((e) => {
        const s = getComputedStyle(e);
        return { bg: s.backgroundColor, border: s.borderBottomColor, borderStyle: s.borderBottomStyle };
      });
    const transparent = (c: string) => c === 'rgba(0, 0, 0, 0)' || c === 'transparent';

    // Techniques are colored, entities underlined; untick a layer and its highlights lose their color.
    const tq = await style('.text .hl.l-techniques');
    assert.ok(!transparent(tq.bg), `technique background ${tq.bg}`);
    await page.locator('input[data-layer="techniques"]').uncheck();
    assert.ok(transparent((await style('.text .hl.l-techniques')).bg), 'technique highlight hidden');
    assert.ok(!transparent((await style('.text .hl.l-entities')).border), 'entities still shown');
    await page.locator('input[data-layer="entities"]').uncheck();
    assert.ok(transparent((await style('.text .hl.l-entities')).border), 'entity highlight hidden');
    await page.locator('input[data-layer="techniques"]').check();
    assert.ok(!transparent((await style('.text .hl.l-techniques')).bg), 'technique highlight back');
    await page.locator('input[data-layer="entities"]').check();

    // The legend switches one technique at a time.
    const nameCalling = '.text .hl.tq-9';
    assert.ok(!transparent((await style(nameCalling)).bg));
    await page.locator('input[data-technique="tq-9"]').uncheck();
    assert.ok(transparent((await style(nameCalling)).bg), 'Name_Calling hidden');
    assert.ok(!transparent((await style('.text .hl.tq-8')).bg), 'Loaded_Language still shown');
    await page.locator('input[data-technique="tq-9"]').check();

    // Overlapping underlines stack: the outer (higher lane) span's underline sits lower.
    const [innerBottom, outerBottom] = await page.locator('.text .hl.l-claims .hl.l-quotes').first().evaluate((e) => {
      const outer = e.parentElement!.closest('.l-claims')!;
      return [e.getBoundingClientRect().bottom, outer.getBoundingClientRect().bottom];
    });
    assert.ok(outerBottom > innerBottom + 1, `claim underline (${outerBottom}) below quote underline (${innerBottom})`);

    // Removed furniture opens on demand.
    const removedRow = page.locator('details.removed tbody tr').first();
    assert.equal(await removedRow.isVisible(), false);
    await page.locator('details.removed summary').click();
    assert.ok(await removedRow.isVisible());
    assert.match((await removedRow.textContent())!, /Listen Live <script>/);
    await page.locator('#toggle-removed').click();
    assert.equal(await removedRow.isVisible(), false, 'the toolbar button closes them all');

    // Hostile payloads stayed text: nothing ran, nothing was fetched.
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
    assert.deepEqual(requests.filter((u) => !u.startsWith('file:')), []);

    await page.locator('input[data-layer="loadedBaseline"]').uncheck();
    await page.locator('.article').first().screenshot({ path: join(dir, 'article.png') });
    if (process.env.NARRASCOPE_SCREENSHOT) await page.screenshot({ path: process.env.NARRASCOPE_SCREENSHOT, fullPage: false });
  } finally {
    await browser.close();
  }
});
