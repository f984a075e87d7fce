// The peer page the browser benchmarks compare with: sigma.js + graphology
// from node_modules, bundled by esbuild with the page's own entry script.
// Used by first-frame.mjs (the seed, on a circle) and pan.mjs (10k nodes at
// the widget's positions).
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { ROOT } from '../tests/e2e/harness.mjs';

/** The colours both pages give node kinds (in order of first appearance). */
export const SIGMA_COLORS = "['#0b5cad', '#c0392b', '#2e8b57', '#8e44ad', '#d35400', '#7f8c8d']";

/**
 * Writes `dir` afresh: graph.json (`graph`), main.js (esbuild bundle of the
 * `entry` source, for `target`) and index.html (titled `title`, with `css`
 * and `body`). Resolves to the bundle's size in bytes.
 */
export async function writeSigmaPage(dir, { graph, entry, target, title, css, body }) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'graph.json'), JSON.stringify(graph));
  fs.writeFileSync(path.join(dir, 'entry.js'), entry);
  await build({
    entryPoints: [path.join(dir, 'entry.js')],
    outfile: path.join(dir, 'main.js'),
    bundle: true,
    minify: true,
    format: 'esm',
    target,
    nodePaths: [path.join(ROOT, 'node_modules')],
    logLevel: 'error',
  });
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><link rel="icon" href="data:,">
<style>${css}</style></head>
<body>${body}<script type="module" src="main.js"></script></body></html>
`,
  );
  return fs.statSync(path.join(dir, 'main.js')).size;
}
