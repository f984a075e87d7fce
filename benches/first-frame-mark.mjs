// The widget's first frame and interactive times as a page sees them, for
// benchmarks: an init script (runs before the page's own scripts) that sets
// window.__firstFrame from the `alliance-map:first-frame` performance mark
// and window.__interactive at the first animation frame after #map.allianceMap
// is set. Used by first-frame.mjs and site-first-frame.mjs.

/** Ours: the first-frame mark, and the first rAF callback after which the widget is interactive. */
export function recordOursFirstFrame() {
  const raf = window.requestAnimationFrame.bind(window);
  const check = () => {
    if (window.__firstFrame == null) {
      const mark = performance.getEntriesByName('alliance-map:first-frame')[0];
      if (mark && mark.detail && mark.detail.nodes > 0) window.__firstFrame = mark.startTime;
    }
    const map = document.querySelector('#map');
    if (window.__interactive == null && map && map.allianceMap) window.__interactive = performance.now();
  };
  window.requestAnimationFrame = (cb) =>
    raf((t) => {
      try {
        return cb(t);
      } finally {
        check();
      }
    });
  // Also poll once a frame, in case a frame is drawn outside a wrapped callback.
  const poll = () => {
    check();
    if (window.__interactive == null) raf(poll);
  };
  raf(poll);
}

