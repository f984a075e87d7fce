// How a map is drawn, on sites written by `alliance-map build` and served
// from a sub-path (issues 14 and 15): Gephi's Les Misérables, an undirected
// network of one kind, is drawn without arrowheads and coloured by the
// communities found at build time, and its legend names each group by its
// most connected member; the seed, directed and of nine kinds, keeps its
// arrowheads and kind colours.
//
// Run from the repository root after scripts/build.sh:
//   node --test tests/e2e/drawing.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ROOT, DESKTOP, useServerAndBrowser, buildSite, withContextPage, openMap, mapState, entityPosition } from './harness.mjs';
import { GROUP_COLORS, KIND_COLORS } from '../../www/palette.js';

const OUT = path.join(ROOT, 'target/e2e/drawing');
const SITES = {
  lesmis: { data: 'tests/fixtures/import-corpus/gephi-les-miserables.gexf', prefix: '/graphics/lesmis/' },
  seed: { data: 'data/seed.toml', prefix: '/graphics/seed/' },
};

const env = useServerAndBrowser(() => {
  for (const [name, { data }] of Object.entries(SITES)) buildSite(path.join(ROOT, data), path.join(OUT, name));
  return { mounts: Object.entries(SITES).map(([name, { prefix }]) => ({ prefix, dir: path.join(OUT, name) })) };
});

const site = (name) => new URL(SITES[name].prefix, env.server.url).href;

/** The canvas pixel (r, g, b) at viewport point (x, y). */
function pixelAt(page, { x, y }) {
  return page.evaluate(({ x, y }) => {
    const canvas = document.querySelector('#map .am-canvas');
    const r = canvas.getBoundingClientRect();
    const scale = canvas.width / r.width;
    return Array.from(canvas.getContext('2d').getImageData(Math.round((x - r.left) * scale), Math.round((y - r.top) * scale), 1, 1).data.slice(0, 3));
  }, { x, y });
}

/** `hex` as the canvas paints a node over the white background (alpha 0.9, render.js). */
const painted = (hex) => [1, 3, 5].map((i) => Math.round(parseInt(hex.slice(i, i + 2), 16) * 0.9 + 255 * 0.1));
const near = (a, b) => a.every((v, i) => Math.abs(v - b[i]) <= 6);

test('an undirected network of one kind: no arrowheads, colours by group, a legend naming the groups', async () => {
  await withContextPage(env.browser, DESKTOP, async (page) => {
    const errors = await openMap(page, site('lesmis'));
    const state = await mapState(page);
    assert.equal(state.nodeCount, 77);
    assert.ok(state.drawn.edges > 150, `${state.drawn.edges} ties drawn`);
    assert.equal(state.drawn.arrows, 0, 'an undirected tie has no arrowhead');
    const legend = await page.locator('#map .legend-kinds').innerText();
    assert.match(legend, /Gavroche\u2069?’s group \(17\)/, legend);
    assert.match(legend, /Valjean\u2069?’s group \(16\)/, legend);
    assert.match(legend, /Smaller groups \(10\)/, legend);
    assert.doesNotMatch(legend, /Other \(77\)/, 'not one kind that says nothing');
    // Valjean's circle is painted in his group's colour (the second biggest).
    const id = state.entityIds.find((i) => /^n?11$/.test(i));
    const valjean = await entityPosition(page, id);
    const colour = await pixelAt(page, valjean);
    assert.ok(near(colour, painted(GROUP_COLORS[1])), `Valjean is painted ${colour}, his group's colour is ${painted(GROUP_COLORS[1])}`);
    assert.deepEqual(errors, []);
  });
});

test('the seed, directed and of nine kinds, keeps its arrowheads and kind colours', async () => {
  await withContextPage(env.browser, DESKTOP, async (page) => {
    const errors = await openMap(page, site('seed'));
    const state = await mapState(page);
    assert.equal(state.drawn.arrows, state.drawn.edges, 'every tie drawn has its arrowhead');
    const legend = await page.locator('#map .legend-kinds').innerText();
    assert.match(legend, /Company \(\d+\)/);
    assert.doesNotMatch(legend, /’s group/);
    const huawei = await entityPosition(page, 'huawei');
    assert.ok(near(await pixelAt(page, huawei), painted(KIND_COLORS[0])), 'Huawei is painted in the company colour');
    assert.deepEqual(errors, []);
  });
});
