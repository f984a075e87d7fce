// Panning and zooming a large map: frame intervals and draw times while the
// reader drags, for alliance-map's widget and, beside it, sigma.js +
// graphology (WebGL) on the same graph at the same positions. The target the
// widget issue names: 10k nodes / 50k edges panning at 60 fps.
//
// 1. Data: synth::dataset(10_000, 50_000, 1) (src/synth.rs, the seeded
//    Barabási–Albert generator shared by tests and benches; m = 5, 49,985
//    relations), with realistic-length entity names (~42 characters), as
//    TOML from `cargo run --release --example synth_toml` (examples/).
//    Then `alliance-map build` (release) lays it out into target/bench/pan-site/.
// 2. Sigma page (target/bench/pan-sigma/): esbuild bundle of sigma +
//    graphology; the positions are read from the widget (`geometry()`, in the
//    order of `state().entityIds`), the edges come from `export --format jgf`.
//    Its container has the size of our canvas in each context.
// 3. Each page is opened in a fresh context: desktop 1280x800 @1x (pan: a
//    mouse drag, 4 px every 8 ms for 3 s, back and forth; zoom: ctrl + wheel,
//    deltaY ∓8 every 16 ms for 2 s, in then out) and phone 390x844 @3x touch
//    (a tap first, which wakes our map, then a one-finger drag, 3 px every
//    8 ms, and a two-finger pinch, out then in, via CDP touch events).
//    An init script records every requestAnimationFrame timestamp while a
//    gesture runs, and the time each draw takes (performance.now() around
//    `#map.allianceMap.draw`, and around sigma's `render`). That is the main
//    thread's JavaScript time only: rasterization (the 2D canvas, and the
//    GPU process for WebGL) shows in the frame intervals, not in draw times.
// 4. Browsers: Chromium as the e2e harness launches it ("default": GPU
//    disabled, 2D canvas in software) and with --use-angle=swiftshader
//    --enable-unsafe-swiftshader ("swiftshader": WebGL rendered in software,
//    which sigma needs). Ours runs under both, sigma under swiftshader only.
//    The WebGL renderer each one reports is printed (Chromium 156 already
//    falls back to SwiftShader under the default flags).
// 5. CPU profiles (CDP Profiler, main thread) of the desktop pan, ours under
//    the default flags and sigma under swiftshader, taken in a separate pass
//    so they do not slow the measured one: the most self time is printed.
//
// Headless Chromium renders everything in software on this machine, so the
// absolute numbers are pessimistic; the comparison is what counts. Prints
// figures only, never fails on the goal. Writes target/bench/pan.json.
//
// Run after scripts/build.sh:  node benches/pan.mjs
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { ROOT, startServer, launchBrowser } from '../tests/e2e/harness.mjs';
import { SIGMA_COLORS, writeSigmaPage } from './sigma-page.mjs';

