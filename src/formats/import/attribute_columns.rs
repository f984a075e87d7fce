//! Reads back the typed attribute columns of our GEXF and GraphML exports
//! (`export::attribute_columns`): `attr.<key>` holds a value of the declared
//! type, `attr.<key>.sources` the ids of the sources that state it. Other
//! tools' columns are read as before, by name.

use super::Builder;
use crate::check::fields::Span;
use crate::check::raw::RawAttribute;
use crate::check::read::truncate;
use crate::formats::export::attribute_columns::{CLAIM_SUFFIXES, PREFIX, SOURCES_SUFFIX};
use crate::model::Value;
use std::collections::HashMap;

/// A declared column: its title (`attr.name` in GraphML), type, class
/// (`node`, `edge`, `graph`, `all` or empty) and `<default>` value.
pub(crate) struct Declared {
    pub name: String,
    pub ty: String,
    pub class: String,
    pub default: Option<String>,
}

impl Declared {
    /// Whether the column belongs to elements named `element` (`node`, `edge`).
    pub(crate) fn applies_to(&self, element: &str) -> bool {
        self.class.is_empty() || self.class == "all" || self.class == element
    }
}

/// Whether a column id is one of ours (value or sources).
pub(crate) fn is_attribute_column(id: &str) -> bool {
    id.starts_with(PREFIX)
}

/// `text` read as a value of the declared `ty`; text when it does not parse.
fn typed(ty: &str, text: &str) -> Value {
    match ty {
        // A float column's 12000000000000000000000 is the float its writer had.
        "double" | "float" => match text.trim().parse::<f64>() {
            Ok(n) if n.is_finite() => Value::Number(n),
            _ => Value::Text(text.to_string()),
        },
        "long" | "integer" | "int" | "bigint" | "biginteger" => super::values::number(text).value,
        "boolean" => match text.trim().to_ascii_lowercase().as_str() {
            "true" | "1" => Value::Bool(true),
            "false" | "0" => Value::Bool(false),
            _ => Value::Text(text.to_string()),
        },
        _ => Value::Text(text.to_string()),
    }
}

/// The cited attributes in one node's `cells` (column id, text), in the
/// order written, for the entity written with id `entity`. Values without a
/// sources column cite the imported file; a source id that is not valid
/// here is reported (see [`Builder::named_sources`]).
pub(crate) fn cited_attributes(b: &mut Builder, declared: &HashMap<String, Declared>, cells: &[(String, String)], entity: &str, span: &Span) -> Vec<RawAttribute> {
    let sources_of: HashMap<&str, &str> = cells
        .iter()
        .filter_map(|(id, text)| id.strip_suffix(SOURCES_SUFFIX).map(|column| (column, text.as_str())))
        .collect();
    // A companion column is `<value column><suffix>`, its value column one of ours.
    let companion = |id: &str, suffix: &str| id.strip_suffix(suffix).filter(|c| c.starts_with(PREFIX)).map(str::to_string);
    let mut claims: HashMap<String, crate::check::raw::RawClaim> = HashMap::new();
    for (id, text) in cells {
        for suffix in CLAIM_SUFFIXES {
            if let Some(column) = companion(id, suffix) {
                super::claims::claim_cell(claims.entry(column).or_default(), &suffix[1..], text.clone(), span);
            }
        }
    }
    cells
        .iter()
        .filter(|(id, _)| !id.ends_with(SOURCES_SUFFIX) && !CLAIM_SUFFIXES.iter().any(|s| companion(id, s).is_some()))
        .map(|(id, text)| {
            let column = declared.get(id);
            let key = column.map(|c| c.name.clone()).unwrap_or_else(|| id[PREFIX.len()..].to_string());
            let key = if key.trim().is_empty() { "unnamed".to_string() } else { key };
            let value = typed(column.map(|c| c.ty.as_str()).unwrap_or("string"), text);
            let what = format!("the sources of attribute `{}` of entity `{}`", truncate(&key), truncate(entity));
            let named = sources_of.get(id.as_str()).map(|s| s.split_whitespace()).into_iter().flatten();
            let sources = b.named_sources(named, span, &what);
            RawAttribute { key, value, sources, span: span.clone(), claim: claims.remove(id).unwrap_or_default() }
        })
        .collect()
}
