// End-to-end tests of the widget in headless Chromium: loading (from / and
// from a sub-path), drawing every seed entity, the details panel, error
// messages for bad datasets and a phone viewport with touch. Pan, zoom and
// hover are in navigation.test.mjs; the reference screenshots (desktop,
// phone, dark) of the published seed in reference.test.mjs.
//
// Run from the repository root after scripts/build.sh:
//   node --test --test-concurrency=1 tests/e2e/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  ROOT,
  SUB_PATH,
  DESKTOP,
  PHONE,
  openBrokenMap,
  nextFrames,
  mapState,
  entityPosition,
  canvasBox,
  unexpectedErrors,
  withContextPage,
  useServerAndBrowser,
  mapOpener,
} from './harness.mjs';


const env = useServerAndBrowser();

/** Runs `fn(page)` in a fresh browser context, closed afterwards. */
function withPage(contextOptions, fn) {
  return withContextPage(env.browser, contextOptions, fn);
}

const withMap = mapOpener(env);

function seedFile() {
  return fs.readFileSync(path.join(ROOT, 'data/seed.toml'), 'utf8');
}

/** The ids of the [[entity]] blocks of data/seed.toml, in file order. */
function seedEntityIds() {
  const blocks = seedFile().split(/^\s*\[\[entity\]\]\s*$/m).slice(1);
  return blocks.map((b) => {
    const m = b.match(/^\s*id\s*=\s*"([^"]+)"/m);
    assert.ok(m, `an [[entity]] block of data/seed.toml has no id: ${b.slice(0, 80)}`);
    return m[1];
  });
}

const panel = (page) => page.locator('#map .am-panel');

async function clickEntity(page, id) {
  const p = await entityPosition(page, id);
  assert.ok(p, `entity ${id} has a screen position`);
  await page.mouse.click(p.x, p.y);
  await panel(page).waitFor({ state: 'visible', timeout: 5000 });
}

// ---------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------

test('the page loads with no console error or page error', async () => {
  await withMap(async (page) => {
    const st = await mapState(page);
    assert.ok(st.drawn.nodes > 0, 'some nodes are drawn');
    assert.equal(await page.locator('#map .am-error').count(), 0, 'no error box');
    assert.equal(await page.locator('#map .am-canvas').count(), 1, 'one canvas');
    assert.equal(await page.locator('#map').getAttribute('aria-busy'), null, 'aria-busy removed after mounting');
    // main.js puts the dataset title into the page heading.
    assert.equal(await page.locator('#map-title').textContent(), 'Industry alliances in Chinese cars and chips');
  });
});

test('the map also loads from a sub-path, with relative URLs only', async () => {
  const from = env.server.requests.length;
  await withMap(
    async (page) => {
      assert.equal(new URL(page.url()).pathname, SUB_PATH);
      const st = await mapState(page);
      assert.equal(st.drawn.nodes, st.nodeCount, 'every node drawn from the sub-path');
    },
    { base: env.server.subUrl },
  );
  const asked = env.server.requests.slice(from);
  assert.ok(asked.includes(`${SUB_PATH}pkg/alliance_map_bg.wasm`), `the wasm is fetched from the sub-path (asked: ${asked.join(', ')})`);
  const outside = asked.filter((p) => !p.startsWith(SUB_PATH));
  assert.deepEqual(outside, [], 'no request escapes the sub-path (every URL is relative)');
});

test('the test server serves dist/ with the right types, and 404 otherwise', async () => {
  const types = {
    '': 'text/html',
    'main.js': 'text/javascript',
    'style.css': 'text/css',
    'pkg/alliance_map_bg.wasm': 'application/wasm',
  };
  for (const base of [env.server.url + '/', env.server.subUrl]) {
    for (const [file, type] of Object.entries(types)) {
      const res = await fetch(base + file);
      assert.equal(res.status, 200, `${base}${file}`);
      assert.equal(res.headers.get('content-type').split(';')[0], type, `content type of ${base}${file}`);
      await res.arrayBuffer();
    }
    for (const file of ['missing.amap', 'pkg/', '..%2Fpackage.json', '%2e%2e/Cargo.toml']) {
      const res = await fetch(base + file);
      assert.equal(res.status, 404, `${base}${file} is not found`);
      await res.arrayBuffer();
    }
  }
});

// ---------------------------------------------------------------------------
// Drawing
// ---------------------------------------------------------------------------

