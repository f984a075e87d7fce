// Turns pointer, wheel and key events into camera moves and calls on the
// widget (hover, select). Mouse, pen and touch all arrive as pointer events;
// two pointers down make a pinch.
//
// Cooperative gestures, as embedded maps do: until the map is active, one
// finger scrolls the page (CSS touch-action: pan-x pan-y) and a plain wheel
// scrolls it too; a tap, a click or two fingers activate the map, and ctrl +
// wheel (a trackpad pinch) always zooms. Tapping outside deactivates it.
const CLICK_SLOP_PX = 5;
const TOUCH_HINT = 'Tap the map to explore it, or use two fingers';
const WHEEL_HINT = 'Click the map or hold Ctrl and scroll to zoom';
// Said when a tap wakes the map: else that tap seems to do nothing.
const ACTIVE_HINT = 'Map active: drag to pan, pinch to zoom, tap an entity for details';

export function attachInput(canvas, widget) {
  const listeners = [];
  const on = (target, type, fn, options) => {
    target.addEventListener(type, fn, options);
    listeners.push(() => target.removeEventListener(type, fn, options));
  };
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
      widget.activate();
      pinch = pinchState(pointers);
    }
  });

  on(canvas, 'pointermove', (e) => {
    const [x, y] = local(e);
    const p = pointers.get(e.pointerId);
    if (!p) {
      if (e.pointerType === 'mouse') widget.hoverAt(x, y);
      return;
    }
    if (pointers.size === 1) {
      if (downAt && Math.hypot(x - downAt.x, y - downAt.y) > CLICK_SLOP_PX) downAt = null;
      if (!downAt && (widget.active || e.pointerType !== 'touch')) widget.panBy(x - p.x, y - p.y);
    } else if (pointers.size === 2 && pinch) {
      p.x = x;
      p.y = y;
      const next = pinchState(pointers);
      widget.panBy(next.cx - pinch.cx, next.cy - pinch.cy);
      widget.zoomAround(next.cx, next.cy, next.dist / pinch.dist);
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
      if (downAt.type === 'touch' && !widget.active) {
        widget.activate();
        widget.showHint(ACTIVE_HINT);
      } else {
        widget.activate();
        widget.clickAt(x, y, downAt.type);
      }
    } else if (e.type === 'pointercancel' && e.pointerType === 'touch' && !widget.active) {
      // The browser took the gesture to scroll the page: say how to use the map.
      widget.showHint(TOUCH_HINT);
    }
    if (pointers.size === 0) downAt = null;
    widget.settle();
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
        widget.activate();
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
    if (!e.composedPath().includes(widget.container)) widget.deactivate();
  });
  on(canvas, 'pointerleave', (e) => {
    if (e.pointerType === 'mouse' && !pointers.size) widget.hoverAt(-1e9, -1e9);
  });

  on(
    canvas,
    'wheel',
    (e) => {
      if (!e.ctrlKey && !widget.active) {
        widget.showHint(WHEEL_HINT);
        return; // let the page scroll
      }
      e.preventDefault();
      const [x, y] = local(e);
      // Trackpad pinch arrives as ctrl+wheel with small deltas; mouse wheels
      // as larger steps. Both map smoothly onto an exponential zoom.
      const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
      const speed = e.ctrlKey ? 0.01 : 0.002;
      widget.zoomAround(x, y, Math.exp(-e.deltaY * unit * speed));
      widget.settleSoon();
    },
    { passive: false },
  );

  on(canvas, 'dblclick', (e) => {
    const [x, y] = local(e);
    widget.zoomAround(x, y, 2);
    widget.settle();
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
    widget.zoomAround(x, y, e.scale / lastScale);
    lastScale = e.scale;
  });
  on(canvas, 'gestureend', () => widget.settle());

  attachSheetSwipe(widget);
  return () => listeners.forEach((off) => off());
}

/** On a bottom sheet scrolled to its top, a swipe down closes it. */
function attachSheetSwipe(widget) {
  let start = null;
  widget.panel.addEventListener(
    'touchstart',
    (e) => {
      start = widget.panel.scrollTop <= 0 && e.touches.length === 1 ? e.touches[0].clientY : null;
    },
    { passive: true },
  );
  widget.panel.addEventListener(
    'touchend',
    (e) => {
      if (start !== null && widget.isNarrow() && e.changedTouches[0].clientY - start > 70) widget.select('', 0);
      start = null;
    },
    { passive: true },
  );
}

function pinchState(pointers) {
  const [a, b] = [...pointers.values()];
  return { dist: Math.max(Math.hypot(a.x - b.x, a.y - b.y), 1), cx: (a.x + b.x) / 2, cy: (a.y + b.y) / 2 };
}
