#!/usr/bin/env node
// `npx alliance-map check|convert|export|build|render`: the compiler module's
// command line over node:fs. The module is the native `alliance-map` command's
// Rust code compiled to wasm, so this file parses no arguments: the flags, the
// output and the exit codes are the native command's by construction.
//
// One default differs, because the package is not the repository: `build`
// copies the widget from `--widget DIR`, whose native default is `dist`
// (where scripts/build.sh writes it); here, when the command line names no
// --widget, it is the package's own widget/ folder (run's third argument).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { run } from '../compiler/node.js';

const WIDGET = fileURLToPath(new URL('../widget', import.meta.url));

/** A closed pipe (`| head`) ends the output, as it does natively, not the process with a stack trace. */
let closed = false;
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code !== 'EPIPE') throw err;
    closed = true;
  });
}

/**
 * What `run` reads and writes (www/compiler.d.ts, Io): paths as given,
 * relative to the working directory. A thrown error's `code` (ENOENT…) is
 * worded by the module as the native command words it.
 */
const io = {
  readFile: (path) => fs.readFileSync(path),
  writeFile: (path, bytes) => fs.writeFileSync(path, bytes),
  mkdir: (path) => fs.mkdirSync(path, { recursive: true }),
  removeFile: (path) => fs.rmSync(path, { force: true }),
  readDir: (path) => fs.readdirSync(path, { withFileTypes: true }).map((entry) => [entry.name, entry.isDirectory()]),
  realpath: (path) => fs.realpathSync(path),
  // The module hands over a copy of its bytes.
  stdout: (bytes) => closed || process.stdout.write(bytes),
  stderr: (bytes) => closed || process.stderr.write(bytes),
};

// exitCode, not exit(): what is still queued for a pipe is written first.
process.exitCode = run(process.argv.slice(2), io, WIDGET);
