//! Importing other tools' files: a CSV pair (Kumu- or Gephi-style), GEXF,
//! GraphML and JGF. Each importer turns its file into the same raw records
//! the TOML reader makes, with spans into the original text, and the shared
//! `resolve` step applies every rule, so problems are reported at once by
//! file:line:col. Sources travel as far as the format carries them: ids on
//! GEXF/GraphML/CSV relations and attribute columns, whole records in our
//! JGF. Foreign data cites no sources: the file itself becomes the source
//! (`import`) that every uncited fact cites, and says so in its note; when
//! nothing is left uncited (a round trip of our own export), there is no
//! such source, so the sources that come back are exactly those written.

mod attribute_columns;
mod claims;
mod csv;
mod entity;
mod ftm;
mod gexf;
mod graphml;
pub mod gz;
mod ids;
mod jgf;
mod matrix;
mod json_graphs;
mod json_keys;
mod policy;
mod positions;
mod sources;
mod values;
mod xml;

pub use policy::ImportOptions;
pub use values::slug;

use crate::check::fields::{At, Span};
use crate::check::raw::{RawFile, RawRelation};
use crate::check::read::invalid_id;
use crate::check::{resolve::resolve, sort, Checked};
use crate::check::diagnostic::{Code, Diagnostic};
use crate::model::{Meta, Value};
use crate::model::vocab::{RelationType, ShareQualifier, Status};

/// A format we can import.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A CSV file of entities or relations (pass both for a pair).
    Csv,
    /// GEXF 1.2 / 1.3.
    Gexf,
    /// GraphML.
    Graphml,
    /// JSON Graph Format v2 (or v1 single graph); Cytoscape, graphology and
    /// sigma.js JSON and FtM lines are told apart by their shape.
    Jgf,
    /// FollowTheMoney entities, one JSON object a line (`.jsonl`, `.ijson`, `.ndjson`).
    Ftm,
}

impl Format {
    /// The format for a file name's extension (`.gz` aside: see [`gz`]).
    pub fn from_path(path: &str) -> Option<Format> {
        let ext = gz::inner_name(path).rsplit('.').next()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" | "tsv" => Some(Format::Csv),
            "gexf" => Some(Format::Gexf),
            "graphml" | "xml" => Some(Format::Graphml),
            "json" | "jgf" => Some(Format::Jgf),
            "jsonl" | "ijson" | "ndjson" => Some(Format::Ftm),
            _ => None,
        }
    }
}

/// One input file: its name (for the source record) and text.
pub struct Input<'a> {
    /// As given on the command line.
    pub name: &'a str,
    /// The whole file.
    pub text: &'a str,
}

/// The import source's id, cited by every imported fact that names no source.
pub const IMPORT_SOURCE: &str = "import";

/// Collects raw records while an importer walks its file.
#[derive(Default)]
pub(crate) struct Builder {
    pub file: RawFile,
    pub diagnostics: Vec<Diagnostic>,
    pub options: ImportOptions,
    /// What to warn about once each, when the file is read.
    pub(crate) tally: policy::Tallies,
    /// Each rewritten id (`n1047`) and how the file writes it (`1047`).
    pub(crate) renamed: std::collections::HashMap<String, String>,
    pub(crate) relation_ids: ids::RelationIds,
    /// What the file turned out to be, when its extension says less (a `.json` of Cytoscape's).
    pub(crate) dialect: Option<&'static str>,
    /// Where the file placed each node, by its id as written (see `positions.rs`).
    pub(crate) placed: std::collections::HashMap<String, (f64, f64)>,
}

impl Builder {
    pub(crate) fn cite(span: &Span) -> Vec<At<String>> {
        vec![At { value: IMPORT_SOURCE.into(), span: span.clone() }]
    }