const OUT = path.join(ROOT, 'target/bench');
const GEN_DIR = path.join(OUT, 'pan-gen');
const TOML = path.join(GEN_DIR, 'pan.toml');
const SITE_DIR = path.join(OUT, 'pan-site');
const SIGMA_DIR = path.join(OUT, 'pan-sigma');
const ENTITIES = 10_000;
const RELATIONS = 50_000;
const SEED = 1;
const PAN_MS = 3000;
const ZOOM_MS = 2000;
const FRAME_MS = 1000 / 60;
// performance.now() is coarsened (100 µs, with jitter) and vsync intervals
// wobble: a frame counts as late when its interval exceeds 16.7 ms by more than 1 ms.
const LATE_MS = 16.7 + 1;
const DESKTOP = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
// The harness's launch arguments (tests/e2e/harness.mjs launchBrowser), plus SwiftShader WebGL.
const SWIFTSHADER_ARGS = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
const HARNESS_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const say = (s) => console.error(`==> ${s}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function cargo(args, opts = {}) {
  return execFileSync('cargo', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 28, ...opts });
}

/** Writes the dataset TOML and builds the site; returns what the dataset holds. */
function buildDataset() {
  say(`cargo run --release --example synth_toml -- ${ENTITIES} ${RELATIONS} ${SEED}`);
  fs.mkdirSync(GEN_DIR, { recursive: true });
  fs.writeFileSync(TOML, cargo(['run', '--release', '-q', '--example', 'synth_toml', '--', String(ENTITIES), String(RELATIONS), String(SEED)]));
  say(`alliance-map build ${path.relative(ROOT, TOML)} (release)`);
  fs.rmSync(SITE_DIR, { recursive: true, force: true });
  const t = performance.now();
  cargo(['run', '--release', '-q', '--', 'build', TOML, '-o', SITE_DIR, '--widget', 'dist'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const buildMs = Math.round(performance.now() - t);
  const text = fs.readFileSync(TOML, 'utf8');
  const names = [...text.matchAll(/^name = "(.*)"$/gm)].map((m) => m[1]);
  return {
    entities: names.length,
    relations: (text.match(/^\[\[relation\]\]$/gm) || []).length,
    mean_name_chars: +(names.reduce((s, n) => s + n.length, 0) / names.length).toFixed(1),
    build_ms: buildMs,
    data_amap_bytes: fs.statSync(path.join(SITE_DIR, 'data.amap')).size,
    index_html_bytes: fs.statSync(path.join(SITE_DIR, 'index.html')).size,
  };
}

/** Builds target/bench/pan-sigma/ from the widget's positions and the JGF export's edges. */
async function buildSigmaPage(geo) {
  const jgf = JSON.parse(cargo(['run', '--release', '-q', '--', 'export', TOML, '--format', 'jgf'], { stdio: ['ignore', 'pipe', 'ignore'] }));
  const index = new Map(geo.ids.map((id, i) => [id, i]));
  const nodes = geo.ids.map((id, i) => {
    const n = jgf.graph.nodes[id];
    return { id, label: n.label, kind: n.metadata?.kind ?? '', x: geo.positions[2 * i], y: -geo.positions[2 * i + 1] };
  });
  const edges = jgf.graph.edges.map((e) => [index.get(e.source), index.get(e.target)]);
  const bytes = await writeSigmaPage(SIGMA_DIR, {
    graph: { nodes, edges },
    entry: `import Graph from 'graphology';
import Sigma from 'sigma';
const COLORS = ${SIGMA_COLORS};
const q = new URLSearchParams(location.search);
const box = document.getElementById('sigma');
box.style.width = (q.get('w') || 800) + 'px';
box.style.height = (q.get('h') || 600) + 'px';
const data = await (await fetch('graph.json')).json();
const kinds = [...new Set(data.nodes.map((n) => n.kind))];
const graph = new Graph({ type: 'directed' });
for (const n of data.nodes) graph.addNode(n.id, { x: n.x, y: n.y, size: 4, label: n.label, color: COLORS[kinds.indexOf(n.kind) % COLORS.length] });
for (const [s, t] of data.edges) graph.addEdge(data.nodes[s].id, data.nodes[t].id, { color: '#b8c0cc' });
graph.forEachNode((id) => graph.setNodeAttribute(id, 'size', 2 + Math.sqrt(graph.degree(id))));
window.sigma = new Sigma(graph, box, { defaultEdgeType: 'arrow' });
`,
    target: 'es2022',
    title: 'sigma.js: 10k nodes',
    css: 'body{margin:0;font-family:system-ui,sans-serif}#sigma{position:relative}',
    body: '<div id="sigma"></div>',
  });
  return { nodes: nodes.length, edges: edges.length, bytes };
}

/** Init script: records rAF timestamps and draw durations between __bench.start() and __bench.stop(). */
function recorder() {
  const raf = window.requestAnimationFrame.bind(window);
  const b = { frames: [], draws: [], on: false };
  const tick = (t) => {
    if (!b.on) return;
    b.frames.push(t);
    raf(tick);
  };
  b.start = () => {
    b.frames = [];
    b.draws = [];
    b.on = true;
    raf(tick);
  };
  b.stop = () => {
    b.on = false;
    return { frames: b.frames, draws: b.draws };
  };
  /** Wraps obj[name] to time every call. */
  b.wrap = (obj, name) => {
    const orig = obj[name];
    obj[name] = function (...args) {
      const t0 = performance.now();
      try {
        return orig.apply(this, args);
      } finally {
        if (b.on) b.draws.push(performance.now() - t0);
      }
    };
  };
  window.__bench = b;
}

/** Opens `url` in a fresh context; resolves to {context, page, cdp, box} once the map is interactive and wrapped. */
async function open(browser, device, which, url) {
  const context = await browser.newContext(device);
  const page = await context.newPage();
  await page.addInitScript(recorder);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url, { waitUntil: 'commit', timeout: 120000 });
  const ready =
    which === 'ours'
      ? () => {
          const w = document.querySelector('#map')?.allianceMap;
          if (!w) return false;
          if (!w.__wrapped) {
            window.__bench.wrap(w, 'draw');
            w.__wrapped = true;
          }
          return true;
        }
      : () => {
          if (!window.sigma) return false;
          if (!window.sigma.__wrapped) {
            window.__bench.wrap(window.sigma, 'render');
            window.sigma.__wrapped = true;
          }
          return true;
        };
  await page.waitForFunction(ready, null, { timeout: 120000, polling: 50 }).catch((e) => {
    throw new Error(`${which} at ${url} not ready within 120 s (${errors.join(' | ') || e.message.split('\n')[0]})`);
  });
  // Let the first frames and any load work settle.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 500)))));
  const selector = which === 'ours' ? '#map canvas' : '#sigma canvas:last-of-type';
  await page.locator(selector).first().scrollIntoViewIfNeeded();
  const box = await page.locator(which === 'ours' ? '#map canvas' : '#sigma').first().boundingBox();
  const cdp = await context.newCDPSession(page);
  return { context, page, cdp, box, errors };
}

/** Runs `gesture` between __bench.start() and stop(); returns the figures. */
async function measure(page, gesture, extra = async () => ({})) {
  await page.evaluate(() => window.__bench.start());
  const t0 = performance.now();
  await gesture();
  const wall = performance.now() - t0;
  const { frames, draws } = await page.evaluate(() => window.__bench.stop());
  return { ...summarize(frames, draws, wall), ...(await extra()) };
}

const pct = (xs, p) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const r1 = (x) => (x == null ? null : Math.round(x * 10) / 10);

function summarize(frames, draws, wall) {
  const iv = frames.slice(1).map((t, i) => t - frames[i]);
  const span = frames.length > 1 ? frames[frames.length - 1] - frames[0] : 0;
  return {
    frames: frames.length,
    fps: span ? r1(((frames.length - 1) * 1000) / span) : null,
    interval_median_ms: r1(pct(iv, 50)),
    interval_p95_ms: r1(pct(iv, 95)),
    interval_max_ms: r1(Math.max(0, ...iv)),
    late_share: iv.length ? Math.round((1000 * iv.filter((x) => x > LATE_MS).length) / iv.length) / 1000 : null,
    draws: draws.length,
    draw_median_ms: r1(pct(draws, 50)),
    draw_p95_ms: r1(pct(draws, 95)),
    gesture_wall_ms: Math.round(wall),
  };
}

/** Paced steps: calls `step(k, elapsed)` every `everyMs` for `ms`. */
async function paced(ms, everyMs, step) {
  const t0 = performance.now();
  for (let k = 0; ; k++) {
    const due = t0 + k * everyMs;
    const now = performance.now();
    if (now - t0 >= ms) break;
    if (due > now) await sleep(due - now);
    await step(k, performance.now() - t0);
  }
}

/** Back and forth: +1 for the first quarter, -1 for the next half, +1 for the last quarter. */
const direction = (elapsed, ms) => (elapsed < ms / 4 || elapsed >= (3 * ms) / 4 ? 1 : -1);

async function mousePan(page, box) {
  let x = box.x + box.width / 2;
  let y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await paced(PAN_MS, 8, async (k, elapsed) => {
    const d = direction(elapsed, PAN_MS);
    x += 4 * d;
    y += 1 * d;
    await page.mouse.move(x, y);
  });
  await page.mouse.up();
}

async function wheelZoom(page, box) {
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.keyboard.down('Control');
  await paced(ZOOM_MS, 16, async (k, elapsed) => {
    await page.mouse.wheel(0, elapsed < ZOOM_MS / 2 ? -8 : 8);
  });
  await page.keyboard.up('Control');
}

const touch = (cdp, type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });

async function touchPan(cdp, box) {
  let x = box.x + box.width / 2;
  let y = box.y + box.height / 2;
  await touch(cdp, 'touchStart', [[x, y]]);
  await paced(PAN_MS, 8, async (k, elapsed) => {
    const d = direction(elapsed, PAN_MS);
    x += 3 * d;
    y += 1 * d;
    await touch(cdp, 'touchMove', [[x, y]]);
  });
  await touch(cdp, 'touchEnd', []);
}

async function pinchZoom(cdp, box) {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const at = (half) => [
    [cx - half, cy - half],
    [cx + half, cy + half],
  ];
  await touch(cdp, 'touchStart', at(30));
  await paced(ZOOM_MS, 8, async (k, elapsed) => {
    const f = elapsed / ZOOM_MS; // 0..1: spread to 150 px, then back
    await touch(cdp, 'touchMove', at(30 + 120 * (1 - Math.abs(2 * f - 1))));
  });
  await touch(cdp, 'touchEnd', []);
}

/** Pan then zoom on one page; returns {pan, zoom, canvas, drawn}. */
async function runPage(browser, device, which, url, isPhone) {
  const { context, page, cdp, box, errors } = await open(browser, device, which, url);
  try {
    if (isPhone) {
      // A tap wakes our map (until then one finger scrolls the page); the same tap on sigma's.
      await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
      await sleep(300);
    }
    const drawn = async () => (which === 'ours' ? page.evaluate(() => document.querySelector('#map').allianceMap.state().drawn) : {});
    const pan = await measure(page, () => (isPhone ? touchPan(cdp, box) : mousePan(page, box)), async () => ({ drawn_at_end: await drawn() }));
    await sleep(400);
    const zoom = await measure(page, () => (isPhone ? pinchZoom(cdp, box) : wheelZoom(page, box)));
    if (errors.length) throw new Error(`${which}: ${errors.join(' | ')}`);
    return { canvas_css_px: [Math.round(box.width), Math.round(box.height)], pan, zoom };
  } finally {
    await context.close();
  }
}

/** A separate pass with the CDP sampling profiler on: self time by function, over the pan. */
async function profilePan(browser, which, url) {
  const { context, page, cdp, box } = await open(browser, DESKTOP, which, url);
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await mousePan(page, box);
    const { profile } = await cdp.send('Profiler.stop');
    const dt = new Map(); // node id -> sampled µs
    for (let i = 0; i < profile.samples.length; i++) dt.set(profile.samples[i], (dt.get(profile.samples[i]) || 0) + (profile.timeDeltas[i] || 0));
    const self = new Map();
    let total = 0;
    for (const n of profile.nodes) {
      const us = dt.get(n.id) || 0;
      total += us;
      const f = n.callFrame;
      const where = f.url ? `${path.basename(f.url)}:${f.lineNumber + 1}` : '';
      const key = `${f.functionName || '(anonymous)'}${where ? ' ' + where : ''}`;
      self.set(key, (self.get(key) || 0) + us);
    }
    return [...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([fn, us]) => ({ fn, ms: Math.round(us / 1000), share: Math.round((1000 * us) / total) / 1000 }));
  } finally {
    await context.close();
  }
}

fs.mkdirSync(OUT, { recursive: true });
const dataset = buildDataset();
say(`dataset: ${dataset.entities} entities, ${dataset.relations} relations, names ~${dataset.mean_name_chars} chars; built in ${dataset.build_ms} ms`);
const server = await startServer({
  mounts: [
    { prefix: '/site/', dir: SITE_DIR },
    { prefix: '/sigma/', dir: SIGMA_DIR },
  ],
});
const browsers = {
  default: await launchBrowser(),
  swiftshader: await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: [...HARNESS_ARGS, ...SWIFTSHADER_ARGS] }),
};
const rows = [];
let sigmaInfo = null;
let profile = null;
let webgl = {};
try {
  // Positions for sigma, from the widget.
  {
    const { context, page } = await open(browsers.default, DESKTOP, 'ours', `${server.url}/site/`);
    const geo = await page.evaluate(() => {
      const w = document.querySelector('#map').allianceMap;
      return { ids: w.state().entityIds, positions: w.geometry().positions };
    });
    await context.close();
    sigmaInfo = await buildSigmaPage(geo);
  }
  for (const [name, b] of Object.entries(browsers)) {
    const ctx = await b.newContext();
    const p = await ctx.newPage();
    webgl[name] = await p.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      if (!gl) return 'none';
      const ext = gl.getExtension('WEBGL_debug_renderer_info');
      return ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
    });
    await ctx.close();
  }
  const cases = [
    ['ours', 'default'],
    ['ours', 'swiftshader'],
    ['sigma', 'swiftshader'],
  ];
  for (const [device, dev, isPhone] of [
    ['desktop', DESKTOP, false],
    ['phone', PHONE, true],
  ]) {
    // The sigma container gets our canvas's size in this context.
    let size = null;
    for (const [which, flags] of cases) {
      let url = `${server.url}/site/`;
      if (which === 'sigma') url = `${server.url}/sigma/?w=${size[0]}&h=${size[1]}`;
      say(`${device}: ${which} (${flags})`);
      const r = await runPage(browsers[flags], dev, which, url, isPhone);
      if (which === 'ours') size = r.canvas_css_px;
      rows.push({ device, page: which, flags, ...r });
    }
  }
  say('CPU profiles: desktop pan, ours (default flags) and sigma (swiftshader flags)');
  const size = rows.find((r) => r.device === 'desktop' && r.page === 'ours').canvas_css_px;
  profile = {
    ours_default: await profilePan(browsers.default, 'ours', `${server.url}/site/`),
    sigma_swiftshader: await profilePan(browsers.swiftshader, 'sigma', `${server.url}/sigma/?w=${size[0]}&h=${size[1]}`),
  };
} finally {
  await browsers.default.close();
  await browsers.swiftshader.close();
  await server.close();
}

const result = {
  goal: '10k nodes / 50k edges panning at 60 fps (frame interval <= 16.7 ms)',
  caveat: 'headless Chromium, software rendering only (2D canvas in software; WebGL via SwiftShader): absolute numbers are pessimistic',
  dataset,
  sigma_page: sigmaInfo,
  webgl_renderer: webgl,
  flags: { default: HARNESS_ARGS, swiftshader: [...HARNESS_ARGS, ...SWIFTSHADER_ARGS] },
  gestures: {
    desktop: { pan: `mouse drag, 4 px / 8 ms, ${PAN_MS} ms`, zoom: `ctrl+wheel, deltaY 8 / 16 ms, ${ZOOM_MS} ms` },
    phone: { pan: `touch drag, 3 px / 8 ms, ${PAN_MS} ms`, zoom: `two-finger pinch, ${ZOOM_MS} ms` },
  },
  late_threshold_ms: LATE_MS,
  rows,
  profile_desktop_pan: profile,
};
fs.writeFileSync(path.join(OUT, 'pan.json'), JSON.stringify(result, null, 2) + '\n');

const pad = (s, n) => String(s ?? '-').padEnd(n);
const lpad = (s, n) => String(s ?? '-').padStart(n);
console.log(`\nPan and zoom: ${dataset.entities} entities, ${dataset.relations} relations (synth::dataset, seed ${SEED}); goal: 60 fps (${FRAME_MS.toFixed(1)} ms frames)`);
console.log(`WebGL renderer: default flags: ${webgl.default}; swiftshader flags: ${webgl.swiftshader}`);
console.log('CAVEAT: headless Chromium renders in software here (2D canvas in software, WebGL through SwiftShader): absolute numbers are pessimistic.');
console.log(`"late" = frame interval > ${LATE_MS.toFixed(1)} ms (16.7 ms + 1 ms for timer coarsening). Draw = JS time in draw()/render(); rasterization is not in it.\n`);
const head = `${pad('device', 8)}${pad('page', 7)}${pad('flags', 12)}${pad('gesture', 8)}${lpad('frames', 7)}${lpad('fps', 6)}${lpad('med ms', 8)}${lpad('p95 ms', 8)}${lpad('late', 7)}${lpad('draws', 7)}${lpad('draw med', 10)}${lpad('draw p95', 10)}`;
console.log(head);
console.log('-'.repeat(head.length));
for (const r of rows) {
  for (const g of ['pan', 'zoom']) {
    const m = r[g];
    console.log(
      `${pad(r.device, 8)}${pad(r.page, 7)}${pad(r.flags, 12)}${pad(g, 8)}${lpad(m.frames, 7)}${lpad(m.fps, 6)}${lpad(m.interval_median_ms, 8)}${lpad(m.interval_p95_ms, 8)}${lpad(m.late_share == null ? null : `${Math.round(m.late_share * 100)}%`, 7)}${lpad(m.draws, 7)}${lpad(m.draw_median_ms, 10)}${lpad(m.draw_p95_ms, 10)}`,
    );
  }
}
const oursDesk = rows.find((r) => r.page === 'ours' && r.device === 'desktop' && r.flags === 'default');
if (oursDesk?.pan.drawn_at_end) {
  const d = oursDesk.pan.drawn_at_end;
  console.log(`\nours, desktop, end of pan: ${d.nodes} nodes, ${d.edges} edges, ${d.labels} labels drawn; canvas ${oursDesk.canvas_css_px.join('x')} CSS px`);
}
for (const [name, list] of Object.entries(profile || {})) {
  console.log(`\nCPU profile (main thread), ${name.replace('_', ', ')} flags, desktop pan, self time (top 8):`);
  for (const p of list.slice(0, 8)) console.log(`  ${lpad(p.ms, 6)} ms ${lpad((p.share * 100).toFixed(1), 5)}%  ${p.fn}`);
}
console.log(`\nwrote ${path.relative(ROOT, path.join(OUT, 'pan.json'))}`);
