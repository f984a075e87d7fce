// The Problems region: every diagnostic as a line of the list (code,
// line:column, message, hint), errors first as the checker orders them.
// Choosing one moves the editor's cursor there; a fix the checker offers is
// a button beside it. A file with 30,000 problems shows the first 200 and
// "Show 200 more", so the page never builds 30,000 rows at once.

export const PAGE = 200;

/**
 * The list in `region` (which holds the heading). `goTo(d)` moves the
 * editor to diagnostic `d`; `fix(d)` applies its fix. `inEditor(d)`: whether
 * `d` is in the file the editor shows (others are listed, not linked).
 */
export function createProblems(region, { goTo, fix, inEditor }) {
  const summary = region.querySelector('.problems-summary');
  const list = region.querySelector('.problems-list');
  const more = region.querySelector('.problems-more');
  let all = [];
  let shown = 0;
  let unsent = 0; // problems the compiler counted but did not send (compiler-worker.js SENT)

  const row = (d) => {
    const li = document.createElement('li');
    li.className = `problem problem-${d.severity}`;
    const go = document.createElement(inEditor(d) ? 'button' : 'div');
    go.className = 'problem-go';
    if (go.tagName === 'BUTTON') {
      go.type = 'button';
      go.addEventListener('click', () => goTo(d));
    }
    const code = span('problem-code', `${d.severity === 'error' ? 'error' : 'warning'} ${d.code}`);
    const where = span('problem-where', inEditor(d) ? `${d.line}:${d.column}` : `${d.file}:${d.line}:${d.column}`);
    const message = span('problem-message', d.message);
    go.append(code, ' ', where, ' ', message);
    if (d.hint) go.append(span('problem-hint', `Hint: ${d.hint}`));
    li.append(go);
    if (d.fix && inEditor(d)) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'problem-fix';
      button.textContent = `Fix: ${d.fix.label}`;
      button.addEventListener('click', () => fix(d));
      li.append(button);
    }
    return li;
  };

  const showMore = () => {
    const next = all.slice(shown, shown + PAGE);
    list.append(...next.map(row));
    shown += next.length;
    const rest = all.length - shown;
    more.hidden = rest + unsent === 0;
    more.querySelector('button').hidden = rest === 0;
    more.querySelector('.problems-rest').textContent = `and ${(rest + unsent).toLocaleString('en')} more${rest ? '' : ': fix these first'}`;
  };
  more.querySelector('button').addEventListener('click', showMore);

  return {
    /** Lists `diagnostics`; `note`: what the summary says besides the counts (e.g. which file). */
    show(diagnostics, { errors, warnings, omitted = 0, note = '' }) {
      all = diagnostics;
      unsent = omitted;
      shown = 0;
      list.replaceChildren();
      const counts = [plural(errors, 'error'), plural(warnings, 'warning')].filter(Boolean).join(', ');
      summary.textContent = counts ? `${counts}${note ? ` ${note}` : ''}.` : `No problems${note ? ` ${note}` : ''}.`;
      showMore();
    },
    /** Says `message` instead of a list (the file could not be checked at all). */
    message(message) {
      all = [];
      shown = 0;
      unsent = 0;
      list.replaceChildren();
      more.hidden = true;
      summary.textContent = message;
    },
    get count() {
      return all.length;
    },
  };
}

function span(className, text) {
  const s = document.createElement('span');
  s.className = className;
  s.textContent = text;
  return s;
}

function plural(n, word) {
  return n ? `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}` : '';
}
