// Phones and touch: on narrow screens the details panel is a bottom sheet
// that the Back button closes (unless deep links manage history), and a map
// starts inactive so one finger scrolls the page (cooperative gestures).
// Methods mixed into Widget.

/** How much of the map (CSS px) the bottom sheet leaves seen above it, when it can. */
const SEEN_PX = 160;

const sameView = (a, b) => a.x === b.x && a.y === b.y && a.zoom === b.zoom;

export const sheetMethods = {
  /** On narrow screens the panel is a bottom sheet; the back button closes it (deep links manage history themselves). */
  openSheet() {
    if (!this.isNarrow() || this.sheetState || this.deepLink) return;
    this.sheetState = true;
    history.pushState({ ...(history.state || {}), allianceMap: this.uid }, '');
  },

  closeSheet(fromHistory) {
    if (!this.sheetState) return;
    this.sheetState = false;
    if (!fromHistory && history.state?.allianceMap === this.uid) history.back();
  },

  /**
   * On a phone the sheet covers the lower part of the screen. It stops short
   * of the map's top, so some map stays seen above it (at least SEEN_PX, if
   * the sheet can still be 35% of the screen; else the page scrolls the map
   * up). If the selection (an entity, or a relation's midpoint) is under the
   * sheet or off screen, the map pans it into the middle of what is seen.
   * Closing the sheet pans back (sheetClosed), unless the reader moved the
   * map meanwhile.
   */
  keepClearOfSheet(kind, index) {
    if (!this.isNarrow() || this.panel.hidden) return;
    const toolbar = this.stage.querySelector('.am-toolbar');
    const seenTop = () => Math.max(this.canvas.getBoundingClientRect().top, toolbar.getBoundingClientRect().bottom, 0);
    const h = window.innerHeight;
    if (h - seenTop() - SEEN_PX < 0.35 * h) this.stage.scrollIntoView({ block: 'start' });
    this.panel.style.maxHeight = `${Math.round(Math.min(0.55 * h, Math.max(0.35 * h, h - seenTop() - SEEN_PX)))}px`;
    const v = this.views.refresh();
    const [a, b] = kind === 'entity' ? [index, index] : [v.edgeEnds[2 * index], v.edgeEnds[2 * index + 1]];
    const c = this.canvas.getBoundingClientRect();
    const x = c.left + ((v.positions[2 * a] + v.positions[2 * b]) / 2 - this.camera.x) * this.camera.zoom;
    const y = c.top + ((v.positions[2 * a + 1] + v.positions[2 * b + 1]) / 2 - this.camera.y) * this.camera.zoom;
    const top = seenTop();
    const bottom = Math.min(c.bottom, this.panel.getBoundingClientRect().top, h);
    if (bottom - top < 24) return; // nothing of the map is seen: no place to pan to
    const margin = Math.min(32, (bottom - top) / 4);
    const xOk = x > c.left + margin && x < c.right - margin;
    if (xOk && y > top + margin && y < bottom - margin) return;
    const cam = this.camera;
    const n = this.sheetNudge;
    const before = n && sameView(n.after, cam) ? n.before : { x: cam.x, y: cam.y, zoom: cam.zoom, userMoved: this.userMoved };
    this.userMoved = true;
    cam.panBy(xOk ? 0 : c.left + c.width / 2 - x, (top + bottom) / 2 - y);
    this.sheetNudge = { before, after: { x: cam.x, y: cam.y, zoom: cam.zoom } };
    this.emitView();
  },

  /** The sheet closed: the map goes back to where it was before keepClearOfSheet moved it. */
  sheetClosed() {
    this.panel.style.maxHeight = '';
    const n = this.sheetNudge;
    this.sheetNudge = null;
    if (!n || !sameView(n.after, this.camera)) return;
    Object.assign(this.camera, { x: n.before.x, y: n.before.y });
    this.userMoved = n.before.userMoved;
    this.emitView();
  },

  isNarrow() {
    return window.matchMedia('(max-width: 600px)').matches;
  },

  /** Touch readers scroll past an inactive map; a tap or two fingers wake it. */
  activate() {
    if (this.active) return;
    this.active = true;
    this.container.classList.add('am-active');
    this.showHint('');
  },

  deactivate() {
    if (!this.active) return;
    this.active = false;
    this.container.classList.remove('am-active');
  },

  showHint(text) {
    clearTimeout(this.hintTimer);
    this.hint.textContent = text;
    this.hint.classList.toggle('am-hint-shown', Boolean(text));
    if (text) this.hintTimer = setTimeout(() => this.showHint(''), 1800);
  },
};
