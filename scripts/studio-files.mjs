// The widget's file list and the studio's build-time files. Run last by
// scripts/build.sh: the list is of dist/ as it ends up.
// - dist/widget-files.json: the files `alliance-map build --widget dist`
//   copies into a site (and the studio's .zip holds): every file of dist/
//   but the ones build writes itself (OWNED in src/cli/outputs.rs) and the
//   studio's own (its page, its dist/studio/ folder, the compiler module and
//   the chunks only the studio loads: dist/studio/only.json, written by
//   scripts/minify.mjs). A published site carries no studio.
// - dist/studio/example.toml: the documented example the studio starts from.
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

const dist = process.argv[2] || 'dist';
/** src/cli/outputs.rs OWNED: build writes these itself, never copies them from the widget. */
export const OWNED = ['index.html', 'embed.html', 'text.html', 'oembed.json', 'data.amap'];
/** The studio's page and its files: never in a published site. */
const STUDIO = (f) => f === 'studio.html' || f === 'studio.css' || f.startsWith('studio/') || f.startsWith('pkg/alliance_map_compiler') || f === 'compiler.d.ts';
const LIST = 'widget-files.json';

async function files(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path)));
    else out.push(relative(dist, path).split(sep).join('/'));
  }
  return out;
}

await mkdir(join(dist, 'studio'), { recursive: true });
await copyFile('tests/fixtures/docs_example.toml', join(dist, 'studio/example.toml'));
const studioOnly = new Set(JSON.parse(await readFile(join(dist, 'studio/only.json'), 'utf8')));
const names = (await files(dist)).filter((f) => !OWNED.includes(f) && !STUDIO(f) && !studioOnly.has(f));
if (!names.includes(LIST)) names.push(LIST);
await writeFile(join(dist, LIST), JSON.stringify(names.sort(), null, 1) + '\n');
