//! JSON Graph Format import (v2 `nodes` object or v1 `nodes` array, one
//! `graph`). JSON has no spans in serde_json's tree, so problems point at
//! the first place the id appears in the text, and syntax errors at their
//! line and column.
//!
//! What our export (`crate::formats::jgf`) writes beyond plain JGF comes back too:
//! the source records in the graph's `metadata.sources`, entity attributes
//! (`metadata.attributes`, each `{key, value, sources}`), relation sources
//! and free attributes, and the description. Files without them (any other
//! tool's) cite the imported file instead.

use super::Builder;
use crate::check::fields::{At, Span};
use crate::check::raw::{RawAttribute, RawSource};
use crate::check::read::{check_url, invalid_id, truncate};
use crate::model::date::{MonthDay, PartialDate};
use crate::check::diagnostic::{Code, Diagnostic};
use crate::model::Value as Scalar;
use serde_json::Value;

fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
    (start + column.saturating_sub(1)).min(text.len())
}

pub(super) fn span_of(text: &str, base: usize, needle: &str) -> std::ops::Range<usize> {
    span_after(text, base, &mut 0, needle)
}

/// Where `"needle"` is written, searching on from `cursor` (and moving it
/// past the find): nodes are read in the order they are written, so each
/// search starts where the last one ended, not at the file's start (which
/// made 40,000 nodes a quadratic 13 s). Searches the whole text when it is
/// not after the cursor.
pub(super) fn span_after(text: &str, base: usize, cursor: &mut usize, needle: &str) -> std::ops::Range<usize> {
    let quoted = format!("\"{needle}\"");
    let found = text.get(*cursor..).and_then(|rest| rest.find(&quoted)).map(|i| *cursor + i).or_else(|| text.find(&quoted));
    match found {
        Some(i) => {
            *cursor = i + quoted.len();
            base + i..base + i + quoted.len()
        }
        None => base..base,
    }
}

pub(super) fn flatten(meta: Option<&Value>) -> Vec<(String, String)> {
    let Some(Value::Object(m)) = meta else { return Vec::new() };
    m.iter()
        .filter_map(|(k, v)| match v {
            Value::String(s) => Some((k.clone(), s.clone())),
            Value::Number(n) => Some((k.clone(), n.to_string())),
            Value::Bool(b) => Some((k.clone(), b.to_string())),
            Value::Array(a) if matches!(k.as_str(), "aliases" | "according_to" | "disputed_by" | "sources") => Some((k.clone(), a.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(";"))),
            _ => None,
        })
        .collect()
}

/// A JSON string, number or boolean as an attribute value.
fn scalar(v: &Value) -> Option<Scalar> {
    match v {
        Value::String(s) => Some(Scalar::Text(s.clone())),
        Value::Number(n) => n.as_f64().filter(|n| n.is_finite()).map(Scalar::Number),
        Value::Bool(b) => Some(Scalar::Bool(*b)),
        _ => None,
    }
}

/// The strings of a JSON list (`sources`); anything else in it is skipped.
pub(super) fn strings(v: Option<&Value>) -> Vec<&str> {
    v.and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str).collect()
}

fn text_field(record: &Value, key: &str) -> String {
    record.get(key).and_then(Value::as_str).unwrap_or_default().to_string()
}

