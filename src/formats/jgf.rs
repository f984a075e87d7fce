//! Export to JSON Graph Format v2 (<https://jsongraphformat.info>): one graph,
//! nodes keyed by id, edges with `relation` set to our relation type, and all
//! our fields (citations included) under `metadata`.

use crate::model::{Dataset, Relation, Source, SourceIx, Value};
use serde_json::{json, Map, Value as Json};

/// The whole dataset as a JGF v2 document.
pub fn to_jgf(data: &Dataset) -> Json {
    let mut nodes = Map::new();
    for e in &data.entities {
        let attributes: Vec<Json> = e
            .attributes
            .iter()
            .map(|a| json!({"key": a.key, "value": value(&a.value), "sources": source_ids(data, &a.sources)}))
            .collect();
        let mut meta = json!({"kind": e.kind.key(), "aliases": e.aliases, "attributes": attributes});
        insert_nonempty(&mut meta, "country", &e.country);
        insert_nonempty(&mut meta, "wikidata", &e.wikidata);
        nodes.insert(e.id.clone(), json!({"label": e.name, "metadata": meta}));
    }
    let ids = crate::formats::export::relation_ids(data);
    let edges: Vec<Json> = data.relations.iter().zip(ids).map(|(r, id)| edge(data, id, r)).collect();
    let sources: Vec<Json> = data.sources.iter().map(source).collect();
    json!({
        "graph": {
            "id": "alliance-map",
            "type": "alliance-map",
            "label": data.meta.title,
            "directed": true,
            "metadata": {"description": data.meta.description, "sources": sources},
            "nodes": nodes,
            "edges": edges,
        }
    })
}

fn edge(data: &Dataset, id: String, r: &Relation) -> Json {
    let mut meta = json!({"sources": source_ids(data, &r.sources)});
    let m = meta.as_object_mut().expect("object literal");
    if let Some(share) = r.share {
        m.insert("share".into(), number(share.percent));
        m.insert("share_qualifier".into(), json!(share.qualifier.key()));
    }
    if let Some(status) = r.status {
        m.insert("status".into(), json!(status.key()));
    }
    for (key, date) in [("start", r.start), ("end", r.end), ("announced", r.announced)] {
        if let Some(d) = date {
            m.insert(key.into(), json!(d.to_string()));
        }
    }
    if !r.attributes.is_empty() {
        let attrs: Map<String, Json> = r.attributes.iter().map(|(k, v)| (k.clone(), value(v))).collect();
        m.insert("attributes".into(), Json::Object(attrs));
    }
    insert_nonempty(&mut meta, "role", &r.role);
    insert_nonempty(&mut meta, "note", &r.note);
    json!({
        "id": id,
        "source": data.entity(r.from).id,
        "target": data.entity(r.to).id,
        "relation": r.kind.key(),
        "directed": true,
        "label": crate::model::vocab::RelationType::key(r.kind).replace('_', " "),
        "metadata": meta,
    })
}

fn source(s: &Source) -> Json {
    let mut out = json!({"id": s.id});
    for (key, text) in [("publisher", &s.publisher), ("title", &s.title), ("author", &s.author), ("url", &s.url), ("note", &s.note)] {
        insert_nonempty(&mut out, key, text);
    }
    if let Some(d) = s.date {
        out["date"] = json!(d.to_string());
    }
    out
}

fn source_ids(data: &Dataset, ixs: &[SourceIx]) -> Vec<String> {
    ixs.iter().map(|&i| data.source(i).id.clone()).collect()
}

fn value(v: &Value) -> Json {
    match v {
        Value::Text(t) => json!(t),
        Value::Number(n) => number(*n),
        Value::Bool(b) => json!(b),
    }
}

fn insert_nonempty(obj: &mut Json, key: &str, text: &str) {
    if !text.is_empty() {
        obj[key] = json!(text);
    }
}

/// Whole numbers as JSON integers (40, not 40.0), others as floats.
fn number(n: f64) -> Json {
    if n.fract() == 0.0 && n.abs() < 9e15 {
        json!(n as i64)
    } else {
        json!(n)
    }
}
