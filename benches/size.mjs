// Size benchmark: what a visitor downloads to see the widget, against peers.
//
// Measures raw and gzip -9 bytes (node:zlib gzipSync, level 9) of
//   ours, the critical path: what the demo page needs for its first frame:
//          the first-frame wasm (dist/pkg/alliance_map_paint_bg.wasm), the
//          JS the page's entry imports statically (the main.js bundle and
//          the chunks it imports, wasm-bindgen glue included; see
//          scripts/minify.mjs and scripts/critical-path.mjs),
//          dist/style.css and dist/index.html. The seed (what is drawn of
//          it) is embedded in that wasm, so it costs 0 extra bytes.
//   ours, after the first frame: the full module (dist/pkg/alliance_map_bg.wasm,
//          with the whole seed) and every other JS file in dist/ (the
//          interactive chunk, and the other pages' entries); the widget loads
//          them while the reader looks at the map. Printed beside, so the
//          whole download is never hidden.
//   ours, on demand: the layout worker and its wasm (scripts/on-demand.mjs),
//          which only datasets built with --no-layout load, after the
//          widget's "Laying out N entities…"; printed apart.
//   the studio (studio.html), never a reader's page: its bundle (studio.js
//          with CodeMirror, and the chunks only it imports), studio.css and
//          studio.html; and the compiler module (compiler-worker.js with its
//          wasm-bindgen glue and fflate, pkg/alliance_map_compiler_bg.wasm),
//          which the studio runs in workers; printed apart.
//   peers: sigma.js + graphology, and Cytoscape.js, from node_modules, each
//          bundled by esbuild (minify, format esm, browser) so both are
//          measured the same way; the minified bundles the npm packages ship
//          are printed too, for reference.
// Writes target/bench/size.json. Prints figures only: never fails on the goal.
//
// Run from the repo root: scripts/build.sh && node benches/size.mjs
// (peers come from `npm install`, i.e. scripts/setup.sh build).
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { staticImports } from '../scripts/critical-path.mjs';
import { ON_DEMAND } from '../scripts/on-demand.mjs';

const GOAL = 45 * 1024; // 46080 bytes gzip for ours, total

const measure = (bytes) => ({ raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length });
const file = (path) => measure(readFileSync(path));
const sum = (items) => items.reduce((a, m) => ({ raw: a.raw + m.raw, gz: a.gz + m.gz }), { raw: 0, gz: 0 });
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

if (!existsSync('dist/index.html') || !existsSync('dist/pkg/alliance_map_bg.wasm')) {
  console.error('dist/ is missing or incomplete: run scripts/build.sh first (from the repo root).');
  process.exit(1);
}

// --- ours ---------------------------------------------------------------
const critical = await staticImports('dist', 'main.js');
// The studio's files: its page's closure and the compiler's worker, less what readers' pages load too.
const readers = new Set((await Promise.all(['main.js', 'embed.js', 'element.js'].map((e) => staticImports('dist', e)))).flat());
const studioJs = (await staticImports('dist', 'studio.js').catch(() => [])).filter((f) => !readers.has(f));
const compilerJs = (await staticImports('dist', 'compiler-worker.js').catch(() => [])).filter((f) => !readers.has(f));
const STUDIO = new Set([...studioJs, ...compilerJs]);
const js = critical.map((f) => ({ path: `dist/${f}`, ...file(`dist/${f}`) }));
const onDemand = ON_DEMAND.filter((f) => existsSync(`dist/${f}`)).map((f) => ({ path: `dist/${f}`, ...file(`dist/${f}`) }));
const ours = {
  wasm: file('dist/pkg/alliance_map_paint_bg.wasm'),
  js: sum(js),
  css: file('dist/style.css'),
  html: file('dist/index.html'),
};
ours.total = sum([ours.wasm, ours.js, ours.css, ours.html]);
const laterJs = readdirSync('dist').filter((f) => f.endsWith('.js')).sort()
  .filter((f) => !critical.includes(f) && !ON_DEMAND.includes(f) && !STUDIO.has(f))
  .map((f) => ({ path: `dist/${f}`, ...file(`dist/${f}`) }));
const later = { wasm: file('dist/pkg/alliance_map_bg.wasm'), js: sum(laterJs) };
later.total = sum([later.wasm, later.js]);
const everything = sum([ours.total, later.total]);

const measured = (paths) => paths.filter((f) => existsSync(`dist/${f}`)).map((f) => ({ path: `dist/${f}`, ...file(`dist/${f}`) }));
const studio = measured([...studioJs, 'studio.css', 'studio.html']);
const compilerModule = measured([...compilerJs, 'pkg/alliance_map_compiler_bg.wasm']);

// The compiled seed blob (crates/widget/build.rs output); the newest one if several builds exist.
const buildDir = 'target/wasm32-unknown-unknown/wasm/build';
const seeds = existsSync(buildDir)
  ? readdirSync(buildDir)
      .filter((d) => d.startsWith('alliance-map-'))
      .map((d) => join(buildDir, d, 'out', 'seed.amap'))
      .filter((p) => existsSync(p))
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)
  : [];
const seed = seeds.length ? { path: seeds[0], ...file(seeds[0]) } : null;

