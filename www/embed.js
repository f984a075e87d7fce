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
  mount(container, { src, onFirstFrame: showTitle }).then((map) => {
    if (map && pendingStep) map.step(pendingStep);
    if (map) parent.postMessage({ type: 'alliance-map:ready', stepCount: map.stepCount }, '*');
  });
}

// A story in the host article (story.js) shows the map's steps through this
// page: {type: 'alliance-map:step', step: n} from the parent window (n from
// 1; 0 the whole map). A step only moves within this page's own map, so any
// parent may ask; the answer, 'alliance-map:stepchange', says which is shown.
let pendingStep = 0;
addEventListener('message', (e) => {
  if (e.source !== parent || e.data?.type !== 'alliance-map:step') return;
  const n = Number(e.data.step);
  if (!Number.isInteger(n) || n < 0 || n > 9999) return;
  if (container.allianceMap) container.allianceMap.step(n);
  else pendingStep = n;
});
container.addEventListener('stepchange', (e) => parent.postMessage({ type: 'alliance-map:stepchange', step: e.detail.step, count: e.detail.count }, '*'));

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
