// Demo page: mounts the widget on #map with the embedded seed dataset, or a
// compiled dataset named by ?data=path/to/file.amap (relative URLs only work
// from any sub-path). The page's URL hash keeps what the reader looks at
// (deep links, Back and Forward). A page written by `alliance-map build`
// runs this too, with its own data.amap and what data-source.js allows.
import { mount } from './mount.js';
import { showError } from './boot.js';
import { chooseSource, noteRefused, quoted } from './data-source.js';

const container = document.getElementById('map');
const { src, refused } = chooseSource(container, new URLSearchParams(location.search).get('data'));
// The title comes with the first frame, so the page does not shift later.
function showTitle(widget) {
  const { title, description } = widget.meta();
  if (title) {
    document.getElementById('map-title').textContent = title;
    document.title = `${title} · alliance-map`;
  }
  document.getElementById('map-description').textContent = description;
}

if (refused && !src) {
  // The demo page has no data of its own to fall back on but the seed, which
  // the reader would take for the link's: say why instead.
  showError(container, new Error(`This page loads ?data= only from its own site (a relative or same-origin path); ${quoted(refused)} is not, so it was not loaded.`));
} else {
  if (refused) noteRefused(container, refused);
  mount(container, { src, deepLink: true, onFirstFrame: showTitle });
}

// On the demo page the map is the page: `/` searches it from anywhere, not
// only from inside the widget (whose own handler, keyboard.js, goes first and
// marks the key handled). Never from a field of the page, where `/` is text.
// Embedded maps (element.js, embed.js) leave the host page's keys alone.
document.addEventListener('keydown', (e) => {
  if (e.key !== '/' || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
  const t = e.target;
  if (t.isContentEditable || t.closest?.('input, select, textarea, [contenteditable]')) return;
  if (container.allianceMap?.focusSearch()) e.preventDefault();
});