// --- peers --------------------------------------------------------------
async function bundle(contents) {
  const out = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'js' },
    bundle: true, minify: true, format: 'esm', platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false, logLevel: 'error',
  });
  return measure(out.outputFiles[0].contents);
}
const sigmaGraphology = await bundle("import Sigma from 'sigma'; import Graph from 'graphology'; export { Sigma, Graph };");
const cytoscape = await bundle("import cytoscape from 'cytoscape'; export { cytoscape };");
const shipped = {
  sigma: file('node_modules/sigma/dist/sigma.min.js'),
  graphology: file('node_modules/graphology/dist/graphology.umd.min.js'),
  cytoscape: file('node_modules/cytoscape/dist/cytoscape.min.js'),
};
const version = (pkg) => JSON.parse(readFileSync(`node_modules/${pkg}/package.json`, 'utf8')).version;

// --- report -------------------------------------------------------------
const rows = [];
const row = (name, m, note = '') => rows.push([name, m ? String(m.raw) : '', m ? String(m.gz) : '', note]);
const gap = () => rows.push(['', '', '', '']);
row('ours: wasm  dist/pkg/alliance_map_paint_bg.wasm (first frame)', ours.wasm);
for (const f of js) row(`ours: js    ${f.path}`, f);
row('ours: js    (critical-path JS, sum)', ours.js);
row('ours: css   dist/style.css', ours.css);
row('ours: html  dist/index.html', ours.html);
row('ours: seed data', { raw: 0, gz: 0 }, 'embedded in the wasm');
if (seed) row('      (compiled seed blob, seed.amap)', seed, 'its drawn part is inside the wasm');
else row('      (compiled seed blob: not found under target/)', null);
row('OURS CRITICAL PATH (wasm + js + css + html)', ours.total, kb(ours.total.gz));
gap();
row('after the first frame: wasm  dist/pkg/alliance_map_bg.wasm (full)', later.wasm);
row(`after the first frame: js    (${laterJs.length} files, sum)`, later.js);
row('after the first frame: total', later.total, kb(later.total.gz));
row('ours: everything (critical path + after)', everything, kb(everything.gz));
gap();
for (const f of onDemand) row(`off the critical path: ${f.path}`, f, '--no-layout datasets only');
if (onDemand.length) row('off the critical path (sum)', sum(onDemand), kb(sum(onDemand).gz));
gap();
for (const f of studio) row(`studio only: ${f.path}`, f);
if (studio.length) row('the studio page (sum; never a reader\'s page)', sum(studio), kb(sum(studio).gz));
for (const f of compilerModule) row(`compiler module: ${f.path}`, f);
if (compilerModule.length) row('the compiler module (sum; the studio\'s workers only)', sum(compilerModule), kb(sum(compilerModule).gz));
gap();
row(`peer: sigma ${version('sigma')} + graphology ${version('graphology')} (esbuild)`, sigmaGraphology, kb(sigmaGraphology.gz));
row(`peer: cytoscape ${version('cytoscape')} (esbuild)`, cytoscape, kb(cytoscape.gz));
gap();
row('ref:  sigma/dist/sigma.min.js (as shipped)', shipped.sigma);
row('ref:  graphology/dist/graphology.umd.min.js', shipped.graphology);
row('ref:  sigma.min.js + graphology.umd.min.js', sum([shipped.sigma, shipped.graphology]));
row('ref:  cytoscape/dist/cytoscape.min.js', shipped.cytoscape);

const header = ['name', 'raw', 'gzip -9', ''];
const width = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => [r[0].padEnd(width[0]), r[1].padStart(width[1]), r[2].padStart(width[2]), r[3]].join('  ').trimEnd();
console.log(line(header));
console.log(width.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
if (seed) console.log(`\nseed blob: ${seed.path}`);
console.log(`${seed ? '' : '\n'}peers: bundled with esbuild ${version('esbuild')} (minify, format esm, platform browser); all sizes in bytes, gzip level 9.`);

const pass = ours.total.gz <= GOAL;
console.log(`goal: ours critical path <= 45 KB gzip (${GOAL} bytes): ${pass ? 'PASS' : 'FAIL'} (${ours.total.gz} bytes)`);
const vs = (name, peer) => {
  const smaller = ours.total.gz < peer.gz;
  const ratio = (peer.gz / ours.total.gz).toFixed(2);
  console.log(`ours vs ${name}: ${ours.total.gz} vs ${peer.gz} bytes gzip: ours is ${smaller ? 'smaller' : 'NOT smaller'} (peer/ours = ${ratio}x)`);
};
vs('sigma + graphology', sigmaGraphology);
vs('cytoscape', cytoscape);

const json = {
  ours: {
    wasm_gz: ours.wasm.gz, js_gz: ours.js.gz, css_gz: ours.css.gz, html_gz: ours.html.gz,
    total_gz: ours.total.gz, wasm_raw: ours.wasm.raw, js_raw: ours.js.raw,
    after_first_frame_gz: later.total.gz, everything_gz: everything.gz,
  },
  layout_worker: Object.fromEntries(onDemand.map((f) => [f.path, { raw: f.raw, gz: f.gz }])),
  studio: Object.fromEntries(studio.map((f) => [f.path, { raw: f.raw, gz: f.gz }])),
  compiler_module: Object.fromEntries(compilerModule.map((f) => [f.path, { raw: f.raw, gz: f.gz }])),
  sigma_graphology_gz: sigmaGraphology.gz,
  cytoscape_gz: cytoscape.gz,
};
mkdirSync('target/bench', { recursive: true });
writeFileSync('target/bench/size.json', JSON.stringify(json, null, 2) + '\n');
console.log('wrote target/bench/size.json');
