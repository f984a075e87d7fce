// Turns pointer, wheel and gesture events on the canvas into moves of the
// view, hover emphasis and selection. Mouse, pen and touch all arrive as
// pointer events; two pointers down make a pinch.
//
// Cooperative gestures, as embedded maps do: until the map is active, one
// finger scrolls the page (CSS touch-action: pan-x pan-y) and a plain wheel
// scrolls it too; a tap, a click, two fingers or the keyboard focus activate
// the map (the container's am-active class), and ctrl + wheel (a trackpad
// pinch) always zooms. Tapping outside deactivates it.
const CLICK_SLOP_PX = 5;
const TOUCH_HINT = 'Tap the map to explore it, or use two fingers';
const WHEEL_HINT = 'Click the map or hold Ctrl and scroll to zoom';
// Said when a tap wakes the map: else that tap seems to do nothing.
const ACTIVE_HINT = 'Map active: drag to pan, pinch to zoom, tap an entity for details';

/**
 * Attaches input to `canvas` in `container`: `pick(x, y, tolerancePx)` finds
 * what is under a point, `select(kind, index)` selects it, `showHint(text)`
 * explains a gesture the map did not take. Listeners end with `signal`; the
 * disposer leaves the container inactive (it outlives the widget).
 */
export function attachInput({ canvas, container, handle, viewport, pick, select, showHint, guard, signal }) {
  const on = (target, type, fn, options) => target.addEventListener(type, fn, { ...options, signal });
  let active = false;
  const activate = () => {
    if (active) return;
    active = true;
    container.classList.add('am-active');
    showHint('');
  };
  const deactivate = () => {
    active = false;
    container.classList.remove('am-active');
  };
  const hoverAt = (x, y) =>
    guard(() => {
      const hit = pick(x, y, 4);
      const changed = hit ? handle.hover(hit.kind, hit.index) : handle.hover(undefined, 0);
      canvas.style.cursor = hit ? 'pointer' : 'grab';
      if (changed) viewport.settle();
    });
  // Touch gets a 44 px target whatever the zoom; mice need less.
  const clickAt = (x, y, pointerType) =>
    guard(() => {
      const hit = pick(x, y, pointerType === 'touch' ? 22 : 6);
      select(hit ? hit.kind : '', hit ? hit.index : 0);
    });
  const pointers = new Map(); // pointerId → {x, y}
  let downAt = null; // where a possible click started
  let pinch = null; // {dist, cx, cy}
  let tapped = false; // a touch tap just ended on the map (see touchend)

  const local = (e) => {
    const r = canvas.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  };

  on(canvas, 'pointerdown', (e) => {
    canvas.setPointerCapture(e.pointerId);
    const [x, y] = local(e);
    pointers.set(e.pointerId, { x, y });
    if (pointers.size === 1) downAt = { x, y, type: e.pointerType };
    if (pointers.size === 2) {
      downAt = null;
      activate();
      pinch = pinchState(pointers);
    }
  });

  on(canvas, 'pointermove', (e) => {
    const [x, y] = local(e);
    const p = pointers.get(e.pointerId);
    if (!p) {
      if (e.pointerType === 'mouse') hoverAt(x, y);
      return;
    }
    if (pointers.size === 1) {
      if (downAt && Math.hypot(x - downAt.x, y - downAt.y) > CLICK_SLOP_PX) downAt = null;
      if (!downAt && (active || e.pointerType !== 'touch')) viewport.panBy(x - p.x, y - p.y);
    } else if (pointers.size === 2 && pinch) {
      p.x = x;
      p.y = y;
      const next = pinchState(pointers);
      viewport.panBy(next.cx - pinch.cx, next.cy - pinch.cy);
      viewport.zoomAround(next.cx, next.cy, next.dist / pinch.dist);
      pinch = next;
      return;
    }
    p.x = x;
    p.y = y;
  });

  const end = (e) => {
    if (!pointers.has(e.pointerId)) return;
    const [x, y] = local(e);
    pointers.delete(e.pointerId);
    if (pointers.size < 2) pinch = null;
    if (downAt && e.type === 'pointerup') {
      tapped = downAt.type === 'touch';
      // The first tap on an inactive map only wakes it.
      if (downAt.type === 'touch' && !active) {
        activate();
        showHint(ACTIVE_HINT);
      } else {
        activate();
        clickAt(x, y, downAt.type);
      }
    } else if (e.type === 'pointercancel' && e.pointerType === 'touch' && !active) {
      // The browser took the gesture to scroll the page: say how to use the map.
      showHint(TOUCH_HINT);
    }
    if (pointers.size === 0) downAt = null;
    viewport.settle();
  };
  on(canvas, 'pointerup', end);
  on(canvas, 'pointercancel', end);
  // A second finger on an inactive map is a map gesture, not a page scroll.
  on(
    canvas,
    'touchstart',
    (e) => {
      if (e.touches.length >= 2) {
        e.preventDefault();
        activate();
      }
    },
    { passive: false },
  );
  // After a tap the browser sends a click to whatever is under the finger
  // then: if the tap opened the bottom sheet, a sentence in it. The map has
  // handled the tap, so no click follows; the focus goes to the map, as the
  // click would have put it (Escape then closes the sheet).
  on(
    canvas,
    'touchend',
    (e) => {
      if (!tapped) return;
      tapped = false;
      e.preventDefault();
      canvas.focus({ preventScroll: true });
    },
    { passive: false },
  );
  on(document, 'pointerdown', (e) => {
    if (!e.composedPath().includes(container)) deactivate();
  });
  on(canvas, 'pointerleave', (e) => {
    if (e.pointerType === 'mouse' && !pointers.size) hoverAt(-1e9, -1e9);
  });
  on(canvas, 'focus', activate);

  on(
    canvas,
    'wheel',
    (e) => {
      if (!e.ctrlKey && !active) {
        showHint(WHEEL_HINT);
        return; // let the page scroll
      }
      e.preventDefault();
      const [x, y] = local(e);
      // Trackpad pinch arrives as ctrl+wheel with small deltas; mouse wheels
      // as larger steps. Both map smoothly onto an exponential zoom.
      const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
      const speed = e.ctrlKey ? 0.01 : 0.002;
      viewport.zoomAround(x, y, Math.exp(-e.deltaY * unit * speed));
      viewport.settleSoon();
    },
    { passive: false },
  );

  on(canvas, 'dblclick', (e) => {
    const [x, y] = local(e);
    viewport.zoomAround(x, y, 2);
    viewport.settle();
  });

  // Safari's trackpad pinch arrives as gesture events, not ctrl+wheel.
  let lastScale = 1;
  on(canvas, 'gesturestart', (e) => {
    e.preventDefault();
    lastScale = 1;
  });
  on(canvas, 'gesturechange', (e) => {
    e.preventDefault();
    const [x, y] = local(e);
    viewport.zoomAround(x, y, e.scale / lastScale);
    lastScale = e.scale;
  });
  on(canvas, 'gestureend', () => viewport.settle());
  return { isActive: () => active, dispose: deactivate };
}

function pinchState(pointers) {
  const [a, b] = [...pointers.values()];
  return { dist: Math.max(Math.hypot(a.x - b.x, a.y - b.y), 1), cx: (a.x + b.x) / 2, cy: (a.y + b.y) / 2 };
}
