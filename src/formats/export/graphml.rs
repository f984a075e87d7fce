//! GraphML (http://graphml.graphdrawing.org/): every attribute declared as a
//! `<key>` with its type, so networkx and yEd read typed values.

use crate::display::markup::escape;
use super::attribute_columns::{claim_columns, columns, entity_cells, SOURCES_SUFFIX};
use super::{claim_cells, relation_ids, source_list, CLAIM_KEYS};
use crate::model::{format_number, Dataset};
use std::fmt::Write;

const NODE_KEYS: &[&str] = &["label", "kind", "country", "wikidata", "aliases", "sources"];
const EDGE_KEYS: &[(&str, &str)] = &[
    ("relation", "string"),
    ("share", "double"),
    ("share_qualifier", "string"),
    ("role", "string"),
    ("status", "string"),
    ("start", "string"),
    ("end", "string"),
    ("announced", "string"),
    ("sources", "string"),
    ("note", "string"),
    ("share_max", "double"),
    ("according_to", "string"),
    ("confirmation", "string"),
    ("disputed_by", "string"),
    ("basis", "string"),
    ("reasoning", "string"),
];

fn data_el(out: &mut String, key: &str, value: &str) {
    if !value.is_empty() {
        let _ = write!(out, "<data key=\"{}\">{}</data>", escape(key), escape(value));
    }
}

/// The dataset as a GraphML document (directed).
pub fn to_graphml(data: &Dataset) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    for key in NODE_KEYS {
        let _ = writeln!(out, "<key id=\"{key}\" for=\"node\" attr.name=\"{key}\" attr.type=\"string\"/>");
    }
    let cols = columns(data);
    for c in &cols.columns {
        let (id, key) = (escape(&c.id), escape(&c.key));
        let _ = writeln!(out, "<key id=\"{id}\" for=\"node\" attr.name=\"{key}\" attr.type=\"{}\"/>", c.ty);
        let _ = writeln!(out, "<key id=\"{id}{SOURCES_SUFFIX}\" for=\"node\" attr.name=\"{key}{SOURCES_SUFFIX}\" attr.type=\"string\"/>");
        for (id, title) in claim_columns(c) {
            let _ = writeln!(out, "<key id=\"{}\" for=\"node\" attr.name=\"{}\" attr.type=\"string\"/>", escape(&id), escape(&title));
        }
    }
    for (key, ty) in EDGE_KEYS {
        let _ = writeln!(out, "<key id=\"{key}\" for=\"edge\" attr.name=\"{key}\" attr.type=\"{ty}\"/>");
    }
    // Corrections and market reactions: graph-level data, each the JSON array JGF's metadata holds.
    let graph_level = [("corrections", crate::formats::jgf::corrections(data)), ("reactions", crate::formats::jgf::reactions(data))];
    for (key, list) in &graph_level {
        if !list.is_empty() {
            let _ = writeln!(out, "<key id=\"{key}\" for=\"graph\" attr.name=\"{key}\" attr.type=\"string\"/>");
        }
    }
    out.push_str("<graph id=\"alliance-map\" edgedefault=\"directed\">\n");
    for (key, list) in &graph_level {
        if !list.is_empty() {
            let _ = writeln!(out, "<data key=\"{key}\">{}</data>", escape(&serde_json::Value::Array(list.clone()).to_string()));
        }
    }
    for (e, cells) in data.entities.iter().zip(&cols.of_entity) {
        let _ = write!(out, "<node id=\"{}\">", escape(&e.id));
        data_el(&mut out, "label", &e.name);
        for (key, value) in entity_cells(data, e, cells, &cols) {
            let _ = write!(out, "<data key=\"{}\">{}</data>", escape(&key), escape(&value));
        }
        out.push_str("</node>\n");
    }
    for (r, id) in data.relations.iter().zip(relation_ids(data)) {
        let undirected = if super::is_undirected(r) { " directed=\"false\"" } else { "" };
        let _ = write!(out, "<edge id=\"{}\" source=\"{}\" target=\"{}\"{undirected}>", escape(&id), escape(&data.entity(r.from).id), escape(&data.entity(r.to).id));
        data_el(&mut out, "relation", r.kind.key());
        if let Some(s) = r.share {
            data_el(&mut out, "share", &format_number(s.percent));
            data_el(&mut out, "share_qualifier", s.qualifier.key());
        }
        data_el(&mut out, "role", &r.role);
        data_el(&mut out, "status", r.status.map(|s| s.key()).unwrap_or(""));
        for (key, date) in [("start", r.start), ("end", r.end), ("announced", r.announced)] {
            data_el(&mut out, key, &date.map(|d| d.to_string()).unwrap_or_default());
        }
        data_el(&mut out, "sources", &source_list(data, r));
        data_el(&mut out, "note", &r.note);
        for (key, value) in CLAIM_KEYS.iter().zip(claim_cells(data, r)) {
            data_el(&mut out, key, &value);
        }
        out.push_str("</edge>\n");
    }
    out.push_str("</graph>\n</graphml>\n");
    out
}
