// The map from the keyboard. Tab reaches the map (the canvas); then:
//   Right or Down   the next neighbour of the selected entity, clockwise
//                   from 12 o'clock (the order comes from the wasm);
//   Left or Up      the previous one; with nothing in focus yet, any arrow
//                   selects the most connected entity shown;
//   Enter           selects the entity in focus and opens its details; its
//                   neighbours are then what the arrows go through;
//   Escape          goes back: closes the details, then clears a highlighted
//                   path, then the keyboard focus;
//   Shift + arrows  pan; + and - zoom; 0 fits the map; / goes to search.
// The entity in focus has a ring on the canvas, and a live region says its
// name, kind and number of relations.
import { humanize } from './palette.js';
import { itemPoint } from './selection.js';

const PAN_PX = 40;

function isField(target) {
  return Boolean(target.closest?.('input, select, textarea'));
}

/**
 * Attaches the keyboard scheme to `canvas` (keys reach it through
 * `container`, which outlives the widget). `selected()` is the current
 * selection, `select(kind, index, options)` changes it; `reader` clears a
 * highlighted path; `announce(text)` speaks; `focusSearch()` goes to the
 * search box. Listeners end with `signal`.
 */
export function attachKeyboard({ handle, entities, views, canvas, container, viewport, reader, selected, select, announce, focusSearch, guard, on, signal }) {
  const kb = { focus: -1, anchor: -1 };
  const name = (e) => entities[e].name;
  const relations = (e) => {
    const n = handle.shownDegree(e);
    return `${n} ${n === 1 ? 'relation' : 'relations'}`;
  };
  const describe = (e) => `${name(e)}, ${humanize(entities[e].kind).toLowerCase()}, ${relations(e)}`;
  const shown = (e) => e >= 0 && views.refresh().nodeVisible[e] === 1;
  const reveal = (e) => viewport.reveal(itemPoint(views.refresh(), 'entity', e), true);

  on('select', ({ selected: sel }) => {
    if (sel?.kind === 'entity') kb.focus = kb.anchor = sel.index;
    else kb.anchor = -1;
    viewport.requestDraw();
  });
  // A search result was chosen: select it and give the map the keyboard focus.
  on('choose', ({ index: e }) => {
    select('entity', e, { centre: true });
    canvas.focus({ preventScroll: true });
    announce(`${describe(e)}. Selected, details open. Arrow keys go through its neighbours.`);
  });

  const walk = (step) => {
    if (!shown(kb.focus)) {
      const first = handle.mostConnected();
      if (first === undefined) return announce('Nothing is shown: change the filters.');
      select('entity', first, { centre: 'if-hidden' });
      return announce(`${describe(first)}. Selected: the most connected entity. Arrow keys go through its neighbours.`);
    }
    const anchor = shown(kb.anchor) ? kb.anchor : kb.focus;
    const order = [...handle.neighboursInOrder(anchor)];
    if (!order.length) return announce(`${name(anchor)} has no relations shown.`);
    const at = order.indexOf(kb.focus);
    const k = at < 0 ? (step > 0 ? 0 : order.length - 1) : (at + step + order.length) % order.length;
    kb.anchor = anchor;
    kb.focus = order[k];
    reveal(kb.focus);
    viewport.requestDraw();
    announce(`${describe(kb.focus)}. Neighbour ${k + 1} of ${order.length} of ${name(anchor)}. Enter selects it.`);
  };

  const enter = () => {
    if (!shown(kb.focus)) return walk(1);
    const e = kb.focus;
    select('entity', e);
    const n = handle.neighboursInOrder(e).length;
    announce(`${describe(e)}. Selected, details open. Arrow keys go through its ${n} ${n === 1 ? 'neighbour' : 'neighbours'}.`);
  };

  const back = () => {
    handle.hover(undefined, 0);
    if (selected()) {
      select(undefined);
      announce('Details closed.');
    } else if (reader.path) {
      reader.clearPath();
      announce('Path cleared.');
    } else if (kb.focus >= 0) {
      kb.focus = kb.anchor = -1;
      viewport.requestDraw();
    }
  };

  const mapKeys = {
    ArrowRight: () => walk(1),
    ArrowDown: () => walk(1),
    ArrowLeft: () => walk(-1),
    ArrowUp: () => walk(-1),
    Enter: enter,
    '+': () => viewport.zoomCentre(1.5),
    '=': () => viewport.zoomCentre(1.5),
    '-': () => viewport.zoomCentre(1 / 1.5),
    0: () => viewport.fit(),
  };
  const panKeys = { ArrowLeft: [PAN_PX, 0], ArrowRight: [-PAN_PX, 0], ArrowUp: [0, PAN_PX], ArrowDown: [0, -PAN_PX] };

  const onKey = (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    let action = null;
    if (e.key === 'Escape') action = back;
    else if (isField(e.target)) return;
    else if (e.key === '/') action = focusSearch;
    else if (e.target === canvas && e.shiftKey && panKeys[e.key]) action = () => viewport.panBy(...panKeys[e.key]);
    else if (e.target === canvas) action = mapKeys[e.key];
    if (!action) return;
    e.preventDefault();
    guard(action);
    viewport.settleSoon();
  };
  container.addEventListener('keydown', onKey, { signal });
  canvas.addEventListener(
    'focus',
    () => {
      if (shown(kb.focus)) announce(describe(kb.focus));
      viewport.requestDraw();
    },
    { signal },
  );
  canvas.addEventListener('blur', () => viewport.requestDraw(), { signal });
  return {
    /** The entity with the keyboard focus, or -1. */
    focused: () => kb.focus,
    /** The entity with the focus ring (while the map has the keyboard focus), or -1. */
    ring: () => (container.getRootNode().activeElement === canvas && shown(kb.focus) ? kb.focus : -1),
  };
}
