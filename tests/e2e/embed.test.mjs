// End-to-end tests of the widget embedded in other people's pages: the
// <alliance-map> element in a long article on phones (cooperative touch
// gestures through CDP touch events, the bottom sheet, touch tap tolerance),
// two independent elements on one page, a strict Content-Security-Policy and
// the iframe embed's auto-height. Hostile data is in hostile.test.mjs.
//
// The test pages are in tests/e2e/pages/, served at /test/; they load the
// widget from the dist/ root (/element.js). `before` compiles data/seed.toml
// into a site with `alliance-map build`.
//
// Run from the repository root after scripts/build.sh:
//   node --test --test-concurrency=1 tests/e2e/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ROOT, DIST, DESKTOP, PHONE, CSP, CSP_HEADERS, useServerAndBrowser, buildSite, nextFrames, collectErrors, openMap, recordViolations, withContextPage } from './harness.mjs';

const PAGES = path.join(ROOT, 'tests/e2e/pages');
const SITE = path.join(ROOT, 'target/e2e/site');

const PHONES = {
  '390x844 @3': { ...PHONE, viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 },
  '412x915 @2.6': { ...PHONE, viewport: { width: 412, height: 915 }, deviceScaleFactor: 2.6 },
};

/** Builds the sites the tests load; returns the server options that mount them. */
function buildSites() {
  buildSite('data/seed.toml', SITE);
  return {
    mounts: [
      { prefix: '/test/', dir: PAGES },
      { prefix: '/site/', dir: SITE },
      { prefix: '/csp/', dir: DIST, headers: CSP_HEADERS }, // dist/ again, every response with the CSP header
    ],
    headers: { '/test/csp-element.html': CSP_HEADERS },
  };
}

const env = useServerAndBrowser(buildSites);

/** Runs `fn(page, context)` in a fresh browser context, closed afterwards. */
function withPage(contextOptions, fn) {
  return withContextPage(env.browser, contextOptions, fn);
}

/** Whether the map of element `id` is active (cooperative gestures). */
function isActive(page, id = 'map') {
  return page.evaluate((id) => document.getElementById(id).widget.active, id);
}

function waitActive(page, id = 'map') {
  return page.waitForFunction((id) => document.getElementById(id).widget.active, id, { timeout: 5000 });
}

/** Waits until the element `id` has drawn nodes (it starts when scrolled near the viewport). */
async function waitDrawn(page, id = 'map') {
  await page.waitForFunction((id) => document.getElementById(id).widget?.state().drawn.nodes > 0, id, { timeout: 15000 });
  // Let the stage settle (ResizeObserver rounds) before aiming at entities.
  await page.waitForFunction(
    (id) => {
      const w = document.getElementById(id).widget;
      const key = JSON.stringify([w.canvas.getBoundingClientRect(), w.state().camera]);
      const same = key === window.__lastKey?.[id];
      (window.__lastKey ||= {})[id] = key;
      window.__same = { ...(window.__same || {}), [id]: same ? (window.__same?.[id] || 0) + 1 : 0 };
      return window.__same[id] >= 3;
    },
    id,
    { polling: 'raf', timeout: 10000 },
  );
}

function state(page, id = 'map') {
  return page.evaluate((id) => document.getElementById(id).widget.state(), id);
}

function canvasRect(page, id = 'map') {
  return page.evaluate((id) => document.getElementById(id).widget.canvas.getBoundingClientRect().toJSON(), id);
}

/**
 * Entities of map `id` that are on screen, inside the canvas, clear of the
 * toolbar and the story bar, with their viewport position, drawn radius, and `clearance` (CSS px
 * to the nearest other entity centre), most isolated first. (Radii come from
 * the widget's typed-array views: the widget has no public API for them.)
 */
function entitiesOnScreen(page, id = 'map') {
  return page.evaluate((id) => {
    const w = document.getElementById(id).widget;
    const st = w.state();
    const c = w.canvas.getBoundingClientRect();
    // What is drawn over the canvas: the toolbar and, with a story, its bar.
    const over = [...w.container.querySelectorAll('.am-toolbar, .am-steps')].map((el) => el.getBoundingClientRect());
    const radii = w.views.refresh().radii;
    const all = st.entityIds.map((eid, i) => ({ id: eid, index: i, ...w.entityScreenPosition(eid), r: Math.max(radii[i] * st.camera.zoom, 2.5) }));
    const inside = (p, m) =>
      p.x > c.left + m && p.x < c.right - m && p.y > c.top + m && p.y < c.bottom - m && p.y > m && p.y < innerHeight - m &&
      !over.some((tb) => p.x > tb.left - m && p.x < tb.right + m && p.y > tb.top - m && p.y < tb.bottom + m);
    return all
      .filter((p) => inside(p, 30))
      .map((p) => ({ ...p, clearance: Math.min(...all.filter((q) => q !== p).map((q) => Math.hypot(q.x - p.x, q.y - p.y))) }))
      .sort((a, b) => b.clearance - a.clearance);
  }, id);
}

