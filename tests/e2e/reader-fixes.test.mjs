// What a reader of the demo hit, and now gets (issue 18, "Reading the map"):
// "How is A tied to B?" on a phone and on a desktop, the phone's search,
// bottom sheet, wake-up tap and legend, and on a desktop the details panel,
// the text view, the `/` key and the zoom of a tiny dataset.
//
// Run from the repository root after scripts/build.sh:
//   node --test --test-concurrency=1 tests/e2e/reader-fixes.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, DESKTOP, PHONE, useServerAndBrowser, mapOpener, buildSite, openMap, nextFrames, waitForStableView, mapState, entityPosition, emptyPoint, collectErrors, withContextPage } from './harness.mjs';
import { ALLIANCE, CSIA, inMap, searchInput, button, chooseInCombobox } from './reader.mjs';

const PAGES = path.join(ROOT, 'tests/e2e/pages');
const TINY_TOML = path.join(ROOT, 'target/e2e/reader-tiny.toml');
const TINY = path.join(ROOT, 'target/e2e/reader-tiny');

// Three entities, two relations: the smallest map a newsroom might publish.
const TINY_DATA = `[dataset]
title = "Three companies"

[[source]]
id = "wire"
title = "A wire story"

[[entity]]
id = "a"
name = "Alpha Holdings"
kind = "company"

[[entity]]
id = "b"
name = "Beta Motors"
kind = "company"

[[entity]]
id = "c"
name = "Gamma Chips"
kind = "company"

[[relation]]
id = "a-owns-b"
type = "owns"
from = "a"
to = "b"
sources = ["wire"]

[[relation]]
id = "b-partner-c"
type = "partner_of"
from = "b"
to = "c"
sources = ["wire"]
`;

/** Builds the three-entity site (served at /tiny/) with `alliance-map build`. */
function buildTiny() {
  fs.mkdirSync(path.dirname(TINY_TOML), { recursive: true });
  fs.writeFileSync(TINY_TOML, TINY_DATA);
  buildSite(TINY_TOML, TINY);
}

const env = useServerAndBrowser({
  mounts: [
    { prefix: '/test/', dir: PAGES },
    { prefix: '/tiny/', dir: TINY },
  ],
});
const withMap = mapOpener(env);

const pathfinder = (page) => inMap(page, '.am-pathfinder');
const pathInputs = (page) => inMap(page, '.am-pathfinder input[role="combobox"]');

/** Opens "How is A tied to B?", fills in `from` and `to` and presses Find. */
async function findPaths(page, from, to) {
  await button(page, 'How is A tied to B?').click();
  await chooseInCombobox(page, pathInputs(page).first(), from);
  await chooseInCombobox(page, pathInputs(page).nth(1), to);
  await pathfinder(page).getByRole('button', { name: 'Find' }).click();
  await page.waitForFunction(() => document.querySelector('#map').allianceMap.state().path?.count > 0, null, { timeout: 5000 });
  await waitForStableView(page);
}

/** The entities (index, id, name) of path `k` of the paths found. */
function pathEntities(page, k = 0) {
  return page.evaluate((k) => {
    const w = document.querySelector('#map').allianceMap;
    return w.reader.path.view.paths[k].entities.map((e) => ({ index: e, id: w.entities[e].id, name: w.entities[e].name }));
  }, k);
}

/**
 * Where entity `id` is drawn (viewport px), its drawn radius, and what the
 * reader sees at that point: 'canvas' when the map is uncovered there, the
 * covering element's class otherwise, or 'off screen'.
 */
function whatCovers(page, id) {
  return page.evaluate((id) => {
    const w = document.querySelector('#map').allianceMap;
    const p = w.entityScreenPosition(id);
    const i = w.handle.find(id);
    const r = w.views.refresh().radii[i] * w.camera.zoom;
    const at = p.x >= 0 && p.y >= 0 && p.x < innerWidth && p.y < innerHeight ? document.elementFromPoint(p.x, p.y) : null;
    const seen = !at ? 'off screen' : at === w.canvas ? 'canvas' : at.closest('[class]')?.className || at.tagName;
    return { x: Math.round(p.x), y: Math.round(p.y), r, seen };
  }, id);
}

// ---------------------------------------------------------------------------
// 1. How is A tied to B?
// ---------------------------------------------------------------------------

