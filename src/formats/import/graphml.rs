//! GraphML (networkx, yEd, Cytoscape, graphology): nodes and edges with
//! their `data`, named by the keys' `attr.name`, with `<default>`s; nodes
//! holding a graph of their own (yEd's group nodes) `member_of` it; yEd's
//! labels (`y:NodeLabel`, `y:EdgeLabel`, yFiles for HTML's `y:Label.Text`)
//! as names, as networkx reads them; the top graph's `<desc>` and data as
//! title and description; a hyperedge as a group entity its nodes are
//! `member_of`.

use super::attribute_columns::Declared;
use super::xml::{declare, in_file_order, walk, Item, Open, Pending};
use super::Builder;
use crate::check::fields::At;
use std::collections::{HashMap, HashSet};

/// Where the reader is inside a `<data>`: its key, its text so far, and a
/// yEd label being read.
#[derive(Default)]
struct Data {
    key: Option<String>,
    text: String,
    label: Option<String>,
}

/// Reads a GraphML file's graphs (nested ones included).
pub fn read_graphml(b: &mut Builder, text: &str, base: usize) {
    let mut declared: HashMap<String, Declared> = HashMap::new();
    // yEd's graphics keys (`yfiles.type`): their data is drawing, not a value, but holds the labels.
    let mut graphics: HashSet<String> = HashSet::new();
    let mut open = Open::default();
    let mut data = Data::default();
    let mut default_of: Option<String> = None;
    let mut depth = 0usize;
    let (mut hyper, mut hyperedges): (Option<Hyperedge>, usize) = (None, 0);
    let first = b.file.entities.len();
    walk(b, text, base, |b, item| match item {
        Item::Open(el) => match el.name.as_str() {
            "key" => {
                let class = el.attrs.get("for").cloned().unwrap_or_default();
                declare(&mut declared, &el, &["name", "attr.name"], "attr.type", &class);
                if let (Some(id), true) = (el.attrs.get("id"), el.attrs.contains_key("yfiles.type")) {
                    graphics.insert(id.clone());
                }
                default_of = el.attrs.get("id").cloned();
            }
            "default" | "desc" => data.text.clear(),
            "graph" => {
                depth += 1;
                open.undirected = el.attrs.get("edgedefault").is_some_and(|d| d == "undirected");
            }
            "node" | "edge" => open.stack.push(Pending::new(el)),
            "hyperedge" => {
                hyperedges += 1;
                let name = el.attrs.get("id").cloned().unwrap_or_else(|| format!("hyperedge {hyperedges}"));
                hyper = Some(Hyperedge { name, span: el.span.clone(), members: Vec::new(), values: Vec::new() });
            }
            "endpoint" => {
                if let (Some(h), Some(node)) = (hyper.as_mut(), el.attrs.get("node")) {
                    h.members.push(node.clone());
                }
            }
            "data" => {
                data.key = el.attrs.get("key").cloned();
                data.text.clear();
            }
            "NodeLabel" | "EdgeLabel" | "Label.Text" if data.key.is_some() => data.label = Some(String::new()),
            // yEd's geometry: the first (a group's open state) is where the node is drawn (y down).
            "Geometry" if data.key.is_some() => {
                let id = open.top().filter(|p| p.el.name == "node").and_then(|p| p.el.attrs.get("id").cloned());
                let coordinate = |k: &str| el.attrs.get(k).and_then(|v| v.trim().parse::<f64>().ok());
                if let (Some(id), Some(x), Some(y)) = (id, coordinate("x"), coordinate("y")) {
                    if !b.placed.contains_key(&id) {
                        let (w, h) = (coordinate("width").unwrap_or(0.0), coordinate("height").unwrap_or(0.0));
                        b.place(&id, x + w / 2.0, y + h / 2.0, false);
                    }
                }
            }
            _ => {}
        },
        Item::Text(t) => match data.label.as_mut() {
            Some(label) => label.push_str(&t),
            None => data.text.push_str(&t),
        },
        Item::Close(name) => match name.as_str() {
            "default" => {
                if let Some(d) = default_of.as_ref().and_then(|id| declared.get_mut(id)) {
                    d.default = Some(std::mem::take(&mut data.text));
                }
            }
            "key" => default_of = None,
            "graph" => depth = depth.saturating_sub(1),
            "NodeLabel" | "EdgeLabel" | "Label.Text" => {
                if let (Some(label), Some(p)) = (data.label.take(), open.top()) {
                    if !label.trim().is_empty() {
                        p.push_named("label", label.trim().to_string());
                    }
                }
            }
            "data" => {
                let text = std::mem::take(&mut data.text);
                match (data.key.take(), open.top()) {
                    (Some(key), _) if graphics.contains(&key) => {}
                    (Some(key), Some(p)) => p.push(&declared, &key, text, None, None),
                    // The top graph's own data: its name and description.
                    // A hyperedge's data describes its group entity.
                    (Some(key), None) if hyper.is_some() => {
                        let name = declared.get(&key).map_or(key.clone(), |d| d.name.clone());
                        hyper.iter_mut().for_each(|h| h.values.push((name.clone(), text.clone())));
                    }
                    (Some(key), None) if depth == 1 => graph_data(b, &declared, &key, text.trim(), base),
                    _ => {}
                }
            }
            "desc" if open.stack.is_empty() && depth == 1 && b.file.meta.description.is_empty() => {
                b.file.meta.description = std::mem::take(&mut data.text).trim().to_string();
            }
            "node" | "edge" => open.close(b, &declared),
            "hyperedge" => {
                if let Some(h) = hyper.take() {
                    h.import(b);
                }
            }
            _ => {}
        },
    });
    in_file_order(b, first);
}

