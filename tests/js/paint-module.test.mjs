// The first-frame wasm module (crates/widget without `full`) on its own, in Node: it uses a
// bump allocator that starts over when everything is freed (crates/widget/src/
// alloc.rs). Many maps mounted one after another, or side by side, must
// draw the same thing every time, and memory must stop growing once every
// handle of the past has been freed.
//
// Run from the repository root after scripts/build.sh (which leaves the
// wasm-bindgen output in pkg/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const glue = await import(path.join(ROOT, 'pkg/alliance_map_paint.js'));
const wasm = await glue.default({ module_or_path: fs.readFileSync(path.join(ROOT, 'pkg/alliance_map_paint_bg.wasm')) });
const { MapHandle: PaintHandle } = glue;

/** What a frame is drawn from: labels, title, legend, bounds, positions, placed labels. */
function drawing(handle) {
  const n = handle.nodeCount;
  handle.setLabelWidths(new Float32Array(n).fill(60));
  const [x0, y0, x1, y1] = handle.bounds();
  const count = handle.placeLabels(x0, y0, Math.min(800 / (x1 - x0), 600 / (y1 - y0)), 800, 600, 16, NaN, 0, 0, 0, NaN, 0, 0, 0);
  return {
    labels: handle.labels(),
    meta: [handle.title, handle.description],
    legend: JSON.parse(handle.legend()),
    positions: Array.from(new Float32Array(wasm.memory.buffer, handle.positionsPtr(), 2 * n)),
    placed: Array.from(new Float32Array(wasm.memory.buffer, handle.labelsPtr(), 3 * count)),
  };
}

test('a map mounted again and again draws the same, and memory stops growing', () => {
  const first = PaintHandle.seed();
  const expected = drawing(first);
  first.free();
  assert.equal(expected.labels.length, 47);
  let size = 0;
  for (let i = 0; i < 300; i++) {
    const h = PaintHandle.seed();
    assert.deepEqual(drawing(h), expected, `mount ${i}`);
    h.free();
    if (i === 10) size = wasm.memory.buffer.byteLength;
  }
  assert.equal(wasm.memory.buffer.byteLength, size, 'freed maps give their memory back');
});

test('maps side by side keep their own data while others come and go', () => {
  const a = PaintHandle.seed();
  const expected = drawing(a);
  const others = [];
  for (let i = 0; i < 20; i++) {
    others.push(PaintHandle.seed());
    if (i % 3 === 0) others.shift().free();
    assert.deepEqual(drawing(a), expected, `after ${i} others`);
  }
  for (const h of others) assert.deepEqual(drawing(h), expected);
  for (const h of [a, ...others]) h.free();
});

test('bad bytes are a clear error, and the module keeps working after it', () => {
  assert.throws(() => PaintHandle.fromBytes(new Uint8Array([1, 2, 3])), /not a compiled alliance-map file/);
  const h = PaintHandle.seed();
  assert.equal(h.nodeCount, 47);
  h.free();
});