test('on a 390 px phone, after Find, every entity of the first path is on screen and not covered by the path finder', async () => {
  await withMap(
    async (page) => {
      await findPaths(page, ALLIANCE, CSIA);
      const entities = await pathEntities(page);
      assert.ok(entities.length >= 3, `a path of several entities: ${entities.map((e) => e.id)}`);
      for (const e of entities) {
        const seen = await whatCovers(page, e.id);
        assert.equal(seen.seen, 'canvas', `${e.name} is drawn where the reader sees the map: ${JSON.stringify(seen)}`);
      }
      // The list is one tap away, and says which path is on the map.
      const bar = inMap(page, '.am-paths-bar');
      assert.match(await bar.textContent(), /Path 1 of \d/);
      await bar.getByRole('button', { name: 'Show all paths' }).click();
      assert.equal(await inMap(page, '.am-path-list').isVisible(), true, 'the list of paths opens again');
    },
    { contextOptions: PHONE },
  );
});

test('on a desktop, Find shows the path with modest nodes: no drawn radius over 24 px', async () => {
  await withMap(async (page) => {
    await findPaths(page, ALLIANCE, CSIA);
    for (const e of await pathEntities(page)) {
      const seen = await whatCovers(page, e.id);
      assert.ok(seen.r <= 24.5, `${e.name} is drawn ${seen.r.toFixed(1)} px in radius`);
      assert.equal(seen.seen, 'canvas', `${e.name} is in view beside the path finder: ${JSON.stringify(seen)}`);
    }
  });
});

test('Clear puts back the view the reader had before Find', async () => {
  await withMap(async (page) => {
    // A view of the reader's own: zoomed in on the lower right.
    await page.evaluate(() => {
      const w = document.querySelector('#map').allianceMap;
      w.viewport.zoomAround(w.width * 0.7, w.height * 0.7, 1.8);
      w.viewport.settle();
    });
    await waitForStableView(page);
    const before = (await mapState(page)).camera;
    await findPaths(page, ALLIANCE, CSIA);
    assert.notDeepEqual((await mapState(page)).camera, before, 'Find moves the view to the path');
    await pathfinder(page).getByRole('button', { name: 'Clear' }).click();
    await waitForStableView(page);
    const st = await mapState(page);
    assert.equal(st.path, null, 'the path is cleared');
    for (const k of ['x', 'y', 'zoom']) assert.ok(Math.abs(st.camera[k] - before[k]) < 1e-6, `camera ${k}: ${st.camera[k]} back to ${before[k]}`);
  });
});

