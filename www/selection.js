// The selection: one entity or relation, or none, and its details in the
// panel. A change is told inside the widget (the 'select' event: the sheet,
// the reader, the keyboard, the text view and deep links follow it) and to
// the page (a `select` DOM event that bubbles out of a shadow root).
import { renderDetails, RELATIONS_PAGE } from './panel.js';

/** The world point of an entity, or of a relation's midpoint, from typed-array views `v`. */
export function itemPoint(v, kind, index) {
  const [a, b] = kind === 'entity' ? [index, index] : [v.edgeEnds[2 * index], v.edgeEnds[2 * index + 1]];
  return [(v.positions[2 * a] + v.positions[2 * b]) / 2, (v.positions[2 * a + 1] + v.positions[2 * b + 1]) / 2];
}

/**
 * The selection of `handle`'s map, shown in `panel`. `select(kind, index,
 * {fromHistory, centre})` selects (no kind clears; `centre`: true, or
 * 'if-hidden'); `selected()` is {kind, index, title} or null. Runs through
 * `guard`, so a wasm failure shows its message in place of the map.
 */
export function createSelection({ handle, views, viewport, panel, canvas, container, uid, emit, guard, signal }) {
  let selected = null;
  let shown = RELATIONS_PAGE; // relations in the panel: a page more per "Show more"
  const focusIn = (el) => el.contains(document.activeElement) || el.contains(container.getRootNode().activeElement);

  const show = (kind, index, { fromHistory = false, centre = false } = {}) => {
    const focusWasInPanel = focusIn(panel);
    const isNew = kind !== selected?.kind || index !== selected?.index;
    handle.select(kind || undefined, index ?? 0);
    if (!kind) {
      selected = null;
      panel.hidden = true;
      panel.replaceChildren();
      if (focusWasInPanel) canvas.focus({ preventScroll: true });
    } else {
      if (isNew) shown = RELATIONS_PAGE;
      const details = handle.details(kind, index, shown);
      // The title as read: a relation's names come isolated (src/sentence.rs), the panel makes them <bdi>s.
      selected = { kind, index, title: details.title.replace(/[\u2068\u2069]/g, '') };
      renderDetails(panel, details, select, uid, signal, () => guard(() => showMore(kind, index)));
      // A new selection starts at its title and close button, not where the last one was scrolled to.
      if (isNew) panel.scrollTop = 0;
      // Re-rendering removed the focused control: keep keyboard users in the panel.
      if (focusWasInPanel) panel.querySelector('.panel-title').focus({ preventScroll: true });
    }
    if (kind && centre) viewport.reveal(itemPoint(views.refresh(), kind, index), centre === 'if-hidden');
    emit('select', { selected, fromHistory });
    container.dispatchEvent(new CustomEvent('select', { bubbles: true, composed: true, detail: selected }));
    viewport.settle();
  };
  // The next page of relations; the keyboard goes on at the first new one.
  const showMore = (kind, index) => {
    const first = shown;
    shown += RELATIONS_PAGE;
    renderDetails(panel, handle.details(kind, index, shown), select, uid, signal, () => guard(() => showMore(kind, index)));
    panel.querySelectorAll('.relation-sentence')[first]?.focus();
  };
  const select = (kind, index, options) => guard(() => show(kind, index, options));
  return { select, selected: () => selected };
}
