// The studio page (dist/studio.html) in Chromium, served from a sub-path as
// a user serves the built folder, while editing: open a file, make a
// mistake and see it at its line with its hint, fix it in one click, see
// the map change; the forms write TOML where it belongs and leave the rest
// of the text alone; the map and the editor follow each other, and the
// next map keeps the view; the strict Content-Security-Policy sees no
// violation; axe-core finds nothing; a keyboard reaches and works every
// control; a phone. (Files in and out: studio-files.test.mjs.) No timed
// assertion: the 150 ms goal is benches/studio.mjs's to print.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { useServerAndBrowser, waitForStableView, PHONE } from './harness.mjs';
import { EXAMPLE, compiler, studioOpener, text, cursor, selectText, problemsSay, noticeSays, mapWith, openFiles, lineColumn } from './studio.mjs';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const env = useServerAndBrowser();
const withStudio = studioOpener(env);

test('open a file, make a mistake, see it at its line with its hint, fix it in one click, and the map changes', async () => {
  await withStudio(async (page) => {
    await openFiles(page, [{ name: 'battery.toml', text: EXAMPLE }]);
    await noticeSays(page, /^Opened battery\.toml\.$/);
    assert.equal(await page.textContent('#file-name'), 'battery.toml');
    assert.equal(await text(page), EXAMPLE);
    const before = await mapWith(page, { nodeCount: 6, edgeCount: 7 });

    // A typo in a relation's `to`: the id of no entity.
    const at = EXAMPLE.indexOf('to = "battery-makers"') + 'to = "battery-maker'.length;
    await selectText(page, at, at + 1);
    await page.keyboard.type('z');
    await problemsSay(page, /^1 error\.$/);
    const item = page.locator('.problems-list .problem').first();
    const quoted = EXAMPLE.indexOf('"battery-makers"', at - 30);
    assert.match(await item.textContent(), new RegExp(`error E006 ${lineColumn(EXAMPLE, quoted)} .*battery-makerz.*Hint: did you mean \`battery-makers\`\\?`));
    // Underlined in the text, marked in the gutter.
    await page.waitForSelector('#editor >> .cm-lintRange-error');
    assert.equal(await page.locator('#editor >> .cm-lint-marker-error').count(), 1);
    assert.match(await page.locator('#editor >> .cm-lintRange-error').textContent(), /battery-makerz/);
    // Choosing the problem moves the cursor there; the map still shows the last good version.
    await selectText(page, 0);
    await item.locator('.problem-go').click();
    assert.equal(await cursor(page), quoted + 16, 'the cursor is at the end of the problem');
    assert.match(await page.textContent('#map-note'), /last version without errors/);

    await item.locator('.problem-fix').click();
    await problemsSay(page, /^No problems\.$/);
    assert.equal(await text(page), EXAMPLE, 'the fix gives the text back');

    // A change the map shows: another name for Kestrel Cells.
    const name = EXAMPLE.indexOf('Kestrel Cells');
    await selectText(page, name, name + 'Kestrel Cells'.length);
    await page.keyboard.type('Kestrel Batteries');
    const after = await mapWith(page, { label: 'Kestrel Batteries' });
    assert.ok(!after.labels.includes('Kestrel Cells'));
    assert.deepEqual(after.entityIds, before.entityIds);
    assert.match(await page.textContent('#map-note'), /^$/);
  });
});

