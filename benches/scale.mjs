// Published sites near the size limit, in the browser: `alliance-map build`
// refuses maps over 200,000 entities or 1,000,000 relations (cli site
// limit); this measures what a reader waits for below it. For generated
// Barabási–Albert sites of 100,000 and 200,000 entities (2 relations each),
// and with --limit also 200,000 entities with 1,000,000 relations:
// - build: the native `alliance-map build` (release), wall time;
// - ours: navigation start to the first drawn frame, and to interactive
//   (the full module in, the search box answering a name with options);
// - sigma: the peer page (sigma.js + graphology, the same graph at our
//   positions, tests' bundle in benches/sigma-page.mjs): navigation start
//   to one animation frame after `new Sigma()` returns.
// Desktop 1280x800, unthrottled, served gzip-compressed from localhost,
// cache disabled, runs alternated. The goal: the 100k site
// interactive within 5 s.
//
// Run after scripts/build.sh:  node benches/scale.mjs [--limit] [--runs N]
// Writes target/bench/scale.json.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, startServer, launchBrowser, writeSynthToml } from '../tests/e2e/harness.mjs';
import { recordOursFirstFrame } from './first-frame-mark.mjs';
import { SIGMA_COLORS, writeSigmaPage } from './sigma-page.mjs';

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 3;
const OUT = path.join(ROOT, 'target/bench/scale');
const DESKTOP = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 };
const SIZES = [[100_000, 200_000], [200_000, 400_000], ...(args.includes('--limit') ? [[200_000, 1_000_000]] : [])];

const say = (s) => console.error(`==> ${s}`);
const cargo = (a, options = {}) => execFileSync('cargo', ['run', '--release', '-q', ...a], { cwd: ROOT, maxBuffer: 1 << 30, ...options });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Builds the site of `n` entities and `m` relations; returns its name, folder and build time. */
function buildSite(n, m) {
  const name = `ba-${n / 1000}k-${m / 1000}k`;
  const toml = path.join(OUT, `${name}.toml`);
  const dir = path.join(OUT, name);
  say(`generating ${name}`);
  writeSynthToml(toml, n, m, 1, { release: true });
  fs.rmSync(dir, { recursive: true, force: true });
  const t = performance.now();
  cargo(['--', 'build', toml, '-o', dir, '--widget', 'dist'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const buildMs = Math.round(performance.now() - t);
  say(`${name}: built in ${buildMs} ms`);
  return { name, toml, dir, buildMs };
}

/** The peer page for a site: its graph (from our JGF export) at the positions our page draws. */
async function buildSigma(site, geometry) {
  const jgf = JSON.parse(cargo(['--', 'export', site.toml, '--format', 'jgf']).toString());
  const ids = Object.keys(jgf.graph.nodes);
  const index = new Map(ids.map((id, i) => [id, i]));
  const at = new Map(geometry.ids.map((id, i) => [id, i]));
  const nodes = ids.map((id) => ({ id, label: jgf.graph.nodes[id].label, kind: jgf.graph.nodes[id].metadata?.kind ?? '', x: geometry.positions[2 * at.get(id)], y: -geometry.positions[2 * at.get(id) + 1] }));
  const edges = jgf.graph.edges.map((e) => [index.get(e.source), index.get(e.target)]);
  await writeSigmaPage(path.join(OUT, `${site.name}-sigma`), {
    graph: { nodes, edges },
    entry: `import Graph from 'graphology';
import Sigma from 'sigma';
const COLORS = ${SIGMA_COLORS};
const data = await (await fetch('graph.json')).json();
const kinds = [...new Set(data.nodes.map((n) => n.kind))];
const graph = new Graph({ type: 'directed', multi: true });
for (const n of data.nodes) graph.addNode(n.id, { x: n.x, y: n.y, size: 3, label: n.label, color: COLORS[kinds.indexOf(n.kind) % COLORS.length] });
for (const [s, t] of data.edges) graph.addEdge(data.nodes[s].id, data.nodes[t].id, { color: '#b8c0cc' });
new Sigma(graph, document.getElementById('sigma'));
requestAnimationFrame(() => (window.__firstFrame = window.__interactive = performance.now()));
`,
    target: 'es2022',
    title: `sigma.js: ${site.name}`,
    css: 'body{margin:0;font-family:system-ui,sans-serif}#sigma{width:100%;height:78vh}',
    body: '<div id="sigma"></div>',
  });
}

/** One page load: [first frame, interactive] in ms after navigation start. */
async function measure(browser, url, ours) {
  const context = await browser.newContext(DESKTOP);
  try {
    const page = await context.newPage();
    if (ours) await page.addInitScript(recordOursFirstFrame);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(url, { waitUntil: 'commit' });
    const first = await (await page.waitForFunction(() => window.__firstFrame, null, { timeout: 120000, polling: 20 })).jsonValue();
    if (!ours) return [Math.round(first), Math.round(first)];
    // Interactive: the search box is there and answers a name with options.
    const input = page.locator('#map .am-search input[role="combobox"]');
    await input.waitFor({ timeout: 120000 });
    await input.fill('Shenzhen');
    await page.locator(`#${await input.getAttribute('aria-controls')} [role="option"]`).first().waitFor({ timeout: 120000 });
    const interactive = await page.evaluate(() => performance.now());
    return [Math.round(first), Math.round(interactive)];
  } finally {
    await context.close();
  }
}

/** Our page's entity ids and positions, for the peer. */
async function geometryOf(browser, url) {
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('#map')?.allianceMap?.state, null, { timeout: 120000 });
  const g = await page.evaluate(() => {
    const w = document.querySelector('#map').allianceMap;
    return { ids: w.state().entityIds, positions: w.geometry().positions };
  });
  await context.close();
  return g;
}

fs.mkdirSync(OUT, { recursive: true });
const sites = SIZES.map(([n, m]) => buildSite(n, m));
const server = await startServer({ mounts: sites.flatMap((s) => [{ prefix: `/${s.name}/`, dir: s.dir }, { prefix: `/${s.name}-sigma/`, dir: path.join(OUT, `${s.name}-sigma`) }]), gzip: true });
const browser = await launchBrowser();
const results = [];
for (const site of sites) {
  await buildSigma(site, await geometryOf(browser, `${server.url}/${site.name}/`));
  const runs = { first: [], interactive: [], sigma: [] };
  for (let i = 0; i < RUNS; i++) {
    const [first, interactive] = await measure(browser, `${server.url}/${site.name}/`, true);
    const [sigma] = await measure(browser, `${server.url}/${site.name}-sigma/`, false);
    runs.first.push(first);
    runs.interactive.push(interactive);
    runs.sigma.push(sigma);
    say(`${site.name} run ${i + 1}: ours first frame ${first} ms, interactive ${interactive} ms; sigma ${sigma} ms`);
  }
  const result = { site: site.name, build_ms: site.buildMs, first_ms: median(runs.first), interactive_ms: median(runs.interactive), sigma_ms: median(runs.sigma), runs };
  results.push(result);
  console.log(`${site.name}: build ${result.build_ms} ms; ours first frame ${result.first_ms} ms, interactive ${result.interactive_ms} ms (median of ${RUNS}); sigma.js+graphology first frame ${result.sigma_ms} ms`);
}
await browser.close();
await server.close();
fs.writeFileSync(path.join(ROOT, 'target/bench/scale.json'), JSON.stringify(results, null, 2));
