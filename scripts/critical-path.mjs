// The critical path of a page: its entry module and every module reachable
// from it through static imports (`import ... from './x.js'`, `export ...
// from`), in the order found. Dynamic `import('./x.js')` is where the
// widget's lazy parts start, so it is not followed. Used by preload.mjs
// (which modules to preload) and benches/size.mjs (what counts as the
// critical path).
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g;

/** Paths (relative to `dir`) of `entry` and its static imports, transitively. */
export async function staticImports(dir, entry) {
  const seen = [];
  const visit = async (file) => {
    if (seen.includes(file)) return;
    seen.push(file);
    const text = await readFile(path.join(dir, file), 'utf8');
    for (const [, spec] of text.matchAll(STATIC_IMPORT)) {
      await visit(path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)));
    }
  };
  await visit(entry);
  return seen;
}
