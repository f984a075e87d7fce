// The iframe embed page (embed.html?src=data.amap): mounts the map on the
// whole page and tells the parent its height, so the publisher's iframe can
// grow to fit (see embed-resizer.js).
// Which ?src= it accepts is the page's to say (data-source.js).
import { mount } from './mount.js';
import { showError } from './boot.js';
import { chooseSource, noteRefused, quoted } from './data-source.js';

const container = document.getElementById('map');
const { src, refused } = chooseSource(container, new URLSearchParams(location.search).get('src'));
// No top-level await: the minified build targets es2020.
// The title comes with the first frame, so the page does not shift later.
function showTitle(widget) {
  const { title } = widget.meta();
  if (title) {
    document.title = title;
    // A host's own page may have no heading to fill: the map still draws.
    const heading = document.getElementById('map-title');
    if (heading) heading.textContent = title;
  }
}

if (refused && !src) {
  showError(container, new Error(`This page loads ?src= only from its own site (a relative or same-origin path); ${quoted(refused)} is not, so it was not loaded.`));
} else {
  if (refused) noteRefused(container, refused);
  mount(container, { src, onFirstFrame: showTitle });
}

// The content's height, not the document's scrollHeight: that is never less
// than the iframe's, so a page that once grew (the no-JavaScript text is
// long until the map replaces it) could never ask to shrink again.
const main = document.querySelector('main');
function postHeight() {
  const height = Math.ceil(main.getBoundingClientRect().bottom + scrollY + parseFloat(getComputedStyle(document.body).marginBottom || '0'));
  parent.postMessage({ type: 'alliance-map:height', height }, '*');
}
new ResizeObserver(postHeight).observe(main);
postHeight();
