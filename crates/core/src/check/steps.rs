//! `[[step]]` tables: a story through the map (`model::story`). Read here
//! into raw steps (spans kept); `resolve` turns their ids into indices with
//! the same lookups as every other record, and [`check_paths`] then finds
//! each step's path through the step's own filter, once the dataset exists.

use super::fields::{At, Fields, Span};
use super::read::truncate;
use super::suggest::did_you_mean;
use crate::check::diagnostic::{Code, Diagnostic};
use crate::model::date::PartialDate;
use crate::model::graph::Adjacency;
use crate::model::story::{segments, Anchor, Camera, Note, Segment, Step, StepFilter, StepPath};
use crate::model::vocab::{EntityKind, RelationType};
use crate::model::{Dataset, EntityIx, RelationIx, SourceIx};
use std::collections::HashMap;
use toml::de::{DeTable, DeValue};

const STEP_FIELDS: &[&str] = &["title", "text", "select", "path", "path_index", "highlight", "filter", "as_of", "camera", "note"];
const FILTER_FIELDS: &[&str] = &["types", "kinds", "sources"];
const CAMERA_FIELDS: &[&str] = &["center", "zoom"];
const NOTE_FIELDS: &[&str] = &["entity", "relation", "text"];
/// The most a camera zooms in on an entity, times the whole map's fit.
const MAX_ZOOM: f64 = 64.0;

/// A `[[step]]` before resolution.
// Fields are the data file's fields of the same name, not yet resolved.
#[allow(missing_docs)]
pub struct RawStep {
    pub span: Span,
    /// "step 3", as messages name it.
    pub what: String,
    pub title: String,
    pub text: At<String>,
    pub select: Option<At<String>>,
    /// From, to, and where `path` was written.
    pub path: Option<(At<String>, At<String>, Span)>,
    /// 0-based (the file's `path_index` counts from 1).
    pub path_index: u32,
    pub highlight: Vec<At<String>>,
    pub types: Vec<RelationType>,
    pub kinds: Vec<EntityKind>,
    pub sources: Vec<At<String>>,
    pub as_of: Option<PartialDate>,
    pub camera: RawCamera,
    pub notes: Vec<RawNote>,
}

/// A step's camera before its entity resolves.
#[allow(missing_docs)]
pub enum RawCamera {
    Fit,
    All,
    Centre { entity: At<String>, zoom: f32 },
}

/// A `[[step.note]]` before resolution.
#[allow(missing_docs)]
pub struct RawNote {
    pub span: Span,
    pub entity: Option<At<String>>,
    pub relation: Option<At<String>>,
    pub text: String,
}

/// Reads one step; `None` when its title or text is missing or bad.
pub fn read_step(t: &DeTable, span: Span, i: usize, diags: &mut Vec<Diagnostic>) -> Option<RawStep> {
    let f = Fields::new(t, format!("step {}", i + 1), span.clone(), STEP_FIELDS, diags);
    let title = f.text("title", true, diags);
    let text = f.text("text", true, diags);
    let select = f.text("select", false, diags);
    let path = read_path(&f, diags);
    let path_index = read_path_index(&f, path.is_some(), diags);
    let highlight = f.text_list("highlight", diags);
    let (types, kinds, sources) = read_filter(&f, diags);
    let as_of = f.date("as_of", diags).map(|d| d.value);
    let camera = read_camera(&f, diags);
    let notes = f.tables("note", diags).into_iter().enumerate().filter_map(|(j, (t, span))| read_note(t, span, &f.what, j, diags)).collect();
    Some(RawStep { span, what: f.what.clone(), title: title?.value, text: text?, select, path, path_index, highlight, types, kinds, sources, as_of, camera: camera?, notes })
}

/// `path = ["from", "to"]`: exactly two ids.
fn read_path(f: &Fields, diags: &mut Vec<Diagnostic>) -> Option<(At<String>, At<String>, Span)> {
    let raw = f.raw("path")?;
    let ends = f.text_list("path", diags);
    match <[At<String>; 2]>::try_from(ends) {
        Ok([from, to]) => Some((from, to, raw.span())),
        Err(ends) => {
            diags.push(
                Diagnostic::new(Code::WrongType, raw.span(), format!("`path` in {} should name two entities, found {}", f.what, ends.len()))
                    .hint("write `path = [\"<from id>\", \"<to id>\"]`; add `path_index = 2` for the second shortest"),
            );
            None
        }
    }
}

