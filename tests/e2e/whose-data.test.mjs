// Whose data is on the page: a link to a published map (?data= on its page,
// ?src= on its embed page) cannot swap in a dataset its author did not
// configure; the demo pages load ?data= from their own origin only; built
// pages run under their own Content-Security-Policy meta tag with no
// violation, the PNG export and the legend included.
//
// Two origins from one server: http://127.0.0.1:PORT (the pages) and
// http://localhost:PORT (the "elsewhere"; its /other/ mount sends CORS).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, DESKTOP, useServerAndBrowser, buildSite, collectErrors, openMap, openBrokenMap, recordViolations, withContextPage, nextFrames } from './harness.mjs';

const OUT = path.join(ROOT, 'target/e2e/whose-data');
const SITES = { own: path.join(OUT, 'own'), open: path.join(OUT, 'open'), other: path.join(OUT, 'other') };
const SEED_TITLE = 'Industry alliances in Chinese cars and chips';
const OTHER_TITLE = 'The Ardent–Kestrel battery venture';

for (const dir of Object.values(SITES)) fs.mkdirSync(dir, { recursive: true });
const env = useServerAndBrowser({
  mounts: [
    { prefix: '/own/', dir: SITES.own },
    { prefix: '/open/', dir: SITES.open },
    { prefix: '/other/', dir: SITES.other, headers: { 'access-control-allow-origin': '*' } },
  ],
});
const elsewhere = () => env.server.url.replace('127.0.0.1', 'localhost');
const OTHER_DATA = () => `${elsewhere()}/other/data.amap`;
// 574 characters of data: link, as the attack used (the bytes do not matter: it must not be fetched).
const DATA_LINK = `data:application/octet-stream;base64,${'QU1BUA'.repeat(90)}`;

let built = false;
function buildSites() {
  if (built) return;
  buildSite('data/seed.toml', SITES.own);
  // The other origin's site, and a site that allows it.
  buildSite('tests/fixtures/docs_example.toml', SITES.other);
  buildSite('data/seed.toml', SITES.open, ['--allow-data-from', elsewhere()]);
  built = true;
}

function withPage(fn) {
  buildSites();
  return withContextPage(env.browser, { ...DESKTOP, acceptDownloads: true }, async (page) => {
    await recordViolations(page);
    return fn(page);
  });
}

const shown = (page) =>
  page.evaluate(() => ({
    title: document.getElementById('map-title').textContent,
    notice: document.querySelector('.am-notice')?.textContent ?? null,
    violations: window.__violations,
  }));

test('a published page opened with a foreign ?data= (or embed ?src=) shows its own map and says it only shows its own data', async () => {
  const links = [
    ['/', `?data=${encodeURIComponent('https://evil.example/x.amap')}`],
    ['/', `?data=${encodeURIComponent(OTHER_DATA())}`],
    ['/', `?data=${encodeURIComponent(DATA_LINK)}`],
    ['/', `?data=${encodeURIComponent('//evil.example/x.amap')}`],
    ['/', '?data=javascript:alert(1)'],
    ['/embed.html', `?src=${encodeURIComponent(OTHER_DATA())}`],
    ['/embed.html', `?src=${encodeURIComponent('blob:https://evil.example/1234')}`],
  ];
  for (const [file, query] of links) {
    await withPage(async (page) => {
      const requests = [];
      page.on('request', (r) => requests.push(r.url()));
      const errors = await openMap(page, `${env.server.url}/own/`, `${file}${query}`);
      const s = await shown(page);
      assert.equal(s.title, SEED_TITLE, `${query}: the page's own map`);
      assert.match(s.notice ?? '', /^This map only shows its own data\. The link asked for data from elsewhere \(.+\), which was not loaded\.$/, query);
      assert.ok(s.notice.length < 200, `the link is quoted short: ${s.notice.length} characters`);
      assert.deepEqual(requests.filter((u) => !u.startsWith(`${env.server.url}/own/`)), [], `${query}: nothing fetched from elsewhere`);
      assert.deepEqual(s.violations, [], `${query}: no CSP violation`);
      assert.deepEqual(errors, [], `${query}: no console or page error`);
    });
  }
});

test('a published page names its own data.amap the usual way, without a notice', async () => {
  await withPage(async (page) => {
    const errors = await openMap(page, `${env.server.url}/own/`, '/?data=data.amap');
    const s = await shown(page);
    assert.equal(s.title, SEED_TITLE);
    assert.equal(s.notice, null);
    assert.deepEqual(errors, []);
  });
});

test('a site built with --allow-data-from loads that origin\'s data (CSP connect-src allows it) and still refuses the rest', async () => {
  await withPage(async (page) => {
    const errors = await openMap(page, `${env.server.url}/open/`, `/?data=${encodeURIComponent(OTHER_DATA())}`);
    const s = await shown(page);
    assert.equal(s.title, OTHER_TITLE, 'the allowed origin\'s map');
    assert.equal(s.notice, null);
    assert.deepEqual(s.violations, []);
    assert.deepEqual(errors, []);
  });
  await withPage(async (page) => {
    const errors = await openMap(page, `${env.server.url}/open/`, '/embed.html?src=https%3A%2F%2Fevil.example%2Fx.amap');
    const s = await shown(page);
    assert.equal(s.title, SEED_TITLE);
    assert.match(s.notice, /^This map only shows its own data/);
    assert.deepEqual(s.violations, []);
    assert.deepEqual(errors, []);
  });
});

test('the demo page refuses cross-origin, data: and blob: links with a message in the map\'s place', async () => {
  for (const link of [OTHER_DATA(), DATA_LINK, 'blob:http://127.0.0.1/1234', 'https://evil.example/x.amap']) {
    await withPage(async (page) => {
      const errors = await openBrokenMap(page, env.server.url, `/?data=${encodeURIComponent(link)}`);
      const text = await page.locator('#map .am-error').textContent();
      assert.match(text, /^This map could not be shown\.This page loads \?data= only from its own site \(a relative or same-origin path\); .+ is not, so it was not loaded\.$/, text);
      assert.ok(text.length < 300, `the link is quoted short (${text.length})`);
      assert.deepEqual(errors, []);
    });
  }
  await withPage(async (page) => {
    await openBrokenMap(page, env.server.url, `/embed.html?src=${encodeURIComponent(OTHER_DATA())}`);
    assert.match(await page.locator('#map .am-error').textContent(), /This page loads \?src= only from its own site/);
  });
});

test('the demo page still loads ?data= from a relative or same-origin path', async () => {
  for (const link of ['own/data.amap', `${env.server.url}/other/data.amap`]) {
    await withPage(async (page) => {
      const errors = await openMap(page, env.server.url, `/?data=${encodeURIComponent(link)}`);
      assert.ok((await shown(page)).title.length > 0);
      assert.deepEqual(errors, [], link);
    });
  }
});

test('a published page ships its CSP meta tag; the legend and the PNG export work under it with no violation', async () => {
  await withPage(async (page) => {
    const errors = collectErrors(page);
    await openMap(page, `${env.server.url}/own/`, '/');
    const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content);
    assert.equal(csp, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'");
    assert.ok(await page.locator('#map [part="legend"]').isVisible(), 'the legend is shown');
    assert.ok((await page.locator('#map [part="legend"] li').count()) > 3, 'with its entries');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the current view as PNG (2x)' }).click()]);
    assert.ok(fs.statSync(await download.path()).size > 10000, 'a PNG was saved');
    await nextFrames(page);
    assert.deepEqual((await shown(page)).violations, [], 'no securitypolicyviolation event');
    assert.deepEqual(errors, []);
  });
});
