// End-to-end tests of reading the map: search (an ARIA combobox), filters and
// the neighbourhood, the as-of date, "How is A tied to B?", deep links with
// Back, a keyboard-only walk along a path announced by the live region, the
// text view mirrored with the map, 320 px wide, and axe-core finding no
// violation on the demo page (light, dark, panels open) and the embed page.
// Run from the repository root after scripts/build.sh:
//   node --test --test-concurrency=1 tests/e2e/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DESKTOP, useServerAndBrowser, mapOpener, openMap, nextFrames, mapState, entityPosition } from './harness.mjs';
import { ALLIANCE, CSIA, seedRelationTypes, seedNeighbours, inMap, searchInput, button, isShown, chooseInCombobox, setDate, runAxe } from './reader.mjs';

const env = useServerAndBrowser();
const withMap = mapOpener(env);

// ---------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------

test('searching "smi" lists SMIC first as a combobox option, and Enter selects and centres it', async () => {
  await withMap(async (page) => {
    const input = searchInput(page);
    assert.equal(await input.getAttribute('aria-expanded'), 'false');
    await input.click();
    await input.pressSequentially('smi');
    const list = page.locator(`#${await input.getAttribute('aria-controls')}`);
    await list.locator('[role="option"]').first().waitFor();
    assert.equal(await list.getAttribute('role'), 'listbox');
    assert.equal(await input.getAttribute('aria-expanded'), 'true');
    const options = await list.locator('[role="option"]').allTextContents();
    assert.match(options[0], /^Semiconductor Manufacturing International Corp\./, `SMIC is the first option: ${JSON.stringify(options)}`);
    await input.press('ArrowDown');
    const active = await input.getAttribute('aria-activedescendant');
    assert.equal(await list.locator('[role="option"]').first().getAttribute('id'), active, 'ArrowDown makes the first option active');
    assert.equal(await list.locator('[role="option"]').first().getAttribute('aria-selected'), 'true');
    await input.press('Enter');
    const st = await mapState(page);
    assert.match(st.selected?.title ?? '', /Semiconductor Manufacturing/);
    assert.equal(await input.getAttribute('aria-expanded'), 'false', 'the list closes');
    const smic = await entityPosition(page, 'smic');
    const box = await inMap(page, '.am-canvas').boundingBox();
    assert.ok(Math.abs(smic.x - (box.x + box.width / 2)) < 2 && Math.abs(smic.y - (box.y + box.height / 2)) < 2, 'SMIC is centred');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'am-canvas', 'the map has the keyboard focus');
    // "/" goes back to the search box.
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('role')), 'combobox');
  });
});

// ---------------------------------------------------------------------------
// Filters and the as-of date
// ---------------------------------------------------------------------------

