// A small Vite app, as a graphics desk would write it: the package installed
// from its tarball, the README's example (`import 'alliance-map/element'`,
// an `<alliance-map src="data.amap">` added to the page), and `mount()` with
// the package's CSS in a container of its own; data.amap from
// `npx alliance-map build`. Built with
// `vite build` and served as static files, and run on Vite's dev server
// (which pre-bundles the package): in Chromium both maps draw every entity,
// the element's `select` event arrives, the wasm comes through Vite's asset
// pipeline, and no console error happens. A second page (an editor's)
// imports `alliance-map/compiler`: init() finds the package's wasm and
// check() reports a mistake.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { build, createServer } from 'vite';
import { copyInto, installed, npx, pack } from './harness.mjs';
import { collectErrors, launchBrowser, startServer, withContextPage, DESKTOP } from '../e2e/harness.mjs';

let app; // {dir, env}
let browser;

const INDEX = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>A map in a Vite app</title>
</head>
<body>
<h1>Who is tied to whom</h1>
<div id="map"></div>
<div id="mounted" style="height: 420px"></div>
<script type="module" src="./main.js"></script>
</body>
</html>
`;

// The README's example (### With npm), then mount() with the package's CSS.
const MAIN = `import 'alliance-map/element'; // defines <alliance-map>; its wasm and CSS come along
const map = document.createElement('alliance-map');
map.setAttribute('src', 'data.amap');
map.addEventListener('select', (e) => console.log(e.detail?.title));
document.querySelector('#map').append(map);

import { mount } from 'alliance-map';
import 'alliance-map/style.css';
window.selections = [];
map.addEventListener('select', (e) => window.selections.push(e.detail && e.detail.title));
mount(document.querySelector('#mounted'), { src: 'data.amap' });
`;

const EDITOR = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Editor</title></head>
<body><pre id="out"></pre><script type="module" src="./editor.js"></script></body>
</html>
`;

const EDITOR_JS = `import init, { check } from 'alliance-map/compiler';

await init();
const checked = check([{ name: 'data.toml', text: 'title = "T"\\n[[entity]]\\nid = "a"\\nname = "A"\\nkind = "compnay"\\n' }]);
document.querySelector('#out').textContent = JSON.stringify({ errors: checked.errors, codes: checked.diagnostics.map((d) => d.code) });
`;

/** The app's Vite config: two pages. */
const config = () => ({
  root: app.dir,
  configFile: false,
  build: { rolldownOptions: { input: { main: path.join(app.dir, 'index.html'), editor: path.join(app.dir, 'editor.html') } } },
});

