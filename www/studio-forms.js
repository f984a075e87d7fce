// The forms for what people get wrong by hand: a source, an entity (a kind
// picker), a relation (from and to searched among the entities, its type,
// the sources it cites). Each writes one table of TOML into the text, after
// the last of its kind (studio-toml.js), and selects it; the text stays the
// one source of truth. The dialogs are in studio.html.
import { KINDS, RELATION_TYPES, ROLE_TYPE } from './studio-vocab.js';
import { scanTables, insertTable, sourceLines, entityLines, relationLines, makeId } from './studio-toml.js';

const option = (value, text) => Object.assign(document.createElement('option'), { value, textContent: text });

/**
 * Wires the dialogs `#add-source`, `#add-entity`, `#add-relation` and the
 * buttons `[data-opens=...]` that open them. `editor` is studio-editor.js's.
 */
export function attachForms(editor) {
  const dialogs = Object.fromEntries(['source', 'entity', 'relation'].map((k) => [k, document.getElementById(`add-${k}`)]));
  fillVocab(dialogs);
  for (const button of document.querySelectorAll('[data-opens]')) {
    button.addEventListener('click', () => open(button.dataset.opens));
  }
  const tables = () => scanTables(editor.text());

  function open(kind) {
    const dialog = dialogs[kind];
    const form = dialog.querySelector('form');
    form.reset();
    dialog.querySelector('.form-error').textContent = '';
    autoId(form);
    if (kind === 'relation') fillRelation(form, tables());
    if (kind === 'entity') fillSources(form, tables());
    dialog.showModal();
  }

  const write = {
    source(f, t) {
      const taken = t.filter((x) => x.kind === 'source').map((x) => x.id);
      if (!f.publisher.value.trim() && !f.title.value.trim()) return 'Give the publisher or the title (or both).';
      const id = f.id.value.trim() || makeId(f.publisher.value + ' ' + f.title.value, taken, 'source');
      if (taken.includes(id)) return `A source with id "${id}" exists already: choose another id.`;
      return ['source', sourceLines({ id, publisher: f.publisher.value, title: f.title.value, author: f.author.value, date: f.date.value, url: f.url.value })];
    },
    entity(f, t, form) {
      const taken = t.filter((x) => x.kind === 'entity').map((x) => x.id);
      const id = f.id.value.trim() || makeId(f.name.value, taken, 'entity');
      if (taken.includes(id)) return `An entity with id "${id}" exists already: choose another id.`;
      // Who it is may cite sources; none is allowed (the checker warns, W006).
      const sources = [...form.querySelectorAll('input[name="sources"]:checked')].map((i) => i.value);
      return ['entity', entityLines({ id, name: f.name.value, kind: f.kind.value, country: f.country.value, sources })];
    },
    relation(f, t, form) {
      const entities = t.filter((x) => x.kind === 'entity');
      const from = entityId(f.from.value, entities);
      const to = entityId(f.to.value, entities);
      if (!from) return `"${f.from.value}" is not an entity of this file: choose one from the list.`;
      if (!to) return `"${f.to.value}" is not an entity of this file: choose one from the list.`;
      if (from === to) return 'A relation goes from one entity to another: choose two different ones.';
      const sources = [...form.querySelectorAll('input[name="sources"]:checked')].map((c) => c.value);
      if (!sources.length) return 'Every relation cites at least one source: tick the sources that state it (add a source first if there is none).';
      const role = f.type.value === ROLE_TYPE ? f.role.value : '';
      if (f.type.value === ROLE_TYPE && !role.trim()) return 'A position needs its role ("chairwoman", "board member").';
      return ['relation', relationLines({ type: f.type.value, from, to, role, sources })];
    },
  };

  for (const [kind, dialog] of Object.entries(dialogs)) {
    const form = dialog.querySelector('form');
    form.addEventListener('submit', (e) => {
      if (e.submitter?.value === 'cancel') return;
      e.preventDefault();
      const out = write[kind](form.elements, tables(), form);
      if (typeof out === 'string') {
        dialog.querySelector('.form-error').textContent = out;
        return;
      }
      const [table, lines] = out;
      const change = insertTable(editor.text(), table, lines);
      dialog.close();
      editor.change({ from: change.at, insert: change.insert }, { from: change.from, to: change.to });
      editor.focus();
    });
  }
}

function fillVocab(dialogs) {
  const kind = dialogs.entity.querySelector('select[name="kind"]');
  kind.append(...KINDS.map(([k, meaning]) => option(k, `${k}: ${meaning}`)));
  const type = dialogs.relation.querySelector('select[name="type"]');
  type.append(...RELATION_TYPES.map(([k, meaning]) => option(k, `${k}: ${meaning}`)));
  const role = dialogs.relation.querySelector('.role-field');
  const showRole = () => (role.hidden = type.value !== ROLE_TYPE);
  type.addEventListener('change', showRole);
  dialogs.relation.querySelector('form').addEventListener('reset', () => queueMicrotask(showRole));
  showRole();
}

/** The id field follows the name (or publisher and title) until the user writes one. */
function autoId(form) {
  const id = form.elements.id;
  const from = [...form.querySelectorAll('[data-id-from]')];
  if (!id || !from.length) return;
  id.dataset.auto = 'true';
  id.oninput = () => (id.dataset.auto = 'false');
  const follow = () => {
    if (id.dataset.auto === 'true') id.value = makeId(from.map((f) => f.value).join(' '), [], '');
  };
  for (const f of from) f.oninput = follow;
}

/** The relation form's entity list (searched as you type) and the sources to tick. */
function fillRelation(form, tables) {
  const list = form.querySelector('datalist');
  list.replaceChildren(...tables.filter((t) => t.kind === 'entity' && t.id).map((t) => option(t.id, t.name ? `${t.name} (${t.id})` : t.id)));
  fillSources(form, tables);
}

/** A form's sources to tick, one checkbox per source of the file. */
function fillSources(form, tables) {
  const box = form.querySelector('.source-choices');
  const sources = tables.filter((t) => t.kind === 'source' && t.id);
  box.replaceChildren(
    ...(sources.length
      ? sources.map((t) => {
          const label = document.createElement('label');
          label.className = 'check';
          const input = Object.assign(document.createElement('input'), { type: 'checkbox', name: 'sources', value: t.id });
          label.append(input, ` ${t.title ? `${t.title} (${t.id})` : t.id}`);
          return label;
        })
      : [Object.assign(document.createElement('p'), { textContent: 'This file has no source yet: add one first.' })]),
  );
}

/** The id of the entity the user chose: its id, or its name as listed. */
function entityId(value, entities) {
  const v = value.trim();
  const byId = entities.find((e) => e.id === v);
  if (byId) return byId.id;
  const listed = /\(([a-z0-9_-]+)\)$/.exec(v);
  if (listed && entities.some((e) => e.id === listed[1])) return listed[1];
  const byName = entities.filter((e) => e.name === v);
  return byName.length === 1 ? byName[0].id : null;
}
