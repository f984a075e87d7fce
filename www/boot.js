// Loading: the first-frame wasm module (once per page), a compiled dataset by
// URL, and the message shown in place of the map when something fails. The
// full module (queries, details, export) comes later, from full.js.
// Both modules export one class, MapHandle; here it is the first-frame module's.
import initPaint, { MapHandle as PaintHandle } from './pkg/alliance_map_paint.js';
import { errorMessage } from './errors.js';

export { PaintHandle };

let paintReady = null;
export function loadPaint() {
  paintReady ??= initPaint({ module_or_path: new URL('./pkg/alliance_map_paint_bg.wasm', import.meta.url) });
  return paintReady;
}

export async function fetchCompiled(src) {
  const response = await fetch(new URL(src, document.baseURI));
  if (!response.ok) throw new Error(`could not load ${src}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Shows, in place of the map, that it could not be shown and why (`err`: whatever was thrown). */
export function showError(container, err) {
  const box = document.createElement('div');
  box.className = 'am-error';
  box.setAttribute('role', 'alert');
  const strong = document.createElement('strong');
  strong.textContent = 'This map could not be shown.';
  const p = document.createElement('p');
  p.textContent = errorMessage(err);
  box.append(strong, p);
  container.replaceChildren(box);
}
