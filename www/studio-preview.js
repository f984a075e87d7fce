// The live map beside the editor: the real widget (mount.js), mounted
// again from the bytes of each successful build. The reader's view stays
// where they moved it (the camera of the last map, when they had moved it;
// otherwise the new map is fitted), and so does the selected entity, by id.
// Choosing an entity on the map is told by id (`onChoose`); `select(id)`
// selects one from the editor without telling it back.
import { mount } from './mount.js';

export function createPreview(container, { onChoose }) {
  let widget = null;
  let loading = null;
  let ids = [];
  let selected = null; // the selected entity's id
  let quiet = false;

  container.addEventListener('select', (e) => {
    if (quiet) return;
    const d = e.detail;
    selected = d && d.kind === 'entity' ? ids[d.index] : null;
    if (selected) onChoose(selected);
  });

  /** Selects `id` without telling onChoose; `centre`: bring it into view if it is off screen. */
  const selectQuietly = (id, centre) => {
    const index = ids.indexOf(id);
    if (!widget || index < 0) return false;
    quiet = true;
    try {
      widget.select('entity', index, centre ? { centre: 'if-hidden' } : {});
    } finally {
      quiet = false;
    }
    return true;
  };

  return {
    /**
     * Mounts the map of `bytes` (a data.amap) in place of the last one;
     * `onFirstFrame()` is called once it is drawn. Resolves to the widget
     * once it is interactive (null: a newer map replaced it, or an error
     * is shown in its place).
     */
    async show(bytes, { onFirstFrame = null } = {}) {
      const view = widget && widget.viewport.userMoved ? centreOf(widget.viewport) : null;
      loading?.abort();
      const mine = (loading = new AbortController());
      const next = await mount(container, {
        bytes,
        signal: mine.signal,
        onFirstFrame: (first) => {
          // The world point at the centre stays there (the details panel may narrow the stage after).
          if (view) first.viewport.setView(view.x, view.y, view.zoom);
          onFirstFrame?.();
        },
      });
      if (mine.signal.aborted || !next) return null;
      widget = next;
      ids = next.state().entityIds;
      // The same selection in the new map, where the view was left.
      if (selected && !selectQuietly(selected, false)) selected = null;
      return next;
    },
    /** Selects entity `id` on the map (no `onChoose`), or clears the selection for null. */
    select(id) {
      if (id === selected) return;
      selected = id;
      if (id === null) {
        quiet = true;
        widget?.select(undefined);
        quiet = false;
      } else selectQuietly(id, true);
    },
    get widget() {
      return widget;
    },
  };
}

/** The world point at the centre of a viewport, and its zoom. */
function centreOf({ camera, width, height }) {
  const [x, y] = camera.toWorld(width / 2, height / 2);
  return { x, y, zoom: camera.zoom };
}