/**
 * The most isolated on-screen entity of map `id`, at least `minClearance` px
 * from any other entity centre: if none is, zooms in (ctrl+wheel, which always
 * zooms) around the most isolated one, a few times, until one is.
 */
async function isolatedEntity(page, id = 'map', minClearance = 16) {
  let list = await entitiesOnScreen(page, id);
  for (let k = 0; k < 8 && list.length && list[0].clearance < minClearance; k++) {
    const before = (await state(page, id)).camera;
    await page.mouse.move(list[0].x, list[0].y);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -60);
    await page.keyboard.up('Control');
    await page.waitForFunction(([id, z]) => document.getElementById(id).widget.state().camera.zoom > z, [id, before.zoom], { timeout: 5000 });
    await nextFrames(page);
    list = await entitiesOnScreen(page, id);
  }
  assert.ok(list.length > 0 && list[0].clearance >= minClearance, `an on-screen entity ${minClearance} px clear of the others in #${id}: ${JSON.stringify(list.slice(0, 3))}`);
  return list[0];
}

// CDP touch input: real touch events through Chromium's input pipeline, so
// touch-action, gesture scrolling and pointer events behave as on a phone.
const touch = (cdp, type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points });

async function tap(cdp, x, y) {
  await touch(cdp, 'touchStart', [{ x, y }]);
  await touch(cdp, 'touchEnd', []);
}

async function swipe(cdp, x, y, dx, dy, steps = 10) {
  await touch(cdp, 'touchStart', [{ x, y }]);
  for (let i = 1; i <= steps; i++) await touch(cdp, 'touchMove', [{ x: x + (dx * i) / steps, y: y + (dy * i) / steps }]);
  await touch(cdp, 'touchEnd', []);
}

/** Two fingers at (cx ± d0, cy) moving apart to (cx ± d1, cy). */
async function pinch(cdp, cx, cy, d0, d1, steps = 10) {
  const at = (d) => [{ x: cx - d, y: cy, id: 0 }, { x: cx + d, y: cy, id: 1 }];
  await touch(cdp, 'touchStart', at(d0));
  for (let i = 1; i <= steps; i++) await touch(cdp, 'touchMove', at(d0 + ((d1 - d0) * i) / steps));
  await touch(cdp, 'touchEnd', []);
}

/** Waits until window.scrollY has not changed for 10 animation frames (a fling has ended). */
function scrollSettled(page) {
  return page.waitForFunction(
    () => {
      const s = (window.__scroll ||= { y: NaN, same: 0 });
      s.same = scrollY === s.y ? s.same + 1 : 0;
      s.y = scrollY;
      return s.same >= 10;
    },
    null,
    { polling: 'raf', timeout: 5000 },
  );
}

/** Opens the long article on a phone with the map scrolled 150 px below the top of the viewport. */
async function openArticle(page) {
  const errors = collectErrors(page);
  await page.goto(`${env.server.url}/test/article.html`);
  // The element starts only near the viewport: scroll to it first.
  await page.evaluate(() => scrollTo(0, document.getElementById('map').getBoundingClientRect().top + scrollY - 150));
  await waitDrawn(page);
  return errors;
}

const panel = (page, id = 'map') => page.locator(`#${id} .am-panel`);

// ---------------------------------------------------------------------------
// 1. Phones: cooperative gestures and the bottom sheet, in a long article
// ---------------------------------------------------------------------------

