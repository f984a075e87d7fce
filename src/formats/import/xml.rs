//! GEXF and GraphML import with quick-xml, keeping byte positions so each
//! problem points at its element. Attribute declarations (`<attribute>`,
//! `<key>`) map ids to names; values become entity and relation fields.

use super::attribute_columns::{cited_attributes, is_attribute_column, Declared};
use super::Builder;
use crate::check::fields::At;
use crate::check::diagnostic::{Code, Diagnostic};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::HashMap;
use std::ops::Range;

/// One element of interest with its attributes and span.
struct Element {
    name: String,
    attrs: HashMap<String, String>,
    span: Range<usize>,
}

fn element(e: &BytesStart, span: Range<usize>) -> Element {
    let attrs = e
        .attributes()
        .flatten()
        .filter_map(|a| {
            let key = String::from_utf8_lossy(a.key.local_name().as_ref()).into_owned();
            a.unescape_value().ok().map(|v| (key, v.into_owned()))
        })
        .collect();
    Element { name: String::from_utf8_lossy(e.local_name().as_ref()).into_owned(), attrs, span }
}

/// What the walkers see: element starts (and empty elements, followed by
/// their end), text, and ends, each with its span in the whole input.
enum Item {
    Open(Element),
    Text(String),
    Close(String),
}

fn walk(b: &mut Builder, text: &str, base: usize, mut visit: impl FnMut(&mut Builder, Item)) {
    let mut reader = Reader::from_str(text);
    loop {
        let start = reader.buffer_position() as usize;
        let event = reader.read_event();
        let end = reader.buffer_position() as usize;
        let span = base + start..base + end;
        match event {
            Ok(Event::Start(e)) => visit(b, Item::Open(element(&e, span))),
            Ok(Event::Empty(e)) => {
                let el = element(&e, span);
                let name = el.name.clone();
                visit(b, Item::Open(el));
                visit(b, Item::Close(name));
            }
            Ok(Event::End(e)) => visit(b, Item::Close(String::from_utf8_lossy(e.local_name().as_ref()).into_owned())),
            Ok(Event::Text(t)) => visit(b, Item::Text(t.decode().map(|c| c.into_owned()).unwrap_or_default())),
            Ok(Event::CData(t)) => visit(b, Item::Text(String::from_utf8_lossy(&t).into_owned())),
            Ok(Event::GeneralRef(r)) => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match r.decode().as_deref() {
                        Ok("amp") => Some('&'),
                        Ok("lt") => Some('<'),
                        Ok("gt") => Some('>'),
                        Ok("quot") => Some('"'),
                        Ok("apos") => Some('\''),
                        _ => None,
                    },
                };
                if let Some(c) = c {
                    visit(b, Item::Text(c.to_string()));
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => {
                let at = base + (reader.error_position() as usize).min(text.len());
                b.diagnostics.push(Diagnostic::new(Code::Syntax, at..at, format!("XML: {e}")).hint("the file is not well-formed XML; check the element named here"));
                break;
            }
        }
    }
}

fn required(b: &mut Builder, el: &Element, key: &str) -> At<String> {
    match el.attrs.get(key) {
        Some(v) => At { value: v.clone(), span: el.span.clone() },
        None => {
            b.diagnostics.push(
                Diagnostic::new(Code::MissingField, el.span.clone(), format!("<{}> has no `{key}` attribute", el.name)).hint(format!("add {key}=\"...\" to this element")),
            );
            At { value: String::new(), span: el.span.clone() }
        }
    }
}

/// The node or edge being read, with the values gathered so far: by column
/// name, and a node's cited attribute columns by id.
struct Pending {
    el: Element,
    values: Vec<(String, String)>,
    cells: Vec<(String, String)>,
}

impl Pending {
    fn new(el: Element) -> Pending {
        Pending { el, values: Vec::new(), cells: Vec::new() }
    }

    /// Files value `value` of column `id`, declared as `declared[id]`.
    fn push(&mut self, declared: &HashMap<String, Declared>, id: &str, value: String) {
        if self.el.name == "node" && is_attribute_column(id) {
            self.cells.push((id.to_string(), value));
        } else {
            self.values.push((declared.get(id).map(|d| d.name.clone()).unwrap_or_else(|| id.to_string()), value));
        }
    }
}

