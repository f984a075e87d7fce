// What a screen reader finds inside the map without opening anything: the
// canvas is one graphics document, so the widget puts a visually hidden
// list of the entities shown right after it (www/entity-list.js), in step
// with the selection, the filters, the as-of date, the neighbourhood and
// the path. Counted in Chromium's accessibility tree (the DevTools
// protocol's Accessibility.getFullAXTree), under the map's own node: on a
// site `alliance-map build` wrote, served from a sub-path as a reader gets
// it, in the <alliance-map> element of an article, and on a 10,000-entity
// site (the 200 most connected, and where the rest are).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, DESKTOP, useServerAndBrowser, buildSite, writeSynthToml, openMap, withContextPage, nextFrames, mapState } from './harness.mjs';
import { ALLIANCE, CSIA, seedNeighbours, inMap, searchInput, button, chooseInCombobox, setDate } from './reader.mjs';

const OUT = path.join(ROOT, 'target/e2e/accessible-names');
const SITES = { seed: path.join(OUT, 'seed'), big: path.join(OUT, 'big') };
for (const dir of Object.values(SITES)) fs.mkdirSync(dir, { recursive: true });
const env = useServerAndBrowser(() => {
  buildSite('data/seed.toml', SITES.seed);
  return {
    mounts: [
      { prefix: '/news/maps/seed/', dir: SITES.seed },
      { prefix: '/news/maps/big/', dir: SITES.big },
      { prefix: '/test/', dir: path.join(ROOT, 'tests/e2e/pages') },
    ],
  };
});

