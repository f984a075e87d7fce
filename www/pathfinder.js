// "How is A tied to B?": two search boxes and Find. The shortest paths (from
// the wasm, through what is shown) are listed as cited sentences; the first
// is highlighted on the map, and choosing another path highlights it. Each
// path's heading names the relation types on its way, since two paths can
// pass the same entities through different relations. On a phone the list
// would cover the whole map, so after Find it folds into a one-line bar
// above the path. Clear puts back the view from before Find.
import { el, citeMarks, citationItem } from './panel.js';
import { Combobox } from './combobox.js';
import { isolate, isolated } from './dom.js';
import { humanize } from './palette.js';
import { isNarrow } from './sheet.js';

/**
 * The path finder (panel id `id`) over `reader`'s paths of `handle`'s map;
 * `viewport` shows a path found, `select`/`selected()` the selection,
 * `announce` says the result. Listeners end with `signal`.
 */
export function buildPathFinder({ id, handle, reader, entities, views, viewport, stage, container, selected, select, announce, signal }) {
  const panel = el('div', 'am-drop am-pathfinder');
  panel.id = id;
  panel.hidden = true;
  panel.setAttribute('role', 'group');
  panel.setAttribute('aria-label', 'How is A tied to B?');
  const search = (q, n) => handle.search(q, n);
  const from = new Combobox({ id: `${id}-from`, label: 'From', showLabel: true, search, onChoose: () => {}, signal });
  const to = new Combobox({ id: `${id}-to`, label: 'To', showLabel: true, search, onChoose: () => {}, signal });
  const form = el('form', 'am-pathform');
  const find = el('button', 'am-find', 'Find');
  find.type = 'submit';
  const clear = el('button', 'am-clear', 'Clear');
  clear.type = 'button';
  const buttons = el('div', 'am-pathform-buttons');
  buttons.append(find, clear);
  form.append(from.element, to.element, buttons);
  const results = el('div', 'am-paths');
  // The folded state on phones: which path is on the map, and the way back to the list.
  const bar = el('div', 'am-paths-bar');
  const barText = el('p', 'am-paths-bar-text');
  const unfold = el('button', 'am-paths-unfold', 'Show all paths');
  unfold.type = 'button';
  unfold.addEventListener('click', () => fold(false), { signal });
  bar.append(barText, unfold);
  panel.append(form, results, bar);
  const fold = (on) => panel.classList.toggle('am-folded', on);
  let viewBeforeFind = null;
  const typeKeys = new Map(reader.counts.relationTypes.map((t) => [t.index, t.key]));
  const via = (path) => {
    const kinds = views.refresh().edgeKind;
    return `via ${path.relations.map((r) => humanize(typeKeys.get(kinds[r]) || 'related_to').toLowerCase()).join(' / ')}`;
  };
  /** Shows path `i` on the map: beside this panel on a desktop, below its folded bar on a phone. */
  const fitPath = (path, insets) => {
    if (path.entities.length) viewport.fitBox(...entityBox(views.refresh(), path.entities), insets);
  };
  const showPath = (i) => {
    const path = reader.path?.view.paths[i];
    if (!path) return;
    const box = stage.getBoundingClientRect();
    if (isNarrow()) {
      if (selected()) select(undefined);
      // The Find button or the path's button goes out of sight: the focus goes to the way back.
      const focusInside = panel.contains(container.getRootNode().activeElement);
      fold(true);
      if (focusInside) unfold.focus({ preventScroll: true });
      stage.scrollIntoView({ block: 'nearest' });
      const below = panel.getBoundingClientRect().bottom - stage.getBoundingClientRect().top;
      fitPath(path, { top: below + 4 });
    } else {
      fitPath(path, { left: panel.getBoundingClientRect().right - box.left + 8 });
    }
  };

  const onFind = (e) => {
    e.preventDefault();
    const a = from.resolve();
    const b = to.resolve();
    if (!a || !b) {
      results.replaceChildren(el('p', 'am-paths-note', `Choose ${a ? 'where to end' : 'where to start'} from the list.`));
      announce(results.textContent);
      (a ? to : from).input.focus();
      return;
    }
    reader.findPaths(a.index, b.index);
    const p = reader.path;
    if (p.view.paths.length) {
      // On a phone the sheet would cover the lower half: the path is what the reader asked for now.
      if (isNarrow() && selected()) select(undefined);
      // A second Find keeps the view from before the first: that is where Clear goes back to.
      viewBeforeFind ||= viewport.save();
      showPath(0);
    }
    announce(p.view.paths.length ? summary(p, entities) : results.textContent);
  };
  form.addEventListener('submit', onFind, { signal });
  const onClear = () => {
    from.clear();
    to.clear();
    reader.clearPath();
    if (viewBeforeFind) viewport.restore(viewBeforeFind);
    viewBeforeFind = null;
    from.input.focus();
  };
  clear.addEventListener('click', onClear, { signal });

  const render = () => {
    const p = reader.path;
    results.replaceChildren();
    if (!p || !p.view.paths.length) fold(false);
    if (!p) return;
    const [a, b] = [isolate(entities[p.from].name), isolate(entities[p.to].name)];
    if (!p.view.paths.length) {
      const why = p.from === p.to ? 'Choose two different entities.' : `No tie between ${a} and ${b} through what is shown.`;
      results.append(el('p', 'am-paths-note', why));
      return;
    }
    results.append(el('h2', 'am-paths-title', `From ${a} to ${b}`), el('p', 'am-paths-note', summary(p, entities)));
    const shown = p.view.paths[p.index];
    if (shown) barText.replaceChildren(...isolated(`Path ${p.index + 1} of ${p.view.paths.length} on the map: ${shown.names.map(isolate).join(' → ')}`));
    const list = el('ol', 'am-path-list');
    p.view.paths.forEach((path, i) => {
      const li = el('li', 'am-path');
      const steps = `${path.relations.length} ${path.relations.length === 1 ? 'step' : 'steps'}`;
      const pick = el('button', 'am-path-pick', `Path ${i + 1} (${steps}): ${path.names.map(isolate).join(' → ')}`);
      pick.append(el('span', 'am-path-via', ` ${via(path)}`));
      pick.type = 'button';
      pick.setAttribute('aria-pressed', String(i === p.index));
      const onPick = () => {
        reader.highlight(i);
        if (isNarrow()) showPath(i);
      };
      pick.addEventListener('click', onPick, { signal });
      const sentences = el('ol', 'am-path-steps');
      for (const s of path.sentences) {
        const step = el('li', 'am-path-step');
        const sentence = el('button', 'relation-sentence', s.text);
        sentence.type = 'button';
        sentence.addEventListener('click', () => select('relation', s.relation), { signal });
        step.append(sentence, citeMarks(s.cites));
        sentences.append(step);
      }
      li.append(pick, sentences);
      list.append(li);
    });
    results.append(list);
    if (p.view.citations.length) {
      results.append(el('h3', 'am-paths-sources', 'Sources'));
      const ol = el('ol', 'citations');
      for (const c of p.view.citations) ol.append(citationItem(c));
      results.append(ol);
    }
  };

  return {
    panel,
    sync: () => {
      const p = reader.path;
      if (p) {
        if (from.chosen?.index !== p.from) from.setValue({ index: p.from, name: entities[p.from].name });
        if (to.chosen?.index !== p.to) to.setValue({ index: p.to, name: entities[p.to].name });
      }
      render();
    },
    /** On opening, start from the selected entity if nothing is filled in. */
    opened: () => {
      fold(false);
      const sel = selected();
      if (!from.input.value && sel?.kind === 'entity') from.setValue({ index: sel.index, name: entities[sel.index].name });
      (from.input.value ? to : from).input.focus();
    },
  };
}

/** The world box around some entities and the largest radius among them (at least 1). */
function entityBox(v, list) {
  let [x0, y0, x1, y1, rMax] = [Infinity, Infinity, -Infinity, -Infinity, 1];
  for (const e of list) {
    const [x, y, r] = [v.positions[2 * e], v.positions[2 * e + 1], v.radii[e]];
    [x0, y0, x1, y1] = [Math.min(x0, x - r), Math.min(y0, y - r), Math.max(x1, x + r), Math.max(y1, y + r)];
    rMax = Math.max(rMax, r);
  }
  return [[x0, y0, x1, y1], rMax];
}

function summary(p, entities) {
  const n = p.view.paths.length;
  const [a, b] = [isolate(entities[p.from].name), isolate(entities[p.to].name)];
  return `${n} ${n === 1 ? 'way' : 'ways'} ${a} is tied to ${b}, shortest first. Path ${p.index + 1} is highlighted on the map.`;
}
