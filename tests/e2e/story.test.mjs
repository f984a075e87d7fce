// Story steps end to end, on what `alliance-map build` publishes: the seed's
// site (six steps) and a second small story, served from sub-paths, read
// through long article pages that load the site's own element.js and
// story.js?auto under a strict Content-Security-Policy (no inline script).
// Scrolling a step's paragraph to the middle of the viewport shows that
// step (desktop and phone); a reader who prefers reduced motion gets the
// step's view at once, others a short eased move; two maps on one page
// follow their own paragraphs; the iframe embed follows through
// postMessage; the step bar works by keyboard and is read out; #step=3
// opens step 3; the text view and the no-JavaScript page list the steps,
// with each step's static picture.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, DESKTOP, PHONE, CSP_HEADERS, useServerAndBrowser, buildSite, collectErrors, openMap, withContextPage, nextFrames, unexpectedErrors } from './harness.mjs';
import { runAxe } from './reader.mjs';

const OUT = path.join(ROOT, 'target/e2e/story');
const SEED = path.join(OUT, 'seed');
const BATTERY = path.join(OUT, 'battery');
const ARTICLES = path.join(OUT, 'articles');
for (const dir of [SEED, BATTERY, ARTICLES]) fs.mkdirSync(dir, { recursive: true });

// A second story: the docs' example with two steps of its own.
const BATTERY_TOML = path.join(OUT, 'battery.toml');
fs.writeFileSync(
  BATTERY_TOML,
  `${fs.readFileSync(path.join(ROOT, 'tests/fixtures/docs_example.toml'), 'utf8')}
[[step]]
title = "Ardent's venture"
text = "Ardent holds most of the venture [wire-2023-09]."
select = "ardent-kestrel"

[[step]]
title = "Kestrel"
text = "Its partner."
select = "kestrel"
camera = "all"
`,
);

const env = useServerAndBrowser({
  headers: CSP_HEADERS,
  mounts: [
    { prefix: '/news/maps/seed/', dir: SEED },
    { prefix: '/news/maps/battery/', dir: BATTERY },
    { prefix: '/news/articles/', dir: ARTICLES },
  ],
});
const siteUrl = (name) => `${env.server.url}/news/maps/${name}/`;

const FILLER = '<p class="filler">The article goes on between its steps; the map stays in view beside it.</p>'.repeat(6);
/** Paragraphs for steps 1..n, each with filler text around it. */
const paragraphs = (n, attrs = '') => Array.from({ length: n }, (_, i) => `${FILLER}<p class="am-story-card" ${attrs} data-alliance-map-step="${i + 1}">Step ${i + 1} of the article.</p>`).join('\n');

/** An article page on the same host as the sites, that loads the seed site's story.js and story.css. */
function article(name, body) {
  const seed = '/news/maps/seed/';
  const html = `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${name}</title><link rel="icon" href="${seed}favicon.svg"><link rel="stylesheet" href="${seed}story.css">
<script type="module" src="${seed}element.js"></script><script type="module" src="${seed}story.js?auto"></script></head>
<body><main><h1>How the car and chip alliances tie together</h1>${body}</main></body></html>\n`;
  fs.writeFileSync(path.join(ARTICLES, `${name}.html`), html);
  return `${env.server.url}/news/articles/${name}.html`;
}

let built = false;
function buildSites() {
  if (built) return;
  buildSite('data/seed.toml', SEED);
  buildSite(BATTERY_TOML, BATTERY);
  built = true;
}

async function withPage(options, fn) {
  buildSites();
  return withContextPage(env.browser, options, async (page) => {
    const errors = collectErrors(page);
    await fn(page);
    assert.deepEqual(unexpectedErrors(errors), [], 'no console or page error');
  });
}

/** The story map `selector`'s widget state, once it is interactive. */
async function mapState(page, selector = 'alliance-map') {
  await page.waitForFunction((s) => document.querySelector(s)?.widget?.state, selector, { timeout: 15000 });
  return page.evaluate((s) => document.querySelector(s).widget.state(), selector);
}

/** Scrolls the paragraph of step `n` (of the map `owner`, by its paragraphs' attribute) to the middle of the viewport. */
async function scrollToStep(page, n, scope = '') {
  await page.locator(`${scope} [data-alliance-map-step="${n}"]`).first().evaluate((p) => p.scrollIntoView({ block: 'center' }));
}

async function waitForStep(page, n, selector = 'alliance-map') {
  await page.waitForFunction(([s, n]) => document.querySelector(s)?.widget?.currentStep === n, [selector, n], { timeout: 10000 });
  // The labels are placed anew on the next drawn frame.
  await nextFrames(page, 3);
}

const storyArticle = () =>
  article(
    'story',
    `<section class="am-story-layout"><div class="am-story-map"><alliance-map story src="/news/maps/seed/data.amap"></alliance-map></div>
<div class="am-story-text">${paragraphs(6)}</div></section>${FILLER}`,
  );

