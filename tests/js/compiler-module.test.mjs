// The compiler module (crates/compiler) in Node, beside the native command:
// one implementation, so `build` gives byte-identical files (the seed, the
// docs example and a generated 3,000-entity file), `check` reports what
// `check --message-format json` reports, and `run` (the whole command line
// over node:fs) writes the same site with the same messages and exit codes.
//
// Run from the repository root after scripts/build.sh (pkg/ holds the glue).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { writeSynthToml } from '../e2e/harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const compiler = await import(path.join(ROOT, 'pkg/alliance_map_compiler.js'));
compiler.initSync({ module: fs.readFileSync(path.join(ROOT, 'pkg/alliance_map_compiler_bg.wasm')) });

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'compiler-'));
const synth = path.join(scratch, 'synth-3000.toml');
writeSynthToml(synth, 3000, 6000, 5);
const INPUTS = ['data/seed.toml', 'tests/fixtures/docs_example.toml', synth];

/** The native command, as a user runs it; returns {status, stdout, stderr}. */
function native(args, cwd = ROOT) {
  const r = spawnSync('cargo', ['run', '-q', '--', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, cwd };
}

const file = (p) => ({ name: p, text: fs.readFileSync(path.resolve(ROOT, p), 'utf8') });
const widgetPages = { index: fs.readFileSync(path.join(ROOT, 'dist/index.html'), 'utf8'), embed: fs.readFileSync(path.join(ROOT, 'dist/embed.html'), 'utf8') };

/** Node's fs as the command line's Io, collecting what it prints. */
function nodeIo() {
  const out = { stdout: [], stderr: [] };
  const io = {
    readFile: (p) => fs.readFileSync(path.resolve(ROOT, p)),
    writeFile: (p, b) => fs.writeFileSync(path.resolve(ROOT, p), b),
    mkdir: (p) => fs.mkdirSync(path.resolve(ROOT, p), { recursive: true }),
    removeFile: (p) => fs.rmSync(path.resolve(ROOT, p), { force: true }),
    readDir: (p) => fs.readdirSync(path.resolve(ROOT, p), { withFileTypes: true }).map((e) => [e.name, e.isDirectory()]),
    realpath: (p) => fs.realpathSync(path.resolve(ROOT, p)),
    stdout: (b) => out.stdout.push(Buffer.from(b)),
    stderr: (b) => out.stderr.push(Buffer.from(b)),
  };
  const text = (k) => Buffer.concat(out[k]).toString('utf8');
  return { io, text };
}

for (const input of INPUTS) {
  test(`build of ${path.basename(input)} gives the native command's data.amap and pages, byte for byte`, () => {
    const site = path.join(scratch, `native-${path.basename(input)}`);
    const r = native(['build', input, '-o', site, '--widget', 'dist']);
    assert.equal(r.status, 0, r.stderr);
    const built = compiler.build([file(input)], { widgetPages });
    assert.ok(built.ok, built.rendered);
    assert.ok(built.files.some((f) => f.name === 'data.amap'));
    for (const f of built.files) {
      assert.ok(Buffer.from(f.bytes).equals(fs.readFileSync(path.join(site, f.name))), `${f.name} differs from alliance-map build's`);
    }
  });
}

test('build with an earlier map starts from it, as the command does from an earlier build in its folder: the same bytes', () => {
  const seed = fs.readFileSync(path.join(ROOT, 'data/seed.toml'), 'utf8');
  const edited = `${seed}\n[[entity]]\nid = "new-partner"\nname = "New Partner"\nkind = "company"\n\n[[relation]]\ntype = "partner_of"\nfrom = "new-partner"\nto = "huawei"\nsources = ["${/id = "([^"]+)"/.exec(seed)[1]}"]\n`;
  const editedPath = path.join(scratch, 'edited.toml');
  fs.writeFileSync(editedPath, edited);
  const site = path.join(scratch, 'warm-native');
  fs.rmSync(site, { recursive: true, force: true });
  assert.equal(native(['build', 'data/seed.toml', '-o', site, '--widget', 'dist']).status, 0);
  const previous = new Uint8Array(fs.readFileSync(path.join(site, 'data.amap')));
  const second = native(['build', editedPath, '-o', site, '--widget', 'dist']);
  assert.equal(second.status, 0, second.stderr);
  assert.match(second.stderr, /warm start from the earlier/);
  const warm = compiler.build([{ name: editedPath, text: edited }], { widgetPages, previous });
  assert.ok(warm.ok, warm.rendered);
  const amap = warm.files.find((f) => f.name === 'data.amap').bytes;
  assert.ok(Buffer.from(amap).equals(fs.readFileSync(path.join(site, 'data.amap'))), 'the warm-started data.amap is the command\'s');
  const fresh = compiler.build([{ name: editedPath, text: edited }], { widgetPages }).files.find((f) => f.name === 'data.amap').bytes;
  assert.ok(!Buffer.from(fresh).equals(Buffer.from(amap)), 'without it, the map is laid out afresh');
  const other = compiler.build([{ name: 'tests/fixtures/docs_example.toml', text: fs.readFileSync(path.join(ROOT, 'tests/fixtures/docs_example.toml'), 'utf8') }], { widgetPages, previous });
  const alone = compiler.build([file('tests/fixtures/docs_example.toml')], { widgetPages });
  assert.ok(Buffer.from(other.files[0].bytes).equals(Buffer.from(alone.files[0].bytes)), "another dataset's map is no warm start");
});

test('check reports what check --message-format json reports, with places an editor can use', () => {
  const text = fs.readFileSync(path.join(ROOT, 'data/seed.toml'), 'utf8').replace('from = "huawei"', 'from = "huawey"').replace('kind = "company"', 'kind = "compnay"');
  const broken = path.join(scratch, 'broken.toml');
  fs.writeFileSync(broken, text);
  const r = native(['check', broken, '--message-format', 'json']);
  assert.equal(r.status, 1);
  const expected = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  const got = compiler.check([{ name: broken, text }]);
  assert.equal(got.ok, false);
  assert.deepEqual(
    got.diagnostics.map((d) => [d.code, d.line, d.column, d.endLine, d.endColumn, d.message, d.hint ?? null]),
    expected.map((d) => [d.code, d.line, d.column, d.end_line, d.end_column, d.message, d.hint]),
  );
  const typo = got.diagnostics.find((d) => d.message.includes('huawey'));
  assert.equal(text.slice(typo.fix.from, typo.fix.to), 'huawey', 'the fix replaces the id inside its quotes (UTF-16 offsets)');
  assert.equal(typo.fix.insert, 'huawei');
  assert.equal(got.rendered, native(['check', broken]).stderr, 'the rendered report is the command\'s');
});

test('run is the command line: the same site, messages and exit codes as the native command', () => {
  const site = path.join(scratch, 'run-site');
  const cases = [
    ['build', 'data/seed.toml', '-o', site, '--widget', 'dist', '--base-url', 'https://example.org/maps/'],
    ['check', 'tests/fixtures/docs_example.toml', '--message-format', 'short'],
    ['export', 'tests/fixtures/docs_example.toml', '--format', 'gexf'],
    ['check', 'no-such-file.toml'],
    ['build', 'data/seed.toml', '--seed', '2', '--no-layout'],
    ['--bogus'],
  ];
  const list = (d) => fs.readdirSync(d, { recursive: true }).sort();
  for (const args of cases) {
    // Each from a fresh folder: a build there would be the other's warm start.
    fs.rmSync(site, { recursive: true, force: true });
    const want = native(args);
    const nativeSite = path.join(scratch, 'run-native');
    fs.rmSync(nativeSite, { recursive: true, force: true });
    if (fs.existsSync(site)) fs.renameSync(site, nativeSite);
    const { io, text } = nodeIo();
    const code = compiler.run(args, io);
    assert.equal(code, want.status, `exit code of ${args.join(' ')}`);
    assert.equal(text('stdout'), want.stdout, `stdout of ${args.join(' ')}`);
    assert.equal(text('stderr'), want.stderr, `stderr of ${args.join(' ')}`);
    if (!fs.existsSync(nativeSite)) continue;
    assert.deepEqual(list(site), list(nativeSite));
    for (const f of list(nativeSite).filter((f) => fs.statSync(path.join(nativeSite, f)).isFile())) {
      assert.ok(fs.readFileSync(path.join(nativeSite, f)).equals(fs.readFileSync(path.join(site, f))), `${f} is the same`);
    }
  }
});
