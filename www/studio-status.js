// What the studio tells the user: one notice line (what just happened, or
// why a file could not be opened, with at most one action such as Discard
// or Undo), and progress for anything the compiler takes over a second at
// (compiler-client.js's 'progress' events), with a way to cancel it.

/** The notice in `el` (.notice-text and a .notice-discard button). */
export function createNotice(el) {
  const text = el.querySelector('.notice-text');
  const button = el.querySelector('.notice-discard');
  let action = null;
  button.addEventListener('click', () => {
    const run = action;
    button.hidden = true;
    action = null;
    run?.();
  });
  return {
    /** Says `message`; `problem`: it is why something failed; `act`: {label, run}, a button beside it. */
    say(message, { problem = false, act = null } = {}) {
      text.textContent = message;
      el.classList.toggle('notice-problem', problem);
      action = act?.run || null;
      button.hidden = !act;
      if (act) button.textContent = act.label;
    },
  };
}

/** Shows the compiler's slow requests in `el` (a <progress>, a label, a Cancel button). */
export function attachProgress(el, client) {
  const label = el.querySelector('#progress-label');
  const cancel = el.querySelector('.progress-cancel');
  const active = new Map(); // lane -> {label, elapsed}
  let shown = null;
  const render = () => {
    const latest = [...active.entries()].pop();
    el.hidden = !latest;
    if (!latest) return;
    const [lane, { label: what, elapsed }] = latest;
    shown = lane;
    label.textContent = `${what}… ${(elapsed / 1000).toFixed(1)} s`;
  };
  client.addEventListener('progress', ({ detail }) => {
    if (detail.done) active.delete(detail.lane);
    else active.set(detail.lane, detail);
    render();
  });
  cancel.addEventListener('click', () => {
    if (shown) client.cancel(shown);
    active.delete(shown);
    render();
  });
}
