//! `[[reaction]]` tables: a market's move on the news, typed rather than
//! free text: whose shares, on which market, by how much (`change`, or
//! `change_max` for "as much as", `change_min` for "at least", in percent,
//! negative for a fall), when, and after which event or relation.

use super::fields::{At, Fields, Span};
use super::raw::RawReaction;
use crate::check::diagnostic::{Code, Diagnostic};
use crate::model::vocab::ShareQualifier;
use crate::model::{After, EntityIx, RelationIx, Share};
use std::collections::HashMap;
use toml::de::DeTable;

const REACTION_FIELDS: &[&str] = &["entity", "market", "change", "change_min", "change_max", "date", "after", "sources"];

/// Reads one reaction; `None` when a required field is missing or bad.
pub fn read_reaction(t: &DeTable, span: Span, i: usize, diags: &mut Vec<Diagnostic>) -> Option<RawReaction> {
    let f = Fields::new(t, format!("reaction #{}", i + 1), span.clone(), REACTION_FIELDS, diags);
    let entity = f.text("entity", true, diags);
    let market = f.text("market", false, diags).map(|m| m.value).unwrap_or_default();
    let change = read_change(&f, diags);
    let date = f.date("date", diags).map(|d| d.value);
    let after = f.text("after", false, diags);
    let sources = f.text_list("sources", diags);
    Some(RawReaction { span, what: f.what.clone(), entity: entity?, market, change: change?, date, after, sources })
}

/// `change` (exact), `change_max` ("as much as"), `change_min` ("at least"), or both bounds.
fn read_change(f: &Fields, diags: &mut Vec<Diagnostic>) -> Option<Share> {
    let (exact, min, max) = (f.number("change", diags), f.number("change_min", diags), f.number("change_max", diags));
    let bad = |span: Span, message: String, hint: &str, diags: &mut Vec<Diagnostic>| diags.push(Diagnostic::new(Code::ShareRange, span, message).hint(hint));
    match (exact, min, max) {
        (None, None, None) => {
            diags.push(
                Diagnostic::new(Code::MissingField, f.span.clone(), format!("{} says no change", f.what))
                    .hint("add `change = 12` (percent; negative for a fall), or `change_max` for \"as much as\", `change_min` for \"at least\""),
            );
            None
        }
        (Some(x), Some(r), _) | (Some(x), _, Some(r)) => {
            let _ = x;
            bad(r.span, format!("{} gives both `change` and a bound", f.what), "keep `change` for one figure, or `change_min`/`change_max`", diags);
            None
        }
        (Some(x), None, None) => Some(Share { percent: x.value, qualifier: ShareQualifier::Exact, max: None }),
        (None, Some(lo), Some(hi)) if lo.value > hi.value => {
            bad(hi.span, format!("`change_max` in {} is below `change_min`", f.what), "swap the two bounds", diags);
            None
        }
        (None, Some(lo), Some(hi)) => Some(Share { percent: lo.value, qualifier: ShareQualifier::Between, max: Some(hi.value) }),
        (None, Some(lo), None) => Some(Share { percent: lo.value, qualifier: ShareQualifier::AtLeast, max: None }),
        (None, None, Some(hi)) => Some(Share { percent: hi.value, qualifier: ShareQualifier::UpTo, max: None }),
    }
}

/// What `after` names: a relation by id first (an announcement), else an event entity.
pub fn resolve_after(at: &At<String>, relations: &HashMap<&str, RelationIx>, entity: &mut dyn FnMut(&At<String>) -> Option<EntityIx>) -> Option<After> {
    match relations.get(at.value.as_str()) {
        Some(&r) => Some(After::Relation(r)),
        None => entity(at).map(After::Entity),
    }
}
