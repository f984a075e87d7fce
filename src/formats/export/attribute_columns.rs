//! Entity attributes as typed GEXF/GraphML columns, so other tools read
//! `founded` as a number and our importer gets back exactly what was written.
//!
//! One column per attribute key, typed `double`, `boolean` or `string` from
//! the values the dataset holds, with id `attr.<key>`; a companion string
//! column `attr.<key>.sources` holds the ids of the sources that state each
//! value, separated by spaces. These formats allow one value per column and
//! node, so the n-th repeat of a key on one entity gets its own column
//! (`attr.<key>.<n>`), and a key whose values differ in type gets one column
//! per type (`attr.<key>.double` ...). Keys are free text: in an id, every
//! character other than ASCII letters, digits and `_` is written `-<hex>-`,
//! so ids never hold a `.` of their own and [`SOURCES_SUFFIX`] is unambiguous.
//! A column whose values carry claims has companion string columns
//! `attr.<key>.according_to`, `.confirmation`, `.disputed_by`, `.basis` and
//! `.reasoning` ([`CLAIM_SUFFIXES`]; entity ids joined by `;`).

use crate::model::{Attribute, Dataset, Entity, Value};
use std::collections::HashMap;
use std::fmt::Write;

/// Prefix of every attribute column id.
pub const PREFIX: &str = "attr.";
/// Suffix of a column's companion sources column id.
pub const SOURCES_SUFFIX: &str = ".sources";

/// Suffixes of a column's companion claim columns, in `export::CLAIM_KEYS` order.
pub const CLAIM_SUFFIXES: [&str; 5] = [".according_to", ".confirmation", ".disputed_by", ".basis", ".reasoning"];

/// One typed column.
pub(crate) struct Column {
    /// `attr.<key>[.<n>][.<type>]`.
    pub id: String,
    /// The attribute key, as the column's title / `attr.name`.
    pub key: String,
    /// `double`, `boolean` or `string` (the same words in GEXF and GraphML).
    pub ty: &'static str,
    /// Whether a value in it carries a claim (then its claim columns are declared).
    pub claimed: bool,
}

/// Every column of `data`, and per entity the column of each of its attributes.
pub(crate) struct Columns {
    pub columns: Vec<Column>,
    pub of_entity: Vec<Vec<usize>>,
}

fn type_of(v: &Value) -> &'static str {
    match v {
        Value::Number(_) => "double",
        Value::Bool(_) => "boolean",
        Value::Text(_) => "string",
    }
}

/// `key` made safe for an id (letters, digits and `_` kept).
fn id_part(key: &str) -> String {
    let mut out = String::new();
    for c in key.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c);
        } else {
            let _ = write!(out, "-{:x}-", c as u32);
        }
    }
    out
}

/// The columns of `data`, in order of first use.
pub(crate) fn columns(data: &Dataset) -> Columns {
    let mut types: HashMap<&str, Vec<&'static str>> = HashMap::new();
    for a in data.entities.iter().flat_map(|e| &e.attributes) {
        let tys = types.entry(&a.key).or_default();
        if !tys.contains(&type_of(&a.value)) {
            tys.push(type_of(&a.value));
        }
    }
    let mut columns: Vec<Column> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let of_entity = data
        .entities
        .iter()
        .map(|e| {
            e.attributes
                .iter()
                .enumerate()
                .map(|(i, a)| {
                    let repeat = e.attributes[..i].iter().filter(|b| b.key == a.key).count() + 1;
                    let mixed = types.get(a.key.as_str()).is_some_and(|tys| tys.len() > 1);
                    let mut id = format!("{PREFIX}{}", id_part(&a.key));
                    if repeat > 1 {
                        let _ = write!(id, ".{repeat}");
                    }
                    if mixed {
                        let _ = write!(id, ".{}", type_of(&a.value));
                    }
                    let c = *by_id.entry(id.clone()).or_insert_with(|| {
                        columns.push(Column { id, key: a.key.clone(), ty: type_of(&a.value), claimed: false });
                        columns.len() - 1
                    });
                    columns[c].claimed |= !a.claim.is_plain();
                    c
                })
                .collect()
        })
        .collect();
    Columns { columns, of_entity }
}

/// A value as its column's type reads it: numbers in full (shortest exact
/// form), booleans as `true`/`false`.
pub(crate) fn value_text(v: &Value) -> String {
    match v {
        Value::Text(t) => t.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
    }
}

/// The ids of the sources that state `a`, separated by spaces.
pub(crate) fn sources_text(data: &Dataset, a: &Attribute) -> String {
    a.sources.iter().map(|&s| data.source(s).id.as_str()).collect::<Vec<_>>().join(" ")
}

/// An entity's cells as both XML writers write them, in order: the fixed
/// columns (empty ones left out), then each attribute's value (written even
/// when empty: an empty text is a value too) and its sources.
pub(crate) fn entity_cells(data: &Dataset, e: &Entity, cells: &[usize], cols: &Columns) -> Vec<(String, String)> {
    let sources = e.sources.iter().map(|&s| data.source(s).id.as_str()).collect::<Vec<_>>().join(";");
    let fixed = [("kind", e.kind.key().to_string()), ("country", e.country.clone()), ("wikidata", e.wikidata.clone()), ("aliases", e.aliases.join(";")), ("sources", sources)];
    let mut out: Vec<(String, String)> = fixed.into_iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| (k.to_string(), v)).collect();
    for (a, &c) in e.attributes.iter().zip(cells) {
        let id = &cols.columns[c].id;
        out.push((id.clone(), value_text(&a.value)));
        let sources = sources_text(data, a);
        if !sources.is_empty() {
            out.push((format!("{id}{SOURCES_SUFFIX}"), sources));
        }
        let claim = super::claim_values(data, &a.claim).into_iter().skip(1);
        out.extend(CLAIM_SUFFIXES.iter().zip(claim).filter(|(_, v)| !v.is_empty()).map(|(suffix, v)| (format!("{id}{suffix}"), v)));
    }
    out
}

/// The companion claim columns a writer declares for `c`: (id, title).
pub(crate) fn claim_columns(c: &Column) -> Vec<(String, String)> {
    let suffixes = if c.claimed { &CLAIM_SUFFIXES[..] } else { &[] };
    suffixes.iter().map(|s| (format!("{}{s}", c.id), format!("{}{s}", c.key))).collect()
}
