// Turns pointer, wheel and key events into camera moves and calls on the
// widget (hover, select). Mouse, pen and touch all arrive as pointer events;
// two pointers down make a pinch.
const CLICK_SLOP_PX = 5;

export function attachInput(canvas, widget) {
  const pointers = new Map(); // pointerId → {x, y}
  let downAt = null; // where a possible click started
  let pinch = null; // {dist, cx, cy}

  const local = (e) => {
    const r = canvas.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  };

  canvas.addEventListener('pointerdown', (e) => {
    canvas.setPointerCapture(e.pointerId);
    const [x, y] = local(e);
    pointers.set(e.pointerId, { x, y });
    if (pointers.size === 1) downAt = { x, y, type: e.pointerType };
    if (pointers.size === 2) {
      downAt = null;
      pinch = pinchState(pointers);
    }
  });

  canvas.addEventListener('pointermove', (e) => {
    const [x, y] = local(e);
    const p = pointers.get(e.pointerId);
    if (!p) {
      if (e.pointerType === 'mouse') widget.hoverAt(x, y);
      return;
    }
    if (pointers.size === 1) {
      if (downAt && Math.hypot(x - downAt.x, y - downAt.y) > CLICK_SLOP_PX) downAt = null;
      if (!downAt) widget.panBy(x - p.x, y - p.y);
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
    if (downAt && e.type === 'pointerup') widget.clickAt(x, y, downAt.type);
    if (pointers.size === 0) downAt = null;
    widget.settle();
  };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);
  canvas.addEventListener('pointerleave', (e) => {
    if (e.pointerType === 'mouse' && !pointers.size) widget.hoverAt(-1e9, -1e9);
  });

  canvas.addEventListener(
    'wheel',
    (e) => {
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

  canvas.addEventListener('dblclick', (e) => {
    const [x, y] = local(e);
    widget.zoomAround(x, y, 2);
    widget.settle();
  });
}

function pinchState(pointers) {
  const [a, b] = [...pointers.values()];
  return { dist: Math.max(Math.hypot(a.x - b.x, a.y - b.y), 1), cx: (a.x + b.x) / 2, cy: (a.y + b.y) / 2 };
}
