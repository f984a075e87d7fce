// `npx alliance-map` beside the native `alliance-map` on the same files, in
// two folders that hold the same inputs: the same exit code, stdout, stderr
// and output files for check (clean files, every fixture of
// tests/fixtures/check in human, and some in short and json), convert (from
// GEXF, GraphML, JGF and a CSV pair the native command exported), export
// (each format), render, build, and usage errors (a bad flag, a missing or
// unreadable file, a missing argument, help and version).
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { NATIVE, ROOT, copyInto, eachAtMost, native, nativeAsync, npxAsync, sideBySide } from './harness.mjs';

const FIXTURES = fs.readdirSync(path.join(ROOT, 'tests/fixtures/check')).filter((f) => !f.endsWith('.expected')).sort();
const DIST = path.join(ROOT, 'dist');
let user; // {dir, env}: the package installed
let nativeDir;

before(() => {
  ({ user, nativeDir } = sideBySide('parity', (dir) => {
    copyInto(dir, ['data/seed.toml', 'tests/fixtures/docs_example.toml', 'tests/fixtures/hostile.toml', ...FIXTURES.map((f) => `tests/fixtures/check/${f}`)]);
    // Other formats, as the native command writes them, for convert and check.
    for (const [format, out] of [['gexf', 'seed.gexf'], ['graphml', 'seed.graphml'], ['jgf', 'seed.json'], ['csv', 'csv']]) {
      const r = native(dir, ['export', 'seed.toml', '--format', format, '-o', out]);
      assert.equal(r.status, 0, `native export --format ${format}: ${r.stderr}`);
    }
    fs.writeFileSync(path.join(dir, 'not-utf8.toml'), Buffer.from('title = \xff\xfe\n', 'latin1'));
    fs.mkdirSync(path.join(dir, 'a-folder.toml'));
  }));
});

/** Output without the native program's path (clap names the program by it in some messages). */
const text = (bytes) => bytes.toString().replaceAll(NATIVE, 'alliance-map');

/**
 * Runs `args` natively and with npx, and compares exit code, stdout, stderr
 * and the `outputs` (paths in each folder) byte for byte. `widget`:
 * native `build` gets `--widget <repo>/dist` (its default, dist, is the
 * repository's folder; the package's bin gives its own copy of it).
 */
async function same(args, { outputs = [], widget = false, status } = {}) {
  const [ours, theirs] = await Promise.all([npxAsync(user.dir, user.env, args), nativeAsync(nativeDir, widget ? [...args, '--widget', DIST] : args)]);
  assert.equal(ours.error, undefined, `npx ran: ${ours.error}`);
  assert.equal(text(ours.stderr), text(theirs.stderr), `stderr of ${args.join(' ')}`);
  assert.equal(text(ours.stdout), text(theirs.stdout), `stdout of ${args.join(' ')}`);
  assert.equal(ours.status, theirs.status, `exit code of ${args.join(' ')}`);
  if (status !== undefined) assert.equal(ours.status, status, `${args.join(' ')} exits ${status}`);
  for (const out of outputs) {
    const [a, b] = [path.join(user.dir, out), path.join(nativeDir, out)];
    assert.equal(fs.existsSync(a), fs.existsSync(b), `${out} written by both or neither`);
    if (fs.existsSync(b)) assert.ok(fs.readFileSync(a).equals(fs.readFileSync(b)), `${out} is byte-identical`);
  }
  return ours;
}

/** Cases that write nothing, or each its own file: two at a time. */
const side = (cases) => eachAtMost(2, cases, ([args, options]) => same(args, options));

test('check: clean files, in each message format', async () => {
  const cases = [];
  for (const file of ['seed.toml', 'docs_example.toml', 'seed.gexf', 'seed.graphml', 'seed.json']) {
    for (const format of ['human', 'short', 'json']) cases.push([['check', file, '--message-format', format], { status: 0 }]);
  }
  cases.push([['check', 'csv/entities.csv', 'csv/relations.csv'], { status: 0 }]);
  await side(cases);
});

test(`check: every fixture of tests/fixtures/check (${FIXTURES.length}), human; the many-mistakes and hostile ones also short and json`, async () => {
  const cases = FIXTURES.map((file) => [['check', file]]);
  for (const file of ['many_mistakes.toml', 'hostile.toml', 'hostile_escapes.toml', 'e001_csv_unclosed_quote.csv', 'w005_duplicate_key.json']) {
    for (const format of ['short', 'json']) cases.push([['check', file, '--message-format', format]]);
  }
  await side(cases);
  const errors = await same(['check', 'many_mistakes.toml', '--message-format', 'json'], { status: 1 });
  assert.ok(errors.stdout.toString().trim().split('\n').length >= 10, 'one JSON object per problem');
});

