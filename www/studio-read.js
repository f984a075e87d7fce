// Reading a file the user opened: which formats the compiler takes, and a
// clear message for what it cannot take (too big, not text, not UTF-8),
// said before anything slow happens.

/** The extensions the compiler reads (compiler.d.ts: SourceFile). */
export const FORMATS = ['.toml', '.csv', '.gexf', '.graphml', '.json'];
/** What the file picker offers. */
export const ACCEPT = FORMATS.join(',');
/**
 * The largest file the studio opens. A 10,000-entity data file is about
 * 2.5 MB; past this size the editor and a check on every keystroke would
 * make the page slow, and the command line is the better tool.
 */
export const MAX_BYTES = 10 * 1024 * 1024;

/** A problem with a file the user opened: its message is for them. */
export class FileProblem extends Error {}

const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Refuses, by name and size alone, what the studio cannot open. */
export function checkFile(name, size) {
  const ext = extension(name);
  if (!FORMATS.includes(ext)) {
    throw new FileProblem(`${name} is not a file the studio reads: open a data file (.toml), one or two .csv files, or a .gexf, .graphml or .json (JSON Graph Format) file.`);
  }
  if (size > MAX_BYTES) {
    throw new FileProblem(
      `${name} is ${mb(size)}: the studio opens files up to ${mb(MAX_BYTES)}. Check and build it with the command line instead (npx alliance-map build ${name} -o site).`,
    );
  }
}

export function extension(name) {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}

/**
 * The text of a file's `bytes`: UTF-8 (a byte order mark is skipped).
 * Throws a FileProblem naming the place for binary data (a NUL byte) or
 * bytes that are not UTF-8.
 */
export function decodeText(name, bytes) {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new FileProblem(`${name} is UTF-16 text: save it as UTF-8 (in a spreadsheet: CSV UTF-8) and open it again.`);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const { line, column } = placeOf(bytes, nul);
    throw new FileProblem(`${name} is not a text file: it holds binary data (a zero byte at line ${line}, column ${column}). Open a data file (.toml) or a .csv, .gexf, .graphml or .json file.`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const { line, column } = placeOf(bytes, bad);
    const hex = bytes[bad].toString(16).toUpperCase().padStart(2, '0');
    throw new FileProblem(`${name} is not UTF-8 text: the byte 0x${hex} at line ${line}, column ${column} is not UTF-8. Save the file as UTF-8 (in a spreadsheet: CSV UTF-8) and open it again.`);
  }
}

/** Line and column (from 1, in characters) of byte `at`, counting the valid UTF-8 before it. */
function placeOf(bytes, at) {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) (line++, (lineStart = i + 1));
  let column = 1;
  for (let i = lineStart; i < at; i++) if ((bytes[i] & 0xc0) !== 0x80) column++;
  return { line, column };
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes) {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let n = 0;
    let min = 0;
    if (b < 0x80) n = 0;
    else if (b >= 0xc2 && b <= 0xdf) n = 1;
    else if (b >= 0xe0 && b <= 0xef) [n, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [n, min] = [3, 0x10000];
    else return i;
    if (n && i + n >= bytes.length) return i;
    let cp = n === 0 ? b : b & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (n && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) return i;
    i += n + 1;
  }
  return bytes.length;
}
