//! `check`: TOML text in, a validated [`Dataset`] and every diagnostic out.
//! Native only (the runtime wasm never parses TOML).
//!
//! Pipeline: `toml` parses with recovery and spans → `read` turns tables into
//! raw records, reporting local problems → `resolve` applies cross-record rules
//! and builds the index-based dataset.

pub mod claims;
pub mod corrections;
pub mod reactions;
pub mod steps;
pub mod escape;
pub(crate) mod excerpt;
pub mod diagnostic;
pub mod fields;
pub(crate) mod identity;
pub mod lines;
pub(crate) mod names;
pub mod raw;
pub mod read;
pub mod render;
pub mod resolve;
pub mod share;
pub mod suggest;
pub mod url;

use crate::check::diagnostic::{Code, Diagnostic};
use crate::model::Dataset;
use toml::de::DeTable;

/// The result of checking one file: the dataset if there were no errors, and
/// every diagnostic (errors and warnings) sorted by position.
#[derive(Debug)]
pub struct Checked {
    /// `Some` when no diagnostic is an error.
    pub dataset: Option<Dataset>,
    /// All problems, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// Where an imported file placed every entity (x, y interleaved, in
    /// layout units), when it placed each one (Gephi's `viz:position`);
    /// `build --layout keep` draws the map so. Never set by `check`.
    pub positions: Option<Vec<f32>>,
}

/// Checks the text of a data file. Never panics, whatever the input.
pub fn check(text: &str) -> Checked {
    let mut diagnostics = Vec::new();
    let (root, syntax_errors) = DeTable::parse_recoverable(text);
    // A second `[relation]` makes the parser report each of its keys again: one error says it.
    let mut single_bracket_headers = Vec::new();
    for err in &syntax_errors {
        let span = err.span().unwrap_or(0..0);
        let (hint, header) = syntax_hint(text, span.start, err.message());
        if let Some(at) = header {
            if single_bracket_headers.contains(&at) {
                continue;
            }
            single_bracket_headers.push(at);
        }
        diagnostics.push(Diagnostic::new(Code::Syntax, span, format!("TOML syntax: {}", err.message().trim())).hint(hint));
    }
    if !syntax_errors.is_empty() {
        // A recovered tree after a syntax error yields confusing follow-on
        // errors (missing fields that are really there); report syntax only.
        sort(&mut diagnostics);
        return Checked { dataset: None, diagnostics, positions: None };
    }
    let raw = read::read_file(root.get_ref(), root.span(), &mut diagnostics);
    let dataset = resolve::resolve(raw, &mut diagnostics);
    sort(&mut diagnostics);
    Checked { dataset, diagnostics, positions: None }
}

/// The list tables, whose single-bracket header is the usual cause of a "duplicate key".
const LIST_TABLES: [&str; 3] = ["source", "entity", "relation"];

/// A hint for a TOML syntax error at `at`: a duplicate key under (or of) a
/// single-bracket `[relation]` says that double brackets make a list, and
/// gives that table's header offset (the first `[relation]`).
fn syntax_hint(text: &str, at: usize, message: &str) -> (String, Option<usize>) {
    let at = (0..=at.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    // Up to the end of the error's line: the error may sit on the header itself.
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    // The table the error is in, if a single-bracket list table, with the
    // offset of that name's first header (a second `[relation]` repeats it).
    let mut header: Option<(&str, usize)> = None;
    let mut firsts: Vec<(&str, usize)> = Vec::new();
    let mut offset = 0;
    for line in text[..end].split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            // `[name]`, not `[[name]]`.
            let single = trimmed.strip_prefix('[').filter(|t| !t.starts_with('[')).and_then(|t| t.split(']').next()).map(str::trim);
            header = single.filter(|name| LIST_TABLES.contains(name)).map(|name| match firsts.iter().find(|(n, _)| *n == name) {
                Some(&first) => first,
                None => {
                    firsts.push((name, offset));
                    (name, offset)
                }
            });
        }
        offset += line.len();
    }
    match header {
        Some((name, at)) if message.contains("duplicate") => (
            format!("`[{name}]` (single brackets) is one table, so a second one repeats its keys; write `[[{name}]]` (double brackets): each one adds a {name} to a list"),
            Some(at),
        ),
        _ => ("see https://toml.io for the syntax; strings need \"quotes\", tables `[[entity]]` headers".to_string(), None),
    }
}

/// Puts diagnostics in reading order (file position, then code), as every
/// report of `check` and the importers lists them.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by_key(|d| (d.span.start, d.code));
}
