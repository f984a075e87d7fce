// The widget: a canvas map with the reader's controls, toolbar, legend,
// details panel and text view in a container (mount.js mounts it), wired
// from the wasm handle to drawing and input. Domain logic (picking, emphasis, labels,
// sentences, search, filters, paths, keyboard order) is in Rust; this file
// only draws and routes events.
//
// It loads in two steps, so a phone shows the map after a small download:
// the first frame comes from the small first-frame module (boot.js, a
// PaintHandle); then `upgrade` loads the full module and the reader's parts
// (interactive.js: controls, text view, keyboard, input, deep links)
// and hands the map over to a MapHandle, keeping the view.
import { showError } from './boot.js';
import { Camera, MIN_ZOOM, MAX_ZOOM, FIT_MAX_ZOOM } from './camera.js';
import { Views } from './views.js';
import { drawFrame, LABEL_FONT, LABEL_LINE_PX } from './render.js';
import { buildFrame } from './frame.js';
import { labelWidths } from './label-widths.js';

let nextId = 0;
/** Showing some entities (a path) zooms in until the largest is drawn this big (CSS px radius), no further. */
const MAX_FOCUS_RADIUS = 24;

export class Widget {
  /** Draws `handle` (a PaintHandle or a MapHandle) at once; `upgrade` makes it interactive. */
  constructor(container, handle, memory, { deepLink = false, layout = null } = {}) {
    this.uid = `am${++nextId}`;
    this.layout = layout;
    this.userMoved = false;
    this.active = false;
    this.container = container;
    this.handle = handle;
    this.views = new Views(handle, memory);
    this.camera = new Camera();
    this.names = handle.labels();
    this.selected = null;
    this.labelCount = 0;
    this.labelCamera = null;
    this.lastDrawn = { nodes: 0, edges: 0, labels: 0 };
    this.listeners = {};
    this.deepLink = deepLink;
    this.buildDom();
    this.measureLabels();
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(this.stage);
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
    if (this.failed) {
      // Destroyed meanwhile (a newer mount): nothing takes this map over.
      this.handle.free();
      return;
    }
    const handle = data ? parts.MapHandle.fromBytes(data) : parts.MapHandle.seed();
    const preview = this.handle;
    // Laid out in the worker (--no-layout): the same positions, no second layout.
    if (handle.needsLayout()) handle.setPositions(this.views.refresh().positions);
    this.handle = handle;
    this.views = new Views(handle, wasm.memory);
    preview.free();
    this.parts = parts;
    // Phones: the bottom sheet and cooperative gestures (sheet.js).
    Object.assign(this, parts.sheetMethods);
    this.entities = handle.entities();
    this.handle.setLabelWidths(this.labelWidths);
    this.reader = new parts.Reader(this);
    this.controls = parts.buildControls(this);
    this.controlsSlot.replaceWith(this.controls.element);
    this.textView = new parts.TextView(this);
    this.controls.textButton.setAttribute('aria-controls', this.textView.section.id);
    this.container.append(this.textView.section);
    this.keyboard = parts.attachKeyboard(this);
    this.detachInput = parts.attachInput(this.canvas, this);
    this.detachDeepLink = this.deepLink ? parts.attachDeepLink(this) : null;
    for (const b of this.exportButtons) b.disabled = false;
    this.settle();
  }

  on(kind, fn) {
    (this.listeners[kind] ||= []).push(fn);
  }

  emit(kind, detail = {}) {
    for (const fn of this.listeners[kind] || []) fn(detail);
  }

  buildDom() {
    buildFrame(this);
  }

  /** Says `text` in the live region (repeated text is said again). */
  announce(text) {
    this.live.textContent = this.live.textContent === text ? `${text}\u00a0` : text;
  }

  canvasFocused() {
    return this.container.getRootNode().activeElement === this.canvas;
  }

  meta() {
    return [this.handle.title, this.handle.description];
  }

  measureLabels() {
    const widths = labelWidths(this.canvas.getContext('2d'), LABEL_FONT, this.names, this.views.refresh().radii);
    this.labelWidths = widths;
    this.handle.setLabelWidths(widths);
  }

