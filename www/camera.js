// The view transform: world point (wx, wy) appears at screen pixel
// ((wx - x) * zoom, (wy - y) * zoom), in CSS pixels.
export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 20;
/** Fitting a whole map never draws it more than twice its natural size: a
 * three-entity map would otherwise fill the screen with 100 px discs. */
export const FIT_MAX_ZOOM = 2;

export class Camera {
  constructor() {
    this.x = 0;
    this.y = 0;
    this.zoom = 1;
  }

  toWorld(sx, sy) {
    return [sx / this.zoom + this.x, sy / this.zoom + this.y];
  }

  /** Moves the view by a screen-pixel delta (content follows the pointer). */
  panBy(dx, dy) {
    this.x -= dx / this.zoom;
    this.y -= dy / this.zoom;
  }

  /** Scales by `factor`, keeping the world point under screen (sx, sy) fixed. */
  zoomAround(sx, sy, factor) {
    const [wx, wy] = this.toWorld(sx, sy);
    this.zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, this.zoom * factor));
    this.x = wx - sx / this.zoom;
    this.y = wy - sy / this.zoom;
  }

  /**
   * Fits a world box [x0, y0, x1, y1] into a width x height screen with
   * padding, zooming in at most to `maxZoom`. `top`: a band at the top
   * (the buttons drawn over the map) kept clear when that costs no zoom,
   * as on a phone, where the map's width limits it and height is spare.
   */
  fit(bounds, width, height, padding = 24, maxZoom = MAX_ZOOM, top = 0) {
    const [x0, y0, x1, y1] = bounds;
    const w = Math.max(x1 - x0, 1);
    const h = Math.max(y1 - y0, 1);
    const zoomIn = (space) => Math.min((width - 2 * padding) / w, (space - 2 * padding) / h);
    const clear = top > 0 && zoomIn(height - top) >= zoomIn(height);
    const zoom = zoomIn(clear ? height - top : height);
    this.zoom = Math.min(maxZoom, MAX_ZOOM, Math.max(MIN_ZOOM, zoom > 0 ? zoom : 1));
    this.x = (x0 + x1) / 2 - width / 2 / this.zoom;
    this.y = (y0 + y1) / 2 - (clear ? top + (height - top) / 2 : height / 2) / this.zoom;
  }

  /** Centres a world point on screen. */
  centreOn(wx, wy, width, height) {
    this.x = wx - width / 2 / this.zoom;
    this.y = wy - height / 2 / this.zoom;
  }
}
