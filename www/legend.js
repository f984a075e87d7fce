// The legend under the map: kinds and relation types present, with counts
// (on phones, folded behind a Legend button).
// Drawn with the first frame, so it sits on the critical path: keep it small.
import { humanize, RELATION_MARKERS } from './palette.js';
import { el } from './dom.js';

/** The legend: kinds and relation types present, with counts (`signal` ends its listener). */
export function renderLegend(legend, nodeColors, relationColors, signal) {
  const box = el('div', 'legend');
  box.setAttribute('aria-label', 'Legend');
  // A map coloured by group names its groups where the kinds would be.
  const groups = (legend.groups || []).map(({ index, name, count }) => ({ index, count, text: name ? `\u2068${name}\u2069’s group` : 'Smaller groups' }));
  const kinds = swatches('legend-kinds', 'swatch-dot', legend.groups ? groups : legend.kinds, nodeColors);
  const rels = swatches('legend-relations', 'swatch-line', legend.relations, relationColors, RELATION_MARKERS);
  const dashed = el('li');
  dashed.append(el('span', 'swatch-line swatch-dashed'), document.createTextNode('Announced or proposed'));
  rels.append(dashed);
  if (legend.inferred) {
    const dotted = el('li');
    dotted.append(el('span', 'swatch-line swatch-dotted'), document.createTextNode('Inferred by the editor'));
    rels.append(dotted);
  }
  // Phones have no room to show it all the time: there it folds behind this button (style.css).
  const toggle = el('button', 'legend-toggle', 'Legend');
  toggle.type = 'button';
  toggle.setAttribute('aria-expanded', 'false');
  toggle.addEventListener('click', () => toggle.setAttribute('aria-expanded', String(box.classList.toggle('legend-open'))), { signal });
  box.append(toggle, kinds, rels);
  return box;
}

/** A list of [index, key, count] rows, each with its colour's swatch (and a relation type's arrowhead, `markers`). */
function swatches(className, swatchClass, rows, colors, markers) {
  const ul = el('ul', className);
  for (const { index: i, key, text, count } of rows) {
    const li = el('li');
    const swatch = el('span', swatchClass);
    swatch.style.setProperty('--swatch', colors[i]);
    if (markers) swatch.dataset.marker = markers[i];
    li.append(swatch, document.createTextNode(`${text ?? humanize(key)} (${count})`));
    ul.append(li);
  }
  return ul;
}
