//! Reading the sections of a data file into raw records that still carry
//! spans and unresolved ids. Each reader reports what it can see locally
//! (types, vocabularies, dates, URLs); cross-record rules are in `resolve`.

use super::fields::{array_of_tables, At, Fields, Span};
use super::raw::{RawAttribute, RawEntity, RawFile, RawRelation, RawSource};
use super::suggest::did_you_mean;
use crate::check::diagnostic::{Code, Diagnostic};
use crate::model::Value;
use crate::model::vocab::{EntityKind, RelationType, Status};
use super::claims::read_claim;
use toml::de::{DeTable, DeValue};

const ROOT_FIELDS: &[&str] = &["dataset", "source", "entity", "relation", "correction", "reaction", "step"];
const META_FIELDS: &[&str] = &["title", "description"];
const SOURCE_FIELDS: &[&str] = &["id", "publisher", "title", "author", "date", "url", "note", "self_interest", "publisher_entity"];
const ENTITY_FIELDS: &[&str] = &["id", "name", "aliases", "kind", "country", "wikidata", "sources", "attribute"];
const ATTRIBUTE_FIELDS: &[&str] = &["key", "value", "sources", "according_to", "confirmation", "disputed_by", "basis", "reasoning"];
const RELATION_FIELDS: &[&str] = &[
    "id", "type", "from", "to", "share", "share_min", "share_max", "share_qualifier", "role", "status", "start", "end",
    "announced", "attributes", "sources", "note", "according_to", "confirmation", "disputed_by", "basis", "reasoning",
];

/// Reads the document root.
pub fn read_file(root: &DeTable, root_span: Span, diags: &mut Vec<Diagnostic>) -> RawFile {
    let fields = Fields::new(root, "the file".into(), root_span, ROOT_FIELDS, diags);
    let mut file = RawFile::default();
    if let Some(meta) = fields.table("dataset", diags) {
        if let DeValue::Table(t) = meta.get_ref() {
            let f = Fields::new(t, "[dataset]".into(), meta.span(), META_FIELDS, diags);
            file.meta.title = text_or_empty(&f, "title", diags);
            file.meta.description = text_or_empty(&f, "description", diags);
        }
    }
    let section = |key: &str, diags: &mut Vec<Diagnostic>| match fields.raw(key) {
        Some(v) => array_of_tables(key, "the file", v, diags),
        None => Vec::new(),
    };
    for (i, (t, span)) in section("source", diags).into_iter().enumerate() {
        if let Some(s) = read_source(t, span, i, diags) {
            file.sources.push(s);
        }
    }
    let entity_tables = section("entity", diags);
    let no_entities = entity_tables.is_empty() && fields.raw("entity").is_none_or(|v| matches!(v.get_ref(), DeValue::Array(a) if a.is_empty()));
    for (i, (t, span)) in entity_tables.into_iter().enumerate() {
        if let Some(e) = read_entity(t, span, i, diags) {
            file.entities.push(e);
        }
    }
    for (i, (t, span)) in section("relation", diags).into_iter().enumerate() {
        file.relations.push(read_relation(t, span, i, diags));
    }
    for (i, (t, span)) in section("reaction", diags).into_iter().enumerate() {
        file.reactions.extend(super::reactions::read_reaction(t, span, i, diags));
    }
    for (i, (t, span)) in section("correction", diags).into_iter().enumerate() {
        file.corrections.extend(super::corrections::read_correction(t, span, i, diags));
    }
    for (i, (t, span)) in section("step", diags).into_iter().enumerate() {
        file.steps.extend(super::steps::read_step(t, span, i, diags));
    }
    if no_entities {
        diags.push(
            Diagnostic::new(Code::MissingField, 0..0, "the file defines no entities: there is nothing to draw")
                .hint("add an `[[entity]]` with `id`, `name` and `kind` (see docs/data-format.md)"),
        );
    }
    file
}

fn text_or_empty(f: &Fields, key: &str, diags: &mut Vec<Diagnostic>) -> String {
    f.text(key, false, diags).map(|t| t.value).unwrap_or_default()
}

