// The map's entities for screen readers, inside the map: a visually hidden
// list right after the canvas (a graphics document a screen reader cannot
// look into), so every name is found without opening the Text view. One
// item an entity shown, most connected first (the wasm chooses and orders
// them: MapHandle.entityList), its name isolated in a <bdi>, then what the
// map marks: the selection (aria-current, as in the text view, and said in
// words, which every screen reader reads), and the highlighted path's steps.
// What a filter, the as-of date or the neighbourhood hides leaves the list;
// its name says how many are shown. A big map lists the CAP most connected
// (and the selection and the path, wherever they rank) and ends by saying
// how many more there are and where to find them. No tab stops: it is read,
// not operated (search and the Text view select).
import { el, isolate } from './dom.js';

/** Entities listed at most (besides the selection and the path): as a text view page, quick to write at any map size. */
export const CAP = 200;

const count = (n) => n.toLocaleString('en');

/**
 * The list of `handle`'s shown entities (`entities`: the rows of
 * handle.entities()), put after `canvas`. Follows the 'select', 'filter'
 * and 'path' events (`on`; a burst of them is one update, in a microtask);
 * `selected()` is the selection, `reader.path` the paths found. Updates run
 * through `guard`. Returns {element, list, dispose}: dispose removes them,
 * so a destroyed map names nothing. A selected relation marks nothing here
 * (the list holds entities; the text view marks the relation).
 */
export function attachEntityList({ handle, entities, reader, selected, canvas, uid, on, guard, signal }) {
  const box = el('div', 'am-sr am-entity-list');
  const list = el('ul');
  list.id = `${uid}-entities`;
  const more = el('p');
  box.append(list, more);
  canvas.after(box);
  let items = new Map(); // entity index → {li, state: Text}, as listed
  let listed = '';

  const item = (i) => {
    const li = el('li', '', isolate(entities[i].name));
    const state = document.createTextNode('');
    li.append(state);
    return { li, state };
  };

  const update = () => {
    const { shown, entities: order } = handle.entityList(CAP);
    const key = order.join(',');
    if (key !== listed) {
      // Only what changed moves (the order is always the same), so a screen
      // reader reading the list keeps its place: the unlisted go, the new
      // come in where they rank.
      const next = new Map(order.map((i) => [i, items.get(i) || item(i)]));
      for (const [i, it] of items) if (!next.has(i)) it.li.remove();
      let at = list.firstChild;
      for (const { li } of next.values()) {
        if (li === at) at = at.nextSibling;
        else list.insertBefore(li, at);
      }
      items = next;
      listed = key;
    }
    const sel = selected();
    const current = sel?.kind === 'entity' ? sel.index : -1;
    const p = reader.path;
    const steps = p && p.index >= 0 ? p.view.paths[p.index].entities : [];
    for (const [i, { li, state }] of items) {
      const step = steps.indexOf(i);
      const words = (i === current ? ', selected' : '') + (step >= 0 ? `, on the path, step ${step + 1} of ${steps.length}` : '');
      if (state.data !== words) state.data = words;
      if (i === current) li.setAttribute('aria-current', 'true');
      else li.removeAttribute('aria-current');
    }
    const total = entities.length;
    list.setAttribute('aria-label', `Entities on the map, most connected first (${shown === total ? count(total) : `${count(shown)} of ${count(total)} shown`})`);
    const unlisted = shown - order.length;
    const hidden = total - shown;
    const note = [
      unlisted > 0 ? `${count(unlisted)} more, less connected: find one with Search, or read every entity in the Text view.` : '',
      hidden > 0 ? `${count(hidden)} hidden by the filters or the as-of date.` : '',
    ].join(' ').trim();
    if (more.textContent !== note) more.textContent = note;
    more.hidden = !note;
  };

  let pending = false;
  const schedule = () => {
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      if (!signal.aborted) guard(update);
    });
  };
  for (const kind of ['select', 'filter', 'path']) on(kind, schedule);
  update();
  return { element: box, list, dispose: () => box.remove() };
}
