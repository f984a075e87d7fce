// The studio page (dist/studio.html), in Chromium, served from a sub-path
// as a user serves the built folder: open a file, make a mistake and see it
// at its line with its hint, fix it in one click, see the map change; the
// forms write TOML where it belongs and leave the rest of the text alone;
// the map and the editor follow each other; the published .zip holds the
// files `alliance-map build` writes, byte for byte, and draws the same map;
// the draft survives a reload; hostile files get their messages; rows
// pasted from a spreadsheet, two CSV files and a GEXF file import; the
// strict Content-Security-Policy sees no violation; axe-core finds nothing;
// a keyboard reaches and works every control. No timed assertion (the
// 150 ms goal is benches/studio.mjs's to print).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { unzipSync } from 'fflate';
import { useServerAndBrowser, recordViolations, collectErrors, buildSite, waitForStableView, DESKTOP, PHONE, ROOT } from './harness.mjs';

const OUT = path.join(ROOT, 'target/e2e/studio');
const ZIP_SITE = path.join(OUT, 'zip-site');
const CLI_SITE = path.join(OUT, 'cli-site');
fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(ZIP_SITE, { recursive: true });
fs.mkdirSync(CLI_SITE, { recursive: true });
const EXAMPLE = fs.readFileSync(path.join(ROOT, 'tests/fixtures/docs_example.toml'), 'utf8');
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// The compiler module in Node: other formats of the docs example to open.
const compiler = await import(path.join(ROOT, 'pkg/alliance_map_compiler.js'));
compiler.initSync({ module: fs.readFileSync(path.join(ROOT, 'pkg/alliance_map_compiler_bg.wasm')) });
const exported = (format) => compiler.exportData([{ name: 'data.toml', text: EXAMPLE }], format).files;

const env = useServerAndBrowser({
  mounts: [
    { prefix: '/zip-site/', dir: ZIP_SITE },
    { prefix: '/cli-site/', dir: CLI_SITE },
  ],
});

/** Opens the studio in a fresh context (downloads accepted), once its first map is drawn. */
async function withStudio(fn, { contextOptions = DESKTOP, init = null } = {}) {
  const context = await env.browser.newContext({ ...contextOptions, acceptDownloads: true });
  try {
    const page = await context.newPage();
    await recordViolations(page);
    if (init) await page.addInitScript(init);
    const errors = collectErrors(page);
    await page.goto(`${env.server.subUrl}studio.html`);
    await mapWith(page);
    await fn(page, context);
    assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no Content-Security-Policy violation');
    assert.deepEqual(errors, [], 'no console error or page error');
  } finally {
    await context.close();
  }
}

const text = (page) => page.evaluate(() => document.querySelector('#editor').editorView.state.doc.toString());
const cursor = (page) => page.evaluate(() => document.querySelector('#editor').editorView.state.selection.main.head);
/** Selects from..to in the editor as the user would (a 'select' event) and puts the keyboard there. */
const selectText = (page, from, to = from) =>
  page.evaluate(
    ([from, to]) => {
      const view = document.querySelector('#editor').editorView;
      view.dispatch({ selection: { anchor: from, head: to }, userEvent: 'select.pointer', scrollIntoView: true });
      view.focus();
    },
    [from, to],
  );
const summary = (page) => page.textContent('.problems-summary');
/** Waits for the Problems summary to match `re`. */
const problemsSay = (page, re) => page.waitForFunction((src) => new RegExp(src).test(document.querySelector('.problems-summary').textContent), re.source, { timeout: 30000 });
/**
 * Waits until the map's state() has what `want` says ({nodeCount, edgeCount,
 * label: a label drawn, entity: an id mapped, selected: true}); resolves to the state.
 * (Data, not a predicate: the page's policy forbids the eval a predicate string needs.)
 */
