// Files in dist/ that only a dataset compiled with `alliance-map build
// --no-layout` loads (the layout worker and its wasm): never preloaded, and
// not on the critical path that benches/size.mjs measures.
// (In dist/, the worker's wasm-bindgen glue is bundled into layout-worker.js.)
export const ON_DEMAND = ['layout.js', 'layout-worker.js', 'pkg/layout_worker_bg.wasm'];
