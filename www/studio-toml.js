// Editing the data file as text: where its tables are, and the TOML the
// studio's forms insert. The text stays the one source of truth: a form
// adds a table after the last one of its kind and leaves every other byte
// (comments, order, spacing) as the user wrote it. Not a TOML parser: a
// line scanner that knows strings (multi-line too), comments and brackets
// well enough to tell a table header from text that looks like one.

const HEADER = /^[ \t]*(\[\[?)[ \t]*([A-Za-z0-9_\-.]+(?:[ \t]*\.[ \t]*[A-Za-z0-9_\-]+)*)[ \t]*(\]\]?)[ \t]*(#.*)?$/;
const SIMPLE_VALUE = /^[ \t]*(id|name|title)[ \t]*=[ \t]*"((?:[^"\\]|\\.)*)"/;

/**
 * The tables of a data file, in order: {kind ('dataset', 'source',
 * 'entity', 'entity.attribute', 'relation' or any other header's dotted
 * name), array (a `[[...]]` header), from (the header line's start),
 * end (the end of its last line with content: the header's, a key's, or a
 * value's continuation), and its id, name and title when written as plain
 * one-line strings}.
 */
export function scanTables(text) {
  const tables = [];
  let current = null;
  let multiline = null; // the delimiter of an open multi-line string
  let depth = 0; // open [ and { of a value spanning lines
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const lineEnd = end > start && text[end - 1] === '\r' ? end - 1 : end;
    const line = text.slice(start, lineEnd);
    const header = !multiline && depth === 0 ? HEADER.exec(line) : null;
    if (header && header[1].length === header[3].length) {
      current = { kind: header[2].replace(/[ \t]/g, ''), array: header[1] === '[[', from: start, end: lineEnd, id: undefined, name: undefined, title: undefined };
      tables.push(current);
    } else {
      const wasOpen = Boolean(multiline) || depth > 0;
      const simple = !wasOpen && current ? SIMPLE_VALUE.exec(line) : null;
      if (simple && current[simple[1]] === undefined) current[simple[1]] = unescapeBasic(simple[2]);
      const state = scanLine(line, multiline, depth);
      ({ multiline, depth } = state);
      if ((wasOpen || state.content) && current) current.end = lineEnd;
    }
    start = end + 1;
  }
  return tables;
}

/** Follows strings, comments and brackets through one line; `content`: it holds more than blanks and a comment. */
function scanLine(line, multiline, depth) {
  let content = false;
  let i = 0;
  while (i < line.length) {
    if (multiline) {
      const close = findClose(line, i, multiline);
      content = true;
      if (close < 0) return { multiline, depth, content };
      i = close + 3;
      multiline = null;
      continue;
    }
    const c = line[i];
    if (c === '#') break;
    if (c !== ' ' && c !== '\t') content = true;
    if (c === '"' || c === "'") {
      const triple = line.startsWith(c.repeat(3), i);
      if (triple) {
        multiline = c.repeat(3);
        i += 3;
        continue;
      }
      i = skipString(line, i, c);
      continue;
    }
    if (c === '[' || c === '{') depth++;
    else if ((c === ']' || c === '}') && depth > 0) depth--;
    i++;
  }
  return { multiline, depth, content };
}

/** The index of the closing delimiter of a multi-line string from `i`, or -1 (a basic one skips escapes). */
function findClose(line, i, delimiter) {
  for (; i <= line.length - 3; i++) {
    if (delimiter === '"""' && line[i] === '\\') {
      i++;
      continue;
    }
    if (line.startsWith(delimiter, i)) {
      // Up to two quotes may end the content right before the delimiter ("""a"""").
      while (line[i + 3] === delimiter[0] && i < line.length - 3) i++;
      return i;
    }
  }
  return -1;
}

/** The index after a one-line string that opens at `i` with `quote`. */
function skipString(line, i, quote) {
  for (i++; i < line.length; i++) {
    if (quote === '"' && line[i] === '\\') i++;
    else if (line[i] === quote) return i + 1;
  }
  return line.length;
}

function unescapeBasic(s) {
  return s.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, e) => {
    if (e.length > 1) return String.fromCodePoint(parseInt(e.slice(1), 16));
    return { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', e: '\x1b' }[e] ?? e;
  });
}

