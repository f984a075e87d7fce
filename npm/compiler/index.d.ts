// `alliance-map/compiler`: the compiler module's functions (compiler.d.ts,
// www/compiler.d.ts in the repository) and how it is loaded.
export * from './compiler.js';

/** What init takes: the .wasm's URL, bytes, a Response or a compiled module. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/**
 * In a browser (or a bundler such as Vite): loads the module's wasm, by
 * default the package's own (found with `new URL(..., import.meta.url)`);
 * await it once before calling anything else. On Node, importing the package
 * has already done it.
 */
export default function init(options?: { module_or_path?: InitInput | Promise<InitInput> }): Promise<unknown>;

/** Loads the module's wasm from bytes or a compiled module, synchronously. */
export function initSync(options: { module: BufferSource | WebAssembly.Module }): unknown;
