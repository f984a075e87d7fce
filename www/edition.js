// The edition under the map: which version of the data the reader sees
// ("Data as of 2026-12-02, version 1a2b3c4d") and every correction, wherever
// the map is mounted (a published page's no-JavaScript text says the same,
// and the widget replaces it). The words are Rust's (MapHandle.edition).
import { el } from './dom.js';

/** The edition's footer for `handle`'s map. */
export function buildEdition(handle) {
  const { line, corrections } = handle.edition();
  const footer = el('footer', 'am-edition');
  footer.setAttribute('part', 'edition');
  footer.append(el('p', 'am-edition-line', line));
  if (corrections.length) {
    const ul = el('ul', 'am-corrections');
    for (const c of corrections) ul.append(el('li', '', c));
    footer.append(ul);
  }
  return footer;
}