for (const [name, contextOptions] of Object.entries(PHONES)) {
  test(`phone ${name}: one finger over the inactive map scrolls the page; after a tap, a pinch zooms the map`, async () => {
    await withPage(contextOptions, async (page, context) => {
      const errors = await openArticle(page);
      const cdp = await context.newCDPSession(page);
      const c = await canvasRect(page);
      const before = await state(page);
      const y0 = await page.evaluate(() => scrollY);
      assert.equal(await isActive(page), false, 'the map starts inactive');

      // One finger, 250 px up, starting on the canvas.
      await swipe(cdp, Math.round(c.left + c.width / 2), Math.round(c.top + c.height * 0.8), 0, -250);
      await scrollSettled(page);
      let y1 = await page.evaluate(() => scrollY);
      assert.ok(y1 > y0 + 100, `the swipe scrolls the page: scrollY ${y0} → ${y1}`);
      const afterSwipe = await state(page);
      assert.deepEqual(afterSwipe.camera, before.camera, 'the map camera does not move under a one-finger swipe');
      assert.equal(afterSwipe.selected, null, 'nothing selected by the swipe');
      assert.equal(await isActive(page), false, 'a swipe does not activate the map');

      // Back to where the map is on screen. One tap activates; then two
      // fingers moving apart zoom the map, not the page.
      await page.evaluate((y) => scrollTo(0, y), y0);
      await scrollSettled(page);
      y1 = await page.evaluate(() => scrollY);
      assert.equal(y1, y0, 'scrolled back');
      const c2 = await canvasRect(page);
      const [cx, cy] = [Math.round(c2.left + c2.width / 2), Math.round(c2.top + c2.height / 2)];
      assert.ok(cy > 50 && cy < contextOptions.viewport.height - 50, `the canvas centre is on screen: ${cy}`);
      await tap(cdp, cx, cy);
      await waitActive(page);
      assert.equal((await state(page)).selected, null, 'the first tap only activates the map');
      const zoom0 = (await state(page)).camera.zoom;
      await pinch(cdp, cx, cy, 30, 110);
      await scrollSettled(page);
      const after = await state(page);
      assert.ok(after.camera.zoom > zoom0 * 2, `the pinch zooms the map in: zoom ${zoom0} → ${after.camera.zoom}`);
      assert.equal(await page.evaluate(() => scrollY), y1, 'the pinch does not scroll the page');
      assert.equal(await page.evaluate(() => visualViewport.scale), 1, 'the pinch does not zoom the page');
      assert.deepEqual(errors, [], 'no console or page error');
    });
  });

  test(`phone ${name}: a tap on an entity opens the bottom sheet; Escape and Back close it; a tap 20 px off a small node selects it`, async () => {
    await withPage(contextOptions, async (page, context) => {
      const errors = await openArticle(page);
      const cdp = await context.newCDPSession(page);
      const { width: vw, height: vh } = contextOptions.viewport;
      const target = await isolatedEntity(page);
      await tap(cdp, Math.round(target.x), Math.round(target.y)); // wakes the map
      await waitActive(page);

      const openSheet = async () => {
        await tap(cdp, Math.round(target.x), Math.round(target.y));
        await panel(page).waitFor({ state: 'visible', timeout: 5000 });
        const st = await state(page);
        assert.equal(st.selected?.kind, 'entity');
        assert.equal(st.selected?.index, target.index, `the tapped entity ${target.id} is selected`);
        const box = await panel(page).evaluate((el) => ({ position: getComputedStyle(el).position, ...el.getBoundingClientRect().toJSON() }));
        assert.equal(box.position, 'fixed', 'the panel is a fixed bottom sheet');
        assert.ok(Math.abs(box.bottom - vh) <= 1, `the sheet sits on the bottom of the viewport: bottom ${box.bottom}, viewport ${vh}`);
        assert.ok(box.left <= 0.5 && Math.abs(box.right - vw) <= 0.5, `the sheet spans the width: ${box.left}..${box.right} of ${vw}`);
        assert.ok(box.height > 40 && box.top > 0, `the sheet has a height and does not cover the whole screen: ${JSON.stringify(box)}`);
      };

      await openSheet();
      await page.keyboard.press('Escape');
      await panel(page).waitFor({ state: 'hidden', timeout: 5000 });
      assert.equal((await state(page)).selected, null, 'Escape clears the selection');

      await openSheet();
      await page.evaluate(() => history.back());
      await panel(page).waitFor({ state: 'hidden', timeout: 5000 });
      assert.equal((await state(page)).selected, null, 'Back clears the selection');

      // Tap tolerance: the smallest drawn node with room around it, tapped 20 px
      // from its centre, in the direction away from the other entities.
      await isolatedEntity(page, 'map', 50); // zooms in if no entity has 50 px of room
      const list = await entitiesOnScreen(page);
      const small = list.filter((p) => p.clearance >= 50).sort((a, b) => a.r - b.r || b.clearance - a.clearance)[0];
      let best = null;
      for (let k = 0; k < 16; k++) {
        const a = (k * Math.PI) / 8;
        const p = { x: small.x + 20 * Math.cos(a), y: small.y + 20 * Math.sin(a) };
        const d = Math.min(...list.filter((q) => q !== small).map((q) => Math.hypot(q.x - p.x, q.y - p.y)));
        if (!best || d > best.d) best = { ...p, d };
      }
      assert.ok(best.d > 24, `the tap point is nearer ${small.id} than any other entity: ${JSON.stringify(best)}`);
      await tap(cdp, best.x, best.y);
      await panel(page).waitFor({ state: 'visible', timeout: 5000 });
      const st = await state(page);
      assert.equal(st.selected?.index, small.index, `a tap 20 px from ${small.id} (drawn radius ${small.r.toFixed(1)} px) selects it`);
      assert.deepEqual(errors, [], 'no console or page error');
    });
  });
}

