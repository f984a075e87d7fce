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
            .map(|a| {
                let mut item = json!({"key": a.key, "value": value(&a.value), "sources": source_ids(data, &a.sources)});
                claim_fields(&mut item, crate::formats::export::claim_values(data, &a.claim));
                item
            })
            .collect();
        let mut meta = json!({"kind": e.kind.key(), "aliases": e.aliases, "attributes": attributes});
        if !e.sources.is_empty() {
            meta["sources"] = json!(source_ids(data, &e.sources));
        }
        insert_nonempty(&mut meta, "country", &e.country);
        insert_nonempty(&mut meta, "wikidata", &e.wikidata);
        nodes.insert(e.id.clone(), json!({"label": e.name, "metadata": meta}));
    }
    let ids = crate::formats::export::relation_ids(data);
    let edges: Vec<Json> = data.relations.iter().zip(ids).map(|(r, id)| edge(data, id, r)).collect();
    let sources: Vec<Json> = data.sources.iter().map(|s| source(data, s)).collect();
    json!({
        "graph": {
            "id": "alliance-map",
            "type": "alliance-map",
            "label": data.meta.title,
            "directed": true,
            "metadata": {"description": data.meta.description, "sources": sources, "corrections": corrections(data), "reactions": reactions(data)},
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
    claim_fields(&mut meta, crate::formats::export::claim_cells(data, r));
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

fn source(data: &Dataset, s: &Source) -> Json {
    let mut out = json!({"id": s.id});
    for (key, text) in [("publisher", &s.publisher), ("title", &s.title), ("author", &s.author), ("url", &s.url), ("note", &s.note)] {
        insert_nonempty(&mut out, key, text);
    }
    // A dateline without a year is written as in TOML: "--09-28".
    if let Some(d) = s.date.map(|d| d.to_string()).or(s.date_no_year.map(|d| d.to_string())) {
        out["date"] = json!(d);
    }
    if !s.self_interest.is_empty() {
        out["self_interest"] = json!(s.self_interest.iter().map(|&e| data.entity(e).id.as_str()).collect::<Vec<_>>());
    }
    if let Some(e) = s.publisher_entity {
        out["publisher_entity"] = json!(data.entity(e).id);
    }
    out
}

/// The claim's keys that are stated; entity lists as JSON lists, `share_max` as a number.
fn claim_fields(obj: &mut Json, cells: [String; 6]) {
    for (key, cell) in crate::formats::export::CLAIM_KEYS.iter().zip(cells).filter(|(_, c)| !c.is_empty()) {
        obj[*key] = match *key {
            "according_to" | "disputed_by" => json!(cell.split(';').collect::<Vec<_>>()),
            "share_max" => cell.parse::<f64>().map(number).unwrap_or(json!(cell)),
            _ => json!(cell),
        };
    }
}

/// `[[correction]]`s as JGF graph metadata: `{date, what, why, sources}`
/// (GraphML's graph-level `corrections` data holds the same array).
pub(crate) fn corrections(data: &Dataset) -> Vec<Json> {
    data.corrections.iter().map(|c| json!({"date": c.date.to_string(), "what": c.what, "why": c.why, "sources": source_ids(data, &c.sources)})).collect()
}

/// `[[reaction]]`s as JGF graph metadata, with the keys of the data format
/// (and as GraphML's graph-level `reactions` data).
pub(crate) fn reactions(data: &Dataset) -> Vec<Json> {
    data.reactions
        .iter()
        .map(|x| {
            let mut out = json!({"entity": data.entity(x.entity).id, "sources": source_ids(data, &x.sources)});
            insert_nonempty(&mut out, "market", &x.market);
            match (x.change.qualifier, x.change.max) {
                (crate::model::vocab::ShareQualifier::Between, Some(max)) => (out["change_min"], out["change_max"]) = (number(x.change.percent), number(max)),
                (crate::model::vocab::ShareQualifier::UpTo, _) => out["change_max"] = number(x.change.percent),
                (crate::model::vocab::ShareQualifier::AtLeast, _) => out["change_min"] = number(x.change.percent),
                _ => out["change"] = number(x.change.percent),
            }
            if let Some(d) = x.date {
                out["date"] = json!(d.to_string());
            }
            match x.after {
                Some(crate::model::After::Entity(e)) => out["after"] = json!(data.entity(e).id),
                Some(crate::model::After::Relation(r)) => out["after"] = json!(data.relations[r.ix()].id),
                None => {}
            }
            out
        })
        .collect()
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