    /// The sources named by `ids` (blank ones skipped), each checked like an
    /// id in a data file, so a bad one is a located error rather than a
    /// silently renamed source; naming none cites the imported file.
    /// `what` says where they are written ("the sources of relation `r1`").
    pub(crate) fn named_sources<'a>(&mut self, ids: impl IntoIterator<Item = &'a str>, span: &Span, what: &str) -> Vec<At<String>> {
        let named: Vec<At<String>> = ids
            .into_iter()
            .map(str::trim)
            .filter(|id| !id.is_empty())
            .map(|id| At { value: id.to_string(), span: span.clone() })
            .collect();
        for id in &named {
            self.diagnostics.extend(invalid_id(id, what));
        }
        if named.is_empty() {
            Self::cite(span)
        } else {
            named
        }
    }

    /// A relation as `resolve` names it in messages: by id, else by position.
    /// `text` as a value, counting a number kept as text (warned about once).
    pub(crate) fn scalar(&mut self, text: &str, span: &Span) -> Value {
        let parsed = values::scalar(text);
        if parsed.too_long {
            self.tally.too_long.add(span, text.trim());
        }
        parsed.value
    }

    pub(crate) fn relation_name(&self, id: Option<&At<String>>) -> String {
        match id {
            Some(id) => format!("relation `{}`", id.value),
            None => format!("relation #{}", self.file.relations.len() + 1),
        }
    }

    /// Adds a relation; known keys (relation, share, role, dates ...) map to
    /// fields, `sources` (ids joined by `;`) to its sources, the rest become
    /// free attributes. Returns it, for readers that carry more.
    pub fn relation(&mut self, id: Option<At<String>>, from: At<String>, to: At<String>, attributes: Vec<(String, String)>, span: Span) -> &mut RawRelation {
        let sources_of = format!("the sources of {}", self.relation_name(id.as_ref()));
        for (end, key) in [(&from, "source"), (&to, "target")] {
            // The XML readers report a missing end themselves, at the same span.
            let reported = self.diagnostics.iter().rev().take(4).any(|d| d.code == Code::MissingField && d.span == span);
            if end.value.trim().is_empty() && !reported {
                self.diagnostics.push(
                    Diagnostic::new(Code::MissingField, span.clone(), format!("{} has no `{key}`", self.relation_name(id.as_ref())))
                        .hint(format!("give the edge a `{key}` naming a node")),
                );
            }
        }
        let mut r = RawRelation {
            span: span.clone(),
            id,
            kind: None,
            from: Some(from),
            to: Some(to),
            share: None,
            role: String::new(),
            status: None,
            start: None,
            end: None,
            announced: None,
            attributes: Vec::new(),
            sources: Self::cite(&span),
            note: String::new(),
            claim: Default::default(),
        };
        let mut share_qualifier = ShareQualifier::Exact;
        let (mut share, mut share_max) = (None, None);
        let type_column = self.options.type_column.as_deref().map(str::to_ascii_lowercase);
        let date_column = |c: &Option<String>| c.as_deref().map(str::to_ascii_lowercase);
        let (start_column, end_column) = (date_column(&self.options.start_column), date_column(&self.options.end_column));
        for (key, value) in attributes {
            let date = || crate::model::date::PartialDate::parse(value.trim()).ok();
            let mut lower = key.to_ascii_lowercase();
            // The columns the user named as the dates read as `start` and `end`.
            if start_column.as_deref() == Some(lower.as_str()) && date().is_some() {
                lower = "start".into();
            } else if end_column.as_deref() == Some(lower.as_str()) && date().is_some() {
                lower = "end".into();
            }
            let names_type = ["relation", "type", "label"].contains(&lower.as_str()) || type_column.as_deref() == Some(lower.as_str());
            match lower.as_str() {
                _ if names_type && RelationType::from_key(&values::vocab_key(&value)).is_some() => {
                    r.kind = RelationType::from_key(&values::vocab_key(&value)).map(|k| At { value: k, span: span.clone() });
                }
                "share" => share = value.parse::<f64>().ok().filter(|s| (0.0..=100.0).contains(s)),
                "share_qualifier" => share_qualifier = ShareQualifier::from_key(&value).unwrap_or(ShareQualifier::Exact),
                "share_max" => share_max = value.parse::<f64>().ok().filter(|s| (0.0..=100.0).contains(s)),
                "according_to" | "confirmation" | "disputed_by" | "basis" | "reasoning" if !value.trim().is_empty() => claims::claim_cell(&mut r.claim, &key.to_ascii_lowercase(), value, &span),
                "role" => r.role = value,
                "status" => r.status = Status::from_key(&value),
                "start" if date().is_some() => r.start = date().map(|d| At { value: d, span: span.clone() }),
                "end" if date().is_some() => r.end = date().map(|d| At { value: d, span: span.clone() }),
                "announced" => r.announced = date(),
                "note" => r.note = value,
                // Gephi's Type column says Directed/Undirected: an undirected one is kept as `directed = false`.
                "type" if value.eq_ignore_ascii_case("directed") => {}
                // Said once, though a file may say it twice (our GEXF: the edge's type and its attribute).
                "type" | "directed" if value.eq_ignore_ascii_case("undirected") || value.eq_ignore_ascii_case("false") => {
                    if !r.attributes.iter().any(|(k, _)| k == "directed") {
                        r.attributes.push(("directed".into(), Value::Bool(false)));
                    }
                }
                "directed" => {}
                "sources" => r.sources = self.named_sources(value.split(';'), &span, &sources_of),
                "id" | "source" | "target" | "from" | "to" => {}
                _ if value.trim().is_empty() => {}
                _ if key.trim().is_empty() => r.attributes.push(("unnamed".into(), self.scalar(&value, &span))),
                _ => r.attributes.push((key, self.scalar(&value, &span))),
            }
        }
        let kind = r.kind.as_ref().map(|k| k.value);
        if kind.is_none() {
            r.kind = Some(At { value: RelationType::RelatedTo, span: span.clone() });
        }
        if let Some(percent) = share {
            if kind == Some(RelationType::Owns) {
                r.share = Some(claims::share(percent, share_qualifier, share_max));
            } else {
                r.attributes.push(("share".into(), Value::Number(percent)));
            }
        }
        if !r.role.is_empty() && !kind.is_some_and(RelationType::takes_role) {
            r.attributes.push(("role".into(), Value::Text(std::mem::take(&mut r.role))));
        }
        if kind.is_some_and(RelationType::takes_role) && r.role.is_empty() {
            r.role = "position".into();
        }
        values::unique_keys(&mut r.attributes);
        self.file.relations.push(r);
        let last = self.file.relations.len() - 1;
        &mut self.file.relations[last]
    }

    /// Resolves everything into a dataset, citing the imported file(s) for
    /// the facts that name no source.
    pub fn finish(mut self, names: &[&str], format: &str, title: &str) -> Checked {
        // The rule an empty TOML file meets (`check::read`), unless the file did not even parse.
        // One error is enough: a file that did not parse, or a CSV header without the columns, is said so already.
        if self.file.entities.is_empty() && !crate::check::diagnostic::has_errors(&self.diagnostics) {
            self.diagnostics.push(
                Diagnostic::new(Code::MissingField, 0..0, "the file defines no entities: there is nothing to draw")
                    .hint(format!("add nodes to the {format} file (or relations, whose ends become entities)")),
            );
        }
        let originals: Vec<String> = self.file.entities.iter().map(|e| e.id.value.clone()).collect();
        self.normalize_ids();
        self.apply_policy();
        let positions = self.placement(&originals);
        // Only when something still cites it: a round trip of our own export
        // gives back exactly its sources. A file that describes a source
        // `import` itself (an earlier import, exported) keeps that record.
        let cites_import = self.cited_ids().any(|id| id.value == IMPORT_SOURCE);
        if cites_import && !self.file.sources.iter().any(|s| s.id.value == IMPORT_SOURCE) {
            let id = At { value: IMPORT_SOURCE.into(), span: 0..0 };
            let note = format!("Imported from {format}; cited for every fact the file names no source for.");
            self.file.sources.push(sources::titled_source(id, names.join(" + "), note));
        }
        self.add_named_sources(format, names);
        if self.file.meta.title.is_empty() {
            self.file.meta = Meta { title: title.to_string(), description: String::new() };
        }
        let mut diagnostics = std::mem::take(&mut self.diagnostics);
        // Every source is cited by construction except those a JGF file
        // describes; one of those that nothing cites is a warning, as in TOML.
        let dataset = resolve(std::mem::take(&mut self.file), &mut diagnostics);
        self.diagnostics = diagnostics;
        self.tally_warnings(format);
        self.speak_the_files_terms(format);
        let mut diagnostics = self.diagnostics;
        sort(&mut diagnostics);
        // The warnings are not errors: a dataset resolve made stands.
        Checked { dataset, diagnostics, positions }
    }
}