/** data/seed.toml's entities, read from the file (not from the widget): [{id, name, kind, degree}]. */
function seedEntities() {
  const text = fs.readFileSync(path.join(ROOT, 'data/seed.toml'), 'utf8');
  const body = (block) => block.split(/^\s*\[\[/m)[0];
  const field = (block, key) => {
    const m = body(block).match(new RegExp(`^\\s*${key}\\s*=\\s*(".*")\\s*$`, 'm'));
    return m && JSON.parse(m[1]);
  };
  const entities = text.split(/^\s*\[\[entity\]\]\s*$/m).slice(1).map((b) => ({ id: field(b, 'id'), name: field(b, 'name'), kind: field(b, 'kind'), degree: 0 }));
  const byId = new Map(entities.map((e) => [e.id, e]));
  for (const b of text.split(/^\s*\[\[relation\]\]\s*$/m).slice(1)) for (const end of ['from', 'to']) byId.get(field(b, end)).degree++;
  return entities;
}
const SEED = seedEntities();
const nameOf = (id) => SEED.find((e) => e.id === id).name;

/**
 * The accessibility tree under the element `selector` (the map's container,
 * or an <alliance-map> host): its nodes that are not ignored, and `list()`,
 * the list of entities in it as a screen reader reads it.
 */
async function mapTree(page, selector = '#map') {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Accessibility.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const { node } = await cdp.send('DOM.describeNode', { nodeId });
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const top = nodes.find((n) => n.backendDOMNodeId === node.backendNodeId);
    assert.ok(top, `${selector} is in the accessibility tree`);
    const below = (n) => {
      const out = [];
      const stack = [n];
      while (stack.length) {
        const x = stack.pop();
        if (!x.ignored) out.push(x);
        for (const c of [...(x.childIds || [])].reverse()) if (byId.has(c)) stack.push(byId.get(c));
      }
      return out;
    };
    const shown = below(top);
    const text = (n) => below(n).filter((x) => x.role?.value === 'StaticText').map((x) => x.name?.value ?? '');
    return {
      nodes: shown,
      names: new Set(shown.map((n) => (n.name?.value ?? '').trim())),
      /** The list: {name, focusable (any node in it), items: [{name, state}], after: the text after it}. */
      list() {
        const list = shown.find((n) => n.role?.value === 'list' && /^Entities on the map/.test(n.name?.value));
        if (!list) return null;
        const items = (list.childIds || []).map((c) => byId.get(c)).filter((n) => n && !n.ignored && n.role?.value === 'listitem');
        const parent = byId.get(list.parentId);
        const siblings = (parent.childIds || []).map((c) => byId.get(c)).filter(Boolean);
        return {
          name: list.name.value,
          focusable: below(list).some((n) => n.properties?.some((p) => p.name === 'focusable' && p.value.value)),
          items: items.map((li) => {
            const [name, ...state] = text(li);
            return { name, state: state.join('') };
          }),
          after: siblings.slice(siblings.indexOf(list) + 1).flatMap(text).join(' '),
        };
      },
    };
  } finally {
    await cdp.detach();
  }
}

/** How many of `names` a node of `tree` is named exactly. */
const reached = (tree, names) => names.filter((n) => tree.names.has(n)).length;

function withSeed(fn) {
  return withContextPage(env.browser, DESKTOP, async (page) => {
    const errors = await openMap(page, `${env.server.url}/news/maps/seed/`, '/');
    await fn(page);
    assert.deepEqual(errors, [], 'no console error or page error');
  });
}

test('a screen reader finds all 47 entity names inside the map without opening anything, most connected first, in one list with no tab stops', async () => {
  await withSeed(async (page) => {
    assert.equal(await inMap(page, '.am-textview').evaluate((s) => s.hidden), true, 'the Text view is closed');
    assert.equal(await inMap(page, '.am-panel').evaluate((p) => p.hidden), true, 'no details are open');
    const tree = await mapTree(page);
    const names = SEED.map((e) => e.name);
    assert.equal(names.length, 47);
    assert.equal(reached(tree, names), 47, `47 of 47 names in the map's subtree; missing: ${names.filter((n) => !tree.names.has(n)).join(', ')}`);
    const list = tree.list();
    assert.equal(list.name, 'Entities on the map, most connected first (47)');
    assert.deepEqual(list.items.map((i) => i.name).sort(), [...names].sort(), 'one item an entity, each named once');
    assert.ok(list.items.every((i) => i.state === ''), 'nothing is marked while nothing is selected');
    const degrees = list.items.map((i) => SEED.find((e) => e.name === i.name).degree);
    assert.ok(degrees.every((d, k) => k === 0 || degrees[k - 1] >= d), `most connected first: ${degrees.join(' ')}`);
    assert.equal(list.focusable, false, 'a list to read, not 47 more tab stops');
    assert.equal(list.after, '', 'nothing more to say: every entity is listed and shown');
    // Names are isolated (a right-to-left name cannot reorder the words after it).
    assert.equal(await inMap(page, '.am-entity-list li > bdi').count(), 47);
    // It sits right after the canvas, in the map's own subtree, not in the Text view.
    assert.equal(await inMap(page, '.am-canvas + .am-entity-list').count(), 1);
  });
});

test('a screen reader hears which entity is selected in the map\'s list ("selected", aria-current as in the Text view), and the mark follows the selection', async () => {
  await withSeed(async (page) => {
    const marked = async () => (await mapTree(page)).list().items.filter((i) => i.state);
    await chooseInCombobox(page, searchInput(page), 'Huawei');
    assert.deepEqual(await marked(), [{ name: nameOf('huawei'), state: ', selected' }]);
    const current = () => inMap(page, '.am-entity-list li[aria-current="true"]').allTextContents();
    assert.deepEqual(await current(), [`${nameOf('huawei')}, selected`]);
    await chooseInCombobox(page, searchInput(page), 'CSIA');
    assert.deepEqual(await marked(), [{ name: CSIA, state: ', selected' }], 'the mark moves with the selection');
    assert.deepEqual(await current(), [`${CSIA}, selected`]);
    await page.evaluate(() => document.querySelector('#map').allianceMap.select(''));
    assert.deepEqual(await marked(), [], 'clearing the selection clears the mark');
    assert.deepEqual(await current(), []);
  });
});

test("what a filter, the as-of date or the neighbourhood hides leaves the map's list, whose name says how many are shown", async () => {
  await withSeed(async (page) => {
    const listed = async () => (await mapTree(page)).list();
    const people = SEED.filter((e) => e.kind === 'person');
    assert.ok(people.length > 0 && people.length < 47);
    await button(page, 'Filters').click();
    await inMap(page, '.am-filters').getByRole('checkbox', { name: /^Person \(\d+\)$/ }).uncheck();
    let list = await listed();
    const shown = 47 - people.length;
    assert.equal(list.name, `Entities on the map, most connected first (${shown} of 47 shown)`);
    assert.deepEqual(list.items.map((i) => i.name).sort(), SEED.filter((e) => e.kind !== 'person').map((e) => e.name).sort(), 'every person left the list, nobody else');
    assert.equal(list.after, `${people.length} hidden by the filters or the as-of date.`);
    await inMap(page, '.am-filters').getByRole('button', { name: 'Show everything' }).click();
    assert.equal((await listed()).items.length, 47, 'Show everything brings them back');

    // The as-of date: before any date, the alliance is not there yet.
    const stops = await page.evaluate(() => document.querySelector('#map').allianceMap.reader.stops);
    await setDate(page, stops[0].label);
    list = await listed();
    const visible = (await mapState(page)).visible.nodes;
    assert.ok(visible < 47);
    assert.equal(list.items.length, visible, 'the list holds what the map shows');
    assert.ok(!list.items.some((i) => i.name === ALLIANCE), `the alliance is not listed as of ${stops[0].label}`);
    await setDate(page, null);
    assert.equal((await listed()).items.length, 47);

    // One step around the selection, following it.
    await chooseInCombobox(page, searchInput(page), 'Huawei');
    await inMap(page, '.am-near select').selectOption('1');
    const around = (id) => [id, ...seedNeighbours(id)].map(nameOf).sort();
    assert.deepEqual((await listed()).items.map((i) => i.name).sort(), around('huawei'));
    await chooseInCombobox(page, searchInput(page), 'CSIA');
    list = await listed();
    assert.deepEqual(list.items.map((i) => i.name).sort(), around('csia'), 'the list follows the neighbourhood');
    assert.deepEqual(list.items.filter((i) => i.state), [{ name: CSIA, state: ', selected' }]);
  });
});

test("a screen reader hears which entities are on the highlighted path, step by step, in the map's list", async () => {
  await withSeed(async (page) => {
    await button(page, 'How is A tied to B?').click();
    await chooseInCombobox(page, inMap(page, '.am-pathfinder input[role="combobox"]').first(), ALLIANCE);
    await chooseInCombobox(page, inMap(page, '.am-pathfinder input[role="combobox"]').nth(1), CSIA);
    await inMap(page, '.am-pathfinder').getByRole('button', { name: 'Find' }).click();
    await inMap(page, '.am-path').first().waitFor();
    const onPath = async () => (await mapTree(page)).list().items.filter((i) => i.state.includes('on the path'));
    const pathNames = () => page.evaluate(() => {
      const p = document.querySelector('#map').allianceMap.reader.path;
      return p.view.paths[p.index].names;
    });
    const expected = (names) => names.map((name, k) => ({ name, state: `, on the path, step ${k + 1} of ${names.length}` }));
    const first = await pathNames();
    assert.equal(first[0], ALLIANCE);
    assert.equal(first.at(-1), CSIA);
    assert.ok(first.length >= 3 && first.includes(nameOf('huawei')), first.join(' → '));
    const byStep = (items) => [...items].sort((a, b) => Number(a.state.match(/step (\d+)/)[1]) - Number(b.state.match(/step (\d+)/)[1]));
    assert.deepEqual(byStep(await onPath()), expected(first));
    if ((await mapState(page)).path.count > 1) {
      await inMap(page, '.am-path-pick').nth(1).click();
      assert.deepEqual(byStep(await onPath()), expected(await pathNames()), 'another path: its entities are marked instead');
    }
    await inMap(page, '.am-canvas').focus();
    await page.keyboard.press('Escape');
    assert.equal((await mapState(page)).path, null);
    assert.deepEqual(await onPath(), [], 'Escape clears the path: nothing is marked');
  });
});

test('after destroy() the map names nothing: its list of entities is gone with it', async () => {
  await withSeed(async (page) => {
    assert.equal(reached(await mapTree(page), SEED.map((e) => e.name)), 47);
    await page.evaluate(() => document.querySelector('#map').allianceMap.destroy());
    await nextFrames(page);
    const tree = await mapTree(page);
    assert.equal(reached(tree, SEED.map((e) => e.name)), 0, 'no name of the destroyed map is left for a screen reader');
    assert.equal(tree.list(), null);
    assert.equal(await page.locator('.am-entity-list').count(), 0);
  });
});

test('inside an <alliance-map> element (shadow DOM) a screen reader finds all 47 entity names too', async () => {
  await withContextPage(env.browser, DESKTOP, async (page) => {
    await page.goto(`${env.server.url}/test/article.html`);
    await page.evaluate(() => document.getElementById('map').scrollIntoView());
    await page.waitForFunction(() => document.getElementById('map').widget?.parts, null, { timeout: 15000 });
    const tree = await mapTree(page, '#map');
    assert.equal(reached(tree, SEED.map((e) => e.name)), 47);
    assert.equal(tree.list().items.length, 47);
  });
});

test('on a 10,000-entity site the map lists the 200 most connected and says where the other 9,800 are, in a few milliseconds', async () => {
  const toml = path.join(OUT, 'big.toml');
  writeSynthToml(toml, 10000, 20000, 1);
  // --no-layout: the browser's worker lays it out (quicker than a debug build's layout).
  buildSite(toml, SITES.big, ['--no-layout']);
  await withContextPage(env.browser, DESKTOP, async (page) => {
    const errors = await openMap(page, `${env.server.url}/news/maps/big/`, '/');
    let list = (await mapTree(page)).list();
    assert.equal(list.name, 'Entities on the map, most connected first (10,000)');
    assert.equal(list.items.length, 200, 'no more than 200 items in the page');
    assert.equal(list.after, '9,800 more, less connected: find one with Search, or read every entity in the Text view.');
    assert.equal(await inMap(page, '.am-entity-list li').count(), 200);
    // Timed in the page: the wasm's answer alone (100 calls), then the list's
    // whole list made anew (as on load), its update after a selection (its
    // marks) and after a filter that hides the kind most listed (the items
    // of the others are made anew).
    const timing = await page.evaluate(async () => {
      const w = document.querySelector('#map').allianceMap;
      const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
      const items = () => [...document.querySelectorAll('#map .am-entity-list li')];
      const t = performance.now();
      for (let k = 0; k < 100; k++) w.handle.entityList(200);
      const wasm = (performance.now() - t) / 100;
      const kinds = new Map();
      for (const i of w.handle.entityList(200).entities) kinds.set(w.entities[i].kind, (kinds.get(w.entities[i].kind) || 0) + 1);
      const most = [...kinds].sort((a, b) => b[1] - a[1])[0][0];
      const least = w.entities.reduce((best, e, i) => (e.degree < w.entities[best].degree ? i : best), 0);
      const top = w.handle.entityList(200).entities;
      const allKinds = new Set(w.reader.counts.kinds.map((k) => k.key));
      const [marks, pinning, filter, made, build] = [[], [], [], [], []];
      const timed = async (into, change) => {
        change();
        const t0 = performance.now();
        await Promise.resolve(); // the list's update, queued by the change's event, runs first
        into.push(performance.now() - t0);
      };
      for (let k = 0; k < 15; k++) {
        await timed(marks, () => w.select('entity', top[k]));
        await timed(pinning, () => w.select('entity', least));
        const before = new Set(items());
        await timed(filter, () => w.reader.setFilter({ hiddenKinds: new Set([most]) }));
        made.push(items().filter((li) => !before.has(li)).length);
        // Everything hidden, then shown: the whole list made anew, as when the map loads.
        w.reader.setFilter({ hiddenKinds: allKinds });
        await Promise.resolve();
        await timed(build, () => w.reader.setFilter({ hiddenKinds: new Set() }));
      }
      w.select('entity', least);
      await Promise.resolve();
      const pinned = document.querySelectorAll('#map .am-entity-list li[aria-current]').length;
      return { wasm, build: median(build), marks: median(marks), pinning: median(pinning), filter: median(filter), made: Math.min(...made), most, pinned };
    });
    const ms = (x) => `${x.toFixed(2)} ms`;
    console.log(
      `10,000 entities: entityList(200) ${ms(timing.wasm)} (mean of 100); the list of 200 made anew ${ms(timing.build)}; its update after a selection ${ms(timing.marks)} ` +
        `(${ms(timing.pinning)} for one ranked past the 200th), after hiding kind ${timing.most} ${ms(timing.filter)} (at least ${timing.made} items made anew; medians of 15)`,
    );
    assert.ok(timing.made >= 50, `the filter changed who is listed: ${timing.made} new items`);
    assert.ok(Math.max(timing.build, timing.marks, timing.pinning, timing.filter) < 50, `each update is a few milliseconds: ${JSON.stringify(timing)}`);
    list = (await mapTree(page)).list();
    assert.equal(list.items.length, 201, 'the 200 most connected, and the selection where it ranks');
    assert.equal(timing.pinned, 1);
    assert.deepEqual(list.items.at(-1).state, ', selected', 'the least connected entity, selected, is listed last');
    assert.deepEqual(errors, [], 'no console error or page error');
  });
});