for (const [profile, options] of [['desktop', DESKTOP], ['phone', PHONE]]) {
  test(`${profile}: scrolling an article to step 3's paragraph selects its entity, step 4's shows its path, step 6's highlights its entities`, async () => {
    await withPage(options, async (page) => {
      await page.goto(storyArticle());
      await mapState(page);
      await scrollToStep(page, 3);
      await waitForStep(page, 3);
      let state = await mapState(page);
      assert.equal(state.selected?.title, 'Huawei–Changan smart-car venture', 'step 3 selects the venture');
      assert.equal(await page.locator('[data-alliance-map-step="3"]').getAttribute('aria-current'), 'step', 'the paragraph of the step shown is marked');
      assert.ok(state.labels.includes('Huawei–Changan joint venture'), `the selected venture is named: ${state.labels.join(', ')}`);
      await scrollToStep(page, 4);
      await waitForStep(page, 4);
      // The recipe keeps the map in view while the text scrolls: beside it on a desktop, a sticky band on top on a phone.
      const box = await page.locator('alliance-map').boundingBox();
      const vh = options.viewport.height;
      assert.ok(box.y >= -1 && box.y + box.height <= vh + 1, `the map stays in view at step 4: ${JSON.stringify(box)} of ${vh} px`);
      if (profile === 'phone') assert.ok(box.y < 20 && box.height < 0.6 * vh, `a band across the top: ${JSON.stringify(box)}`);
      state = await mapState(page);
      assert.deepEqual(state.path && [state.path.from, state.path.to], ['changan-capital', 'huawei'], 'step 4 shows the path from Changan Capital to Huawei');
      for (const name of ['Changan Capital', 'Changan Automobile', 'Huawei Technologies']) assert.ok(state.labels.includes(name), `${name}, on the path, is named: ${state.labels.join(', ')}`);
      await scrollToStep(page, 6);
      await waitForStep(page, 6);
      state = await mapState(page);
      assert.deepEqual([state.path?.from, state.path?.to], ['huawei', 'sia']);
      for (const name of ['United States government', 'SMIC', 'Xu Zhijun']) assert.ok(state.labels.includes(name), `${name} is named at step 6`);
      // Back up the article: the earlier step again.
      await scrollToStep(page, 1);
      await waitForStep(page, 1);
      state = await mapState(page);
      assert.equal(state.path, null, 'step 1 has no path');
      assert.ok(state.filter.hiddenTypes.includes('competitor_of'), 'step 1 shows only the alliance’s ties');
      const bar = await page.evaluate(() => document.querySelector('alliance-map').shadowRoot.querySelector('.am-steps .am-step-status').textContent);
      assert.equal(bar, '1 of 6');
    });
  });
}

test('reduced motion: a step’s view comes at once; otherwise the camera eases there within 600 ms', async () => {
  const zoomsDuring = async (reducedMotion) => {
    let zooms = [];
    await withPage({ ...DESKTOP, reducedMotion }, async (page) => {
      await page.goto(storyArticle());
      await mapState(page);
      zooms = await page.evaluate(async () => {
        const map = document.querySelector('alliance-map').widget;
        const seen = [];
        const t0 = performance.now();
        map.step(6);
        seen.push(map.state().camera.zoom);
        while (performance.now() - t0 < 700) {
          await new Promise(requestAnimationFrame);
          seen.push(map.state().camera.zoom);
        }
        return seen;
      });
    });
    return zooms;
  };
  const reduced = await zoomsDuring('reduce');
  assert.equal(new Set(reduced).size, 1, `with reduced motion the zoom is the step's from the call on: ${reduced.slice(0, 4).join(', ')}`);
  const moving = await zoomsDuring('no-preference');
  const last = moving.at(-1);
  assert.ok(new Set(moving).size > 3, `without it the zoom passes through in-between values (${new Set(moving).size} distinct)`);
  assert.ok(Math.abs(last - reduced[0]) < 1e-6, `and ends where the reduced-motion view starts: ${last} vs ${reduced[0]}`);
});

test('two maps on one page each follow their own paragraphs', async () => {
  await withPage(DESKTOP, async (page) => {
    const url = article(
      'two-maps',
      `<alliance-map id="cars" story src="/news/maps/seed/data.amap" style="--am-height: 60vh"></alliance-map>
${paragraphs(3)}
<alliance-map id="battery" story src="/news/maps/battery/data.amap" style="--am-height: 60vh"></alliance-map>
${paragraphs(2)}
<p data-alliance-map="cars" data-alliance-map-step="5">Back to the first map, by name.</p><div style="height: 100vh"></div>`,
    );
    await page.goto(url);
    await scrollToStep(page, 2, '#battery ~');
    await waitForStep(page, 2, '#battery');
    assert.equal((await mapState(page, '#battery')).selected?.title, 'Kestrel Cells', 'the second map shows its own step 2');
    await scrollToStep(page, 3);
    await waitForStep(page, 3, '#cars');
    assert.equal(await page.evaluate(() => document.querySelector('#battery').widget.currentStep), 2, 'the first map’s paragraph leaves the second map alone');
    await page.locator('[data-alliance-map="cars"]').evaluate((p) => p.scrollIntoView({ block: 'center' }));
    await waitForStep(page, 5, '#cars');
  });
});