async function mapWith(page, want = {}) {
  const handle = await page.waitForFunction(
    (want) => {
      const map = document.querySelector('#map').allianceMap;
      if (!map || map.destroyed) return false;
      const s = map.state();
      if (s.drawn.nodes === 0) return false;
      if (want.nodeCount !== undefined && s.nodeCount !== want.nodeCount) return false;
      if (want.edgeCount !== undefined && s.edgeCount !== want.edgeCount) return false;
      if (want.label !== undefined && !s.labels.includes(want.label)) return false;
      if (want.entity !== undefined && !s.entityIds.includes(want.entity)) return false;
      if (want.selected && !(s.selected && s.selected.kind === 'entity')) return false;
      return s;
    },
    want,
    { timeout: 30000 },
  );
  return handle.jsonValue();
}
/** Whether leaving the page now would ask first (its beforeunload handler cancels the event). */
const asksOnLeaving = (page) =>
  page.evaluate(() => {
    const e = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(e);
    return e.defaultPrevented;
  });
const notice = (page) => page.textContent('#notice .notice-text');
const noticeSays = (page, re) => page.waitForFunction((src) => new RegExp(src).test(document.querySelector('#notice .notice-text').textContent), re.source, { timeout: 30000 });
const openFiles = (page, files) => page.setInputFiles('#open-file', files.map(({ name, text: t, bytes }) => ({ name, mimeType: 'text/plain', buffer: bytes ? Buffer.from(bytes) : Buffer.from(t) })));
const lineColumn = (t, offset) => {
  const before = t.slice(0, offset);
  return `${before.split('\n').length}:${offset - before.lastIndexOf('\n')}`;
};