/// A column declaration: `<attribute id title type>` (GEXF) or `<key id attr.name attr.type>` (GraphML).
fn declare(declared: &mut HashMap<String, Declared>, el: &Element, name: &[&str], ty: &str) {
    if let Some(id) = el.attrs.get("id") {
        let name = name.iter().find_map(|n| el.attrs.get(*n)).cloned().unwrap_or_else(|| id.clone());
        declared.insert(id.clone(), Declared { name, ty: el.attrs.get(ty).cloned().unwrap_or_default() });
    }
}

fn flush(b: &mut Builder, p: Pending, declared: &HashMap<String, Declared>, edge_index: &mut usize) {
    if p.el.name == "node" {
        let id = required(b, &p.el, "id");
        let label = p.el.attrs.get("label").cloned().or_else(|| p.values.iter().find(|(k, _)| k == "label" || k == "name").map(|(_, v)| v.clone())).unwrap_or_default();
        let cited = cited_attributes(b, declared, &p.cells, &id.value, &p.el.span);
        b.entity(id, &label, p.values, cited, p.el.span.clone());
    } else {
        *edge_index += 1;
        let from = required(b, &p.el, "source");
        let to = required(b, &p.el, "target");
        let id = p.el.attrs.get("id").filter(|v| !v.is_empty()).map(|v| At { value: super::slug(v), span: p.el.span.clone() });
        let mut values = p.values;
        for key in ["label", "start", "end"] {
            if let Some(v) = p.el.attrs.get(key) {
                values.insert(0, (key.to_string(), v.clone()));
            }
        }
        b.relation(id, from, to, values, p.el.span.clone());
    }
}

/// Reads a GEXF (1.1-1.3) graph.
pub fn read_gexf(b: &mut Builder, text: &str, base: usize) {
    let mut declared: HashMap<String, Declared> = HashMap::new();
    let mut pending: Option<Pending> = None;
    let mut edges = 0;
    let mut in_title = false;
    walk(b, text, base, |b, item| match item {
        Item::Open(el) => match el.name.as_str() {
            "attribute" => declare(&mut declared, &el, &["title"], "type"),
            "node" | "edge" => pending = Some(Pending::new(el)),
            "attvalue" => {
                if let (Some(p), Some(key), Some(value)) = (pending.as_mut(), el.attrs.get("for").or(el.attrs.get("id")), el.attrs.get("value")) {
                    p.push(&declared, key, value.clone());
                }
            }
            "title" => in_title = true,
            _ => {}
        },
        Item::Text(t) if in_title => b.file.meta.title.push_str(&t),
        Item::Text(_) => {}
        Item::Close(name) => match name.as_str() {
            "node" | "edge" => {
                if let Some(p) = pending.take() {
                    flush(b, p, &declared, &mut edges);
                }
            }
            "title" => in_title = false,
            _ => {}
        },
    });
}

/// Reads a GraphML graph (the first `<graph>`; keys by `attr.name`).
pub fn read_graphml(b: &mut Builder, text: &str, base: usize) {
    let mut declared: HashMap<String, Declared> = HashMap::new();
    let mut pending: Option<Pending> = None;
    let mut data_key: Option<String> = None;
    let mut data_text = String::new();
    let mut edges = 0;
    walk(b, text, base, |b, item| match item {
        Item::Open(el) => match el.name.as_str() {
            "key" => declare(&mut declared, &el, &["name", "attr.name"], "attr.type"),
            "node" | "edge" => pending = Some(Pending::new(el)),
            "data" => {
                data_key = el.attrs.get("key").cloned();
                data_text.clear();
            }
            _ => {}
        },
        Item::Text(t) => {
            if data_key.is_some() {
                data_text.push_str(&t);
            }
        }
        Item::Close(name) => match name.as_str() {
            "data" => {
                if let (Some(key), Some(p)) = (data_key.take(), pending.as_mut()) {
                    p.push(&declared, &key, std::mem::take(&mut data_text));
                }
            }
            "node" | "edge" => {
                if let Some(p) = pending.take() {
                    flush(b, p, &declared, &mut edges);
                }
            }
            _ => {}
        },
    });
}
