// The studio's build-time files in dist/studio/: the documented example it
// starts from (tests/fixtures/docs_example.toml), and widget-files.json, the
// list of the widget's files that `alliance-map build --widget dist` copies
// into a site (every file of dist/ but the ones build writes itself, OWNED
// in src/cli/outputs.rs, at the top level), so the studio's .zip holds
// exactly the files of a site the command builds. Run last by
// scripts/build.sh: the list is of dist/ as it ends up.
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

const dist = process.argv[2] || 'dist';
/** src/cli/outputs.rs OWNED: build writes these itself, never copies them from the widget. */
export const OWNED = ['index.html', 'embed.html', 'text.html', 'oembed.json', 'data.amap'];
const LIST = 'studio/widget-files.json';

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
const names = (await files(dist)).filter((f) => !OWNED.includes(f));
if (!names.includes(LIST)) names.push(LIST);
await writeFile(join(dist, LIST), JSON.stringify(names.sort(), null, 1) + '\n');