/// Reads and checks an id: required, non-empty, `[a-z0-9_-]`.
fn read_id(f: &Fields, diags: &mut Vec<Diagnostic>) -> Option<At<String>> {
    let id = f.text("id", true, diags)?;
    diags.extend(invalid_id(&id, &f.what));
    Some(id)
}

/// The diagnostic for an id with characters other than `[a-z0-9_-]`, if it
/// has any; `what` names where it is written ("source `x`"). The importers
/// check the source ids their files name with it too.
pub fn invalid_id(id: &At<String>, what: &str) -> Option<Diagnostic> {
    if id.value.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_') {
        return None;
    }
    let suggestion: String = id
        .value
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '-' })
        .collect();
    Some(
        Diagnostic::new(Code::InvalidId, id.span.clone(), format!("id `{}` in {what} has characters other than a-z, 0-9, `-` and `_`", truncate(&id.value)))
            .hint(format!("use lower-case letters, digits and dashes, e.g. `{}`", truncate(&suggestion))),
    )
}

fn read_source(t: &DeTable, span: Span, i: usize, diags: &mut Vec<Diagnostic>) -> Option<RawSource> {
    let what = format!("source #{}", i + 1);
    let probe = Fields::new(t, what, span.clone(), &[], &mut Vec::new());
    let what = named(&probe, "source", i);
    let f = Fields::new(t, what, span, SOURCE_FIELDS, diags);
    let id = read_id(&f, diags);
    let publisher = text_or_empty(&f, "publisher", diags);
    let title = text_or_empty(&f, "title", diags);
    if publisher.trim().is_empty() && title.trim().is_empty() {
        diags.push(
            Diagnostic::new(Code::MissingField, f.span.clone(), format!("{} has neither `publisher` nor `title`", f.what))
                .hint("a reader must be able to find the source: give at least its title"),
        );
    }
    let url = f.text("url", false, diags);
    if let Some(url) = &url {
        check_url(url, &f.what, diags);
    }
    let (date, date_no_year) = f.date_or_month_day("date", diags);
    Some(RawSource {
        id: id?,
        publisher,
        title,
        author: text_or_empty(&f, "author", diags),
        date,
        date_no_year,
        url: url.map(|u| super::url::lower_scheme(u.value)).unwrap_or_default(),
        note: text_or_empty(&f, "note", diags),
        self_interest: f.text_list("self_interest", diags),
        publisher_entity: f.text("publisher_entity", false, diags),
    })
}

/// "entity `huawei`" when the id is readable, else "entity #3".
fn named(probe: &Fields, kind: &str, i: usize) -> String {
    match probe.raw("id").and_then(|v| v.get_ref().as_str()) {
        Some(id) if !id.trim().is_empty() && id.len() <= 80 => format!("{kind} `{id}`"),
        _ => format!("{kind} #{}", i + 1),
    }
}

/// Reports a `url` a reader could not follow or could be fooled by
/// (`check::url`), naming `what` carries it.
pub fn check_url(url: &At<String>, what: &str, diags: &mut Vec<Diagnostic>) {
    if let Some(hint) = super::url::problem(&url.value) {
        diags.push(
            Diagnostic::new(Code::InvalidUrl, url.span.clone(), format!("`url` in {what} is not an http(s) address: `{}`", truncate(&url.value)))
                .hint(hint),
        );
    }
}

/// Shortens a value quoted in a message so a 1 MB string does not flood the terminal.
pub fn truncate(s: &str) -> String {
    if s.chars().count() <= 60 {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(60).collect::<String>())
    }
}

/// A vocabulary field: its value, or a diagnostic with did-you-mean.
pub(crate) fn read_vocab<T: Copy>(
    f: &Fields,
    key: &str,
    required: bool,
    parse: fn(&str) -> Option<T>,
    keys: Vec<&'static str>,
    code: Code,
    diags: &mut Vec<Diagnostic>,
) -> Option<At<T>> {
    let text = f.text(key, required, diags)?;
    match parse(&text.value) {
        Some(v) => Some(At { value: v, span: text.span }),
        None => {
            diags.push(
                Diagnostic::new(code, text.span.clone(), format!("unknown {key} `{}` in {}", truncate(&text.value), f.what))
                    .hint(did_you_mean(&text.value, keys.iter().copied())),
            );
            None
        }
    }
}

