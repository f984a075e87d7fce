// Label widths for placement (Rust places labels; it needs each one's box).
// measureText is about 20 µs a name: 10,000 names took 220 ms of a 10k
// map's first frame. So a big map measures exactly the names placement
// reaches first (the most connected, in its priority order: radius grows
// with degree), and sums cached per-character advances for the rest, widened
// so an estimate never undercuts the drawn text (kerning only narrows it).
const EXACT = 2000;
const ESTIMATE_SLACK = 1.08;

/**
 * Widths in CSS px (+2 for the halo) of `names` in `font`, in a
 * Float32Array; a two-line label (lines joined by \n) is as wide as its longer line.
 */
export function labelWidths(ctx, font, names, radii) {
  ctx.font = font;
  const widths = new Float32Array(names.length);
  const measure = (name) => name.split('\n').reduce((w, line) => Math.max(w, ctx.measureText(line).width), 0);
  const exact = (i) => (widths[i] = Math.ceil(measure(names[i])) + 2);
  if (names.length <= EXACT) {
    names.forEach((_, i) => exact(i));
    return widths;
  }
  const order = Array.from(names, (_, i) => i).sort((a, b) => radii[b] - radii[a] || a - b);
  order.slice(0, EXACT).forEach(exact);
  const advance = new Map();
  for (const i of order.slice(EXACT)) {
    let w = 0;
    for (const line of names[i].split('\n')) {
      let lw = 0;
      for (const ch of line) {
        let a = advance.get(ch);
        if (a === undefined) advance.set(ch, (a = ctx.measureText(ch).width));
        lw += a;
      }
      w = Math.max(w, lw);
    }
    widths[i] = Math.ceil(w * ESTIMATE_SLACK) + 2;
  }
  return widths;
}
