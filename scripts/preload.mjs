// Adds preload hints to dist/index.html and dist/embed.html, and writes the
// demo's oembed.json. Preloads: every module
// the page imports and the wasm start downloading at once, instead of one
// round trip per level of the import chain (a phone on a slow network pays
// each round trip). The layout worker's files are left out: only datasets
// without positions need them (see on-demand.mjs).
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { ON_DEMAND } from './on-demand.mjs';

const dist = process.argv[2] || 'dist';
const entryOnly = new Set(['main.js', 'embed.js', 'element.js', 'embed-resizer.js']);
const modules = (await readdir(dist)).filter((f) => f.endsWith('.js') && !entryOnly.has(f) && !ON_DEMAND.includes(f)).sort();
const hints = [
  '<link rel="preload" href="pkg/alliance_map_bg.wasm" as="fetch" type="application/wasm" crossorigin>',
  '<link rel="modulepreload" href="pkg/alliance_map.js">',
  ...modules.map((m) => `<link rel="modulepreload" href="${m}">`),
].join('\n');
for (const page of ['index.html', 'embed.html']) {
  const path = `${dist}/${page}`;
  const html = await readFile(path, 'utf8');
  await writeFile(path, html.replace('<link rel="stylesheet" href="style.css">', `<link rel="stylesheet" href="style.css">\n${hints}`));
}

// The demo's oEmbed response (CMSs fetch it to embed the map), for the URL
// the demo is served at; `alliance-map build --base-url` writes one for any site.
const base = process.env.OEMBED_BASE || 'http://localhost:8000/';
const title = 'Industry alliances in Chinese cars and chips';
const html = `<iframe class="alliance-map-embed" src="${base}embed.html" title="${title}" width="100%" height="600" loading="lazy"></iframe>`;
await writeFile(`${dist}/oembed.json`, JSON.stringify({ version: '1.0', type: 'rich', provider_name: 'alliance-map', title, width: 800, height: 600, html }, null, 2) + '\n');
