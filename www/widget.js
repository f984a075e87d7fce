// The widget: a canvas map in a container (mount.js mounts it), with the
// reader's parts around it. It owns the wasm handle, the frame (frame.js),
// the viewport (viewport.js), the drawing, the events its parts talk
// through, and their teardown: one AbortController ends every listener,
// the parts' disposers the rest, and destroy() frees the handle. Domain
// logic (picking, emphasis, labels, sentences, search, filters, paths,
// keyboard order) is in Rust; this file only draws and routes.
//
// It loads in two steps, so a phone shows the map after a small download:
// the first frame comes from the small first-frame module (boot.js, a
// PaintHandle); then `upgrade` loads the full module and the reader's parts
// (interactive.js; parts.js creates them) and hands the map over to a
// MapHandle, keeping the view.
import { showError } from './boot.js';
import { Views, LABEL_STRIDE } from './views.js';
import { Viewport } from './viewport.js';
import { drawFrame, LABEL_FONT, LABEL_LINE_PX } from './render.js';
import { buildFrame } from './frame.js';
import { labelWidths } from './label-widths.js';

let nextId = 0;

export class Widget {
  /** Draws `handle` (a PaintHandle or a MapHandle) at once; `upgrade` makes it interactive. */
  constructor(container, handle, memory, { deepLink = false, layout = null } = {}) {
    this.uid = `am${++nextId}`;
    this.container = container;
    this.handle = handle;
    this.deepLink = deepLink;
    this.layout = layout;
    this.destroyed = false;
    // Every listener of the widget and its parts takes this controller's signal.
    this.abort = new AbortController();
    this.disposers = [];
    this.listeners = {};
    this.views = new Views(handle, memory);
    this.names = handle.labels();
    // What the placed labels say: the names, then a story step's notes (placed labels from nodeCount on).
    this.drawNames = this.names;
    this.labelCamera = null;
    this.lastDrawn = { nodes: 0, edges: 0, labels: 0 };
    this.viewport = this.own(new Viewport(() => this.handle.bounds(), (settled) => this.draw(settled), () => this.emitView()));
    this.camera = this.viewport.camera;
    this.dom = this.own(
      buildFrame({
        container,
        handle,
        uid: this.uid,
        signal: this.abort.signal,
        zoom: (factor) => this.viewport.zoomCentre(factor),
        fit: () => this.viewport.fit(),
        exportView: (format) => this.exportView(format),
        resize: () => this.resize(),
      }),
    );
    // For tests and tools: the canvas and the panel (not public: see mount.d.ts).
    ({ canvas: this.canvas, panel: this.panel } = this.dom);
    this.viewport.topBand = () => {
      const [stage, bar] = [this.dom.stage.getBoundingClientRect(), this.dom.toolbar.getBoundingClientRect()];
      return bar.height > 0 ? bar.bottom - stage.top : 0;
    };
    this.measureLabels();
    this.resize();
  }

  /**
   * Loads the full module and the reader's parts, and hands the map over to
   * a MapHandle of the same data (`data`: the compiled bytes, or null for
   * the seed). The view, the drawing and the DOM around it stay.
   */
  async upgrade(data) {
    const parts = await import('./interactive.js');
    const wasm = await parts.loadFull();
    // Destroyed meanwhile (a newer mount), or failed: nothing takes this map over.
    if (this.stopped) return this.destroy();
    this.takeOver(data ? parts.MapHandle.fromBytes(data) : parts.MapHandle.seed(), wasm.memory);
    this.parts = parts.attachParts(this.seams());
    // For tests and tools (not public: see mount.d.ts).
    ({ entities: this.entities, reader: this.reader, controls: this.controls } = this.parts);
    this.viewport.settle();
  }

  /** Draws from `handle` (a MapHandle of the same data) instead of the first frame's, which is freed. */
  takeOver(handle, memory) {
    // Laid out in the worker (--no-layout): the same positions, no second layout.
    if (handle.needsLayout()) handle.setPositions(this.views.refresh().positions);
    const preview = this.handle;
    this.handle = handle;
    this.views = new Views(handle, memory);
    preview.free();
    handle.setLabelWidths(this.labelWidths);
  }

