// "SVG" and "PNG" buttons: the current view as a figure to publish (title,
// as-of date and legend above the map, credit and citations below), both
// from the wasm's display list (the same as `alliance-map render`): the SVG
// as written by Rust, the PNG painted from the list at 2x. Nothing is
// uploaded anywhere, and nothing is loaded, so both work under a strict
// Content-Security-Policy (a download link is navigation, not img-src). The toolbar buttons are
// drawn with the first frame (frame.js); this module comes after it, with
// the full module (interactive.js), and Widget.exportView calls it.
import { paintDisplayList } from './paint-display-list.js';

const PNG_SCALE = 2;

function download(blob, name) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

// The figure comes in the widget's theme, light or dark, told apart by the
// brightness of the background the widget resolved (any CSS colour: the
// canvas normalises it to #rrggbb; a translucent one counts as light).
function isDark(w) {
  const ctx = document.createElement('canvas').getContext('2d');
  ctx.fillStyle = w.theme().background;
  const c = ctx.fillStyle;
  if (!c.startsWith('#')) return false;
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

// The view, its theme and the label line height: the arguments of handle.svg and handle.displayList.
function figureArgs(w, lineHeight) {
  const c = w.camera;
  return [c.x, c.y, c.zoom, w.width, w.height, lineHeight, isDark(w)];
}

/** The current view of widget `w` as an SVG figure (title, legend, credit; the as-of date when set). */
export function viewSvg(w, lineHeight) {
  return w.handle.svg(...figureArgs(w, lineHeight));
}

/** The same figure painted at `scale`; resolves to a PNG blob. */
export function viewPng(w, lineHeight, scale) {
  const list = JSON.parse(w.handle.displayList(...figureArgs(w, lineHeight)));
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

/** Downloads the current view of `w` as 'svg' or 'png' (2x). */
export function exportView(w, format, lineHeight) {
  if (format === 'svg') return download(new Blob([viewSvg(w, lineHeight)], { type: 'image/svg+xml' }), 'alliance-map.svg');
  return viewPng(w, lineHeight, PNG_SCALE).then((b) => download(b, 'alliance-map.png'), (err) => w.showHint(err.message));
}