test('open a file, make a mistake, see it at its line with its hint, fix it in one click, and the map changes', async () => {
  await withStudio(async (page) => {
    await openFiles(page, [{ name: 'battery.toml', text: EXAMPLE }]);
    await noticeSays(page, /^Opened battery\.toml\.$/);
    assert.equal(await page.textContent('#file-name'), 'battery.toml');
    assert.equal(await text(page), EXAMPLE);
    const before = await mapWith(page, { nodeCount: 6, edgeCount: 6 });

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
    const entity = '\n\n[[entity]]\nid = "nordic-battery-alliance"\nname = "Nordic Battery Alliance"\nkind = "alliance"';
    const relation = '\n\n[[relation]]\ntype = "member_of"\nfrom = "kestrel"\nto = "nordic-battery-alliance"\nsources = ["daily-2024"]';
    const afterSources = EXAMPLE.indexOf('\n\n# ---- Entities');
    const afterEntities = EXAMPLE.indexOf('\n\n# ---- Relations');
    const end = EXAMPLE.trimEnd().length;
    const expected = EXAMPLE.slice(0, afterSources) + source + EXAMPLE.slice(afterSources, afterEntities) + entity + EXAMPLE.slice(afterEntities, end) + relation + EXAMPLE.slice(end);
    assert.equal(await text(page), expected, 'three tables inserted, every other byte kept');
    const state = await mapWith(page, { nodeCount: 7, edgeCount: 7 });
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

test('the .zip holds the files `alliance-map build` writes, byte for byte, and draws the same map; data.toml, data.amap and the embed snippets', async () => {
  await withStudio(async (page) => {
    // An edit first, so the site is of the user's text, not only the example.
    const at = EXAMPLE.indexOf('Mara Lind');
    await selectText(page, at, at + 'Mara Lind'.length);
    await page.keyboard.type('Mara Lind-Berg');
    await mapWith(page, { label: 'Mara Lind-Berg' });
    const base = `${env.server.url}/zip-site/`;
    await page.fill('#base-url', base);
    const snippet = await page.inputValue('#snippet-iframe');
    assert.equal(
      snippet,
      `<iframe class="alliance-map-embed" src="${base}embed.html" title="The Ardent–Kestrel battery venture" width="100%" height="600" loading="lazy"></iframe>\n<script src="${base}embed-resizer.js"></script>`,
    );
    assert.equal(await page.inputValue('#snippet-element'), `<script type="module" src="${base}element.js"></script>\n<alliance-map src="${base}data.amap" height="600"></alliance-map>`);

    const [zip] = await Promise.all([page.waitForEvent('download'), page.click('button[data-publish="zip"]')]);
    assert.equal(zip.suggestedFilename(), 'site.zip');
    const files = unzipSync(fs.readFileSync(await zip.path()));
    for (const [name, bytes] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(ZIP_SITE, name)), { recursive: true });
      fs.writeFileSync(path.join(ZIP_SITE, name), bytes);
    }
    const [toml] = await Promise.all([page.waitForEvent('download'), page.click('button[data-publish="toml"]')]);
    assert.equal(toml.suggestedFilename(), 'data.toml');
    const source = fs.readFileSync(await toml.path(), 'utf8');
    assert.equal(source, await text(page));
    const [amap] = await Promise.all([page.waitForEvent('download'), page.click('button[data-publish="amap"]')]);
    const amapBytes = fs.readFileSync(await amap.path());

    // The same text through the command line.
    const input = path.join(OUT, 'data.toml');
    fs.writeFileSync(input, source);
    buildSite(input, CLI_SITE, ['--base-url', `${env.server.url}/zip-site/`]);
    const list = (dir, prefix = '') =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? list(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`])).sort();
    const cli = list(CLI_SITE);
    assert.deepEqual(Object.keys(files).sort(), cli, 'the same files as the command writes');
    for (const name of cli) assert.ok(Buffer.from(files[name]).equals(fs.readFileSync(path.join(CLI_SITE, name))), `${name} is byte-identical`);
    assert.ok(amapBytes.equals(fs.readFileSync(path.join(CLI_SITE, 'data.amap'))), 'the data.amap download is the command line one');
    assert.ok(cli.includes('oembed.json') && cli.includes('index.html') && cli.includes('pkg/alliance_map_bg.wasm'));
  });

  // Both sites draw the same map.
  const draw = async (site) => {
    const context = await env.browser.newContext(DESKTOP);
    try {
      const page = await context.newPage();
      const errors = collectErrors(page);
      await page.goto(`${env.server.url}/${site}/index.html`);
      const state = await mapWith(page);
      const geometry = await page.evaluate(() => document.querySelector('#map').allianceMap.geometry());
      assert.deepEqual(errors, []);
      return { state, geometry, title: await page.title() };
    } finally {
      await context.close();
    }
  };
  const fromZip = await draw('zip-site');
  const fromCli = await draw('cli-site');
  assert.deepEqual(fromZip.geometry, fromCli.geometry);
  assert.deepEqual(fromZip.state.entityIds, fromCli.state.entityIds);
  assert.equal(fromZip.state.drawn.nodes, 6);
  assert.ok(fromZip.state.labels.includes('Mara Lind-Berg'));
  assert.equal(fromZip.title, fromCli.title);
});

test('the draft survives a reload, says when it was saved, and can be discarded; leaving with changes never downloaded asks first', async () => {
  await withStudio(async (page) => {
    const at = EXAMPLE.indexOf('Example Wire');
    await selectText(page, at, at + 'Example Wire'.length);
    await page.keyboard.type('Draft Wire');
    const drafted = await text(page);
    await page.waitForFunction((t) => Object.entries(localStorage).some(([k, v]) => k.startsWith('alliance-map-studio:draft:') && v.includes('Draft Wire')), drafted);

    // Leaving asks: the change was never downloaded.
    const dialogs = [];
    page.on('dialog', (d) => {
      dialogs.push(d.type());
      d.accept();
    });
    await page.reload();
    assert.deepEqual(dialogs, ['beforeunload'], 'leaving asked first');
    await mapWith(page);
    await noticeSays(page, /^Restored your draft of .+\.$/);
    assert.equal(await text(page), drafted);
    assert.ok(await page.isVisible('#notice .notice-discard'));
    // Restored, still never downloaded: leaving would ask again.
    const asks = await asksOnLeaving(page);
    assert.equal(asks, true, 'leaving with the restored, never downloaded change asks first');

    await page.click('#notice .notice-discard');
    await noticeSays(page, /^Discarded your draft: the example is open\.$/);
    assert.equal(await text(page), EXAMPLE);
    const calm = await asksOnLeaving(page);
    assert.equal(calm, false, 'the example as it is needs no warning');
    await page.reload();
    await mapWith(page);
    assert.equal(await notice(page), '', 'no draft to restore');

    // Downloaded: no warning.
    await selectText(page, 0);
    await page.keyboard.type('# mine\n');
    await page.waitForFunction(() => Object.values(localStorage).some((v) => v.includes('# mine')));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-publish="toml"]')]);
    await download.path();
    const downloaded = await asksOnLeaving(page);
    assert.equal(downloaded, false, 'downloaded as it is: leaving does not ask');
    page.removeAllListeners('dialog');
    assert.deepEqual(dialogs, ['beforeunload'], 'the reloads after discarding did not ask');
  });
});

test('hostile files get a clear message and the page stays usable: 20 MB, binary, not UTF-8, 30,000 problems', async () => {
  // Records what the progress line said whenever it showed.
  const watchProgress = () =>
    document.addEventListener('DOMContentLoaded', () => {
      window.__progress = [];
      const el = document.getElementById('progress');
      new MutationObserver(() => el.hidden || window.__progress.push(el.textContent.replace(/\s+/g, ' ').trim())).observe(el, { attributes: true, childList: true, subtree: true, characterData: true });
    });
  await withStudio(async (page) => {
    await openFiles(page, [{ name: 'huge.toml', bytes: Buffer.alloc(20 * 1024 * 1024, 0x61) }]);
    await noticeSays(page, /^huge\.toml is 20\.0 MB: the studio opens files up to 10\.0 MB\. Check and build it with the command line instead/);
    await openFiles(page, [{ name: 'photo.toml', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]) }]);
    await noticeSays(page, /^photo\.toml is not a text file: it holds binary data \(a zero byte at line 3, column 1\)/);
    await openFiles(page, [{ name: 'latin1.csv', bytes: Buffer.concat([Buffer.from('Id,Label\nsg,Soci'), Buffer.from([0xe9, 0x74, 0xe9]), Buffer.from('\n')]) }]);
    await noticeSays(page, /^latin1\.csv is not UTF-8 text: the byte 0xE9 at line 2, column 8 is not UTF-8\. Save the file as UTF-8/);
    await openFiles(page, [{ name: 'a.png', bytes: Buffer.from([1, 2, 3]) }]);
    await noticeSays(page, /^a\.png is not a file the studio reads/);
    assert.equal(await text(page), EXAMPLE, 'nothing refused replaced the text');
    assert.ok(await page.evaluate(() => document.querySelector('#notice').classList.contains('notice-problem')));

    let many = '[[source]]\nid = "s"\ntitle = "S"\n';
    for (let i = 0; i < 30000; i++) many += `\n[[entity]]\nid = "e${i}"\nname = "Entity ${i}"\nkind = "compnay"\n`;
    await openFiles(page, [{ name: 'many.toml', text: many }]);
    await problemsSay(page, /^30,000 errors, 1 warning\.$/);
    // Progress, when the check took over a second (the compiler's own time says whether it did).
    const checkMs = await page.evaluate(() => performance.getEntriesByName('studio:diagnostics').at(-1).detail.ms);
    if (checkMs > 1250) assert.match((await page.evaluate(() => window.__progress)).join(' | '), /Checking the data… \d+\.\d s Cancel/);
    assert.equal(await page.locator('.problems-list .problem').count(), 200, 'the first 200 are listed');
    assert.equal(await page.textContent('.problems-rest'), 'and 29,801 more');
    await page.click('.problems-more button');
    assert.equal(await page.locator('.problems-list .problem').count(), 400);
    assert.match(await page.locator('.problems-list .problem').nth(399).textContent(), /E016 .*`compnay`.*did you mean `company`/);
    // The page answers while it holds 30,000 problems: the list moves the editor, the editor takes keys.
    await page.locator('.problems-list .problem-go').nth(300).click();
    const where = await cursor(page);
    assert.equal((await text(page)).slice(where - 9, where), '"compnay"');
    assert.ok((await page.locator('#editor >> .cm-lintRange-error').count()) > 0);
    assert.match(await page.textContent('#map-note'), /last version without errors/);
    // The map still shows the last map without errors; publishing says why it cannot.
    await mapWith(page, { nodeCount: 6 });
    await page.click('button[data-publish="zip"]');
    await page.waitForFunction(() => /^Not published: the data has 30,000 errors\. Fix them first/.test(document.querySelector('.publish-note').textContent));
    // A draft this big is kept in IndexedDB, and comes back after a reload.
    await page.waitForFunction(() => Object.entries(localStorage).some(([k, v]) => k.startsWith('alliance-map-studio:draft:') && v.includes('"inIndexedDb":true')));
    await page.reload();
    await noticeSays(page, /^Restored your draft of /);
    assert.equal(await text(page), many);
    await problemsSay(page, /^30,000 errors, 1 warning\.$/);
  }, { init: watchProgress });
});

test('rows pasted from a spreadsheet, two CSV files and a GEXF file import as TOML', async () => {
  await withStudio(async (page) => {
    // Rows as a spreadsheet copies them: tab-separated, a quoted cell with a comma and a line break.
    const rows = 'Source\tTarget\tType\tSources\nardent\tkestrel\tpartner_of\twire\nkestrel\t"Battery\nMakers, Inc."\tmember_of\twire\n';
    await page.click('#paste-button');
    await page.fill('#rows-text', rows);
    await page.click('#paste-rows button[value="import"]');
    await noticeSays(page, /^Imported the pasted rows as data\.toml/);
    assert.match(await text(page), /\[\[relation\]\]/);
    await mapWith(page, { nodeCount: 3, edgeCount: 2 });

    // Anywhere outside a text field, a paste of rows imports them too.
    await page.click('h1');
    await page.evaluate((rows) => {
      const data = new DataTransfer();
      data.setData('text/plain', rows);
      document.querySelector('h1').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, rows.replace('partner_of', 'competitor_of'));
    await page.waitForFunction(() => document.querySelector('#editor').editorView.state.doc.toString().includes('competitor_of'));

    const [entities, relations] = exported('csv');
    await openFiles(page, [
      { name: 'entities.csv', bytes: entities.bytes },
      { name: 'relations.csv', bytes: relations.bytes },
    ]);
    await noticeSays(page, /^Imported entities\.csv and relations\.csv as data\.toml/);
    await mapWith(page, { nodeCount: 6, edgeCount: 6 });

    const [gexf] = exported('gexf');
    await openFiles(page, [{ name: 'battery.gexf', bytes: gexf.bytes }]);
    await noticeSays(page, /^Imported battery\.gexf as data\.toml/);
    assert.match(await text(page), /id = "mara-lind"/);

    // Three files at once, or a broken one: said, and the text stays.
    const kept = await text(page);
    await openFiles(page, [
      { name: 'a.csv', text: 'Id\na\n' },
      { name: 'b.csv', text: 'Id\nb\n' },
      { name: 'c.csv', text: 'Id\nc\n' },
    ]);
    await noticeSays(page, /^Open one data file, or one or two \.csv files/);
    await openFiles(page, [{ name: 'broken.gexf', text: '<gexf><graph><nodes><node id="a"' }]);
    await noticeSays(page, /^broken\.gexf could not be imported: see Problems\.$/);
    assert.match(await summary(page), /error.* in broken\.gexf: fix the file and open it again/);
    assert.match(await page.locator('.problems-list .problem').first().textContent(), /broken\.gexf:\d+:\d+/);
    assert.equal(await text(page), kept);

    // Dropped on the page.
    await page.evaluate((toml) => {
      const data = new DataTransfer();
      data.items.add(new File([toml], 'dropped.toml'));
      for (const type of ['dragenter', 'dragover', 'drop']) document.body.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    }, EXAMPLE);
    await noticeSays(page, /^Opened dropped\.toml\./);
    assert.equal(await text(page), EXAMPLE);
    assert.equal(await page.evaluate(() => document.body.classList.contains('dropping')), false);
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

    // A problem is chosen with Enter, its fix with Space.
    const at = EXAMPLE.indexOf('kind = "person"') + 'kind = "pers'.length;
    await selectText(page, at, at + 1);
    await page.keyboard.type('x');
    await problemsSay(page, /^1 error\.$/);
    await page.focus('.problems-list .problem-go');
    await page.keyboard.press('Enter');
    assert.equal(await focused(), 'Data file (TOML)');
    await page.focus('.problems-list .problem-fix');
    await page.keyboard.press('Space');
    await problemsSay(page, /^No problems\.$/);
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
