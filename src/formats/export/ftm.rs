//! FollowTheMoney JSON lines (`export --format ftm`), for Aleph, OpenSanctions'
//! tools and `ftm` itself: each entity a thing, each relation an interval
//! (schemas and end properties from `formats::ftm`). What FtM has no
//! property for stays in the data file: our kind is in `keywords`, our
//! relation type in `summary`, so importing the file gives them back; the
//! sources a relation cites become its `publisher` and `sourceUrl`.

use super::relation_ids;
use crate::formats::ftm::{entity_schema, relation_link};
use crate::model::Dataset;
use serde_json::{json, Map, Value};

/// The dataset as FtM entities, one JSON object a line.
pub fn to_ftm(data: &Dataset) -> String {
    let mut out = String::new();
    for e in &data.entities {
        let mut props = Map::new();
        let mut put = |key: &str, values: Vec<String>| {
            let values: Vec<String> = values.into_iter().filter(|v| !v.is_empty()).collect();
            if !values.is_empty() {
                props.insert(key.into(), json!(values));
            }
        };
        put("name", vec![e.name.clone()]);
        put("alias", e.aliases.clone());
        put("country", vec![e.country.to_ascii_lowercase()]);
        put("wikidataId", vec![e.wikidata.clone()]);
        put("keywords", vec![e.kind.key().to_string()]);
        line(&mut out, json!({"id": e.id, "schema": entity_schema(e.kind), "properties": props}));
    }
    for (r, id) in data.relations.iter().zip(relation_ids(data)) {
        let link = relation_link(r.kind);
        let mut props = Map::new();
        let mut put = |key: &str, values: Vec<String>| {
            let values: Vec<String> = values.into_iter().filter(|v| !v.is_empty()).collect();
            if !values.is_empty() {
                props.insert(key.into(), json!(values));
            }
        };
        put(link.from, vec![data.entity(r.from).id.clone()]);
        put(link.to, vec![data.entity(r.to).id.clone()]);
        put("summary", vec![r.kind.key().to_string()]);
        let date = |d: Option<crate::model::date::PartialDate>| d.map(|d| d.to_string()).unwrap_or_default();
        put("startDate", vec![date(r.start)]);
        put("endDate", vec![date(r.end)]);
        put("date", vec![date(r.announced)]);
        put("percentage", r.share.map(|s| crate::model::format_number(s.percent)).into_iter().collect());
        put("role", vec![r.role.clone()]);
        put("status", r.status.map(|s| s.key().to_string()).into_iter().collect());
        put("description", vec![r.note.clone()]);
        put("publisher", r.sources.iter().map(|&s| data.source(s).publisher.clone()).collect());
        put("sourceUrl", r.sources.iter().map(|&s| data.source(s).url.clone()).collect());
        line(&mut out, json!({"id": id, "schema": link.schema, "properties": props}));
    }
    out
}

fn line(out: &mut String, record: Value) {
    out.push_str(&record.to_string());
    out.push('\n');
}
