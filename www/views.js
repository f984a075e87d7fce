// Typed-array views over the wasm memory: no copies. A view is re-created
// only when memory grows (the old ArrayBuffer is then detached).
/** Numbers per placed label: entity, x, y, then the leader line x0, y0, x1, y1 (x0 NaN without one). */
export const LABEL_STRIDE = 7;

export class Views {
  constructor(handle, memory) {
    this.handle = handle;
    this.memory = memory;
    this.buffer = null;
    this.refresh();
  }

  refresh() {
    if (this.buffer === this.memory.buffer) return this;
    const h = this.handle;
    const b = (this.buffer = this.memory.buffer);
    const n = h.nodeCount;
    const m = h.edgeCount;
    this.positions = new Float32Array(b, h.positionsPtr(), 2 * n);
    this.radii = new Float32Array(b, h.radiiPtr(), n);
    this.nodeColor = new Uint8Array(b, h.nodeColorPtr(), n);
    this.nodeEmphasis = new Uint8Array(b, h.nodeEmphasisPtr(), n);
    this.edgeEnds = new Uint32Array(b, h.edgeEndsPtr(), 2 * m);
    this.edgeKind = new Uint8Array(b, h.edgeKindPtr(), m);
    this.edgeFlags = new Uint8Array(b, h.edgeFlagsPtr(), m);
    this.edgeBend = new Int8Array(b, h.edgeBendPtr(), m);
    this.edgeEmphasis = new Uint8Array(b, h.edgeEmphasisPtr(), m);
    this.nodeVisible = new Uint8Array(b, h.nodeVisiblePtr(), n);
    this.edgeVisible = new Uint8Array(b, h.edgeVisiblePtr(), m);
    return this;
  }

  /** The placed labels: LABEL_STRIDE numbers each (see placeLabels in crates/widget/src/draw.rs). */
  labels(count) {
    return new Float32Array(this.memory.buffer, this.handle.labelsPtr(), LABEL_STRIDE * count);
  }
}
