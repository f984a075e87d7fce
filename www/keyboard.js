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

const PAN_PX = 40;

function isField(target) {
  return Boolean(target.closest?.('input, select, textarea'));
}

export function attachKeyboard(w) {
  const kb = { focus: -1, anchor: -1 };
  const name = (e) => w.entities[e].name;
  const relations = (e) => {
    const n = w.handle.shownDegree(e);
    return `${n} ${n === 1 ? 'relation' : 'relations'}`;
  };
  const describe = (e) => `${name(e)}, ${humanize(w.entities[e].kind).toLowerCase()}, ${relations(e)}`;
  const shown = (e) => e >= 0 && w.views.refresh().nodeVisible[e] === 1;

  w.on('select', () => {
    const sel = w.selected;
    if (sel?.kind === 'entity') kb.focus = kb.anchor = sel.index;
    else kb.anchor = -1;
    w.requestDraw();
  });

  const walk = (step) => {
    if (!shown(kb.focus)) {
      const first = w.handle.mostConnected();
      if (first === undefined) return w.announce('Nothing is shown: change the filters.');
      w.select('entity', first, { centre: 'if-hidden' });
      return w.announce(`${describe(first)}. Selected: the most connected entity. Arrow keys go through its neighbours.`);
    }
    const anchor = shown(kb.anchor) ? kb.anchor : kb.focus;
    const order = [...w.handle.neighboursInOrder(anchor)];
    if (!order.length) return w.announce(`${name(anchor)} has no relations shown.`);
    const at = order.indexOf(kb.focus);
    const k = at < 0 ? (step > 0 ? 0 : order.length - 1) : (at + step + order.length) % order.length;
    kb.anchor = anchor;
    kb.focus = order[k];
    w.revealEntity(kb.focus);
    w.requestDraw();
    w.announce(`${describe(kb.focus)}. Neighbour ${k + 1} of ${order.length} of ${name(anchor)}. Enter selects it.`);
  };

  const enter = () => {
    if (!shown(kb.focus)) return walk(1);
    const e = kb.focus;
    w.select('entity', e);
    const n = w.handle.neighboursInOrder(e).length;
    w.announce(`${describe(e)}. Selected, details open. Arrow keys go through its ${n} ${n === 1 ? 'neighbour' : 'neighbours'}.`);
  };

  const back = () => {
    w.handle.hover('', 0);
    if (w.selected) {
      w.select('', 0);
      w.announce('Details closed.');
    } else if (w.reader.path) {
      w.reader.clearPath();
      w.announce('Path cleared.');
    } else if (kb.focus >= 0) {
      kb.focus = kb.anchor = -1;
      w.requestDraw();
    }
  };

  const mapKeys = {
    ArrowRight: () => walk(1),
    ArrowDown: () => walk(1),
    ArrowLeft: () => walk(-1),
    ArrowUp: () => walk(-1),
    Enter: enter,
    '+': () => w.zoomCentre(1.5),
    '=': () => w.zoomCentre(1.5),
    '-': () => w.zoomCentre(1 / 1.5),
    0: () => w.fit(),
  };
  const panKeys = { ArrowLeft: [PAN_PX, 0], ArrowRight: [-PAN_PX, 0], ArrowUp: [0, PAN_PX], ArrowDown: [0, -PAN_PX] };

  const onKey = (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    let action = null;
    if (e.key === 'Escape') action = back;
    else if (isField(e.target)) return;
    else if (e.key === '/') action = () => w.controls.search.input.focus();
    else if (e.target === w.canvas && e.shiftKey && panKeys[e.key]) action = () => w.panBy(...panKeys[e.key]);
    else if (e.target === w.canvas) action = mapKeys[e.key];
    if (!action) return;
    e.preventDefault();
    w.guard(action);
    w.settleSoon();
  };
  // The container outlives the widget (the element reuses it on reload): detach removes this.
  w.container.addEventListener('keydown', onKey);
  w.canvas.addEventListener('focus', () => {
    w.activate();
    if (shown(kb.focus)) w.announce(describe(kb.focus));
    w.requestDraw();
  });
  w.canvas.addEventListener('blur', () => w.requestDraw());
  return {
    kb,
    describe,
    /** The entity with the focus ring (while the map has the keyboard focus), or -1. */
    ring: () => (w.canvasFocused() && shown(kb.focus) ? kb.focus : -1),
    detach: () => w.container.removeEventListener('keydown', onKey),
  };
}
