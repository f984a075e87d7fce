//! GEXF 1.1-1.3 (Gephi): nodes and edges with their `attvalue`s, named by
//! the declared attribute titles, with `<default>`s; a dynamic attribute's
//! dated values each under a key with its dates; edge `weight`, `start`,
//! `end`; nodes inside nodes (or with a `pid`) `member_of` their parent; the
//! graph's `<meta>` title and description; `viz:position`s as the layout
//! (`positions.rs`). Gephi's colours and sizes have no place in the data
//! format: one warning.

use super::xml::{declare, in_file_order, walk, Item, Open, Pending};
use super::Builder;
use super::attribute_columns::Declared;
use std::collections::HashMap;

/// Reads a GEXF graph.
pub fn read_gexf(b: &mut Builder, text: &str, base: usize) {
    let mut declared: HashMap<String, Declared> = HashMap::new();
    let mut open = Open::default();
    let mut class = String::new();
    let mut last_declared: Option<String> = None;
    // Which text element we are in: `title`, `description`, `default`.
    let mut in_text: Option<String> = None;
    let mut buffer = String::new();
    let first = b.file.entities.len();
    walk(b, text, base, |b, item| match item {
        Item::Open(el) => match el.name.as_str() {
            "attributes" => class = el.attrs.get("class").cloned().unwrap_or_default(),
            "attribute" => {
                declare(&mut declared, &el, &["title"], "type", &class);
                last_declared = el.attrs.get("id").cloned();
            }
            "graph" => open.undirected = el.attrs.get("defaultedgetype").is_some_and(|t| t == "undirected"),
            "node" | "edge" => open.stack.push(Pending::new(el)),
            "attvalue" => {
                let a = &el.attrs;
                if let (Some(p), Some(key), Some(value)) = (open.top(), a.get("for").or(a.get("id")), a.get("value")) {
                    let start = a.get("start").or(a.get("startopen")).or(a.get("timestamp"));
                    let end = a.get("end").or(a.get("endopen")).or(a.get("timestamp"));
                    p.push(&declared, key, value.clone(), start.map(String::as_str), end.map(String::as_str));
                }
            }
            "spell" => {
                if let Some(p) = open.top() {
                    let (start, end) = (el.attrs.get("start").map(String::as_str), el.attrs.get("end").map(String::as_str));
                    p.push_named(&super::values::dated_key("present", start, end), "true".into());
                }
            }
            // Gephi's picture: the positions are the layout when every node has one (y up).
            "position" => {
                if let Some(id) = open.top().filter(|p| p.el.name == "node").and_then(|p| p.el.attrs.get("id").cloned()) {
                    let coordinate = |k: &str| el.attrs.get(k).and_then(|v| v.trim().parse::<f64>().ok());
                    if let (Some(x), Some(y)) = (coordinate("x"), coordinate("y")) {
                        b.place(&id, x, y, true);
                    }
                }
            }
            "color" | "size" | "thickness" | "shape" => {
                if let Some(p) = open.top() {
                    let what = "Gephi's colours and sizes (viz:color, viz:size …)";
                    let id = p.el.attrs.get("id").cloned().unwrap_or_default();
                    b.tally.dropped(what, &el.span, &format!("<viz:{}> of `{id}`", el.name));
                }
            }
            "title" | "description" | "default" => {
                in_text = Some(el.name.clone());
                buffer.clear();
            }
            _ => {}
        },
        Item::Text(t) if in_text.is_some() => buffer.push_str(&t),
        Item::Text(_) => {}
        Item::Close(name) => match name.as_str() {
            "node" | "edge" => open.close(b, &declared),
            "title" | "description" => {
                let field = if name == "title" { &mut b.file.meta.title } else { &mut b.file.meta.description };
                *field = buffer.trim().to_string();
                in_text = None;
            }
            "default" => {
                if let Some(d) = last_declared.as_ref().and_then(|id| declared.get_mut(id)) {
                    d.default = Some(buffer.trim().to_string());
                }
                in_text = None;
            }
            _ => {}
        },
    });
    in_file_order(b, first);
}
