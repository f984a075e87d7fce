// The map as text, below it: every entity with its facts and relations as
// sentences with citations, for screen readers, keyboard users and anyone
// who prefers reading. Mirrored with the map: choosing a name or a sentence
// selects it on the map, and the map's selection is marked here with
// aria-current. Filters hide the same entities and relations here. Built
// when first opened, a page of entities at a time (the wasm writes the
// sentences); a map of more than one page gets Previous and Next, and
// selecting on the map turns to the page that lists the selection.
import { el, citationItem, relationItem, summaryNodes } from './panel.js';
import { isolate } from './dom.js';

/** Entities per page: a page is quick to write and to show at any map size. */
const PAGE = 200;

export class TextView {
  /**
   * The text view of `handle`'s map (section id `${uid}-text`): follows the
   * 'select' and 'filter' events (`on`), tells of opening and closing
   * ('textview', `emit`), selects through `select`; `selected()` is the
   * selection. Listeners end with `signal`.
   */
  constructor({ uid, handle, views, container, selected, select, steps, on, emit, signal }) {
    Object.assign(this, { uid, handle, views, container, selected, select, steps, emit, signal });
    this.section = el('section', 'am-textview');
    this.section.id = `${uid}-text`;
    this.section.hidden = true;
    this.section.setAttribute('aria-labelledby', `${uid}-text-title`);
    this.section.setAttribute('part', 'textview');
    this.built = false;
    this.page = -1;
    this.entityItems = new Map(); // entity index → li, on the page shown
    this.relationItems = new Map(); // relation index → [li], on the page shown
    this.current = [];
    on('select', () => this.markSelection(true));
    on('filter', () => this.applyVisibility());
    on('step', ({ index }) => this.markStep(index));
  }

  get open() {
    return !this.section.hidden;
  }

  toggle(open = !this.open) {
    if (open && !this.built) this.build();
    this.section.hidden = !open;
    if (open) {
      // The first opening shows the page with the selection; later ones keep the page.
      if (this.page < 0) this.showPage(Math.max(0, this.pageOfSelection()));
      else {
        this.applyVisibility();
        this.markSelection(false);
      }
      // It opens below the map, often below the fold: without this the button seems to do nothing.
      this.section.scrollIntoView({ block: 'start' });
      this.title.focus({ preventScroll: true });
    }
    this.emit('textview', { open });
  }

  build() {
    const title = el('h2', 'am-textview-title', 'The map as text');
    title.id = `${this.uid}-text-title`;
    title.tabIndex = -1;
    this.title = title;
    const intro = el('p', 'am-textview-intro', 'Every entity and its relations, with their sources. Filters apply here too; choosing a name or a sentence selects it on the map.');
    this.list = el('ul', 'am-text-entities');
    this.pager = this.buildPager();
    const first = this.handle.textView(0, 0);
    this.total = first.total;
    const sources = el('h3', 'am-text-sources', 'Sources');
    const ol = el('ol', 'citations');
    for (const c of first.citations) ol.append(citationItem(c));
    this.section.append(title, intro, ...this.storyNodes(), this.pager.element, this.list, sources, ol);
    this.pager.element.hidden = this.total <= PAGE;
    this.built = true;
  }

  /**
   * The story, read in order without the map: each step's title, caption
   * (citations as [n], the step's sources listed), what it shows in words,
   * and a button that shows it on the map. None without a story.
   */
  storyNodes() {
    if (!this.steps.goTo) return [];
    const heading = el('h3', 'am-text-story-title', 'The story, step by step');
    const list = el('ol', 'am-text-story');
    this.stepItems = this.steps.steps.map((s, i) => {
      const li = el('li', 'am-text-step');
      li.append(el('p', 'am-text-step-title', s.title), el('p', 'am-text-step-text', s.parts.map((p) => p.text).join('')), el('p', 'am-text-step-shows', s.shows));
      if (s.citations.length) {
        const ol = el('ol', 'citations');
        for (const c of s.citations) ol.append(citationItem(c));
        li.append(ol);
      }
      const show = el('button', 'am-text-step-show', `Show step ${i + 1} on the map`);
      show.type = 'button';
      show.addEventListener('click', () => this.steps.goTo(i), { signal: this.signal });
      li.append(show);
      list.append(li);
      return li;
    });
    this.markStep(this.steps.current());
    return [heading, list];
  }

  /** Marks the step shown on the map (aria-current), as the selection is marked. */
  markStep(index) {
    (this.stepItems || []).forEach((li, i) => (i === index ? li.setAttribute('aria-current', 'step') : li.removeAttribute('aria-current')));
  }

