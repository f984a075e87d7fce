// The shapes that once hung or trapped the published map (issue 19), as a
// reader gets them: sites written by `alliance-map build` (the optimised
// command), served from a sub-path and opened in Chromium.
// - A hub of 100,000 spokes: `build` laid it out for over 600 s, and the
//   compiled map trapped the wasm ("unreachable") in the browser.
// - The complete graph of 1,000 entities (499,500 relations): the picking
//   grid asked for 11 GB and the page froze, then showed "unreachable".
// Each must draw, answer a search, a click and a selection (a hub's
// 100,000 relations come into the panel 100 at a time), and never show
// the error box or a page error. The times are printed, not asserted (timed
// tests flake); benches/scale.mjs measures them.
//
// Run from the repository root after scripts/build.sh:
//   node --test tests/e2e/scale.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, DESKTOP, useServerAndBrowser, buildSite, writeSynthToml, withContextPage, openMap, mapState, nextFrames } from './harness.mjs';
import { searchInput, chooseInCombobox } from './reader.mjs';

const OUT = path.join(ROOT, 'target/e2e/scale');
const SITES = { star: path.join(OUT, 'star'), complete: path.join(OUT, 'complete') };
const SHAPES = { star: { entities: 100001, shape: 'star' }, complete: { entities: 1000, shape: 'complete' } };

/** Builds both sites (the data generated, the site by the release `build`); returns the server's mounts. */
function buildSites() {
  for (const [name, { entities, shape }] of Object.entries(SHAPES)) {
    const toml = path.join(OUT, `${name}.toml`);
    writeSynthToml(toml, entities, 0, 1, { release: true, shape });
    const started = Date.now();
    buildSite(toml, SITES[name], [], { release: true });
    console.log(`# ${name}: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return { mounts: Object.entries(SITES).map(([name, dir]) => ({ prefix: `/news/graphics/${name}/`, dir })) };
}

const env = useServerAndBrowser(buildSites);

/** The name the generated data gives entity `id` (read from its TOML). */
function nameOf(site, id) {
  const text = fs.readFileSync(path.join(OUT, `${site}.toml`), 'utf8');
  const at = text.indexOf(`id = "${id}"`);
  return text.slice(at).match(/^name = "([^"]+)"/m)[1];
}

/** Opens `site`'s published page; returns the errors seen (kept up to date) and how long it took. */
async function openSite(page, site) {
  const started = Date.now();
  const errors = await openMap(page, `${env.server.url}/news/graphics/${site}/`, '/');
  // Interactive: the full module is in (search needs it).
  await page.waitForFunction(() => document.querySelector('#map .am-search input[role="combobox"]'), null, { timeout: 30000 });
  console.log(`# ${site}: drawn and searchable ${((Date.now() - started) / 1000).toFixed(1)} s after navigation`);
  return errors;
}

const noErrorBox = async (page) => assert.equal(await page.locator('#map .am-error').count(), 0, 'no error box');

test('a hub of 100,000 spokes draws, and searching for the hub selects it and names it', { timeout: 240000 }, async () => {
  await withContextPage(env.browser, DESKTOP, async (page) => {
    const errors = await openSite(page, 'star');
    const state = await mapState(page);
    assert.equal(state.nodeCount, 100001, 'every entity is on the map');
    assert.equal(state.edgeCount, 100000, 'every relation is on the map');
    const hub = nameOf('star', 'e0');
    await chooseInCombobox(page, searchInput(page), hub);
    await page.waitForFunction(() => document.querySelector('#map').allianceMap.state().selected?.kind === 'entity');
    await nextFrames(page);
    const selected = await mapState(page);
    assert.equal(selected.entityIds[selected.selected.index], 'e0', 'the hub is selected');
    assert.ok(selected.labels.includes(hub), `the selected hub is named on the map: ${selected.labels.slice(0, 5).join(' | ')}`);
    const panel = page.locator('#map .am-panel');
    assert.match(await panel.locator('h3').first().textContent(), /Relations \(100,000\)/, 'the details count its 100,000 relations');
    assert.equal(await panel.locator('.relation-sentence').count(), 100, 'the first 100 are listed');
    await panel.locator('.relations-more').click();
    await page.waitForFunction(() => document.querySelectorAll('#map .am-panel .relation-sentence').length === 200);
    assert.equal(await page.evaluate(() => document.activeElement.closest('#map') && [...document.querySelectorAll('#map .am-panel .relation-sentence')].indexOf(document.activeElement)), 100, 'the keyboard goes on at the first new relation');
    assert.match(await panel.locator('.relations-more').textContent(), /Show 100 more \(200 of 100,000 shown\)/);
    // The text view lists the hub's first 100 relations and points to the rest.
    await page.locator('#map').getByRole('button', { name: 'Text view' }).click();
    const more = page.locator('#map .am-textview .am-text-more-button');
    assert.equal(await more.textContent(), '99,900 more relations: read them in the details');
    await noErrorBox(page);
    assert.deepEqual(errors, [], 'no console or page error');
  });
});

test('the complete graph of 1,000 entities draws, and a click on a relation selects it', { timeout: 240000 }, async () => {
  await withContextPage(env.browser, DESKTOP, async (page) => {
    const errors = await openSite(page, 'complete');
    const state = await mapState(page);
    assert.equal(state.nodeCount, 1000);
    assert.equal(state.edgeCount, 499500, 'all 499,500 relations are on the map');
    // The first point of a coarse grid over the canvas where a relation, not
    // an entity, is under the pointer (the pick is the widget's own).
    const mid = await page.evaluate(() => {
      const w = document.querySelector('#map').allianceMap;
      const box = w.container.querySelector('.am-canvas').getBoundingClientRect();
      for (let y = 20; y < box.height - 20; y += 9) {
        for (let x = 20; x < box.width - 20; x += 9) {
          if (w.pickAt(x, y, 6)?.kind === 'relation') return { x: box.left + x, y: box.top + y };
        }
      }
      return null;
    });
    assert.ok(mid, 'somewhere on the canvas a relation is under the pointer');
    await page.mouse.click(mid.x, mid.y);
    await page.waitForFunction(() => document.querySelector('#map').allianceMap.state().selected?.kind === 'relation', null, { timeout: 10000 });
    const panel = await page.locator('#map .am-panel').textContent();
    assert.ok(panel.length > 20, `the details show the relation: "${panel.slice(0, 120)}"`);
    await noErrorBox(page);
    assert.deepEqual(errors, [], 'no console or page error');
  });
});
