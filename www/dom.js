// The one DOM helper every part uses: an element with a class and text
// (always textContent: data never becomes HTML).
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