test('every seed entity and relation is drawn', async () => {
  const ids = seedEntityIds();
  const relations = seedFile().match(/^\s*\[\[relation\]\]\s*$/gm) || [];
  await withMap(async (page) => {
    const st = await mapState(page);
    assert.equal(st.nodeCount, ids.length, 'nodeCount = number of [[entity]] blocks in data/seed.toml');
    assert.deepEqual([...st.entityIds].sort(), [...ids].sort(), 'the widget has exactly the seed entity ids');
    for (const id of ['huawei', 'changan', 'csia']) assert.ok(st.entityIds.includes(id), `entity ${id} present`);
    assert.equal(st.edgeCount, relations.length, 'edgeCount = number of [[relation]] blocks in data/seed.toml');
    assert.equal(st.drawn.nodes, st.nodeCount, 'every node drawn after the initial fit');
    assert.equal(st.drawn.edges, st.edgeCount, 'every edge drawn after the initial fit');
    assert.ok(st.drawn.labels > 0 && st.labels.length === st.drawn.labels, 'labels drawn and listed');
    // Every entity lies inside the canvas after the initial fit.
    const box = await canvasBox(page);
    for (const id of ids) {
      const p = await entityPosition(page, id);
      assert.ok(
        p.x >= box.left && p.x <= box.left + box.width && p.y >= box.top && p.y <= box.top + box.height,
        `${id} at (${p.x}, ${p.y}) lies inside the canvas ${JSON.stringify(box)}`,
      );
    }
  });
});

// ---------------------------------------------------------------------------
// Details panel and keyboard
// ---------------------------------------------------------------------------

test('clicking Huawei opens its details with relations and sources', async () => {
  await withMap(async (page) => {
    assert.equal(await panel(page).isHidden(), true, 'panel hidden before any click');
    await clickEntity(page, 'huawei');
    const st = await mapState(page);
    assert.equal(st.selected?.kind, 'entity');
    assert.equal(st.selected?.title, 'Huawei Technologies');
    const text = await panel(page).innerText();
    assert.match(text, /Huawei Technologies/);
    assert.equal(await panel(page).locator('h2.panel-title').textContent(), 'Huawei Technologies');
    const sentences = await panel(page).locator('.relation-sentence').allTextContents();
    assert.ok(
      sentences.some((s) => /Changan|joint venture/.test(s)),
      `a relation sentence mentions Changan or the joint venture: ${JSON.stringify(sentences)}`,
    );
    // The citations follow a "Sources" heading.
    const sources = panel(page).locator('h3', { hasText: /^Sources$/ });
    assert.equal(await sources.count(), 1, 'one "Sources" heading');
    const citations = panel(page).locator('h3:text-is("Sources") + ol.citations > li.citation');
    assert.ok((await citations.count()) >= 2, `at least two citations under Sources, got ${await citations.count()}`);
    const titles = await citations.allTextContents();
    assert.ok(
      titles.some((t) => t.includes('China Chip Industry Group Says It’ll Work With U.S. Counterpart')),
      `the chip-groups article is cited: ${JSON.stringify(titles)}`,
    );
  });
});

test('clicking a relation sentence in the panel shows that relation', async () => {
  await withMap(async (page) => {
    await clickEntity(page, 'huawei');
    const sentence = panel(page).locator('.relation-sentence', { hasText: /Changan/ }).first();
    const text = await sentence.textContent();
    await sentence.click();
    await page.waitForFunction(() => document.querySelector('#map').allianceMap.state().selected?.kind === 'relation', null, {
      timeout: 5000,
    });
    const st = await mapState(page);
    assert.equal(st.selected.kind, 'relation');
    assert.match(st.selected.title, /Huawei/, 'the relation title names Huawei');
    assert.equal(await panel(page).locator('h2.panel-title').textContent(), st.selected.title, 'panel heading = selected title');
    assert.equal(await panel(page).locator('h3', { hasText: /^Relation$/ }).count(), 1, 'a "Relation" section');
    assert.deepEqual(await panel(page).locator('.relation-sentence').allTextContents(), [text], 'the panel shows the clicked sentence');
    assert.equal(await panel(page).locator('.relation-other').count(), 1, 'a "Show the other end" button');
  });
});

test('Escape closes the panel and clears the selection', async () => {
  await withMap(async (page) => {
    await clickEntity(page, 'huawei');
    assert.notEqual((await mapState(page)).selected, null);
    await page.keyboard.press('Escape');
    await panel(page).waitFor({ state: 'hidden', timeout: 5000 });
    assert.equal((await mapState(page)).selected, null, 'selection cleared');
    assert.equal(await panel(page).locator('*').count(), 0, 'panel emptied');
  });
});

