//! FollowTheMoney entities, one JSON object a line (`ftm export`, Aleph,
//! OpenSanctions; our `export --format ftm`): things (Person, Company,
//! PublicBody …) become entities, intervals (Ownership, Membership,
//! Directorship …) relations, by the table in `formats::ftm`. Other schemas
//! (Address, Note …) are named as left out. Each problem points at its line.

use super::Builder;
use crate::check::diagnostic::{Code, Diagnostic};
use crate::check::fields::{At, Span};
use crate::formats::ftm::{kind_of_schema, relation_link, LINKS};
use crate::model::vocab::{EntityKind, RelationType};
use serde_json::{Map, Value};

/// Whether `text` is FtM JSON lines: its first line an object with `schema` and `properties`.
pub(crate) fn looks_like(text: &str) -> bool {
    let first = text.trim_start_matches('\u{feff}').lines().find(|l| !l.trim().is_empty()).unwrap_or_default();
    serde_json::from_str::<Value>(first).is_ok_and(|v| v.get("schema").is_some() && v.get("properties").is_some())
}

/// Reads every line of `text`.
pub(crate) fn read(b: &mut Builder, text: &str, base: usize) {
    b.dialect = Some("FollowTheMoney");
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = base + offset;
        offset += line.len();
        let trimmed = line.trim_end();
        if trimmed.trim().is_empty() {
            continue;
        }
        let span = start..start + trimmed.len();
        match serde_json::from_str::<Value>(trimmed.trim_start_matches('\u{feff}')) {
            Ok(record) => read_record(b, &record, span),
            Err(e) => {
                let at = start + e.column().saturating_sub(1).min(trimmed.len());
                b.diagnostics.push(Diagnostic::new(Code::Syntax, at..at, format!("JSON: {e}")).hint("each line of a FollowTheMoney file is one JSON object"));
            }
        }
    }
}

/// The values of property `key` as text (FtM writes every property as a list).
fn values<'a>(props: &'a Map<String, Value>, key: &str) -> Vec<&'a str> {
    props.get(key).and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str).collect()
}

fn first(props: &Map<String, Value>, key: &str) -> String {
    values(props, key).first().map(|s| s.to_string()).unwrap_or_default()
}

fn read_record(b: &mut Builder, record: &Value, span: Span) {
    let schema = record.get("schema").and_then(Value::as_str).unwrap_or_default();
    let id = record.get("id").and_then(Value::as_str).unwrap_or_default().to_string();
    let empty = Map::new();
    let props = record.get("properties").and_then(Value::as_object).unwrap_or(&empty);
    if let Some(kind) = kind_of_schema(schema) {
        return thing(b, At { value: id, span: span.clone() }, kind, props, span);
    }
    match LINKS.iter().find(|(link, _)| link.schema == schema) {
        Some((link, default)) => {
            let end = |key: &str| At { value: first(props, key), span: span.clone() };
            let kind = values(props, "summary").iter().find_map(|s| RelationType::from_key(s)).unwrap_or(*default);
            // A type our export wrote in `summary` names its ends as the export did (an investment arm is the asset).
            let link = Some(relation_link(kind)).filter(|l| l.schema == schema).unwrap_or(*link);
            let mut attributes = vec![("relation".to_string(), kind.key().to_string())];
            for (ftm, ours) in [("startDate", "start"), ("endDate", "end"), ("date", "announced"), ("role", "role"), ("status", "status"), ("description", "note")] {
                if let Some(v) = values(props, ftm).first() {
                    attributes.push((ours.into(), v.to_string()));
                }
            }
            if let Some(p) = values(props, "percentage").first() {
                attributes.push(("share".into(), p.trim_end_matches('%').trim().to_string()));
            }
            let id = (!id.is_empty()).then(|| b.relation_id(&id, &span));
            b.relation(id, end(link.from), end(link.to), attributes, span);
        }
        None => b.tally.dropped("an FtM entity of another schema (Address, Note …)", &span, &format!("{schema} `{id}`")),
    }
}

/// A person, company or other thing; our export's `keywords` say its exact kind.
fn thing(b: &mut Builder, id: At<String>, kind: EntityKind, props: &Map<String, Value>, span: Span) {
    let names = values(props, "name");
    let kind = values(props, "keywords").iter().find_map(|k| EntityKind::from_key(k)).unwrap_or(kind);
    let mut attributes = vec![("kind".to_string(), kind.key().to_string())];
    let aliases: Vec<&str> = names.iter().skip(1).chain(&values(props, "alias")).chain(&values(props, "previousName")).copied().collect();
    attributes.push(("aliases".into(), aliases.join(";")));
    attributes.push(("country".into(), first(props, "country").to_ascii_uppercase()));
    attributes.push(("wikidata".into(), first(props, "wikidataId")));
    for (key, list) in props {
        if ["name", "alias", "previousName", "country", "wikidataId", "keywords"].contains(&key.as_str()) {
            continue;
        }
        for v in list.as_array().into_iter().flatten().filter_map(Value::as_str) {
            attributes.push((key.clone(), v.to_string()));
        }
    }
    b.entity(id, names.first().copied().unwrap_or_default(), attributes, Vec::new(), span);
}
