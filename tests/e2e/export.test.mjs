// The widget's SVG and PNG buttons: the current view as files, drawn from the
// same display list as `alliance-map render` (labels as text, citations).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { PNG } from 'pngjs';
import { DESKTOP, startServer, launchBrowser, openMap, withContextPage } from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function downloadFrom(page, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return fs.readFileSync(await download.path());
}

test('the SVG button saves the current view with labels as text and a citations footer', async () => {
  await withContextPage(browser, { ...DESKTOP, acceptDownloads: true }, async (page) => {
    const errors = await openMap(page, server.url);
    const svg = (await downloadFrom(page, 'Download the current view as SVG')).toString('utf8');
    const st = await page.evaluate(() => document.querySelector('#map').allianceMap.state());
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.equal((svg.match(/<circle/g) || []).length, st.drawn.nodes, 'every drawn entity is in the SVG');
    assert.ok(svg.includes('>Sources</text>') && svg.includes('Kate Yuan, 2023-09-28'), 'citations footer');
    for (const label of st.labels.slice(0, 5)) assert.ok(svg.includes(`>${label.replace(/&/g, '&amp;')}</text>`), `label ${label} as text`);
    assert.deepEqual(errors, []);
  });
});

test('the PNG button saves the same view at twice the size', async () => {
  await withContextPage(browser, { ...DESKTOP, acceptDownloads: true }, async (page) => {
    const errors = await openMap(page, server.url);
    const svg = await page.evaluate(() => {
      const w = document.querySelector('#map').allianceMap;
      return w.handle.svg(w.camera.x, w.camera.y, w.camera.zoom, w.width, w.height, 16);
    });
    const [, width, height] = svg.match(/width="([\d.]+)" height="([\d.]+)"/).map(Number);
    const png = PNG.sync.read(await downloadFrom(page, 'Download the current view as PNG (2x)'));
    assert.equal(png.width, Math.round(width * 2));
    assert.equal(png.height, Math.round(height * 2));
    assert.deepEqual(errors, []);
  });
});

