// End-to-end tests of what `alliance-map build` publishes, not of the demo's
// own pages: two sites written by the CLI (the seed, and the docs example with
// another title) are served from sub-paths (/news/maps/seed/ and
// /news/maps/battery/), each built with --base-url at the address it is
// served from, and read as a reader and a CMS would: the map page, the
// iframe embed page, oembed.json and its discovery link, an article that
// embeds the seed through the oEmbed snippet (an iframe) and the second site
// through <alliance-map>, element reloads that must free what they used, and
// the size of a 10,000-entity site's page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ROOT, DESKTOP, PHONE, useServerAndBrowser, buildSite, collectErrors, openMap, withContextPage, writeSynthToml } from './harness.mjs';

const OUT = path.join(ROOT, 'target/e2e/published');
const SITES = { seed: path.join(OUT, 'seed'), battery: path.join(OUT, 'battery'), big: path.join(OUT, 'big'), mid: path.join(OUT, 'mid') };
const SEED_TITLE = 'Industry alliances in Chinese cars and chips';
const BATTERY_TITLE = 'The Ardent–Kestrel battery venture';

for (const dir of Object.values(SITES)) fs.mkdirSync(dir, { recursive: true });
// Files are read per request, so the sites can be built once the server's address is known.
const env = useServerAndBrowser({
  mounts: [
    { prefix: '/news/maps/seed/', dir: SITES.seed },
    { prefix: '/news/maps/battery/', dir: SITES.battery },
    { prefix: '/news/maps/big/', dir: SITES.big },
    { prefix: '/news/maps/mid/', dir: SITES.mid },
    { prefix: '/test/', dir: path.join(ROOT, 'tests/e2e/pages') },
  ],
});
const base = (name) => `${env.server.url}/news/maps/${name}/`;

// Built on first use, once the server (and so each site's address) is up.
let built = false;
function buildSites() {
  if (built) return;
  buildSite('data/seed.toml', SITES.seed, ['--base-url', base('seed')]);
  buildSite('tests/fixtures/docs_example.toml', SITES.battery, ['--base-url', base('battery')]);
  built = true;
}

function withPage(options, fn) {
  buildSites();
  return withContextPage(env.browser, options, fn);
}

const read = (site, file) => fs.readFileSync(path.join(SITES[site], file), 'utf8');

test('each published map page draws its own dataset from its sub-path, with its own title', async () => {
  for (const [site, title] of [['seed', SEED_TITLE], ['battery', BATTERY_TITLE]]) {
    await withPage(DESKTOP, async (page) => {
      const errors = await openMap(page, base(site), '/');
      const shown = await page.evaluate(() => ({ heading: document.getElementById('map-title').textContent, title: document.title, nodes: document.querySelector('#map').allianceMap.state().nodeCount }));
      assert.equal(shown.heading, title, `${site}: the page's heading is the dataset's title`);
      assert.ok(shown.title.startsWith(title), `${site}: the tab says ${shown.title}`);
      assert.ok(shown.nodes > 0);
      assert.deepEqual(errors, [], `${site}: no console or page error`);
    });
  }
});

test("each published embed page draws its map (it has the heading embed.js fills) on desktop and phone", async () => {
  for (const [site, title] of [['seed', SEED_TITLE], ['battery', BATTERY_TITLE]]) {
    for (const options of [DESKTOP, PHONE]) {
      await withPage(options, async (page) => {
        const errors = await openMap(page, base(site), '/embed.html');
        const heading = await page.evaluate(() => document.getElementById('map-title')?.textContent);
        assert.equal(heading, title, `${site}: the screen-reader heading names the map`);
        assert.equal(await page.title(), title);
        assert.deepEqual(errors, [], `${site} embed: no console or page error`);
      });
    }
  }
});

