// The studio's keystroke loop: from a keystroke in the editor to the
// updated diagnostics (the Problems list and the marks in the text), and to
// the redrawn map (the new widget's first frame, from the data.amap the
// compiler built), on the seed (data/seed.toml) and on a generated
// 3,000-entity file (examples/synth_toml.rs: 3,000 entities, 6,000
// relations, seed 5).
//
// Each run: one character typed into an entity's name (or deleted again,
// so the text stays valid and every keystroke changes the map), then the
// page is left alone until both have happened. Times are on the page's
// clock: the keydown event's timeStamp, the studio's `studio:diagnostics`
// mark, and the widget's `alliance-map:first-frame` mark after the
// studio's `studio:map`. The check waits for a pause in typing
// (studio.js CHECK_DELAY_MS, 70 ms), so that pause is inside the figures.
// Also printed: the compiler's own check and build times in its worker.
// Desktop profile (1280x800), no CPU throttling; dist/ served locally.
//
// Run after scripts/build.sh:  node benches/studio.mjs
// Writes target/bench/studio.json; goal: diagnostics within 150 ms of the
// last keystroke on the seed (median). Prints figures; never fails on the goal.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, startServer, launchBrowser, writeSynthToml } from '../tests/e2e/harness.mjs';

const RUNS = 15;
const GOAL_MS = 150;
const OUT = path.join(ROOT, 'target/bench');
const SYNTH = path.join(OUT, 'studio/synth-3000.toml');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))];
const fmt = (xs) => `median ${median(xs).toFixed(0).padStart(5)} ms   p90 ${p90(xs).toFixed(0).padStart(5)} ms   max ${Math.max(...xs).toFixed(0).padStart(5)} ms`;

/** Opens `file` in the studio and measures RUNS keystrokes. */
async function measure(browser, server, file, entities) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__keys = [];
    document.addEventListener('keydown', (e) => window.__keys.push(e.timeStamp), true);
  });
  await page.goto(`${server.url}/studio.html`);
  await page.waitForSelector('#editor');
  const text = fs.readFileSync(file, 'utf8');
  await page.setInputFiles('#open-file', { name: path.basename(file), mimeType: 'text/plain', buffer: Buffer.from(text) });
  await page.waitForFunction((n) => document.querySelector('#map').allianceMap?.state().nodeCount === n && /No problems|warning/.test(document.querySelector('.problems-summary').textContent), entities, { timeout: 120000 });
  // Inside the first entity's name, before its closing quote.
  const entity = text.indexOf('[[entity]]');
  const name = text.indexOf('name = "', entity) + 'name = "'.length;
  await page.evaluate((at) => {
    const view = document.querySelector('#editor').editorView;
    view.dispatch({ selection: { anchor: at } });
    view.focus();
  }, name + 1);
  const diagnostics = [];
  const map = [];
  const check = [];
  const build = [];
  for (let run = 0; run < RUNS; run++) {
    const before = await page.evaluate(() => ({
      diagnostics: performance.getEntriesByName('studio:diagnostics').length,
      map: performance.getEntriesByName('studio:map').length,
    }));
    await page.keyboard.press(run % 2 ? 'Backspace' : 'x');
    const t = await page.waitForFunction(
      (before) => {
        const d = performance.getEntriesByName('studio:diagnostics');
        const m = performance.getEntriesByName('studio:map');
        if (d.length <= before.diagnostics || m.length <= before.map) return false;
        const shown = m[m.length - 1];
        const frame = performance.getEntriesByName('alliance-map:first-frame').find((f) => f.startTime >= shown.startTime);
        if (!frame) return false;
        const key = window.__keys[window.__keys.length - 1];
        const last = d[d.length - 1];
        return { diagnostics: last.startTime - key, map: frame.startTime - key, check: last.detail.ms, build: shown.detail.ms };
      },
      before,
      { timeout: 120000, polling: 16 },
    );
    const r = await t.jsonValue();
    diagnostics.push(r.diagnostics);
    map.push(r.map);
    check.push(r.check);
    build.push(r.build);
    await page.waitForTimeout(250);
  }
  await context.close();
  return { diagnostics, map, check, build };
}

if (!fs.existsSync(path.join(ROOT, 'dist/studio.html')) || !fs.existsSync(path.join(ROOT, 'dist/pkg/alliance_map_compiler_bg.wasm'))) {
  console.error('dist/ has no studio: run scripts/build.sh first (from the repo root).');
  process.exit(1);
}
if (!fs.existsSync(SYNTH)) writeSynthToml(SYNTH, 3000, 6000, 5, { release: true });

const server = await startServer();
const browser = await launchBrowser();
const results = {};
try {
  for (const [label, file, entities] of [
    ['seed', path.join(ROOT, 'data/seed.toml'), null],
    ['3,000 entities', SYNTH, 3000],
  ]) {
    const n = entities ?? (fs.readFileSync(file, 'utf8').match(/^\s*\[\[entity\]\]/gm) || []).length;
    results[label] = await measure(browser, server, file, n);
  }
} finally {
  await browser.close();
  await server.close();
}

console.log(`studio: keystroke to diagnostics and to the redrawn map (${RUNS} keystrokes each; desktop, no throttling)`);
for (const [label, r] of Object.entries(results)) {
  console.log(`\n${label}`);
  console.log(`  keystroke -> diagnostics   ${fmt(r.diagnostics)}`);
  console.log(`  keystroke -> redrawn map   ${fmt(r.map)}`);
  console.log(`  compiler check (worker)    ${fmt(r.check)}`);
  console.log(`  compiler build (worker)    ${fmt(r.build)}`);
}
const seed = median(results.seed.diagnostics);
console.log(`\ngoal: diagnostics within ${GOAL_MS} ms of the last keystroke on the seed (median): ${seed <= GOAL_MS ? 'PASS' : 'FAIL'} (${seed.toFixed(0)} ms)`);
fs.mkdirSync(OUT, { recursive: true });
const json = Object.fromEntries(Object.entries(results).map(([k, r]) => [k, Object.fromEntries(Object.entries(r).map(([m, xs]) => [m, { median: median(xs), p90: p90(xs), max: Math.max(...xs) }]))]));
fs.writeFileSync(path.join(OUT, 'studio.json'), JSON.stringify(json, null, 2) + '\n');
console.log('wrote target/bench/studio.json');
