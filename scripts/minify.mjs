// Minifies the JavaScript and CSS in dist/ in place, file by file (no
// bundling: the ES modules and their relative imports stay as they are).
// Readable sources stay in www/; dist/ is a build output.
import { transform } from 'esbuild';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

async function files(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path)));
    else if (/\.(js|css)$/.test(entry.name)) out.push(path);
  }
  return out;
}

const dist = process.argv[2] || 'dist';
for (const path of await files(dist)) {
  const loader = path.endsWith('.css') ? 'css' : 'js';
  const source = await readFile(path, 'utf8');
  const { code } = await transform(source, { loader, minify: true, format: loader === 'js' ? 'esm' : undefined, target: 'es2020', legalComments: 'none' });
  await writeFile(path, code);
}
