// Build-time benchmark: `alliance-map build` (the optimised native command:
// check, layout, communities, encode, the pages and the text pages) of
// generated Barabási–Albert maps of 10,000 and 100,000 entities (2 relations
// each, names of a realistic length: examples/synth_toml.rs), beside the
// peer's layout alone on the same graph in the same run: d3-force
// (forceManyBody + forceLink + forceCenter, defaults, 300 ticks), which a
// newsroom running d3 would still have to check, encode and publish on top.
// d3-force at 100,000 is skipped when its 10,000 run took over 10 s (it
// grows faster than n: on the 2-core machine, 2026-12-03, 16.1 s at 10,000
// and 452 s at 100,000, against 0.91 s and 9.65 s for the whole build);
// BUILD_BENCH_D3=all runs it anyway. Prints min, median and max of 3 runs
// each (d3 at 100,000: one) and writes target/bench/build.json; prints
// figures only, never fails.
//
// Run from the repo root after scripts/build.sh: node benches/build.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { forceCenter, forceLink, forceManyBody, forceSimulation } from 'd3-force';

const SIZES = [10000, 100000];
const RUNS = 3;
const OUT = 'target/bench/build';
mkdirSync(OUT, { recursive: true });
const say = (s) => console.error(`\x1b[1m==> ${s}\x1b[0m`);

say('building the optimised command and the generator');
execFileSync('cargo', ['build', '--release', '-q', '--bin', 'alliance-map', '--example', 'synth_toml'], { stdio: 'inherit' });

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)], max: s[s.length - 1] };
};
const fmt = ({ min, median, max }) => `${median.toFixed(2)} s (min ${min.toFixed(2)}, max ${max.toFixed(2)})`;

/** The generated map's relations as d3's links, read back from its TOML. */
function links(toml) {
  const out = [];
  for (const m of toml.matchAll(/^from = "([^"]+)"\nto = "([^"]+)"/gm)) out.push({ source: m[1], target: m[2] });
  return out;
}

function d3Layout(toml) {
  const ids = [...toml.matchAll(/^\[\[entity\]\]\nid = "([^"]+)"/gm)].map((m) => ({ id: m[1] }));
  const t0 = performance.now();
  forceSimulation(ids).force('charge', forceManyBody()).force('link', forceLink(links(toml)).id((d) => d.id)).force('center', forceCenter()).stop().tick(300);
  return (performance.now() - t0) / 1000;
}

const results = [];
let d3Slow = false;
for (const n of SIZES) {
  const toml = `${OUT}/ba-${n}.toml`;
  writeFileSync(toml, execFileSync('target/release/examples/synth_toml', [String(n), String(2 * n), '42'], { maxBuffer: 512 << 20 }));
  const site = `${OUT}/site-${n}`;
  const ours = [];
  for (let r = 0; r < RUNS; r++) {
    // A clean folder each run: no warm start from an earlier build.
    rmSync(site, { recursive: true, force: true });
    const t0 = performance.now();
    const run = spawnSync('target/release/alliance-map', ['build', toml, '-o', site, '--widget', 'dist'], { stdio: ['ignore', 'ignore', 'pipe'] });
    if (run.status !== 0) throw new Error(`build of ${n} failed: ${run.stderr}`);
    ours.push((performance.now() - t0) / 1000);
  }
  let peer = null;
  if (!d3Slow) {
    const text = readFileSync(toml, 'utf8');
    peer = stats(Array.from({ length: n > 10000 ? 1 : RUNS }, () => d3Layout(text)));
    d3Slow = peer.median > 10 && process.env.BUILD_BENCH_D3 !== 'all';
  }
  results.push({ n, relations: 2 * n, ours: stats(ours), d3Layout: peer });
  say(`${n.toLocaleString('en')} entities: alliance-map build ${fmt(stats(ours))}; d3-force layout alone ${peer ? fmt(peer) : 'not run (over 10 s at the size before; BUILD_BENCH_D3=all runs it)'}`);
}
writeFileSync('target/bench/build.json', JSON.stringify(results, null, 2));
console.log('entities   alliance-map build (whole site)   d3-force layout only (300 ticks)');
for (const r of results) console.log(`${String(r.n).padStart(8)}   ${fmt(r.ours).padEnd(32)}   ${r.d3Layout ? fmt(r.d3Layout) : 'not run'}`);