// ---------------------------------------------------------------------------
// 2. Two maps on one page stay independent
// ---------------------------------------------------------------------------

test('an element whose data changes while it loads shows only the newest map, once', async () => {
  await withPage(DESKTOP, async (page) => {
    const errors = collectErrors(page);
    // Slow the data down, so that every change lands while a load is under way.
    await page.route('**/site/data.amap*', async (route) => {
      await new Promise((r) => setTimeout(r, 300));
      await route.continue();
    });
    await page.goto(`${env.server.url}/test/two-maps.html`);
    await waitDrawn(page, 'file-map');
    const bytes = await page.evaluate(async () => {
      const el = document.getElementById('file-map');
      el.setAttribute('src', '/site/data.amap?first');
      el.setAttribute('src', '/site/data.amap?second');
      const data = new Uint8Array(await (await fetch('/site/data.amap')).arrayBuffer());
      el.data = data;
      return data.length;
    });
    assert.ok(bytes > 1000);
    await page.waitForFunction(() => {
      const el = document.getElementById('file-map');
      return el.widget && el.widget.state().drawn.nodes > 0 && !el.shadowRoot.querySelector('[aria-busy]');
    });
    await page.waitForTimeout(800); // any stale load would finish by now
    const dom = await page.evaluate(() => {
      const root = document.getElementById('file-map').shadowRoot;
      const count = (sel) => root.querySelectorAll(sel).length;
      return { frames: count('.am-main'), canvases: count('canvas'), textViews: count('.am-textview'), controls: count('.am-controls'), errors: count('.am-error') };
    });
    assert.deepEqual(dom, { frames: 1, canvases: 1, textViews: 1, controls: 1, errors: 0 });
    assert.equal((await state(page, 'file-map')).nodeCount, 47);
    assert.deepEqual(errors, []);
  });
});

test('two <alliance-map> elements on one page keep their own selection, camera and select events', async () => {
  await withPage(DESKTOP, async (page) => {
    const errors = collectErrors(page);
    await page.addInitScript(() => {
      window.__selects = [];
      document.addEventListener('select', (e) => {
        window.__selects.push({ target: e.target.id, composed: e.composed, bubbles: e.bubbles, kind: e.detail?.kind ?? null, index: e.detail?.index ?? null });
      });
    });
    await page.goto(`${env.server.url}/test/two-maps.html`);
    await waitDrawn(page, 'seed-map');
    await waitDrawn(page, 'file-map');
    const seed0 = await state(page, 'seed-map');
    const file0 = await state(page, 'file-map');
    assert.equal(file0.nodeCount, seed0.nodeCount, 'the compiled file holds the seed');

    // Select in the first map.
    const a = await isolatedEntity(page, 'seed-map');
    await page.mouse.click(a.x, a.y);
    await panel(page, 'seed-map').waitFor({ state: 'visible', timeout: 5000 });
    assert.equal((await state(page, 'seed-map')).selected?.index, a.index, 'the first map selects the clicked entity');
    assert.equal((await state(page, 'file-map')).selected, null, 'the second map selects nothing');
    assert.equal(await panel(page, 'file-map').isHidden(), true, "the second map's panel stays hidden");
    assert.deepEqual(await page.evaluate(() => window.__selects), [{ target: 'seed-map', composed: true, bubbles: true, kind: 'entity', index: a.index }], 'one select event, from the first element, seen on document');

    // Select in the second map.
    const b = await isolatedEntity(page, 'file-map');
    await page.mouse.click(b.x, b.y);
    await panel(page, 'file-map').waitFor({ state: 'visible', timeout: 5000 });
    assert.equal((await state(page, 'file-map')).selected?.index, b.index, 'the second map selects the clicked entity');
    assert.equal((await state(page, 'seed-map')).selected?.index, a.index, 'the first map keeps its own selection');
    assert.deepEqual((await page.evaluate(() => window.__selects)).slice(1), [{ target: 'file-map', composed: true, bubbles: true, kind: 'entity', index: b.index }], 'the second select event comes from the second element');

    // Pan each map in turn by a mouse drag; the other's camera stays.
    for (const [moved, still] of [['seed-map', 'file-map'], ['file-map', 'seed-map']]) {
      // The panels just opened: let both stages settle (ResizeObserver rounds refit an unmoved map).
      await nextFrames(page, 8);
      const stillBefore = (await state(page, still)).camera;
      const movedBefore = (await state(page, moved)).camera;
      const c = await canvasRect(page, moved);
      // Clear of the story bar over the canvas's lower left.
      const [x, y] = [Math.round(c.left + c.width * 0.3), Math.round(c.top + c.height * 0.3)];
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x + 120, y - 40, { steps: 6 });
      await page.mouse.up();
      await nextFrames(page);
      const movedAfter = (await state(page, moved)).camera;
      assert.ok(movedAfter.x !== movedBefore.x && movedAfter.y !== movedBefore.y, `#${moved} pans: ${JSON.stringify(movedBefore)} → ${JSON.stringify(movedAfter)}`);
      assert.deepEqual((await state(page, still)).camera, stillBefore, `panning #${moved} leaves #${still}'s camera`);
    }
    assert.equal((await page.evaluate(() => window.__selects)).length, 2, 'the drags fire no select event');
    assert.deepEqual(errors, [], 'no console or page error');
  });
});

