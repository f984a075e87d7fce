// Scrollytelling for a host article: the article marks its paragraphs with
// data-alliance-map-step="3" and its map with the `story` attribute (an
// <alliance-map> element, a container mount() filled, or an <iframe> of
// embed.html); as a paragraph crosses the middle of the viewport, its map
// shows that step. Several maps on one page each follow their own
// paragraphs: a paragraph names its map with data-alliance-map="<map id>",
// else it belongs to the nearest story map before it in the page.
//
//   <script type="module" src="story.js?auto"></script>   (no inline script: CSP-friendly)
//   or: import { story } from 'alliance-map/story'; const stop = story();
//
// The map itself decides what a step shows (steps.js, in Rust); this only
// says which step, through the map's `step(n)`, or to an iframe by
// postMessage ({type: 'alliance-map:step', step: n}, which embed.js hears).
// See docs/story.md for the CSS that keeps the map sticky while the text
// scrolls, and the phone layout.

/** The attribute a paragraph's step number is in. */
export const STEP_ATTRIBUTE = 'data-alliance-map-step';

/** How one map is told to show a step, whenever it is ready. */
function driverOf(target, signal) {
  let wanted = -1;
  let ready = false;
  if (target instanceof HTMLIFrameElement) {
    let origin = '*';
    try {
      const o = new URL(target.src, location.href).origin;
      if (o !== 'null') origin = o;
    } catch {
      // A src that is no URL: the message goes nowhere that matters.
    }
    const send = () => wanted >= 0 && target.contentWindow?.postMessage({ type: 'alliance-map:step', step: wanted }, origin);
    addEventListener(
      'message',
      (e) => {
        if (e.source !== target.contentWindow || e.data?.type !== 'alliance-map:ready') return;
        ready = true;
        send();
      },
      { signal },
    );
    return { show: (n) => ((wanted = n), ready && send()) };
  }
  // An <alliance-map> element (its widget) or a mount() container (its allianceMap).
  const map = () => target.widget || target.allianceMap || null;
  const send = () => wanted >= 0 && map()?.step(wanted);
  target.addEventListener('mapready', () => send(), { signal });
  return { show: (n) => ((wanted = n), send()) };
}

/** The story map a paragraph drives: the one it names, else the nearest story map before it. */
function ownerOf(p, maps, root) {
  const named = p.getAttribute('data-alliance-map');
  if (named) return maps.find((m) => m.id === named) || root.getElementById?.(named) || null;
  let owner = null;
  for (const m of maps) if (m.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING) owner = m;
  return owner || maps[0] || null;
}

/**
 * Starts the story of every `[story]` map under `root` (default: the
 * document). Returns the teardown: it stops watching the paragraphs and
 * listening for the maps.
 */
export function story({ root = document } = {}) {
  const abort = new AbortController();
  const maps = [...root.querySelectorAll('[story]')];
  const drivers = new Map(maps.map((m) => [m, driverOf(m, abort.signal)]));
  const owners = new Map();
  for (const p of root.querySelectorAll(`[${STEP_ATTRIBUTE}]`)) {
    const owner = ownerOf(p, maps, root);
    if (owner && drivers.has(owner)) owners.set(p, owner);
  }
  const show = (p) => {
    const n = Number(p.getAttribute(STEP_ATTRIBUTE));
    const owner = owners.get(p);
    if (!owner || !Number.isInteger(n) || n < 0) return;
    for (const [q, o] of owners) if (o === owner && q !== p) q.removeAttribute('aria-current');
    p.setAttribute('aria-current', 'step');
    drivers.get(owner).show(n);
  };
  // A thin line across the middle of the viewport: a paragraph fires as it crosses it.
  const observer = new IntersectionObserver((entries) => entries.filter((e) => e.isIntersecting).forEach((e) => show(e.target)), { rootMargin: '-50% 0px -50% 0px', threshold: 0 });
  for (const p of owners.keys()) observer.observe(p);
  return () => {
    observer.disconnect();
    abort.abort();
  };
}

// `<script type="module" src="story.js?auto">` starts the page's story by itself.
if (new URL(import.meta.url).searchParams.has('auto')) {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => story(), { once: true });
  else story();
}
