// The studio page (studio.html): open or write a data file, see its
// problems and its map as you type, publish it. This file wires the parts;
// each does one job: the editor (studio-editor.js), the Problems list
// (studio-problems.js), the map (studio-preview.js), opening files
// (studio-open.js), the forms (studio-forms.js), publishing
// (studio-publish.js), the draft (studio-draft.js), the notice and
// progress (studio-status.js). The compiler runs in workers
// (compiler-client.js), never on this page's thread.
//
// On every change: ~70 ms after the last keystroke the text is checked
// (the diagnostics replace the last ones); when it has no error it is
// built, and the map is mounted again from the new data.amap.
import { CompilerClient, Superseded } from './compiler-client.js';
import { createEditor } from './studio-editor.js';
import { createProblems } from './studio-problems.js';
import { createPreview } from './studio-preview.js';
import { attachForms } from './studio-forms.js';
import { attachOpen, example } from './studio-open.js';
import { attachPublish } from './studio-publish.js';
import { loadDraft, saveDraft, discardDraft } from './studio-draft.js';
import { createNotice, attachProgress } from './studio-status.js';

/** The pause after a keystroke before checking: short enough for diagnostics within 150 ms on the seed. */
const CHECK_DELAY_MS = 70;
const SAVE_DELAY_MS = 400;

const client = new CompilerClient();
const notice = createNotice(document.getElementById('notice'));
attachProgress(document.getElementById('progress'), client);
const fileLabel = document.getElementById('file-name');
const mapNote = document.getElementById('map-note');

let name = 'data.toml';
/** The text that needs no warning on leaving: as opened from a file, or as last downloaded. */
let baseline = null;
/** The last check: its version, and where its entities are (compiler's entityPlaces). */
let checked = { version: -1, places: [] };
let shownVersion = -1;
/** The data.amap the map shows, the next build's warm start. */
let shownMap = null;
let checkTimer = 0;
let saveTimer = 0;
let restoring = false;
/** An import's problems stay listed until the text changes again (a check of the unchanged text would replace them). */
let pinned = -1;

const editor = createEditor(document.getElementById('editor'), {
  label: 'Data file (TOML)',
  onChange,
  onCursor,
});
const problems = createProblems(document.getElementById('problems'), {
  inEditor: (d) => d.file === name,
  goTo: (d) => {
    const map = editor.mapper(checked.version) || ((p) => p);
    editor.goTo(map(d.from, 1), map(d.to, -1), { focus: true });
  },
  fix: (d) => {
    const map = editor.mapper(checked.version);
    if (!map) return;
    editor.change({ from: map(d.fix.from, 1), to: map(d.fix.to, -1), insert: d.fix.insert });
    editor.focus();
  },
});
const preview = createPreview(document.getElementById('map'), {
  onChoose: (id) => {
    const place = placeOf((p) => p.id === id);
    if (place) editor.goTo(place.from, place.from, { page: false });
  },
});
attachForms(editor);
const publish = attachPublish(document.getElementById('publish'), {
  client,
  files: () => [{ name, text: editor.text() }],
  text: () => editor.text(),
  onDownloaded: (text) => {
    baseline = text;
    scheduleSave();
  },
});
attachOpen({ open, problem: (message) => notice.say(message, { problem: true }) });

/** The entity place (mapped to the text as it is now) that `test` picks. */
function placeOf(test) {
  const map = editor.mapper(checked.version);
  if (!map) return null;
  for (const p of checked.places) {
    const place = { ...p, from: map(p.from, 1), to: map(p.to, -1) };
    if (test(place)) return place;
  }
  return null;
}

function onChange(version) {
  clearTimeout(checkTimer);
  checkTimer = setTimeout(() => check(version), CHECK_DELAY_MS);
  if (!restoring) scheduleSave();
}

/**
 * The wide layout, the map beside the editor (studio.css's breakpoint). On
 * a phone the map is below the editor: selecting on it while typing would
 * open its bottom sheet over the text, so the cursor selects nothing there.
 */
const sideBySide = window.matchMedia('(min-width: 960px)');

function onCursor(pos) {
  if (!sideBySide.matches) return;
  const place = placeOf((p) => p.from <= pos && pos <= p.to);
  if (place) preview.select(place.id);
}

function scheduleSave() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    const text = editor.text();
    saveDraft({ text, name, clean: text === baseline }).catch((err) => notice.say(`Your draft could not be saved in this browser: ${err.message}. Download data.toml to keep it.`, { problem: true }));
  }, SAVE_DELAY_MS);
}