  /** What the reader's parts get from the widget (parts.js takes it apart). */
  seams() {
    const { handle, views, viewport, dom, uid, container, deepLink, layout } = this;
    return {
      handle,
      views,
      viewport,
      dom,
      uid,
      container,
      deepLink,
      layout,
      signal: this.abort.signal,
      on: (kind, fn) => this.on(kind, fn),
      emit: (kind, detail) => this.emit(kind, detail),
      guard: (fn) => this.guard(fn),
      own: (part) => this.own(part),
      pick: (x, y, tolerancePx) => this.pickAt(x, y, tolerancePx),
      theme: () => this.theme(),
      drawn: () => ({ items: this.lastDrawn, labels: this.shownLabels || [] }),
      showNotes: (widths, texts) => this.showNotes(widths, texts),
    };
  }

  /** Takes `part`'s disposer (if it has one) for destroy(); returns the part. */
  own(part) {
    if (part.dispose) this.disposers.push(() => part.dispose());
    return part;
  }

  /** Listens to one of the widget's events (see parts.js) until the widget stops. */
  on(kind, fn) {
    (this.listeners[kind] ||= []).push(fn);
  }

  emit(kind, detail = {}) {
    for (const fn of this.listeners[kind] || []) fn(detail);
  }

  meta() {
    return { title: this.handle.title, description: this.handle.description };
  }

  measureLabels() {
    const widths = labelWidths(this.canvas.getContext('2d'), LABEL_FONT, this.names, this.views.refresh().radii);
    this.labelWidths = widths;
    this.handle.setLabelWidths(widths);
  }

  /** Sizes the canvas to the stage (at most 3 device pixels a CSS pixel) and tells the viewport. */
  resize() {
    const rect = this.dom.stage.getBoundingClientRect();
    const width = Math.max(rect.width, 1);
    const height = Math.max(rect.height, 1);
    this.dpr = Math.min(window.devicePixelRatio || 1, 3);
    this.canvas.width = Math.round(width * this.dpr);
    this.canvas.height = Math.round(height * this.dpr);
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
    this.viewport.resize(width, height);
  }

  emitView() {
    const { x, y, zoom } = this.camera;
    this.container.dispatchEvent(new CustomEvent('viewchange', { bubbles: true, composed: true, detail: { x, y, zoom } }));
    this.emit('view');
  }

  /** What is under (x, y) on the canvas (CSS px) within `tolerancePx`: {kind, index} or null. */
  pickAt(x, y, tolerancePx) {
    const [wx, wy] = this.camera.toWorld(x, y);
    return this.handle.pick(wx, wy, tolerancePx / this.camera.zoom);
  }

  /** Selects an entity or relation (kind '' clears) and shows its details. */
  select(kind, index, options) {
    this.parts?.select(kind, index, options);
  }

  /** Fits the whole map (what the Fit button does). */
  fit() {
    this.viewport.fit();
  }

  /** How many steps the map's story has (0: none). */
  get stepCount() {
    return this.handle.stepCount;
  }

  /** The story step shown (from 1), or 0 for none. */
  get currentStep() {
    return this.parts?.steps.goTo ? this.parts.steps.current() + 1 : 0;
  }

  /** Shows story step `n` (from 1; 0: back to the whole map); false if there is no such step. */
  step(n, options) {
    return Boolean(this.parts?.steps.goTo?.(n - 1, options));
  }

  /** Puts the keyboard focus in the search box; false before the controls have loaded. */
  focusSearch() {
    this.parts?.focusSearch();
    return Boolean(this.parts);
  }

  /** Whether the map takes one-finger and wheel gestures (input.js: cooperative gestures). */
  get active() {
    return Boolean(this.parts?.isActive());
  }

  /** The stage's size, CSS px (for tests and tools). */
  get width() {
    return this.viewport.width;
  }

  get height() {
    return this.viewport.height;
  }