before(async () => {
  const tarball = pack();
  app = installed('vite', tarball);
  copyInto(app.dir, ['data/seed.toml']);
  const built = npx(app.dir, app.env, ['build', 'seed.toml', '-o', 'site']);
  assert.equal(built.status, 0, `npx alliance-map build: ${built.stderr}`);
  fs.mkdirSync(path.join(app.dir, 'public'));
  fs.copyFileSync(path.join(app.dir, 'site/data.amap'), path.join(app.dir, 'public/data.amap'));
  fs.writeFileSync(path.join(app.dir, 'index.html'), INDEX);
  fs.writeFileSync(path.join(app.dir, 'main.js'), MAIN);
  fs.writeFileSync(path.join(app.dir, 'editor.html'), EDITOR);
  fs.writeFileSync(path.join(app.dir, 'editor.js'), EDITOR_JS);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** Opens `url`, waits until both maps draw; returns what the page saw. */
async function openApp(url) {
  return withContextPage(browser, DESKTOP, async (page) => {
    const errors = collectErrors(page);
    const wasm = [];
    page.on('response', (r) => {
      if (r.url().endsWith('.wasm')) wasm.push(`${r.status()} ${new URL(r.url()).pathname}`);
      if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.url()}`);
    });
    await page.goto(url);
    const status = await page
      .waitForFunction(
        () => {
          const element = document.querySelector('alliance-map');
          const container = document.querySelector('#mounted');
          const box = element.shadowRoot?.querySelector('.am-error') || container.querySelector('.am-error');
          if (box) return `error box: ${box.textContent}`;
          const a = element.widget?.state();
          const b = container.allianceMap?.state();
          return a && b && a.drawn.nodes > 0 && b.drawn.nodes > 0 ? 'drawn' : false;
        },
        null,
        { timeout: 20000 },
      )
      .then((h) => h.jsonValue())
      .catch((e) => `not drawn: ${e.message.split('\n')[0]}`);
    assert.equal(status, 'drawn', `both maps draw (errors: ${errors.join(' | ') || 'none'})`);
    const state = await page.evaluate(() => {
      const element = document.querySelector('alliance-map');
      element.widget.select('entity', 0);
      const a = element.widget.state();
      const b = document.querySelector('#mounted').allianceMap.state();
      return { element: { nodes: a.nodeCount, drawn: a.drawn.nodes }, mounted: { nodes: b.nodeCount, drawn: b.drawn.nodes } };
    });
    await page.waitForFunction(() => window.selections.length > 0, null, { timeout: 5000 });
    const selections = await page.evaluate(() => window.selections);
    return { errors, wasm, state, selections };
  });
}

/** Opens the editor page at `url`; returns what its check() reported. */
async function openEditor(url) {
  return withContextPage(browser, DESKTOP, async (page) => {
    const errors = collectErrors(page);
    await page.goto(url);
    const out = await page.waitForFunction(() => document.querySelector('#out').textContent, null, { timeout: 20000 }).then((h) => h.jsonValue());
    assert.deepEqual(errors, [], 'no console error on the editor page');
    return JSON.parse(out);
  });
}

function assertChecked(result) {
  assert.ok(result.errors >= 1, 'check() finds the mistakes');
  assert.ok(result.codes.includes('E016'), `an unknown kind among ${result.codes}`);
}

function assertDrawn(seen) {
  assert.deepEqual(seen.errors, [], 'no console error, page error or failed request');
  assert.ok(seen.state.element.nodes > 20, 'the seed has its entities');
  assert.equal(seen.state.element.drawn, seen.state.element.nodes, 'the element draws every entity');
  assert.equal(seen.state.mounted.drawn, seen.state.mounted.nodes, 'mount() draws every entity');
  assert.equal(seen.selections.length, 1, "the element's select event reaches the page");
  assert.equal(typeof seen.selections[0], 'string');
}

test('vite build: the built app shows the map in Chromium, and its editor page runs the compiler', async () => {
  const warnings = [];
  const logger = { info() {}, warn: (m) => warnings.push(m), warnOnce: (m) => warnings.push(m), error: (m) => warnings.push(m), clearScreen() {}, hasErrorLogged: () => false, hasWarned: false };
  await build({ ...config(), logLevel: 'warn', customLogger: logger });
  const out = path.join(app.dir, 'dist');
  const assets = fs.readdirSync(path.join(out, 'assets'));
  assert.ok(assets.some((f) => /^alliance_map_paint_bg-.*\.wasm$/.test(f)), `Vite emitted the first-frame wasm as an asset (${assets.join(', ')})`);
  assert.ok(assets.some((f) => /^alliance_map_bg-.*\.wasm$/.test(f)), 'and the full wasm');
  assert.deepEqual(warnings, [], 'vite build warns about nothing');
  const server = await startServer({ mounts: [{ prefix: '/', dir: out }] });
  try {
    const seen = await openApp(`${server.url}/`);
    assertDrawn(seen);
    assert.ok(seen.wasm.every((w) => /^200 \/assets\//.test(w)), `the wasm came from Vite's assets: ${seen.wasm.join(', ')}`);
    assert.ok(!seen.wasm.some((w) => w.includes('compiler')), "the map's page never loads the compiler");
    assertChecked(await openEditor(`${server.url}/editor.html`));
  } finally {
    await server.close();
  }
});

test("vite dev server (which pre-bundles the package): the map and the editor page in Chromium", async () => {
  const server = await createServer({ ...config(), logLevel: 'silent', server: { host: '127.0.0.1', port: 0, strictPort: false } });
  await server.listen();
  try {
    const seen = await openApp(server.resolvedUrls.local[0]);
    assertDrawn(seen);
    assert.ok(seen.wasm.length >= 2 && seen.wasm.every((w) => w.startsWith('200 ')), `the wasm loads: ${seen.wasm.join(', ')}`);
    assertChecked(await openEditor(new URL('editor.html', server.resolvedUrls.local[0]).href));
  } finally {
    await server.close();
  }
});
