// The legend under the map: kinds and relation types present, with counts
// (on phones, folded behind a Legend button).
// Drawn with the first frame, so it sits on the critical path: keep it small.
import { humanize } from './palette.js';
import { el } from './dom.js';

/** The legend: kinds and relation types present, with counts. */
export function renderLegend(legend, kindColors, relationColors) {
  const box = el('div', 'legend');
  box.setAttribute('aria-label', 'Legend');
  const kinds = el('ul', 'legend-kinds');
  for (const { index: i, key, count } of legend.kinds) {
    const li = el('li');
    const dot = el('span', 'swatch-dot');
    dot.style.setProperty('--swatch', kindColors[i]);
    li.append(dot, document.createTextNode(`${humanize(key)} (${count})`));
    kinds.append(li);
  }
  const rels = el('ul', 'legend-relations');
  for (const { index: i, key, count } of legend.relations) {
    const li = el('li');
    const line = el('span', 'swatch-line');
    line.style.setProperty('--swatch', relationColors[i]);
    li.append(line, document.createTextNode(`${humanize(key)} (${count})`));
    rels.append(li);
  }
  const dashed = el('li');
  dashed.append(el('span', 'swatch-line swatch-dashed'), document.createTextNode('Announced or proposed'));
  rels.append(dashed);
  // Phones have no room to show it all the time: there it folds behind this button (style.css).
  const toggle = el('button', 'legend-toggle', 'Legend');
  toggle.type = 'button';
  toggle.setAttribute('aria-expanded', 'false');
  toggle.addEventListener('click', () => toggle.setAttribute('aria-expanded', String(box.classList.toggle('legend-open'))));
  box.append(toggle, kinds, rels);
  return box;
}