test('oembed.json is the site\'s own: its --base-url, its title, and every page links it', async () => {
  buildSites();
  for (const [site, title] of [['seed', SEED_TITLE], ['battery', BATTERY_TITLE]]) {
    const oembed = JSON.parse(read(site, 'oembed.json'));
    assert.equal(oembed.title, title);
    assert.ok(oembed.html.includes(`src="${base(site)}embed.html"`), `${site}: ${oembed.html}`);
    for (const pageFile of ['index.html', 'embed.html']) {
      await withPage(DESKTOP, async (page) => {
        await page.goto(base(site) + pageFile);
        const href = await page.evaluate(() => document.querySelector('link[rel="alternate"][type="application/json+oembed"]')?.href);
        assert.equal(href, `${base(site)}oembed.json`, `${site}/${pageFile} links its oEmbed response`);
        const fetched = await page.evaluate((u) => fetch(u).then((r) => r.json()), href);
        assert.equal(fetched.title, title, 'a CMS following the link gets this map, not the demo');
      });
    }
  }
});

test('an article embeds the seed through its oEmbed snippet and the second site as <alliance-map>: both draw, the iframe fits its map', async () => {
  for (const options of [DESKTOP, PHONE]) {
    await withPage(options, async (page) => {
      const errors = collectErrors(page);
      await page.goto(`${env.server.url}/test/published-article.html`);
      // What a CMS does: fetch the oEmbed response and paste its html.
      await page.evaluate(async (u) => {
        const { html } = await fetch(u).then((r) => r.json());
        document.getElementById('oembed-slot').innerHTML = html;
      }, `${base('seed')}oembed.json`);
      const frameEl = page.locator('iframe.alliance-map-embed');
      await frameEl.scrollIntoViewIfNeeded();
      const frame = await (await frameEl.elementHandle()).contentFrame();
      await frame.waitForFunction(() => document.querySelector('#map')?.allianceMap?.state().drawn.nodes > 0, null, { timeout: 15000 });
      assert.equal(await frame.evaluate(() => document.querySelector('#map .am-error')), null, 'no error box in the iframe');
      await page.waitForFunction(() => parseFloat(document.querySelector('iframe.alliance-map-embed').style.height) > 300, null, { timeout: 5000 });
      const height = await frameEl.evaluate((f) => f.getBoundingClientRect().height);
      const inner = await frame.evaluate(() => document.getElementById('map').getBoundingClientRect().bottom);
      assert.ok(height < 1500, `the iframe is as tall as its map, not 4,000 px of blank: ${height}`);
      assert.ok(inner <= height + 1, `the whole map fits in the iframe: ${inner} > ${height}`);

      const element = page.locator('#element-map');
      await element.scrollIntoViewIfNeeded();
      await page.waitForFunction(() => document.getElementById('element-map').widget?.state().drawn.nodes > 0, null, { timeout: 15000 });
      const meta = await page.evaluate(() => document.getElementById('element-map').widget.meta());
      assert.equal(meta.title, BATTERY_TITLE, 'the element shows the second site\'s data');
      assert.deepEqual(errors, [], 'no console or page error');
    });
  }
});

/** Listener counts on the element's map container and on window, through the DevTools protocol. */
async function listenerCounts(page, cdp) {
  const count = async (expression) => {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
    return listeners.length;
  };
  return {
    container: await count("document.getElementById('element-map').shadowRoot.children[1]"),
    window: await count('window'),
  };
}

test('200 src changes of <alliance-map> free what each map used: wasm memory and listeners come back', async () => {
  await withPage(DESKTOP, async (page) => {
    const errors = collectErrors(page);
    await page.goto(`${env.server.url}/test/published-article.html`);
    await page.locator('#element-map').scrollIntoViewIfNeeded();
    const cdp = await page.context().newCDPSession(page);
    // Alternates the two sites' data; resolves when each new map is interactive.
    const reload = (times) =>
      page.evaluate(async ({ times, urls }) => {
        const el = document.getElementById('element-map');
        const ready = (prev) =>
          new Promise((resolve, reject) => {
            const t0 = performance.now();
            const tick = () => {
              const w = el.widget;
              if (w && w !== prev && w.state().drawn.nodes > 0) resolve(w);
              else if (performance.now() - t0 > 10000) reject(new Error('a reload did not finish within 10 s'));
              else requestAnimationFrame(tick);
            };
            tick();
          });
        let w = await ready(null);
        for (let i = 0; i < times; i++) {
          el.setAttribute('src', urls[i % 2]);
          w = await ready(w);
        }
        return w.views.memory.buffer.byteLength;
      }, { times, urls: ['/news/maps/seed/data.amap', '/news/maps/battery/data.amap'] });
    const warm = await reload(10);
    const listenersBefore = await listenerCounts(page, cdp);
    const after = await reload(200);
    const listenersAfter = await listenerCounts(page, cdp);
    assert.ok(after - warm < 1024 * 1024, `wasm memory grew by ${((after - warm) / 1048576).toFixed(1)} MB over 200 reloads (${warm} → ${after} bytes)`);
    assert.deepEqual(listenersAfter, listenersBefore, 'no listener is left behind on the reused container or on window');
    // The element removed from the page frees its map too.
    const removed = await page.evaluate(() => {
      const el = document.getElementById('element-map');
      const w = el.widget;
      el.remove();
      return w.destroyed === true;
    });
    assert.ok(removed, 'removing the element destroys its widget');
    assert.deepEqual(errors, [], 'no console or page error');
  });
});

