//! A node as an entity: its id (or label), kind, aliases, country,
//! Wikidata id, sources and the rest of its columns as cited attributes.

use super::{values, Builder};
use crate::check::diagnostic::{Code, Diagnostic};
use crate::check::fields::{At, Span};
use crate::check::raw::{RawAttribute, RawEntity};
use crate::model::vocab::EntityKind;
use crate::model::Value;

impl Builder {
    /// Adds an entity; `kind` and other attributes come as key/value pairs,
    /// `cited` are attributes that name their own sources.
    pub fn entity(&mut self, mut id: At<String>, label: &str, attributes: Vec<(String, String)>, cited: Vec<RawAttribute>, span: Span) {
        if id.value.trim().is_empty() {
            // A node without an id goes by its label; with neither, there is nothing to name it by.
            if label.trim().is_empty() {
                self.diagnostics.push(Diagnostic::new(Code::EmptyValue, span, "a node has an empty id and no label").hint("give the node an id (and a label to show)"));
                return;
            }
            id.value = label.trim().to_string();
        }
        let mut kind = None;
        let mut aliases = Vec::new();
        let (mut country, mut wikidata) = (String::new(), String::new());
        let (mut facts, mut sources) = (Vec::new(), Vec::new());
        let kind_column = self.options.kind_column.as_deref().map(str::to_ascii_lowercase);
        for (key, value) in attributes {
            // A data file's attribute needs a key (E014): a blank one is named, not dropped.
            let key = if key.trim().is_empty() { "unnamed".to_string() } else { key };
            let lower = key.to_ascii_lowercase();
            let names_kind = lower == "kind" || lower == "type" || kind_column.as_deref() == Some(lower.as_str());
            match lower.as_str() {
                "sources" => sources = self.named_sources(value.split(';'), &span, &format!("the sources of entity `{}`", crate::check::read::truncate(&id.value))),
                _ if names_kind && EntityKind::from_key(&values::vocab_key(&value)).is_some() => kind = EntityKind::from_key(&values::vocab_key(&value)),
                // Kumu's multi-valued fields: one attribute per tag.
                "tags" if value.contains('|') => {
                    for tag in values::list_items(&value) {
                        facts.push(RawAttribute { value: Value::Text(tag), key: key.clone(), sources: Self::cite(&span), span: span.clone(), claim: Default::default() });
                    }
                }
                "aliases" => aliases.extend(value.split(';').map(str::trim).filter(|a| !a.is_empty()).map(String::from)),
                "country" if value.len() == 2 => country = value,
                "wikidata" if value.starts_with('Q') => wikidata = value,
                "label" | "name" | "id" => {}
                _ if value.trim().is_empty() => {}
                _ => facts.push(RawAttribute { value: self.scalar(&value, &span), key, sources: Self::cite(&span), span: span.clone(), claim: Default::default() }),
            }
        }
        facts.extend(cited);
        let name = if label.trim().is_empty() { id.value.trim().to_string() } else { label.to_string() };
        self.file.entities.push(RawEntity {
            id,
            name,
            name_span: span.clone(),
            alias_spans: vec![span.clone(); aliases.len()],
            aliases,
            kind: Some(kind.unwrap_or(EntityKind::Other)),
            country,
            wikidata,
            attributes: facts,
            sources: if sources.is_empty() { Self::cite(&span) } else { sources },
        });
    }
}
