// Adds preload hints to dist/index.html and dist/embed.html, and writes the
// demo's oembed.json. Preloads: the first-frame wasm and every module the
// page's entry imports statically start downloading at once, instead of one
// round trip per level of the import chain (a phone on a slow network pays
// each round trip). What the widget imports dynamically after its first
// frame (the full module and the reader's parts) is not preloaded: it would
// compete with the first frame for the phone's bandwidth. Nor is the layout
// worker (only datasets without positions need it; see on-demand.mjs).
import { readFile, writeFile } from 'node:fs/promises';
import { staticImports } from './critical-path.mjs';

const dist = process.argv[2] || 'dist';
const pages = { 'index.html': 'main.js', 'embed.html': 'embed.js' };
for (const [page, entry] of Object.entries(pages)) {
  const modules = (await staticImports(dist, entry)).filter((m) => m !== entry);
  const hints = [
    '<link rel="preload" href="pkg/alliance_map_paint_bg.wasm" as="fetch" type="application/wasm" crossorigin>',
    ...modules.map((m) => `<link rel="modulepreload" href="${m}">`),
  ].join('\n');
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
