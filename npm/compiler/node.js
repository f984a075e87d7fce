// `alliance-map/compiler` on Node (and what bin/alliance-map.mjs runs): the
// compiler module's functions, initialised at import from its wasm, so
// `import { check } from 'alliance-map/compiler'` needs no init call.
import { readFileSync } from 'node:fs';
import { initSync } from './alliance_map_compiler.js';
import wasm from './wasm-url.js';

initSync({ module: readFileSync(wasm) });

export * from './alliance_map_compiler.js';
export { default } from './index.js';
