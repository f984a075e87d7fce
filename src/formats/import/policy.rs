//! What an import does with what a network file holds but a hand-written
//! data file would not: self-loops, edges to nodes never declared, numbers
//! too long for a float, parts of the file the format cannot hold. Each is
//! kept or skipped with one warning saying how many (`--strict`: the
//! errors a data file gets), and every message names ids as the file
//! writes them, not as they were rewritten.

use super::Builder;
use crate::check::diagnostic::{Code, Diagnostic};
use crate::check::fields::{At, Span};
use crate::check::raw::RawEntity;
use crate::check::read::truncate;
use crate::model::vocab::EntityKind;
use std::collections::{HashMap, HashSet};

/// How an import treats what a network file may hold and a data file may not.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// Self-loops and edges to undeclared nodes are errors (`E013`,
    /// `E006`), as in a data file, instead of skipped or created with a warning.
    pub strict: bool,
    /// A node column whose values (`Person`, `company`) set the entity
    /// kind, beside `kind` and `type` (`--kind-column`).
    pub kind_column: Option<String>,
    /// An edge column whose values set the relation type, beside
    /// `relation`, `type` and `label` (`--type-column`).
    pub type_column: Option<String>,
    /// Edge columns whose dates (YYYY, YYYY-MM, YYYY-MM-DD) are each
    /// relation's `start` and `end`, beside `start` and `end` (`--start-column`, `--end-column`).
    pub start_column: Option<String>,
    /// See `start_column`.
    pub end_column: Option<String>,
}

/// How often one thing happened, and the first place and example.
#[derive(Default)]
pub(crate) struct Tally {
    count: usize,
    first: Option<(Span, String)>,
}

impl Tally {
    pub(crate) fn add(&mut self, span: &Span, example: &str) {
        self.count += 1;
        if self.first.is_none() {
            self.first = Some((span.clone(), example.to_string()));
        }
    }
}

/// The things an import counts to warn about once each.
#[derive(Default)]
pub(crate) struct Tallies {
    /// Numbers kept as text (`W006`).
    pub too_long: Tally,
    /// Self-loops skipped (`W007`).
    pub loops: Tally,
    /// Nodes created from edge ends (`W008`).
    pub created: Tally,
    /// What the data format cannot hold, by what it is (`W009`).
    pub dropped: Vec<(String, Tally)>,
}

impl Tallies {
    /// Counts one part of the file left out: `what` says what such parts
    /// are ("a hyperedge"), `example` which one.
    pub(crate) fn dropped(&mut self, what: &str, span: &Span, example: &str) {
        match self.dropped.iter_mut().find(|(w, _)| w == what) {
            Some((_, t)) => t.add(span, example),
            None => {
                let mut t = Tally::default();
                t.add(span, example);
                self.dropped.push((what.to_string(), t));
            }
        }
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{} {many}", crate::check::render::thousands(n))
    }
}

impl Builder {
    /// Edges to undeclared nodes create them (networkx and Gephi do), and
    /// self-loops are skipped, unless strict. Runs on rewritten ids.
    pub(crate) fn apply_policy(&mut self) {
        if self.options.strict {
            return;
        }
        let mut known: HashSet<String> = self.file.entities.iter().map(|e| e.id.value.clone()).collect();
        let mut created = Vec::new();
        for r in &self.file.relations {
            for end in [&r.from, &r.to].into_iter().flatten() {
                if !end.value.is_empty() && known.insert(end.value.clone()) {
                    let original = self.renamed.get(&end.value).cloned().unwrap_or_else(|| end.value.clone());
                    self.tally.created.add(&end.span, &original);
                    created.push(created_entity(end, original));
                }
            }
        }
        self.file.entities.extend(created);
        let renamed = &self.renamed;
        let loops = &mut self.tally.loops;
        self.file.relations.retain(|r| match (&r.from, &r.to) {
            (Some(a), Some(b)) if a.value == b.value && !a.value.is_empty() => {
                loops.add(&r.span, renamed.get(&a.value).unwrap_or(&a.value));
                false
            }
            _ => true,
        });
    }

