// A search box as an ARIA 1.2 combobox with a listbox popup: typing lists
// matching entities (ranked by the wasm search), Up/Down move the active
// option (aria-activedescendant), Enter or a click chooses it (the first one
// if none is active), Escape closes the list, then clears the text. Names
// from data go in as text only.
import { el } from './panel.js';
import { humanize } from './palette.js';

const LIMIT = 8;

export class Combobox {
  /**
   * @param {object} o
   * @param {string} o.id unique id prefix
   * @param {string} o.label accessible label (visually hidden unless o.showLabel)
   * @param {(query: string, limit: number) => Array} o.search
   * @param {(hit: object) => void} o.onChoose
   * @param {AbortSignal} o.signal ends its listeners
   */
  constructor({ id, label, placeholder = '', showLabel = false, search, onChoose, signal }) {
    this.search = search;
    this.onChoose = onChoose;
    this.signal = signal;
    this.hits = [];
    this.active = -1;
    this.chosen = null;
    this.listId = `${id}-list`;
    this.element = el('div', 'am-combo');
    const lab = el('label', showLabel ? 'am-combo-label' : 'am-sr', label);
    lab.htmlFor = `${id}-input`;
    this.input = el('input', 'am-combo-input');
    Object.assign(this.input, { id: `${id}-input`, type: 'text', autocomplete: 'off', spellcheck: false, placeholder });
    this.input.setAttribute('role', 'combobox');
    this.input.setAttribute('aria-autocomplete', 'list');
    this.input.setAttribute('aria-expanded', 'false');
    this.input.setAttribute('aria-controls', this.listId);
    this.list = el('ul', 'am-combo-list');
    this.list.id = this.listId;
    this.list.setAttribute('role', 'listbox');
    this.list.setAttribute('aria-label', label);
    this.list.hidden = true;
    this.element.append(lab, this.input, this.list);
    const on = (target, type, fn) => target.addEventListener(type, fn, { signal });
    on(this.input, 'input', () => {
      this.chosen = null;
      this.update();
    });
    on(this.input, 'keydown', (e) => this.onKey(e));
    on(this.input, 'blur', () => this.close());
    // Keep the focus in the input while an option is clicked (so no blur closes the list first).
    on(this.list, 'mousedown', (e) => e.preventDefault());
  }

  update() {
    this.hits = this.input.value.trim() ? this.search(this.input.value, LIMIT) : [];
    this.active = -1;
    this.list.replaceChildren();
    this.hits.forEach((hit, i) => {
      const li = el('li', 'am-combo-option');
      li.id = `${this.listId}-${i}`;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.append(el('bdi', '', hit.name), el('span', 'am-combo-kind', ` ${humanize(hit.kind)}${hit.note ? `, ${hit.note}` : ''}`));
      li.addEventListener('click', () => this.choose(i), { signal: this.signal });
      this.list.append(li);
    });
    if (this.input.value.trim() && !this.hits.length) {
      const li = el('li', 'am-combo-empty', 'No match');
      li.setAttribute('role', 'option');
      li.setAttribute('aria-disabled', 'true');
      li.setAttribute('aria-selected', 'false');
      this.list.append(li);
    }
    this.setOpen(this.list.children.length > 0);
  }

  setOpen(open) {
    this.list.hidden = !open;
    this.input.setAttribute('aria-expanded', String(open));
    if (!open) this.setActive(-1);
  }

  close() {
    this.setOpen(false);
  }

  setActive(i) {
    const old = this.list.children[this.active];
    if (old) old.setAttribute('aria-selected', 'false');
    this.active = i;
    const now = i >= 0 ? this.list.children[i] : null;
    if (now) {
      now.setAttribute('aria-selected', 'true');
      this.input.setAttribute('aria-activedescendant', now.id);
      now.scrollIntoView({ block: 'nearest' });
    } else this.input.removeAttribute('aria-activedescendant');
  }

  onKey(e) {
    const n = this.hits.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      e.stopPropagation();
      if (this.list.hidden) this.update();
      if (!n) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      this.setActive(this.active < 0 ? (step > 0 ? 0 : n - 1) : (this.active + step + n) % n);
    } else if (e.key === 'Enter') {
      if (!this.input.value.trim()) return;
      e.preventDefault();
      e.stopPropagation();
      if (!this.chosen || this.active >= 0) {
        if (!this.hits.length) this.update();
        this.choose(Math.max(this.active, 0));
      } else this.onChoose(this.chosen);
    } else if (e.key === 'Escape') {
      if (!this.list.hidden) this.close();
      else if (this.input.value) this.clear();
      else return;
      e.preventDefault();
      e.stopPropagation();
    }
  }

  choose(i) {
    const hit = this.hits[i];
    if (!hit) return;
    this.setValue(hit);
    this.close();
    this.onChoose(hit);
  }

  /** Shows a chosen entity ({index, name}) without searching. */
  setValue(hit) {
    this.chosen = hit;
    this.input.value = hit ? hit.name : '';
  }

  clear() {
    this.setValue(null);
    this.close();
  }

  /** The chosen entity, or the best match for what is typed, or null. */
  resolve() {
    if (this.chosen) return this.chosen;
    const q = this.input.value.trim();
    const best = q ? this.search(q, 1)[0] : null;
    if (best) this.setValue(best);
    return best || null;
  }
}