test('unchecking every relation type but owns and position draws only those relations', async () => {
  const types = seedRelationTypes();
  const expected = types.filter((t) => t === 'owns' || t === 'position').length;
  assert.ok(expected > 0 && expected < types.length);
  await withMap(async (page) => {
    await button(page, 'Filters').click();
    const boxes = inMap(page, '.am-filters fieldset').first().getByRole('checkbox');
    assert.equal(await inMap(page, '.am-filters fieldset legend').first().textContent(), 'Relation types');
    const labels = await inMap(page, '.am-filters fieldset').first().locator('label').allTextContents();
    assert.ok(labels.some((l) => /^Owns \(\d+\)$/.test(l)), `counts beside each type: ${labels.join(', ')}`);
    for (let i = 0; i < (await boxes.count()); i++) {
      const label = labels[i];
      if (!/^(Owns|Position) \(/.test(label)) await boxes.nth(i).uncheck();
    }
    await nextFrames(page);
    const st = await mapState(page);
    assert.equal(st.visible.edges, expected, 'visible relations = owns + position relations in data/seed.toml');
    assert.equal(st.drawn.edges, expected, 'drawn relations = owns + position relations in data/seed.toml');
    assert.equal(st.drawn.nodes, st.nodeCount, 'entities stay');
    assert.match(await button(page, /^Filters/).textContent(), /Filters \(\d+ on\)/);
    await inMap(page, '.am-filters').getByRole('button', { name: 'Show everything' }).click();
    await nextFrames(page);
    assert.equal((await mapState(page)).visible.edges, types.length, 'Show everything brings them back');
  });
});

test('"one step around the selection" shows the selected entity and its neighbours, following the selection', async () => {
  await withMap(async (page) => {
    await chooseInCombobox(page, searchInput(page), 'Huawei');
    await button(page, 'Filters').click();
    await inMap(page, '.am-near select').selectOption('1');
    assert.equal((await mapState(page)).visible.nodes, 1 + seedNeighbours('huawei').length);
    await chooseInCombobox(page, searchInput(page), 'CSIA');
    assert.equal((await mapState(page)).visible.nodes, 1 + seedNeighbours('csia').length, 'the neighbourhood follows the selection');
    assert.match(new URL(page.url()).hash, /near=1/);
  });
});

test('the as-of slider hides the alliance before 2023-09-27 and shows it from then on', async () => {
  await withMap(async (page) => {
    const all = await mapState(page);
    const stops = await page.evaluate(() => document.querySelector('#map').allianceMap.reader.stops);
    const before = stops[0];
    assert.ok(before.day < 20230927 && before.label.startsWith('before-'), `the first stop is before any date: ${JSON.stringify(stops)}`);
    await setDate(page, before.label);
    let st = await mapState(page);
    assert.equal(st.filter.date, before.label);
    assert.equal(await isShown(page, 'auto-electronics-investment-alliance'), false, `the alliance is hidden as of ${before.label}`);
    assert.ok(st.drawn.nodes < all.drawn.nodes, `fewer nodes drawn as of ${before.label}: ${st.drawn.nodes} < ${all.drawn.nodes}`);
    await setDate(page, '2023-09-27');
    st = await mapState(page);
    assert.equal(await isShown(page, 'auto-electronics-investment-alliance'), true, 'the alliance is shown as of 2023-09-27');
    await setDate(page, null);
    st = await mapState(page);
    assert.equal(st.filter.date, null);
    assert.equal(st.drawn.nodes, all.drawn.nodes, 'All dates shows everything again');
    // Playback is motion: off under prefers-reduced-motion (the desktop context asks for it).
    assert.equal(await button(page, 'Play').isDisabled(), true, 'Play is disabled under reduced motion');
  });
});

test('Play steps through the dates when motion is allowed', async () => {
  await withMap(
    async (page) => {
      await button(page, 'Play').click();
      await page.waitForFunction(() => document.querySelector('#map').allianceMap.state().filter.date !== null, null, { timeout: 3000 });
      const first = (await mapState(page)).filter.date;
      await page.waitForFunction((d) => document.querySelector('#map').allianceMap.state().filter.date !== d, first, { timeout: 3000 });
      await button(page, 'Pause').click();
    },
    { contextOptions: { ...DESKTOP, reducedMotion: 'no-preference' } },
  );
});

// ---------------------------------------------------------------------------
// How is A tied to B?
// ---------------------------------------------------------------------------

test('the alliance is tied to CSIA through Changan and Huawei, as cited sentences, highlighted on the map', async () => {
  await withMap(async (page) => {
    await button(page, 'How is A tied to B?').click();
    await chooseInCombobox(page, inMap(page, '.am-pathfinder input[role="combobox"]').first(), ALLIANCE);
    await chooseInCombobox(page, inMap(page, '.am-pathfinder input[role="combobox"]').nth(1), CSIA);
    await inMap(page, '.am-pathfinder').getByRole('button', { name: 'Find' }).click();
    const first = inMap(page, '.am-path').first();
    await first.waitFor();
    const sentences = await first.locator('.am-path-step').allTextContents();
    assert.ok(sentences.some((s) => s.includes('Changan')), `a sentence mentions Changan: ${JSON.stringify(sentences)}`);
    assert.ok(sentences.some((s) => s.includes('Huawei')), `a sentence mentions Huawei: ${JSON.stringify(sentences)}`);
    for (const s of sentences) assert.match(s, /\[\d+\]/, `each step is cited: ${s}`);
    const citations = await inMap(page, '.am-paths ol.citations > li').allTextContents();
    assert.ok(citations.length >= 1 && citations.every((c) => c.length > 10), `the sources are listed: ${JSON.stringify(citations)}`);
    let st = await mapState(page);
    assert.deepEqual([st.path.from, st.path.to, st.path.index], ['auto-electronics-investment-alliance', 'csia', 0]);
    assert.equal(await first.locator('.am-path-pick').getAttribute('aria-pressed'), 'true');
    // The path is highlighted: its ends are in focus, the rest faded.
    const emphasis = await page.evaluate(() => {
      const w = document.querySelector('#map').allianceMap;
      return ['auto-electronics-investment-alliance', 'csia', 'tesla'].map((id) => w.views.refresh().nodeEmphasis[w.handle.find(id)]);
    });
    assert.deepEqual(emphasis, [3, 3, 1], 'path ends in focus, others faded');
    if (st.path.count > 1) {
      await inMap(page, '.am-path-pick').nth(1).click();
      st = await mapState(page);
      assert.equal(st.path.index, 1, 'clicking another path highlights it');
      assert.equal(await inMap(page, '.am-path-pick').nth(1).getAttribute('aria-pressed'), 'true');
    }
    // Escape on the map clears the path.
    await inMap(page, '.am-canvas').focus();
    await page.keyboard.press('Escape');
    assert.equal((await mapState(page)).path, null, 'Escape clears the path');
  });
});

// ---------------------------------------------------------------------------
// Deep links and Back
// ---------------------------------------------------------------------------

test('a deep link restores the selection, filters and date; Back restores the previous selection', async () => {
  await withMap(async (page, context) => {
    await chooseInCombobox(page, searchInput(page), 'Huawei');
    assert.equal((await mapState(page)).selected?.title, 'Huawei Technologies');
    await button(page, 'Filters').click();
    await inMap(page, '.am-filters').getByRole('checkbox', { name: /^Position \(/ }).uncheck();
    await setDate(page, '2023-09-27');
    await page.waitForFunction(() => location.hash.includes('date='), null, { timeout: 3000 });
    await page.waitForTimeout(400); // the view is written after a short pause
    const href = page.url();
    const hash = new URL(href).hash;
    assert.match(hash, /sel=huawei/);
    assert.match(hash, /hide=position/);
    assert.match(hash, /date=2023-09-27/);
    assert.match(hash, /view=-?[\d.]+,-?[\d.]+,[\d.]+/, 'the view (centred on Huawei) is in the link');
    const original = await mapState(page);

    const other = await context.newPage();
    const errors = await openMap(other, env.server.url, `/${hash}`);
    await nextFrames(other);
    const restored = await mapState(other);
    assert.equal(restored.selected?.title, 'Huawei Technologies');
    assert.deepEqual(restored.filter, original.filter);
    assert.deepEqual(restored.visible, original.visible);
    assert.ok(Math.abs(restored.camera.zoom / original.camera.zoom - 1) < 1e-3, 'same zoom');
    const huawei = await entityPosition(other, 'huawei');
    const box = await other.locator('#map .am-canvas').boundingBox();
    assert.ok(Math.abs(huawei.x - (box.x + box.width / 2)) < 2 && Math.abs(huawei.y - (box.y + box.height / 2)) < 2, 'same view');
    assert.equal(await other.locator('#map .am-filters').getByRole('checkbox', { name: /^Position \(/, includeHidden: true }).isChecked(), false);
    assert.equal(await other.locator('#map input[type="range"]').getAttribute('aria-valuetext'), '2023-09-27');
    assert.equal(await other.locator('#map .am-panel h2').textContent(), 'Huawei Technologies');
    assert.deepEqual(errors, []);

    // A second selection pushes a history entry; Back returns to Huawei, Forward to Changan.
    await chooseInCombobox(page, searchInput(page), 'Changan Automobile');
    assert.equal((await mapState(page)).selected?.title, 'Changan Automobile');
    assert.match(new URL(page.url()).hash, /sel=changan(&|$)/);
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('#map').allianceMap.state().selected?.title === 'Huawei Technologies', null, { timeout: 3000 });
    assert.deepEqual((await mapState(page)).filter, original.filter, 'the filters stay with the entry');
    await page.goForward();
    await page.waitForFunction(() => document.querySelector('#map').allianceMap.state().selected?.title === 'Changan Automobile', null, { timeout: 3000 });
  });
});

test('a deep link to a path opens with the path found and highlighted', async () => {
  await withMap(
    async (page) => {
      const st = await mapState(page);
      assert.deepEqual([st.path?.from, st.path?.to], ['auto-electronics-investment-alliance', 'csia']);
      assert.ok(st.path.count >= 1);
      assert.ok((await inMap(page, '.am-path').count()) >= 1, 'the paths are listed');
    },
    { urlPath: '/#path=auto-electronics-investment-alliance~csia' },
  );
});

// ---------------------------------------------------------------------------
// Keyboard only, with a live region
// ---------------------------------------------------------------------------

test('keyboard only: from the alliance to CSIA along the path, each step announced', async () => {
  await withMap(async (page) => {
    const canvas = inMap(page, '.am-canvas');
    assert.equal(await canvas.getAttribute('role'), 'graphics-document');
    assert.equal(await canvas.getAttribute('aria-roledescription'), 'network diagram');
    assert.ok((await canvas.getAttribute('aria-label')).length > 10);
    const live = inMap(page, '[role="status"]');
    assert.equal(await live.getAttribute('aria-live'), 'polite');

    // Tab into the map.
    for (let i = 0; i < 30 && !(await page.evaluate(() => document.activeElement?.classList.contains('am-canvas'))); i++) {
      await page.keyboard.press('Tab');
    }
    assert.equal(await page.evaluate(() => document.activeElement.className), 'am-canvas', 'Tab reaches the map');
    await page.keyboard.press('/');
    await page.keyboard.type('alliance');
    await inMap(page, '.am-search [role="option"]').first().waitFor();
    assert.match(await inMap(page, '.am-search [role="option"]').first().textContent(), new RegExp(`^${ALLIANCE}`));
    await page.keyboard.press('Enter');
    assert.equal((await mapState(page)).selected?.title, ALLIANCE);
    assert.equal(await page.evaluate(() => document.activeElement.className), 'am-canvas', 'back on the map');
    assert.match(await live.textContent(), new RegExp(`^${ALLIANCE}, alliance, \\d+ relations?`));

    const path = await page.evaluate(() => {
      const w = document.querySelector('#map').allianceMap;
      const [a, b] = [w.handle.find('auto-electronics-investment-alliance'), w.handle.find('csia')];
      return w.handle.paths(a, b, 1).paths[0].entities;
    });
    const names = await page.evaluate(() => document.querySelector('#map').allianceMap.entities.map((e) => e.name));
    assert.ok(path.length >= 3);
    for (let step = 0; step + 1 < path.length; step++) {
      const [here, next] = [path[step], path[step + 1]];
      const order = await page.evaluate((e) => [...document.querySelector('#map').allianceMap.handle.neighboursInOrder(e)], here);
      const k = order.indexOf(next);
      assert.ok(k >= 0, `${names[next]} is a neighbour of ${names[here]}`);
      for (let j = 0; j <= k; j++) {
        await page.keyboard.press('ArrowRight');
        const text = await live.textContent();
        assert.ok(text.startsWith(`${names[order[j]]}, `), `step ${step}, press ${j + 1}: the live region names ${names[order[j]]}: "${text}"`);
        assert.ok(text.includes(`Neighbour ${j + 1} of ${order.length} of ${names[here]}`), `and says where it is: "${text}"`);
        assert.equal((await mapState(page)).focused?.index, order[j], 'the keyboard focus moves');
      }
      await page.keyboard.press('Enter');
      const text = await live.textContent();
      assert.ok(text.startsWith(`${names[next]}, `) && text.includes('Selected'), `Enter selects ${names[next]}: "${text}"`);
      assert.equal((await mapState(page)).selected?.index, next);
    }
    const end = await mapState(page);
    assert.equal(end.selected.title, CSIA, 'the walk ends on CSIA');
    assert.match(await live.textContent(), new RegExp(`^${CSIA}, industry association, \\d+ relations`));
    // Left goes back the other way round CSIA's neighbours; Escape closes the details.
    await page.keyboard.press('ArrowLeft');
    assert.match(await live.textContent(), /Neighbour (\d+) of \1 of China Semiconductor/, 'Left from the start goes to the last neighbour');
    await page.keyboard.press('Escape');
    assert.equal((await mapState(page)).selected, null, 'Escape closes the details');
  });
});

test('with nothing in focus, an arrow key selects the most connected entity', async () => {
  await withMap(async (page) => {
    await inMap(page, '.am-canvas').focus();
    await page.keyboard.press('ArrowDown');
    const st = await mapState(page);
    const hub = await page.evaluate(() => {
      const w = document.querySelector('#map').allianceMap;
      return w.entities.map((e, i) => [w.handle.shownDegree(i), -i]).sort((a, b) => b[0] - a[0] || b[1] - a[1])[0][1] * -1;
    });
    assert.equal(st.selected?.index, hub);
    assert.match(st.live, /the most connected entity/);
  });
});

// ---------------------------------------------------------------------------
// Text view
// ---------------------------------------------------------------------------

test('the text view lists entities and cited relations, mirrored with the map', async () => {
  await withMap(async (page) => {
    const toggle = button(page, 'Text view');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    const section = page.locator(`#${await toggle.getAttribute('aria-controls')}`);
    assert.equal(await section.isVisible(), true);
    const st = await mapState(page);
    assert.equal(await section.locator('.am-text-entity').count(), st.nodeCount, 'every entity listed');
    const huaweiItem = section.locator('.am-text-entity', { has: page.getByRole('button', { name: 'Huawei Technologies', exact: true }) });
    const sentences = await huaweiItem.locator('.relation').allTextContents();
    assert.ok(sentences.length >= 3 && sentences.every((s) => /\[\d+\]/.test(s)), `cited sentences: ${JSON.stringify(sentences)}`);
    assert.ok((await section.locator('ol.citations > li').count()) >= 3, 'the sources are listed');

    // Text → map.
    await huaweiItem.getByRole('button', { name: 'Huawei Technologies', exact: true }).click();
    assert.equal((await mapState(page)).selected?.title, 'Huawei Technologies');
    assert.equal(await huaweiItem.getAttribute('aria-current'), 'true');
    // Map → text.
    await chooseInCombobox(page, searchInput(page), 'Changan Automobile');
    const changanItem = section.locator('.am-text-entity', { has: page.getByRole('button', { name: 'Changan Automobile', exact: true }) });
    assert.equal(await changanItem.getAttribute('aria-current'), 'true');
    assert.equal(await huaweiItem.getAttribute('aria-current'), null);
    assert.equal(await section.locator('[aria-current="true"]').count(), 1);
    // Filters apply to the text too.
    await setDate(page, (await page.evaluate(() => document.querySelector('#map').allianceMap.reader.stops[0].label)));
    const alliance = section.locator('.am-text-entity', { has: page.getByRole('button', { name: ALLIANCE, exact: true }) });
    assert.equal(await alliance.isHidden(), true, 'the alliance is hidden in the text as of the first date');
  });
});

// ---------------------------------------------------------------------------
// Small screens and accessibility checks
// ---------------------------------------------------------------------------

test('at 320 px wide the controls fit, nothing scrolls sideways and the map keeps room', async () => {
  await withMap(
    async (page) => {
      assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 320, 'no horizontal scrolling');
      for (const name of ['Filters', 'How is A tied to B?', 'Text view']) {
        const b = await button(page, name).boundingBox();
        assert.ok(b && b.x >= 0 && b.x + b.width <= 320 && b.height >= 44, `${name} is on screen and 44 px tall: ${JSON.stringify(b)}`);
      }
      const input = await searchInput(page).boundingBox();
      assert.ok(input.width >= 250, `the search box is wide: ${input.width}`);
      const canvas = await inMap(page, '.am-canvas').boundingBox();
      assert.ok(canvas.height >= 200 && canvas.width >= 280, `the map keeps room: ${JSON.stringify(canvas)}`);
      await button(page, 'How is A tied to B?').click();
      const drop = await inMap(page, '.am-pathfinder').boundingBox();
      assert.ok(drop.x >= 0 && drop.x + drop.width <= 320, `the path finder fits: ${JSON.stringify(drop)}`);
      assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 320, 'still no horizontal scrolling');
    },
    { contextOptions: { ...DESKTOP, viewport: { width: 320, height: 640 } } },
  );
});

test('axe-core finds no violation on the demo page, with the text view and panels open, and in dark mode', async () => {
  for (const colorScheme of ['light', 'dark']) {
    await withMap(
      async (page) => {
        await runAxe(page, `the demo page (${colorScheme})`);
        await chooseInCombobox(page, searchInput(page), 'Huawei');
        await button(page, 'Text view').click();
        await runAxe(page, `the text view and details (${colorScheme})`);
        await button(page, 'Filters').click();
        await runAxe(page, `the open filters (${colorScheme})`);
        await button(page, 'How is A tied to B?').click();
        await chooseInCombobox(page, inMap(page, '.am-pathfinder input[role="combobox"]').nth(1), CSIA);
        await inMap(page, '.am-pathfinder').getByRole('button', { name: 'Find' }).click();
        await inMap(page, '.am-path').first().waitFor();
        await runAxe(page, `the path list (${colorScheme})`);
      },
      { contextOptions: { ...DESKTOP, colorScheme } },
    );
  }
});

test('axe-core finds no violation on dist/embed.html', async () => {
  await withMap(async (page) => runAxe(page, 'embed.html'), { urlPath: '/embed.html' });
});
