//! Writes a [`Dataset`] back as a data file in the documented TOML format.
//! `check(write(d))` gives back `d`; used by the generator and converters.

use crate::model::{Dataset, SourceIx, Value};
use std::fmt::Write;

/// The dataset as TOML text, in the order `[dataset]`, sources, entities, relations, reactions, corrections, steps.
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
        if let Some(d) = s.date.map(|d| d.to_string()).or(s.date_no_year.map(|d| d.to_string())) {
            let _ = writeln!(out, "date = \"{d}\"");
        }
        if !s.self_interest.is_empty() {
            let _ = writeln!(out, "self_interest = {}", entity_ids(data, &s.self_interest));
        }
        if let Some(e) = s.publisher_entity {
            let _ = writeln!(out, "publisher_entity = {}", q(&data.entity(e).id));
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
        if !e.sources.is_empty() {
            let _ = writeln!(out, "sources = {}", ids(data, &e.sources));
        }
        for a in &e.attributes {
            let _ = writeln!(out, "[[entity.attribute]]\nkey = {}\nvalue = {}\nsources = {}", q(&a.key), value(&a.value), ids(data, &a.sources));
            write_claim(&mut out, data, &a.claim);
        }
        out.push('\n');
    }
    for r in &data.relations {
        write_relation(&mut out, data, r);
    }
    for x in &data.reactions {
        let _ = writeln!(out, "[[reaction]]\nentity = {}", q(&data.entity(x.entity).id));
        if !x.market.is_empty() {
            let _ = writeln!(out, "market = {}", q(&x.market));
        }
        let n = crate::model::format_number;
        let _ = match (x.change.qualifier, x.change.max) {
            (crate::model::vocab::ShareQualifier::Between, Some(max)) => writeln!(out, "change_min = {}\nchange_max = {}", n(x.change.percent), n(max)),
            (crate::model::vocab::ShareQualifier::UpTo, _) => writeln!(out, "change_max = {}", n(x.change.percent)),
            (crate::model::vocab::ShareQualifier::AtLeast, _) => writeln!(out, "change_min = {}", n(x.change.percent)),
            _ => writeln!(out, "change = {}", n(x.change.percent)),
        };
        if let Some(d) = x.date {
            let _ = writeln!(out, "date = \"{d}\"");
        }
        match x.after {
            Some(crate::model::After::Entity(e)) => {
                let _ = writeln!(out, "after = {}", q(&data.entity(e).id));
            }
            Some(crate::model::After::Relation(r)) => {
                let _ = writeln!(out, "after = {}", q(&data.relations[r.ix()].id));
            }
            None => {}
        }
        let _ = writeln!(out, "sources = {}\n", ids(data, &x.sources));
    }
    for c in &data.corrections {
        let _ = writeln!(out, "[[correction]]\ndate = \"{}\"\nwhat = {}", c.date, q(&c.what));
        if !c.why.is_empty() {
            let _ = writeln!(out, "why = {}", q(&c.why));
        }
        if !c.sources.is_empty() {
            let _ = writeln!(out, "sources = {}", ids(data, &c.sources));
        }
        out.push('\n');
    }
    write_steps(&mut out, data);
    out
}

/// The story's `[[step]]` tables, each field only when stated.
fn write_steps(out: &mut String, data: &Dataset) {
    use crate::model::story::{Anchor, Camera};
    for step in &data.steps {
        let _ = writeln!(out, "[[step]]\ntitle = {}\ntext = {}", q(&step.title), q(&step.text));
        if let Some(e) = step.select {
            let _ = writeln!(out, "select = {}", q(&data.entity(e).id));
        }
        if let Some(p) = step.path {
            let _ = writeln!(out, "path = {}", entity_ids(data, &[p.from, p.to]));
            if p.index > 0 {
                let _ = writeln!(out, "path_index = {}", p.index + 1);
            }
        }
        if !step.highlight.is_empty() {
            let _ = writeln!(out, "highlight = {}", entity_ids(data, &step.highlight));
        }
        let f = &step.filter;
        if !f.is_empty() {
            let keys = |k: Vec<&str>| format!("[{}]", k.iter().map(|k| q(k)).collect::<Vec<_>>().join(", "));
            let _ = writeln!(out, "filter = {{ types = {}, kinds = {}, sources = {} }}", keys(f.types.iter().map(|t| t.key()).collect()), keys(f.kinds.iter().map(|k| k.key()).collect()), ids(data, &f.sources));
        }
        if let Some(d) = step.as_of {
            let _ = writeln!(out, "as_of = \"{d}\"");
        }
        match step.camera {
            Camera::Fit => {}
            Camera::All => out.push_str("camera = \"all\"\n"),
            Camera::Centre { entity, zoom } => {
                let _ = writeln!(out, "camera = {{ center = {}, zoom = {} }}", q(&data.entity(entity).id), number(f64::from(zoom)));
            }
        }
        out.push('\n');
        for note in &step.notes {
            let anchor = match note.anchor {
                Anchor::Entity(e) => format!("entity = {}", q(&data.entity(e).id)),
                Anchor::Relation(r) => format!("relation = {}", q(&data.relations[r.ix()].id)),
            };
            let _ = writeln!(out, "[[step.note]]\n{anchor}\ntext = {}\n", q(&note.text));
        }
    }
}

/// The claim fields that are stated (a plain reported claim writes none).
fn write_claim(out: &mut String, data: &Dataset, c: &crate::model::claim::Claim) {
    if !c.according_to.is_empty() {
        let _ = writeln!(out, "according_to = {}", entity_ids(data, &c.according_to));
    }
    if let Some(x) = c.confirmation {
        let _ = writeln!(out, "confirmation = \"{}\"", x.key());
    }
    if !c.disputed_by.is_empty() {
        let _ = writeln!(out, "disputed_by = {}", entity_ids(data, &c.disputed_by));
    }
    if c.basis != crate::model::vocab::Basis::Reported {
        let _ = writeln!(out, "basis = \"{}\"\nreasoning = {}", c.basis.key(), q(&c.reasoning));
    }
}

fn entity_ids(data: &Dataset, list: &[crate::model::EntityIx]) -> String {
    let ids: Vec<String> = list.iter().map(|&e| q(&data.entity(e).id)).collect();
    format!("[{}]", ids.join(", "))
}

fn write_relation(out: &mut String, data: &Dataset, r: &crate::model::Relation) {
    out.push_str("[[relation]]\n");
    if !r.id.is_empty() {
        let _ = writeln!(out, "id = {}", q(&r.id));
    }
    let _ = writeln!(out, "type = \"{}\"\nfrom = {}\nto = {}", r.kind.key(), q(&data.entity(r.from).id), q(&data.entity(r.to).id));
    match r.share {
        Some(s) if s.qualifier == crate::model::vocab::ShareQualifier::Between => {
            let max = s.max.map(number).unwrap_or_default();
            let _ = writeln!(out, "share_min = {}\nshare_max = {max}", number(s.percent));
        }
        Some(s) => {
            let _ = writeln!(out, "share = {}\nshare_qualifier = \"{}\"", number(s.percent), s.qualifier.key());
        }
        None => {}
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
    write_claim(out, data, &r.claim);
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
