// Bundles and minifies the JavaScript in dist/, and minifies the CSS.
// www/ stays plain ES modules that run as they are (no bundler needed to
// run the widget); dist/ is a build output for phones: each page's entry
// (main.js, embed.js, element.js, embed-resizer.js) becomes one file with
// everything it imports statically, and what the widget imports dynamically
// after its first frame (interactive.js) becomes a chunk of its own. Fewer
// requests matter on a slow network: each costs a round trip, and a browser
// opens only six connections per host. Chunks sit next to the entries so
// that `new URL(..., import.meta.url)` (the wasm and CSS URLs) resolves the
// same as in www/.
import { build, transform } from 'esbuild';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// layout.js and layout-worker.js: only datasets built with --no-layout load
// them (see on-demand.mjs), so they stay files of their own. mount.js is the
// public module that mount.d.ts declares (the npm package's main export); no
// page loads it, and it only re-exports the chunk the pages share.
const ENTRIES = ['main.js', 'embed.js', 'element.js', 'embed-resizer.js', 'mount.js', 'layout.js', 'layout-worker.js'];
const dist = process.argv[2] || 'dist';

const { outputFiles } = await build({
  entryPoints: ENTRIES.map((f) => join(dist, f)),
  outdir: dist,
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  target: 'es2020',
  legalComments: 'none',
  chunkNames: 'chunk-[hash]',
  write: false,
  logLevel: 'warning',
});

// The modules are inside the bundles now: dist/ keeps only what pages load.
for (const dir of [dist, join(dist, 'pkg')]) {
  for (const f of await readdir(dir)) if (f.endsWith('.js')) await rm(join(dir, f));
}
for (const file of outputFiles) {
  await mkdir(join(file.path, '..'), { recursive: true });
  await writeFile(file.path, file.contents);
}

for (const f of (await readdir(dist)).filter((f) => f.endsWith('.css'))) {
  const path = join(dist, f);
  const { code } = await transform(await readFile(path, 'utf8'), { loader: 'css', minify: true, legalComments: 'none' });
  await writeFile(path, code);
}