test('convert: GEXF, GraphML, JGF and a CSV pair, to stdout and to -o', async () => {
  const cases = [];
  for (const file of ['seed.gexf', 'seed.graphml', 'seed.json']) {
    cases.push([['convert', file], { status: 0 }]);
    cases.push([['convert', file, '-o', `${file}.toml`], { outputs: [`${file}.toml`], status: 0 }]);
  }
  cases.push([['convert', 'csv/entities.csv', 'csv/relations.csv', '-o', 'from-csv.toml'], { outputs: ['from-csv.toml'], status: 0 }]);
  cases.push([['convert', 'e001_csv_unclosed_quote.csv'], { status: 1 }]);
  await side(cases);
});

test('export: each format, to stdout and to -o; csv into a folder', async () => {
  const cases = [];
  for (const format of ['jgf', 'gexf', 'graphml', 'cytoscape']) {
    cases.push([['export', 'seed.toml', '--format', format], { status: 0 }]);
    cases.push([['export', 'docs_example.toml', '--format', format, '-o', `docs.${format}`], { outputs: [`docs.${format}`], status: 0 }]);
  }
  cases.push([['export', 'seed.toml'], { status: 0 }]);
  cases.push([['export', 'seed.toml', '--format', 'csv', '-o', 'out/csv'], { outputs: ['out/csv/entities.csv', 'out/csv/relations.csv'], status: 0 }]);
  cases.push([['export', 'seed.toml', '--format', 'csv'], { status: 2 }]);
  cases.push([['export', 'seed.toml', '--format', 'dot'], { status: 2 }]);
  await side(cases);
});

test('render: stdout, -o, --as-of, --theme, sizes, and a bad date', async () => {
  await side([
    [['render', 'seed.toml'], { status: 0 }],
    [['render', 'seed.toml', '-o', 'map.svg', '--as-of', '2023-09-28', '--theme', 'dark', '--width', '640', '--height', '480'], { outputs: ['map.svg'], status: 0 }],
    [['render', 'docs_example.toml', '--as-of', '2024'], { status: 0 }],
    [['render', 'seed.toml', '--as-of', '2023-13-01'], { status: 2 }],
    [['render', 'seed.toml', '--theme', 'sepia'], { status: 2 }],
  ]);
});

test('build: the site, with --base-url, --allow-data-from, --seed, --no-layout; a warm start; bad options', async () => {
  const site = (dir) => ['index.html', 'embed.html', 'data.amap', 'oembed.json', 'text.html', 'style.css', 'element.js'].map((f) => `${dir}/${f}`);
  // One after another: each build of site/ is the next one's warm start.
  await same(['build', 'seed.toml', '-o', 'site'], { widget: true, outputs: site('site'), status: 0 });
  await same(['build', 'seed.toml', '-o', 'site'], { widget: true, outputs: site('site'), status: 0 }); // "warm start from the earlier site/data.amap"
  await same(['build', 'docs_example.toml', '-o', 'site'], { widget: true, outputs: site('site'), status: 0 }); // another dataset: laid out afresh
  await side([
    [['build', 'seed.toml', '-o', 'site2', '--base-url', 'https://example.org/maps/a/', '--allow-data-from', 'self', '--allow-data-from', 'https://data.example.org', '--seed', '3'], { widget: true, outputs: site('site2'), status: 0 }],
    [['build', 'seed.gexf', '-o', 'site3', '--no-layout'], { widget: true, outputs: site('site3'), status: 0 }],
    [['build', 'seed.toml', '-o', 'site4', '--widget', DIST], { outputs: site('site4'), status: 0 }],
    [['build', 'seed.toml', '-o', 'site5', '--widget', 'no-such-widget'], { outputs: site('site5'), status: 2 }],
    // Usage errors, with no --widget on either side: a Usage line repeats the flags given.
    [['build', 'seed.toml', '--base-url', 'ftp://example.org/'], { status: 2 }],
    [['build', 'seed.toml', '--allow-data-from', 'https://example.org/path'], { status: 2 }],
    [['build', 'seed.toml', '--no-layout', '--seed', '2'], { status: 2 }],
    [['build'], { status: 2 }],
    [['build', 'seed.toml', '--bogus'], { status: 2 }],
    [['build', 'many_mistakes.toml', '-o', 'site6'], { widget: true, outputs: site('site6'), status: 1 }],
  ]);
});

test('usage errors: bad flag, missing and unreadable files, missing arguments, files that do not go together; help and version', async () => {
  await side([
    [['check', 'seed.toml', '--bogus'], { status: 2 }],
    [['check', 'seed.toml', '--message-format', 'xml'], { status: 2 }],
    [['check', 'missing.toml'], { status: 2 }],
    [['check', 'not-utf8.toml'], { status: 2 }],
    [['check', 'a-folder.toml'], { status: 2 }],
    [['check'], { status: 2 }],
    [['check', 'seed.toml', 'seed.gexf'], { status: 2 }],
    [['check', 'a.toml', 'b.toml', 'c.toml'], { status: 2 }],
    [['frobnicate'], { status: 2 }],
    [[], { status: 2 }],
    [['--help'], { status: 0 }],
    [['help', 'build'], { status: 0 }],
    [['check', '--help'], { status: 0 }],
    [['--version'], { status: 0 }],
    [['build', '--help'], { status: 0 }],
  ]);
});