/// One record of the graph's `metadata.sources`, checked as a `[[source]]`
/// is: a valid id, a title or publisher, a partial date, an http(s) URL.
fn read_source(b: &mut Builder, text: &str, base: usize, record: &Value, i: usize) {
    let Some(id) = record.get("id").and_then(Value::as_str).filter(|id| !id.trim().is_empty()) else {
        let at = span_of(text, base, "sources");
        b.diagnostics.push(
            Diagnostic::new(Code::MissingField, at, format!("source #{} in the graph's `metadata.sources` has no `id`", i + 1))
                .hint("give each source record an \"id\" that relations and attributes cite"),
        );
        return;
    };
    let span = span_of(text, base, id);
    let what = format!("source `{}`", truncate(id));
    let id = At { value: id.to_string(), span: span.clone() };
    b.diagnostics.extend(invalid_id(&id, &what));
    let (publisher, title) = (text_field(record, "publisher"), text_field(record, "title"));
    if publisher.trim().is_empty() && title.trim().is_empty() {
        b.diagnostics.push(
            Diagnostic::new(Code::MissingField, span.clone(), format!("{what} has neither `publisher` nor `title`"))
                .hint("a reader must be able to find the source: give at least its title"),
        );
    }
    let written = record.get("date").and_then(Value::as_str);
    let date_no_year = written.and_then(MonthDay::parse).and_then(Result::ok);
    let date = written.filter(|_| date_no_year.is_none()).and_then(|d| match PartialDate::parse(d) {
        Ok(date) => Some(date),
        Err(err) => {
            b.diagnostics.push(
                Diagnostic::new(Code::InvalidDate, span.clone(), format!("`date` in {what} is not a valid date: {err}")).hint("write \"2023\", \"2023-09\" or \"2023-09-27\""),
            );
            None
        }
    });
    let url = crate::check::url::lower_scheme(text_field(record, "url"));
    if !url.is_empty() {
        check_url(&At { value: url.clone(), span: span.clone() }, &what, &mut b.diagnostics);
    }
    let entity = |v: &str| At { value: v.to_string(), span: span.clone() };
    let self_interest = strings(record.get("self_interest")).into_iter().map(entity).collect();
    let publisher_entity = record.get("publisher_entity").and_then(Value::as_str).map(entity);
    b.file.sources.push(RawSource { id, publisher, title, author: text_field(record, "author"), date, url, note: text_field(record, "note"), date_no_year, self_interest, publisher_entity });
}

/// A `[[correction]]` as our export writes it; one without a valid date or
/// a `what` is reported, not dropped.
pub(crate) fn read_correction(b: &mut Builder, record: &Value, base: usize) {
    let date = record.get("date").and_then(Value::as_str).and_then(|d| PartialDate::parse(d).ok());
    let what = text_field(record, "what");
    let Some(date) = date.filter(|_| !what.trim().is_empty()) else {
        b.diagnostics.push(
            Diagnostic::new(Code::MissingField, base..base, "a correction in the JGF metadata has no valid `date` or no `what`")
                .hint("give each correction a \"date\" (YYYY[-MM[-DD]]) and a \"what\""),
        );
        return;
    };
    let span = base..base;
    let sources = strings(record.get("sources")).into_iter().map(|s| At { value: s.to_string(), span: span.clone() }).collect();
    b.file.corrections.push(crate::check::raw::RawCorrection { date, what, why: text_field(record, "why"), sources });
}

/// A `[[reaction]]` as our export writes it (the data format's keys).
pub(crate) fn read_reaction(b: &mut Builder, record: &Value, base: usize) {
    let span = base..base;
    let at = |v: &str| At { value: v.to_string(), span: span.clone() };
    let num = |k: &str| record.get(k).and_then(Value::as_f64);
    let change = match (num("change"), num("change_min"), num("change_max")) {
        (Some(x), _, _) => Some((x, crate::model::vocab::ShareQualifier::Exact, None)),
        (None, Some(lo), Some(hi)) => Some((lo, crate::model::vocab::ShareQualifier::Between, Some(hi))),
        (None, Some(lo), None) => Some((lo, crate::model::vocab::ShareQualifier::AtLeast, None)),
        (None, None, Some(hi)) => Some((hi, crate::model::vocab::ShareQualifier::UpTo, None)),
        (None, None, None) => None,
    };
    let (Some(entity), Some((percent, qualifier, max))) = (record.get("entity").and_then(Value::as_str), change) else {
        b.diagnostics.push(Diagnostic::new(Code::MissingField, span, "a reaction in the JGF metadata has no `entity` or no change").hint("give it \"entity\" and \"change\" (or \"change_min\" / \"change_max\")"));
        return;
    };
    let date = record.get("date").and_then(Value::as_str).and_then(|d| PartialDate::parse(d).ok());
    let sources = strings(record.get("sources")).into_iter().map(at).collect();
    let change = crate::model::Share { percent, qualifier, max };
    let (after, market) = (record.get("after").and_then(Value::as_str).map(at), text_field(record, "market"));
    b.file.reactions.push(crate::check::raw::RawReaction { span: span.clone(), what: format!("reaction of `{}`", truncate(entity)), entity: at(entity), market, change, date, after, sources });
}