test('the iframe embed follows the article’s paragraphs through postMessage', async () => {
  await withPage(DESKTOP, async (page) => {
    const url = article('iframe', `<iframe story src="/news/maps/seed/embed.html" title="The map" style="position: sticky; top: 0; width: 100%; height: 70vh; border: 0"></iframe>${paragraphs(6)}${FILLER}`);
    await page.goto(url);
    const frame = page.frameLocator('iframe');
    await frame.locator('.am-canvas').waitFor();
    await scrollToStep(page, 5);
    const inner = page.frames().find((f) => f.url().includes('embed.html'));
    await inner.waitForFunction(() => document.querySelector('#map').allianceMap?.currentStep === 5, null, { timeout: 10000 });
    const state = await inner.evaluate(() => document.querySelector('#map').allianceMap.state());
    assert.equal(state.selected?.title, 'CSIA–SIA working group', 'step 5 selects the working group inside the iframe');
  });
});

test('the step bar: Next and Previous, Left and Right while it has the focus, read out; #step=3 opens step 3; the text view lists the steps; axe-core finds nothing', async () => {
  // axe-core goes in as an inline script: the page's own policy is set aside for it.
  await withPage({ ...DESKTOP, bypassCSP: true }, async (page) => {
    await openMap(page, siteUrl('seed'), '/');
    const bar = page.locator('#map .am-steps');
    await bar.getByRole('button', { name: 'Story: 6 steps' }).click();
    await page.waitForFunction(() => document.querySelector('#map').allianceMap.currentStep === 1);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('#map').allianceMap.currentStep === 3);
    assert.equal(await bar.locator('.am-step-status').textContent(), '3 of 6');
    assert.match(await bar.locator('.am-step-text').textContent(), /expected to hold up to 40% of it \[1\]/, 'the caption keeps the hedge and cites its source');
    assert.equal(await bar.locator('.am-step-cite').getAttribute('aria-label'), 'source: “Huawei\'s Strategic Move into Smart Vehicle Joint Venture”');
    assert.match(await bar.locator('.am-step-notes').textContent(), /Changan Automobile → Huawei–Changan smart-car venture: Expected to hold up to 40%/);
    await nextFrames(page, 3);
    const shown = await page.evaluate(() => document.querySelector('#map').allianceMap.state());
    assert.ok(shown.labels.includes('Note: Expected to hold up to 40%'), `the step's note is placed on the map beside the stake: ${shown.labels.join(', ')}`);
    const live = shown.live;
    assert.match(live, /^Step 3 of 6: Huawei and Changan plan a smart-car venture\. .*Selected: Huawei–Changan smart-car venture\./, live);
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => document.querySelector('#map').allianceMap.currentStep === 2);
    assert.equal(new URL(page.url()).hash, '#step=2', 'the link carries the step');
    await runAxe(page, 'the seed site with its story bar at step 2');
    // A link to step 3 opens it.
    await page.goto(`${siteUrl('seed')}#step=3`);
    await page.waitForFunction(() => document.querySelector('#map').allianceMap?.currentStep === 3, null, { timeout: 15000 });
    assert.equal((await page.evaluate(() => document.querySelector('#map').allianceMap.state())).selected?.title, 'Huawei–Changan smart-car venture');
    // The text view: the steps in order, the one shown marked.
    await page.locator('#map').getByRole('button', { name: 'Text view' }).click();
    const items = page.locator('#map .am-text-story > li');
    assert.equal(await items.count(), 6);
    assert.equal(await items.nth(2).getAttribute('aria-current'), 'step');
    assert.match(await items.nth(3).textContent(), /Path from Changan Capital to Huawei Technologies:/);
    await items.nth(4).getByRole('button', { name: 'Show step 5 on the map' }).click();
    await page.waitForFunction(() => document.querySelector('#map').allianceMap.currentStep === 5);
  });
});

test('without JavaScript the published page lists the steps in order, each with its static picture and cited caption', async () => {
  await withPage({ ...DESKTOP, javaScriptEnabled: false }, async (page) => {
    await page.goto(siteUrl('seed'));
    const steps = page.locator('.am-story li');
    assert.equal(await steps.count(), 6);
    assert.equal(await steps.nth(2).locator('h3').textContent(), 'Step 3: Huawei and Changan plan a smart-car venture');
    assert.match(await steps.nth(2).locator('p').first().textContent(), /expected to hold up to 40% of it \[2\]\.$/);
    for (let i = 1; i <= 6; i++) {
      const img = steps.nth(i - 1).locator('img');
      assert.equal(await img.getAttribute('src'), `steps/${i}.svg`);
      const res = await page.request.get(`${siteUrl('seed')}steps/${i}.svg`);
      assert.equal(res.status(), 200, `steps/${i}.svg is published`);
      assert.match(await res.text(), new RegExp(`Step ${i} of 6: `), `steps/${i}.svg carries its caption`);
    }
  });
});
