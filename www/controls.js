// The reader's toolbar above the map: search, the Filters and "How is A tied
// to B?" disclosures, the as-of date slider with Play, and the Text view
// toggle. Each control only calls the widget; what is shown is decided in
// the wasm.
import { el } from './panel.js';
import { Combobox } from './combobox.js';
import { buildFilters } from './filters.js';
import { buildPathFinder } from './pathfinder.js';

const PLAY_STEP_MS = 900;

function disclosure(label, panel, onToggle) {
  const b = el('button', 'am-disclosure', label);
  b.type = 'button';
  b.setAttribute('aria-expanded', 'false');
  b.setAttribute('aria-controls', panel.id);
  b.addEventListener('click', () => onToggle(b.getAttribute('aria-expanded') !== 'true'));
  return b;
}

export function buildControls(w) {
  const bar = el('div', 'am-controls');
  bar.setAttribute('part', 'controls');

  const search = new Combobox({
    id: `${w.uid}-search`,
    label: 'Search the map',
    placeholder: 'Search…',
    // Hidden entities are still found (choosing one with "steps around the selection" shows it).
    search: (q, n) => w.handle.search(q, n).map((h) => (w.reader.isShown(h.index) ? h : { ...h, note: 'hidden by the filters' })),
    onChoose: (hit) => w.chooseEntity(hit.index),
  });
  const searchBox = el('div', 'am-search');
  searchBox.setAttribute('role', 'search');
  searchBox.append(search.element);

  const filters = buildFilters(w, `${w.uid}-filters`);
  const paths = buildPathFinder(w, `${w.uid}-paths`);
  const drops = [filters.panel, paths.panel];
  const toggles = [];
  const setOpen = (panel, open) => {
    for (const [i, p] of drops.entries()) {
      const on = p === panel && open;
      p.hidden = !on;
      toggles[i].setAttribute('aria-expanded', String(on));
    }
    if (open && panel === paths.panel) paths.opened();
  };
  const filtersButton = disclosure('Filters', filters.panel, (open) => setOpen(filters.panel, open));
  const pathsButton = disclosure('How is A tied to B?', paths.panel, (open) => setOpen(paths.panel, open));
  toggles.push(filtersButton, pathsButton);
  const textButton = el('button', 'am-disclosure', 'Text view');
  textButton.type = 'button';
  textButton.setAttribute('aria-expanded', 'false');
  textButton.addEventListener('click', () => w.textView.toggle());

  // Escape inside a disclosure closes it and returns to its button.
  for (const [i, p] of drops.entries()) {
    p.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      setOpen(p, false);
      toggles[i].focus();
    });
  }

  const date = buildDate(w);
  const tools = el('div', 'am-tools');
  tools.append(filtersButton, pathsButton, textButton);
  bar.append(searchBox, tools, date.element, filters.panel, paths.panel);

  w.on('filter', () => {
    const n = w.reader.activeCount();
    filtersButton.textContent = n ? `Filters (${n} on)` : 'Filters';
    filters.sync();
    date.sync();
  });
  w.on('path', () => paths.sync());
  return {
    element: bar,
    search,
    textButton,
    openPaths: () => setOpen(paths.panel, true),
    closeAll: () => drops.forEach((p) => setOpen(p, false)),
    /** Stops Play and the reduced-motion listener (they outlive the DOM otherwise). */
    detach: date.detach,
  };
}

/** The as-of slider: one stop per date in the data, and "All dates" at the right end. */
function buildDate(w) {
  const stops = w.reader.stops;
  const id = `${w.uid}-date`;
  const box = el('div', 'am-date');
  const label = el('label', 'am-date-label', 'As of');
  label.htmlFor = id;
  const range = el('input', 'am-date-range');
  Object.assign(range, { id, type: 'range', min: '0', max: String(stops.length), step: '1', value: String(stops.length) });
  const output = el('output', 'am-date-value', 'All dates');
  output.htmlFor = id;
  output.setAttribute('aria-hidden', 'true');
  const play = el('button', 'am-play', 'Play');
  play.type = 'button';
  const reduce = window.matchMedia('(prefers-reduced-motion: reduce)');
  let timer = null;
  const labelAt = (i) => (i >= stops.length ? 'All dates' : stops[i].text);
  const show = (i) => {
    range.value = String(i);
    range.setAttribute('aria-valuetext', labelAt(i));
    output.textContent = labelAt(i);
  };
  const set = (i) => {
    show(i);
    w.reader.setFilter({ date: i >= stops.length ? null : stops[i].label });
  };
  const stop = () => {
    clearInterval(timer);
    timer = null;
    play.textContent = 'Play';
  };
  range.addEventListener('input', () => {
    stop();
    set(Number(range.value));
  });
  play.addEventListener('click', () => {
    if (timer) return stop();
    let i = Number(range.value) >= stops.length - 1 ? 0 : Number(range.value) + 1;
    set(i);
    play.textContent = 'Pause';
    timer = setInterval(() => {
      i += 1;
      set(i);
      if (i >= stops.length) stop();
    }, PLAY_STEP_MS);
  });
  // Stepping through dates is motion: off when the reader asked for less.
  const applyMotion = () => {
    if (reduce.matches) stop();
    play.disabled = reduce.matches || !stops.length;
    play.title = reduce.matches ? 'Playback is off because your system asks for reduced motion; use the slider' : 'Step through the dates';
  };
  reduce.addEventListener?.('change', applyMotion);
  applyMotion();
  const detach = () => {
    stop();
    reduce.removeEventListener?.('change', applyMotion);
  };
  show(stops.length);
  box.append(label, range, output, play);
  if (!stops.length) box.hidden = true;
  return {
    element: box,
    detach,
    sync: () => {
      const d = w.reader.filter.date;
      const i = d ? stops.findIndex((s) => s.label === d) : -1;
      // A date from a link that is no stop: the last stop on or before it.
      show(i >= 0 ? i : d ? Math.max(0, stops.filter((s) => s.day <= w.reader.dayOf(d)).length - 1) : stops.length);
    },
  };
}
