// Shared end-to-end plumbing: a tiny static server for dist/ (mounted at / and
// at a sub-path, to prove every URL the page uses is relative), Chromium via
// playwright-core, and helpers to open the map and read the widget's state.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');
/** The second mount point of dist/. */
export const SUB_PATH = '/some/sub/path/';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.amap': 'application/octet-stream',
  '.toml': 'application/toml; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.zip': 'application/zip',
};

function checkDist() {
  for (const f of ['index.html', 'main.js', 'embed.js', 'element.js', 'pkg/alliance_map_bg.wasm', 'pkg/alliance_map_paint_bg.wasm']) {
    if (!fs.existsSync(path.join(DIST, f))) {
      throw new Error(`dist/${f} is missing: run scripts/build.sh first (scripts/setup.sh build once if wasm-bindgen or node_modules are missing)`);
    }
  }
}

/** Maps a URL path under a mount to a file in dist/ (or in `mount.dir` for an extra mount), or null. */
function resolveFile(urlPath, mount = null) {
  const root = mount ? mount.dir : DIST;
  const rel = mount ? urlPath.slice(mount.prefix.length) : urlPath.startsWith(SUB_PATH) ? urlPath.slice(SUB_PATH.length) : urlPath.slice(1);
  let file;
  try {
    file = path.resolve(root, decodeURIComponent(rel));
  } catch {
    return null;
  }
  if (file !== root && !file.startsWith(root + path.sep)) return null; // no ../ escapes
  try {
    if (fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    return fs.statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/**
 * Starts the static server on a free port. Resolves to {url, subUrl, requests, close()}.
 * Options (all optional, for tests beyond the demo page):
 * - mounts: [{prefix: '/test/', dir: '/abs/dir', headers: {...}}]: serve `dir`
 *   at `prefix` (which starts and ends with '/'); `headers` are added to every
 *   response from that mount. Checked before dist/.
 * - headers: {'/exact/url/path': {header: value}}: extra response headers for one URL path.
 */
// Compressed once per file version, as a CDN caches it: compressing a 1.7 MB
// data.amap at level 9 on every request took 0.6 s and held back every other
// response of the page.
const gzipCache = new Map();
function gzipped(file, body) {
  const key = `${file}:${fs.statSync(file).mtimeMs}`;
  if (!gzipCache.has(key)) gzipCache.set(key, zlib.gzipSync(body, { level: 9 }));
  return gzipCache.get(key);
}

/**
 * Serves dist/ (and extra `mounts`). With `gzip: true`, responses are
 * gzip-compressed when the browser accepts it, as static hosts do (GitHub
 * Pages, Netlify, S3 behind a CDN): the benchmarks use it, the tests do not.
 */
export async function startServer({ mounts = [], headers = {}, gzip = false } = {}) {
  checkDist();
  const requests = []; // every URL path asked for, in order
  const server = http.createServer((req, res) => {
    const urlPath = new URL(req.url, 'http://x').pathname;
    requests.push(urlPath);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { 'content-type': 'text/plain' }).end('method not allowed\n');
      return;
    }
    if (urlPath === SUB_PATH.slice(0, -1)) {
      res.writeHead(301, { location: SUB_PATH }).end();
      return;
    }
    const mount = mounts.find((m) => urlPath.startsWith(m.prefix)) || null;
    const file = resolveFile(urlPath, mount);
    const type = file && MIME[path.extname(file).toLowerCase()];
    if (!file || !type) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: ${urlPath}\n`);
      return;
    }
    let body = fs.readFileSync(file);
    const compress = gzip && /\bgzip\b/.test(req.headers['accept-encoding'] || '');
    if (compress) body = gzipped(file, body);
    res.writeHead(200, {
      'content-type': type,
      ...(compress ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
      'content-length': body.length,
      'cache-control': 'no-store',
      ...(mount?.headers || {}),
      ...(headers[urlPath] || {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    subUrl: url + SUB_PATH,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * Builds `toml` into a static site at `out` with `alliance-map build` and the
 * built widget in dist/ (`extra`: more CLI arguments, e.g. --no-layout;
 * `release: true` runs the optimised command, for maps of 100,000 entities).
 */
export function buildSite(toml, out, extra = [], { release = false } = {}) {
  fs.rmSync(out, { recursive: true, force: true });
  const args = ['run', ...(release ? ['--release'] : []), '-q', '--', 'build', toml, '-o', out, '--widget', 'dist', ...extra];
  execFileSync('cargo', args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 << 20 });
}

/**
 * Writes a generated dataset (`examples/synth_toml.rs`: Barabási–Albert,
 * names of a realistic length) of `entities` and `relations` to `out`.
 * `release: true` for benchmarks (the example is then built optimised);
 * `shape`: 'ba', 'star' or 'complete' (then `relations` is ignored).
 */
export function writeSynthToml(out, entities, relations, seed, { release = false, shape = 'ba' } = {}) {
  const args = ['run', ...(release ? ['--release'] : []), '-q', '--example', 'synth_toml', '--', String(entities), String(relations), String(seed), shape];
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, execFileSync('cargo', args, { cwd: ROOT, maxBuffer: 256 << 20 }));
}

/**
 * A test file's server and browser: started before its tests, stopped after
 * them. Returns `{server, browser}`, filled in once they are up.
 * `serverOptions` may be a function, called in `before` (for set-up that
 * must happen first, e.g. building a site to mount).
 */
export function useServerAndBrowser(serverOptions = {}) {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer(typeof serverOptions === 'function' ? await serverOptions() : serverOptions);
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * `withMap(fn, options)` for a test file's `env` (see useServerAndBrowser):
 * opens the seed map on a fresh page (at `urlPath` under `base`, the server
 * root by default), runs `fn(page, context)`, then asserts no console or
 * page error happened.
 */
export function mapOpener(env) {
  return async function withMap(fn, { contextOptions = DESKTOP, urlPath = '/', base } = {}) {
    await withContextPage(env.browser, contextOptions, async (page, context) => {
      const errors = await openMap(page, base ?? env.server.url, urlPath);
      await fn(page, context);
      assert.deepEqual(errors, [], 'no console error or page error');
    });
  };
}

/** Runs `fn(page, context)` in a fresh context of `browser`, closed afterwards. */
export async function withContextPage(browser, contextOptions, fn) {
  const context = await browser.newContext(contextOptions);
  try {
    return await fn(await context.newPage(), context);
  } finally {
    await context.close();
  }
}

/** The strict policy a careful host page sets (img-src falls back to 'self': no blob: or data: images). */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
export const CSP_HEADERS = { 'content-security-policy': CSP };

/** Records securitypolicyviolation events in `window.__violations` (init scripts are not subject to the page's CSP). */
export function recordViolations(page) {
  return page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
}

export const DESKTOP = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, colorScheme: 'light', reducedMotion: 'reduce' };
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, colorScheme: 'light', reducedMotion: 'reduce' };

/** Records console errors and uncaught page errors of `page` into the returned array. */
export function collectErrors(page) {
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      errors.push(`console.error: ${msg.text()}${loc && loc.url ? ` (${loc.url})` : ''}`);
    }
  });
  page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
  return errors;
}

/** `urlPath` ('/', '/?data=x') resolved under `base` (the server root or the sub-path URL). */
export function pageUrl(base, urlPath = '/') {
  return new URL(urlPath.replace(/^\//, ''), base.endsWith('/') ? base : base + '/').href;
}

/**
 * Opens the map at `urlPath` (relative to the server root) and waits until the
 * widget has drawn at least one node. Fails at once if the widget shows its
 * error box instead. Returns the array of console/page errors seen so far
 * (kept up to date); check it with assertNoErrors.
 */
export async function openMap(page, base, urlPath = '/') {
  const errors = page.__errors || (page.__errors = collectErrors(page));
  await page.goto(pageUrl(base, urlPath));
  const status = await page
    .waitForFunction(
      () => {
        const map = document.querySelector('#map');
        const box = map && map.querySelector('.am-error');
        if (box) return `error box: ${box.textContent}`;
        return map && map.allianceMap && map.allianceMap.state().drawn.nodes > 0 ? 'drawn' : false;
      },
      null,
      { timeout: 15000 },
    )
    .then((h) => h.jsonValue())
    .catch((e) => `not drawn within 15 s (${e.message.split('\n')[0]}); errors: ${errors.join(' | ') || 'none'}`);
  if (status !== 'drawn') throw new Error(`the map at ${urlPath} did not draw: ${status}`);
  await waitForStableView(page);
  return errors;
}

/** Opens a page whose map is expected to fail: waits for the .am-error box. */
export async function openBrokenMap(page, base, urlPath) {
  const errors = page.__errors || (page.__errors = collectErrors(page));
  await page.goto(pageUrl(base, urlPath));
  await page.waitForSelector('#map .am-error', { state: 'visible', timeout: 15000 });
  return errors;
}

/** Waits for two animation frames, so that any requested redraw has happened. */
export function nextFrames(page, n = 2) {
  return page.evaluate(
    (n) =>
      new Promise((resolve) => {
        const step = (k) => (k === 0 ? resolve() : requestAnimationFrame(() => step(k - 1)));
        step(n);
      }),
    n,
  );
}

/**
 * Waits until the canvas box and the camera have stayed the same for `frames`
 * animation frames. (On load the stage can grow over several ResizeObserver
 * rounds; a click aimed at an entity while it still moves could miss.)
 */
export function waitForStableView(page, frames = 3) {
  return page.evaluate(
    (frames) =>
      new Promise((resolve, reject) => {
        const map = document.querySelector('#map');
        const key = () => {
          const r = map.querySelector('.am-canvas').getBoundingClientRect();
          return JSON.stringify([r.left, r.top, r.width, r.height, map.allianceMap.state().camera]);
        };
        let last = key();
        let same = 0;
        let n = 0;
        const tick = () => {
          const k = key();
          same = k === last ? same + 1 : 0;
          last = k;
          if (same >= frames) resolve();
          else if (++n > 600) reject(new Error('the view did not settle within 600 frames'));
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    frames,
  );
}

/** The widget's state(): {nodeCount, edgeCount, entityIds, camera, drawn, labels, selected}. */
export function mapState(page) {
  return page.evaluate(() => document.querySelector('#map').allianceMap.state());
}

/** Viewport (client) CSS-px position of an entity, or null. */
export function entityPosition(page, id) {
  return page.evaluate((id) => document.querySelector('#map').allianceMap.entityScreenPosition(id), id);
}

/** The canvas bounding box in viewport CSS px. */
export function canvasBox(page) {
  return page.evaluate(() => {
    const r = document.querySelector('#map .am-canvas').getBoundingClientRect();
    return { left: r.left, top: r.top, width: r.width, height: r.height };
  });
}

/**
 * A point of the canvas (viewport px, integers) around which nothing is drawn
 * within `clearance` px (judged on the canvas pixels: no node, edge or label),
 * away from the toolbar and the canvas border, nearest to the preferred
 * fraction (fx, fy) of the canvas.
 */
export async function emptyPoint(page, { fx = 0.5, fy = 0.5, clearance = 30 } = {}) {
  const box = await canvasBox(page);
  const toolbar = await page.locator('#map .am-toolbar').boundingBox();
  // A story's bar covers the canvas's lower left.
  const bar = (await page.locator('#map .am-steps').count()) ? await page.locator('#map .am-steps').boundingBox() : null;
  const png = PNG.sync.read(await page.locator('#map .am-canvas').screenshot({ scale: 'css' }));
  const { width: w, height: h, data } = png;
  const bg = [data[0], data[1], data[2]]; // the top-left corner is background
  // Summed-area table of "something drawn here" pixels.
  const sat = new Int32Array((w + 1) * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      const i = 4 * (y * w + x);
      const ink = Math.abs(data[i] - bg[0]) + Math.abs(data[i + 1] - bg[1]) + Math.abs(data[i + 2] - bg[2]) > 12 ? 1 : 0;
      row += ink;
      sat[(y + 1) * (w + 1) + x + 1] = sat[y * (w + 1) + x + 1] + row;
    }
  }
  const inkIn = (x0, y0, x1, y1) => sat[y1 * (w + 1) + x1] - sat[y0 * (w + 1) + x1] - sat[y1 * (w + 1) + x0] + sat[y0 * (w + 1) + x0];
  let best = null;
  const margin = Math.max(clearance, 40);
  for (let y = margin; y <= h - margin; y += 5) {
    for (let x = margin; x <= w - margin; x += 5) {
      const px = Math.round(box.left + x);
      const py = Math.round(box.top + y);
      if (toolbar && px > toolbar.x - margin && py < toolbar.y + toolbar.height + margin) continue;
      if (bar && px < bar.x + bar.width + margin && py > bar.y - margin && py < bar.y + bar.height + margin) continue;
      if (inkIn(x - clearance, y - clearance, x + clearance, y + clearance) > 0) continue;
      const d = Math.hypot(x - fx * w, y - fy * h);
      if (!best || d < best.d) best = { x: px, y: py, d };
    }
  }
  if (!best) throw new Error(`no empty ${2 * clearance} px square found on the canvas`);
  return { x: best.x, y: best.y };
}

/** Fails with every recorded error, unless each matches one of `allowed` (RegExps). */
export function unexpectedErrors(errors, allowed = []) {
  return errors.filter((e) => !allowed.some((re) => re.test(e)));
}
