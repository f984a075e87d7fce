// The details panel: everything from data goes in as text (textContent),
// never as HTML; only http(s) URLs become links.
import { humanize } from './palette.js';
import { el, isolate } from './dom.js';

export { el };

export function citeMarks(cites) {
  const span = el('span', 'cite-marks');
  span.textContent = cites.map((c) => `[${c + 1}]`).join('');
  return span;
}

export function citationItem(c) {
  const li = el('li', 'citation');
  const parts = [c.publisher, c.author, c.date].filter(Boolean);
  const title = c.title ? `“${c.title}”` : c.id;
  if (c.url && /^https?:\/\//.test(c.url)) {
    const a = el('a', '', title);
    a.href = c.url;
    a.rel = 'noopener noreferrer';
    a.target = '_blank';
    li.append(a);
  } else {
    li.append(el('span', 'citation-title', title));
  }
  if (parts.length) li.append(document.createTextNode(`, ${parts.join(', ')}`));
  // A source that is a party to its own story says so beside it (the words are the wasm's).
  if (c.interest) li.append(el('span', 'citation-interest', ` (${c.interest})`));
  return li;
}

/** The subtitle, aliases and facts (with citation marks) of a Details object, as nodes to append. */
export function summaryNodes(d) {
  const subtitle = el('p', 'panel-subtitle', d.subtitle);
  if (d.identity?.length) subtitle.append(citeMarks(d.identity));
  const nodes = [subtitle];
  if (d.aliases.length) nodes.push(el('p', 'panel-aliases', `Also: ${d.aliases.map(isolate).join('; ')}`));
  if (d.facts.length) {
    const dl = el('dl', 'facts');
    for (const f of d.facts) {
      const dd = el('dd', '', f.value);
      if (f.claim) dd.append(el('span', 'fact-claim', ` (${f.claim})`));
      dd.append(citeMarks(f.cites));
      dl.append(el('dt', '', f.label), dd);
    }
    nodes.push(dl);
  }
  return nodes;
}

/** A relation's sentence as a button (`listen(button)` makes it select the relation) and its citation marks, in an <li>. */
export function relationItem(r, listen) {
  const li = el('li', r.basis === 'inferred' ? 'relation relation-inferred' : 'relation');
  const sentence = el('button', 'relation-sentence', r.sentence);
  sentence.type = 'button';
  listen(sentence);
  li.append(sentence, citeMarks(r.cites));
  return li;
}

/** The "Show more" button under a page of relations: `shown` of `count`, `onMore()` asks for the next page. */
function moreButton(shown, count, onMore, signal) {
  const next = Math.min(RELATIONS_PAGE, count - shown);
  const more = el('button', 'relations-more', `Show ${next.toLocaleString('en')} more (${shown.toLocaleString('en')} of ${count.toLocaleString('en')} shown)`);
  more.type = 'button';
  more.addEventListener('click', onMore, { signal });
  return more;
}

/** Relations the panel shows at first, and adds per "Show more": a hub's 100,000 at once took 39 s. */
export const RELATIONS_PAGE = 100;

/**
 * Fills `panel` with a Details object from the wasm; `onPick(kind, index)`
 * follows links and `onMore()` asks for the next page of relations (until
 * `signal` aborts).
 */
export function renderDetails(panel, d, onPick, uid, signal, onMore) {
  panel.replaceChildren();
  const onClick = (button, kind, index) => button.addEventListener('click', () => onPick(kind, index), { signal });
  const close = el('button', 'panel-close', '×');
  close.type = 'button';
  close.setAttribute('aria-label', 'Close details');
  onClick(close, '', 0);
  const heading = el('h2', 'panel-title', d.what === 'entity' ? isolate(d.title) : d.title);
  heading.id = `${uid}-title`;
  heading.tabIndex = -1;
  const grip = el('div', 'sheet-grip');
  grip.setAttribute('aria-hidden', 'true');
  panel.append(grip);
  panel.append(close, heading, ...summaryNodes(d));
  if (d.relations.length) {
    panel.append(el('h3', '', d.what === 'entity' ? `Relations (${d.relationCount.toLocaleString('en')})` : 'Relation'));
    const ul = el('ul', 'relations');
    for (const r of d.relations) {
      const li = relationItem(r, (b) => onClick(b, 'relation', r.relation));
      for (const f of r.facts) li.append(el('div', 'relation-fact', `${f.label}: ${f.value}`));
      if (r.note) li.append(el('div', 'relation-note', r.note));
      if (d.what === 'relation') {
        const go = el('button', 'relation-other', 'Show the other end');
        go.type = 'button';
        onClick(go, 'entity', r.other);
        li.append(go);
      }
      ul.append(li);
    }
    panel.append(ul);
    if (d.relationCount > d.relations.length) panel.append(moreButton(d.relations.length, d.relationCount, onMore, signal));
  }
  if (d.citations.length) {
    panel.append(el('h3', '', 'Sources'));
    const ol = el('ol', 'citations');
    for (const c of d.citations) ol.append(citationItem(c));
    panel.append(ol);
  }
  panel.hidden = false;
}
