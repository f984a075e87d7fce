// The Filters disclosure: a checkbox per relation type, entity kind and
// source, with how many each has, and a choice to show only what is near
// the selection. Unchecked means hidden; the wasm decides what that hides.
import { el } from './panel.js';
import { humanize, KIND_COLORS, RELATION_COLORS, RELATION_MARKERS } from './palette.js';

function group(legendText, rows, hidden, onChange, signal) {
  const fs = el('fieldset', 'am-filter-group');
  fs.append(el('legend', '', legendText));
  const boxes = [];
  for (const { key, text, swatch, line, marker } of rows) {
    const label = el('label', 'am-check');
    const box = el('input');
    box.type = 'checkbox';
    box.checked = !hidden().has(key);
    const onToggle = () => {
      const set = new Set(hidden());
      if (box.checked) set.delete(key);
      else set.add(key);
      onChange(set);
    };
    box.addEventListener('change', onToggle, { signal });
    label.append(box);
    if (swatch) {
      const mark = el('span', line ? 'swatch-line' : 'swatch-dot');
      mark.style.setProperty('--swatch', swatch);
      if (marker !== undefined) mark.dataset.marker = marker;
      mark.setAttribute('aria-hidden', 'true');
      label.append(mark);
    }
    label.append(document.createTextNode(text));
    fs.append(label);
    boxes.push([key, box]);
  }
  return { element: fs, sync: () => boxes.forEach(([key, box]) => (box.checked = !hidden().has(key))) };
}

/** The Filters panel (id `id`) over `r`, the reader's state; listeners end with `signal`. */
export function buildFilters(r, id, signal) {
  const panel = el('div', 'am-drop am-filters');
  panel.id = id;
  panel.hidden = true;
  panel.setAttribute('role', 'group');
  panel.setAttribute('aria-label', 'Filters');
  const c = r.counts;
  const types = group(
    'Relation types',
    c.relationTypes.map((t) => ({ key: t.key, text: `${humanize(t.key)} (${t.count})`, swatch: RELATION_COLORS[t.index], line: true, marker: RELATION_MARKERS[t.index] })),
    () => r.filter.hiddenTypes,
    (set) => r.setFilter({ hiddenTypes: set }),
    signal,
  );
  const kinds = group(
    'Kinds',
    c.kinds.map((k) => ({ key: k.key, text: `${humanize(k.key)} (${k.count})`, swatch: KIND_COLORS[k.index] })),
    () => r.filter.hiddenKinds,
    (set) => r.setFilter({ hiddenKinds: set }),
    signal,
  );
  const sources = group(
    'Sources',
    c.sources.map((s) => ({ key: s.id, text: `${s.title || s.id}${s.publisher ? `, ${s.publisher}` : ''} (${s.count})` })),
    () => r.filter.hiddenSources,
    (set) => r.setFilter({ hiddenSources: set }),
    signal,
  );

  const nearLabel = el('label', 'am-near', 'Show ');
  const near = el('select');
  for (const [v, text] of [
    [0, 'the whole map'],
    [1, 'one step around the selection'],
    [2, 'two steps around the selection'],
  ]) {
    const o = el('option', '', text);
    o.value = String(v);
    near.append(o);
  }
  near.addEventListener('change', () => r.setFilter({ near: Number(near.value) }), { signal });
  nearLabel.append(near);

  const reset = el('button', 'am-reset', 'Show everything');
  reset.type = 'button';
  reset.addEventListener('click', () => r.setFilter({ hiddenTypes: new Set(), hiddenKinds: new Set(), hiddenSources: new Set(), near: 0 }), { signal });

  panel.append(types.element, kinds.element, sources.element, nearLabel, reset);
  return {
    panel,
    sync: () => {
      types.sync();
      kinds.sync();
      sources.sync();
      near.value = String(r.filter.near);
    },
  };
}
