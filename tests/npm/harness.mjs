// The npm package as a user gets it: packed by scripts/pack.mjs, installed
// with npm into a scratch folder whose PATH has no cargo, and run with npx;
// beside it the native command (target/debug/alliance-map) on the same files.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const VERSION = fs.readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8').match(/\[workspace\.package\][^[]*?^version\s*=\s*"([^"]+)"/m)[1];
export const NATIVE = path.join(ROOT, 'target/debug/alliance-map');

/**
 * Packs the package with scripts/pack.mjs (which needs scripts/build.sh's
 * dist/ and pkg/) into a scratch folder of this test file's own, so test
 * files may run side by side. Returns the tarball's path.
 */
export function pack() {
  const out = scratch('pack');
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/pack.mjs'), out], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = path.join(out, `alliance-map-${VERSION}.tgz`);
  assert.ok(fs.existsSync(tarball), `${tarball} written`);
  return tarball;
}

/** Builds the native command (a no-op after `cargo test`). */
export function buildNative() {
  execFileSync('cargo', ['build', '-q', '--bin', 'alliance-map'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return NATIVE;
}

/**
 * A user's environment: PATH has only node's folder, /usr/bin and /bin, so no
 * cargo (asserted), and no variable of cargo's or rustup's.
 */
export function userEnv() {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(CARGO|RUSTUP|RUST)/.test(k)));
  env.PATH = [...new Set([path.dirname(process.execPath), '/usr/bin', '/bin'])].join(':');
  // npm must not ask (npx --no) nor reach further than the local cache and registry it is set up with.
  env.npm_config_audit = 'false';
  env.npm_config_fund = 'false';
  env.npm_config_update_notifier = 'false';
  const found = spawnSync('sh', ['-c', 'command -v cargo rustc'], { env, encoding: 'utf8' });
  assert.equal(found.stdout, '', `no cargo or rustc on the user's PATH (${env.PATH})`);
  return env;
}

/** A new scratch folder (removed at exit unless KEEP_SCRATCH=1). */
export function scratch(name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `alliance-map-${name}-`));
  if (!process.env.KEEP_SCRATCH) process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * A scratch project with the tarball installed (`npm install ./alliance-map-<version>.tgz`
 * as the README says, the tarball copied in first). Returns {dir, env}.
 */
export function installed(name, tarball) {
  const dir = scratch(name);
  const env = userEnv();
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: `scratch-${name}`, private: true, type: 'module' }, null, 2)}\n`);
  fs.copyFileSync(tarball, path.join(dir, path.basename(tarball)));
  // --offline: the tarball has no dependencies, so nothing comes from the registry.
  execFileSync('npm', ['install', `./${path.basename(tarball)}`, '--offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, env, stdio: ['ignore', 'ignore', 'inherit'] });
  return { dir, env };
}

/**
 * `npx alliance-map ...args` in `dir` (--no: never download it). npx takes a
 * flag right after the command's name (--help, --version) for itself, so
 * such arguments follow a `--`, as the README says. Returns {status, stdout, stderr} as bytes.
 */
export function npx(dir, env, args) {
  return spawnSync('npx', npxArgs(args), { cwd: dir, env, maxBuffer: 256 << 20 });
}

const npxArgs = (args) => ['--no', ...(args[0]?.startsWith('-') ? ['--'] : []), 'alliance-map', ...args];

/** The native command with `args` in `dir`. */
export function native(dir, args) {
  return spawnSync(NATIVE, args, { cwd: dir, maxBuffer: 256 << 20 });
}

/** Like spawnSync, without blocking: resolves to {status, stdout, stderr, error}. */
function run(command, args, options) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = { stdout: [], stderr: [] };
    child.stdout.on('data', (b) => out.stdout.push(b));
    child.stderr.on('data', (b) => out.stderr.push(b));
    child.on('error', (error) => resolve({ status: null, stdout: Buffer.alloc(0), stderr: Buffer.alloc(0), error }));
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out.stdout), stderr: Buffer.concat(out.stderr) }));
  });
}

/** npx and native, as promises (so independent cases can run side by side). */
export const npxAsync = (dir, env, args) => run('npx', npxArgs(args), { cwd: dir, env });
export const nativeAsync = (dir, args) => run(NATIVE, args, { cwd: dir });

/** Runs `fn` on each item, at most `width` at a time; resolves when all have. */
export async function eachAtMost(width, items, fn) {
  const queue = [...items];
  await Promise.all(Array.from({ length: width }, async () => {
    while (queue.length) await fn(queue.shift());
  }));
}

/**
 * The two folders a comparison needs: the user's project with the tarball
 * installed (`user`: {dir, env}) and a folder for the native command
 * (`nativeDir`), built if needed. `fill(dir)` writes the inputs into the
 * native folder, which is then copied into the user's.
 */
export function sideBySide(name, fill) {
  const tarball = pack();
  buildNative();
  const user = installed(name, tarball);
  const nativeDir = scratch(`${name}-native`);
  fill(nativeDir);
  fs.cpSync(nativeDir, user.dir, { recursive: true });
  return { user, nativeDir };
}

/** Copies `files` (paths relative to the repository) into `dir` under their base names. */
export function copyInto(dir, files) {
  for (const f of files) fs.copyFileSync(path.join(ROOT, f), path.join(dir, path.basename(f)));
}
