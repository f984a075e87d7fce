// Deep links: the URL hash holds what the reader is looking at, e.g.
//   #sel=huawei&view=120.5,-40.2,1.25&hide=owns,position&date=2023-09-27&path=a~b
// sel     the selected entity's id (rel: a relation's index instead)
// view    centre x, y (world units) and zoom, once the reader moved the view
// hide    relation types hidden; hidekind: entity kinds; hidesrc: source ids
// date    the as-of date; near: steps around the selection
// path    "How is A tied to B?" as from~to entity ids; pi: which path (from 0)
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

/** The hash for the widget's current state ('' when there is nothing to say). */
export function encodeState(w) {
  const p = [];
  const ids = (e) => w.entities[e].id;
  const sel = w.selected;
  if (sel?.kind === 'entity') p.push(['sel', ids(sel.index)]);
  else if (sel?.kind === 'relation') p.push(['rel', String(sel.index)]);
  if (w.userMoved) {
    const [cx, cy] = w.camera.toWorld(w.width / 2, w.height / 2);
    p.push(['view', `${round(cx, 1)},${round(cy, 1)},${Number(w.camera.zoom.toPrecision(4))}`]);
  }
  const f = w.reader.filter;
  const list = (set) => [...set].sort().join(',');
  if (f.hiddenTypes.size) p.push(['hide', list(f.hiddenTypes)]);
  if (f.hiddenKinds.size) p.push(['hidekind', list(f.hiddenKinds)]);
  if (f.hiddenSources.size) p.push(['hidesrc', list(f.hiddenSources)]);
  if (f.date) p.push(['date', f.date]);
  if (f.near) p.push(['near', String(f.near)]);
  const path = w.reader.path;
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
      near: Math.max(0, Math.min(2, Number(q.get('near')) || 0)),
    },
    path: from && to ? { from, to, index: Math.max(0, Number(q.get('pi')) || 0) } : null,
  };
}

export function attachDeepLink(w) {
  let applying = false;
  let last = location.hash;
  let viewTimer = null;

  const write = (mode) => {
    if (applying) return;
    const hash = encodeState(w);
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
      const e = s.sel ? w.handle.find(s.sel) : undefined;
      if (e !== undefined) w.select('entity', e, { fromHistory: true });
      else if (s.rel !== null && s.rel >= 0 && s.rel < w.handle.edgeCount) w.select('relation', s.rel, { fromHistory: true });
      else if (w.selected) w.select('', 0, { fromHistory: true });
      w.reader.setFilter(s.filter, { fromHistory: true });
      const [a, b] = s.path ? [w.handle.find(s.path.from), w.handle.find(s.path.to)] : [];
      if (a !== undefined && b !== undefined) w.reader.findPaths(a, b, { index: s.path.index, fromHistory: true });
      else w.reader.clearPath({ fromHistory: true });
      if (s.view) w.setView(...s.view);
      else if (w.userMoved) w.fit();
    } finally {
      applying = false;
      last = location.hash;
    }
  };

  const onNavigate = () => {
    if (location.hash === last) return;
    last = location.hash;
    w.guard(() => apply(decodeState(location.hash)));
  };

  w.on('select', (d) => d.fromHistory || write('push'));
  w.on('path', (d) => d.fromHistory || write('push'));
  w.on('filter', (d) => d.fromHistory || write('replace'));
  w.on('view', () => {
    clearTimeout(viewTimer);
    viewTimer = setTimeout(() => write('replace'), VIEW_DEBOUNCE_MS);
  });
  window.addEventListener('popstate', onNavigate);
  window.addEventListener('hashchange', onNavigate);
  if (location.hash.length > 1) apply(decodeState(location.hash));
  return () => {
    clearTimeout(viewTimer);
    window.removeEventListener('popstate', onNavigate);
    window.removeEventListener('hashchange', onNavigate);
  };
}