  /** "Entities 201–400 of 100,000" with Previous and Next, for maps of more than one page. */
  buildPager() {
    const nav = el('nav', 'am-text-pager');
    nav.setAttribute('aria-label', 'Pages of the text view');
    const prev = el('button', 'am-text-prev', 'Previous');
    const next = el('button', 'am-text-next', 'Next');
    const status = el('span', 'am-text-page');
    status.setAttribute('aria-live', 'polite');
    for (const b of [prev, next]) b.type = 'button';
    prev.addEventListener('click', () => this.showPage(this.page - 1), { signal: this.signal });
    next.addEventListener('click', () => this.showPage(this.page + 1), { signal: this.signal });
    nav.append(prev, status, next);
    return {
      element: nav,
      sync: (start, count) => {
        const n = (x) => x.toLocaleString('en');
        status.textContent = `Entities ${n(start + 1)}–${n(start + count)} of ${n(this.total)}`;
        prev.disabled = start === 0;
        next.disabled = start + count >= this.total;
      },
    };
  }

  /** Shows page `p` (clamped): its entities from the wasm, in place of the last page's. */
  showPage(p) {
    const last = Math.max(0, Math.ceil(this.total / PAGE) - 1);
    this.page = Math.min(Math.max(p, 0), last);
    const tv = this.handle.textView(this.page * PAGE, PAGE);
    this.entityItems = new Map();
    this.relationItems = new Map();
    this.current = [];
    this.list.replaceChildren(...tv.entities.map((d) => this.entityItem(d)));
    this.pager.sync(tv.start, tv.entities.length);
    this.applyVisibility();
    this.mark(false);
  }

  entityItem(d) {
    const onClick = (button, kind, index) => button.addEventListener('click', () => this.select(kind, index, { centre: true }), { signal: this.signal });
    const li = el('li', 'am-text-entity');
    const h = el('h3', 'am-text-heading');
    const name = el('button', 'am-text-name', isolate(d.title));
    name.type = 'button';
    onClick(name, 'entity', d.index);
    h.append(name);
    li.append(h, ...summaryNodes(d));
    if (d.relations.length) {
      const ul = el('ul', 'relations');
      for (const r of d.relations) {
        const item = relationItem(r, (b) => onClick(b, 'relation', r.relation));
        if (r.note) item.append(el('div', 'relation-note', r.note));
        ul.append(item);
        if (!this.relationItems.has(r.relation)) this.relationItems.set(r.relation, []);
        this.relationItems.get(r.relation).push(item);
      }
      if (d.relationCount > d.relations.length) ul.append(this.moreItem(d, onClick));
      li.append(ul);
    }
    this.entityItems.set(d.index, li);
    return li;
  }

  /** For a hub: how many relations are not listed here, and a button to read them all in the details panel. */
  moreItem(d, onClick) {
    const li = el('li', 'am-text-more');
    const rest = (d.relationCount - d.relations.length).toLocaleString('en');
    const open = el('button', 'am-text-more-button', `${rest} more relations: read them in the details`);
    open.type = 'button';
    onClick(open, 'entity', d.index);
    li.append(open);
    return li;
  }

  applyVisibility() {
    if (this.page < 0) return;
    const v = this.views.refresh();
    for (const [i, li] of this.entityItems) li.hidden = !v.nodeVisible[i];
    for (const [r, items] of this.relationItems) for (const li of items) li.hidden = !v.edgeVisible[r];
  }

  /** The page that lists the selection (an entity, or a relation's first end), or -1. */
  pageOfSelection() {
    const sel = this.selected();
    if (!sel) return -1;
    const e = sel.kind === 'entity' ? sel.index : this.views.refresh().edgeEnds[2 * sel.index];
    return Math.floor(e / PAGE);
  }

  /** Turns to the page that lists the map's selection, if another, and marks it; scrolls to it when the map chose it. */
  markSelection(scroll) {
    if (!this.built || !this.open) return;
    const sel = this.selected();
    const listed = sel && (sel.kind === 'entity' ? this.entityItems : this.relationItems).has(sel.index);
    if (sel && !listed) this.showPage(this.pageOfSelection());
    this.mark(scroll);
  }

  /** Marks the selection with aria-current on the page shown. */
  mark(scroll) {
    for (const li of this.current) li.removeAttribute('aria-current');
    const sel = this.selected();
    this.current = !sel ? [] : sel.kind === 'entity' ? [this.entityItems.get(sel.index)].filter(Boolean) : this.relationItems.get(sel.index) || [];
    for (const li of this.current) li.setAttribute('aria-current', 'true');
    const inside = this.section.contains(document.activeElement) || this.section.contains(this.container.getRootNode().activeElement);
    if (scroll && this.current[0] && !inside) this.current[0].scrollIntoView({ block: 'nearest' });
  }
}
