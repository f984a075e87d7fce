// Lays out a dataset that came without positions (`alliance-map build
// --no-layout`) in a Web Worker, so the page never freezes while it runs,
// and hands the positions to the wasm handle. Loaded on demand by
// widget.js: datasets with positions never fetch it or the worker's files.
import { errorMessage } from './errors.js';

/**
 * Runs the layout worker on the handle's graph and sets the positions.
 * Resolves to {ms, began, ended}: the layout's time in the worker, and when
 * the worker started and finished on this page's clock (performance.now()).
 * Rejects with a message a reader can act on when the worker cannot start
 * or fails.
 */
export function layOut(handle, memory) {
  const n = handle.nodeCount;
  // A copy: the worker gets its own (transferred) buffer, not wasm memory.
  const edges = new Uint32Array(memory.buffer, handle.edgeEndsPtr(), 2 * handle.edgeCount).slice();
  performance.mark('alliance-map:layout-start');
  return new Promise((resolve, reject) => {
    const fail = (detail) => {
      worker.terminate();
      reject(new Error(`The map could not be laid out in this browser: ${detail}. Rebuild the dataset without --no-layout to show it without this step.`));
    };
    const worker = new Worker(new URL('./layout-worker.js', import.meta.url), { type: 'module', name: 'alliance-map layout' });
    worker.onerror = (e) => {
      e.preventDefault();
      fail(e.message || 'the layout worker did not start (blocked, or its files are missing)');
    };
    worker.onmessageerror = () => fail('its answer could not be read');
    worker.onmessage = ({ data }) => {
      if (data.error) return fail(data.error);
      worker.terminate();
      try {
        handle.setPositions(data.positions);
      } catch (err) {
        return fail(errorMessage(err));
      }
      resolve({ ms: data.ms, began: data.began - performance.timeOrigin, ended: data.ended - performance.timeOrigin });
    };
    worker.postMessage({ n, edges }, [edges.buffer]);
  });
}
