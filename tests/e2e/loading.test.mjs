// Loading in two steps: the small first-frame module draws the map, then
// the full module and the reader's parts arrive and take over. What a reader
// sees: the map drawn while the full module is still on its way, the same
// view after it takes over, a clear message if it never comes, and pages
// that preload only what the first frame needs.
//
// Run from the repository root after scripts/build.sh:
//   node --test --test-concurrency=1 tests/e2e/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, DESKTOP, withContextPage, useServerAndBrowser, collectErrors, openMap, mapState, waitForStableView } from './harness.mjs';

const FULL_WASM = '**/pkg/alliance_map_bg.wasm';

const env = useServerAndBrowser();

/** Holds back the full module's wasm until the returned `release()` (or `fail()`) is called. */
async function holdFullWasm(page) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  const seen = new Promise((resolve) =>
    page.route(FULL_WASM, async (route) => {
      resolve();
      const outcome = await held;
      if (outcome === 'fail') await route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' });
      else await route.continue();
    }),
  );
  return { seen, release: () => release('ok'), fail: () => release('fail') };
}

/** The first-frame mark's detail, or null before the map was first drawn. */
function firstFrame(page) {
  return page.evaluate(() => performance.getEntriesByName('alliance-map:first-frame')[0]?.detail ?? null);
}

test('the map is drawn before the full module has loaded, and keeps its view when it takes over', async () => {
  await withContextPage(env.browser, DESKTOP, async (page) => {
    const errors = collectErrors(page);
    const hold = await holdFullWasm(page);
    await page.goto(`${env.server.url}/`);
    await hold.seen; // requested only after the first frame
    await page.waitForFunction(() => performance.getEntriesByName('alliance-map:first-frame').length > 0);
    assert.deepEqual(await firstFrame(page), { nodes: 47 }, 'every seed entity is drawn in the first frame');
    const preview = await page.evaluate(() => {
      const map = document.querySelector('#map');
      return {
        interactive: Boolean(map.allianceMap),
        legend: map.querySelectorAll('.legend li').length,
        exportDisabled: [...map.querySelectorAll('.am-toolbar button')].filter((b) => b.disabled).map((b) => b.textContent),
        busy: map.getAttribute('aria-busy'),
      };
    });
    assert.deepEqual(preview, { interactive: false, legend: preview.legend, exportDisabled: ['SVG', 'PNG'], busy: 'true' });
    assert.ok(preview.legend > 5, 'the legend is there with the first frame');
    const canvasBefore = await page.evaluate(() => document.querySelector('#map canvas').getBoundingClientRect().toJSON());

    hold.release();
    await page.waitForFunction(() => document.querySelector('#map').allianceMap);
    await waitForStableView(page);
    const state = await mapState(page);
    assert.equal(state.drawn.nodes, 47);
    assert.equal(state.nodeCount, 47);
    const after = await page.evaluate(() => {
      const map = document.querySelector('#map');
      return {
        canvas: map.querySelector('canvas').getBoundingClientRect().toJSON(),
        exportDisabled: [...map.querySelectorAll('.am-toolbar button')].some((b) => b.disabled),
        search: Boolean(map.querySelector('[role="search"] input')),
        busy: map.getAttribute('aria-busy'),
      };
    });
    assert.equal(after.exportDisabled, false, 'SVG and PNG work once the full module is there');
    assert.equal(after.search, true, "the reader's controls came with it");
    assert.equal(after.busy, null);
    // The controls take their reserved place: the map area moves by a few pixels at most.
    assert.ok(Math.abs(after.canvas.top - canvasBefore.top) <= 24, `canvas top moved from ${canvasBefore.top} to ${after.canvas.top}`);
    assert.ok(Math.abs(after.canvas.height - canvasBefore.height) <= 24, `canvas height changed from ${canvasBefore.height} to ${after.canvas.height}`);
    assert.deepEqual(errors, []);
  });
});

test('when the full module cannot load, the map says so instead of staying half-alive', async () => {
  await withContextPage(env.browser, DESKTOP, async (page) => {
    const hold = await holdFullWasm(page);
    await page.goto(`${env.server.url}/`);
    await hold.seen;
    hold.fail();
    const box = await page.waitForSelector('#map .am-error', { state: 'visible', timeout: 15000 });
    const text = await box.textContent();
    assert.match(text, /This map could not be shown\./);
    assert.ok(text.length > 'This map could not be shown.'.length + 5, `a reason is given: ${text}`);
  });
});

test('pages preload the first frame only: the first-frame wasm and the modules the entry imports statically', async () => {
  for (const page of ['index.html', 'embed.html']) {
    const html = fs.readFileSync(path.join(DIST, page), 'utf8');
    const hints = [...html.matchAll(/<link rel="(preload|modulepreload)" href="([^"]+)"/g)].map((m) => m[2]);
    assert.ok(hints.includes('pkg/alliance_map_paint_bg.wasm'), `${page} preloads the first-frame wasm`);
    assert.ok(!hints.includes('pkg/alliance_map_bg.wasm'), `${page} does not preload the full wasm`);
    for (const h of hints) assert.ok(fs.existsSync(path.join(DIST, h)), `${page}: preloaded ${h} exists`);
  }
});

test('the full map works after the hand-over: a click on an entity opens its details', async () => {
  await withContextPage(env.browser, DESKTOP, async (page) => {
    const errors = await openMap(page, env.server.url, '/');
    const id = 'huawei';
    const pos = await page.evaluate((id) => document.querySelector('#map').allianceMap.entityScreenPosition(id), id);
    await page.mouse.click(pos.x, pos.y);
    await page.waitForSelector('#map .am-panel:not([hidden])');
    assert.match(await page.textContent('#map .am-panel'), /Huawei/);
    assert.deepEqual(errors, []);
  });
});
