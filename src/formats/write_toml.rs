//! Writes a [`Dataset`] back as a data file in the documented TOML format.
//! `check(write(d))` gives back `d`; used by the generator and converters.

use crate::model::{Dataset, SourceIx, Value};
use std::fmt::Write;

/// The dataset as TOML text, in the order `[dataset]`, sources, entities, relations.
pub fn to_toml(data: &Dataset) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "[dataset]\ntitle = {}\ndescription = {}\n", q(&data.meta.title), q(&data.meta.description));
    for s in &data.sources {
        let _ = writeln!(out, "[[source]]\nid = {}", q(&s.id));
        for (key, text) in [("publisher", &s.publisher), ("title", &s.title), ("author", &s.author), ("url", &s.url), ("note", &s.note)] {
            if !text.is_empty() {
                let _ = writeln!(out, "{key} = {}", q(text));
            }
        }
        if let Some(d) = s.date {
            let _ = writeln!(out, "date = \"{d}\"");
        }
        out.push('\n');
    }
    for e in &data.entities {
        let _ = writeln!(out, "[[entity]]\nid = {}\nname = {}\nkind = \"{}\"", q(&e.id), q(&e.name), e.kind.key());
        if !e.aliases.is_empty() {
            let aliases: Vec<String> = e.aliases.iter().map(|a| q(a)).collect();
            let _ = writeln!(out, "aliases = [{}]", aliases.join(", "));
        }
        for (key, text) in [("country", &e.country), ("wikidata", &e.wikidata)] {
            if !text.is_empty() {
                let _ = writeln!(out, "{key} = {}", q(text));
            }
        }
        for a in &e.attributes {
            let _ = writeln!(out, "[[entity.attribute]]\nkey = {}\nvalue = {}\nsources = {}", q(&a.key), value(&a.value), ids(data, &a.sources));
        }
        out.push('\n');
    }
    for r in &data.relations {
        write_relation(&mut out, data, r);
    }
    out
}

fn write_relation(out: &mut String, data: &Dataset, r: &crate::model::Relation) {
    out.push_str("[[relation]]\n");
    if !r.id.is_empty() {
        let _ = writeln!(out, "id = {}", q(&r.id));
    }
    let _ = writeln!(out, "type = \"{}\"\nfrom = {}\nto = {}", r.kind.key(), q(&data.entity(r.from).id), q(&data.entity(r.to).id));
    if let Some(s) = r.share {
        let _ = writeln!(out, "share = {}\nshare_qualifier = \"{}\"", number(s.percent), s.qualifier.key());
    }
    if !r.role.is_empty() {
        let _ = writeln!(out, "role = {}", q(&r.role));
    }
    if let Some(s) = r.status {
        let _ = writeln!(out, "status = \"{}\"", s.key());
    }
    for (key, date) in [("start", r.start), ("end", r.end), ("announced", r.announced)] {
        if let Some(d) = date {
            let _ = writeln!(out, "{key} = \"{d}\"");
        }
    }
    if !r.attributes.is_empty() {
        let pairs: Vec<String> = r.attributes.iter().map(|(k, v)| format!("{} = {}", q(k), value(v))).collect();
        let _ = writeln!(out, "attributes = {{ {} }}", pairs.join(", "));
    }
    let _ = writeln!(out, "sources = {}", ids(data, &r.sources));
    if !r.note.is_empty() {
        let _ = writeln!(out, "note = {}", q(&r.note));
    }
    out.push('\n');
}

fn ids(data: &Dataset, sources: &[SourceIx]) -> String {
    let ids: Vec<String> = sources.iter().map(|&s| q(&data.source(s).id)).collect();
    format!("[{}]", ids.join(", "))
}

fn value(v: &Value) -> String {
    match v {
        Value::Text(t) => q(t),
        Value::Number(n) => number(*n),
        Value::Bool(b) => b.to_string(),
    }
}

/// A number TOML reads back as the same f64: as readers see it when that
/// text is exact, else Rust's shortest round-trip form (`1.2e22`: a TOML
/// float; an integer beyond 64 bits would not parse, one beyond 2^53 not
/// exactly).
fn number(n: f64) -> String {
    let shown = crate::model::format_number(n);
    if n.abs() < 9_007_199_254_740_992.0 && shown.parse::<f64>() == Ok(n) {
        shown
    } else {
        format!("{n:?}")
    }
}

/// A TOML basic string with every character that needs it escaped.
fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