/**
 * `s` as a TOML basic string: quotes, backslashes and control characters
 * escaped (a lone surrogate, which no UTF-8 file can hold, becomes U+FFFD).
 */
export function tomlString(s) {
  let out = '"';
  for (const ch of String(s)) {
    const c = ch.codePointAt(0);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else if (c >= 0xd800 && c <= 0xdfff) out += '\ufffd';
    else out += ch;
  }
  return `${out}"`;
}

/**
 * The title of the file's [dataset] table ('' for none), found without
 * scanning the whole text: a 3 MB file is checked on every pause in typing.
 */
export function datasetTitle(text) {
  const header = /^[ \t]*\[[ \t]*dataset[ \t]*\][ \t]*(?:#.*)?$/m.exec(text);
  if (!header) return '';
  const rest = text.slice(header.index);
  const next = /\n[ \t]*\[/.exec(rest);
  const [table] = scanTables(next ? rest.slice(0, next.index) : rest);
  return table?.title || '';
}

/** The order tables are kept in when a kind has none yet. */
const ORDER = ['dataset', 'source', 'entity', 'relation'];

/**
 * Where a new `kind` table goes in `text`: right after the last table of
 * that kind (an entity with its attributes), else after the last table of
 * the kind before it (dataset, source, entity, relation), else before the
 * first table (with the comment lines right above it), else at the end.
 * Returns {at, before, after}: insert `before + table + after` at `at`.
 */
export function insertionPoint(text, kind) {
  const tables = scanTables(text);
  const block = (k) => {
    let last = -1;
    tables.forEach((t, i) => {
      if (t.kind === k) last = i;
    });
    if (last < 0) return null;
    let i = last;
    while (i + 1 < tables.length && tables[i + 1].kind.startsWith(`${k}.`)) i++;
    return tables[i].end;
  };
  for (let k = ORDER.indexOf(kind); k >= 0; k--) {
    const at = block(ORDER[k]);
    if (at !== null) return { at, before: '\n\n', after: '' };
  }
  if (tables.length) return { at: commentsAbove(text, tables[0].from), before: '', after: '\n\n' };
  const before = !text.trim() ? '' : text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
  return { at: text.length, before, after: '\n' };
}

/** The start of the comment lines directly above the line at `from` (none: `from`). */
function commentsAbove(text, from) {
  let at = from;
  while (at > 0) {
    const prev = text.lastIndexOf('\n', at - 2) + 1;
    if (!/^[ \t]*#/.test(text.slice(prev, at - 1))) break;
    at = prev;
  }
  return at;
}

/**
 * The change that adds a `kind` table, given as its lines of TOML
 * (`lines`), to `text`: insert `insert` at `at`; the table is then at
 * `from`..`to` of the new text. Nothing else in the text changes.
 */
export function insertTable(text, kind, lines) {
  const table = [`[[${kind}]]`, ...lines].join('\n');
  const { at, before, after } = insertionPoint(text, kind);
  const from = at + before.length;
  return { at, insert: before + table + after, from, to: from + table.length };
}

/** `key = value` lines for the fields given (blank ones left out, as the format asks). */
function fields(pairs) {
  return pairs.filter(([, v]) => v !== undefined && String(v).trim() !== '').map(([k, v]) => `${k} = ${tomlString(String(v).trim())}`);
}

/** The lines of a [[source]] table. */
export function sourceLines({ id, publisher, title, author, date, url }) {
  return fields([['id', id], ['publisher', publisher], ['title', title], ['author', author], ['date', date], ['url', url]]);
}

/** The lines of an [[entity]] table. */
export function entityLines({ id, name, kind, country, sources }) {
  const lines = fields([['id', id], ['name', name], ['kind', kind], ['country', country]]);
  return sources?.length ? [...lines, `sources = [${sources.map(tomlString).join(', ')}]`] : lines;
}

/** The lines of a [[relation]] table (`role`: for `position` only). */
export function relationLines({ type, from, to, role, sources }) {
  const cited = (sources || []).map(tomlString).join(', ');
  return [...fields([['type', type], ['from', from], ['to', to], ['role', role]]), `sources = [${cited}]`];
}

/** An id in the format's alphabet (a-z, 0-9, - and _) made from `text`, not one of `taken`. */
export function makeId(text, taken, fallback = 'item') {
  const base =
    String(text)
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || fallback;
  const used = new Set(taken);
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