fn read_entity(t: &DeTable, span: Span, i: usize, diags: &mut Vec<Diagnostic>) -> Option<RawEntity> {
    let probe = Fields::new(t, String::new(), span.clone(), &[], &mut Vec::new());
    let f = Fields::new(t, named(&probe, "entity", i), span, ENTITY_FIELDS, diags);
    let id = read_id(&f, diags);
    let name = f.text("name", true, diags);
    let kind = read_vocab(&f, "kind", true, EntityKind::from_key, EntityKind::keys().collect(), Code::UnknownKind, diags);
    let country = f.text("country", false, diags);
    if let Some(c) = &country {
        if !(c.value.len() == 2 && c.value.bytes().all(|b| b.is_ascii_uppercase())) {
            diags.push(
                Diagnostic::new(Code::InvalidCountry, c.span.clone(), format!("`country` in {} is not a two-letter code: `{}`", f.what, truncate(&c.value)))
                    .hint("use an ISO 3166-1 alpha-2 code in capitals, e.g. \"CN\" or \"US\""),
            );
        }
    }
    let wikidata = f.text("wikidata", false, diags);
    if let Some(w) = &wikidata {
        let digits = w.value.strip_prefix('Q').filter(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()));
        if digits.is_none() {
            diags.push(
                Diagnostic::new(Code::InvalidWikidata, w.span.clone(), format!("`wikidata` in {} is not a Wikidata id: `{}`", f.what, truncate(&w.value)))
                    .hint("write the item id, e.g. \"Q160120\", not its URL or label"),
            );
        }
    }
    let aliases = f.text_list("aliases", diags);
    let attributes = f
        .tables("attribute", diags)
        .into_iter()
        .filter_map(|(t, span)| read_attribute(t, span, &f.what, diags))
        .collect();
    Some(RawEntity {
        id: id?,
        name_span: name.as_ref().map_or_else(|| f.span.clone(), |n| n.span.clone()),
        name: name.map(|n| n.value).unwrap_or_default(),
        alias_spans: aliases.iter().map(|a| a.span.clone()).collect(),
        aliases: aliases.into_iter().map(|a| a.value).collect(),
        kind: kind.map(|k| k.value),
        country: country.map(|c| c.value).unwrap_or_default(),
        wikidata: wikidata.map(|w| w.value).unwrap_or_default(),
        attributes,
        sources: f.text_list("sources", diags),
    })
}

fn read_attribute(t: &DeTable, span: Span, owner: &str, diags: &mut Vec<Diagnostic>) -> Option<RawAttribute> {
    let key_probe = t.get("key").and_then(|v| v.get_ref().as_str()).unwrap_or("?").to_string();
    let f = Fields::new(t, format!("attribute `{}` of {owner}", truncate(&key_probe)), span.clone(), ATTRIBUTE_FIELDS, diags);
    let key = f.text("key", true, diags);
    let value = match f.raw("value") {
        None => {
            diags.push(
                Diagnostic::new(Code::MissingField, span.clone(), format!("missing field `value` in {}", f.what))
                    .hint("add `value = ...` (text, a number or true/false)"),
            );
            None
        }
        Some(v) => scalar_value("value", &f.what, v, diags),
    };
    let sources = f.text_list("sources", diags);
    let claim = read_claim(&f, diags);
    Some(RawAttribute { key: key?.value, value: value?, sources, span, claim })
}

