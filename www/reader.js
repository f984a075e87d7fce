// What the reader has narrowed the map to: hidden relation types, kinds and
// sources, an as-of date, a neighbourhood around the selection, and the
// "How is A tied to B?" paths. The wasm computes visibility, paths and
// emphasis; this only keeps the choices (by key and id, as in a link) and
// tells the widget's parts ('filter' and 'path' events) what changed.

export function emptyFilter() {
  return { hiddenTypes: new Set(), hiddenKinds: new Set(), hiddenSources: new Set(), date: null, undated: false, near: 0 };
}

const PATHS = 5;

export class Reader {
  /**
   * The reading state of `handle`'s map: `selected()` is the selection (a
   * neighbourhood follows it: the 'select' events from `on`), `emit` tells
   * of changes, `settle()` redraws.
   */
  constructor({ handle: h, views, selected, on, emit, settle }) {
    Object.assign(this, { handle: h, views, selected, emit, settle });
    this.counts = h.counts();
    this.stops = h.timeline();
    this.typeIndex = new Map(this.counts.relationTypes.map((t) => [t.key, t.index]));
    this.kindIndex = new Map(this.counts.kinds.map((k) => [k.key, k.index]));
    this.sourceIndex = new Map(this.counts.sources.map((s) => [s.id, s.index]));
    this.filter = emptyFilter();
    this.path = null; // {from, to, view: {paths, citations}, index}
    on('select', () => this.selectionChanged());
  }

  /** Number of filter choices in force (for the Filters button). */
  activeCount() {
    const f = this.filter;
    return f.hiddenTypes.size + f.hiddenKinds.size + f.hiddenSources.size + (f.near > 0 ? 1 : 0);
  }

  /** The day (YYYYMMDD) of a date label: a timeline stop, or any YYYY[-MM[-DD]]. */
  dayOf(label) {
    const stop = this.stops.find((s) => s.label === label);
    if (stop) return stop.day;
    const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(label || '');
    return m ? Number(m[1]) * 10000 + Number(m[2] || 1) * 100 + Number(m[3] || 1) : 0;
  }

  /** Changes some filter choices (`patch` replaces fields of the filter). */
  setFilter(patch, { fromHistory = false } = {}) {
    this.filter = { ...this.filter, ...patch };
    this.apply();
    this.emit('filter', { fromHistory });
  }

  /** Sends the filter and neighbourhood to the wasm; re-finds the paths through what is shown. */
  apply() {
    const f = this.filter;
    const pick = (set, index) => [...set].map((k) => index.get(k)).filter((i) => i !== undefined);
    this.handle.setFilter(
      Uint8Array.from(pick(f.hiddenTypes, this.typeIndex)),
      Uint8Array.from(pick(f.hiddenKinds, this.kindIndex)),
      Uint32Array.from(pick(f.hiddenSources, this.sourceIndex)),
      f.date ? this.dayOf(f.date) : 0,
      Boolean(f.undated),
    );
    const sel = this.selected()?.kind === 'entity' ? this.selected().index : undefined;
    this.handle.focus(f.near > 0 ? sel : undefined, f.near);
    if (this.path) this.recomputePaths();
    this.settle();
  }

  /** The neighbourhood follows the selection (what is shown changes; the link already follows the selection). */
  selectionChanged() {
    if (this.filter.near <= 0) return;
    this.apply();
    this.emit('filter', { fromHistory: true });
  }

  /** Finds up to five paths from entity `from` to `to`, highlighting path `index`. */
  findPaths(from, to, { index = 0, fromHistory = false } = {}) {
    this.path = { from, to, view: { paths: [], citations: [] }, index };
    this.recomputePaths();
    this.settle();
    this.emit('path', { fromHistory });
  }

  recomputePaths() {
    const p = this.path;
    p.view = p.from === p.to ? { paths: [], citations: [] } : this.handle.paths(p.from, p.to, PATHS);
    if (p.index >= p.view.paths.length) p.index = 0;
    if (!p.view.paths.length) p.index = -1;
    this.handle.highlightPath(p.index >= 0 ? p.index : undefined);
  }

  /** Highlights another of the paths found. */
  highlight(index, { fromHistory = false } = {}) {
    if (!this.path || index < 0 || index >= this.path.view.paths.length) return;
    this.path.index = index;
    this.handle.highlightPath(index);
    this.settle();
    this.emit('path', { fromHistory });
  }

  clearPath({ fromHistory = false } = {}) {
    if (!this.path) return;
    this.path = null;
    this.handle.highlightPath(undefined);
    this.settle();
    this.emit('path', { fromHistory });
  }

  isShown(entity) {
    return this.views.refresh().nodeVisible[entity] === 1;
  }
}