async function check(version) {
  if (version !== editor.version) return;
  const text = editor.text();
  let result;
  try {
    result = await client.request('check', 'check', { files: [{ name, text }] }, { label: 'Checking the data', supersede: 'check' });
  } catch (err) {
    if (err.cancelled) problems.message('The check was cancelled: it runs again at your next change.');
    else if (!(err instanceof Superseded)) problems.message(`The data could not be checked: ${err.message}`);
    return;
  }
  // Stale: a newer check was shown, or the text was replaced since (a file opened).
  if (version < checked.version || !editor.mapper(version)) return;
  checked = { version, places: result.places };
  editor.setDiagnostics(result.diagnostics, version, name);
  if (version > pinned) problems.show(result.diagnostics, result);
  performance.mark('studio:diagnostics', { detail: { version, ms: result.ms, count: result.diagnostics.length } });
  publish.update(text);
  if (result.ok) build(version, text);
  else if (shownVersion >= 0) mapNote.textContent = 'The map shows the last version without errors: fix the errors to see your changes.';
  else mapNote.textContent = 'The map appears once the data has no errors.';
}

async function build(version, text) {
  let result;
  try {
    // The map shown starts the next one (a warm start, as `build` does from
    // its folder): an edit moves it a little instead of reshuffling it. The
    // published site is laid out afresh, as `alliance-map build` would.
    const options = shownMap ? { previous: shownMap } : {};
    result = await client.request('build', 'build', { files: [{ name, text }], options, only: ['data.amap'] }, { label: 'Building the map', supersede: 'map' });
  } catch (err) {
    if (err.cancelled) mapNote.textContent = 'The map was not redrawn (cancelled): it is drawn again at your next change.';
    else if (!(err instanceof Superseded)) mapNote.textContent = `The map could not be built: ${err.message}`;
    return;
  }
  const amap = result.files.find((f) => f.name === 'data.amap');
  if (version < shownVersion || !editor.mapper(version) || !amap) return;
  shownVersion = version;
  shownMap = amap.bytes;
  mapNote.textContent = '';
  await preview.show(amap.bytes, { onFirstFrame: () => performance.mark('studio:map', { detail: { version, ms: result.ms } }) });
}

/**
 * Puts `text` in the editor as file `file`; `clean`: it is saved somewhere
 * already (no warning on leaving). Returns the notice's way back to the
 * text it replaced, when that was never saved (null otherwise).
 */
function replaceText(text, file, { clean }) {
  const before = editor.text();
  const wasSafe = before === baseline || !before;
  name = file;
  fileLabel.textContent = name;
  baseline = clean ? text : null;
  checked = { version: -1, places: [] };
  editor.setText(text);
  return wasSafe ? null : { label: 'Back to the text before', run: () => replaceText(before, name, { clean: false }) };
}

async function open(files, how) {
  const names = files.map((f) => f.name).join(' and ');
  if (files.length === 1 && files[0].name.toLowerCase().endsWith('.toml')) {
    const undo = replaceText(files[0].text, how === 'example' ? 'data.toml' : files[0].name, { clean: true });
    notice.say(how === 'example' ? 'The documented example is open: edit it, or open your own file.' : `Opened ${names}.`, { act: undo });
    return;
  }
  notice.say(`Importing ${names}…`);
  let result;
  try {
    result = await client.request('build', 'convert', { files }, { label: `Importing ${names}` });
  } catch (err) {
    if (err.cancelled) notice.say(`The import of ${names} was cancelled.`);
    else if (!(err instanceof Superseded)) notice.say(`${names} could not be imported: ${err.message}`, { problem: true });
    return;
  }
  if (result.toml === undefined || result.toml === null) {
    problems.show(result.diagnostics, { ...result, note: `in ${names}: fix the file and open it again (your text is unchanged)` });
    pinned = editor.version;
    notice.say(`${names} could not be imported: see Problems.`, { problem: true });
    return;
  }
  const undo = replaceText(result.toml, 'data.toml', { clean: false });
  const warned = result.warnings ? ` with ${result.warnings} ${result.warnings === 1 ? 'warning' : 'warnings'}` : '';
  notice.say(`Imported ${how === 'rows' ? 'the pasted rows' : names} as data.toml${warned}: edit it here, then publish.`, { act: undo });
}

window.addEventListener('beforeunload', (e) => {
  if (editor.text() === baseline) return;
  e.preventDefault();
  e.returnValue = '';
});

async function start() {
  const draft = await loadDraft().catch(() => null);
  if (draft) {
    restoring = true;
    replaceText(draft.text, draft.name || 'data.toml', { clean: draft.clean });
    restoring = false;
    const when = new Date(draft.savedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    notice.say(`Restored your draft of ${when}.`, {
      act: {
        label: 'Discard the draft',
        run: async () => {
          const kept = { text: editor.text(), name };
          await discardDraft();
          await startFromExample();
          notice.say('Discarded your draft: the example is open.', { act: { label: 'Undo', run: () => (replaceText(kept.text, kept.name, { clean: false }), scheduleSave()) } });
        },
      },
    });
    return;
  }
  await startFromExample();
}

async function startFromExample() {
  restoring = true;
  try {
    const [file] = await example();
    replaceText(file.text, 'data.toml', { clean: true });
  } catch (err) {
    notice.say(`The example could not be opened: ${err.message}. Open a file instead.`, { problem: true });
  } finally {
    restoring = false;
  }
}

start();
