// Draws the scene on a 2D canvas from typed-array views. Batched: one path
// per (colour, style, emphasis) group, so a frame is a few dozen draw calls
// whatever the graph size; items outside the viewport or hidden by a filter
// (the visibility views) are skipped. The keyboard focus gets a ring.
import { NODE_COLORS, RELATION_COLORS, RELATION_MARKERS } from './palette.js';
import { LABEL_STRIDE } from './views.js';

const ALPHA = [0.9, 0.12, 1, 1]; // by emphasis: normal, faded, near, focus
const EDGE_ALPHA = [0.55, 0.08, 0.9, 1];
// A tie between two communities (edge flag 8) drawn normally: faint, so clusters show through.
const FAINT_ALPHA = 0.14;
const UNDIRECTED = 4;
const FAINT = 8;
// Numbers per drawn edge: start x, y; end x, y; the end's direction ux, uy;
// a curve's control point x, y (NaN for a straight line).
const SEG = 8;
// By edge flags: solid; dashed (tentative); dotted (inferred by the editor); both.
const DASHES = [[], [6, 4], [1.5, 3], [6, 3, 1.5, 3]];
/** More relations (entities) on screen than this make a dense view: see drawEdges (and drawFrame). */
const DENSE_EDGES = 2000;
const DENSE_NODES = 2000;

