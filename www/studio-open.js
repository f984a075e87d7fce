// Opening data: the Open button and drag-and-drop (a .toml, one or two
// .csv, a .gexf, .graphml or .json), rows pasted from a spreadsheet (in the
// Paste rows dialog, or anywhere on the page outside a text field), and
// the documented example. What cannot be opened is said at once, before
// anything slow (studio-read.js).
import { ACCEPT, checkFile, decodeText, extension, FileProblem } from './studio-read.js';
import { looksLikeRows, tsvToCsv } from './studio-tsv.js';

/** Reads the files of a FileList (or array of File): [{name, text}]; throws a FileProblem. */
export async function readFiles(list) {
  const files = [...list];
  if (!files.length) return [];
  const csv = files.filter((f) => extension(f.name) === '.csv');
  if (files.length > 1 && (csv.length !== files.length || files.length > 2)) {
    throw new FileProblem(`Open one data file, or one or two .csv files (entities and relations), not ${files.length} files.`);
  }
  for (const f of files) checkFile(f.name, f.size);
  // The compiler knows a format by its extension, in lower case (DATA.TOML is data.toml's format).
  const named = (n) => n.slice(0, n.length - extension(n).length) + extension(n);
  return Promise.all(files.map(async (f) => ({ name: named(f.name), text: decodeText(f.name, new Uint8Array(await f.arrayBuffer())) })));
}

/**
 * Wires the open controls. `open(files, how)` takes what was read
 * ([{name, text}]; `how`: 'file', 'rows' or 'example'); `problem(message)`
 * says why something could not be opened.
 */
export function attachOpen({ open, problem }) {
  const input = document.getElementById('open-file');
  input.accept = ACCEPT;
  const take = async (list, how = 'file') => {
    try {
      const files = await readFiles(list);
      if (files.length) await open(files, how);
    } catch (err) {
      problem(err instanceof FileProblem ? err.message : `Could not open the file: ${err.message}`);
    }
  };
  document.getElementById('open-button').addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    take(input.files);
    input.value = '';
  });

  // Drop anywhere on the page.
  const hasFiles = (e) => [...(e.dataTransfer?.types || [])].includes('Files');
  let depth = 0;
  document.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    depth++;
    document.body.classList.add('dropping');
  });
  document.addEventListener('dragleave', () => {
    if (depth && --depth === 0) document.body.classList.remove('dropping');
  });
  document.addEventListener('dragover', (e) => {
    if (hasFiles(e)) e.preventDefault();
  });
  document.addEventListener('drop', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    document.body.classList.remove('dropping');
    take(e.dataTransfer.files);
  });

  // Rows from a spreadsheet.
  const rows = async (text) => {
    if (!looksLikeRows(text)) {
      problem('These rows have no tabs between their cells: copy the cells from a spreadsheet (header row included), or open a .csv file.');
      return;
    }
    await open([{ name: 'pasted.csv', text: tsvToCsv(text) }], 'rows');
  };
  const dialog = document.getElementById('paste-rows');
  document.getElementById('paste-button').addEventListener('click', () => {
    dialog.querySelector('form').reset();
    dialog.showModal();
  });
  dialog.querySelector('form').addEventListener('submit', (e) => {
    if (e.submitter?.value === 'cancel') return;
    const text = dialog.querySelector('textarea').value;
    rows(text);
  });
  document.addEventListener('paste', (e) => {
    const t = e.composedPath()[0];
    if (t.closest?.('input, textarea, [contenteditable], dialog') || t.isContentEditable) return;
    const text = e.clipboardData?.getData('text/plain') || '';
    if (!looksLikeRows(text)) return;
    e.preventDefault();
    rows(text);
  });

  document.getElementById('example-button').addEventListener('click', () => example().then((files) => open(files, 'example')));
}

/** The documented example (tests/fixtures/docs_example.toml, copied into dist/studio/ by the build). */
export async function example() {
  const response = await fetch(new URL('studio/example.toml', document.baseURI));
  if (!response.ok) throw new Error(`the example is missing (HTTP ${response.status})`);
  return [{ name: 'data.toml', text: await response.text() }];
}
