// The canvas renderer (www/render.js) against a recording 2D context, in
// Node: what a frame draws for a small map and for a dense one. Dense views
// (thousands of relations or entities on screen) draw plain relations as
// hairlines without arrowheads and nodes without outlines, so a 10k-node /
// 50k-relation map stays fast to rasterize (benches/pan.mjs); emphasised
// relations keep their width and arrows, and a small map is drawn in full.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { drawFrame } from '../../www/render.js';

/** A 2D context that records calls and the styles in force at each stroke or fill. */
function recordingContext(dpr = 2) {
  const log = { strokes: [], fills: 0, arcs: 0, triangles: 0 };
  const state = { lineWidth: 1, globalAlpha: 1 };
  let lineTos = 0;
  const ctx = {
    getTransform: () => ({ a: dpr }),
    beginPath: () => (lineTos = 0),
    moveTo: () => {},
    lineTo: () => lineTos++,
    arc: () => log.arcs++,
    stroke: () => log.strokes.push({ lineWidth: state.lineWidth, alpha: state.globalAlpha }),
    fill: () => {
      log.fills++;
      log.triangles += lineTos / 2; // an arrowhead is a moveTo and two lineTos
    },
    setLineDash: () => {},
    clearRect: () => {},
    fillRect: () => {},
    strokeText: () => {},
    fillText: () => {},
  };
  return { ctx: new Proxy(ctx, { set: (t, k, v) => ((state[k] = v), true), get: (t, k) => (k in t ? t[k] : state[k]) }), log };
}

/** Views of `n` entities on a grid and `m` relations between neighbours, all in a 1000x1000 view. */
function views(n, m, emphasised = 0) {
  const side = Math.ceil(Math.sqrt(n));
  const positions = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) [positions[2 * i], positions[2 * i + 1]] = [10 + (i % side) * (980 / side), 10 + Math.floor(i / side) * (980 / side)];
  const edgeEnds = new Uint32Array(2 * m);
  for (let e = 0; e < m; e++) [edgeEnds[2 * e], edgeEnds[2 * e + 1]] = [e % n, (e + 1 + (e % 3) * side) % n];
  const edgeEmphasis = new Uint8Array(m);
  edgeEmphasis.fill(2, 0, emphasised);
  return {
    positions,
    radii: new Float32Array(n).fill(1),
    nodeColor: new Uint8Array(n),
    nodeEmphasis: new Uint8Array(n),
    nodeVisible: new Uint8Array(n).fill(1),
    edgeEnds,
    edgeKind: new Uint8Array(m).fill(1), // investment_arm_of: a plain arrow (palette.js RELATION_MARKERS)
    edgeFlags: new Uint8Array(m),
    edgeBend: new Int8Array(m),
    edgeEmphasis,
    edgeVisible: new Uint8Array(m).fill(1),
  };
}

const CAMERA = { x: 0, y: 0, zoom: 1 };
const THEME = { background: '#fff', text: '#111', focus: '#000' };

function draw(v, dpr = 2) {
  const { ctx, log } = recordingContext(dpr);
  const drawn = drawFrame(ctx, v, CAMERA, 1000, 1000, new Float32Array(0), [], THEME);
  return { drawn, log };
}

test('a small map: every relation 1.3 px with an arrowhead, every node outlined', () => {
  const { drawn, log } = draw(views(40, 60));
  assert.equal(drawn.edges, 60);
  assert.equal(log.triangles, 60, 'one arrowhead per relation');
  const widths = new Set(log.strokes.map((s) => s.lineWidth));
  assert.ok(widths.has(1.3), `relations are 1.3 px: ${[...widths]}`);
  assert.ok(widths.has(1.5), 'nodes get their outline');
});

test('a dense map: plain relations are hairlines without arrowheads, nodes lose their outlines', () => {
  const { drawn, log } = draw(views(3000, 6000), 2);
  assert.equal(drawn.nodes, 3000);
  assert.ok(drawn.edges > 2000, `a dense view: ${drawn.edges} relations`);
  assert.equal(log.triangles, 0, 'no arrowheads');
  assert.deepEqual([...new Set(log.strokes.map((s) => s.lineWidth))], [0.5], 'one device pixel at DPR 2, and no node outline');
});

test('a dense map keeps the emphasised relations wide and with arrowheads', () => {
  const { log } = draw(views(3000, 6000, 25));
  assert.equal(log.triangles, 25, 'arrowheads on the emphasised relations only');
  assert.ok(log.strokes.some((s) => s.lineWidth === 2.2), 'emphasised relations are 2.2 px');
});