export const LABEL_FONT_PX = 12;
export const LABEL_LINE_PX = 16;
export const LABEL_FONT = `${LABEL_FONT_PX}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;

/** Draws one frame; `ring` is the keyboard-focused entity or -1. Returns what was drawn (for tests and state()). */
export function drawFrame(ctx, v, camera, width, height, labels, names, theme, ring = -1) {
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, width, height);
  const z = camera.zoom;
  const sx = (i) => (v.positions[2 * i] - camera.x) * z;
  const sy = (i) => (v.positions[2 * i + 1] - camera.y) * z;
  const visible = (x, y, r) => x + r > 0 && x - r < width && y + r > 0 && y - r < height;
  const { drawn: edges, arrows } = drawEdges(ctx, v, sx, sy, z, width, height);
  let nodes = 0;
  const groups = new Map();
  for (let i = 0; i < v.radii.length; i++) {
    if (!v.nodeVisible[i]) continue;
    const x = sx(i);
    const y = sy(i);
    const r = Math.max(v.radii[i] * z, 2.5);
    if (!visible(x, y, r)) continue;
    nodes++;
    const key = v.nodeColor[i] * 4 + v.nodeEmphasis[i];
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(x, y, r);
  }
  const dense = nodes > DENSE_NODES;
  for (const [key, pts] of [...groups].sort((a, b) => (a[0] % 4) - (b[0] % 4))) {
    const emphasis = key % 4;
    ctx.globalAlpha = ALPHA[emphasis];
    ctx.fillStyle = NODE_COLORS[Math.floor(key / 4)] || '#555';
    ctx.strokeStyle = emphasis === 3 ? theme.focus : theme.background;
    ctx.lineWidth = emphasis === 3 ? 3 : 1.5;
    ctx.beginPath();
    for (let k = 0; k < pts.length; k += 3) {
      ctx.moveTo(pts[k] + pts[k + 2], pts[k + 1]);
      ctx.arc(pts[k], pts[k + 1], pts[k + 2], 0, 2 * Math.PI);
    }
    ctx.fill();
    // The outline that sets nodes off from the relations under them: only
    // the focus keeps it in dense views (software rasterizers stroke
    // thousands of 1.5 px circles slowly, and at that size it is not seen).
    if (!dense || emphasis === 3) ctx.stroke();
  }
  ctx.globalAlpha = 1;
  if (ring >= 0 && v.nodeVisible[ring]) drawRing(ctx, sx(ring), sy(ring), Math.max(v.radii[ring] * z, 2.5), theme);
  drawLabels(ctx, labels, names, theme);
  return { nodes, edges, arrows, labels: labels.length / LABEL_STRIDE };
}

/** The keyboard focus: a ring in the focus colour inside one in the background colour, visible on any fill. */
function drawRing(ctx, x, y, r, theme) {
  ctx.beginPath();
  ctx.arc(x, y, r + 6, 0, 2 * Math.PI);
  ctx.lineWidth = 6;
  ctx.strokeStyle = theme.background;
  ctx.stroke();
  ctx.lineWidth = 3;
  ctx.strokeStyle = theme.focus;
  ctx.stroke();
}

/** A bend of 1 moves a curve's control point this far, at most (world units: src/scene/drawing.rs BEND_UNIT). */
const BEND_UNIT = 30;

/**
 * The control point of the curve of a tie with `bend` from world point
 * (ax, ay) to (bx, by): the midpoint moved bend × min(length / 5, BEND_UNIT)
 * to the left of the direction of travel (scene::drawing::control_point,
 * which picking and the exports use).
 */
export function controlPoint(ax, ay, bx, by, bend) {
  const dx = bx - ax, dy = by - ay;
  const len = Math.hypot(dx, dy);
  const offset = len ? (bend * Math.min(len / 5, BEND_UNIT)) / len : 0;
  return [(ax + bx) / 2 + dy * offset, (ay + by) / 2 - dx * offset];
}

/** Arrowhead shapes (palette.js RELATION_MARKERS): how far back from the tip each one's line stops. */
const OPEN = 4;
const MARKER_BACK = [6, 12, 7, 1, 2];

/**
 * One arrowhead's subpath at tip (tx, ty), travelling along (ux, uy): an
 * arrow, a diamond, a dot, a bar across the end, or an open chevron (the
 * one that is stroked, not filled). The SVG's markers and the PNG painter
 * draw the same shapes.
 */
export function markerPath(ctx, shape, tx, ty, ux, uy) {
  const at = (along, across) => [tx - ux * along - uy * across, ty - uy * along + ux * across];
  const poly = (...points) => {
    ctx.moveTo(...points[0]);
    for (const p of points.slice(1)) ctx.lineTo(...p);
  };
  if (shape === 1) poly([tx, ty], at(7, 4), at(14, 0), at(7, -4));
  else if (shape === 2) {
    const [cx, cy] = at(4, 0);
    ctx.moveTo(cx + 4, cy);
    ctx.arc(cx, cy, 4, 0, 2 * Math.PI);
  } else if (shape === 3) poly(at(0, 5.5), at(0, -5.5), at(2.4, -5.5), at(2.4, 5.5));
  else if (shape === OPEN) poly(at(8, 4.5), [tx, ty], at(8, -4.5));
  else poly([tx, ty], at(8, 4), at(8, -4));
}

function drawEdges(ctx, v, sx, sy, z, width, height) {
  const groups = new Map();
  let drawn = 0;
  let emphasised = 0;
  let arrowheads = 0;
  const m = v.edgeKind.length;
  for (let e = 0; e < m; e++) {
    if (!v.edgeVisible[e]) continue;
    const a = v.edgeEnds[2 * e];
    const b = v.edgeEnds[2 * e + 1];
    const x1 = sx(a), y1 = sy(a), x2 = sx(b), y2 = sy(b);
    if (Math.max(x1, x2) < 0 || Math.min(x1, x2) > width || Math.max(y1, y2) < 0 || Math.min(y1, y2) > height) continue;
    const dx = x2 - x1, dy = y2 - y1;
    const len = Math.hypot(dx, dy) || 1;
    const ra = Math.max(v.radii[a] * z, 2.5), rb = Math.max(v.radii[b] * z, 2.5);
    if (len <= ra + rb) continue;
    drawn++;
    if (v.edgeEmphasis[e] >= 2) emphasised++;
    const key = (v.edgeKind[e] * 16 + (v.edgeFlags[e] & 15)) * 4 + v.edgeEmphasis[e];
    if (!groups.has(key)) groups.set(key, []);
    const segs = groups.get(key);
    const bend = v.edgeBend[e];
    if (bend === 0) {
      const ux = dx / len, uy = dy / len;
      segs.push(x1 + ux * ra, y1 + uy * ra, x2 - ux * rb, y2 - uy * rb, ux, uy, NaN, NaN);
      continue;
    }
    // One of several ties between two entities: a curve, leaving and
    // entering each circle towards its control point.
    const [wx, wy] = controlPoint(v.positions[2 * a], v.positions[2 * a + 1], v.positions[2 * b], v.positions[2 * b + 1], bend);
    const cx = sx(a) + (wx - v.positions[2 * a]) * z, cy = sy(a) + (wy - v.positions[2 * a + 1]) * z;
    const l1 = Math.hypot(cx - x1, cy - y1) || 1, l2 = Math.hypot(x2 - cx, y2 - cy) || 1;
    const ux = (x2 - cx) / l2, uy = (y2 - cy) / l2;
    segs.push(x1 + ((cx - x1) / l1) * ra, y1 + ((cy - y1) / l1) * ra, x2 - ux * rb, y2 - uy * rb, ux, uy, cx, cy);
  }
  // Dense views (thousands of relations on screen): plain relations become
  // one device pixel wide and lose their arrowheads, which only the
  // emphasised ones (hover, selection, a path) keep. Software rasterizers
  // draw hairlines about 20x faster than 1.3 px lines (benches/pan.mjs), and
  // at that density neither the width nor the arrows can be read anyway.
  const dense = drawn > DENSE_EDGES;
  // A selected hub of 100,000 relations emphasises them all: drawn thick
  // with arrowheads, that frame took a software rasterizer 7.6 s. Past
  // DENSE_EDGES, emphasised relations are hairlines too, set off by colour
  // and opacity alone.
  const denseEmphasis = emphasised > DENSE_EDGES;
  const hairline = 1 / ctx.getTransform().a;
  for (const [key, segs] of groups) {
    const emphasis = key % 4;
    const flags = Math.floor(key / 4) % 16;
    const color = RELATION_COLORS[Math.floor(key / 64)] || '#777';
    const plain = emphasis < 2;
    ctx.globalAlpha = emphasis === 0 && flags & FAINT ? FAINT_ALPHA : EDGE_ALPHA[emphasis];
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    const thin = plain ? dense : denseEmphasis;
    ctx.lineWidth = thin ? hairline : plain ? 1.3 : 2.2;
    ctx.setLineDash(DASHES[flags & 3]);
    const arrows = !thin && !(flags & UNDIRECTED);
    const shape = RELATION_MARKERS[Math.floor(key / 64)] ?? 0;
    const back = arrows ? MARKER_BACK[shape] : 0; // the line stops where its arrowhead starts
    ctx.beginPath();
    for (let k = 0; k < segs.length; k += SEG) {
      ctx.moveTo(segs[k], segs[k + 1]);
      const [tx, ty] = [segs[k + 2] - segs[k + 4] * back, segs[k + 3] - segs[k + 5] * back];
      if (Number.isNaN(segs[k + 6])) ctx.lineTo(tx, ty);
      else ctx.quadraticCurveTo(segs[k + 6], segs[k + 7], tx, ty);
    }
    ctx.stroke();
    ctx.setLineDash([]);
    if (!arrows) continue;
    arrowheads += segs.length / SEG;
    ctx.beginPath();
    for (let k = 0; k < segs.length; k += SEG) markerPath(ctx, shape, segs[k + 2], segs[k + 3], segs[k + 4], segs[k + 5]);
    // No closePath: fill() closes every subpath anyway, and 50k closePath
    // calls cost Chromium seconds per frame (benches/pan.mjs).
    if (shape === OPEN) {
      ctx.lineWidth = plain ? 1.6 : 2.2;
      ctx.stroke();
    } else ctx.fill();
  }
  ctx.globalAlpha = 1;
  return { drawn, arrows: arrowheads };
}

// `labels`: LABEL_STRIDE numbers each (views.js): entity, x, y, leader x0, y0, x1, y1.
function drawLabels(ctx, labels, names, theme) {
  let leaders = 0;
  ctx.beginPath();
  for (let k = 0; k < labels.length; k += LABEL_STRIDE) {
    if (Number.isNaN(labels[k + 3])) continue;
    ctx.moveTo(labels[k + 3], labels[k + 4]);
    ctx.lineTo(labels[k + 5], labels[k + 6]);
    leaders++;
  }
  if (leaders > 0) {
    ctx.lineWidth = 1;
    ctx.strokeStyle = theme.text;
    ctx.globalAlpha = 0.6;
    ctx.stroke();
    ctx.globalAlpha = 1;
  }
  ctx.font = LABEL_FONT;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3;
  ctx.strokeStyle = theme.background;
  ctx.fillStyle = theme.text;
  for (let k = 0; k < labels.length; k += LABEL_STRIDE) {
    const lines = names[labels[k]].split('\n');
    const top = labels[k + 2] - ((lines.length - 1) * LABEL_LINE_PX) / 2;
    lines.forEach((line, i) => {
      // Isolated (U+2068 … U+2069): the label takes the direction of its own
      // first strong letter, and a U+202E in it ends with it.
      const text = `\u2068${line}\u2069`;
      ctx.strokeText(text, labels[k + 1], top + i * LABEL_LINE_PX);
      ctx.fillText(text, labels[k + 1], top + i * LABEL_LINE_PX);
    });
  }
}