test('the listed paths read differently: each heading names the relation types on its way', async () => {
  await withMap(async (page) => {
    await findPaths(page, ALLIANCE, CSIA);
    const headings = (await inMap(page, '.am-path-pick').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    assert.ok(headings.length >= 3, `several paths: ${JSON.stringify(headings)}`);
    // The seed ties Changan to the joint venture twice (owns, joint venture
    // partner of): paths through either have the same names.
    const chains = await page.evaluate(() => document.querySelector('#map').allianceMap.reader.path.view.paths.map((p) => p.names.join(' → ')));
    assert.ok(new Set(chains).size < chains.length, `some paths have the same names: ${JSON.stringify(chains)}`);
    assert.equal(new Set(headings).size, headings.length, `no two headings are the same: ${JSON.stringify(headings, null, 1)}`);
    for (const h of headings) assert.match(h, /via /, `the heading names the relations: ${h}`);
  });
});

// ---------------------------------------------------------------------------
// 2. Phones: search, the bottom sheet, the wake-up tap, the legend
// ---------------------------------------------------------------------------

/** Whether viewport point y lies in the part of the canvas the bottom sheet leaves uncovered, on screen. */
async function aboveSheet(page, y) {
  return page.evaluate((y) => {
    const w = document.querySelector('#map').allianceMap;
    const c = w.canvas.getBoundingClientRect();
    const sheet = w.panel.getBoundingClientRect();
    return { y, canvasTop: c.top, sheetTop: sheet.top, ok: y > Math.max(c.top, 0) + 8 && y < Math.min(c.bottom, sheet.top) - 8 };
  }, y);
}

/** Scrolls the whole canvas into the viewport (emptyPoint's screenshot would scroll it, after measuring). */
async function mapOnScreen(page) {
  await inMap(page, '.am-canvas').scrollIntoViewIfNeeded();
  await waitForStableView(page);
}

test('on a phone, choosing a search result scrolls the map into view with the entity above the bottom sheet', async () => {
  await withMap(
    async (page) => {
      const input = searchInput(page);
      // The reader scrolled the page down a little while typing.
      await input.tap();
      await input.fill('Huawei Technologies');
      await page.evaluate(() => scrollTo(0, 120));
      await inMap(page, '.am-search [role="option"]').first().tap();
      await inMap(page, '.am-panel').waitFor({ state: 'visible' });
      await waitForStableView(page);
      const st = await mapState(page);
      assert.equal(st.selected?.title, 'Huawei Technologies');
      const seen = await whatCovers(page, 'huawei');
      assert.equal(seen.seen, 'canvas', `Huawei is on screen, uncovered: ${JSON.stringify(seen)}`);
      const where = await aboveSheet(page, seen.y);
      assert.ok(where.ok, `Huawei sits above the sheet, in the map: ${JSON.stringify(where)}`);
    },
    { contextOptions: PHONE },
  );
});

test('on a phone, an entity tapped low on the map is moved above the bottom sheet it opens', async () => {
  await withMap(
    async (page) => {
      await mapOnScreen(page);
      const wake = await emptyPoint(page, { fx: 0.5, fy: 0.3 });
      await page.touchscreen.tap(wake.x, wake.y);
      await page.waitForFunction(() => document.querySelector('#map').allianceMap.active);
      // The lowest entity on screen with room around it: where the sheet will come up.
      const target = await page.evaluate(() => {
        const w = document.querySelector('#map').allianceMap;
        const c = w.canvas.getBoundingClientRect();
        const st = w.state();
        const all = st.entityIds.map((id, index) => ({ id, index, ...w.entityScreenPosition(id) }));
        const bottom = Math.min(c.bottom, innerHeight) - 30;
        // Not under the story bar over the canvas's lower left.
        const bar = w.container.querySelector('.am-steps')?.getBoundingClientRect();
        const clear = (p) => !bar || p.x > bar.right + 30 || p.y < bar.top - 30;
        // A tap there picks that entity (not a relation beside it).
        const picks = (p) => {
          const hit = w.pickAt(p.x - c.left, p.y - c.top, 22);
          return hit?.kind === 'entity' && hit.index === p.index;
        };
        return all
          .filter((p) => p.x > c.left + 30 && p.x < c.right - 30 && p.y > c.top + 60 && p.y < bottom && clear(p) && picks(p))
          .sort((a, b) => b.y - a.y)[0];
      });
      assert.ok(target, 'an entity to tap');
      await page.touchscreen.tap(Math.round(target.x), Math.round(target.y));
      await inMap(page, '.am-panel').waitFor({ state: 'visible' });
      await waitForStableView(page);
      const st = await mapState(page);
      assert.equal(st.selected?.kind, 'entity', `tapped ${JSON.stringify(target)}, selected ${JSON.stringify(st.selected)}, camera ${JSON.stringify(st.camera)}`);
      const seen = await whatCovers(page, target.id);
      const where = await aboveSheet(page, seen.y);
      assert.ok(target.y > where.sheetTop, `the test taps where the sheet comes up: y ${target.y}, sheet top ${where.sheetTop}`);
      assert.equal(seen.seen, 'canvas', `the tapped entity is uncovered: ${JSON.stringify(seen)}`);
      assert.ok(where.ok, `the tapped entity sits above the sheet: ${JSON.stringify(where)}`);
      // Closing the sheet puts the map back where the reader had it.
      await inMap(page, '.panel-close').tap();
      await waitForStableView(page);
      const back = await entityPosition(page, target.id);
      assert.ok(Math.abs(back.y - target.y) < 1, `back at y ${target.y}: ${back.y}`);
    },
    { contextOptions: PHONE },
  );
});

test('on a phone, the first tap on the map says that the map is now active', async () => {
  await withMap(
    async (page) => {
      const hint = inMap(page, '.am-hint');
      assert.equal(await hint.textContent(), '', 'no hint before the tap');
      await mapOnScreen(page);
      const p = await emptyPoint(page, { fx: 0.5, fy: 0.4 });
      await page.touchscreen.tap(p.x, p.y);
      await page.waitForFunction(() => document.querySelector('#map').allianceMap.active);
      assert.match(await hint.textContent(), /Map active.*drag/i);
      await page.waitForFunction(() => getComputedStyle(document.querySelector('#map .am-hint')).opacity === '1', null, { timeout: 2000 });
      const box = await hint.boundingBox();
      assert.ok(box && box.y >= 0 && box.y + box.height <= PHONE.viewport.height, `the hint is on screen: ${JSON.stringify(box)}`);
    },
    { contextOptions: PHONE },
  );
});

test('on a phone, the legend is one tap away under the map', async () => {
  await withMap(
    async (page) => {
      const toggle = inMap(page, '.legend').getByRole('button', { name: 'Legend' });
      assert.equal(await toggle.isVisible(), true, 'a Legend button shows');
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      await toggle.tap();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      const kinds = inMap(page, '.legend-kinds li');
      assert.ok((await kinds.count()) > 2);
      assert.equal(await kinds.first().isVisible(), true, 'the kinds are listed');
      assert.equal(await inMap(page, '.legend-relations li').first().isVisible(), true, 'the relation types are listed');
      await toggle.tap();
      assert.equal(await kinds.first().isVisible(), false, 'and fold away again');
    },
    { contextOptions: PHONE },
  );
});

// ---------------------------------------------------------------------------
// 3. Desktop: details panel, text view, `/`, tiny datasets
// ---------------------------------------------------------------------------

test('the details panel opens at its top, title and close button in view, for each new selection', async () => {
  await withMap(async (page) => {
    await chooseInCombobox(page, searchInput(page), ALLIANCE);
    const panel = inMap(page, '.am-panel');
    await panel.waitFor({ state: 'visible' });
    const scrolled = await panel.evaluate((el) => {
      el.scrollTop = el.scrollHeight;
      return el.scrollTop;
    });
    assert.ok(scrolled > 100, `the alliance's details scroll: ${scrolled}`);
    await chooseInCombobox(page, searchInput(page), 'Changan Automobile');
    assert.equal((await mapState(page)).selected?.title, 'Changan Automobile');
    const r = await panel.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const title = el.querySelector('.panel-title').getBoundingClientRect();
      const close = el.querySelector('.panel-close').getBoundingClientRect();
      return { scrollTop: el.scrollTop, tall: el.scrollHeight > el.clientHeight, inside: [title, close].every((b) => b.top >= box.top && b.bottom <= box.bottom) };
    });
    assert.ok(r.tall, 'Changan’s details scroll too (else this proves nothing)');
    assert.equal(r.scrollTop, 0);
    assert.ok(r.inside, 'the title and the close button are in view');
  });
});

