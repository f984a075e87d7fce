// The studio's code editor: CodeMirror 6 with TOML highlighting, the
// checker's diagnostics as underlines and gutter marks, and a one-click
// fix where the checker names a replacement. It lives in a shadow root:
// CodeMirror's styles (style-mod) then go into a constructed, adopted style
// sheet, which a strict Content-Security-Policy (style-src 'self', no
// 'unsafe-inline') allows, where a <style> element it would add to the
// document's head is blocked. Bundled by esbuild (bare imports): the
// studio runs from dist/.
import { EditorState, ChangeSet } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection, highlightSpecialChars } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { StreamLanguage, syntaxHighlighting, defaultHighlightStyle, bracketMatching } from '@codemirror/language';
import { searchKeymap, highlightSelectionMatches } from '@codemirror/search';
import { lintGutter, lintKeymap, setDiagnostics } from '@codemirror/lint';
import { toml } from '@codemirror/legacy-modes/mode/toml';

/** How many versions back a late check's positions can still be mapped to the text as it is now. */
const KEPT_VERSIONS = 64;
/** The most diagnostics marked in the text (the Problems list has them all): marking 30,000 would hold the page. */
export const MARKED = 2000;

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '14px', backgroundColor: '#ffffff', color: '#1a1a1a' },
  '&.cm-focused': { outline: '3px solid #0b5cad', outlineOffset: '-3px' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', lineHeight: '1.5' },
  '.cm-gutters': { backgroundColor: '#f4f6f8', color: '#4a5563', borderRight: '1px solid #d5dae1' },
  '.cm-activeLine': { backgroundColor: '#eef4fb' },
  '.cm-activeLineGutter': { backgroundColor: '#dde8f5' },
  '.cm-tooltip-lint': { maxWidth: '60ch' },
  '.cm-diagnosticAction': { font: 'inherit', padding: '4px 10px', minHeight: '32px' },
});

/**
 * An editor in `host` (its shadow root), labelled `label` for assistive
 * technology. `onChange(version)` follows every change of the text,
 * `onCursor(pos)` every move of the cursor the user makes.
 */
export function createEditor(host, { label, onChange, onCursor }) {
  const root = host.attachShadow({ mode: 'open' });
  let version = 0;
  // For each recent version, the changes since then: a late check's positions map through them.
  let since = new Map([[0, ChangeSet.empty(0).desc]]);
  let quiet = false; // our own cursor moves are not the user's
  const extensions = [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    bracketMatching(),
    StreamLanguage.define(toml),
    syntaxHighlighting(defaultHighlightStyle),
    lintGutter(),
    keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, ...lintKeymap]),
    // tabindex: the text box is the scrolling region's keyboard way in (axe-core: scrollable-region-focusable).
    EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
    EditorView.lineWrapping,
    theme,
    EditorView.updateListener.of((update) => {
      if (update.docChanged) changed(update.changes.desc, update.state.doc.length);
      if (update.selectionSet && !quiet && update.transactions.some((t) => t.isUserEvent('select') || t.isUserEvent('input') || t.isUserEvent('delete'))) {
        onCursor(update.state.selection.main.head);
      }
    }),
  ];
  const view = new EditorView({ root, parent: root, state: EditorState.create({ doc: '', extensions }) });
  // For tests and tools: the host knows its editor's view.
  host.editorView = view;

  /** A new version of the text: `desc` (null: all of it replaced) is what changed. */
  function changed(desc, length) {
    version++;
    const next = new Map();
    if (desc) for (const [v, d] of since) if (v > version - KEPT_VERSIONS) next.set(v, d.composeDesc(desc));
    next.set(version, ChangeSet.empty(length).desc);
    since = next;
    onChange(version);
  }

  /** Maps a position in the text of `v` to the text as it is now (null: too old to map). */
  const mapper = (v) => {
    const desc = since.get(v);
    return desc ? (pos, assoc = -1) => desc.mapPos(pos, assoc) : null;
  };

  return {
    view,
    root,
    get version() {
      return version;
    },
    text: () => view.state.doc.toString(),
    mapper,
    /** Replaces the whole text (a file opened, a draft restored): the undo history starts again. */
    setText(text) {
      view.setState(EditorState.create({ doc: text, extensions }));
      changed(null, text.length);
    },
    /**
     * Moves the cursor to `from` (selecting to `to`), scrolled into view;
     * `focus` puts the keyboard there. `page: false` scrolls the editor
     * only, never the page (the map chose it: the reader stays at the map).
     */
    goTo(from, to = from, { focus = false, page = true } = {}) {
      const len = view.state.doc.length;
      const [anchor, head] = [Math.min(from, len), Math.min(to, len)];
      quiet = true;
      view.dispatch({ selection: { anchor, head }, scrollIntoView: page });
      quiet = false;
      if (!page) view.scrollDOM.scrollTop = Math.max(0, view.lineBlockAt(anchor).top - 2 * view.defaultLineHeight);
      if (focus) view.focus();
    },
    /** Applies a change {from, to, insert} as the user's edit (undoable); `select`: the range to select after. */
    change(changes, select = null) {
      view.dispatch({ changes, ...(select ? { selection: { anchor: select.from, head: select.to }, scrollIntoView: true } : {}), userEvent: 'input' });
    },
    /**
     * Shows the checker's diagnostics of `file` (the first MARKED), checked
     * at `v`: positions are mapped to the text as it is now. A `fix` becomes
     * the mark's action.
     */
    setDiagnostics(diagnostics, v, file) {
      const map = mapper(v);
      if (!map) return;
      const len = view.state.doc.length;
      const marks = [];
      for (const d of diagnostics) {
        if (d.file !== file) continue;
        if (marks.length === MARKED) break;
        const from = Math.min(map(d.from, 1), len);
        const to = Math.min(Math.max(map(d.to, -1), from), len);
        const mark = { from, to, severity: d.severity, source: d.code, message: d.hint ? `${d.message}\nHint: ${d.hint}` : d.message };
        if (d.fix) {
          const { fix } = d;
          // Given where the mark is now: the fix keeps its distance from the mark's ends.
          const apply = (target, at, end) => target.dispatch({ changes: { from: at + (fix.from - d.from), to: end + (fix.to - d.to), insert: fix.insert }, userEvent: 'input' });
          mark.actions = [{ name: fix.label, apply }];
        }
        marks.push(mark);
      }
      view.dispatch(setDiagnostics(view.state, marks));
    },
    focus: () => view.focus(),
  };
}
