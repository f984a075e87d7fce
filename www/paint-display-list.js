// Paints a view's display list (MapHandle.displayList: the list the SVG
// writer draws from) on a 2D canvas, with the SVG's styles (src/svg.rs), so
// the PNG shows what the SVG shows: the header (title, as-of date, legend),
// the map clipped to its band, the footer (credit, citations). Rust laid it
// all out; this only draws. Painting, not loading the SVG into an <img>: a
// strict Content-Security-Policy (img-src 'self') blocks blob: images.
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
import { markerPath } from './render.js';

const EDGE_WIDTH = 1.3;

// By dash style: solid, dashed (tentative), dotted (inferred by the editor), both.
const DASHES = [[], [6, 4], [1.5, 3], [6, 3, 1.5, 3]];

// Edge flags past the dashes: no arrowhead (undirected), faint (between communities).
const UNDIRECTED = 4;
const FAINT = 8;

function edge(ctx, [, x1, y1, x2, y2, color, flags, marker, cx, cy]) {
  ctx.globalAlpha = flags & FAINT ? 0.2 : 0.7;
  ctx.strokeStyle = color;
  ctx.lineWidth = EDGE_WIDTH;
  ctx.setLineDash(DASHES[flags & 3] || []);
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  // One of several ties between two entities is a curve (its control point).
  if (cx === undefined) ctx.lineTo(x2, y2);
  else ctx.quadraticCurveTo(cx, cy, x2, y2);
  ctx.stroke();
  ctx.globalAlpha = 1;
  if (flags & UNDIRECTED) return;
  // The arrowhead points along the line's (or the curve's) end.
  const [fx, fy] = cx === undefined ? [x1, y1] : [cx, cy];
  const len = Math.hypot(x2 - fx, y2 - fy) || 1;
  head(ctx, marker, color, x2, y2, (x2 - fx) / len, (y2 - fy) / len, flags & FAINT ? 0.2 : 1);
}

/** An arrowhead of shape `marker` (palette.js RELATION_MARKERS), as the canvas and the SVG draw it. */
function head(ctx, marker, color, x, y, ux, uy, alpha = 1) {
  ctx.globalAlpha = alpha;
  ctx.fillStyle = color;
  ctx.strokeStyle = color;
  ctx.setLineDash([]);
  ctx.beginPath();
  markerPath(ctx, marker, x, y, ux, uy);
  if (marker === 4) {
    ctx.lineWidth = 1.6;
    ctx.stroke();
  } else ctx.fill();
  ctx.globalAlpha = 1;
}

function node(ctx, [, x, y, r, color, faded], list) {
  ctx.setLineDash([]);
  ctx.globalAlpha = faded ? 0.3 : 1;
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  ctx.fillStyle = color;
  ctx.fill();
  ctx.strokeStyle = list.background;
  ctx.lineWidth = 1.5;
  ctx.stroke();
  ctx.globalAlpha = 1;
}

// Text with a halo of the background under it (the SVG's paint-order="stroke");
// a two-line label's lines are joined by \n, `lineHeight` apart, centred on y.
function label(ctx, [, x, y, text, lineHeight], list) {
  ctx.font = `12px ${FONT}`;
  ctx.textBaseline = 'middle';
  ctx.strokeStyle = list.background;
  ctx.lineWidth = 3;
  ctx.fillStyle = list.text;
  const lines = text.split('\n');
  const top = y - ((lines.length - 1) * lineHeight) / 2;
  lines.forEach((line, i) => {
    ctx.strokeText(line, x, top + i * lineHeight);
    ctx.fillText(line, x, top + i * lineHeight);
  });
}

// A leader line from a node to its label, set away from it.
function leader(ctx, [, x1, y1, x2, y2], list) {
  ctx.strokeStyle = list.muted;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x2, y2);
  ctx.stroke();
}

function text(ctx, [, x, y, size, bold, color, value]) {
  ctx.font = `${bold ? '600 ' : ''}${size}px ${FONT}`;
  ctx.textBaseline = 'middle';
  ctx.fillStyle = color;
  ctx.fillText(value, x, y);
}

function dot(ctx, [, x, y, r, color]) {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  ctx.fillStyle = color;
  ctx.fill();
}

function line(ctx, [, x1, x2, y, color, dash, marker]) {
  ctx.strokeStyle = color;
  ctx.lineWidth = 2.5;
  ctx.setLineDash(DASHES[dash] || []);
  ctx.beginPath();
  ctx.moveTo(x1, y);
  ctx.lineTo(x2, y);
  ctx.stroke();
  ctx.setLineDash([]);
  if (marker <= 4) head(ctx, marker, color, x2, y, 1, 0);
}

const SHAPES = { edge, node, label, leader };
const MARKS = { text, dot, line };

/** Paints `list` (parsed JSON) on `ctx`, in CSS px of the figure. */
export function paintDisplayList(ctx, list) {
  ctx.fillStyle = list.background;
  ctx.fillRect(0, 0, list.width, list.height);
  const [x, y, w, h] = list.map;
  ctx.save();
  ctx.beginPath();
  ctx.rect(x, y, w, h);
  ctx.clip();
  for (const shape of list.shapes) SHAPES[shape[0]]?.(ctx, shape, list);
  ctx.restore();
  for (const mark of list.marks) MARKS[mark[0]]?.(ctx, mark);
}
