// Bundles and minifies the JavaScript in dist/, and minifies the CSS.
// www/ stays plain ES modules that run as they are (no bundler needed to
// run the widget); dist/ is a build output for phones: each page's entry
// (main.js, embed.js, element.js, embed-resizer.js, the article helper
// story.js) becomes one file with
// everything it imports statically, and what the widget imports dynamically
// after its first frame (interactive.js) becomes a chunk of its own. Fewer
// requests matter on a slow network: each costs a round trip, and a browser
// opens only six connections per host. Chunks sit next to the entries so
// that `new URL(..., import.meta.url)` (the wasm and CSS URLs) resolves the
// same as in www/.
import { build, transform } from 'esbuild';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

// layout.js and layout-worker.js: only datasets built with --no-layout load
// them (see on-demand.mjs), so they stay files of their own. mount.js is the
// public module that mount.d.ts declares (the npm package's main export); no
// page loads it, and it only re-exports the chunk the pages share. studio.js
// (the studio page, with CodeMirror) and compiler-worker.js (the compiler
// module's worker, with fflate) are the studio's alone: no reader's page
// imports them (benches/size.mjs prints them apart).
const STUDIO_ENTRIES = ['studio.js', 'compiler-worker.js'];
const ENTRIES = ['main.js', 'embed.js', 'element.js', 'embed-resizer.js', 'story.js', 'mount.js', 'layout.js', 'layout-worker.js', ...STUDIO_ENTRIES];
const dist = process.argv[2] || 'dist';

const { outputFiles, metafile } = await build({
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
  metafile: true,
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

// What only the studio loads (its entries, and the chunks no reader's entry
// reaches): scripts/studio-files.mjs leaves these out of the widget's file
// list, so a site `build` writes carries none of the studio.
const outputsOf = (entry) => Object.entries(metafile.outputs).find(([, o]) => o.entryPoint?.endsWith(`/${entry}`))?.[0];
function reach(from, seen = new Set()) {
  if (!from || seen.has(from)) return seen;
  seen.add(from);
  for (const i of metafile.outputs[from]?.imports ?? []) reach(i.path, seen);
  return seen;
}
const readers = new Set(ENTRIES.filter((e) => !STUDIO_ENTRIES.includes(e)).flatMap((e) => [...reach(outputsOf(e))]));
const studioOnly = [...new Set(STUDIO_ENTRIES.flatMap((e) => [...reach(outputsOf(e))]))].filter((o) => !readers.has(o));
const rel = (p) => relative(dist, p).split(sep).join('/');
await mkdir(join(dist, 'studio'), { recursive: true });
await writeFile(join(dist, 'studio/only.json'), JSON.stringify(studioOnly.map(rel).sort(), null, 1) + '\n');

for (const f of (await readdir(dist)).filter((f) => f.endsWith('.css'))) {
  const path = join(dist, f);
  const { code } = await transform(await readFile(path, 'utf8'), { loader: 'css', minify: true, legalComments: 'none' });
  await writeFile(path, code);
}
