// The view of the map: the camera, the stage's size, whether the reader has
// moved it (then a resize keeps their view instead of fitting the map), and
// when it is drawn: at most once an animation frame, with labels re-placed
// once a gesture settles. Parts move it; the widget draws (`draw`) and tells
// the page (`moved`). On the critical path: the first frame's zoom and Fit
// buttons use it.
import { Camera, MIN_ZOOM, MAX_ZOOM, FIT_MAX_ZOOM } from './camera.js';

/** Fitting some entities (a path) zooms in until the largest is drawn this big (CSS px radius), no further. */
const MAX_FOCUS_RADIUS = 24;

export class Viewport {
  /**
   * `bounds()`: the map's world box [x0, y0, x1, y1]; `draw(settled)` draws
   * a frame (`settled`: place the labels anew); `moved()`: the reader moved the view.
   */
  constructor(bounds, draw, moved) {
    this.camera = new Camera();
    this.bounds = bounds;
    this.draw = draw;
    this.moved = moved;
    this.width = 0;
    this.height = 0;
    this.userMoved = false;
    this.settled = false;
    this.frame = 0;
    this.timer = 0;
    /** The height of what is drawn over the map's top (the toolbar), for fitting; the widget sets it. */
    this.topBand = () => 0;
  }

  /** The stage is now `width` x `height` CSS px: the world point at the centre stays there, or the map stays fitted. */
  resize(width, height) {
    const first = !this.width;
    const [cx, cy] = first ? [0, 0] : this.camera.toWorld(this.width / 2, this.height / 2);
    this.width = width;
    this.height = height;
    if (first || !this.userMoved) this.fitWhole(this.camera);
    else this.camera.centreOn(cx, cy, width, height);
    this.settle();
  }

  /** Fits the whole map (the Fit button): later resizes keep fitting it. */
  fit() {
    this.userMoved = false;
    this.fitWhole(this.camera);
    this.settle();
  }

  /** Sets `camera` to show the whole map (what Fit shows). */
  fitWhole(camera) {
    camera.fit(this.bounds(), this.width, this.height, 24, FIT_MAX_ZOOM, this.topBand());
  }

  zoomCentre(factor) {
    this.zoomAround(this.width / 2, this.height / 2, factor);
    this.settle();
  }

  zoomAround(x, y, factor) {
    this.camera.zoomAround(x, y, factor);
    this.changed();
  }

  panBy(dx, dy) {
    this.camera.panBy(dx, dy);
    this.changed();
  }

  /** Shows world point (cx, cy) at the centre at `zoom` (a deep link's view). */
  setView(cx, cy, zoom) {
    this.camera.zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
    this.centre(cx, cy);
  }

  /** Centres world point (x, y); with `onlyIfHidden`, only when it is off screen (or within 24 px of the edge). */
  reveal([x, y], onlyIfHidden) {
    const { camera: c, width, height } = this;
    const [sx, sy] = [(x - c.x) * c.zoom, (y - c.y) * c.zoom];
    if (onlyIfHidden && sx > 24 && sy > 24 && sx < width - 24 && sy < height - 24) return;
    this.centre(x, y);
  }

  centre(x, y) {
    this.camera.centreOn(x, y, this.width, this.height);
    this.changed();
    this.settle();
  }

  /**
   * Fits world box `box` in the part of the view right of `left` px and below
   * `top` px (an open dropdown covers the rest), zooming in at most 4x the
   * whole map's fit and only until `rMax` (the largest radius in the box) is
   * drawn MAX_FOCUS_RADIUS px: a path of three entities is shown in its
   * surroundings, not as 80 px discs.
   */
  fitBox(box, rMax, { left = 0, top = 0 }) {
    const cam = this.camera;
    const dx = Math.min(Math.max(left, 0), this.width * 0.6);
    const dy = Math.min(Math.max(top, 0), this.height * 0.6);
    const [w, h] = [this.width - dx, this.height - dy];
    const whole = new Camera();
    this.fitWhole(whole);
    const cap = Math.min(4 * whole.zoom, Math.max(whole.zoom, MAX_FOCUS_RADIUS / rMax));
    cam.fit(box, w, h, 48);
    if (cam.zoom > cap) {
      cam.zoom = cap;
      cam.centreOn((box[0] + box[2]) / 2, (box[1] + box[3]) / 2, w, h);
    }
    cam.x -= dx / cam.zoom;
    cam.y -= dy / cam.zoom;
    this.changed();
    this.settle();
  }

  /** The view as it is, to put back later with restore (Clear after Find). */
  save() {
    const { x, y, zoom } = this.camera;
    return { x, y, zoom, userMoved: this.userMoved };
  }

  restore({ x, y, zoom, userMoved }) {
    Object.assign(this.camera, { x, y, zoom });
    this.userMoved = userMoved;
    this.moved();
    this.settle();
  }

  /** The reader moved the view: a resize now keeps it, and the page hears of it. */
  changed() {
    this.userMoved = true;
    this.moved();
    this.requestDraw();
  }

  requestDraw() {
    this.frame ||= requestAnimationFrame(() => {
      const settled = this.settled;
      this.frame = 0;
      this.settled = false;
      this.draw(settled);
    });
  }

  /** Draws with the labels placed anew for this view (after a gesture ends). */
  settle() {
    this.settled = true;
    this.requestDraw();
  }

  /** Settles once no gesture came for 120 ms (wheel steps, key repeats). */
  settleSoon() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.settle(), 120);
  }

  dispose() {
    cancelAnimationFrame(this.frame);
    clearTimeout(this.timer);
  }
}
