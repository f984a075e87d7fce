// The typed public boundary: the declarations shipped next to the modules
// (www/mount.d.ts, element.d.ts, embed-resizer.d.ts) compile, with
// `tsc --noEmit --strict`, against a consumer written as a page's
// TypeScript would be (types/consumer.ts: what must type-check, and
// @ts-expect-error lines for what must not). The e2e test
// lifecycle.test.mjs checks that the widget has every member they declare.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');

function tsc(project) {
  try {
    execFileSync(process.execPath, [TSC, '--noEmit', '--strict', '-p', project], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (err) {
    return `${err.stdout}${err.stderr}`;
  }
}

test('a strict TypeScript consumer of mount(), <alliance-map> and the embed message compiles against www/*.d.ts', () => {
  assert.ok(fs.existsSync(TSC), 'typescript is a dev dependency: npm ci');
  assert.equal(tsc('tests/js/types'), '', 'tsc reports nothing');
});

test('each public module in www/ has its declaration beside it (cp -R www/. dist/ ships them)', () => {
  for (const module of ['mount', 'element', 'embed-resizer', 'story']) {
    assert.ok(fs.existsSync(path.join(ROOT, 'www', `${module}.js`)), `www/${module}.js`);
    assert.ok(fs.existsSync(path.join(ROOT, 'www', `${module}.d.ts`)), `www/${module}.d.ts`);
  }
});