/// A hyperedge being read: an edge of any number of nodes.
struct Hyperedge {
    name: String,
    span: std::ops::Range<usize>,
    members: Vec<String>,
    values: Vec<(String, String)>,
}

impl Hyperedge {
    /// A group entity (id `hyperedge-…`, so it meets no node's) that each
    /// of its nodes is `member_of`, as the data format can say it.
    fn import(self, b: &mut Builder) {
        let id = At { value: format!("hyperedge {}", self.name), span: self.span.clone() };
        b.entity(id.clone(), &self.name, self.values, Vec::new(), self.span.clone());
        for node in self.members {
            b.relation(None, At { value: node, span: self.span.clone() }, id.clone(), vec![("relation".into(), "member_of".into())], self.span.clone());
        }
    }
}

/// A graph-level `<data>`: networkx writes the graph's `name` so.
fn graph_data(b: &mut Builder, declared: &HashMap<String, Declared>, key: &str, text: &str, base: usize) {
    let name = declared.get(key).map_or(key, |d| d.name.as_str());
    match name.to_ascii_lowercase().as_str() {
        "name" | "title" | "label" if b.file.meta.title.is_empty() => b.file.meta.title = text.to_string(),
        "description" | "desc" if b.file.meta.description.is_empty() => b.file.meta.description = text.to_string(),
        // Our own export's corrections and market reactions, as JGF's metadata holds them.
        "corrections" | "reactions" => {
            let records = match serde_json::from_str::<serde_json::Value>(text) {
                Ok(serde_json::Value::Array(records)) => records,
                _ => {
                    let hint = format!("the graph's `{name}` data is a JSON array, as alliance-map's GraphML export writes it");
                    b.diagnostics.push(crate::check::diagnostic::Diagnostic::new(crate::check::diagnostic::Code::WrongType, base..base, format!("the graph's `{name}` is not a JSON array")).hint(hint));
                    return;
                }
            };
            for record in &records {
                if name.eq_ignore_ascii_case("corrections") {
                    super::jgf::read_correction(b, record, base);
                } else {
                    super::jgf::read_reaction(b, record, base);
                }
            }
        }
        _ => {}
    }
}