/// Where a span offset of a multi-file import lies: the files are laid end to
/// end (with one separator byte), so offset → (file index, offset in that file).
pub fn locate(inputs: &[Input], offset: usize) -> (usize, usize) {
    let mut base = 0;
    for (i, input) in inputs.iter().enumerate() {
        if offset <= base + input.text.len() || i + 1 == inputs.len() {
            return (i, offset.saturating_sub(base));
        }
        base += input.text.len() + 1;
    }
    (0, offset)
}

/// Imports one or more files of one format (a CSV pair is two files).
/// Diagnostic spans are offsets into the files laid end to end (see [`locate`]).
pub fn import(format: Format, inputs: &[Input]) -> Checked {
    import_with(format, inputs, ImportOptions::default())
}

/// [`import`] with other [`ImportOptions`].
pub fn import_with(format: Format, inputs: &[Input], options: ImportOptions) -> Checked {
    let names: Vec<&str> = inputs.iter().map(|i| i.name).collect();
    let title = names.first().map(|n| n.rsplit('/').next().unwrap_or(n)).unwrap_or("Imported map");
    let mut b = Builder { options, ..Builder::default() };
    let label = match format {
        Format::Csv => {
            csv::read_all(&mut b, &with_bases(inputs));
            "CSV"
        }
        Format::Gexf => {
            with_bases(inputs).into_iter().for_each(|(text, base)| gexf::read_gexf(&mut b, text, base));
            "GEXF"
        }
        Format::Graphml => {
            with_bases(inputs).into_iter().for_each(|(text, base)| graphml::read_graphml(&mut b, text, base));
            "GraphML"
        }
        Format::Jgf => {
            with_bases(inputs).into_iter().for_each(|(text, base)| jgf::read(&mut b, text, base));
            "JSON Graph Format"
        }
        Format::Ftm => {
            with_bases(inputs).into_iter().for_each(|(text, base)| ftm::read(&mut b, text, base));
            "FollowTheMoney"
        }
    };
    let label = b.dialect.unwrap_or(label);
    b.finish(&names, label, title)
}

/// Each input's text with the offset at which it starts when laid end to end.
fn with_bases<'a>(inputs: &[Input<'a>]) -> Vec<(&'a str, usize)> {
    let mut base = 0;
    inputs
        .iter()
        .map(|i| {
            let at = base;
            base += i.text.len() + 1;
            (i.text, at)
        })
        .collect()
}

