//! `check`: TOML text in, a validated [`Dataset`] and every diagnostic out.
//! Native only (the runtime wasm never parses TOML).
//!
//! Pipeline: `toml` parses with recovery and spans → `read` turns tables into
//! raw records, reporting local problems → `resolve` applies cross-record rules
//! and builds the index-based dataset.

pub(crate) mod fields;
pub(crate) mod read;
pub mod render;
pub(crate) mod resolve;
pub mod suggest;

use crate::diagnostic::{Code, Diagnostic};
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
}

/// Checks the text of a data file. Never panics, whatever the input.
pub fn check(text: &str) -> Checked {
    let mut diagnostics = Vec::new();
    let (root, syntax_errors) = DeTable::parse_recoverable(text);
    for err in &syntax_errors {
        let span = err.span().unwrap_or(0..0);
        diagnostics.push(
            Diagnostic::new(Code::Syntax, span, format!("TOML syntax: {}", err.message().trim()))
                .hint("see https://toml.io for the syntax; strings need \"quotes\", tables `[[entity]]` headers"),
        );
    }
    if !syntax_errors.is_empty() {
        // A recovered tree after a syntax error yields confusing follow-on
        // errors (missing fields that are really there); report syntax only.
        sort(&mut diagnostics);
        return Checked { dataset: None, diagnostics };
    }
    let raw = read::read_file(root.get_ref(), root.span(), &mut diagnostics);
    let dataset = resolve::resolve(raw, &mut diagnostics);
    sort(&mut diagnostics);
    Checked { dataset, diagnostics }
}

pub(crate) fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by_key(|d| (d.span.start, d.code));
}