/// `path_index`: which of the shortest paths, from 1.
fn read_path_index(f: &Fields, has_path: bool, diags: &mut Vec<Diagnostic>) -> u32 {
    let Some(n) = f.number("path_index", diags) else { return 0 };
    if !has_path || n.value < 1.0 || n.value > 5.0 || n.value.fract() != 0.0 {
        let message = if has_path { format!("`path_index` in {} should be a whole number from 1 to 5", f.what) } else { format!("`path_index` in {} has no `path`", f.what) };
        diags.push(Diagnostic::new(Code::WrongType, n.span, message).hint("1 is the shortest path, 2 the next shortest (the map finds up to 5); give `path` the two ends"));
        return 0;
    }
    n.value as u32 - 1
}

/// `filter = { types = [...], kinds = [...], sources = [...] }`: what the step shows only.
fn read_filter(f: &Fields, diags: &mut Vec<Diagnostic>) -> (Vec<RelationType>, Vec<EntityKind>, Vec<At<String>>) {
    let Some(value) = f.table("filter", diags) else { return Default::default() };
    let DeValue::Table(t) = value.get_ref() else { return Default::default() };
    let g = Fields::new(t, format!("the filter of {}", f.what), value.span(), FILTER_FIELDS, diags);
    let types = vocab_list(&g, "types", "type", RelationType::from_key, RelationType::keys().collect(), Code::UnknownRelationType, diags);
    let kinds = vocab_list(&g, "kinds", "kind", EntityKind::from_key, EntityKind::keys().collect(), Code::UnknownKind, diags);
    (types, kinds, g.text_list("sources", diags))
}

/// A list of vocabulary keys, each reported as `read_vocab` reports one.
fn vocab_list<T: Copy>(f: &Fields, key: &str, one: &str, parse: fn(&str) -> Option<T>, keys: Vec<&'static str>, code: Code, diags: &mut Vec<Diagnostic>) -> Vec<T> {
    f.text_list(key, diags)
        .into_iter()
        .filter_map(|item| match parse(&item.value) {
            Some(v) => Some(v),
            None => {
                diags.push(
                    Diagnostic::new(code, item.span.clone(), format!("unknown {one} `{}` in {}", truncate(&item.value), f.what))
                        .hint(did_you_mean(&item.value, keys.iter().copied())),
                );
                None
            }
        })
        .collect()
}

/// `camera = "fit" | "all" | { center = "<entity id>", zoom = 2 }`; absent is "fit".
fn read_camera(f: &Fields, diags: &mut Vec<Diagnostic>) -> Option<RawCamera> {
    let Some(value) = f.raw("camera") else { return Some(RawCamera::Fit) };
    let bad = |diags: &mut Vec<Diagnostic>, message: String| {
        diags.push(Diagnostic::new(Code::UnknownCamera, value.span(), message).hint("leave `camera` out to fit the step's subject, write `camera = \"all\"`, or `camera = { center = \"<entity id>\", zoom = 2 }`"));
        None
    };
    match value.get_ref() {
        DeValue::String(s) if s == "fit" => Some(RawCamera::Fit),
        DeValue::String(s) if s == "all" => Some(RawCamera::All),
        DeValue::String(s) => bad(diags, format!("unknown camera `{}` in {}", truncate(s), f.what)),
        DeValue::Table(t) => {
            let g = Fields::new(t, format!("the camera of {}", f.what), value.span(), CAMERA_FIELDS, diags);
            let entity = g.text("center", true, diags);
            let zoom = g.number("zoom", diags).map(|z| z.value).unwrap_or(2.0);
            if !(1.0 / MAX_ZOOM..=MAX_ZOOM).contains(&zoom) {
                return bad(diags, format!("the camera's `zoom` in {} should be between 1/64 and 64 (1 is the whole map)", f.what));
            }
            Some(RawCamera::Centre { entity: entity?, zoom: zoom as f32 })
        }
        _ => bad(diags, format!("`camera` in {} should be \"fit\", \"all\" or a table", f.what)),
    }
}

fn read_note(t: &DeTable, span: Span, step: &str, j: usize, diags: &mut Vec<Diagnostic>) -> Option<RawNote> {
    let f = Fields::new(t, format!("note {} of {step}", j + 1), span.clone(), NOTE_FIELDS, diags);
    let (entity, relation) = (f.text("entity", false, diags), f.text("relation", false, diags));
    let text = f.text("text", true, diags);
    if entity.is_some() == relation.is_some() {
        diags.push(
            Diagnostic::new(Code::MissingField, span.clone(), format!("{} should be anchored to one entity or one relation", f.what))
                .hint("write `entity = \"<entity id>\"`, or `relation = \"<relation id>\"` for the middle of a relation"),
        );
        return None;
    }
    Some(RawNote { span, entity, relation, text: text?.value })
}