test(
  'Escape still closes the panel after following a relation sentence',
  async () => {
    await withMap(async (page) => {
      await clickEntity(page, 'huawei');
      await panel(page).locator('.relation-sentence').first().click();
      await page.waitForFunction(() => document.querySelector('#map').allianceMap.state().selected?.kind === 'relation');
      assert.equal(
        await page.evaluate(() => document.querySelector('#map').contains(document.activeElement)),
        true,
        'keyboard focus stays inside the widget after following a relation sentence',
      );
      await page.keyboard.press('Escape');
      await nextFrames(page);
      assert.equal(await panel(page).isHidden(), true, 'Escape after following a relation sentence hides the panel');
      assert.equal((await mapState(page)).selected, null, 'and clears the selection');
    });
  },
);

test(
  'Escape closes the panel while keyboard focus is inside it',
  async () => {
    await withMap(async (page) => {
      await clickEntity(page, 'huawei');
      await panel(page).locator('.relation-sentence').first().focus();
      await page.keyboard.press('Escape');
      await nextFrames(page);
      assert.equal(await panel(page).isHidden(), true, 'Escape with focus on a relation sentence hides the panel');
      assert.equal((await mapState(page)).selected, null, 'and clears the selection');
    });
  },
);

// ---------------------------------------------------------------------------
// Bad datasets: a clear message, not a blank box
// ---------------------------------------------------------------------------

test('a missing dataset shows an error naming the HTTP status', async () => {
  await withPage(DESKTOP, async (page) => {
    const errors = await openBrokenMap(page, env.server.url, '/?data=missing.amap');
    const box = page.locator('#map .am-error');
    assert.equal(await box.isVisible(), true, '.am-error is visible');
    assert.equal(await box.getAttribute('role'), 'alert');
    const text = await box.innerText();
    assert.match(text, /could not be shown/);
    assert.match(text, /404/);
    assert.match(text, /missing\.amap/, 'the message names the file');
    const size = await box.boundingBox();
    assert.ok(size.width > 100 && size.height > 20, `the error box has a size: ${JSON.stringify(size)}`);
    // Expected: the browser logs the failed fetch. Nothing else may be logged.
    assert.deepEqual(unexpectedErrors(errors, [/Failed to load resource: .*404.*missing\.amap/]), [], 'only the expected 404 is logged');
  });
});

test('a file that is not a compiled dataset shows an error saying so', async () => {
  await withPage(DESKTOP, async (page) => {
    const errors = await openBrokenMap(page, env.server.url, '/?data=index.html');
    const box = page.locator('#map .am-error');
    assert.equal(await box.isVisible(), true, '.am-error is visible');
    const text = await box.innerText();
    assert.match(text, /could not be shown/);
    assert.match(text, /not a compiled alliance-map file/);
    assert.deepEqual(unexpectedErrors(errors, [/Failed to load resource/]), [], 'no unexpected console or page error');
  });
});

// ---------------------------------------------------------------------------
// Phone: high-DPI backing store and touch
// ---------------------------------------------------------------------------

test('on a phone (390x844 @3x, touch) the map draws sharp and a tap opens details', async () => {
  await withMap(
    async (page) => {
      const st = await mapState(page);
      assert.equal(st.drawn.nodes, st.nodeCount, 'every node drawn on the phone');
      const c = await page.evaluate(() => {
        const canvas = document.querySelector('#map .am-canvas');
        const r = canvas.getBoundingClientRect();
        return { width: canvas.width, height: canvas.height, cssWidth: r.width, cssHeight: r.height, dpr: devicePixelRatio };
      });
      assert.equal(c.dpr, 3);
      assert.ok(c.cssWidth > 300 && c.cssWidth <= 390, `canvas fits the phone width: ${c.cssWidth}`);
      assert.equal(c.width, Math.round(c.cssWidth * 3), 'backing store width = 3 x CSS width');
      assert.equal(c.height, Math.round(c.cssHeight * 3), 'backing store height = 3 x CSS height');
      assert.ok(
        (await page.evaluate(() => document.documentElement.scrollWidth)) <= 390,
        'no horizontal scrolling on the phone',
      );

      await page.locator('#map .am-canvas').scrollIntoViewIfNeeded();
      const p = await entityPosition(page, 'huawei');
      assert.ok(p.y > 0 && p.y < 844 && p.x > 0 && p.x < 390, `Huawei is on screen: ${JSON.stringify(p)}`);
      await page.touchscreen.tap(p.x, p.y); // the first tap wakes the map
      assert.equal((await mapState(page)).selected, null, 'the first tap only activates the map');
      await page.touchscreen.tap(p.x, p.y);
      await panel(page).waitFor({ state: 'visible', timeout: 5000 });
      assert.equal((await mapState(page)).selected?.title, 'Huawei Technologies');
    },
    { contextOptions: PHONE },
  );
});
