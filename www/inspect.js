// What the widget shows, for tests and tours (read-only). parts.js hands
// these the parts they read.

/** Screen position (page CSS px) of an entity by id, for tests and tours. */
export function screenPosition({ handle, views, camera, canvas }, id) {
  const i = handle.find(id);
  if (i === undefined) return null;
  const v = views.refresh();
  const r = canvas.getBoundingClientRect();
  return {
    x: r.left + (v.positions[2 * i] - camera.x) * camera.zoom,
    y: r.top + (v.positions[2 * i + 1] - camera.y) * camera.zoom,
  };
}

/**
 * What the widget shows, for tests: counts, view, drawn items, labels,
 * selection, reading state. `drawn()` is what the last frame drew, {items, labels}.
 */
export function widgetState({ handle, views, camera, reader, keyboard, entities, live, textView, selected, drawn, layout, steps }) {
  const v = views.refresh();
  const f = reader.filter;
  const p = reader.path;
  const focus = keyboard.focused();
  const last = drawn();
  return {
    visible: { nodes: v.nodeVisible.reduce((a, b) => a + b, 0), edges: v.edgeVisible.reduce((a, b) => a + b, 0) },
    filter: { hiddenTypes: [...f.hiddenTypes], hiddenKinds: [...f.hiddenKinds], hiddenSources: [...f.hiddenSources], date: f.date, near: f.near },
    path: p ? { from: entities[p.from].id, to: entities[p.to].id, index: p.index, count: p.view.paths.length } : null,
    focused: focus >= 0 ? { index: focus, id: entities[focus].id, name: entities[focus].name } : null,
    live: live.textContent,
    textView: textView.open,
    nodeCount: handle.nodeCount,
    edgeCount: handle.edgeCount,
    entityIds: entities.map((e) => e.id),
    camera: { x: camera.x, y: camera.y, zoom: camera.zoom },
    drawn: { ...last.items },
    labels: [...last.labels],
    selected: selected(),
    layout: layout ? { inBrowser: true, ...layout } : { inBrowser: false },
    step: { current: steps.goTo ? steps.current() + 1 : 0, count: steps.count || 0 },
  };
}

/** Positions (x, y per entity) and radii as plain arrays, for tests. */
export function geometry(views) {
  const v = views.refresh();
  return { positions: Array.from(v.positions), radii: Array.from(v.radii) };
}
