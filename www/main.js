// Demo page: mounts the widget on #map with the embedded seed dataset, or a
// compiled dataset named by ?data=path/to/file.amap (relative URLs only work
// from any sub-path). The page's URL hash keeps what the reader looks at
// (deep links, Back and Forward).
import { mount } from './mount.js';

const container = document.getElementById('map');
const data = new URLSearchParams(location.search).get('data') || container.dataset.src || '';
// The title comes with the first frame, so the page does not shift later.
function showTitle(widget) {
  const [title, description] = widget.meta();
  if (title) {
    document.getElementById('map-title').textContent = title;
    document.title = `${title} · alliance-map`;
  }
  document.getElementById('map-description').textContent = description;
}

mount(container, { src: data, deepLink: true, onFirstFrame: showTitle });
