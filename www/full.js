// The full wasm module (once per page): details, queries, paths, export,
// keyboard order. Loaded after the first frame, which the small module in
// boot.js draws; the widget then hands its map over to a MapHandle.
import init, { MapHandle, lastPanic } from './pkg/alliance_map.js';
import { setPanicSource } from './errors.js';

export { MapHandle };

let fullReady = null;
export function loadFull() {
  fullReady ??= init({ module_or_path: new URL('./pkg/alliance_map_bg.wasm', import.meta.url) }).then((wasm) => {
    setPanicSource(lastPanic);
    return wasm;
  });
  return fullReady;
}
