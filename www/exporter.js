// "SVG" and "PNG" buttons: the current view as a figure to publish (title,
// as-of date and legend above the map, credit and citations below), both
// from the wasm's display list (the same as `alliance-map render`): the SVG
// as written by Rust, the PNG painted from the list at 2x. Nothing is
// uploaded anywhere, and nothing is loaded, so both work under a strict
// Content-Security-Policy (a download link is navigation, not img-src). The toolbar buttons are
// drawn with the first frame (frame.js); this module comes after it, with
// the full module (interactive.js), and Widget.exportView calls it.
import { paintDisplayList } from './paint-display-list.js';
import { errorMessage } from './errors.js';

const PNG_SCALE = 2;
/** How long a download's object URL lives (the browser has read it by then). */
const REVOKE_MS = 10000;

// The figure comes in the widget's theme, light or dark, told apart by the
// brightness of the background the widget resolved (any CSS colour: the
// canvas normalises it to #rrggbb; a translucent one counts as light).
function isDark(background) {
  const ctx = document.createElement('canvas').getContext('2d');
  ctx.fillStyle = background;
  const c = ctx.fillStyle;
  if (!c.startsWith('#')) return false;
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

/**
 * The exporter of `handle`'s map as `viewport` shows it, in `theme().background`
 * (light or dark), with labels `lineHeight` px apart; `showHint` says why a
 * PNG could not be made. The disposer revokes the downloads' URLs.
 */
export function createExporter({ handle, viewport, theme, lineHeight, showHint }) {
  const pending = new Map(); // object URL → its revoke timer
  const revoke = (url) => {
    clearTimeout(pending.get(url));
    pending.delete(url);
    URL.revokeObjectURL(url);
  };
  const download = (blob, name) => {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    a.rel = 'noopener';
    document.body.append(a);
    a.click();
    a.remove();
    pending.set(a.href, setTimeout(() => revoke(a.href), REVOKE_MS));
  };
  // The view, its theme and the label line height: the arguments of handle.svg and handle.displayList.
  const args = () => {
    const c = viewport.camera;
    return [c.x, c.y, c.zoom, viewport.width, viewport.height, lineHeight, isDark(theme().background)];
  };
  /** Downloads the current view as 'svg' or 'png' (2x). */
  const exportView = (format) => {
    if (format === 'svg') return download(new Blob([handle.svg(...args())], { type: 'image/svg+xml' }), 'alliance-map.svg');
    return viewPng(JSON.parse(handle.displayList(...args())), PNG_SCALE).then(
      (b) => download(b, 'alliance-map.png'),
      (err) => showHint(errorMessage(err)),
    );
  };
  return { exportView, dispose: () => [...pending.keys()].forEach(revoke) };
}

/** Display list `list` painted at `scale`; resolves to a PNG blob. */
function viewPng(list, scale) {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(list.width * scale);
  canvas.height = Math.round(list.height * scale);
  const ctx = canvas.getContext('2d');
  ctx.scale(scale, scale);
  paintDisplayList(ctx, list);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The PNG could not be made (the view may be too large).'))), 'image/png'),
  );
}
