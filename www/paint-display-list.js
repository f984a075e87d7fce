// Paints a view's display list (MapHandle.displayList: the list the SVG
// writer draws from) on a 2D canvas, with the SVG's styles (src/svg.rs), so
// the PNG shows what the SVG shows. Painting, not loading the SVG into an
// <img>: a strict Content-Security-Policy (img-src 'self') blocks blob: images.
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
// The SVG's arrow marker: 8 stroke widths long, 8 wide, tip on the line's end.
const EDGE_WIDTH = 1.3;
const ARROW = 8 * EDGE_WIDTH;

function edge(ctx, [, x1, y1, x2, y2, color, dashed]) {
  ctx.globalAlpha = 0.7;
  ctx.strokeStyle = color;
  ctx.lineWidth = EDGE_WIDTH;
  ctx.setLineDash(dashed ? [6, 4] : []);
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x2, y2);
  ctx.stroke();
  ctx.globalAlpha = 1;
  const len = Math.hypot(x2 - x1, y2 - y1) || 1;
  const [ux, uy] = [(x2 - x1) / len, (y2 - y1) / len];
  const [bx, by] = [x2 - ux * ARROW, y2 - uy * ARROW];
  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.moveTo(x2, y2);
  ctx.lineTo(bx - (uy * ARROW) / 2, by + (ux * ARROW) / 2);
  ctx.lineTo(bx + (uy * ARROW) / 2, by - (ux * ARROW) / 2);
  ctx.fill();
}

function node(ctx, [, x, y, r, color]) {
  ctx.setLineDash([]);
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  ctx.fillStyle = color;
  ctx.fill();
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 1.5;
  ctx.stroke();
}

// Text with a white halo under it (the SVG's paint-order="stroke").
function label(ctx, [, x, y, text]) {
  ctx.font = `12px ${FONT}`;
  ctx.textBaseline = 'middle';
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 3;
  ctx.strokeText(text, x, y);
  ctx.fillStyle = '#1a1a1a';
  ctx.fillText(text, x, y);
}

const SHAPES = { edge, node, label };

/** Paints `list` (parsed JSON) on `ctx`, in CSS px of the view. */
export function paintDisplayList(ctx, list) {
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, list.width, list.height);
  for (const shape of list.shapes) SHAPES[shape[0]]?.(ctx, shape);
  ctx.font = `11px ${FONT}`;
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = '#4a5563';
  for (const [y, text] of list.footer) ctx.fillText(text, 12, y);
}
