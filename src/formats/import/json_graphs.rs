//! The other graph JSON that `.json` files hold: Cytoscape's (Cytoscape.js
//! `elements`, grouped or one list, as our export and `cy.json()` write
//! them, and Cytoscape desktop's export with its `data` and `interaction`;
//! a compound node's children `member_of` it) and graphology's serialized
//! graph (`nodes` of `key` and `attributes`, `options.type`) and the sigma.js
//! JSON that Gephi's JSON exporter writes (`id`, `label`, `x`, `y`,
//! `attributes`). Told apart
//! from JGF by their shape; positions as the layout (`positions.rs`); spans as JGF's: at the id's first mention
//! after the last one found, or at the edge's `"source"`.

use super::jgf::{flatten, span_after, strings};
use super::Builder;
use crate::check::fields::At;
use serde_json::Value;

/// Keys of Cytoscape's and graphology's records that say how to draw, not what is.
const DRAWING: &[&str] = &["x", "y", "z", "size", "color", "colour", "position", "SUID", "selected", "shared_name", "shared_interaction", "hidden", "type_shape"];

/// Reads `doc` if it is Cytoscape or graphology JSON; false if neither.
pub(crate) fn read(b: &mut Builder, text: &str, base: usize, doc: &Value) -> bool {
    // `cy.json()` and the desktop export wrap them in `elements`; demos pass the list itself.
    let bare = doc.as_array().is_some_and(|list| !list.is_empty() && list.iter().all(|e| e.get("data").is_some()));
    if let Some(elements) = doc.get("elements").or(bare.then_some(doc)) {
        b.dialect = Some("Cytoscape JSON");
        if let Some(name) = doc.get("data").and_then(|d| d.get("name")).and_then(Value::as_str) {
            b.file.meta.title = name.to_string();
        }
        cytoscape(b, text, base, elements);
        return true;
    }
    let nodes = doc.get("nodes").and_then(Value::as_array);
    let keyed = |key: &str| nodes.is_some_and(|n| !n.is_empty() && n.iter().all(|node| node.get(key).is_some()));
    if doc.get("graph").is_some() || doc.get("graphs").is_some() || !(keyed("key") || keyed("id")) {
        return false;
    }
    // graphology's own, or the sigma.js JSON that Gephi's JSON exporter writes (`id`, `label`, `attributes`).
    b.dialect = Some(if keyed("key") { "graphology JSON" } else { "sigma.js JSON" });
    graphology(b, text, base, doc);
    true
}

/// `elements` as `{nodes, edges}` or as one list of `{group, data}`.
fn cytoscape(b: &mut Builder, text: &str, base: usize, elements: &Value) {
    let (mut nodes, mut edges) = (Vec::new(), Vec::new());
    let group = |key: &str| elements.get(key).and_then(Value::as_array).into_iter().flatten();
    nodes.extend(group("nodes"));
    edges.extend(group("edges"));
    for element in elements.as_array().into_iter().flatten() {
        // Cytoscape.js calls an element with a source an edge when it has no group.
        let is_edge = element.get("group").and_then(Value::as_str).map_or_else(|| element.get("data").and_then(|d| d.get("source")).is_some(), |g| g == "edges");
        if is_edge { edges.push(element) } else { nodes.push(element) }
    }
    let mut cursor = text.find("\"elements\"").unwrap_or(0);
    for (i, node) in nodes.into_iter().enumerate() {
        let data = node.get("data");
        // Cytoscape gives a node without an id one of its own; so do we, by position.
        let (id, span) = match data.and_then(|d| d.get("id")).map(id_text).filter(|id| !id.is_empty()) {
            Some(id) => {
                let span = span_after(text, base, &mut cursor, &id);
                (id, span)
            }
            None => {
                let at = text.get(cursor..).and_then(|rest| rest.find("\"data\"")).map_or(cursor, |j| cursor + j);
                cursor = (at + 1).min(text.len());
                (format!("node-{}", i + 1), base + at..base + at)
            }
        };
        let label = ["label", "name"].iter().find_map(|k| data.and_then(|d| d.get(*k)).and_then(Value::as_str)).unwrap_or_default().to_string();
        let coordinate = |k: &str| node.get("position").and_then(|p| p.get(k)).and_then(Value::as_f64);
        if let (Some(x), Some(y)) = (coordinate("x"), coordinate("y")) {
            b.place(&id, x, y, false);
        }
        if let Some(parent) = data.and_then(|d| d.get("parent")).map(id_text).filter(|p| !p.is_empty()) {
            b.relation(None, At { value: id.clone(), span: span.clone() }, At { value: parent, span: span.clone() }, vec![("relation".into(), "member_of".into())], span.clone());
        }
        let values = flatten(data).into_iter().filter(|(k, _)| k != "parent" && !DRAWING.contains(&k.as_str())).collect();
        b.entity(At { value: id, span: span.clone() }, &label, values, Vec::new(), span);
    }
    for edge in edges {
        let data = edge.get("data");
        let mut values: Vec<(String, String)> = flatten(data).into_iter().filter(|(k, _)| !DRAWING.contains(&k.as_str()) && k != "name").collect();
        // Cytoscape desktop's edge type.
        if let Some(interaction) = data.and_then(|d| d.get("interaction")).and_then(Value::as_str) {
            values.insert(0, ("relation".into(), interaction.to_string()));
        }
        let listed = data.and_then(|d| d.get("sources")).filter(|s| s.is_array()).map(|s| strings(Some(s)).into_iter().map(String::from).collect::<Vec<_>>());
        add_edge(b, text, base, &mut cursor, data, values, listed);
    }
}

