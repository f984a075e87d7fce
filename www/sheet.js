// Phones: on narrow screens the details panel is a bottom sheet. The Back
// button closes it (unless deep links manage history), a swipe down closes
// it, and the map pans what is selected clear of it and back when it closes.
import { itemPoint } from './selection.js';

/** How much of the map (CSS px) the bottom sheet leaves seen above it, when it can. */
const SEEN_PX = 160;

const sameView = (a, b) => a.x === b.x && a.y === b.y && a.zoom === b.zoom;

/** Whether the panel is a bottom sheet (the layout of style.css's narrow screens). */
export const isNarrow = () => window.matchMedia('(max-width: 600px)').matches;

/**
 * The sheet over `panel`, below `stage`; follows the 'select' events (`on`)
 * and asks `select(undefined)` to close; `viewport` is panned clear of it (`views`:
 * where things are). With `deepLink`, history is the deep links' to manage.
 * Listeners end with `signal`.
 */
export function attachSheet({ panel, stage, canvas, uid, deepLink, viewport, views, on, select, signal }) {
  let open = false; // a history entry was pushed for it
  let nudge = null; // {before, after}: the view keepClear moved from and to

  const openSheet = () => {
    if (!isNarrow() || open || deepLink) return;
    open = true;
    history.pushState({ ...(history.state || {}), allianceMap: uid }, '');
  };
  const closeSheet = (fromHistory) => {
    if (!open) return;
    open = false;
    if (!fromHistory && history.state?.allianceMap === uid) history.back();
  };

  /**
   * The sheet covers the lower part of the screen. It stops short of the
   * map's top, so some map stays seen above it (at least SEEN_PX, if the
   * sheet can still be 35% of the screen; else the page scrolls the map up).
   * If the selection is under the sheet or off screen, the map pans it into
   * the middle of what is seen.
   */
  const keepClear = ({ kind, index }) => {
    if (!isNarrow() || panel.hidden) return;
    const toolbar = stage.querySelector('.am-toolbar');
    const seenTop = () => Math.max(canvas.getBoundingClientRect().top, toolbar.getBoundingClientRect().bottom, 0);
    const h = window.innerHeight;
    if (h - seenTop() - SEEN_PX < 0.35 * h) stage.scrollIntoView({ block: 'start' });
    panel.style.maxHeight = `${Math.round(Math.min(0.55 * h, Math.max(0.35 * h, h - seenTop() - SEEN_PX)))}px`;
    const [wx, wy] = itemPoint(views.refresh(), kind, index);
    const cam = viewport.camera;
    const c = canvas.getBoundingClientRect();
    const x = c.left + (wx - cam.x) * cam.zoom;
    const y = c.top + (wy - cam.y) * cam.zoom;
    const top = seenTop();
    const bottom = Math.min(c.bottom, panel.getBoundingClientRect().top, h);
    if (bottom - top < 24) return; // nothing of the map is seen: no place to pan to
    const margin = Math.min(32, (bottom - top) / 4);
    const xOk = x > c.left + margin && x < c.right - margin;
    if (xOk && y > top + margin && y < bottom - margin) return;
    const before = nudge && sameView(nudge.after, cam) ? nudge.before : viewport.save();
    viewport.panBy(xOk ? 0 : c.left + c.width / 2 - x, (top + bottom) / 2 - y);
    nudge = { before, after: { x: cam.x, y: cam.y, zoom: cam.zoom } };
  };

  /** The sheet closed: the map goes back to where it was before keepClear moved it, unless the reader moved it since. */
  const closed = () => {
    panel.style.maxHeight = '';
    const n = nudge;
    nudge = null;
    // The nudge only panned: `before` has the zoom the view still has.
    if (n && sameView(n.after, viewport.camera)) viewport.restore(n.before);
  };

  on('select', ({ selected, fromHistory }) => {
    if (selected) {
      openSheet();
      keepClear(selected);
    } else {
      closeSheet(fromHistory);
      closed();
    }
  });
  // On a phone the search box may be all that is on screen: bring the map up before it shows the choice.
  on('choose', () => {
    if (isNarrow()) stage.scrollIntoView({ block: 'start' });
  });
  const onBack = () => {
    if (open && !history.state?.allianceMap) select(undefined, 0, { fromHistory: true });
  };
  window.addEventListener('popstate', onBack, { signal });
  attachSwipe(panel, select, signal);
}

/** On a bottom sheet scrolled to its top, a swipe down closes it. */
function attachSwipe(panel, select, signal) {
  let start = null;
  const options = { passive: true, signal };
  panel.addEventListener(
    'touchstart',
    (e) => {
      start = panel.scrollTop <= 0 && e.touches.length === 1 ? e.touches[0].clientY : null;
    },
    options,
  );
  panel.addEventListener(
    'touchend',
    (e) => {
      if (start !== null && isNarrow() && e.changedTouches[0].clientY - start > 70) select(undefined);
      start = null;
    },
    options,
  );
}
