//! CSV import: an entities file (Gephi `Id,Label`; Kumu `Label,Type`) and/or
//! a relations file (Gephi `Source,Target`; Kumu `From,To`), told apart by
//! their headers. Extra columns become attributes. A relations file alone
//! is fine: its endpoints become entities.

use super::Builder;
use crate::check::fields::At;
use crate::check::diagnostic::{Code, Diagnostic};

const FROM: &[&str] = &["source", "from"];
const TO: &[&str] = &["target", "to"];
const ID: &[&str] = &["id"];
const LABEL: &[&str] = &["label", "name"];

pub(crate) struct Table<'a> {
    pub text: &'a str,
    pub base: usize,
    pub headers: Vec<String>,
    pub rows: Vec<(Vec<String>, std::ops::Range<usize>)>,
}

impl Table<'_> {
    fn column(&self, names: &[&str]) -> Option<usize> {
        self.headers.iter().position(|h| names.contains(&h.trim().to_ascii_lowercase().as_str()))
    }
}

/// The separator the header line uses: comma, semicolon (European Excel)
/// or tab (`.tsv`), whichever splits it most; a space only when it splits
/// it into columns we know (Gephi writes `Source Target Type`).
fn sniff(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    let outside_quotes = |sep: char| header.split('"').step_by(2).map(|part| part.matches(sep).count()).sum::<usize>();
    let best = [',', ';', '\t'].into_iter().max_by_key(|&sep| (outside_quotes(sep), sep == ',')).unwrap_or(',');
    if outside_quotes(best) > 0 {
        return best as u8;
    }
    let known = header.split(' ').filter(|h| [FROM, TO, ID, LABEL].iter().any(|names| names.contains(&h.trim().to_ascii_lowercase().as_str()))).count();
    if known >= 1 && header.contains(' ') {
        b' '
    } else {
        b','
    }
}

fn parse<'a>(b: &mut Builder, text: &'a str, base: usize) -> Option<Table<'a>> {
    // A byte order mark (Excel writes one) is not part of the first header.
    let (text, base) = match text.strip_prefix('\u{feff}') {
        Some(rest) => (rest, base + '\u{feff}'.len_utf8()),
        None => (text, base),
    };
    let separator = sniff(text);
    if let Some(at) = unclosed_quote(text, separator) {
        b.diagnostics.push(
            Diagnostic::new(Code::Syntax, base + at..base + at + 1, "CSV: the quoted field that starts here is never closed, so the rest of the file would be read as one cell")
                .hint("close the quote; a quote inside a quoted field is written twice (\"\")"),
        );
        return None;
    }
    let mut reader = ::csv::ReaderBuilder::new().flexible(true).delimiter(separator).from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.iter().map(String::from).collect(),
        Err(e) => {
            b.diagnostics.push(csv_error(&e, base, text.len()));
            return None;
        }
    };
    let mut rows = Vec::new();
    for record in reader.records() {
        match record {
            Ok(r) => {
                let start = r.position().map_or(0, |p| p.byte() as usize);
                let end = text[start.min(text.len())..].find('\n').map_or(text.len(), |i| start + i);
                rows.push((r.iter().map(unneutralize).collect(), base + start..base + end));
            }
            Err(e) => b.diagnostics.push(csv_error(&e, base, text.len())),
        }
    }
    Some(Table { text, base, headers, rows })
}

/// Takes off the `'` our CSV export puts before a formula-like cell
/// (export/csv.rs), so importing our own export gives the original text.
fn unneutralize(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if crate::formats::export::csv::is_formula_like(rest) => rest.to_string(),
        _ => cell.to_string(),
    }
}

/// Where a quoted field opens that nothing closes (the csv reader would
/// silently read the rest of the file into it). A quote opens a field only
/// at its start; inside, `""` is a quote and `"` closes it.
fn unclosed_quote(text: &str, separator: u8) -> Option<usize> {
    let bytes = text.as_bytes();
    let (mut i, mut field_start, mut open) = (0, true, None);
    while i < bytes.len() {
        match (open, bytes[i]) {
            (None, b'"') if field_start => open = Some(i),
            (None, c) if c == separator || c == b'\n' || c == b'\r' => field_start = true,
            (None, _) => field_start = false,
            (Some(_), b'"') if bytes.get(i + 1) == Some(&b'"') => i += 1,
            (Some(_), b'"') => {
                open = None;
                field_start = false;
            }
            (Some(_), _) => {}
        }
        i += 1;
    }
    open
}

fn csv_error(e: &::csv::Error, base: usize, len: usize) -> Diagnostic {
    let at = e.position().map_or(0, |p| p.byte() as usize).min(len);
    Diagnostic::new(Code::Syntax, base + at..base + at, format!("CSV: {e}")).hint("check the quoting on this line: a field with a comma or a quote needs \"double quotes\"")
}

