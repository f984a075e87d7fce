// "How is A tied to B?": two search boxes and Find. The shortest paths (from
// the wasm, through what is shown) are listed as cited sentences; the first
// is highlighted on the map, and choosing another path highlights it.
import { el, citeMarks, citationItem } from './panel.js';
import { Combobox } from './combobox.js';

export function buildPathFinder(w, id) {
  const panel = el('div', 'am-drop am-pathfinder');
  panel.id = id;
  panel.hidden = true;
  panel.setAttribute('role', 'group');
  panel.setAttribute('aria-label', 'How is A tied to B?');
  const search = (q, n) => w.handle.search(q, n);
  const from = new Combobox({ id: `${id}-from`, label: 'From', showLabel: true, search, onChoose: () => {} });
  const to = new Combobox({ id: `${id}-to`, label: 'To', showLabel: true, search, onChoose: () => {} });
  const form = el('form', 'am-pathform');
  const find = el('button', 'am-find', 'Find');
  find.type = 'submit';
  const clear = el('button', 'am-clear', 'Clear');
  clear.type = 'button';
  const buttons = el('div', 'am-pathform-buttons');
  buttons.append(find, clear);
  form.append(from.element, to.element, buttons);
  const results = el('div', 'am-paths');
  panel.append(form, results);

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const a = from.resolve();
    const b = to.resolve();
    if (!a || !b) {
      results.replaceChildren(el('p', 'am-paths-note', `Choose ${a ? 'where to end' : 'where to start'} from the list.`));
      w.announce(results.textContent);
      (a ? to : from).input.focus();
      return;
    }
    w.reader.findPaths(a.index, b.index);
    const p = w.reader.path;
    if (p.view.paths.length) {
      // Show the whole path, beside this panel when it covers the map's left.
      const inset = panel.getBoundingClientRect().right - w.stage.getBoundingClientRect().left;
      w.fitEntities(p.view.paths[0].entities, w.isNarrow() ? 0 : inset + 8);
    }
    w.announce(p.view.paths.length ? summary(p, w) : results.textContent);
  });
  clear.addEventListener('click', () => {
    from.clear();
    to.clear();
    w.reader.clearPath();
    from.input.focus();
  });

  const render = () => {
    const p = w.reader.path;
    results.replaceChildren();
    if (!p) return;
    const [a, b] = [w.entities[p.from].name, w.entities[p.to].name];
    if (!p.view.paths.length) {
      const why = p.from === p.to ? 'Choose two different entities.' : `No tie between ${a} and ${b} through what is shown.`;
      results.append(el('p', 'am-paths-note', why));
      return;
    }
    results.append(el('h2', 'am-paths-title', `From ${a} to ${b}`), el('p', 'am-paths-note', summary(p, w)));
    const list = el('ol', 'am-path-list');
    p.view.paths.forEach((path, i) => {
      const li = el('li', 'am-path');
      const steps = `${path.relations.length} ${path.relations.length === 1 ? 'step' : 'steps'}`;
      const pick = el('button', 'am-path-pick', `Path ${i + 1} (${steps}): ${path.names.join(' → ')}`);
      pick.type = 'button';
      pick.setAttribute('aria-pressed', String(i === p.index));
      pick.addEventListener('click', () => w.reader.highlight(i));
      const sentences = el('ol', 'am-path-steps');
      for (const s of path.sentences) {
        const step = el('li', 'am-path-step');
        const sentence = el('button', 'relation-sentence', s.text);
        sentence.type = 'button';
        sentence.addEventListener('click', () => w.select('relation', s.relation));
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
      const p = w.reader.path;
      if (p) {
        if (from.chosen?.index !== p.from) from.setValue({ index: p.from, name: w.entities[p.from].name });
        if (to.chosen?.index !== p.to) to.setValue({ index: p.to, name: w.entities[p.to].name });
      }
      render();
    },
    /** On opening, start from the selected entity if nothing is filled in. */
    opened: () => {
      const sel = w.selected;
      if (!from.input.value && sel?.kind === 'entity') from.setValue({ index: sel.index, name: w.entities[sel.index].name });
      (from.input.value ? to : from).input.focus();
    },
  };
}

function summary(p, w) {
  const n = p.view.paths.length;
  const [a, b] = [w.entities[p.from].name, w.entities[p.to].name];
  return `${n} ${n === 1 ? 'way' : 'ways'} ${a} is tied to ${b}, shortest first. Path ${p.index + 1} is highlighted on the map.`;
}