fn scalar_value(key: &str, what: &str, v: &toml::Spanned<DeValue>, diags: &mut Vec<Diagnostic>) -> Option<Value> {
    match v.get_ref() {
        DeValue::String(s) => Some(Value::Text(s.to_string())),
        DeValue::Boolean(b) => Some(Value::Bool(*b)),
        other => match super::fields::number_of(other) {
            Some(n) => Some(Value::Number(n)),
            // TOML integers are 64-bit: a longer one is not a wrong type but a number TOML cannot hold.
            None if matches!(other, DeValue::Integer(_)) => {
                let digits = &integer_digits(other);
                diags.push(
                    Diagnostic::new(Code::WrongType, v.span(), format!("`{key}` in {what} is an integer too large for TOML (beyond 64 bits): {}", truncate(digits)))
                        .hint(format!("write it as text to keep every digit: \"{}\"", truncate(digits))),
                );
                None
            }
            None => {
                diags.push(
                    Diagnostic::new(
                        Code::WrongType,
                        v.span(),
                        format!("`{key}` in {what} should be text, a number or a boolean, found {}", super::fields::type_name(other)),
                    )
                    .hint("split a list into several attributes, or write it as one text"),
                );
                None
            }
        },
    }
}

/// An integer's digits as written (TOML keeps them for integers it cannot hold).
fn integer_digits(value: &DeValue) -> String {
    match value {
        DeValue::Integer(i) => i.as_str().replace('_', ""),
        _ => String::new(),
    }
}

fn read_relation(t: &DeTable, span: Span, i: usize, diags: &mut Vec<Diagnostic>) -> RawRelation {
    let probe = Fields::new(t, String::new(), span.clone(), &[], &mut Vec::new());
    let what = match probe.raw("id").and_then(|v| v.get_ref().as_str()) {
        Some(id) if !id.trim().is_empty() && id.len() <= 80 => format!("relation `{id}`"),
        _ => format!("relation #{}", i + 1),
    };
    let f = Fields::new(t, what, span.clone(), RELATION_FIELDS, diags);
    let id = if f.raw("id").is_some() { read_id(&f, diags) } else { None };
    let kind = read_vocab(&f, "type", true, RelationType::from_key, RelationType::keys().collect(), Code::UnknownRelationType, diags);
    let status = read_vocab(&f, "status", false, Status::from_key, Status::keys().collect(), Code::UnknownStatus, diags);
    let share = super::share::read_share(&f, kind.as_ref().map(|k| k.value), diags);
    let role = f.text("role", false, diags);
    check_role(&f, kind.as_ref().map(|k| k.value), role.as_ref(), diags);
    let attributes = match f.table("attributes", diags) {
        Some(v) => match v.get_ref() {
            DeValue::Table(t) => t
                .iter()
                .filter_map(|(k, v)| {
                    let what = format!("the attributes of {}", f.what);
                    scalar_value(k.get_ref(), &what, v, diags).map(|val| (k.get_ref().to_string(), val))
                })
                .collect(),
            _ => Vec::new(),
        },
        None => Vec::new(),
    };
    RawRelation {
        span,
        id,
        kind,
        from: f.text("from", true, diags),
        to: f.text("to", true, diags),
        share,
        role: role.map(|r| r.value).unwrap_or_default(),
        status: status.map(|s| s.value),
        start: f.date("start", diags),
        end: f.date("end", diags),
        announced: f.date("announced", diags).map(|d| d.value),
        attributes,
        sources: f.text_list("sources", diags),
        note: text_or_empty(&f, "note", diags),
        claim: read_claim(&f, diags),
    }
}

fn check_role(f: &Fields, kind: Option<RelationType>, role: Option<&At<String>>, diags: &mut Vec<Diagnostic>) {
    match (kind, role) {
        (Some(k), None) if k.takes_role() && f.raw("role").is_none() => diags.push(
            Diagnostic::new(Code::RoleMisuse, f.span.clone(), format!("{} of type `{}` has no `role`", f.what, k.key()))
                .hint("add `role = \"chairman\"` (or board member, secretary-general ...)"),
        ),
        (Some(k), Some(r)) if k.takes_role() && r.value.trim().is_empty() => diags.push(
            Diagnostic::new(Code::EmptyValue, r.span.clone(), format!("`role` in {} is empty", f.what)).hint("name the position, e.g. \"chairman\""),
        ),
        (Some(k), Some(r)) if !k.takes_role() => diags.push(
            Diagnostic::new(Code::RoleMisuse, r.span.clone(), format!("`role` in {} on a relation of type `{}`", f.what, k.key()))
                .hint("only `position` and `elected_at` relations carry a role; use `type = \"position\"` or put it in `note`"),
        ),
        _ => {}
    }
}
