// Which dataset a page loads when its URL names one (?data= on the map page,
// ?src= on the embed page). Readers open links other people craft, so a link
// must not put someone else's data under a publisher's address.
//
// #map's data-allow-data-from says what the page accepts, space-separated:
// `self` (paths on the page's own origin) and origins (`https://host[:port]`).
// `alliance-map build` writes "" (only the page's own data.amap) unless its
// author passed --allow-data-from; the demo pages say "self". A page without
// the attribute accepts nothing from its URL: forgetting it fails closed.
// Only http(s) counts, so data: and blob: links (any origin "null") never do.

const SHOWN = 80; // characters of a refused link quoted back to the reader

/** {src} to load, and `refused` (the link's value) when the page turned it down. */
export function chooseSource(container, requested) {
  const own = container.dataset.src || '';
  if (!requested) return { src: own };
  const url = resolve(requested);
  const allowed = (container.dataset.allowDataFrom || '').split(/\s+/).filter(Boolean);
  const ok =
    url &&
    /^https?:$/.test(url.protocol) &&
    ((own && url.href === resolve(own)?.href) || allowed.some((a) => (a === 'self' ? url.origin === location.origin : url.origin === a)));
  return ok ? { src: requested } : { src: own, refused: requested };
}

function resolve(src) {
  try {
    return new URL(src, document.baseURI);
  } catch {
    return null;
  }
}

/** The refused link as the reader may see it: short, one line. */
export function quoted(link) {
  const flat = link.replace(/\s+/g, ' ');
  return flat.length > SHOWN ? `${flat.slice(0, SHOWN - 1)}…` : flat;
}

/**
 * Says, above a published map, that the link's data was not loaded (the page
 * then shows its own). Text only: the link is never parsed as markup.
 */
export function noteRefused(container, link) {
  const note = document.createElement('p');
  note.className = 'am-notice';
  note.setAttribute('role', 'status');
  note.textContent = `This map only shows its own data. The link asked for data from elsewhere (${quoted(link)}), which was not loaded.`;
  container.before(note);
}