test('Text view brings the map as text into view and puts the focus on its heading', async () => {
  await withMap(async (page) => {
    await button(page, 'Text view').click();
    const heading = inMap(page, '.am-textview-title');
    await page.waitForFunction(() => {
      const r = document.querySelector('#map .am-textview-title').getBoundingClientRect();
      return r.top >= 0 && r.top < innerHeight / 3;
    }, null, { timeout: 3000 });
    assert.equal(await heading.evaluate((h) => document.activeElement === h), true, 'the heading has the focus');
  });
});

test('on the demo page, / goes to the search from anywhere on the page, never from a field of the page', async () => {
  await withMap(async (page) => {
    const search = searchInput(page);
    await page.locator('#map-title').click();
    await page.keyboard.press('/');
    assert.equal(await search.evaluate((el) => document.activeElement === el), true, '/ on the page focuses the search');
    assert.equal(await search.inputValue(), '', 'the / is not typed into it');
    // The page's own fields keep their slash.
    await page.evaluate(() => {
      const header = document.querySelector('.page-header');
      const input = Object.assign(document.createElement('input'), { id: 'host-input' });
      const text = Object.assign(document.createElement('textarea'), { id: 'host-text' });
      const editable = Object.assign(document.createElement('div'), { id: 'host-editable', contentEditable: 'true' });
      header.append(input, text, editable);
    });
    for (const id of ['host-input', 'host-text', 'host-editable']) {
      await page.locator(`#${id}`).click();
      await page.keyboard.type('a/b');
      const r = await page.evaluate((id) => ({ focused: document.activeElement.id, text: document.getElementById(id).value ?? document.getElementById(id).textContent }), id);
      assert.deepEqual(r, { focused: id, text: 'a/b' }, `#${id} keeps its slash`);
    }
  });
});

test('on a page with an <alliance-map> element, / stays with the page', async () => {
  await withContextPage(env.browser, DESKTOP, async (page) => {
    const errors = collectErrors(page);
    await page.goto(`${env.server.url}/test/article.html`);
    await page.evaluate(() => document.getElementById('map').scrollIntoView());
    await page.waitForFunction(() => document.getElementById('map').widget?.state().drawn.nodes > 0, null, { timeout: 15000 });
    await page.locator('h1').click();
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement === document.body), true, 'the focus stays on the page');
    assert.deepEqual(errors, []);
  });
});

test('a three-entity map is drawn at most twice its natural size, and Fit keeps it so', async () => {
  buildTiny();
  await withContextPage(env.browser, DESKTOP, async (page) => {
    const errors = await openMap(page, env.server.url, '/tiny/');
    const st = await mapState(page);
    assert.equal(st.nodeCount, 3);
    assert.ok(st.camera.zoom <= 2 + 1e-9, `the fit zoom is at most 2: ${st.camera.zoom}`);
    const radii = await page.evaluate(() => {
      const w = document.querySelector('#map').allianceMap;
      return Array.from(w.views.refresh().radii, (r) => ({ natural: r, drawn: r * w.camera.zoom }));
    });
    for (const r of radii) assert.ok(r.drawn <= 2 * r.natural + 1e-6, `drawn ${r.drawn.toFixed(1)} px for a ${r.natural} px node`);
    await button(page, 'Fit the whole map in view').click();
    await nextFrames(page);
    assert.ok((await mapState(page)).camera.zoom <= 2 + 1e-9, 'Fit too');
    assert.deepEqual(errors, []);
  });
});
