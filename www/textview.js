// The map as text, below it: every entity with its facts and relations as
// sentences with citations, for screen readers, keyboard users and anyone
// who prefers reading. Mirrored with the map: choosing a name or a sentence
// selects it on the map, and the map's selection is marked here with
// aria-current. Filters hide the same entities and relations here. Built
// when first opened (the wasm writes the sentences).
import { el, citeMarks, citationItem } from './panel.js';
import { isolate } from './dom.js';

export class TextView {
  constructor(w) {
    this.w = w;
    this.section = el('section', 'am-textview');
    this.section.id = `${w.uid}-text`;
    this.section.hidden = true;
    this.section.setAttribute('aria-labelledby', `${w.uid}-text-title`);
    this.section.setAttribute('part', 'textview');
    this.built = false;
    this.entityItems = [];
    this.relationItems = new Map(); // relation index → [li]
    this.current = [];
    w.on('select', () => this.markSelection(true));
    w.on('filter', () => this.applyVisibility());
  }

  get open() {
    return !this.section.hidden;
  }

  toggle(open = !this.open) {
    if (open && !this.built) this.build();
    this.section.hidden = !open;
    this.w.controls.textButton.setAttribute('aria-expanded', String(open));
    if (open) {
      this.applyVisibility();
      this.markSelection(false);
      // It opens below the map, often below the fold: without this the button seems to do nothing.
      this.section.scrollIntoView({ block: 'start' });
      this.title.focus({ preventScroll: true });
    }
    this.w.emit('textview', {});
  }

  build() {
    const w = this.w;
    const tv = w.handle.textView();
    const title = el('h2', 'am-textview-title', 'The map as text');
    title.id = `${w.uid}-text-title`;
    title.tabIndex = -1;
    this.title = title;
    const intro = el('p', 'am-textview-intro', 'Every entity and its relations, with their sources. Filters apply here too; choosing a name or a sentence selects it on the map.');
    const list = el('ul', 'am-text-entities');
    tv.entities.forEach((d) => {
      const li = el('li', 'am-text-entity');
      const h = el('h3', 'am-text-heading');
      const name = el('button', 'am-text-name', isolate(d.title));
      name.type = 'button';
      name.addEventListener('click', () => w.select('entity', d.index, { centre: true }));
      h.append(name);
      li.append(h, el('p', 'panel-subtitle', d.subtitle));
      if (d.aliases.length) li.append(el('p', 'panel-aliases', `Also: ${d.aliases.map(isolate).join('; ')}`));
      if (d.facts.length) {
        const dl = el('dl', 'facts');
        for (const f of d.facts) {
          const dd = el('dd', '', f.value);
          dd.append(citeMarks(f.cites));
          dl.append(el('dt', '', f.label), dd);
        }
        li.append(dl);
      }
      if (d.relations.length) {
        const ul = el('ul', 'relations');
        for (const r of d.relations) {
          const item = el('li', 'relation');
          const s = el('button', 'relation-sentence', r.sentence);
          s.type = 'button';
          s.addEventListener('click', () => w.select('relation', r.relation, { centre: true }));
          item.append(s, citeMarks(r.cites));
          if (r.note) item.append(el('div', 'relation-note', r.note));
          ul.append(item);
          if (!this.relationItems.has(r.relation)) this.relationItems.set(r.relation, []);
          this.relationItems.get(r.relation).push(item);
        }
        li.append(ul);
      }
      this.entityItems.push(li);
      list.append(li);
    });
    const sources = el('h3', 'am-text-sources', 'Sources');
    const ol = el('ol', 'citations');
    for (const c of tv.citations) ol.append(citationItem(c));
    this.section.append(title, intro, list, sources, ol);
    this.built = true;
  }

  applyVisibility() {
    if (!this.built) return;
    const v = this.w.views.refresh();
    this.entityItems.forEach((li, i) => (li.hidden = !v.nodeVisible[i]));
    for (const [r, items] of this.relationItems) for (const li of items) li.hidden = !v.edgeVisible[r];
  }

  /** Marks the map's selection with aria-current; scrolls to it when the map chose it. */
  markSelection(scroll) {
    if (!this.built) return;
    for (const li of this.current) li.removeAttribute('aria-current');
    const sel = this.w.selected;
    this.current = !sel ? [] : sel.kind === 'entity' ? [this.entityItems[sel.index]] : this.relationItems.get(sel.index) || [];
    for (const li of this.current) li.setAttribute('aria-current', 'true');
    const inside = this.section.contains(document.activeElement) || this.section.contains(this.w.container.getRootNode().activeElement);
    if (scroll && this.open && this.current[0] && !inside) this.current[0].scrollIntoView({ block: 'nearest' });
  }
}
