//! What GEXF and GraphML import share (`gexf.rs`, `graphml.rs`): quick-xml
//! events with byte positions, so each problem points at its element; the
//! nodes and edges being read, a stack, since a node may hold a graph of
//! its own (nested GEXF and GraphML, yEd's group nodes); and how one
//! becomes an entity (a `member_of` the node around it) or a
//! relation. Attribute declarations (`<attribute>`, `<key>`) map ids to
//! names, types and defaults.

use super::attribute_columns::{cited_attributes, is_attribute_column, Declared};
use super::Builder;
use crate::check::fields::At;
use crate::check::diagnostic::{Code, Diagnostic};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::HashMap;
use std::ops::Range;

/// One element of interest with its attributes and span.
pub(crate) struct Element {
    pub name: String,
    pub attrs: HashMap<String, String>,
    pub span: Range<usize>,
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
pub(crate) enum Item {
    Open(Element),
    Text(String),
    Close(String),
}

pub(crate) fn walk(b: &mut Builder, text: &str, base: usize, mut visit: impl FnMut(&mut Builder, Item)) {
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
pub(crate) struct Pending {
    pub el: Element,
    values: Vec<(String, String)>,
    cells: Vec<(String, String)>,
}

impl Pending {
    pub(crate) fn new(el: Element) -> Pending {
        Pending { el, values: Vec::new(), cells: Vec::new() }
    }

    /// Files value `value` of column `id`, declared as `declared[id]`; a
    /// value that holds only from `start` to `end` (a dynamic attribute) is
    /// kept under a key that says so, beside the column's other values.
    pub(crate) fn push(&mut self, declared: &HashMap<String, Declared>, id: &str, value: String, start: Option<&str>, end: Option<&str>) {
        if self.el.name == "node" && is_attribute_column(id) {
            self.cells.push((id.to_string(), value));
        } else {
            let column = declared.get(id);
            let name = column.map(|d| d.name.clone()).unwrap_or_else(|| id.to_string());
            // A boolean column's 0 and 1 (GraphML allows them) are booleans, not numbers.
            let value = match (column.map(|d| d.ty.as_str()), value.trim()) {
                (Some("boolean"), "1") => "true".into(),
                (Some("boolean"), "0") => "false".into(),
                _ => value,
            };
            let key = super::values::dated_key(&name, start, end);
            // A list column's items each as a value of its own (an entity's repeated attribute).
            match column.filter(|d| d.ty.starts_with("list")) {
                Some(_) => self.values.extend(super::values::list_items(&value).into_iter().map(|item| (key.clone(), item))),
                None => self.values.push((key, value)),
            }
        }
    }

    /// Adds a value unless one of that name is there (a label from yEd's
    /// graphics beside a `label` column: the column wins).
    pub(crate) fn push_named(&mut self, name: &str, value: String) {
        if !self.values.iter().any(|(k, _)| k == name) {
            self.values.push((name.to_string(), value));
        }
    }

    /// The declared defaults of the columns of this element's class that it
    /// gives no value for.
    fn with_defaults(&mut self, declared: &HashMap<String, Declared>) {
        let mut defaults: Vec<(&String, &Declared)> = declared.iter().filter(|(_, d)| d.default.is_some() && d.applies_to(&self.el.name)).collect();
        defaults.sort_by_key(|(id, _)| id.as_str());
        for (id, d) in defaults {
            let given = self.values.iter().any(|(k, _)| k == &d.name || k.starts_with(&format!("{} (", d.name))) || self.cells.iter().any(|(c, _)| c == id);
            if !given {
                self.push(declared, id, d.default.clone().unwrap_or_default(), None, None);
            }
        }
    }
}

/// A column declaration: `<attribute id title type>` (GEXF, `class` from
/// its `<attributes>`) or `<key id attr.name attr.type for>` (GraphML).
pub(crate) fn declare(declared: &mut HashMap<String, Declared>, el: &Element, name: &[&str], ty: &str, class: &str) {
    if let Some(id) = el.attrs.get("id") {
        // A blank `attr.name` names nothing: the column goes by its id.
        let name = name.iter().find_map(|n| el.attrs.get(*n)).filter(|n| !n.trim().is_empty()).cloned().unwrap_or_else(|| id.clone());
        declared.insert(id.clone(), Declared { name, ty: el.attrs.get(ty).cloned().unwrap_or_default(), class: class.to_string(), default: None });
    }
}

/// The nodes and edges open at this point of the file, innermost last.
#[derive(Default)]
pub(crate) struct Open {
    pub stack: Vec<Pending>,
    /// Whether the graph's edges are undirected unless they say otherwise
    /// (GEXF `defaultedgetype`, GraphML `edgedefault`).
    pub undirected: bool,
}

impl Open {
    /// The innermost element being read.
    pub(crate) fn top(&mut self) -> Option<&mut Pending> {
        self.stack.last_mut()
    }

    /// Ends the innermost node or edge: it becomes an entity, a node inside
    /// another (or with a GEXF `pid`) also a `member_of` it (the vocabulary's
    /// relation for belonging to a group; a type of its own would change the
    /// compiled format); or a relation.
    pub(crate) fn close(&mut self, b: &mut Builder, declared: &HashMap<String, Declared>) {
        let Some(mut p) = self.stack.pop() else { return };
        p.with_defaults(declared);
        if p.el.name != "node" {
            return edge(b, p, self.undirected);
        }
        let parent = p.el.attrs.get("pid").cloned().or_else(|| self.stack.iter().rev().find(|o| o.el.name == "node").and_then(|o| o.el.attrs.get("id").cloned()));
        // A GEXF node's time: kept as attributes (an entity has no dates of its own).
        for key in ["start", "end", "timestamp"] {
            if let Some(v) = p.el.attrs.get(key) {
                p.values.push((key.to_string(), v.clone()));
            }
        }
        let id = required(b, &p.el, "id");
        // graphology's and Gephi's GraphML write the picture as `x` and `y` data (y up).
        let coordinate = |k: &str| p.values.iter().find(|(key, _)| key == k).and_then(|(_, v)| v.trim().parse::<f64>().ok());
        if let (Some(x), Some(y)) = (coordinate("x"), coordinate("y")) {
            b.place(&id.value, x, y, true);
            p.values.retain(|(k, _)| k != "x" && k != "y");
        }
        if let Some(parent) = parent.filter(|_| !id.value.is_empty()) {
            let span = p.el.span.clone();
            b.relation(None, id.clone(), At { value: parent, span: span.clone() }, vec![("relation".into(), "member_of".into())], span);
        }
        let label = p.el.attrs.get("label").cloned().or_else(|| p.values.iter().find(|(k, _)| k == "label" || k == "name").map(|(_, v)| v.clone())).unwrap_or_default();
        let cited = cited_attributes(b, declared, &p.cells, &id.value, &p.el.span);
        b.entity(id, &label, p.values, cited, p.el.span.clone());
    }
}

/// An edge as a relation; an undirected one (by its graph's default, GEXF
/// `type`, GraphML `directed`) says so in `directed = false`, since a
/// relation is drawn as an arrow.
fn edge(b: &mut Builder, p: Pending, undirected_default: bool) {
    let undirected = match (p.el.attrs.get("type").map(String::as_str), p.el.attrs.get("directed").map(String::as_str)) {
        (Some("undirected" | "mutual"), _) | (_, Some("false")) => true,
        (Some("directed"), _) | (_, Some("true")) => false,
        _ => undirected_default,
    };
    let from = required(b, &p.el, "source");
    let to = required(b, &p.el, "target");
    let id = p.el.attrs.get("id").filter(|v| !v.is_empty()).map(|v| b.relation_id(v, &p.el.span));
    let mut values = p.values;
    // GEXF writes these as XML attributes of the edge (weight too: lost before).
    for key in ["label", "start", "end", "timestamp", "weight"] {
        if let Some(v) = p.el.attrs.get(key) {
            values.insert(0, (key.to_string(), v.clone()));
        }
    }
    if undirected {
        values.push(("directed".into(), "false".into()));
    }
    b.relation(id, from, to, values, p.el.span.clone());
}

/// Puts the entities read since `first` back in the order the file writes
/// them (a node inside another ends before it, so is read first).
pub(crate) fn in_file_order(b: &mut Builder, first: usize) {
    b.file.entities[first..].sort_by_key(|e| e.id.span.start);
}