test("a 10,000-entity site's page stays small: the most connected entities in it, every entity on the text pages", async () => {
  const toml = path.join(OUT, 'big.toml');
  writeSynthToml(toml, 10000, 20000, 1);
  // --no-layout: the same pages, without laying out 10k entities in a debug build.
  buildSite(toml, SITES.big, ['--no-layout']);
  const index = fs.readFileSync(path.join(SITES.big, 'index.html'));
  const gzipped = zlib.gzipSync(index, { level: 9 }).length;
  assert.ok(gzipped <= 100 * 1024, `index.html is ${(gzipped / 1024).toFixed(1)} KB gzip (at most 100 KB)`);
  await withPage({ ...DESKTOP, javaScriptEnabled: false }, async (page) => {
    await page.goto(base('big'));
    const listed = await page.locator('.am-fallback article').count();
    assert.ok(listed >= 100 && listed < 10000, `${listed} entities listed without JavaScript`);
    await page.getByRole('link', { name: 'Every entity and relation as text' }).click();
    await page.waitForURL(/text\.html$/);
    assert.equal(await page.locator('.am-fallback article').count(), 5000, 'the first text page lists 5,000');
    await page.getByRole('link', { name: 'Next' }).first().click();
    await page.waitForURL(/text-2\.html$/);
    assert.equal(await page.locator('.am-fallback article').count(), 5000, 'the second the other 5,000');
  });
});

test('the text view of a 1,000-entity map comes a page at a time and turns to what the map selects', async () => {
  const toml = path.join(OUT, 'mid.toml');
  writeSynthToml(toml, 1000, 2000, 3);
  buildSite(toml, SITES.mid);
  await withPage(DESKTOP, async (page) => {
    const errors = await openMap(page, base('mid'), '/');
    const section = page.locator('#map .am-textview');
    await page.locator('#map').getByRole('button', { name: 'Text view' }).click();
    assert.equal(await section.locator('.am-text-entity').count(), 200, 'one page of 200 entities');
    const status = section.locator('.am-text-page');
    assert.equal(await status.textContent(), 'Entities 1–200 of 1,000');
    await section.getByRole('button', { name: 'Next' }).click();
    assert.equal(await status.textContent(), 'Entities 201–400 of 1,000');
    // Selecting entity 900 on the map turns the text view to its page and marks it.
    const id = await page.evaluate(() => document.querySelector('#map').allianceMap.state().entityIds[900]);
    await page.evaluate(() => document.querySelector('#map').allianceMap.select('entity', 900));
    assert.equal(await status.textContent(), 'Entities 801–1,000 of 1,000');
    const current = section.locator('.am-text-entity[aria-current="true"] .am-text-name');
    assert.equal(await current.count(), 1);
    const name = await page.evaluate((i) => document.querySelector('#map').allianceMap.entities[i].name, 900);
    assert.equal((await current.textContent()).replace(/[\u2068\u2069]/g, ''), name, `${id} is marked on its page`);
    assert.ok(await section.getByRole('button', { name: 'Next' }).isDisabled(), 'no page after the last');
    assert.deepEqual(errors, []);
  });
});
