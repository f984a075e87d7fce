// Everything the widget loads after its first frame, as one module (one
// request, one bundle chunk in dist/): the full wasm module and the reader's
// parts (parts.js creates them). See Widget.upgrade.
export { loadFull, MapHandle } from './full.js';
export { attachParts } from './parts.js';