test('the forms write one table each after the last of its kind, and the rest of the text stays as it was', async () => {
  await withStudio(async (page) => {
    assert.equal(await text(page), EXAMPLE, 'the studio starts from the documented example');
    await page.click('button[data-opens="source"]');
    await page.fill('#source-publisher', 'Example "Daily"');
    await page.fill('#source-title', 'Kestrel joins the alliance');
    await page.fill('#source-date', '2024-05');
    await page.fill('#source-url', 'https://daily.example.com/kestrel');
    assert.equal(await page.inputValue('#source-id'), 'example-daily-kestrel-joins-the-alliance', 'the id follows the publisher and title');
    await page.fill('#source-id', 'daily-2024');
    await page.click('#add-source button[value="add"]');
    await problemsSay(page, /^1 warning\.$/); // W002: nothing cites it yet

    await page.click('button[data-opens="entity"]');
    await page.fill('#entity-name', 'Nordic Battery Alliance');
    await page.selectOption('#entity-kind', 'alliance');
    await page.check('#add-entity input[value="daily-2024"]'); // who it is cites a source (else W010)
    await page.click('#add-entity button[value="add"]');

    await page.click('button[data-opens="relation"]');
    // From and to are searched by name or id (a datalist of the file's entities).
    assert.ok((await page.locator('#relation-entities option').count()) >= 7);
    await page.fill('#relation-from', 'Kestrel Cells (kestrel)');
    await page.selectOption('#relation-type', 'member_of');
    await page.fill('#relation-to', 'nordic-battery-alliance');
    assert.equal(await page.isVisible('#relation-role'), false, 'no role field for member_of');
    await page.click('#add-relation button[value="add"]');
    assert.match(await page.textContent('#add-relation .form-error'), /cites at least one source/);
    await page.check('#add-relation input[value="daily-2024"]');
    await page.click('#add-relation button[value="add"]');
    await problemsSay(page, /^No problems\.$/);

    const source = '\n\n[[source]]\nid = "daily-2024"\npublisher = "Example \\"Daily\\""\ntitle = "Kestrel joins the alliance"\ndate = "2024-05"\nurl = "https://daily.example.com/kestrel"';
    const entity = '\n\n[[entity]]\nid = "nordic-battery-alliance"\nname = "Nordic Battery Alliance"\nkind = "alliance"\nsources = ["daily-2024"]';
    const relation = '\n\n[[relation]]\ntype = "member_of"\nfrom = "kestrel"\nto = "nordic-battery-alliance"\nsources = ["daily-2024"]';
    const afterSources = EXAMPLE.indexOf('\n\n# ---- Entities');
    const afterEntities = EXAMPLE.indexOf('\n\n# ---- Relations');
    // After the last relation: the corrections follow it in the example.
    const end = EXAMPLE.indexOf('\n\n# ---- Corrections');
    const expected = EXAMPLE.slice(0, afterSources) + source + EXAMPLE.slice(afterSources, afterEntities) + entity + EXAMPLE.slice(afterEntities, end) + relation + EXAMPLE.slice(end);
    assert.equal(await text(page), expected, 'three tables inserted, every other byte kept');
    const state = await mapWith(page, { nodeCount: 7, edgeCount: 8 });
    assert.ok(state.entityIds.includes('nordic-battery-alliance'));

    // A position needs its role; an entity id that exists is refused.
    await page.click('button[data-opens="relation"]');
    await page.selectOption('#relation-type', 'position');
    assert.equal(await page.isVisible('#relation-role'), true);
    await page.click('#add-relation button[value="cancel"]');
    await page.click('button[data-opens="entity"]');
    await page.fill('#entity-name', 'Kestrel');
    await page.fill('#entity-id', 'kestrel');
    await page.selectOption('#entity-kind', 'company');
    await page.click('#add-entity button[value="add"]');
    assert.match(await page.textContent('#add-entity .form-error'), /id "kestrel" exists already/);
    await page.keyboard.press('Escape');
    assert.equal(await text(page), expected, 'cancelled forms write nothing');
  });
});

test('choosing an entity on the map moves the editor to its [[entity]]; the cursor in an [[entity]] selects it on the map', async () => {
  await withStudio(async (page) => {
    const places = compiler.entityPlaces({ name: 'data.toml', text: EXAMPLE });
    const kestrel = places.find((p) => p.id === 'kestrel');
    const point = await page.evaluate(() => document.querySelector('#map').allianceMap.entityScreenPosition('kestrel'));
    await page.mouse.click(point.x, point.y);
    await page.waitForFunction((from) => document.querySelector('#editor').editorView.state.selection.main.head === from, kestrel.from);
    const top = await page.evaluate(() => {
      const view = document.querySelector('#editor').editorView;
      const line = view.lineBlockAt(view.state.selection.main.head);
      return line.top >= view.scrollDOM.scrollTop && line.bottom <= view.scrollDOM.scrollTop + view.scrollDOM.clientHeight;
    });
    assert.ok(top, "the entity's table is scrolled into view");

    const mara = places.find((p) => p.id === 'mara-lind');
    await selectText(page, mara.from + 20);
    const state = await mapWith(page, { selected: true });
    assert.equal(state.entityIds[state.selected.index], 'mara-lind');
    assert.equal(await cursor(page), mara.from + 20, 'selecting on the map from the editor leaves the cursor where it is');

    // The next map keeps the view the user moved to, and the selection.
    await page.click('#map button[aria-label="Zoom in"]');
    await page.click('#map button[aria-label="Zoom in"]');
    await waitForStableView(page);
    const zoomed = (await mapWith(page)).camera;
    const name = EXAMPLE.indexOf('"Mara Lind"') + 1;
    await selectText(page, name, name + 'Mara Lind'.length);
    await page.keyboard.type('Mara Lindqvist');
    await mapWith(page, { label: 'Mara Lindqvist', selected: true });
    await waitForStableView(page); // the details panel narrows the stage a frame later
    const next = await mapWith(page);
    assert.deepEqual(next.camera, zoomed, 'the camera stayed');
    assert.equal(next.entityIds[next.selected.index], 'mara-lind', 'the selection stayed');
  });
});

