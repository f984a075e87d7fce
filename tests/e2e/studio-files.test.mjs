// Files in and out of the studio page (dist/studio.html, from a sub-path):
// the published .zip unzipped beside a site `alliance-map build` wrote from
// the same text (the same files, byte for byte, and the same map), the
// data.toml and data.amap downloads and the embed snippets; the draft
// across reloads, Discard, the warning on leaving; hostile files (20 MB,
// binary, not UTF-8, 30,000 problems); rows pasted from a spreadsheet, two
// CSV files, a GEXF file and a dropped file. (Editing: studio.test.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { useServerAndBrowser, collectErrors, buildSite, DESKTOP, ROOT } from './harness.mjs';
import { EXAMPLE, compiler, studioOpener, text, cursor, selectText, summary, problemsSay, notice, noticeSays, publishSays, mapWith, asksOnLeaving, openFiles } from './studio.mjs';

const OUT = path.join(ROOT, 'target/e2e/studio');
const ZIP_SITE = path.join(OUT, 'zip-site');
const CLI_SITE = path.join(OUT, 'cli-site');
fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(ZIP_SITE, { recursive: true });
fs.mkdirSync(CLI_SITE, { recursive: true });
const exported = (format) => compiler.exportData([{ name: 'data.toml', text: EXAMPLE }], format).files;

const env = useServerAndBrowser({
  mounts: [
    { prefix: '/zip-site/', dir: ZIP_SITE },
    { prefix: '/cli-site/', dir: CLI_SITE },
  ],
});
const withStudio = studioOpener(env);

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
    await problemsSay(page, /^30,000 errors, 2 warnings\.$/);
    // Progress, when the check took over a second (the compiler's own time says whether it did).
    const checkMs = await page.evaluate(() => performance.getEntriesByName('studio:diagnostics').at(-1).detail.ms);
    if (checkMs > 1250) assert.match((await page.evaluate(() => window.__progress)).join(' | '), /Checking the data… \d+\.\d s Cancel/);
    assert.equal(await page.locator('.problems-list .problem').count(), 200, 'the first 200 are listed');
    assert.equal(await page.textContent('.problems-rest'), 'and 29,802 more');
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
    await publishSays(page, /^Not published: the data has 30,000 errors\. Fix them first/);
    // A draft this big is kept in IndexedDB, and comes back after a reload.
    await page.waitForFunction(() => Object.entries(localStorage).some(([k, v]) => k.startsWith('alliance-map-studio:draft:') && v.includes('"inIndexedDb":true')));
    await page.reload();
    await noticeSays(page, /^Restored your draft of /);
    assert.equal(await text(page), many);
    await problemsSay(page, /^30,000 errors, 2 warnings\.$/);
  }, { init: watchProgress });
});

test('rows pasted from a spreadsheet, two CSV files, a GEXF and a JSON Graph Format file import as TOML; a dropped file opens', async () => {
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
    await mapWith(page, { nodeCount: 6, edgeCount: 7 });

    const [gexf] = exported('gexf');
    await openFiles(page, [{ name: 'battery.gexf', bytes: gexf.bytes }]);
    await noticeSays(page, /^Imported battery\.gexf as data\.toml/);
    assert.match(await text(page), /id = "mara-lind"/);
    const [jgf] = exported('jgf');
    await openFiles(page, [{ name: 'battery.json', bytes: jgf.bytes }]);
    await noticeSays(page, /^Imported battery\.json as data\.toml/);
    assert.match(await text(page), /publisher = "Example Wire"/, "JSON Graph Format carries the sources' records");
    await mapWith(page, { nodeCount: 6, edgeCount: 7 });

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