/// A node's `metadata.attributes` as our export writes them; an item of
/// another shape is reported, not dropped.
fn read_attributes(b: &mut Builder, metadata: Option<&Value>, entity: &str, span: &Span) -> Vec<RawAttribute> {
    let items = metadata.and_then(|m| m.get("attributes")).and_then(Value::as_array);
    let mut attributes = Vec::new();
    for (i, item) in items.into_iter().flatten().enumerate() {
        let key = item.get("key").and_then(Value::as_str).filter(|k| !k.trim().is_empty());
        let (Some(key), Some(value)) = (key, item.get("value").and_then(scalar)) else {
            b.diagnostics.push(
                Diagnostic::new(Code::WrongType, span.clone(), format!("attribute #{} of entity `{}` is not {{\"key\", \"value\", \"sources\"}}", i + 1, truncate(entity)))
                    .hint("give it a text \"key\" and a text, number or boolean \"value\""),
            );
            continue;
        };
        let what = format!("the sources of attribute `{}` of entity `{}`", truncate(key), truncate(entity));
        let sources = b.named_sources(strings(item.get("sources")), span, &what);
        let mut claim = crate::check::raw::RawClaim::default();
        for (k, v) in flatten(Some(item)) {
            super::claims::claim_cell(&mut claim, &k, v, span);
        }
        attributes.push(RawAttribute { key: key.to_string(), value, sources, span: span.clone(), claim });
    }
    attributes
}

/// A JGF file's second and later graphs, and hyperedges, have no place in
/// one map: each kind counted in one warning.
fn warn_left_out(b: &mut Builder, text: &str, base: usize, doc: &Value, graph: Option<&Value>) {
    let graphs = doc.get("graphs").and_then(Value::as_array).map_or(0, Vec::len);
    if doc.get("graph").is_none() && graphs > 1 {
        let span = span_of(text, base, "graphs");
        for i in 2..=graphs {
            b.tally.dropped("a JGF file's second and later graphs (one map is read from the first)", &span, &format!("graph #{i} of {graphs}"));
        }
    }
    let hyperedges = graph.and_then(|g| g.get("hyperedges")).and_then(Value::as_array).map_or(0, Vec::len);
    let span = span_of(text, base, "hyperedges");
    for i in 1..=hyperedges {
        b.tally.dropped("a hyperedge (an edge of more than two nodes)", &span, &format!("hyperedge #{i}"));
    }
}