test('under its strict Content-Security-Policy the studio has no violation, and the editor is styled (adopted style sheets)', async () => {
  await withStudio(async (page) => {
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.equal(csp, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self' data: blob:");
    const styled = await page.evaluate(() => {
      const root = document.querySelector('#editor').shadowRoot;
      return { sheets: root.adoptedStyleSheets.length, gutter: getComputedStyle(root.querySelector('.cm-gutters')).backgroundColor, styleElements: document.querySelectorAll('style').length };
    });
    assert.ok(styled.sheets > 0, "CodeMirror's styles are an adopted sheet");
    assert.equal(styled.gutter, 'rgb(244, 246, 248)');
    assert.equal(styled.styleElements, 0, 'no <style> element (the policy would block it)');
    // A mistake (lint styles, a data: image underline), the fix tooltip, a dialog: still nothing blocked.
    const at = EXAMPLE.indexOf('kind = "person"') + 'kind = "pers'.length;
    await selectText(page, at, at + 1);
    await page.keyboard.type('x');
    await problemsSay(page, /^1 error\.$/);
    await page.hover('#editor >> .cm-lintRange-error');
    await page.waitForSelector('#editor >> .cm-tooltip-lint');
    await page.click('button[data-opens="entity"]');
    await page.keyboard.press('Escape');
  });
});

test('axe-core finds no violation on the studio, with problems listed and with a form open', async () => {
  await withStudio(
    async (page) => {
      const axe = async (what) => {
        const result = await page.evaluate(() => window.axe.run(document));
        const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n    ')}`);
        assert.deepEqual(found, [], `axe-core violations ${what}`);
        assert.ok(result.passes.length > 10);
      };
      await axe('as it opens');
      const at = EXAMPLE.indexOf('kind = "person"') + 'kind = "pers'.length;
      await selectText(page, at, at + 1);
      await page.keyboard.type('x');
      await problemsSay(page, /^1 error\.$/);
      await axe('with a problem listed');
      await page.click('button[data-opens="relation"]');
      await axe('with the relation form open');
    },
    // Injected before the page's scripts: an init script is not subject to the page's policy.
    { init: AXE_SOURCE },
  );
});

test('a keyboard alone reaches every control in order and works them: open a form, fill it, add, leave the editor with Tab', async () => {
  await withStudio(async (page) => {
    const focused = () =>
      page.evaluate(() => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el.getAttribute('aria-label') || (el.tagName === 'BUTTON' ? el.textContent.trim().slice(0, 40) : el.id || el.tagName);
      });
    const stops = [];
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const f = await focused();
      stops.push(f);
      if (f === 'Copy the element') break;
    }
    const order = ['Open a file…', 'Paste rows…', 'Start from the example', 'Add a source…', 'Add an entity…', 'Add a relation…', 'Data file (TOML)', 'Fit the whole map in view', 'base-url', 'Download the site (.zip)', 'Download data.toml', 'Download data.amap', 'snippet-iframe', 'Copy the iframe', 'snippet-element', 'Copy the element'];
    let last = -1;
    for (const stop of order) {
      const at = stops.indexOf(stop, last + 1);
      assert.ok(at > last, `${stop} is reached by Tab, after the controls before it (stops: ${stops.join(' | ')})`);
      last = at;
    }
    // Tab leaves the editor (it inserts no tab).
    await page.locator('#editor >> .cm-content').focus();
    const before = await text(page);
    await page.keyboard.press('Tab');
    assert.notEqual(await focused(), 'Data file (TOML)');
    assert.equal(await text(page), before);

    // Add an entity with the keyboard alone.
    await page.focus('button[data-opens="entity"]');
    await page.keyboard.press('Enter');
    assert.equal(await focused(), 'entity-name', 'the form opens at its first field');
    await page.keyboard.type('Fjord Cells');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'entity-kind');
    await page.keyboard.press('Home');
    await page.keyboard.press('Tab');
    await page.keyboard.type('NO');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('#add-entity').open);
    assert.match(await text(page), /\[\[entity\]\]\nid = "fjord-cells"\nname = "Fjord Cells"\nkind = "company"\ncountry = "NO"/);
    assert.equal(await focused(), 'Data file (TOML)', 'the keyboard is in the editor, at the new table');
    await mapWith(page, { entity: 'fjord-cells' });
    // Fjord Cells cites no source for who it is: a warning (W006), not an error.
    await problemsSay(page, /^1 warning\.$/);

    // A problem is chosen with Enter, its fix with Space.
    const at = EXAMPLE.indexOf('kind = "person"') + 'kind = "pers'.length;
    await selectText(page, at, at + 1);
    await page.keyboard.type('x');
    await problemsSay(page, /^1 error, 1 warning\.$/);
    await page.focus('.problems-list .problem-go');
    await page.keyboard.press('Enter');
    assert.equal(await focused(), 'Data file (TOML)');
    await page.focus('.problems-list .problem-fix');
    await page.keyboard.press('Space');
    await problemsSay(page, /^1 warning\.$/);
  });
});

test('on a phone the map is below the editor, and both fit the screen', async () => {
  await withStudio(
    async (page) => {
      const editor = await page.locator('#editor').boundingBox();
      const map = await page.locator('#map').boundingBox();
      assert.ok(map.y >= editor.y + editor.height, 'the map comes after the editor');
      assert.ok(editor.width <= 390 && map.width <= 390, 'neither is wider than the screen');
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390, 'no sideways scrolling');
      // Typing in an [[entity]] does not open the map's bottom sheet over the text (the selection is synchronous).
      const history = await page.evaluate(() => history.length);
      await selectText(page, EXAMPLE.indexOf('id = "mara-lind"'));
      assert.equal((await mapWith(page)).selected, null);
      assert.equal(await page.evaluate(() => history.length), history);
    },
    { contextOptions: PHONE },
  );
});