// ---------------------------------------------------------------------------
// 3. A strict Content-Security-Policy
// ---------------------------------------------------------------------------

test('under a strict CSP the element draws and opens its panel with no violation', async () => {
  await withPage(DESKTOP, async (page) => {
    await recordViolations(page);
    const errors = collectErrors(page);
    const response = await page.goto(`${env.server.url}/test/csp-element.html`);
    assert.equal(response.headers()['content-security-policy'], CSP, 'the page is served with the CSP header');
    await waitDrawn(page);
    assert.equal(
      await page.evaluate(() => getComputedStyle(document.getElementById('map').shadowRoot.querySelector('.alliance-map')).display),
      'grid',
      "the widget's stylesheet applies inside the shadow root",
    );
    const e = await isolatedEntity(page);
    await page.mouse.click(e.x, e.y);
    await panel(page).waitFor({ state: 'visible', timeout: 5000 });
    assert.equal((await state(page)).selected?.index, e.index, 'the clicked entity is selected');
    await nextFrames(page);
    assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no securitypolicyviolation event');
    assert.deepEqual(errors, [], 'no console or page error');
  });
});

test(
  'dist/index.html under the same strict CSP has no violation',
  async () => {
    await withPage(DESKTOP, async (page) => {
      await recordViolations(page);
      const errors = await openMap(page, env.server.url, '/csp/');
      await nextFrames(page);
      assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no securitypolicyviolation event');
      assert.deepEqual(errors, [], 'no console or page error');
    });
  },
);

// ---------------------------------------------------------------------------
// 5. The iframe embed grows to its map's height
// ---------------------------------------------------------------------------

test("the iframe embed's height becomes its map's content height", async () => {
  await withPage(DESKTOP, async (page) => {
    const errors = collectErrors(page);
    const t0 = Date.now();
    await page.goto(`${env.server.url}/test/iframe.html`);
    const frameEl = page.locator('iframe.alliance-map-embed');
    await page.waitForFunction(() => parseFloat(document.querySelector('iframe.alliance-map-embed').style.height) > 300, null, { timeout: 5000 });
    const frame = await (await frameEl.elementHandle()).contentFrame();
    await frame.waitForFunction(() => document.querySelector('#map')?.allianceMap?.state().drawn.nodes > 0, null, { timeout: 5000 });
    // Settled: the iframe box equals the embedded document's height for a few frames.
    let last = null;
    let same = 0;
    while (same < 3) {
      assert.ok(Date.now() - t0 < 5000, `the iframe height settles within 5 s (last: ${JSON.stringify(last)})`);
      const box = await frameEl.boundingBox();
      const inner = await frame.evaluate(() => ({ scroll: document.documentElement.scrollHeight, map: document.getElementById('map').getBoundingClientRect().bottom }));
      const now = { frame: box.height, ...inner };
      same = last && JSON.stringify(now) === JSON.stringify(last) && Math.abs(now.frame - now.scroll) <= 1 ? same + 1 : 0;
      last = now;
      await nextFrames(page);
    }
    assert.ok(last.frame > 300, `the iframe is taller than 300 px: ${last.frame}`);
    assert.ok(last.map <= last.frame + 1, `the whole map fits in the iframe: map bottom ${last.map}, iframe ${last.frame}`);
    assert.deepEqual(errors, [], 'no console or page error');
  });
});