  resize() {
    const rect = this.stage.getBoundingClientRect();
    const width = Math.max(rect.width, 1);
    const height = Math.max(rect.height, 1);
    const dpr = Math.min(window.devicePixelRatio || 1, 3);
    const first = !this.width;
    // Keep the world point at the centre of the view where it was.
    const [cx, cy] = first ? [0, 0] : this.camera.toWorld(this.width / 2, this.height / 2);
    this.width = width;
    this.height = height;
    this.dpr = dpr;
    this.canvas.width = Math.round(width * dpr);
    this.canvas.height = Math.round(height * dpr);
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
    if (first || !this.userMoved) this.fitView();
    else {
      this.camera.centreOn(cx, cy, width, height);
      this.settle();
    }
  }

  /** Fits the whole map (the Fit button): later resizes keep fitting it. */
  fit() {
    this.userMoved = false;
    this.fitView();
  }

  fitView() {
    this.fitWhole(this.camera);
    this.settle();
  }

  /** Sets `camera` to show the whole map (what Fit shows). */
  fitWhole(camera) {
    camera.fit(this.handle.bounds(), this.width, this.height, 24, FIT_MAX_ZOOM);
  }

  /**
   * Fits some entities in the part of the map right of `left` px and below
   * `top` px (an open dropdown covers the rest), zooming in at most 4x the
   * whole map's fit and only until the largest of them is drawn
   * MAX_FOCUS_RADIUS px in radius: a path of three entities is shown in its
   * surroundings, not as 80 px discs.
   */
  fitEntities(list, { left = 0, top = 0 } = {}) {
    const v = this.views.refresh();
    if (!list.length) return;
    let [x0, y0, x1, y1, rMax] = [Infinity, Infinity, -Infinity, -Infinity, 1];
    for (const e of list) {
      const [x, y, r] = [v.positions[2 * e], v.positions[2 * e + 1], v.radii[e]];
      [x0, y0, x1, y1] = [Math.min(x0, x - r), Math.min(y0, y - r), Math.max(x1, x + r), Math.max(y1, y + r)];
      rMax = Math.max(rMax, r);
    }
    const b = [x0, y0, x1, y1];
    const dx = Math.min(Math.max(left, 0), this.width * 0.6);
    const dy = Math.min(Math.max(top, 0), this.height * 0.6);
    const [w, h] = [this.width - dx, this.height - dy];
    const whole = new Camera();
    this.fitWhole(whole);
    const cap = Math.min(4 * whole.zoom, Math.max(whole.zoom, MAX_FOCUS_RADIUS / rMax));
    this.camera.fit(b, w, h, 48);
    if (this.camera.zoom > cap) {
      this.camera.zoom = cap;
      this.camera.centreOn((b[0] + b[2]) / 2, (b[1] + b[3]) / 2, w, h);
    }
    this.camera.x -= dx / this.camera.zoom;
    this.camera.y -= dy / this.camera.zoom;
    this.userMoved = true;
    this.emitView();
    this.settle();
  }

  zoomCentre(factor) {
    this.zoomAround(this.width / 2, this.height / 2, factor);
    this.settle();
  }

  panBy(dx, dy) {
    this.userMoved = true;
    this.camera.panBy(dx, dy);
    this.emitView();
    this.requestDraw();
  }

  zoomAround(x, y, factor) {
    this.userMoved = true;
    this.camera.zoomAround(x, y, factor);
    this.emitView();
    this.requestDraw();
  }

  /** Re-places labels for the current view (after a gesture ends). */
  settle() {
    this.labelCamera = null;
    this.requestDraw();
  }

