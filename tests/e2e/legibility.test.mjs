// Who a reader sees named on the published seed map (built with `alliance-map
// build`, served from a sub-path): counted in the widget's own SVG export of
// the first view, at 1280x800 and on a 390 px phone; the selected hub and
// every entity on a deep-linked path named. Also checks that the label
// widths the native test (tests/legibility.rs) places with are Chromium's:
// UPDATE_EXPECT=1 rewrites tests/fixtures/labels/seed.json from this run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, DESKTOP, PHONE, useServerAndBrowser, buildSite, openMap, withContextPage, mapState, nextFrames, waitForStableView } from './harness.mjs';

const SITE = path.join(ROOT, 'target/e2e/legibility');
const FIXTURE = path.join(ROOT, 'tests/fixtures/labels/seed.json');
const env = useServerAndBrowser(() => {
  buildSite('data/seed.toml', SITE);
  return { mounts: [{ prefix: '/news/graphics/map/', dir: SITE }] };
});
const base = () => env.server.url + '/news/graphics/map/';
const ALLIANCE = 'Automotive Electronics Industry Investment Alliance';

/** The widget's SVG of the current view (what the SVG button saves), the names in its map, and the entities by degree. */
function exported(page) {
  return page.evaluate(() => {
    const w = document.querySelector('#map').allianceMap;
    const c = w.camera;
    const svg = w.handle.svg(c.x, c.y, c.zoom, w.viewport.width, w.viewport.height, 16, false);
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const named = [...doc.querySelectorAll('svg.am-map text')].map((t) => t.textContent);
    const rows = w.handle.entities();
    const byDegree = rows.map((r, i) => ({ i, degree: r.degree })).sort((a, b) => b.degree - a.degree || a.i - b.i);
    const label = (i) => w.names[i].replace('\n', ' ');
    return { named, names: rows.map((_, i) => label(i)), top10: byDegree.slice(0, 10).map((r) => label(r.i)) };
  });
}

for (const [profile, options, atLeast, topAtLeast] of [
  ['desktop 1280x800', DESKTOP, 40, 9],
  ['phone 390x844', PHONE, 32, 5],
]) {
  test(`${profile}: the published seed's first view names at least ${atLeast} of 47 entities and ${topAtLeast} of the 10 most connected, in the widget's SVG export`, async () => {
    await withContextPage(env.browser, options, async (page) => {
      await openMap(page, base());
      const { named, names, top10 } = await exported(page);
      const shown = (await mapState(page)).labels;
      assert.equal(names.length, 47);
      assert.ok(named.every((n) => names.includes(n)), `every label is a whole label (two-line ones too): ${named}`);
      // The canvas keeps labels from under its buttons, which the export has not: the two may name a few others.
      assert.ok(shown.length >= atLeast, `the canvas names ${shown.length}: ${shown.join(', ')}`);
      assert.ok(named.length >= atLeast, `${named.length} named: ${named.join(', ')}`);
      const top = top10.filter((n) => named.includes(n));
      if (process.env.LEGIBILITY_PRINT) console.log(`${profile}: canvas names ${shown.length} of 47, the SVG export ${named.length}, ${top.length} of the 10 most connected; unnamed of those: ${top10.filter((n) => !named.includes(n)).join(', ')}`);
      assert.ok(top.length >= topAtLeast, `${top.length} of the 10 most connected named (${top.join(', ')}); unnamed: ${top10.filter((n) => !named.includes(n))}`);
    });
  });
}

test('no label on the canvas lies under the zoom and export buttons, on desktop and on a phone', async () => {
  for (const options of [DESKTOP, PHONE]) {
    await withContextPage(env.browser, options, async (page) => {
      await openMap(page, base());
      const under = await page.evaluate(() => {
        const w = document.querySelector('#map').allianceMap;
        const c = w.canvas.getBoundingClientRect();
        const t = w.dom.toolbar.getBoundingClientRect();
        const labels = w.views.labels(w.labelCount);
        const out = [];
        for (let k = 0; k < labels.length; k += 7) {
          const [e, x, y] = [labels[k], c.left + labels[k + 1], c.top + labels[k + 2]];
          const lines = w.names[e].includes('\n') ? 2 : 1;
          const [top, bottom] = [y - 8 * lines, y + 8 * lines];
          if (x < t.right && x + w.labelWidths[e] > t.left && top < t.bottom && bottom > t.top) out.push(w.names[e]);
        }
        return out;
      });
      assert.deepEqual(under, [], `labels under the toolbar (${options.viewport.width} px)`);
    });
  }
});

test('selecting the alliance, the hub of 15 relations, names it, on desktop and on a phone', async () => {
  for (const options of [DESKTOP, PHONE]) {
    await withContextPage(env.browser, options, async (page) => {
      await openMap(page, base(), '/#sel=auto-electronics-investment-alliance');
      await waitForStableView(page);
      await nextFrames(page, 3);
      const state = await mapState(page);
      assert.equal(state.selected?.title, ALLIANCE);
      assert.ok(state.labels.includes(ALLIANCE), `named: ${state.labels}`);
    });
  }
});

test('a deep-linked path names every entity on it', async () => {
  await withContextPage(env.browser, DESKTOP, async (page) => {
    await openMap(page, base(), '/#path=csia~us-government');
    await waitForStableView(page);
    await nextFrames(page, 3);
    const state = await mapState(page);
    assert.ok(state.path, 'the path is highlighted');
    // On the path: what the path leaves unfaded (emphasis 1 is faded).
    const onPath = await page.evaluate(() => {
      const w = document.querySelector('#map').allianceMap;
      const emphasis = w.views.refresh().nodeEmphasis;
      return w.names.filter((_, i) => emphasis[i] !== 1).map((n) => n.replace('\n', ' '));
    });
    assert.ok(onPath.length >= 2, `a path: ${onPath}`);
    const { named } = await exported(page);
    assert.deepEqual(onPath.filter((n) => !named.includes(n)), [], `every entity on the path is named: ${named}`);
  });
});

test("the label widths tests/legibility.rs places with are Chromium's", async () => {
  const fresh = { how: 'Chromium label widths (measureText + 2, the longer line of two) of the seed and the canvas size of the published map at 1280x800 and 390x844; written by tests/e2e/legibility.test.mjs with UPDATE_EXPECT=1' };
  for (const [name, options] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    const seen = await withContextPage(env.browser, options, async (page) => {
      await openMap(page, base());
      return page.evaluate(() => {
        const w = document.querySelector('#map').allianceMap;
        return { names: w.names, widths: Array.from(w.labelWidths), size: [w.viewport.width, w.viewport.height] };
      });
    });
    // The widths are measured once, on the desktop page (one font, so the phone's are the same).
    if (name === 'desktop') Object.assign(fresh, { names: seen.names, widths: seen.widths });
    fresh[name] = seen.size;
  }
  if (process.env.UPDATE_EXPECT) fs.writeFileSync(FIXTURE, JSON.stringify(fresh) + '\n');
  const kept = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));
  assert.deepEqual({ ...kept, how: '' }, { ...fresh, how: '' }, 'rerun with UPDATE_EXPECT=1 to refresh the fixture');
});