/// Reads every CSV input: entity files first, so relations can name entities by label.
pub fn read_all(b: &mut Builder, inputs: &[(&str, usize)]) {
    let tables: Vec<Table> = inputs.iter().filter_map(|&(text, base)| parse(b, text, base)).collect();
    let (relations, entities): (Vec<&Table>, Vec<&Table>) = tables.iter().partition(|t| t.column(FROM).is_some() && t.column(TO).is_some());
    for t in &entities {
        if super::matrix::is_matrix(t) {
            super::matrix::read_matrix(b, t);
        } else {
            read_entities(b, t);
        }
    }
    for t in &relations {
        read_relations(b, t, entities.is_empty());
    }
}

fn attributes(t: &Table, row: &[String], skip: &[usize]) -> Vec<(String, String)> {
    t.headers
        .iter()
        .enumerate()
        .filter(|(i, _)| !skip.contains(i))
        .filter_map(|(i, h)| row.get(i).map(|v| (h.trim().to_ascii_lowercase().replace(' ', "_"), v.clone())))
        .collect()
}

fn read_entities(b: &mut Builder, t: &Table) {
    let (id_col, label_col) = (t.column(ID), t.column(LABEL));
    if id_col.is_none() && label_col.is_none() {
        b.diagnostics.push(
            Diagnostic::new(Code::MissingField, t.base..t.base + t.text.find('\n').unwrap_or(t.text.len()), "CSV header has no `Id` or `Label` column, nor `Source`/`Target`")
                .hint(missing_columns_hint(&t.headers)),
        );
        return;
    }
    // A row of empty cells (a spreadsheet's trailing `,,`) is no node.
    for (row, span) in t.rows.iter().filter(|(row, _)| row.iter().any(|c| !c.trim().is_empty())) {
        let label = label_col.and_then(|c| row.get(c)).cloned().unwrap_or_default();
        let id = id_col.and_then(|c| row.get(c)).cloned().unwrap_or_else(|| label.clone());
        let skip: Vec<usize> = [id_col, label_col].into_iter().flatten().collect();
        b.entity(At { value: id, span: span.clone() }, &label, attributes(t, row, &skip), Vec::new(), span.clone());
    }
}

fn read_relations(b: &mut Builder, t: &Table, create_entities: bool) {
    let (from_col, to_col) = (t.column(FROM).expect("partitioned on it"), t.column(TO).expect("partitioned on it"));
    let id_col = t.column(ID);
    let mut seen = std::collections::HashSet::new();
    for (row, span) in &t.rows {
        let end = |c: usize| At { value: row.get(c).cloned().unwrap_or_default(), span: span.clone() };
        let (from, to) = (end(from_col), end(to_col));
        if from.value.trim().is_empty() || to.value.trim().is_empty() {
            let missing = if from.value.trim().is_empty() { &t.headers[from_col] } else { &t.headers[to_col] };
            b.diagnostics.push(
                Diagnostic::new(Code::MissingField, span.clone(), format!("relation row has no `{}`", missing.trim()))
                    .hint("every relation row needs both ends; fill the cell or delete the row"),
            );
            continue;
        }
        if create_entities {
            for e in [&from, &to] {
                if seen.insert(e.value.clone()) {
                    b.entity(e.clone(), &e.value, Vec::new(), Vec::new(), span.clone());
                }
            }
        }
        let id = id_col.and_then(|c| row.get(c)).filter(|v| !v.is_empty()).map(|v| b.relation_id(v, span));
        let skip: Vec<usize> = [Some(from_col), Some(to_col), id_col].into_iter().flatten().collect();
        b.relation(id, from, to, attributes(t, row, &skip), span.clone());
    }
}

/// What a header without the columns we need probably means: one cell
/// naming both ends is a separator we did not split on.
fn missing_columns_hint(headers: &[String]) -> String {
    let both = headers.iter().find(|h| {
        let lower = h.to_ascii_lowercase();
        (lower.contains("source") && lower.contains("target")) || (lower.contains("from") && lower.contains("to"))
    });
    match both {
        Some(cell) => {
            let separator: String = cell.chars().filter(|c| !c.is_alphanumeric() && *c != ' ' && *c != '_').take(1).collect();
            format!("the header cell `{}` names both ends: the file seems separated by `{separator}`, which is not read; separate columns with commas, semicolons, tabs or spaces", cell.trim())
        }
        // Gephi's adjacency list: a node, then its neighbours, no header.
        None if headers.len() >= 2 || headers.iter().any(|h| h.contains(';')) => "an entities file needs Id (or Label); a relations file needs Source and Target (or From and To); an adjacency list (a node, then its neighbours) is not read: write one Source,Target row per edge".into(),
        None => "an entities file needs Id (or Label); a relations file needs Source and Target (or From and To)".into(),
    }
}
