// Everything the widget loads after its first frame, as one module (one
// request, one bundle chunk in dist/): the full wasm module and the reader's
// parts. See Widget.upgrade.
export { loadFull, MapHandle } from './full.js';
export { Reader } from './reader.js';
export { buildControls } from './controls.js';
export { TextView } from './textview.js';
export { attachKeyboard } from './keyboard.js';
export { attachInput } from './input.js';
export { attachDeepLink } from './deeplink.js';
export { renderDetails } from './panel.js';
export { exportView } from './exporter.js';
export { sheetMethods } from './sheet.js';
export { geometry, screenPosition, widgetState } from './inspect.js';
