//! What changed between two versions of a dataset, in words a reader of
//! the map follows (`alliance-map diff old.toml new.toml`): entities,
//! facts, relations (as their sentences) and sources added, removed or
//! changed, and the reactions, corrections and story steps (`diff_more.rs`).
//! Entities and sources are matched by id; relations by id, or by type,
//! ends and role when they have none.

use crate::display::claim::fact_claim;
use crate::display::sentence::{humanize, relation_sentence};
use crate::model::{Dataset, Entity, Relation, Source};
use std::collections::HashMap;

/// One line per change, in the order: dataset, sources, entities,
/// relations, market reactions, corrections, story steps (`diff_more`).
pub fn diff(old: &Dataset, new: &Dataset) -> Vec<String> {
    let mut out = Vec::new();
    if old.meta.title != new.meta.title {
        out.push(format!("Title: “{}” is now “{}”.", old.meta.title, new.meta.title));
    }
    if old.meta.description != new.meta.description {
        out.push("Description changed.".to_string());
    }
    by_id(&old.sources, &new.sources, |s| &s.id, &mut out, "source", |s| source_name(s), source_changes);
    by_id(&old.entities, &new.entities, |e| &e.id, &mut out, "entity", |e| e.name.clone(), |a, b, out| entity_changes(old, new, a, b, out));
    relation_changes(old, new, &mut out);
    super::diff_more::reaction_changes(old, new, &mut out);
    super::diff_more::correction_changes(old, new, &mut out);
    super::diff_more::step_changes(old, new, &mut out);
    out.iter().map(|l| plain(l)).collect()
}

/// Lines for records matched by id: added, removed, and `changed` for both.
fn by_id<T>(old: &[T], new: &[T], id: impl Fn(&T) -> &String, out: &mut Vec<String>, what: &str, name: impl Fn(&T) -> String, changed: impl Fn(&T, &T, &mut Vec<String>)) {
    let before: HashMap<&String, &T> = old.iter().map(|t| (id(t), t)).collect();
    let after: HashMap<&String, &T> = new.iter().map(|t| (id(t), t)).collect();
    for t in old.iter().filter(|t| !after.contains_key(id(t))) {
        out.push(format!("Removed {what} {} (`{}`).", name(t), id(t)));
    }
    for t in new {
        match before.get(id(t)) {
            None => out.push(format!("Added {what} {} (`{}`).", name(t), id(t))),
            Some(o) => changed(o, t, out),
        }
    }
}

fn source_name(s: &Source) -> String {
    if s.title.is_empty() { s.publisher.clone() } else { format!("“{}”", s.title) }
}

fn source_changes(a: &Source, b: &Source, out: &mut Vec<String>) {
    let fields = [("publisher", &a.publisher, &b.publisher), ("title", &a.title, &b.title), ("author", &a.author, &b.author), ("URL", &a.url, &b.url), ("note", &a.note, &b.note)];
    for (field, x, y) in fields.into_iter().filter(|(_, x, y)| x != y) {
        out.push(format!("Source `{}`: {field} “{x}” is now “{y}”.", a.id));
    }
    if a.date_words() != b.date_words() {
        out.push(format!("Source `{}`: date “{}” is now “{}”.", a.id, a.date_words(), b.date_words()));
    }
}

fn entity_changes(old: &Dataset, new: &Dataset, a: &Entity, b: &Entity, out: &mut Vec<String>) {
    if a.name != b.name {
        out.push(format!("Renamed {} to {} (`{}`).", a.name, b.name, a.id));
    }
    let fields = [("kind", a.kind.key().to_string(), b.kind.key().to_string()), ("country", a.country.clone(), b.country.clone()), ("aliases", a.aliases.join("; "), b.aliases.join("; "))];
    for (field, x, y) in fields.into_iter().filter(|(_, x, y)| x != y) {
        out.push(format!("{}: {field} “{x}” is now “{y}”.", b.name));
    }
    // A fact is matched by key and value; who claims it ("according to CSIA") is a change too.
    let facts = |d: &Dataset, e: &Entity| {
        e.attributes
            .iter()
            .map(|f| {
                let base = format!("{}: {}", humanize(&f.key), f.value.display());
                let full = match fact_claim(d, &f.claim) {
                    claim if claim.is_empty() => base.clone(),
                    claim => format!("{base} ({claim})"),
                };
                (base, full)
            })
            .collect::<Vec<_>>()
    };
    let (before, after) = (facts(old, a), facts(new, b));
    let find = |list: &[(String, String)], base: &str| list.iter().find(|(b, _)| b == base).map(|(_, f)| f.clone());
    for (base, full) in &before {
        match find(&after, base) {
            None => out.push(format!("{}: removed the fact “{full}”.", b.name)),
            Some(now) if &now != full => out.push(format!("{}: the fact “{full}” is now “{now}”.", b.name)),
            Some(_) => {}
        }
    }
    out.extend(after.iter().filter(|(base, _)| find(&before, base).is_none()).map(|(_, f)| format!("{}: added the fact “{f}”.", b.name)));
}

/// A relation's identity across versions: its id, else its type, ends and role.
fn relation_key(d: &Dataset, r: &Relation) -> String {
    if r.id.is_empty() {
        format!("{} {} {} {}", r.kind.key(), d.entity(r.from).id, d.entity(r.to).id, r.role)
    } else {
        r.id.clone()
    }
}

fn relation_changes(old: &Dataset, new: &Dataset, out: &mut Vec<String>) {
    let before: HashMap<String, &Relation> = old.relations.iter().map(|r| (relation_key(old, r), r)).collect();
    let after: HashMap<String, &Relation> = new.relations.iter().map(|r| (relation_key(new, r), r)).collect();
    for r in old.relations.iter().filter(|r| !after.contains_key(&relation_key(old, r))) {
        out.push(format!("Removed: {}", relation_sentence(old, r)));
    }
    for r in &new.relations {
        let Some(o) = before.get(&relation_key(new, r)) else {
            out.push(format!("Added: {}", relation_sentence(new, r)));
            continue;
        };
        let (was, now) = (relation_sentence(old, o), relation_sentence(new, r));
        if was != now {
            out.push(format!("Changed: {was} Now: {now}"));
        }
        let key = relation_key(new, r);
        let cites = |d: &Dataset, r: &Relation| r.sources.iter().map(|&s| d.source(s).id.clone()).collect::<Vec<_>>().join(", ");
        if cites(old, o) != cites(new, r) {
            out.push(format!("Relation `{key}`: sources {} are now {}.", cites(old, o), cites(new, r)));
        }
        match (o.note.is_empty(), r.note.is_empty()) {
            _ if o.note == r.note => {}
            (false, true) => out.push(format!("Relation `{key}`: note removed.")),
            _ => out.push(format!("Relation `{key}`: note is now “{}”.", r.note)),
        }
    }
}

/// A line for a terminal: names' isolate marks dropped.
fn plain(line: &str) -> String {
    line.chars().filter(|c| !('\u{2066}'..='\u{2069}').contains(c)).collect()
}
