//! The raw records: what the TOML reader (`read`) and every importer
//! (`formats::import`) produce from a file, with spans and ids not yet
//! resolved, and what `resolve` turns into a `Dataset` by one set of rules.

use super::fields::{At, Span};
use crate::model::date::{MonthDay, PartialDate};
use crate::model::vocab::{Basis, Confirmation, EntityKind, RelationType, Status};
use crate::model::{Meta, Value};

/// A `[[source]]` before resolution.
// Fields are the data file's fields of the same name, not yet resolved.
#[allow(missing_docs)]
pub struct RawSource {
    pub id: At<String>,
    pub publisher: String,
    pub title: String,
    pub author: String,
    pub date: Option<PartialDate>,
    pub date_no_year: Option<MonthDay>,
    pub url: String,
    pub note: String,
    pub self_interest: Vec<At<String>>,
    pub publisher_entity: Option<At<String>>,
}

/// The claim fields of a relation or an attribute before resolution
/// (`according_to`, `confirmation`, `disputed_by`, `basis`, `reasoning`).
// Fields are the data file's fields of the same name, not yet resolved.
#[allow(missing_docs)]
#[derive(Default)]
pub struct RawClaim {
    pub according_to: Vec<At<String>>,
    pub confirmation: Option<At<Confirmation>>,
    pub disputed_by: Vec<At<String>>,
    pub basis: Option<At<Basis>>,
    pub reasoning: Option<At<String>>,
}

/// An `[[entity.attribute]]` before resolution.
// Fields are the data file's fields of the same name, not yet resolved.
#[allow(missing_docs)]
pub struct RawAttribute {
    pub key: String,
    pub value: Value,
    pub sources: Vec<At<String>>,
    pub span: Span,
    pub claim: RawClaim,
}

/// An `[[entity]]` before resolution.
// Fields are the data file's fields of the same name, not yet resolved.
#[allow(missing_docs)]
pub struct RawEntity {
    pub id: At<String>,
    pub name: String,
    /// Where the name was written (the entity's own span when it has none).
    pub name_span: Span,
    pub aliases: Vec<String>,
    /// Where each alias was written, in order.
    pub alias_spans: Vec<Span>,
    pub kind: Option<EntityKind>,
    pub country: String,
    pub wikidata: String,
    pub attributes: Vec<RawAttribute>,
    /// Sources of its kind, country and aliases.
    pub sources: Vec<At<String>>,
}

/// A `[[relation]]` before resolution.
// Fields are the data file's fields of the same name, not yet resolved.
#[allow(missing_docs)]
pub struct RawRelation {
    pub span: Span,
    pub id: Option<At<String>>,
    pub kind: Option<At<RelationType>>,
    pub from: Option<At<String>>,
    pub to: Option<At<String>>,
    pub share: Option<crate::model::Share>,
    pub role: String,
    pub status: Option<Status>,
    pub start: Option<At<PartialDate>>,
    pub end: Option<At<PartialDate>>,
    pub announced: Option<PartialDate>,
    pub attributes: Vec<(String, Value)>,
    pub sources: Vec<At<String>>,
    pub note: String,
    pub claim: RawClaim,
}

/// Everything read from a file.
// Fields are the data file's fields of the same name, not yet resolved.
#[allow(missing_docs)]
#[derive(Default)]
pub struct RawFile {
    pub meta: Meta,
    pub sources: Vec<RawSource>,
    pub entities: Vec<RawEntity>,
    pub relations: Vec<RawRelation>,
    pub corrections: Vec<RawCorrection>,
    pub reactions: Vec<RawReaction>,
    pub steps: Vec<super::steps::RawStep>,
}

/// A `[[reaction]]` before resolution.
// Fields are the data file's fields of the same name, not yet resolved.
#[allow(missing_docs)]
pub struct RawReaction {
    pub span: Span,
    /// "reaction #3", as messages name it.
    pub what: String,
    pub entity: At<String>,
    pub market: String,
    pub change: crate::model::Share,
    pub date: Option<PartialDate>,
    pub after: Option<At<String>>,
    pub sources: Vec<At<String>>,
}

/// A `[[correction]]` before resolution.
// Fields are the data file's fields of the same name, not yet resolved.
#[allow(missing_docs)]
pub struct RawCorrection {
    pub date: PartialDate,
    pub what: String,
    pub why: String,
    pub sources: Vec<At<String>>,
}