    /// One warning for each thing counted.
    pub(crate) fn tally_warnings(&mut self, format: &str) {
        let t = std::mem::take(&mut self.tally);
        if let (n, Some((span, first))) = (t.too_long.count, t.too_long.first) {
            self.diagnostics.push(
                Diagnostic::new(Code::NumberAsText, span, format!("{} too long for a number to hold exactly (beyond 2^53) kept as text, digit for digit: first `{}`", plural(n, "value", "values"), truncate(&first)))
                    .hint("they read as text; a number of 15 digits or fewer stays a number"),
            );
        }
        if let (n, Some((span, first))) = (t.loops.count, t.loops.first) {
            self.diagnostics.push(
                Diagnostic::new(Code::SelfLoopSkipped, span, format!("{} (edges from a node to itself) skipped, first at node `{}`", plural(n, "self-loop", "self-loops"), truncate(&first)))
                    .hint("a relation links two different entities; `--strict` makes each self-loop an error (E013)"),
            );
        }
        if let (n, Some((span, first))) = (t.created.count, t.created.first) {
            self.diagnostics.push(
                Diagnostic::new(Code::NodeFromEdge, span, format!("{} that the {format} file does not declare, named by edges, created as entities (as networkx and Gephi do): first `{}`", plural(n, "node", "nodes"), truncate(&first)))
                    .hint(format!("declare them in the {format} file to give them a label and a kind; `--strict` makes each an error (E006)")),
            );
        }
        for (what, tally) in t.dropped {
            if let Some((span, first)) = tally.first {
                self.diagnostics.push(
                    Diagnostic::new(Code::Dropped, span, format!("{what}: the data format has no place for it; {} left out, first {}", plural(tally.count, "element", "elements"), truncate(&first)))
                        .hint("convert what you need by hand, or split the file"),
                );
            }
        }
    }

    /// Ids in messages as the file writes them (`1047`, not `n1047`), and
    /// hints in the file's terms, not a data file's `[[entity]]`.
    pub(crate) fn speak_the_files_terms(&mut self, format: &str) {
        for d in &mut self.diagnostics {
            d.message = original_ids(&d.message, &self.renamed);
            if d.code == Code::UnknownEntity {
                let id = d.message.rsplit('`').nth(1).unwrap_or_default().to_string();
                let declare = match format {
                    "CSV" => format!("add a row for `{id}` to the entities file"),
                    "JSON Graph Format" => format!("add a node \"{id}\" to the graph's nodes"),
                    _ => format!("add <node id=\"{id}\"/> to the {format} file"),
                };
                let hint = d.hint.take().unwrap_or_default();
                d.hint = Some(if hint.starts_with("did you mean") { original_ids(&hint, &self.renamed) } else { declare });
            } else if let Some(hint) = d.hint.take() {
                d.hint = Some(original_ids(&hint, &self.renamed));
            }
            for (_, note) in &mut d.related {
                *note = original_ids(note, &self.renamed);
            }
        }
    }
}

fn created_entity(end: &At<String>, original: String) -> RawEntity {
    RawEntity {
        id: end.clone(),
        name: original,
        name_span: end.span.clone(),
        aliases: Vec::new(),
        alias_spans: Vec::new(),
        kind: Some(EntityKind::Other),
        country: String::new(),
        wikidata: String::new(),
        attributes: Vec::new(),
        // Who it is comes from the file, as for every node it declares.
        sources: Builder::cite(&end.span),
    }
}

/// `text` with each backquoted id that was rewritten put back as written.
fn original_ids(text: &str, renamed: &HashMap<String, String>) -> String {
    if renamed.is_empty() || !text.contains('`') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for (i, part) in text.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        // Odd parts are between backquotes.
        match renamed.get(part) {
            Some(original) if i % 2 == 1 => out.push_str(&truncate(original)),
            _ => out.push_str(part),
        }
    }
    out
}