/// graphology's `{attributes, options, nodes: [{key, attributes}], edges: [{key, source, target, attributes, undirected}]}`.
fn graphology(b: &mut Builder, text: &str, base: usize, doc: &Value) {
    let attributes = doc.get("attributes");
    for (field, keys) in [(0, ["name", "title"]), (1, ["description", "desc"])] {
        if let Some(v) = keys.iter().find_map(|k| attributes.and_then(|a| a.get(*k)).and_then(Value::as_str)) {
            *(if field == 0 { &mut b.file.meta.title } else { &mut b.file.meta.description }) = v.to_string();
        }
    }
    let undirected = doc.get("options").and_then(|o| o.get("type")).and_then(Value::as_str) == Some("undirected");
    let mut cursor = text.find("\"nodes\"").unwrap_or(0);
    for node in doc.get("nodes").and_then(Value::as_array).into_iter().flatten() {
        let id = node.get("key").or(node.get("id")).map(id_text).unwrap_or_default();
        let span = span_after(text, base, &mut cursor, &id);
        let attrs = node.get("attributes");
        let label = [attrs, Some(node)].iter().flatten().find_map(|r| r.get("label")).and_then(Value::as_str).unwrap_or_default().to_string();
        let coordinate = |k: &str| [attrs, Some(node)].iter().flatten().find_map(|r| r.get(k)).and_then(Value::as_f64);
        if let (Some(x), Some(y)) = (coordinate("x"), coordinate("y")) {
            b.place(&id, x, y, true);
        }
        if [attrs, Some(node)].iter().flatten().any(|r| ["size", "color"].iter().any(|k| r.get(*k).is_some())) {
            b.tally.dropped("the colours and sizes (size, color)", &span, &format!("node `{id}`"));
        }
        let values = flatten(attrs).into_iter().filter(|(k, _)| !DRAWING.contains(&k.as_str())).collect();
        b.entity(At { value: id, span: span.clone() }, &label, values, Vec::new(), span);
    }
    let mut cursor = text.find("\"edges\"").unwrap_or(0);
    for edge in doc.get("edges").and_then(Value::as_array).into_iter().flatten() {
        let mut values: Vec<(String, String)> = flatten(edge.get("attributes")).into_iter().filter(|(k, _)| !DRAWING.contains(&k.as_str())).collect();
        if edge.get("undirected").and_then(Value::as_bool).unwrap_or(undirected) {
            values.push(("directed".into(), "false".into()));
        }
        let mut record = edge.clone();
        // sigma.js's edge attributes sit beside source and target.
        values.extend(flatten(Some(edge)).into_iter().filter(|(k, _)| !DRAWING.contains(&k.as_str()) && !["key", "label", "undirected"].contains(&k.as_str())));
        if let Some(label) = edge.get("label").and_then(Value::as_str) {
            values.insert(0, ("label".into(), label.to_string()));
        }
        if let (Some(key), Some(m)) = (edge.get("key").cloned(), record.as_object_mut()) {
            m.insert("id".into(), key);
        }
        add_edge(b, text, base, &mut cursor, Some(&record), values, None);
    }
}

/// One edge from a record with `id`, `source` and `target`, at its `"source"` in the text.
fn add_edge(b: &mut Builder, text: &str, base: usize, cursor: &mut usize, record: Option<&Value>, values: Vec<(String, String)>, sources: Option<Vec<String>>) {
    let end = |key: &str| record.and_then(|r| r.get(key)).map(id_text).unwrap_or_default();
    let at = text.get(*cursor..).and_then(|rest| rest.find("\"source\"")).map_or(*cursor, |i| *cursor + i);
    *cursor = (at + 1).min(text.len());
    let span = base + at..base + at;
    let id = record.and_then(|r| r.get("id")).map(id_text).filter(|id| !id.is_empty()).map(|id| b.relation_id(&id, &span));
    let named = sources.map(|ids| {
        let what = format!("the sources of {}", b.relation_name(id.as_ref()));
        b.named_sources(ids.iter().map(String::as_str), &span, &what)
    });
    let values = values.into_iter().filter(|(k, _)| !["id", "source", "target", "sources", "interaction"].contains(&k.as_str())).collect();
    let relation = b.relation(id, At { value: end("source"), span: span.clone() }, At { value: end("target"), span: span.clone() }, values, span);
    if let Some(sources) = named {
        relation.sources = sources;
    }
}

/// An id written as a string or a number (`"1"`, `1`).
fn id_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => String::new(),
    }
}