  settleSoon() {
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => this.settle(), 120);
  }

  emitView() {
    const { x, y, zoom } = this.camera;
    this.container.dispatchEvent(new CustomEvent('viewchange', { bubbles: true, composed: true, detail: { x, y, zoom } }));
    this.emit('view');
  }

  /** The view as it is, to put back later with restoreView (Clear after Find). */
  saveView() {
    const { x, y, zoom } = this.camera;
    return { x, y, zoom, userMoved: this.userMoved };
  }

  restoreView(saved) {
    Object.assign(this.camera, { x: saved.x, y: saved.y, zoom: saved.zoom });
    this.userMoved = saved.userMoved;
    this.emitView();
    this.settle();
  }

  /** Shows world point (cx, cy) at the centre at `zoom` (a deep link's view). */
  setView(cx, cy, zoom) {
    this.userMoved = true;
    this.camera.zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
    this.camera.centreOn(cx, cy, this.width, this.height);
    this.emitView();
    this.settle();
  }

  revealEntity(e) {
    this.reveal('entity', e, true);
  }

  /** Centres an entity or a relation's midpoint (with `onlyIfHidden`, only when off screen). */
  reveal(kind, index, onlyIfHidden) {
    const v = this.views.refresh();
    const ends = kind === 'entity' ? [index, index] : [v.edgeEnds[2 * index], v.edgeEnds[2 * index + 1]];
    const x = (v.positions[2 * ends[0]] + v.positions[2 * ends[1]]) / 2;
    const y = (v.positions[2 * ends[0] + 1] + v.positions[2 * ends[1] + 1]) / 2;
    const sx = (x - this.camera.x) * this.camera.zoom;
    const sy = (y - this.camera.y) * this.camera.zoom;
    const margin = 24;
    if (onlyIfHidden && sx > margin && sy > margin && sx < this.width - margin && sy < this.height - margin) return;
    this.userMoved = true;
    this.camera.centreOn(x, y, this.width, this.height);
    this.emitView();
    this.settle();
  }

  /** A search result was chosen: centre and select it, and give the map the keyboard focus. */
  chooseEntity(e) {
    // On a phone the search box may be all that is on screen: bring the map up first.
    if (this.isNarrow()) this.stage.scrollIntoView({ block: 'start' });
    this.select('entity', e, { centre: true });
    this.canvas.focus({ preventScroll: true });
    this.announce(`${this.keyboard.describe(e)}. Selected, details open. Arrow keys go through its neighbours.`);
  }

  pickAt(x, y, tolerancePx) {
    const [wx, wy] = this.camera.toWorld(x, y);
    return this.handle.pick(wx, wy, tolerancePx / this.camera.zoom);
  }

  hoverAt(x, y) {
    this.guard(() => this.hoverAtUnguarded(x, y));
  }

  hoverAtUnguarded(x, y) {
    const hit = this.pickAt(x, y, 4);
    const changed = hit ? this.handle.hover(hit.kind, hit.index) : this.handle.hover('', 0);
    this.canvas.style.cursor = hit ? 'pointer' : 'grab';
    if (changed) this.settle();
  }

  clickAt(x, y, pointerType) {
    this.guard(() => this.clickAtUnguarded(x, y, pointerType));
  }

  clickAtUnguarded(x, y, pointerType) {
    // Touch gets a 44 px target whatever the zoom; mice need less.
    const hit = this.pickAt(x, y, pointerType === 'touch' ? 22 : 6);
    if (hit) this.select(hit.kind, hit.index);
    else this.select('', 0);
  }

  /** Selects an entity or relation (kind '' clears) and shows its details. */
  select(kind, index, options) {
    this.guard(() => this.selectUnguarded(kind, index, options));
  }

  selectUnguarded(kind, index, { fromHistory = false, centre = false } = {}) {
    const focusWasInPanel = this.panel.contains(document.activeElement) || this.panel.contains(this.container.getRootNode().activeElement);
    const isNew = kind !== this.selected?.kind || index !== this.selected?.index;
    this.handle.select(kind, index);
    if (!kind) {
      this.selected = null;
      this.panel.hidden = true;
      this.panel.replaceChildren();
      this.closeSheet(fromHistory);
      this.sheetClosed();
      if (focusWasInPanel) this.canvas.focus({ preventScroll: true });
    } else {
      const details = this.handle.details(kind, index);
      // The title as read: a relation's names come isolated (src/sentence.rs), the panel makes them <bdi>s.
      this.selected = { kind, index, title: details.title.replace(/[\u2068\u2069]/g, '') };
      this.parts.renderDetails(this.panel, details, (k, i) => this.select(k, i), this.uid);
      // A new selection starts at its title and close button, not where the last one was scrolled to.
      if (isNew) this.panel.scrollTop = 0;
      this.openSheet();
      // Re-rendering removed the focused control: keep keyboard users in the panel.
      if (focusWasInPanel) this.panel.querySelector('.panel-title').focus({ preventScroll: true });
    }
    if (kind && centre) this.reveal(kind, index, centre === 'if-hidden');
    if (kind) this.keepClearOfSheet(kind, index);
    this.reader.selectionChanged();
    this.container.dispatchEvent(new CustomEvent('select', { bubbles: true, composed: true, detail: this.selected }));
    this.emit('select', { fromHistory });
    this.settle();
  }

  /**
   * Stops observers, timers and listeners and frees the wasm handle (the
   * element calls it when it reloads or leaves the page). A widget
   * destroyed while `upgrade` loads is freed there instead.
   */
  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.failed = true;
    this.resizeObserver.disconnect();
    clearTimeout(this.settleTimer);
    clearTimeout(this.hintTimer);
    window.removeEventListener('popstate', this.onPopState);
    this.detachInput?.();
    this.detachDeepLink?.();
    this.keyboard?.detach();
    this.controls?.detach();
    if (this.parts) this.handle.free();
  }

  requestDraw() {
    if (this.frameRequested) return;
    this.frameRequested = true;
    requestAnimationFrame(() => {
      this.frameRequested = false;
      this.draw();
    });
  }

  /** Runs `fn`; a failure inside the wasm (a trap) replaces the map with its message. */
  guard(fn) {
    if (this.failed) return undefined;
    try {
      return fn();
    } catch (err) {
      this.failed = true;
      this.resizeObserver.disconnect();
      showError(this.container, err);
      return undefined;
    }
  }

  draw() {
    this.guard(() => this.drawUnguarded());
  }

  drawUnguarded() {
    const cam = this.camera;
    if (!this.labelCamera || this.labelCamera.zoom !== cam.zoom) {
      this.labelCount = this.handle.placeLabels(cam.x, cam.y, cam.zoom, this.width, this.height, LABEL_LINE_PX);
      this.labelCamera = { x: cam.x, y: cam.y, zoom: cam.zoom };
    }
    // After placing labels: that may grow wasm memory, which detaches older views.
    const v = this.views.refresh();
    // While panning, shift the last placement instead of recomputing it.
    const labels = this.views.labels(this.labelCount).slice();
    const dx = (this.labelCamera.x - cam.x) * cam.zoom;
    const dy = (this.labelCamera.y - cam.y) * cam.zoom;
    for (let k = 0; k < labels.length; k += 3) {
      labels[k + 1] += dx;
      labels[k + 2] += dy;
    }
    const ctx = this.canvas.getContext('2d');
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    this.lastDrawn = drawFrame(ctx, v, cam, this.width, this.height, labels, this.names, this.theme(), this.keyboard ? this.keyboard.ring() : -1);
    if (!this.firstFrameMarked) {
      // For benchmarks and monitoring: when the map first showed (performance timeline).
      this.firstFrameMarked = true;
      performance.mark('alliance-map:first-frame', { detail: { nodes: this.lastDrawn.nodes } });
    }
    this.shownLabels = [];
    for (let k = 0; k < labels.length; k += 3) this.shownLabels.push(this.names[labels[k]]);
  }

  theme() {
    const s = getComputedStyle(this.container);
    const get = (name, fallback) => s.getPropertyValue(name).trim() || fallback;
    return { background: get('--_bg', '#ffffff'), text: get('--_text', '#1a1a1a'), focus: get('--_focus', '#111111') };
  }

  /** Downloads the current view as 'svg' or 'png' (the toolbar's buttons, enabled by `upgrade`). */
  exportView(format) {
    if (this.parts) this.guard(() => this.parts.exportView(this, format, LABEL_LINE_PX));
  }

  /** Screen position (page CSS px) of an entity by id, for tests and tours. */
  entityScreenPosition(id) {
    return this.parts.screenPosition(this, id);
  }

  /** What the widget shows, for tests: counts, view, drawn items, labels, selection, reading state. */
  state() {
    return this.parts.widgetState(this);
  }

  /** Positions and radii of every entity (world units), for tests. */
  geometry() {
    return this.parts.geometry(this);
  }
}

