// The widget's SVG and PNG buttons: the current view as files, drawn from the
// same display list as `alliance-map render` (labels as text, citations).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { PNG } from 'pngjs';
import { DESKTOP, DIST, CSP_HEADERS, openMap, recordViolations, withContextPage, useServerAndBrowser } from './harness.mjs';

// dist/ again under /csp/, with a strict Content-Security-Policy.
const env = useServerAndBrowser({ mounts: [{ prefix: '/csp/', dir: DIST, headers: CSP_HEADERS }] });

async function downloadFrom(page, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return fs.readFileSync(await download.path());
}

test('the SVG button saves the current view with labels as text and a citations footer', async () => {
  await withContextPage(env.browser, { ...DESKTOP, acceptDownloads: true }, async (page) => {
    const errors = await openMap(page, env.server.url);
    const svg = (await downloadFrom(page, 'Download the current view as SVG')).toString('utf8');
    const st = await page.evaluate(() => document.querySelector('#map').allianceMap.state());
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.equal((svg.match(/<circle/g) || []).length, st.drawn.nodes, 'every drawn entity is in the SVG');
    assert.ok(svg.includes('>Sources</text>') && svg.includes('Kate Yuan, 2023-09-28'), 'citations footer');
    for (const label of st.labels.slice(0, 5)) assert.ok(svg.includes(`>${label.replace(/&/g, '&amp;')}</text>`), `label ${label} as text`);
    assert.deepEqual(errors, []);
  });
});

test('under a strict CSP the PNG button saves the same view, painted at twice the size', async () => {
  await withContextPage(env.browser, { ...DESKTOP, acceptDownloads: true }, async (page) => {
    await recordViolations(page);
    const errors = await openMap(page, env.server.url, '/csp/');
    const { svg, list } = await page.evaluate(() => {
      const w = document.querySelector('#map').allianceMap;
      const view = [w.camera.x, w.camera.y, w.camera.zoom, w.width, w.height, 16];
      return { svg: w.handle.svg(...view), list: JSON.parse(w.handle.displayList(...view)) };
    });
    const [, width, height] = svg.match(/width="([\d.]+)" height="([\d.]+)"/).map(Number);
    const png = PNG.sync.read(await downloadFrom(page, 'Download the current view as PNG (2x)'));
    assert.equal(png.width, Math.round(width * 2), 'twice the SVG width');
    assert.equal(png.height, Math.round(height * 2), 'twice the SVG height, citations footer included');
    const rgb = (x, y) => {
      const i = 4 * (Math.round(y * 2) * png.width + Math.round(x * 2));
      return '#' + [0, 1, 2].map((k) => png.data[i + k].toString(16).padStart(2, '0')).join('');
    };
    const nodes = list.shapes.filter((s) => s[0] === 'node' && s[3] >= 4);
    assert.ok(nodes.length > 0 && list.footer.length > 1, 'entities and citations to paint');
    for (const [, x, y, , color] of nodes.slice(0, 5)) assert.equal(rgb(x, y), color, `an entity at ${x},${y} in its kind's colour`);
    let footerInk = 0;
    for (let y = Math.round(list.footer[0][0] * 2) - 16; y < png.height; y++) {
      for (let x = 0; x < png.width; x++) footerInk += png.data[4 * (y * png.width + x)] < 200 ? 1 : 0;
    }
    assert.ok(footerInk > 500, `the citations footer has text (${footerInk} dark pixels)`);
    assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no securitypolicyviolation event');
    assert.deepEqual(errors, []);
  });
});
