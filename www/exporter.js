// "SVG" and "PNG" buttons: the current view as a file. The SVG comes from
// the wasm (the same display list and writer as `alliance-map render`); the
// PNG is that SVG drawn at 2x. Nothing is uploaded anywhere.
function download(blob, name) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

/** The current view of widget `w` as SVG text. */
export function viewSvg(w, lineHeight) {
  const c = w.camera;
  return w.handle.svg(c.x, c.y, c.zoom, w.width, w.height, lineHeight);
}

/** Draws SVG text on a canvas at `scale` and resolves to a PNG blob. */
export function svgToPng(svg, scale) {
  return new Promise((resolve, reject) => {
    const img = new Image();
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(img.width * scale);
      canvas.height = Math.round(img.height * scale);
      const ctx = canvas.getContext('2d');
      ctx.scale(scale, scale);
      ctx.drawImage(img, 0, 0);
      URL.revokeObjectURL(url);
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png');
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('the page does not allow drawing the SVG (Content-Security-Policy img-src needs blob:)'));
    };
    img.src = url;
  });
}

/** Toolbar buttons for `w`. */
export function exportButtons(w, button, lineHeight) {
  return [
    button('SVG', 'Download the current view as SVG', () => download(new Blob([viewSvg(w, lineHeight)], { type: 'image/svg+xml' }), 'alliance-map.svg')),
    button('PNG', 'Download the current view as PNG (2x)', () =>
      svgToPng(viewSvg(w, lineHeight), 2).then((b) => download(b, 'alliance-map.png'), (err) => w.showHint(err.message)),
    ),
  ];
}
