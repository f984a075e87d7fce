// Whose claim a reader is shown, and which edition, on what `alliance-map
// build` publishes: the working group's panel says it is CSIA's account,
// not confirmed by SIA, and the editor's inferences say so; the page says
// "Data as of …, version …" and lists the corrections once, with
// JavaScript (the widget's own footer, from the data it loaded) and
// without (the page's text, which the widget replaces), in the same words;
// an <alliance-map> on another site shows it too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, DESKTOP, useServerAndBrowser, buildSite, openMap, withContextPage } from './harness.mjs';

const SITE = path.join(ROOT, 'target/e2e/edition/seed');
const HOST = path.join(ROOT, 'target/e2e/edition/host');
fs.mkdirSync(SITE, { recursive: true });
fs.mkdirSync(HOST, { recursive: true });
const env = useServerAndBrowser({ mounts: [{ prefix: '/maps/seed/', dir: SITE }, { prefix: '/host/', dir: HOST }] });

let built = false;
const site = () => {
  if (!built) buildSite('data/seed.toml', SITE);
  built = true;
  return `${env.server.url}/maps/seed/`;
};
const EDITION = /^Data as of 2026-12-02, version [0-9a-f]{8}$/;

const editions = (page, root = 'document') =>
  page.evaluate((root) => {
    const at = root === 'document' ? document : document.querySelector(root).shadowRoot;
    return [...at.querySelectorAll('.am-edition')].map((f) => ({ line: f.querySelector('.am-edition-line').textContent, corrections: [...f.querySelectorAll('li')].map((li) => li.textContent) }));
  }, root);

test('the published page names its edition and corrections once, in the same words with and without JavaScript', async () => {
  const url = site();
  const without = await withContextPage(env.browser, { ...DESKTOP, javaScriptEnabled: false }, async (page) => {
    await page.goto(url);
    return editions(page);
  });
  const withJs = await withContextPage(env.browser, DESKTOP, async (page) => {
    await openMap(page, url, '/');
    return editions(page);
  });
  assert.equal(without.length, 1, 'the page text has one edition');
  assert.equal(withJs.length, 1, 'the widget replaces it with its own: still one');
  assert.match(withJs[0].line, EDITION);
  assert.deepEqual(withJs, without, 'the same version and corrections either way');
  assert.equal(withJs[0].corrections.length, 1);
  assert.match(withJs[0].corrections[0], /^Corrected on 2026-12-02: The working group's make-up, SIA's part in it .* Why: Earlier versions stated these as settled facts\. \(source: /);
});

test('an <alliance-map> on another site shows the edition of the data it loaded', async () => {
  const url = site();
  fs.writeFileSync(path.join(HOST, 'article.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><script type="module" src="/maps/seed/element.js"></script></head>
<body><main><h1>An article</h1><alliance-map id="map" src="/maps/seed/data.amap"></alliance-map></main></body></html>\n`);
  await withContextPage(env.browser, DESKTOP, async (page) => {
    await page.goto(`${env.server.url}/host/article.html`);
    await page.waitForFunction(() => document.querySelector('#map').widget?.state, null, { timeout: 15000 });
    const [edition] = await editions(page, '#map');
    assert.match(edition.line, EDITION);
    const published = await withContextPage(env.browser, { ...DESKTOP, javaScriptEnabled: false }, async (p) => {
      await p.goto(url);
      return editions(p);
    });
    assert.equal(edition.line, published[0].line, 'the version of the bytes it loaded: the published one');
  });
});

test('the panel says whose claim the working group is and that SIA has not confirmed it; an inferred parent says it is the editor’s', async () => {
  const url = site();
  await withContextPage(env.browser, DESKTOP, async (page) => {
    await openMap(page, url, '/');
    const panelFor = async (id) => {
      await page.evaluate((id) => {
        const map = document.querySelector('#map').allianceMap;
        map.select('entity', map.state().entityIds.indexOf(id));
      }, id);
      await page.locator('#map .am-panel').waitFor({ state: 'visible' });
      return page.locator('#map .am-panel').innerText();
    };
    const group = await panelFor('csia-sia-working-group');
    assert.match(group, /Semiconductor Industry Association is to take part in CSIA–SIA working group, according to CSIA \(announced; not confirmed\)/, group);
    const parent = await panelFor('changan-capital');
    assert.match(parent, /inferred by the editor/i, parent);
  });
});
