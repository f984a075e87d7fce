// The widget: mounts a canvas map with toolbar, legend and details panel in a
// container, and wires the wasm handle to drawing and input. Domain logic
// (picking, emphasis, labels, sentences) is in Rust; this file only draws
// and routes events.
import init, { MapHandle, lastPanic } from './pkg/alliance_map.js';
import { Camera } from './camera.js';
import { Views } from './views.js';
import { drawFrame, LABEL_FONT, LABEL_LINE_PX } from './render.js';
import { attachInput } from './input.js';
import { renderDetails, renderLegend } from './panel.js';
import { KIND_COLORS, RELATION_COLORS } from './palette.js';

let wasmReady = null;
function loadWasm() {
  wasmReady ??= init({ module_or_path: new URL('./pkg/alliance_map_bg.wasm', import.meta.url) });
  return wasmReady;
}

async function fetchCompiled(src) {
  const response = await fetch(new URL(src, document.baseURI));
  if (!response.ok) throw new Error(`could not load ${src}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Mounts a map in `container`. Resolves to the Widget, or null after showing an error. */
export async function mount(container, { src = '', bytes = null } = {}) {
  container.classList.add('alliance-map');
  container.setAttribute('aria-busy', 'true');
  try {
    const wasm = await loadWasm();
    const data = bytes || (src ? await fetchCompiled(src) : null);
    const handle = data ? MapHandle.fromBytes(data) : MapHandle.seed();
    const widget = new Widget(container, handle, wasm.memory);
    container.allianceMap = widget;
    return widget;
  } catch (err) {
    showError(container, err);
    return null;
  } finally {
    container.removeAttribute('aria-busy');
  }
}

export function showError(container, err) {
  let detail = (err && err.message) || String(err);
  try {
    detail = lastPanic() || detail;
  } catch {
    // The module itself failed to load: keep the original message.
  }
  const box = document.createElement('div');
  box.className = 'am-error';
  box.setAttribute('role', 'alert');
  const strong = document.createElement('strong');
  strong.textContent = 'This map could not be shown.';
  const p = document.createElement('p');
  p.textContent = detail;
  box.append(strong, p);
  container.replaceChildren(box);
}

function button(label, title, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.title = title;
  b.setAttribute('aria-label', title);
  b.addEventListener('click', onClick);
  return b;
}

let nextId = 0;

export class Widget {
  constructor(container, handle, memory) {
    this.uid = `am${++nextId}`;
    this.userMoved = false;
    this.active = false;
    this.container = container;
    this.handle = handle;
    this.views = new Views(handle, memory);
    this.camera = new Camera();
    this.entities = handle.entities();
    this.names = this.entities.map((e) => e.label);
    this.selected = null;
    this.labelCount = 0;
    this.labelCamera = null;
    this.lastDrawn = { nodes: 0, edges: 0, labels: 0 };
    this.buildDom();
    this.measureLabels();
    this.detachInput = attachInput(this.canvas, this);
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(this.stage);
    this.resize();
  }

  buildDom() {
    const c = this.container;
    c.replaceChildren();
    c.tabIndex = 0;
    this.stage = document.createElement('div');
    this.stage.className = 'am-stage';
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'am-canvas';
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', `Network diagram with ${this.handle.nodeCount} entities and ${this.handle.edgeCount} relations`);
    const toolbar = document.createElement('div');
    toolbar.className = 'am-toolbar';
    toolbar.setAttribute('part', 'toolbar');
    toolbar.append(
      button('+', 'Zoom in', () => this.zoomCentre(1.5)),
      button('−', 'Zoom out', () => this.zoomCentre(1 / 1.5)),
      button('Fit', 'Fit the whole map in view', () => this.fit()),
    );
    this.panel = document.createElement('aside');
    this.panel.className = 'am-panel';
    this.panel.hidden = true;
    this.panel.setAttribute('part', 'panel');
    this.panel.setAttribute('aria-labelledby', `${this.uid}-title`);
    this.panel.setAttribute('aria-live', 'polite');
    this.hint = document.createElement('div');
    this.hint.className = 'am-hint';
    this.hint.setAttribute('aria-hidden', 'true');
    this.stage.append(this.canvas, toolbar, this.hint);
    const legend = renderLegend(this.handle.legend(), KIND_COLORS, RELATION_COLORS);
    legend.setAttribute('part', 'legend');
    c.append(this.stage, this.panel, legend);
    c.addEventListener('keydown', (e) => this.onKey(e));
    c.addEventListener('focus', () => this.activate());
    this.onPopState = () => {
      if (this.sheetState && !history.state?.allianceMap) this.select('', 0, { fromHistory: true });
    };
    window.addEventListener('popstate', this.onPopState);
  }

  meta() {
    return this.handle.meta();
  }

  measureLabels() {
    const ctx = this.canvas.getContext('2d');
    ctx.font = LABEL_FONT;
    const widths = new Float32Array(this.names.length);
    this.names.forEach((name, i) => (widths[i] = Math.ceil(ctx.measureText(name).width) + 2));
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
    this.camera.fit(this.handle.bounds(), this.width, this.height);
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

  selectUnguarded(kind, index, { fromHistory = false } = {}) {
    const focusWasInPanel = this.panel.contains(document.activeElement) || this.panel.contains(this.container.getRootNode().activeElement);
    this.handle.select(kind, index);
    if (!kind) {
      this.selected = null;
      this.panel.hidden = true;
      this.panel.replaceChildren();
      this.closeSheet(fromHistory);
      if (focusWasInPanel) this.container.focus({ preventScroll: true });
    } else {
      const details = this.handle.details(kind, index);
      this.selected = { kind, index, title: details.title };
      renderDetails(this.panel, details, (k, i) => this.select(k, i), this.uid);
      this.openSheet();
      // Re-rendering removed the focused control: keep keyboard users in the panel.
      if (focusWasInPanel) this.panel.querySelector('.panel-title').focus({ preventScroll: true });
    }
    this.container.dispatchEvent(new CustomEvent('select', { bubbles: true, composed: true, detail: this.selected }));
    this.settle();
  }

  /** On narrow screens the panel is a bottom sheet; the back button closes it. */
  openSheet() {
    if (!this.isNarrow() || this.sheetState) return;
    this.sheetState = true;
    history.pushState({ ...(history.state || {}), allianceMap: this.uid }, '');
  }

  closeSheet(fromHistory) {
    if (!this.sheetState) return;
    this.sheetState = false;
    if (!fromHistory && history.state?.allianceMap === this.uid) history.back();
  }

  isNarrow() {
    return window.matchMedia('(max-width: 600px)').matches;
  }

  /** Touch readers scroll past an inactive map; a tap or two fingers wake it. */
  activate() {
    if (this.active) return;
    this.active = true;
    this.container.classList.add('am-active');
    this.showHint('');
  }

  deactivate() {
    if (!this.active) return;
    this.active = false;
    this.container.classList.remove('am-active');
  }

  showHint(text) {
    clearTimeout(this.hintTimer);
    this.hint.textContent = text;
    this.hint.classList.toggle('am-hint-shown', Boolean(text));
    if (text) this.hintTimer = setTimeout(() => this.showHint(''), 1800);
  }

  /** Stops observers and listeners (the element calls it when it reloads). */
  destroy() {
    this.failed = true;
    this.resizeObserver.disconnect();
    window.removeEventListener('popstate', this.onPopState);
    this.detachInput?.();
  }

  onKey(e) {
    const actions = {
      Escape: () => {
        this.handle.hover('', 0);
        this.select('', 0);
      },
      '+': () => this.zoomCentre(1.5),
      '=': () => this.zoomCentre(1.5),
      '-': () => this.zoomCentre(1 / 1.5),
      0: () => this.fit(),
      ArrowLeft: () => this.panBy(40, 0),
      ArrowRight: () => this.panBy(-40, 0),
      ArrowUp: () => this.panBy(0, 40),
      ArrowDown: () => this.panBy(0, -40),
    };
    const action = actions[e.key];
    // Inside the panel, only Escape is ours; arrows and +/- belong to the controls.
    if (!action || (e.key !== 'Escape' && e.target.closest('.am-panel'))) return;
    e.preventDefault();
    this.guard(action);
    this.settleSoon();
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
    const v = this.views.refresh();
    if (!this.labelCamera || this.labelCamera.zoom !== cam.zoom) {
      this.labelCount = this.handle.placeLabels(cam.x, cam.y, cam.zoom, this.width, this.height, LABEL_LINE_PX);
      this.labelCamera = { x: cam.x, y: cam.y, zoom: cam.zoom };
    }
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
    this.lastDrawn = drawFrame(ctx, v, cam, this.width, this.height, labels, this.names, this.theme());
    this.shownLabels = [];
    for (let k = 0; k < labels.length; k += 3) this.shownLabels.push(this.names[labels[k]]);
  }

  theme() {
    const s = getComputedStyle(this.container);
    const get = (name, fallback) => s.getPropertyValue(name).trim() || fallback;
    return { background: get('--_bg', '#ffffff'), text: get('--_text', '#1a1a1a'), focus: get('--_focus', '#111111') };
  }

  /** Screen position (page CSS px) of an entity by id, for tests and tours. */
  entityScreenPosition(id) {
    const i = this.handle.find(id);
    if (i < 0) return null;
    const v = this.views.refresh();
    const r = this.canvas.getBoundingClientRect();
    return {
      x: r.left + (v.positions[2 * i] - this.camera.x) * this.camera.zoom,
      y: r.top + (v.positions[2 * i + 1] - this.camera.y) * this.camera.zoom,
    };
  }

  /** What the widget shows, for tests: counts, view, drawn items, labels, selection. */
  state() {
    return {
      nodeCount: this.handle.nodeCount,
      edgeCount: this.handle.edgeCount,
      entityIds: this.entities.map((e) => e.id),
      camera: { x: this.camera.x, y: this.camera.y, zoom: this.camera.zoom },
      drawn: { ...this.lastDrawn },
      labels: [...(this.shownLabels || [])],
      selected: this.selected,
    };
  }
}
