// Loading: the wasm module (once per page), a compiled dataset by URL, and
// the message shown in place of the map when something fails.
import init, { MapHandle, lastPanic } from './pkg/alliance_map.js';

export { MapHandle };

let wasmReady = null;
export function loadWasm() {
  wasmReady ??= init({ module_or_path: new URL('./pkg/alliance_map_bg.wasm', import.meta.url) });
  return wasmReady;
}

export async function fetchCompiled(src) {
  const response = await fetch(new URL(src, document.baseURI));
  if (!response.ok) throw new Error(`could not load ${src}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

export function showError(container, err) {
  let detail = (err && err.message) || String(err);
  try {
    detail = lastPanic() || detail;
  } catch {
    // The module itself failed to load: keep the original message.
  }
  const box = document.createElement('div');
  box.className = 'am-error';
  box.setAttribute('role', 'alert');
  const strong = document.createElement('strong');
  strong.textContent = 'This map could not be shown.';
  const p = document.createElement('p');
  p.textContent = detail;
  box.append(strong, p);
  container.replaceChildren(box);
}
