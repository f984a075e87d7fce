// What the widget shows, for tests and tours (read-only).

/** Screen position (page CSS px) of an entity by id, for tests and tours. */
export function screenPosition(w, id) {
  const i = w.handle.find(id);
  if (i === undefined) return null;
  const v = w.views.refresh();
  const r = w.canvas.getBoundingClientRect();
  return {
    x: r.left + (v.positions[2 * i] - w.camera.x) * w.camera.zoom,
    y: r.top + (v.positions[2 * i + 1] - w.camera.y) * w.camera.zoom,
  };
}

/** What the widget shows, for tests: counts, view, drawn items, labels, selection, reading state. */
export function widgetState(w) {
  const v = w.views.refresh();
  const f = w.reader.filter;
  const p = w.reader.path;
  const kb = w.keyboard.kb;
  return {
    visible: { nodes: v.nodeVisible.reduce((a, b) => a + b, 0), edges: v.edgeVisible.reduce((a, b) => a + b, 0) },
    filter: { hiddenTypes: [...f.hiddenTypes], hiddenKinds: [...f.hiddenKinds], hiddenSources: [...f.hiddenSources], date: f.date, near: f.near },
    path: p ? { from: w.entities[p.from].id, to: w.entities[p.to].id, index: p.index, count: p.view.paths.length } : null,
    focused: kb.focus >= 0 ? { index: kb.focus, id: w.entities[kb.focus].id, name: w.entities[kb.focus].name } : null,
    live: w.live.textContent,
    textView: w.textView.open,
    nodeCount: w.handle.nodeCount,
    edgeCount: w.handle.edgeCount,
    entityIds: w.entities.map((e) => e.id),
    camera: { x: w.camera.x, y: w.camera.y, zoom: w.camera.zoom },
    drawn: { ...w.lastDrawn },
    labels: [...(w.shownLabels || [])],
    selected: w.selected,
    layout: w.layout ? { inBrowser: true, ...w.layout } : { inBrowser: false },
  };
}

/** Positions (x, y per entity) and radii as plain arrays, for tests. */
export function geometry(w) {
  const v = w.views.refresh();
  return { positions: Array.from(v.positions), radii: Array.from(v.radii) };
}
