// The compiler module on Node (the package's `alliance-map/compiler` there,
// and what bin/alliance-map.mjs runs): the same exports as the browser's
// alliance_map_compiler.js, initialised at import from the .wasm beside it,
// so `import { check } from 'alliance-map/compiler'` needs no init call.
import { readFileSync } from 'node:fs';
import { initSync } from './alliance_map_compiler.js';

initSync({ module: readFileSync(new URL('./alliance_map_compiler_bg.wasm', import.meta.url)) });

export * from './alliance_map_compiler.js';
export { default } from './alliance_map_compiler.js';
