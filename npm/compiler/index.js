// `alliance-map/compiler` in a browser or a bundler: the compiler module's
// functions, and init, which loads the package's wasm (a bundler finds it by
// `new URL(..., import.meta.url)` in wasm-url.js); await it once first.
import init from './alliance_map_compiler.js';
import wasm from './wasm-url.js';

export * from './alliance_map_compiler.js';

/** Loads the compiler's wasm, the package's own unless `module_or_path` names another. */
export default function load(options = {}) {
  return init({ module_or_path: wasm, ...options });
}
