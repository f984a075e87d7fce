// The studio's test helpers (studio.test.mjs, studio-files.test.mjs): open
// the studio from the sub-path, read and drive its editor, wait for what
// the Problems list, the notice and the map say.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { recordViolations, collectErrors, DESKTOP, ROOT } from './harness.mjs';

export const EXAMPLE = fs.readFileSync(path.join(ROOT, 'tests/fixtures/docs_example.toml'), 'utf8');

/** The compiler module in Node (pkg/, as scripts/build.sh leaves it): other formats of a file, entity places. */
export const compiler = await import(path.join(ROOT, 'pkg/alliance_map_compiler.js'));
compiler.initSync({ module: fs.readFileSync(path.join(ROOT, 'pkg/alliance_map_compiler_bg.wasm')) });

/**
 * `withStudio(fn, {contextOptions, init})` for a test file's `env`
 * (useServerAndBrowser): opens the studio in a fresh context (downloads
 * accepted; `init`: an init script), once its first map is drawn, runs
 * `fn(page, context)`, then asserts no policy violation and no console or
 * page error happened.
 */
export function studioOpener(env) {
  return async function withStudio(fn, { contextOptions = DESKTOP, init = null } = {}) {
    const context = await env.browser.newContext({ ...contextOptions, acceptDownloads: true });
    try {
      const page = await context.newPage();
      await recordViolations(page);
      if (init) await page.addInitScript(init);
      const errors = collectErrors(page);
      await page.goto(`${env.server.subUrl}studio.html`);
      await mapWith(page);
      await fn(page, context);
      assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no Content-Security-Policy violation');
      assert.deepEqual(errors, [], 'no console error or page error');
    } finally {
      await context.close();
    }
  };
}

/** The editor's text. */
export const text = (page) => page.evaluate(() => document.querySelector('#editor').editorView.state.doc.toString());
/** The editor's cursor (an offset into its text). */
export const cursor = (page) => page.evaluate(() => document.querySelector('#editor').editorView.state.selection.main.head);

/** Selects from..to in the editor as the user would (a 'select' event) and puts the keyboard there. */
export const selectText = (page, from, to = from) =>
  page.evaluate(
    ([from, to]) => {
      const view = document.querySelector('#editor').editorView;
      view.dispatch({ selection: { anchor: from, head: to }, userEvent: 'select.pointer', scrollIntoView: true });
      view.focus();
    },
    [from, to],
  );

/** Waits for the text of `selector` to match `re`. */
const says = (page, selector, re) =>
  page.waitForFunction(([selector, src]) => new RegExp(src).test(document.querySelector(selector).textContent), [selector, re.source], { timeout: 30000 });

export const summary = (page) => page.textContent('.problems-summary');
/** Waits for the Problems summary to match `re`. */
export const problemsSay = (page, re) => says(page, '.problems-summary', re);
export const notice = (page) => page.textContent('#notice .notice-text');
/** Waits for the notice to match `re`. */
export const noticeSays = (page, re) => says(page, '#notice .notice-text', re);
/** Waits for the publish section's note to match `re`. */
export const publishSays = (page, re) => says(page, '.publish-note', re);

/**
 * Waits until the map's state() has what `want` says ({nodeCount, edgeCount,
 * label: a label drawn, entity: an id mapped, selected: true}); resolves to the state.
 * (Data, not a predicate: the page's policy forbids the eval a predicate string needs.)
 */
export async function mapWith(page, want = {}) {
  const handle = await page.waitForFunction(
    (want) => {
      const map = document.querySelector('#map').allianceMap;
      if (!map || map.destroyed) return false;
      const s = map.state();
      if (s.drawn.nodes === 0) return false;
      if (want.nodeCount !== undefined && s.nodeCount !== want.nodeCount) return false;
      if (want.edgeCount !== undefined && s.edgeCount !== want.edgeCount) return false;
      if (want.label !== undefined && !s.labels.includes(want.label)) return false;
      if (want.entity !== undefined && !s.entityIds.includes(want.entity)) return false;
      if (want.selected && !(s.selected && s.selected.kind === 'entity')) return false;
      return s;
    },
    want,
    { timeout: 30000 },
  );
  return handle.jsonValue();
}

/** Whether leaving the page now would ask first (its beforeunload handler cancels the event). */
export const asksOnLeaving = (page) =>
  page.evaluate(() => {
    const e = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(e);
    return e.defaultPrevented;
  });

/** Opens `files` ({name, text} or {name, bytes}) with the Open button's file input. */
export const openFiles = (page, files) =>
  page.setInputFiles('#open-file', files.map(({ name, text: t, bytes }) => ({ name, mimeType: 'text/plain', buffer: bytes ? Buffer.from(bytes) : Buffer.from(t) })));

/** "line:column" (from 1) of `offset` in `t`, as the Problems list writes it. */
export const lineColumn = (t, offset) => {
  const before = t.slice(0, offset);
  return `${before.split('\n').length}:${offset - before.lastIndexOf('\n')}`;
};
