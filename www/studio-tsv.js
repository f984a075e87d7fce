// Rows copied from a spreadsheet arrive as tab-separated text (a cell
// holding a tab, a quote or a line break is quoted, as Excel, LibreOffice
// and Google Sheets write it). The compiler imports CSV, so the studio turns
// the rows into CSV text (RFC 4180) and converts that.

/** Whether `text` looks like rows copied from a spreadsheet: a tab in its first line. */
export function looksLikeRows(text) {
  const first = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length);
  return first.includes('\t');
}

/** The rows of tab-separated `text`, as arrays of cells (a trailing empty line dropped). */
export function parseTsv(text) {
  const rows = [];
  let row = [];
  let i = 0;
  const n = text.length;
  while (i <= n) {
    let cell = '';
    if (text[i] === '"') {
      // A quoted cell: up to the quote followed by a tab, a line break or the end.
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          cell += text.slice(i);
          i = n;
          break;
        }
        cell += text.slice(i, q);
        if (text[q + 1] === '"') {
          cell += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      // Anything after the closing quote before the separator belongs to the cell.
      const stop = nextStop(text, i);
      cell += text.slice(i, stop);
      i = stop;
    } else {
      const stop = nextStop(text, i);
      cell = text.slice(i, stop);
      i = stop;
    }
    row.push(cell.replace(/\r$/, ''));
    if (text[i] === '\t') {
      i++;
      continue;
    }
    rows.push(row);
    row = [];
    if (i >= n) break;
    i++; // the line break
    if (i === n) break;
  }
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

function nextStop(text, i) {
  const tab = text.indexOf('\t', i);
  const nl = text.indexOf('\n', i);
  const stops = [tab, nl].filter((x) => x >= 0);
  return stops.length ? Math.min(...stops) : text.length;
}

/** One CSV cell, quoted when it holds a comma, a quote, a line break or edge spaces. */
function csvCell(cell) {
  return /[",\r\n]|^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Tab-separated rows as CSV text (CRLF line ends are not needed: LF). */
export function tsvToCsv(text) {
  return parseTsv(text).map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}
