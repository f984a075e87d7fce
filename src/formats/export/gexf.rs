//! GEXF 1.3 (https://gexf.net/1.3): a dynamic, directed graph. Partial dates
//! become the span they stand for: a start of "2023-09" starts on 2023-09-01,
//! an end of "2023" ends on 2023-12-31 (GEXF dates must be whole days).

use crate::display::markup::escape;
use super::attribute_columns::{claim_columns, columns, entity_cells, SOURCES_SUFFIX};
use super::{claim_cells, relation_ids, source_list, CLAIM_KEYS};
use crate::model::date::PartialDate;
use crate::model::{format_number, Dataset};
use std::fmt::Write;

fn day(ordinal: u32) -> String {
    format!("{:04}-{:02}-{:02}", ordinal / 10_000, ordinal / 100 % 100, ordinal % 100)
}

fn attr(out: &mut String, key: &str, value: &str) {
    if !value.is_empty() {
        let _ = write!(out, "<attvalue for=\"{}\" value=\"{}\"/>", escape(key), escape(value));
    }
}

/// The dataset as a GEXF 1.3 document.
pub fn to_gexf(data: &Dataset) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<gexf xmlns=\"http://gexf.net/1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n");
    let _ = writeln!(out, "<meta><creator>alliance-map</creator><title>{}</title><description>{}</description></meta>", escape(&data.meta.title), escape(&data.meta.description));
    out.push_str("<graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">\n");
    out.push_str("<attributes class=\"node\"><attribute id=\"kind\" title=\"kind\" type=\"string\"/><attribute id=\"country\" title=\"country\" type=\"string\"/><attribute id=\"wikidata\" title=\"wikidata\" type=\"string\"/><attribute id=\"aliases\" title=\"aliases\" type=\"string\"/><attribute id=\"sources\" title=\"sources\" type=\"string\"/>");
    let cols = columns(data);
    for c in &cols.columns {
        let (id, key) = (escape(&c.id), escape(&c.key));
        let _ = write!(out, "<attribute id=\"{id}\" title=\"{key}\" type=\"{}\"/><attribute id=\"{id}{SOURCES_SUFFIX}\" title=\"{key}{SOURCES_SUFFIX}\" type=\"string\"/>", c.ty);
        for (id, title) in claim_columns(c) {
            let _ = write!(out, "<attribute id=\"{}\" title=\"{}\" type=\"string\"/>", escape(&id), escape(&title));
        }
    }
    out.push_str("</attributes>\n");
    out.push_str("<attributes class=\"edge\"><attribute id=\"relation\" title=\"relation\" type=\"string\"/><attribute id=\"share\" title=\"share\" type=\"double\"/><attribute id=\"share_qualifier\" title=\"share_qualifier\" type=\"string\"/><attribute id=\"role\" title=\"role\" type=\"string\"/><attribute id=\"status\" title=\"status\" type=\"string\"/><attribute id=\"announced\" title=\"announced\" type=\"string\"/><attribute id=\"sources\" title=\"sources\" type=\"string\"/><attribute id=\"note\" title=\"note\" type=\"string\"/>");
    for key in CLAIM_KEYS {
        let ty = if key == "share_max" { "double" } else { "string" };
        let _ = write!(out, "<attribute id=\"{key}\" title=\"{key}\" type=\"{ty}\"/>");
    }
    out.push_str("</attributes>\n<nodes>\n");
    for (e, cells) in data.entities.iter().zip(&cols.of_entity) {
        let _ = write!(out, "<node id=\"{}\" label=\"{}\"><attvalues>", escape(&e.id), escape(&e.name));
        for (key, value) in entity_cells(data, e, cells, &cols) {
            let _ = write!(out, "<attvalue for=\"{}\" value=\"{}\"/>", escape(&key), escape(&value));
        }
        out.push_str("</attvalues></node>\n");
    }
    out.push_str("</nodes>\n<edges>\n");
    for (r, id) in data.relations.iter().zip(relation_ids(data)) {
        let start = r.start.or(r.announced).map(|d| format!(" start=\"{}\"", day(d.first_day()))).unwrap_or_default();
        let end = r.end.map(|d: PartialDate| format!(" end=\"{}\"", day(d.last_day()))).unwrap_or_default();
        let _ = write!(
            out,
            "<edge id=\"{}\" source=\"{}\" target=\"{}\" label=\"{}\"{start}{end}{}><attvalues>",
            escape(&id),
            escape(&data.entity(r.from).id),
            escape(&data.entity(r.to).id),
            r.kind.key(),
            // An imported undirected edge (`directed = false`) goes back as one.
            if super::is_undirected(r) { " type=\"undirected\"" } else { "" }
        );
        attr(&mut out, "relation", r.kind.key());
        if let Some(s) = r.share {
            attr(&mut out, "share", &format_number(s.percent));
            attr(&mut out, "share_qualifier", s.qualifier.key());
        }
        attr(&mut out, "role", &r.role);
        attr(&mut out, "status", r.status.map(|s| s.key()).unwrap_or(""));
        attr(&mut out, "announced", &r.announced.map(|d| d.to_string()).unwrap_or_default());
        attr(&mut out, "sources", &source_list(data, r));
        attr(&mut out, "note", &r.note);
        for (key, value) in CLAIM_KEYS.iter().zip(claim_cells(data, r)) {
            attr(&mut out, key, &value);
        }
        out.push_str("</attvalues></edge>\n");
    }
    out.push_str("</edges>\n</graph>\n</gexf>\n");
    out
}
