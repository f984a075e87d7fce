// Mounting a map in a container, in two steps so a phone shows the map
// after a small download: the first-frame module (boot.js) decodes the data
// and a Widget draws it at once; then Widget.upgrade loads the full module
// and the reader's parts and takes over. A dataset without positions is
// laid out in a worker first (layout.js, imported only then).
import { loadPaint, fetchCompiled, showError, PaintHandle } from './boot.js';
import { Widget } from './widget.js';

export { showError };

/**
 * Mounts a map in `container` (the public API: mount.d.ts). Resolves to the
 * Widget once it is fully interactive (the first frame is drawn before), or
 * null after showing an error. `deepLink: true` keeps the view in the page's
 * URL hash (one map per page: the demo page). `onFirstFrame(widget)` is
 * called once the map is drawn, before it is interactive (e.g. to show the
 * title with it). An aborted `signal` (a newer mount of the same container)
 * stops this one wherever it is, and it resolves to null.
 */
export async function mount(container, { src = '', bytes = null, deepLink = false, onFirstFrame = null, signal = null } = {}) {
  container.classList.add('alliance-map');
  container.setAttribute('aria-busy', 'true');
  let widget = null;
  try {
    const paint = await loadPaint();
    const data = bytes || (src ? await fetchCompiled(src) : null);
    if (signal?.aborted) return null;
    const preview = data ? PaintHandle.fromBytes(data) : PaintHandle.seed();
    const layout = preview.needsLayout() ? await layOutInWorker(container, preview, paint.memory) : null;
    if (signal?.aborted) {
      preview.free();
      return null;
    }
    widget = new Widget(container, preview, paint.memory, { deepLink, layout });
    // Once destroyed, the widget stops listening to the mount's signal too.
    signal?.addEventListener('abort', () => widget.destroy(), { signal: widget.abort.signal });
    onFirstFrame?.(widget);
    await widget.upgrade(data);
    if (signal?.aborted) return null;
    container.allianceMap = widget;
    // Story helpers (story.js) and host scripts wait for this to drive the map.
    container.dispatchEvent(new CustomEvent('mapready', { bubbles: true, composed: true, detail: { stepCount: widget.stepCount } }));
    return widget;
  } catch (err) {
    widget?.destroy();
    if (!signal?.aborted) showError(container, err);
    return null;
  } finally {
    if (!signal?.aborted) container.removeAttribute('aria-busy');
  }
}

/**
 * A dataset compiled with --no-layout: says so in place of the map while
 * layout.js (imported only now, so other datasets never load it) lays it
 * out in a worker. Resolves to the worker's timings (see layout.js).
 */
async function layOutInWorker(container, handle, memory) {
  const n = handle.nodeCount;
  const status = document.createElement('p');
  status.className = 'am-status';
  status.setAttribute('role', 'status');
  status.textContent = `Laying out ${n.toLocaleString('en')} ${n === 1 ? 'entity' : 'entities'}…`;
  container.replaceChildren(status);
  const { layOut } = await import('./layout.js');
  return layOut(handle, memory);
}