/// The lookups `resolve` lends a step: an entity id, a source id (which
/// marks it cited), a relation id. Each reports what it cannot find.
pub struct Lookups<'a> {
    /// An entity's index, or a reported E006.
    pub entity: &'a mut dyn FnMut(&At<String>, &str, &mut Vec<Diagnostic>) -> Option<EntityIx>,
    /// A source's index, or a reported E007.
    pub source: &'a mut dyn FnMut(&At<String>, &str, &mut Vec<Diagnostic>) -> Option<SourceIx>,
    /// Relations by id.
    pub relations: &'a HashMap<&'a str, RelationIx>,
}

/// A step with its ids resolved (`None` only if its camera's entity is unknown).
pub fn resolve_step(s: &RawStep, look: &mut Lookups, diags: &mut Vec<Diagnostic>) -> Option<Step> {
    let owner = s.what.as_str();
    let mut entity = |at: &At<String>, diags: &mut Vec<Diagnostic>| (look.entity)(at, owner, diags);
    let select = s.select.as_ref().and_then(|at| entity(at, diags));
    let path = s.path.as_ref().and_then(|(a, b, _)| Some(StepPath { from: entity(a, diags)?, to: entity(b, diags)?, index: s.path_index }));
    let highlight = s.highlight.iter().filter_map(|at| entity(at, diags)).collect();
    let camera = match &s.camera {
        RawCamera::Fit => Camera::Fit,
        RawCamera::All => Camera::All,
        RawCamera::Centre { entity: at, zoom } => Camera::Centre { entity: entity(at, diags)?, zoom: *zoom },
    };
    let notes = s.notes.iter().filter_map(|n| resolve_note(n, owner, look, diags)).collect();
    let sources = s.sources.iter().filter_map(|at| (look.source)(at, owner, diags)).collect();
    let citations = cited_sources(&s.text, owner, look, diags);
    let filter = StepFilter { types: s.types.clone(), kinds: s.kinds.clone(), sources };
    Some(Step { title: s.title.clone(), text: s.text.value.clone(), citations, select, path, highlight, filter, as_of: s.as_of, camera, notes })
}

/// The sources a step's `[source-id]` markers name, each once, in order;
/// a marker naming no source is E007 at the marker itself.
fn cited_sources(text: &At<String>, owner: &str, look: &mut Lookups, diags: &mut Vec<Diagnostic>) -> Vec<SourceIx> {
    // The span points into the TOML string; past its opening quote when it has no escapes before the marker.
    let base = text.span.start + 1;
    let mut out = Vec::new();
    for seg in segments(&text.value) {
        if let Segment::Cite(id, at) = seg {
            let span = if text.span.end > base + at + id.len() { base + at..base + at + id.len() } else { text.span.clone() };
            if let Some(ix) = (look.source)(&At { value: id.to_owned(), span }, &format!("the text of {owner}"), diags) {
                if !out.contains(&ix) {
                    out.push(ix);
                }
            }
        }
    }
    out
}

fn resolve_note(n: &RawNote, owner: &str, look: &mut Lookups, diags: &mut Vec<Diagnostic>) -> Option<Note> {
    let anchor = match (&n.entity, &n.relation) {
        (Some(at), _) => Anchor::Entity((look.entity)(at, owner, diags)?),
        (None, Some(at)) => match look.relations.get(at.value.as_str()) {
            Some(&r) => Anchor::Relation(r),
            None => {
                diags.push(
                    Diagnostic::new(Code::UnknownEntity, at.span.clone(), format!("a note of {owner} refers to unknown relation `{}`", truncate(&at.value)))
                        .hint("give the relation an `id = \"...\"` and name it here, or anchor the note to an entity"),
                );
                return None;
            }
        },
        (None, None) => return None,
    };
    Some(Note { anchor, text: n.text.clone() })
}

/// Each step's path exists through what its own filter and date show, and
/// has as many alternatives as its `path_index` asks for (E030).
pub fn check_paths(data: &Dataset, raw: &[RawStep], diags: &mut Vec<Diagnostic>) {
    let adj = Adjacency::new(data);
    for (step, r) in data.steps.iter().zip(raw) {
        let (Some(p), Some((_, _, span))) = (step.path, &r.path) else { continue };
        let found = crate::query::paths::step_paths(data, &adj, step, p.index as usize + 1).len();
        if found <= p.index as usize {
            let (a, b) = (&data.entities[p.from.ix()].id, &data.entities[p.to.ix()].id);
            let message = match found {
                0 => format!("no chain of relations ties `{a}` to `{b}` in {}", r.what),
                n => format!("{} asks for path {} from `{a}` to `{b}`, but there {} only {n}", r.what, p.index + 1, if n == 1 { "is" } else { "are" }),
            };
            diags.push(Diagnostic::new(Code::NoPath, span.clone(), message).hint("pick two entities that are tied through what the step's `filter` and `as_of` show, or lower `path_index`"));
        }
    }
}
