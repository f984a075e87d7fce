// Story steps: the bar under the map (Previous, "3 of 6", Next, and the
// step's caption with its citations and notes) and what a step does to the
// map. A step is applied through the reader's own commands (select, the
// filter, the path finder), so the panel, the text view, the list inside
// the map and deep links follow it as they follow a reader; then its
// highlights, then the camera, eased over STEP_MS unless the reader asked
// for reduced motion. What a step shows and where its camera goes are
// Rust's (MapHandle.steps, stepCamera); this only applies and draws.
import { el } from './dom.js';
import { Camera } from './camera.js';
import { emptyFilter } from './reader.js';

/** A step's camera move, at most (the 600 ms: long enough to follow, short enough not to wait). */
export const STEP_MS = 500;

/** A fitted step zooms in only until its largest circle is this big, CSS px (src/display/story.rs MAX_STEP_RADIUS). */
const MAX_STEP_RADIUS = 40;

/** Whether the reader asked for reduced motion (then a step's camera jumps). */
function reducedMotion() {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Where camera `view` ({kind, bounds, x, y, zoom}, from MapHandle.stepCamera)
 * puts `viewport`'s camera, as src/display/story.rs step_viewport computes
 * it for the static pictures: a fitted subject with 48 px of room, zoomed
 * in at most 4x the whole map's fit and only until its largest circle is
 * MAX_STEP_RADIUS; `bottom` px at the foot of the view
 * (the story bar over it) are left out.
 */
export function stepCamera(viewport, view, bottom = 0) {
  const whole = new Camera();
  viewport.fitWhole(whole);
  if (view.kind === 'all') return whole;
  // The story bar covers the view's lower edge: the subject goes in the room above it.
  const { width } = viewport;
  const height = Math.max(viewport.height - bottom, viewport.height / 2);
  const cam = new Camera();
  if (view.kind === 'centre') {
    cam.zoom = whole.zoom * view.zoom;
    cam.centreOn(view.x, view.y, width, height);
    return cam;
  }
  const [x0, y0, x1, y1] = view.bounds;
  const fit = Math.min((width - 96) / Math.max(x1 - x0, 1), (height - 96) / Math.max(y1 - y0, 1));
  const cap = Math.min(4 * whole.zoom, Math.max(whole.zoom, MAX_STEP_RADIUS / Math.max(view.rMax, 1e-3)));
  cam.zoom = Math.min(Math.max(fit, 1e-3), cap);
  cam.centreOn((x0 + x1) / 2, (y0 + y1) / 2, width, height);
  return cam;
}

/** The caption: the title, the text with its citations as links, the notes. */
function caption(step) {
  const box = el('div', 'am-step-caption');
  box.append(el('p', 'am-step-title', step.title));
  const text = el('p', 'am-step-text');
  for (const part of step.parts) {
    const c = part.cite === undefined ? null : step.citations[part.cite];
    if (!c) {
      text.append(part.text);
      continue;
    }
    const said = [c.publisher, c.title ? `“${c.title}”` : c.id, c.author, c.date].filter(Boolean).join(', ');
    const mark = c.url && /^https?:\/\//.test(c.url) ? el('a', 'am-step-cite', part.text) : el('span', 'am-step-cite', part.text);
    if (mark.tagName === 'A') {
      mark.href = c.url;
      mark.rel = 'noopener noreferrer';
      mark.target = '_blank';
    }
    mark.title = said;
    mark.setAttribute('aria-label', `source: ${said}`);
    const sup = el('sup', '');
    sup.append(mark);
    text.append(sup);
  }
  box.append(text);
  if (step.notes.length) {
    const ul = el('ul', 'am-step-notes');
    for (const n of step.notes) ul.append(el('li', '', `${n.about}: ${n.text}`));
    box.append(ul);
  }
  return box;
}

/**
 * The story of `handle`'s map, if it has one (else null), in the bar
 * `slot` that frame.js drew (see storyBar there); `select`, `reader` and `viewport` apply a step; `announce` speaks
 * it; `emit('step', {index, fromHistory})` tells the parts (deep links, the
 * text view) and a `stepchange` DOM event the page; `showNotes(show,
 * texts)` measures a step's notes for the label pass. Listeners end with
 * `signal`; the disposer stops a camera move.
 */
export function attachSteps({ handle, views, reader, select, viewport, container, slot, uid, announce, showNotes, emit, guard, signal }) {
  const count = handle.stepCount;
  if (!count || !slot) return null;
  const steps = handle.steps();
  let current = -1;
  let frame = 0;

  // The bar frame.js drew with the first frame: its buttons come to life here.
  const bar = slot;
  const [prev, status, next] = ['.am-step-prev', '.am-step-status', '.am-step-next'].map((s) => bar.querySelector(s));
  const captionSlot = bar.querySelector('.am-step-caption-slot');
  bar.classList.add('am-steps-ready');

  const sync = () => {
    prev.disabled = current <= 0;
    next.disabled = current >= count - 1;
    next.textContent = current < 0 ? `Story: ${count} steps` : 'Next';
    status.hidden = current < 0;
    status.textContent = current < 0 ? '' : `${current + 1} of ${count}`;
    captionSlot.replaceChildren(...(current < 0 ? [] : [caption(steps[current])]));
    bar.classList.toggle('am-steps-open', current >= 0);
  };

  const moveCamera = (target, instant) => {
    cancelAnimationFrame(frame);
    const cam = viewport.camera;
    const from = { x: cam.x, y: cam.y, zoom: cam.zoom };
    const done = () => {
      Object.assign(cam, { x: target.x, y: target.y, zoom: target.zoom });
      viewport.changed();
      viewport.settle();
    };
    if (instant) return done();
    const start = performance.now();
    // Zoom eases in log space and the centre follows it, so the move neither lurches nor overshoots.
    const [w, h] = [viewport.width / 2, viewport.height / 2];
    const c0 = [from.x + w / from.zoom, from.y + h / from.zoom];
    const c1 = [target.x + w / target.zoom, target.y + h / target.zoom];
    const tick = (now) => {
      const t = Math.min(1, (now - start) / STEP_MS);
      if (t >= 1) return done();
      const e = t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
      const zoom = from.zoom * (target.zoom / from.zoom) ** e;
      cam.zoom = zoom;
      cam.centreOn(c0[0] + (c1[0] - c0[0]) * e, c0[1] + (c1[1] - c0[1]) * e, viewport.width, viewport.height);
      viewport.changed();
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
  };

  /** Shows step `i` (from 0; -1: none, the map as it was built). */
  const goTo = (i, { fromHistory = false, instant = reducedMotion() } = {}) => {
    if (!Number.isInteger(i) || i < -1 || i >= count) return false;
    guard(() => {
      current = i;
      const s = steps[i];
      if (!s) {
        handle.setHighlight(new Uint32Array(0));
        showNotes((widths) => handle.setStepNotes(undefined, widths), []);
        reader.clearPath({ fromHistory: true });
        reader.setFilter(emptyFilter(), { fromHistory: true });
        select(undefined, 0, { fromHistory: true });
        viewport.fit();
      } else {
        const filter = { ...emptyFilter(), hiddenTypes: new Set(s.hiddenTypes), hiddenKinds: new Set(s.hiddenKinds), hiddenSources: new Set(s.hiddenSources), date: s.asOf ?? null };
        reader.setFilter(filter, { fromHistory: true });
        select(s.select === undefined ? undefined : 'entity', s.select ?? 0, { fromHistory: true });
        if (s.path) reader.findPaths(s.path.from, s.path.to, { index: s.path.index, fromHistory: true });
        else reader.clearPath({ fromHistory: true });
        handle.setHighlight(Uint32Array.from(s.highlight));
        showNotes((widths) => handle.setStepNotes(i, widths), s.notes.map((n) => n.label));
        // The caption first: the camera fits the subject above the bar it makes.
        sync();
        moveCamera(stepCamera(viewport, handle.stepCamera(i), bar.offsetHeight + 8), instant);
        announce(`Step ${s.number} of ${s.count}: ${s.title}. ${s.parts.map((p) => p.text).join('')} ${s.shows}`.replace(/[\u2068\u2069]/g, ''));
      }
      views.refresh();
      sync();
      emit('step', { index: i, fromHistory });
      container.dispatchEvent(new CustomEvent('stepchange', { bubbles: true, composed: true, detail: { step: i + 1, count, title: s?.title ?? '' } }));
    });
    return true;
  };

  prev.addEventListener('click', () => goTo(current - 1), { signal });
  next.addEventListener('click', () => goTo(current + 1), { signal });
  // Left and Right step through the story while the bar has the focus.
  bar.addEventListener(
    'keydown',
    (e) => {
      if (e.altKey || e.ctrlKey || e.metaKey || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return;
      if (goTo(current + (e.key === 'ArrowRight' ? 1 : -1))) e.preventDefault();
    },
    { signal },
  );
  sync();
  return {
    count,
    steps,
    goTo,
    current: () => current,
    dispose: () => cancelAnimationFrame(frame),
  };
}
