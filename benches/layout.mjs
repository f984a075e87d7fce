// Layout benchmark: our layout (native and compiled to wasm) against
// d3-force, on the same Barabási–Albert graphs (m = 2) of 1,000, 5,000 and
// 10,000 nodes.
//
//   ours-native: `cargo bench --bench layout` (benches/layout.rs), which also
//                writes the graphs to target/bench/graphs/ba-<n>.json.
//   ours-wasm:   the same call compiled to wasm32 (crates/layout-worker/, the
//                widget's layout worker, built here with cargo and
//                wasm-bindgen --target nodejs), run in Node; its positions
//                must equal the native ones bit for bit.
//   d3-force:    forceManyBody + forceLink + forceCenter, defaults, 300 ticks
//                (simulation.stop(); tick(300)).
//
// Stress (500 seeded pairs, as specified, and 5,000 for a steadier figure)
// and crossings (n <= 1,000) of every layout come from the same Rust code
// (`cargo bench --bench layout -- metrics` on the positions written here).
// Prints a table and writes target/bench/layout.json. Prints figures only:
// never fails on the goal (ours-wasm >= 10x faster than d3-force at
// n = 10,000, stress no worse).
//
// Run from the repo root: node benches/layout.mjs
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { forceCenter, forceLink, forceManyBody, forceSimulation } from 'd3-force';

const SIZES = [1000, 5000, 10000];
const root = process.cwd();
if (!existsSync(`${root}/benches/layout.rs`)) {
  console.error('run from the repo root: node benches/layout.mjs');
  process.exit(1);
}
const say = (s) => console.error(`\x1b[1m==> ${s}\x1b[0m`);

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

// 1. Native: graphs, times, positions.
say('ours-native: cargo bench --bench layout');
if (!run('cargo', ['bench', '--bench', 'layout'])) {
  console.error('cargo bench --bench layout failed');
  process.exit(1);
}
const native = JSON.parse(readFileSync('target/bench/layout-native.json', 'utf8'));
const graph = (n) => JSON.parse(readFileSync(`target/bench/graphs/ba-${n}.json`, 'utf8'));
const writePositions = (name, n, pos) =>
  writeFileSync(`target/bench/positions/${name}-${n}.json`, `{"n":${n},"pos":${JSON.stringify(Array.from(pos))}}\n`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// 2. Ours in wasm: the layout worker's crate, as scripts/build.sh builds it.
say('ours-wasm: building crates/layout-worker');
const pkg = resolve('target/bench/layout-worker');
let wasm = null;
const built =
  run('cargo', ['build', '--profile', 'wasm-speed', '--target', 'wasm32-unknown-unknown', '-p', 'layout-worker']) &&
  run('wasm-bindgen', ['--target', 'nodejs', '--out-dir', pkg, resolve('target/wasm32-unknown-unknown/wasm-speed/layout_worker.wasm')]);
if (built) {
  // The glue is CommonJS; the repo's package.json says "module".
  mkdirSync(pkg, { recursive: true });
  writeFileSync(`${pkg}/package.json`, '{"type":"commonjs"}\n');
  wasm = createRequire(import.meta.url)(`${pkg}/layout_worker.js`);
} else {
  console.error('ours-wasm skipped: the wasm build failed');
}

// 3. Run ours-wasm and d3-force on each graph.
const rows = [];
const notes = [];
for (const n of SIZES) {
  const g = graph(n);
  const flat = Uint32Array.from(g.edges);
  if (wasm) {
    if (n === SIZES[0]) wasm.layout(n, flat); // compile tiers warm up
    const times = [];
    let pos;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      pos = wasm.layout(n, flat);
      times.push(performance.now() - t);
    }
    writePositions('ours-wasm', n, pos);
    const nat = JSON.parse(readFileSync(`target/bench/positions/ours-native-${n}.json`, 'utf8')).pos;
    const same = nat.length === pos.length && nat.every((v, i) => v === pos[i]);
    notes.push(`n=${n}: ours-wasm positions ${same ? 'identical to' : 'DIFFER from'} ours-native`);
    rows.push({ n, impl: 'ours-wasm', ms: median(times) });
    say(`ours-wasm n=${n}: ${median(times).toFixed(1)} ms`);
  }
  const times = [];
  let nodes;
  for (let i = 0; i < (n <= 1000 ? 3 : 1); i++) {
    nodes = Array.from({ length: n }, () => ({}));
    const links = [];
    for (let k = 0; k < g.edges.length; k += 2) links.push({ source: g.edges[k], target: g.edges[k + 1] });
    const t = performance.now();
    const sim = forceSimulation(nodes).force('charge', forceManyBody()).force('link', forceLink(links)).force('center', forceCenter()).stop();
    sim.tick(300);
    times.push(performance.now() - t);
  }
  writePositions('d3-force', n, nodes.flatMap((d) => [d.x, d.y]));
  rows.push({ n, impl: 'd3-force', ms: median(times) });
  say(`d3-force n=${n}: ${median(times).toFixed(1)} ms`);
}

// 4. Stress and crossings of the positions just written, by the Rust code.
say('metrics: cargo bench --bench layout -- metrics');
if (!run('cargo', ['bench', '--bench', 'layout', '--', 'metrics'])) process.exit(1);
const metrics = JSON.parse(readFileSync('target/bench/layout-metrics.json', 'utf8'));
for (const row of rows) Object.assign(row, metrics.find((m) => m.n === row.n && m.impl === row.impl) ?? {});
const all = [...native, ...rows].map(({ n, impl, ms, stress, stress_5000, crossings }) => ({
  n, impl, ms: Math.round(ms * 10) / 10, stress, stress_5000, crossings: crossings ?? null,
}));
const order = ['ours-wasm', 'ours-native', 'd3-force'];
all.sort((a, b) => a.n - b.n || order.indexOf(a.impl) - order.indexOf(b.impl));

// 5. Report.
const pad = (s, w) => String(s).padStart(w);
console.log(`\n${pad('n', 6)}  ${'impl'.padEnd(12)} ${pad('ms', 9)} ${pad('stress', 7)} ${pad('stress@5k', 9)} ${pad('crossings', 9)}`);
for (const r of all) {
  console.log(`${pad(r.n, 6)}  ${r.impl.padEnd(12)} ${pad(r.ms.toFixed(1), 9)} ${pad(r.stress?.toFixed(4), 7)} ${pad(r.stress_5000?.toFixed(4), 9)} ${pad(r.crossings ?? '-', 9)}`);
}
console.log('');
for (const note of notes) console.log(note);
for (const n of SIZES) {
  const [ours, d3] = ['ours-wasm', 'd3-force'].map((impl) => all.find((r) => r.n === n && r.impl === impl));
  if (ours && d3) {
    console.log(`n=${n}: ours-wasm ${(d3.ms / ours.ms).toFixed(1)}x faster than d3-force; stress ${ours.stress.toFixed(4)} vs ${d3.stress.toFixed(4)} (500 pairs), ${ours.stress_5000.toFixed(4)} vs ${d3.stress_5000.toFixed(4)} (5,000)`);
  }
}
console.log('goal: at n = 10000, ours-wasm >= 10x faster than d3-force with stress no worse');
writeFileSync('target/bench/layout.json', `${JSON.stringify(all, null, 1)}\n`);
console.log('wrote target/bench/layout.json');
