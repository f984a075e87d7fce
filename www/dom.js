// The one DOM helper every part uses: an element with a class and text
// (always textContent: data never becomes HTML). A name in a sentence from
// the wasm comes between U+2068 and U+2069 (src/sentence.rs): each such run
// becomes a <bdi>, so a right-to-left name, or one holding U+202E, cannot
// reorder the words around it (textContent stays the plain sentence).
const ISOLATED = /\u2068([^\u2068\u2069]*)\u2069/g;

export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) {
    if (typeof text === 'string' && text.includes('\u2068')) node.append(...isolated(text));
    else node.textContent = text;
  }
  return node;
}

/** Text with its FSI…PDI runs as <bdi>s: text nodes and elements to append. */
export function isolated(text) {
  const nodes = [];
  let at = 0;
  for (const m of text.matchAll(ISOLATED)) {
    if (m.index > at) nodes.push(text.slice(at, m.index));
    nodes.push(bdi(m[1]));
    at = m.index + m[0].length;
  }
  if (at < text.length) nodes.push(text.slice(at));
  return nodes;
}

function bdi(name) {
  const node = document.createElement('bdi');
  node.textContent = name;
  return node;
}

/** A plain name from data marked as the wasm marks names in sentences (its own isolate controls dropped, so the marks pair up). */
export function isolate(name) {
  return `\u2068${String(name).replace(/[\u2066-\u2069]/g, '')}\u2069`;
}