/// Reads one JGF document.
pub fn read(b: &mut Builder, text: &str, base: usize) {
    // A byte order mark (editors on Windows write one) is not JSON; skip it, keeping offsets.
    let (text, base) = match text.strip_prefix('\u{feff}') {
        Some(rest) => (rest, base + '\u{feff}'.len_utf8()),
        None => (text, base),
    };
    // FtM's JSON lines often come as `.ftm.json`.
    if super::ftm::looks_like(text) {
        return super::ftm::read(b, text, base);
    }
    let doc: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let at = base + offset_of(text, e.line(), e.column());
            b.diagnostics.push(Diagnostic::new(Code::Syntax, at..at, format!("JSON: {e}")).hint("the file is not valid JSON"));
            return;
        }
    };
    super::json_keys::warn_duplicates(b, text, base);
    // Cytoscape's and graphology's JSON come with the same extension.
    if super::json_graphs::read(b, text, base, &doc) {
        return;
    }
    let graph = doc.get("graph").or_else(|| doc.get("graphs").and_then(|g| g.get(0)));
    warn_left_out(b, text, base, &doc, graph);
    let Some(graph) = graph else {
        b.diagnostics.push(Diagnostic::new(Code::MissingField, base..base, "JSON Graph Format needs a top-level `graph` (or `graphs`)").hint("see https://jsongraphformat.info"));
        return;
    };
    if let Some(label) = graph.get("label").and_then(Value::as_str) {
        b.file.meta.title = label.to_string();
    }
    let metadata = graph.get("metadata");
    if let Some(description) = metadata.and_then(|m| m.get("description")).and_then(Value::as_str) {
        b.file.meta.description = description.to_string();
    }
    for (i, record) in metadata.and_then(|m| m.get("sources")).and_then(Value::as_array).into_iter().flatten().enumerate() {
        read_source(b, text, base, record, i);
    }
    for record in metadata.and_then(|m| m.get("corrections")).and_then(Value::as_array).into_iter().flatten() {
        read_correction(b, record, base);
    }
    for record in metadata.and_then(|m| m.get("reactions")).and_then(Value::as_array).into_iter().flatten() {
        read_reaction(b, record, base);
    }
    let nodes: Vec<(String, &Value)> = match graph.get("nodes") {
        Some(Value::Object(m)) => m.iter().map(|(k, v)| (k.clone(), v)).collect(),
        Some(Value::Array(a)) => a.iter().map(|v| (v.get("id").and_then(Value::as_str).unwrap_or_default().to_string(), v)).collect(),
        _ => Vec::new(),
    };
    let mut cursor = text.find("\"nodes\"").unwrap_or(0);
    for (id, node) in nodes {
        let span = span_after(text, base, &mut cursor, &id);
        let label = node.get("label").and_then(Value::as_str).unwrap_or_default().to_string();
        let cited = read_attributes(b, node.get("metadata"), &id, &span);
        b.entity(At { value: id, span: span.clone() }, &label, flatten(node.get("metadata")), cited, span);
    }
    // Edges are found in the text in order, each at its `"source"` key,
    // so a problem with one points at that edge (ids need not be unique).
    let mut cursor = text.find("\"edges\"").unwrap_or(0);
    for edge in graph.get("edges").and_then(Value::as_array).into_iter().flatten() {
        let end = |key: &str| edge.get(key).and_then(Value::as_str).unwrap_or_default().to_string();
        let (source, target) = (end("source"), end("target"));
        let at = text[cursor..].find("\"source\"").map_or(cursor, |i| cursor + i);
        cursor = (at + 1).min(text.len());
        let span = base + at..base + at;
        let mut values = flatten(edge.get("metadata"));
        if let Some(rel) = edge.get("relation").and_then(Value::as_str) {
            values.insert(0, ("relation".into(), rel.to_string()));
        }
        let metadata = edge.get("metadata");
        let id = edge.get("id").and_then(Value::as_str).map(|v| b.relation_id(v, &span));
        // Our export writes `sources` as a list (a text value is read by
        // `relation` as ids joined by `;`, as in GEXF).
        let listed = metadata.and_then(|m| m.get("sources")).filter(|s| s.is_array()).map(|list| {
            let what = format!("the sources of {}", b.relation_name(id.as_ref()));
            b.named_sources(strings(Some(list)), &span, &what)
        });
        let relation = b.relation(id, At { value: source, span: span.clone() }, At { value: target, span: span.clone() }, values, span);
        if let Some(sources) = listed {
            relation.sources = sources;
        }
        let free = metadata.and_then(|m| m.get("attributes")).and_then(Value::as_object).into_iter().flatten();
        relation.attributes.extend(free.filter_map(|(k, v)| Some((k.clone(), scalar(v)?))));
    }
}