  /**
   * Ends every listener, observer and timer of the widget and its parts, and
   * frees the wasm handle (the element calls it when it reloads or leaves the
   * page). The DOM stays until the container's next map replaces it (but
   * for the list of entities inside the map, entity-list.js, which goes).
   */
  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.stop();
    this.handle.free();
    if (this.container.allianceMap === this) delete this.container.allianceMap;
  }

  /** Stops listening and drawing: on destroy, and when the wasm fails (the handle is kept until destroy). */
  stop() {
    if (this.stopped) return;
    this.stopped = true;
    this.abort.abort();
    for (const dispose of this.disposers.reverse()) dispose();
    this.listeners = {};
  }

  /** Runs `fn`; a failure inside the wasm (a trap) replaces the map with its message. */
  guard(fn) {
    if (this.stopped) return undefined;
    try {
      return fn();
    } catch (err) {
      this.stop();
      showError(this.container, err);
      return undefined;
    }
  }

  /** The boxes of what is drawn over the canvas (the toolbar, the story bar), in canvas CSS px, [x0, y0, x1, y1] each (x0 NaN: none): no label goes there. */
  overMap() {
    const canvas = this.canvas.getBoundingClientRect();
    const pad = 4; // the label's halo
    return [this.dom.toolbar, this.dom.stepsBar].flatMap((el) => {
      const r = el?.getBoundingClientRect();
      if (!r || r.width === 0) return [NaN, 0, 0, 0];
      return [r.left - canvas.left - pad, r.top - canvas.top - pad, r.right - canvas.left + pad, r.bottom - canvas.top + pad];
    });
  }

  /** Draws a frame; `settled`: the view has stopped moving, so the labels are placed anew. */
  draw(settled) {
    this.guard(() => this.drawUnguarded(settled));
  }

  drawUnguarded(settled) {
    const cam = this.camera;
    const { width, height } = this.viewport;
    if (settled || !this.labelCamera || this.labelCamera.zoom !== cam.zoom) {
      this.labelCount = this.handle.placeLabels(cam.x, cam.y, cam.zoom, width, height, LABEL_LINE_PX, ...this.overMap());
      this.labelCamera = { x: cam.x, y: cam.y, zoom: cam.zoom };
    }
    // After placing labels: that may grow wasm memory, which detaches older views.
    const v = this.views.refresh();
    // While panning, shift the last placement instead of recomputing it.
    const labels = this.views.labels(this.labelCount).slice();
    const dx = (this.labelCamera.x - cam.x) * cam.zoom;
    const dy = (this.labelCamera.y - cam.y) * cam.zoom;
    for (let k = 0; k < labels.length; k += LABEL_STRIDE) {
      for (let c = 1; c < LABEL_STRIDE; c += 2) {
        labels[k + c] += dx;
        labels[k + c + 1] += dy;
      }
    }
    const ctx = this.canvas.getContext('2d');
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    this.lastDrawn = drawFrame(ctx, v, cam, width, height, labels, this.drawNames, this.theme(), this.parts ? this.parts.ring() : -1);
    if (!this.firstFrameMarked) {
      // For benchmarks and monitoring: when the map first showed (performance timeline).
      this.firstFrameMarked = true;
      performance.mark('alliance-map:first-frame', { detail: { nodes: this.lastDrawn.nodes } });
    }
    this.shownLabels = [];
    // As one line, the way the name reads (a long label is drawn on two).
    for (let k = 0; k < labels.length; k += LABEL_STRIDE) this.shownLabels.push(this.drawNames[labels[k]].replace('\n', ' '));
  }

  /**
   * A story step's notes, for the label pass to place and the canvas to
   * draw: `show(widths)` hands the wasm their measured widths (`texts`: what
   * each says). Once per step, so the names are copied once, not per frame.
   */
  showNotes(show, texts) {
    const ctx = this.canvas.getContext('2d');
    ctx.font = LABEL_FONT;
    show(Float32Array.from(texts, (t) => ctx.measureText(t).width));
    this.drawNames = texts.length ? this.names.concat(texts) : this.names;
    this.viewport.settle();
  }

  theme() {
    const s = getComputedStyle(this.container);
    const get = (name, fallback) => s.getPropertyValue(name).trim() || fallback;
    return { background: get('--_bg', '#ffffff'), text: get('--_text', '#1a1a1a'), focus: get('--_focus', '#111111') };
  }

  /** Downloads the current view as 'svg' or 'png' (the toolbar's buttons, enabled by `upgrade`). */
  exportView(format) {
    if (this.parts) this.guard(() => this.parts.exportView(format));
  }

  /** Screen position (page CSS px) of an entity by id, for tests and tours. */
  entityScreenPosition(id) {
    return this.parts.screenPosition(id);
  }

  /** What the widget shows, for tests: counts, view, drawn items, labels, selection, reading state. */
  state() {
    return this.parts.state();
  }

  /** Positions and radii of every entity (world units), for tests. */
  geometry() {
    return this.parts.geometry();
  }
}
