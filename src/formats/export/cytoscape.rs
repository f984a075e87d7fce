//! Cytoscape.js elements JSON: `{"elements": {"nodes": [{"data": ...}], "edges": [...]}}`,
//! which `cytoscape({elements})` and Cytoscape desktop's JSON import accept.

use super::relation_ids;
use crate::model::Dataset;
use serde_json::{json, Value};

/// The dataset as Cytoscape elements.
pub fn to_cytoscape(data: &Dataset) -> Value {
    let nodes: Vec<Value> = data
        .entities
        .iter()
        .map(|e| json!({"data": {"id": e.id, "label": e.name, "kind": e.kind.key(), "country": e.country, "wikidata": e.wikidata, "aliases": e.aliases}}))
        .collect();
    let edges: Vec<Value> = data
        .relations
        .iter()
        .zip(relation_ids(data))
        .map(|(r, id)| {
            let mut d = json!({
                "id": id,
                "source": data.entity(r.from).id,
                "target": data.entity(r.to).id,
                "relation": r.kind.key(),
                "sources": r.sources.iter().map(|&s| data.source(s).id.clone()).collect::<Vec<_>>(),
            });
            let m = d.as_object_mut().expect("object literal");
            if let Some(s) = r.share {
                m.insert("share".into(), json!(s.percent));
                m.insert("share_qualifier".into(), json!(s.qualifier.key()));
            }
            for (key, text) in [("role", r.role.clone()), ("note", r.note.clone()), ("status", r.status.map(|s| s.key().to_string()).unwrap_or_default())] {
                if !text.is_empty() {
                    m.insert(key.into(), json!(text));
                }
            }
            for (key, date) in [("start", r.start), ("end", r.end), ("announced", r.announced)] {
                if let Some(d) = date {
                    m.insert(key.into(), json!(d.to_string()));
                }
            }
            for (key, cell) in super::CLAIM_KEYS.iter().zip(super::claim_cells(data, r)).filter(|(_, c)| !c.is_empty()) {
                m.insert((*key).into(), json!(cell));
            }
            json!({"data": d})
        })
        .collect();
    json!({"elements": {"nodes": nodes, "edges": edges}})
}
