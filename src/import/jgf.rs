//! JSON Graph Format import (v2 `nodes` object or v1 `nodes` array, one
//! `graph`). JSON has no spans in serde_json's tree, so problems point at
//! the first place the id appears in the text, and syntax errors at their
//! line and column.

use super::Builder;
use crate::check::fields::At;
use crate::diagnostic::{Code, Diagnostic};
use serde_json::Value;

fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
    (start + column.saturating_sub(1)).min(text.len())
}

fn span_of(text: &str, base: usize, needle: &str) -> std::ops::Range<usize> {
    let quoted = format!("\"{needle}\"");
    match text.find(&quoted) {
        Some(i) => base + i..base + i + quoted.len(),
        None => base..base,
    }
}

fn flatten(meta: Option<&Value>) -> Vec<(String, String)> {
    let Some(Value::Object(m)) = meta else { return Vec::new() };
    m.iter()
        .filter_map(|(k, v)| match v {
            Value::String(s) => Some((k.clone(), s.clone())),
            Value::Number(n) => Some((k.clone(), n.to_string())),
            Value::Bool(b) => Some((k.clone(), b.to_string())),
            Value::Array(a) if k == "aliases" => Some((k.clone(), a.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(";"))),
            _ => None,
        })
        .collect()
}

/// Reads one JGF document.
pub fn read(b: &mut Builder, text: &str, base: usize) {
    let doc: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let at = base + offset_of(text, e.line(), e.column());
            b.diagnostics.push(Diagnostic::new(Code::Syntax, at..at, format!("JSON: {e}")).hint("the file is not valid JSON"));
            return;
        }
    };
    let graph = doc.get("graph").or_else(|| doc.get("graphs").and_then(|g| g.get(0)));
    let Some(graph) = graph else {
        b.diagnostics.push(Diagnostic::new(Code::MissingField, base..base, "JSON Graph Format needs a top-level `graph` (or `graphs`)").hint("see https://jsongraphformat.info"));
        return;
    };
    if let Some(label) = graph.get("label").and_then(Value::as_str) {
        b.file.meta.title = label.to_string();
    }
    let nodes: Vec<(String, &Value)> = match graph.get("nodes") {
        Some(Value::Object(m)) => m.iter().map(|(k, v)| (k.clone(), v)).collect(),
        Some(Value::Array(a)) => a.iter().map(|v| (v.get("id").and_then(Value::as_str).unwrap_or_default().to_string(), v)).collect(),
        _ => Vec::new(),
    };
    for (id, node) in nodes {
        let span = span_of(text, base, &id);
        let label = node.get("label").and_then(Value::as_str).unwrap_or_default().to_string();
        b.entity(At { value: id, span: span.clone() }, &label, flatten(node.get("metadata")), Vec::new(), span);
    }
    for edge in graph.get("edges").and_then(Value::as_array).into_iter().flatten() {
        let end = |key: &str| edge.get(key).and_then(Value::as_str).unwrap_or_default().to_string();
        let (source, target) = (end("source"), end("target"));
        let span = span_of(text, base, &end("id")).start.max(span_of(text, base, &source).start);
        let span = span..span;
        let mut values = flatten(edge.get("metadata"));
        if let Some(rel) = edge.get("relation").and_then(Value::as_str) {
            values.insert(0, ("relation".into(), rel.to_string()));
        }
        let id = edge.get("id").and_then(Value::as_str).map(|v| At { value: super::slug(v), span: span.clone() });
        b.relation(id, At { value: source, span: span.clone() }, At { value: target, span: span.clone() }, values, span);
    }
}
