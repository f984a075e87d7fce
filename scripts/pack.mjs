// The npm package: `node scripts/pack.mjs` (after scripts/build.sh) writes
// target/npm/alliance-map-<version>.tgz with `npm pack`, from a folder it
// assembles in target/npm/package/:
//   widget/    dist/ as it is: the bundled ES modules (mount.js, element.js,
//              embed-resizer.js and their chunks), the wasm, style.css, the
//              .d.ts files, and the pages `build` takes its preload hints from.
//              Bundlers import it (`alliance-map`, `alliance-map/element`: the
//              wasm and CSS are found by `new URL('./…', import.meta.url)`),
//              and `npx alliance-map build` copies it into the site, as the
//              native `build --widget dist` does.
//   compiler/  the compiler module: wasm-bindgen's glue from pkg/, index.js
//              (browsers: init finds the wasm) and node.js (initialised at
//              import), their declarations (npm/compiler/), and wasm-url.js,
//              the wasm's place: widget/pkg/ when dist/ holds it (so the
//              tarball holds it once), else a copy beside the glue.
//   bin/       alliance-map.mjs, the command (npm/bin/).
//   package.json (written here; the repository's own is the dev workspace),
//   README.md (npm/README.md).
// Prints the tarball's path, size and file count.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// `node scripts/pack.mjs DIR` packs into DIR instead (the tests each pack their own).
const OUT = path.resolve(process.argv[2] || path.join(ROOT, 'target/npm'));
const PACKAGE = path.join(OUT, 'package');
const at = (...p) => path.join(ROOT, ...p);

const NEEDED = ['dist/mount.js', 'dist/element.js', 'dist/style.css', 'dist/pkg/alliance_map_bg.wasm', 'pkg/alliance_map_compiler.js', 'pkg/alliance_map_compiler_bg.wasm'];
const missing = NEEDED.filter((f) => !fs.existsSync(at(f)));
if (missing.length) {
  console.error(`error: ${missing.join(', ')} missing\nhelp: run scripts/build.sh first (it writes dist/ and pkg/)`);
  process.exit(1);
}

/** `key = "value"` of a [table] in Cargo.toml (the workspace's version, license; the package's description). */
function cargoField(table, key) {
  const text = fs.readFileSync(at('Cargo.toml'), 'utf8');
  const section = text.split(/^\[/m).find((s) => s.startsWith(`${table}]`));
  const value = section?.match(new RegExp(`^${key}\\s*=\\s*"([^"]*)"`, 'm'))?.[1];
  if (!value) throw new Error(`Cargo.toml: no ${key} in [${table}]`);
  return value;
}

const version = cargoField('workspace.package', 'version');
const manifest = {
  name: 'alliance-map',
  version,
  description: cargoField('package', 'description'),
  license: cargoField('workspace.package', 'license'),
  type: 'module',
  // "types" first in each condition list: TypeScript takes the first that matches.
  exports: {
    '.': { types: './widget/mount.d.ts', default: './widget/mount.js' },
    './element': { types: './widget/element.d.ts', default: './widget/element.js' },
    './embed-resizer': { types: './widget/embed-resizer.d.ts', default: './widget/embed-resizer.js' },
    './story': { types: './widget/story.d.ts', default: './widget/story.js' },
    './style.css': './widget/style.css',
    './story.css': './widget/story.css',
    './compiler': { types: './compiler/index.d.ts', node: './compiler/node.js', default: './compiler/index.js' },
    './package.json': './package.json',
  },
  types: './widget/mount.d.ts',
  bin: { 'alliance-map': 'bin/alliance-map.mjs' },
  files: ['bin/', 'compiler/', 'widget/'],
  engines: { node: '>=18' },
  keywords: ['network', 'graph', 'diagram', 'map', 'webassembly', 'custom-element', 'journalism'],
};

fs.rmSync(PACKAGE, { recursive: true, force: true });
fs.mkdirSync(path.join(PACKAGE, 'bin'), { recursive: true });
fs.cpSync(at('dist'), path.join(PACKAGE, 'widget'), { recursive: true });
fs.cpSync(at('npm/compiler'), path.join(PACKAGE, 'compiler'), { recursive: true });
fs.copyFileSync(at('pkg/alliance_map_compiler.js'), path.join(PACKAGE, 'compiler/alliance_map_compiler.js'));
fs.copyFileSync(at('www/compiler.d.ts'), path.join(PACKAGE, 'compiler/compiler.d.ts'));
const WASM = 'alliance_map_compiler_bg.wasm';
let wasmUrl = `../widget/pkg/${WASM}`;
if (!fs.existsSync(at('dist/pkg', WASM))) {
  fs.copyFileSync(at('pkg', WASM), path.join(PACKAGE, 'compiler', WASM));
  wasmUrl = `./${WASM}`;
}
fs.writeFileSync(
  path.join(PACKAGE, 'compiler/wasm-url.js'),
  `// Written by scripts/pack.mjs: where the compiler's wasm is in this package.\nexport default new URL('${wasmUrl}', import.meta.url);\n`,
);
fs.copyFileSync(at('npm/bin/alliance-map.mjs'), path.join(PACKAGE, 'bin/alliance-map.mjs'));
fs.chmodSync(path.join(PACKAGE, 'bin/alliance-map.mjs'), 0o755);
fs.copyFileSync(at('npm/README.md'), path.join(PACKAGE, 'README.md'));
fs.writeFileSync(path.join(PACKAGE, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

const tarball = path.join(OUT, `alliance-map-${version}.tgz`);
fs.rmSync(tarball, { force: true });
const [packed] = JSON.parse(
  execFileSync('npm', ['pack', '--json', '--pack-destination', OUT, PACKAGE], { cwd: OUT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }),
);
console.log(`${path.relative(process.cwd(), tarball)} (${packed.size.toLocaleString('en')} bytes, ${packed.entryCount} files; ${packed.unpackedSize.toLocaleString('en')} bytes unpacked)`);
