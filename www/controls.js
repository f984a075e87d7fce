// The reader's toolbar above the map: search, the Filters and "How is A tied
// to B?" disclosures, the as-of date slider with Play, and the Text view
// toggle. The controls change the reader's state or ask through the
// widget's events ('choose'); what is shown is decided in the wasm.
import { el } from './panel.js';
import { Combobox } from './combobox.js';
import { buildFilters } from './filters.js';

const PLAY_STEP_MS = 900;

function disclosure(label, controls, onToggle, signal) {
  const b = el('button', 'am-disclosure', label);
  b.type = 'button';
  b.setAttribute('aria-expanded', 'false');
  if (controls) b.setAttribute('aria-controls', controls);
  b.addEventListener('click', () => onToggle(b.getAttribute('aria-expanded') !== 'true'), { signal });
  return b;
}

/**
 * The toolbar for `reader`'s state of `handle`'s map, with `paths` (the path
 * finder, pathfinder.js). A chosen search result is told as a 'choose' event
 * (`emit`); `toggleText()` opens or closes the text view (its state comes
 * back as 'textview' events, `on`). Listeners end with `signal`; the
 * disposer stops Play.
 */
export function buildControls({ uid, handle, reader, paths, on, emit, toggleText, signal }) {
  const bar = el('div', 'am-controls');
  bar.setAttribute('part', 'controls');

  const search = new Combobox({
    id: `${uid}-search`,
    label: 'Search the map',
    placeholder: 'Search…',
    // Hidden entities are still found (choosing one with "steps around the selection" shows it).
    search: (q, n) => handle.search(q, n).map((h) => (reader.isShown(h.index) ? h : { ...h, note: 'hidden by the filters' })),
    onChoose: (hit) => emit('choose', { index: hit.index }),
    signal,
  });
  const searchBox = el('div', 'am-search');
  searchBox.setAttribute('role', 'search');
  searchBox.append(search.element);

  const filters = buildFilters(reader, `${uid}-filters`, signal);
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
  const filtersButton = disclosure('Filters', filters.panel.id, (open) => setOpen(filters.panel, open), signal);
  const pathsButton = disclosure('How is A tied to B?', paths.panel.id, (open) => setOpen(paths.panel, open), signal);
  toggles.push(filtersButton, pathsButton);
  const textButton = disclosure('Text view', null, () => toggleText(), signal);
  on('textview', ({ open }) => textButton.setAttribute('aria-expanded', String(open)));

  // Escape inside a disclosure closes it and returns to its button.
  for (const [i, p] of drops.entries()) {
    const onKey = (e) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      setOpen(p, false);
      toggles[i].focus();
    };
    p.addEventListener('keydown', onKey, { signal });
  }

  const date = buildDate(reader, uid, signal);
  const tools = el('div', 'am-tools');
  tools.append(filtersButton, pathsButton, textButton);
  bar.append(searchBox, tools, date.element, filters.panel, paths.panel);

  on('filter', () => {
    const n = reader.activeCount();
    filtersButton.textContent = n ? `Filters (${n} on)` : 'Filters';
    filters.sync();
    date.sync();
  });
  on('path', () => paths.sync());
  return {
    element: bar,
    search,
    textButton,
    /** Stops Play (its timer outlives the DOM otherwise). */
    dispose: date.stop,
  };
}

/**
 * "Include the N relations whose date is not stated": a date in the slider
 * leaves them out (undated is not "always"), unless the reader asks.
 * Hidden while the slider shows all dates.
 */
function buildUndated(reader, uid, signal) {
  const n = reader.handle.undatedCount();
  if (!n) return null;
  const wrap = el('label', 'am-date-undated');
  const box = el('input');
  Object.assign(box, { type: 'checkbox', id: `${uid}-undated`, checked: Boolean(reader.filter.undated) });
  box.addEventListener('change', () => reader.setFilter({ undated: box.checked }), { signal });
  wrap.append(box, document.createTextNode(` Include ${n} ${n === 1 ? 'relation' : 'relations'} whose date is not stated`));
  // With "All dates" nothing is left out: shown only once a date is chosen,
  // so the first view has no extra row (it took 52 px from the map).
  const sync = () => {
    box.checked = Boolean(reader.filter.undated);
    wrap.hidden = reader.filter.date == null;
  };
  sync();
  return { element: wrap, sync };
}

/** The as-of slider: one stop per date in the data, and "All dates" at the right end. */
function buildDate(reader, uid, signal) {
  const stops = reader.stops;
  const id = `${uid}-date`;
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
    reader.setFilter({ date: i >= stops.length ? null : stops[i].label });
  };
  const stop = () => {
    clearInterval(timer);
    timer = null;
    play.textContent = 'Play';
  };
  const onInput = () => {
    stop();
    set(Number(range.value));
  };
  range.addEventListener('input', onInput, { signal });
  const onPlay = () => {
    if (timer) return stop();
    let i = Number(range.value) >= stops.length - 1 ? 0 : Number(range.value) + 1;
    set(i);
    play.textContent = 'Pause';
    timer = setInterval(() => {
      i += 1;
      set(i);
      if (i >= stops.length) stop();
    }, PLAY_STEP_MS);
  };
  play.addEventListener('click', onPlay, { signal });
  // Stepping through dates is motion: off when the reader asked for less.
  const applyMotion = () => {
    if (reduce.matches) stop();
    play.disabled = reduce.matches || !stops.length;
    play.title = reduce.matches ? 'Playback is off because your system asks for reduced motion; use the slider' : 'Step through the dates';
  };
  reduce.addEventListener?.('change', applyMotion, { signal });
  applyMotion();
  show(stops.length);
  box.append(label, range, output, play);
  const undated = buildUndated(reader, uid, signal);
  if (undated) box.append(undated.element);
  if (!stops.length) box.hidden = true;
  return {
    element: box,
    stop,
    sync: () => {
      undated?.sync();
      const d = reader.filter.date;
      const i = d ? stops.findIndex((s) => s.label === d) : -1;
      // A date from a link that is no stop: the last stop on or before it.
      show(i >= 0 ? i : d ? Math.max(0, stops.filter((s) => s.day <= reader.dayOf(d)).length - 1) : stops.length);
    },
  };
}
