// The npm package's command beside the native one: wall time of `check` and
// `build` on the seed and on a generated 10,000-entity file (50,000
// relations, `examples/synth_toml.rs`, as benches/check.rs and pan.mjs use),
//   native: target/release/alliance-map (`cargo build --release`, opt-level 3)
//   node:   node <package>/bin/alliance-map.mjs, the packed package's bin
//           (the compiler module, opt-level "z" wasm, on this Node); `npx`
//           adds npm's own start-up, printed once apart.
// Each command runs once to warm up, then RUNS times; min, median and max of
// the wall time, and node / native of the medians. `build` writes into a
// fresh folder each run (no warm start). Then the sizes: the compiler
// module's wasm and glue (raw and gzip -9), which the studio and the bin load
// and a reader's page never does, and the tarball.
// Prints figures only; writes target/bench/node-cli.json.
//
// Run from the repo root: scripts/build.sh && node benches/node-cli.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.RUNS || 5);
const say = (s) => console.error(`\x1b[1m==> ${s}\x1b[0m`);
const sh = (cmd, args, opts = {}) => execFileSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 256 << 20, ...opts });

say('packing the npm package (scripts/pack.mjs) and building the native command (cargo build --release)');
const packed = sh(process.execPath, ['scripts/pack.mjs'], { encoding: 'utf8' }).trim();
sh('cargo', ['build', '--release', '-q', '--bin', 'alliance-map']);
const NATIVE = path.join(ROOT, 'target/release/alliance-map');
const PACKAGE = path.join(ROOT, 'target/npm/package');
const BIN = path.join(PACKAGE, 'bin/alliance-map.mjs');
const TARBALL = path.join(ROOT, 'target/npm', `alliance-map-${JSON.parse(fs.readFileSync(path.join(PACKAGE, 'package.json'), 'utf8')).version}.tgz`);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-map-node-cli-'));
process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));
fs.copyFileSync(path.join(ROOT, 'data/seed.toml'), path.join(work, 'seed.toml'));
say('generating 10,000 entities and 50,000 relations (cargo run --release --example synth_toml)');
fs.writeFileSync(path.join(work, 'synth-10k.toml'), sh('cargo', ['run', '--release', '-q', '--example', 'synth_toml', '--', '10000', '50000', '1']));

const CLIS = {
  native: [NATIVE],
  node: [process.execPath, BIN],
};

/** Wall milliseconds of one run of `argv` in the work folder; fails loudly on an unexpected exit code. */
function once(argv, expect = 0) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), { cwd: work, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 256 << 20 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== expect) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

function timeIt(argv, before = () => {}) {
  before();
  once(argv);
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    before();
    runs.push(once(argv));
  }
  runs.sort((a, b) => a - b);
  return { min: runs[0], median: runs[Math.floor(runs.length / 2)], max: runs[runs.length - 1], runs };
}

const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const results = [];
for (const file of ['seed.toml', 'synth-10k.toml']) {
  for (const command of ['check', 'build']) {
    const row = { file, command };
    for (const [name, cli] of Object.entries(CLIS)) {
      say(`${name} ${command} ${file}`);
      const out = path.join(work, `site-${name}`);
      const args = command === 'check' ? ['check', file] : ['build', file, '-o', out, '--widget', path.join(PACKAGE, 'widget')];
      row[name] = timeIt([...cli, ...args], () => fs.rmSync(out, { recursive: true, force: true }));
    }
    row.ratio = row.node.median / row.native.median;
    results.push(row);
  }
}
const start = {
  node: timeIt([...CLIS.node, '--version']),
  npx: (() => {
    // npx in a project that installed the tarball: what a user types.
    const project = path.join(work, 'project');
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, 'package.json'), '{"private": true}\n');
    sh('npm', ['install', TARBALL, '--no-audit', '--no-fund', '--loglevel=error'], { cwd: project });
    return timeIt(['sh', '-c', `cd ${project} && exec npx --no -- alliance-map --version`]);
  })(),
};

const sizeOf = (f) => {
  const bytes = fs.readFileSync(f);
  return { raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
};
const sizes = {
  // Where the package keeps it (widget/pkg/ when dist/ holds it): compiler/wasm-url.js says.
  wasm: sizeOf((await import(pathToFileURL(path.join(PACKAGE, 'compiler/wasm-url.js')).href)).default),
  glue: sizeOf(path.join(PACKAGE, 'compiler/alliance_map_compiler.js')),
  tarball: fs.statSync(TARBALL).size,
};

console.log(`\nnpm package's command (node ${process.version}) beside the native one; wall time, ${RUNS} runs after a warm-up: min / median / max`);
console.log(`${'command'.padEnd(26)}${'native'.padEnd(30)}${'node'.padEnd(30)}node / native`);
for (const r of results) {
  const cell = (t) => `${fmt(t.min)} / ${fmt(t.median)} / ${fmt(t.max)}`.padEnd(30);
  console.log(`${`${r.command} ${r.file}`.padEnd(26)}${cell(r.native)}${cell(r.node)}${r.ratio.toFixed(2)}x`);
}
console.log(`start-up (--version): node ${fmt(start.node.median)}, npx ${fmt(start.npx.median)} (medians; npx adds npm's start-up to every command)`);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`\ncompiler module (loaded by the studio and the bin, never by a reader's page):`);
console.log(`  alliance_map_compiler_bg.wasm  ${kb(sizes.wasm.raw)} raw, ${kb(sizes.wasm.gz)} gzip -9`);
console.log(`  alliance_map_compiler.js       ${kb(sizes.glue.raw)} raw, ${kb(sizes.glue.gz)} gzip -9`);
console.log(`tarball: ${packed}`);

fs.mkdirSync(path.join(ROOT, 'target/bench'), { recursive: true });
fs.writeFileSync(path.join(ROOT, 'target/bench/node-cli.json'), `${JSON.stringify({ node: process.version, runs: RUNS, results, start, sizes }, null, 2)}\n`);
