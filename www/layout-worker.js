// The layout worker (a module worker started by layout.js): lays out a
// dataset compiled with `alliance-map build --no-layout` off the main
// thread, with the layout's own small wasm (crates/layout-worker/), and
// posts the positions back as a transferable Float32Array (no copy).
// Message in: {n, edges: Uint32Array}. Out: {positions, ms, began, ended}
// (the layout's own time, and when the worker started and finished, as
// absolute times: performance.timeOrigin + now) or {error}.
import init, { positions } from './pkg/layout_worker.js';
import { errorMessage } from './errors.js';

self.onmessage = async ({ data: { n, edges } }) => {
  const began = performance.timeOrigin + performance.now();
  try {
    await init({ module_or_path: new URL('./pkg/layout_worker_bg.wasm', import.meta.url) });
    const start = performance.now();
    const result = positions(n, edges);
    const ms = performance.now() - start;
    self.postMessage({ positions: result, ms, began, ended: performance.timeOrigin + performance.now() }, [result.buffer]);
  } catch (err) {
    self.postMessage({ error: errorMessage(err) });
  }
};
