// Deep links: the URL hash holds what the reader is looking at, e.g.
//   #sel=huawei&view=120.5,-40.2,1.25&hide=owns,position&date=2023-09-27&path=a~b
// sel     the selected entity's id (rel: a relation's index instead)
// view    centre x, y (world units) and zoom, once the reader moved the view
// hide    relation types hidden; hidekind: entity kinds; hidesrc: source ids
// date    the as-of date; undated=1 also shows relations whose date is not stated;
//         near: steps around the selection
// path    "How is A tied to B?" as from~to entity ids; pi: which path (from 0)
// step    a story step (from 1): #step=3 alone while the reader has changed
//         nothing since the step, which then says it all (its selection,
//         filter, path, highlights and camera)
// Opening such a link restores it all. Selection and path changes push a
// history entry (Back returns to the previous one); view, filter and date
// changes replace the current entry. Only the demo page turns this on: an
// embedded map must not take over its host page's address.

const VIEW_DEBOUNCE_MS = 250;

function enc(value) {
  return encodeURIComponent(value).replace(/%2C/gi, ',');
}

function round(v, digits) {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** The hash for a state ('' when there is nothing to say): `sel` the selection, `viewport` the view, `reader` filter and path, `ids(e)` an entity's id; `step` a story step (from 1) that says it all. */
export function encodeState({ sel, viewport, reader, ids, step = 0 }) {
  if (step > 0) return `#step=${step}`;
  const p = [];
  if (sel?.kind === 'entity') p.push(['sel', ids(sel.index)]);
  else if (sel?.kind === 'relation') p.push(['rel', String(sel.index)]);
  if (viewport.userMoved) {
    const [cx, cy] = viewport.camera.toWorld(viewport.width / 2, viewport.height / 2);
    p.push(['view', `${round(cx, 1)},${round(cy, 1)},${Number(viewport.camera.zoom.toPrecision(4))}`]);
  }
  const f = reader.filter;
  const list = (set) => [...set].sort().join(',');
  if (f.hiddenTypes.size) p.push(['hide', list(f.hiddenTypes)]);
  if (f.hiddenKinds.size) p.push(['hidekind', list(f.hiddenKinds)]);
  if (f.hiddenSources.size) p.push(['hidesrc', list(f.hiddenSources)]);
  if (f.date) p.push(['date', f.date]);
  if (f.undated) p.push(['undated', '1']);
  if (f.near) p.push(['near', String(f.near)]);
  const path = reader.path;
  if (path) {
    p.push(['path', `${ids(path.from)}~${ids(path.to)}`]);
    if (path.index > 0) p.push(['pi', String(path.index)]);
  }
  return p.length ? `#${p.map(([k, v]) => `${k}=${enc(v)}`).join('&')}` : '';
}

/** Parses a hash into {sel, rel, view, filter, path}; unknown or bad parts are ignored. */
export function decodeState(hash) {
  const q = new URLSearchParams(hash.replace(/^#/, ''));
  const set = (key) => new Set((q.get(key) || '').split(',').filter(Boolean));
  const view = (q.get('view') || '').split(',').map(Number);
  const [from, to] = (q.get('path') || '').split('~');
  return {
    sel: q.get('sel'),
    rel: q.has('rel') ? Number(q.get('rel')) : null,
    view: view.length === 3 && view.every(Number.isFinite) && view[2] > 0 ? view : null,
    filter: {
      hiddenTypes: set('hide'),
      hiddenKinds: set('hidekind'),
      hiddenSources: set('hidesrc'),
      date: q.get('date') || null,
      undated: q.get('undated') === '1',
      near: Math.max(0, Math.min(2, Number(q.get('near')) || 0)),
    },
    path: from && to ? { from, to, index: Math.max(0, Number(q.get('pi')) || 0) } : null,
    step: /^\d{1,4}$/.test(q.get('step') || '') ? Number(q.get('step')) : 0,
  };
}

/**
 * Keeps the page's URL hash and the map in step: the selection (`selected()`,
 * `select`), the view and `reader`'s filter and path, told by the widget's
 * events (`on`). Listeners end with `signal`; the disposer stops a pending write.
 */
export function attachDeepLink({ handle, entities, viewport, reader, selected, select, steps, on, guard, signal }) {
  let applying = false;
  // The story step shown, while the reader has changed nothing since it (then the link is #step=N).
  let step = 0;
  let last = location.hash;
  let viewTimer = null;
  const ids = (e) => entities[e].id;

  const write = (mode) => {
    if (applying) return;
    const hash = encodeState({ sel: selected(), viewport, reader, ids, step });
    if (hash === location.hash) return;
    const url = new URL(location.href);
    url.hash = hash;
    const href = hash ? url.href : url.href.replace(/#$/, '');
    if (mode === 'push') history.pushState(history.state, '', href);
    else history.replaceState(history.state, '', href);
    last = location.hash;
  };

  const apply = (s) => {
    applying = true;
    try {
      if (s.step > 0 && steps.goTo?.(s.step - 1, { fromHistory: true, instant: true })) {
        step = s.step;
        return;
      }
      step = 0;
      const e = s.sel ? handle.find(s.sel) : undefined;
      if (e !== undefined) select('entity', e, { fromHistory: true });
      else if (s.rel !== null && s.rel >= 0 && s.rel < handle.edgeCount) select('relation', s.rel, { fromHistory: true });
      else if (selected()) select(undefined, 0, { fromHistory: true });
      reader.setFilter(s.filter, { fromHistory: true });
      const [a, b] = s.path ? [handle.find(s.path.from), handle.find(s.path.to)] : [];
      if (a !== undefined && b !== undefined) reader.findPaths(a, b, { index: s.path.index, fromHistory: true });
      else reader.clearPath({ fromHistory: true });
      if (s.view) viewport.setView(...s.view);
      else if (viewport.userMoved) viewport.fit();
    } finally {
      applying = false;
      last = location.hash;
    }
  };

  const onNavigate = () => {
    if (location.hash === last) return;
    last = location.hash;
    guard(() => apply(decodeState(location.hash)));
  };

  // A change of the reader's own ends the step's say in the link.
  const own = (mode) => (d) => {
    if (d.fromHistory) return;
    step = 0;
    write(mode);
  };
  on('step', (d) => {
    if (d.fromHistory) return;
    step = d.index + 1;
    write('push');
  });
  on('select', own('push'));
  on('path', own('push'));
  on('filter', own('replace'));
  on('view', () => {
    clearTimeout(viewTimer);
    viewTimer = setTimeout(() => write('replace'), VIEW_DEBOUNCE_MS);
  });
  window.addEventListener('popstate', onNavigate, { signal });
  window.addEventListener('hashchange', onNavigate, { signal });
  if (location.hash.length > 1) apply(decodeState(location.hash));
  return { dispose: () => clearTimeout(viewTimer) };
}
