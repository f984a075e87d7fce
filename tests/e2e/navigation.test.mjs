// End-to-end tests of moving around the seed map in headless Chromium:
// drag to pan, wheel and ctrl+wheel (trackpad pinch) zoom around the
// pointer, double-click zoom, the Fit button, and hover emphasis (checked on
// the pixels). Loading, details and errors are in widget.test.mjs.
//
// Run from the repository root after scripts/build.sh:
//   node --test --test-concurrency=1 tests/e2e/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import { nextFrames, mapState, entityPosition, canvasBox, emptyPoint, useServerAndBrowser, mapOpener } from './harness.mjs';

const env = useServerAndBrowser();
const withMap = mapOpener(env);

/** World point under viewport point (px, py), from the widget's camera. */
function worldAt(camera, box, px, py) {
  const sx = px - box.left;
  const sy = py - box.top;
  return [sx / camera.zoom + camera.x, sy / camera.zoom + camera.y];
}

function assertClose(actual, expected, tolerance, message) {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${message}: got ${actual}, expected ${expected} ± ${tolerance}`);
}

/** Waits until the camera differs from `before` (a wheel event is asynchronous). */
async function waitForCameraChange(page, before) {
  await page.waitForFunction(
    (b) => {
      const c = document.querySelector('#map').allianceMap.state().camera;
      return c.x !== b.x || c.y !== b.y || c.zoom !== b.zoom;
    },
    before,
    { timeout: 5000 },
  );
  await nextFrames(page);
  return (await mapState(page)).camera;
}

async function canvasShot(page) {
  await nextFrames(page);
  return PNG.sync.read(await page.locator('#map .am-canvas').screenshot());
}

function countDiff(a, b) {
  assert.equal(a.width, b.width, 'screenshot widths');
  assert.equal(a.height, b.height, 'screenshot heights');
  return pixelmatch(a.data, b.data, null, a.width, a.height, { threshold: 0.1 });
}

// ---------------------------------------------------------------------------
// Pan and zoom
// ---------------------------------------------------------------------------

test('dragging an empty area pans by the drag distance', async () => {
  await withMap(async (page) => {
    const start = await emptyPoint(page, { fx: 0.3, fy: 0.5 });
    const before = (await mapState(page)).camera;
    const [dx, dy] = [150, -70];
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + dx, start.y + dy, { steps: 8 });
    await page.mouse.up();
    await nextFrames(page);
    const st = await mapState(page);
    const cam = st.camera;
    assert.equal(cam.zoom, before.zoom, 'a drag does not zoom');
    // Content follows the pointer: dragging right/up moves the camera left/down in world units.
    assertClose(cam.x, before.x - dx / before.zoom, 0.5 / before.zoom, 'camera x after the drag');
    assertClose(cam.y, before.y - dy / before.zoom, 0.5 / before.zoom, 'camera y after the drag');
    assert.ok(cam.x < before.x && cam.y > before.y, 'pan direction follows the pointer');
    assert.equal(st.selected, null, 'a drag is not a click: nothing selected');
  });
});

test('the mouse wheel zooms around the pointer once the map is clicked', async () => {
  await withMap(async (page) => {
    const box = await canvasBox(page);
    const p = await emptyPoint(page, { fx: 0.7, fy: 0.3 });
    await page.mouse.click(p.x, p.y); // activates the map (cooperative gestures)
    let before = (await mapState(page)).camera;
    await page.mouse.wheel(0, -200); // wheel up: zoom in
    let cam = await waitForCameraChange(page, before);
    assert.ok(cam.zoom > before.zoom * 1.1, `wheel up zooms in: ${before.zoom} → ${cam.zoom}`);
    let [bx, by] = worldAt(before, box, p.x, p.y);
    let [ax, ay] = worldAt(cam, box, p.x, p.y);
    assertClose(ax, bx, 1e-6, 'world x under the pointer is fixed (zoom in)');
    assertClose(ay, by, 1e-6, 'world y under the pointer is fixed (zoom in)');

    before = cam;
    await page.mouse.wheel(0, 300); // wheel down: zoom out
    cam = await waitForCameraChange(page, before);
    assert.ok(cam.zoom < before.zoom / 1.1, `wheel down zooms out: ${before.zoom} → ${cam.zoom}`);
    [bx, by] = worldAt(before, box, p.x, p.y);
    [ax, ay] = worldAt(cam, box, p.x, p.y);
    assertClose(ax, bx, 1e-6, 'world x under the pointer is fixed (zoom out)');
    assertClose(ay, by, 1e-6, 'world y under the pointer is fixed (zoom out)');
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'the wheel does not scroll the page');
  });
});

test('ctrl+wheel (trackpad pinch) zooms around the pointer', async () => {
  await withMap(async (page) => {
    const box = await canvasBox(page);
    const p = await emptyPoint(page, { fx: 0.25, fy: 0.7 });
    await page.mouse.move(p.x, p.y);
    const before = (await mapState(page)).camera;
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -40);
    await page.keyboard.up('Control');
    const cam = await waitForCameraChange(page, before);
    assert.ok(cam.zoom > before.zoom * 1.1, `ctrl+wheel up zooms in: ${before.zoom} → ${cam.zoom}`);
    const [bx, by] = worldAt(before, box, p.x, p.y);
    const [ax, ay] = worldAt(cam, box, p.x, p.y);
    assertClose(ax, bx, 1e-6, 'world x under the pointer is fixed');
    assertClose(ay, by, 1e-6, 'world y under the pointer is fixed');
    assert.equal(await page.evaluate(() => window.visualViewport.scale), 1, 'the page itself is not zoomed');
  });
});

test('double-click zooms in 2x around the pointer', async () => {
  await withMap(async (page) => {
    const box = await canvasBox(page);
    const p = await emptyPoint(page, { fx: 0.6, fy: 0.6 });
    const before = (await mapState(page)).camera;
    await page.mouse.dblclick(p.x, p.y);
    const cam = await waitForCameraChange(page, before);
    assertClose(cam.zoom / before.zoom, 2, 1e-9, 'zoom ratio after a double-click');
    const [bx, by] = worldAt(before, box, p.x, p.y);
    const [ax, ay] = worldAt(cam, box, p.x, p.y);
    assertClose(ax, bx, 1e-6, 'world x under the pointer is fixed');
    assertClose(ay, by, 1e-6, 'world y under the pointer is fixed');
  });
});

/** Pans by a drag from an empty point, then zooms in with the wheel; returns the camera after. */
async function moveTheView(page) {
  const p = await emptyPoint(page);
  const start = (await mapState(page)).camera;
  await page.mouse.move(p.x, p.y);
  await page.mouse.down();
  await page.mouse.move(p.x - 200, p.y + 90, { steps: 5 });
  await page.mouse.up();
  const dragged = await waitForCameraChange(page, start);
  const box = await canvasBox(page);
  await page.mouse.move(Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)); // the wheel goes to what is under the pointer
  await page.mouse.wheel(0, -400);
  const moved = await waitForCameraChange(page, dragged);
  assert.ok(moved.zoom > start.zoom && moved.x !== start.x && moved.y !== start.y, 'the view moved');
  return moved;
}

const fitButton = (page) => page.getByRole('button', { name: 'Fit the whole map in view' });

test('the Fit button fits the whole map, and restores that view after panning and zooming', async () => {
  await withMap(async (page) => {
    await fitButton(page).click();
    await nextFrames(page);
    const fitted = await mapState(page);
    assert.equal(fitted.drawn.nodes, fitted.nodeCount, 'every node drawn after Fit');
    assert.equal(fitted.drawn.edges, fitted.edgeCount, 'every edge drawn after Fit');
    // Fitted means tight: some entity is near the left/right or top/bottom padding.
    const box = await canvasBox(page);
    const xs = [];
    const ys = [];
    for (const id of fitted.entityIds) {
      const p = await entityPosition(page, id);
      xs.push(p.x - box.left);
      ys.push(p.y - box.top);
    }
    const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    assert.ok(minX > 0 && maxX < box.width && minY > 0 && maxY < box.height, 'every entity centre inside the canvas');
    const slackX = box.width - (maxX - minX);
    const slackY = box.height - (maxY - minY);
    assert.ok(Math.min(slackX, slackY) < 120, `the map fills the canvas in one direction (slack ${slackX} x ${slackY} px)`);

    await moveTheView(page);
    assert.ok((await mapState(page)).drawn.nodes < fitted.nodeCount, 'zoomed in, some nodes are off screen');
    await fitButton(page).click();
    await nextFrames(page);
    const st = await mapState(page);
    assertClose(st.camera.zoom, fitted.camera.zoom, 1e-9 * fitted.camera.zoom, 'zoom after Fit');
    assertClose(st.camera.x, fitted.camera.x, 1e-6, 'camera x after Fit');
    assertClose(st.camera.y, fitted.camera.y, 1e-6, 'camera y after Fit');
    assert.equal(st.drawn.nodes, st.nodeCount, 'every node drawn again after Fit');
  });
});

test(
  'the Fit button restores the initial camera',
  async () => {
    await withMap(async (page) => {
      const initial = (await mapState(page)).camera;
      await moveTheView(page);
      await fitButton(page).click();
      await nextFrames(page);
      const st = await mapState(page);
      assertClose(st.camera.zoom, initial.zoom, 1e-9 * initial.zoom, 'zoom after Fit = initial zoom');
      assertClose(st.camera.x, initial.x, 1e-6, 'camera x after Fit = initial');
      assertClose(st.camera.y, initial.y, 1e-6, 'camera y after Fit = initial');
    });
  },
);

// ---------------------------------------------------------------------------
// Hover emphasis (checked on the pixels: the widget exposes no hover state)
// ---------------------------------------------------------------------------

test('hovering Huawei emphasises it and its neighbours; moving away restores', async () => {
  await withMap(async (page) => {
    const plain = await canvasShot(page);
    const total = plain.width * plain.height;
    const h = await entityPosition(page, 'huawei');
    await page.mouse.move(h.x, h.y);
    const hovered = await canvasShot(page);
    const changed = countDiff(plain, hovered);
    // Everything but Huawei's neighbourhood fades: a large part of the picture changes.
    assert.ok(changed > total * 0.002, `hover changes the canvas: ${changed} of ${total} pixels differ`);
    assert.equal((await mapState(page)).selected, null, 'hover does not select');

    const away = await emptyPoint(page, { fx: 0.1, fy: 0.1 });
    await page.mouse.move(away.x, away.y, { steps: 3 });
    const restored = await canvasShot(page);
    const left = countDiff(plain, restored);
    assert.equal(left, 0, `moving away restores the picture: ${left} pixels still differ`);
  });
});

