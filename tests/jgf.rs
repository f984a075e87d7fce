//! The JGF export of the seed is valid JSON Graph Format v2.
//!
//! The rules below are those of the published schema
//! (http://jsongraphformat.info/v2.0/json-graph-schema.json, draft-07),
//! written out as checks so the test needs no network and no schema engine.

use serde_json::Value;

fn allowed(obj: &serde_json::Map<String, Value>, keys: &[&str], at: &str, errors: &mut Vec<String>) {
    for k in obj.keys() {
        if !keys.contains(&k.as_str()) {
            errors.push(format!("{at}: additional property `{k}`"));
        }
    }
}

fn typed(v: Option<&Value>, check: fn(&Value) -> bool, what: &str, at: &str, errors: &mut Vec<String>) {
    if let Some(v) = v {
        if !check(v) {
            errors.push(format!("{at}: `{what}` has the wrong type"));
        }
    }
}

/// Every violation of the JGF v2 schema in a document (single-graph form).
pub fn jgf_v2_violations(doc: &Value) -> Vec<String> {
    let mut errors = Vec::new();
    let Some(root) = doc.as_object() else { return vec!["root: not an object".into()] };
    allowed(root, &["graph"], "root", &mut errors);
    let Some(graph) = root.get("graph").and_then(Value::as_object) else { return vec!["root: `graph` missing or not an object".into()] };
    allowed(graph, &["id", "label", "directed", "type", "metadata", "nodes", "edges"], "graph", &mut errors);
    for key in ["id", "label", "type"] {
        typed(graph.get(key), Value::is_string, key, "graph", &mut errors);
    }
    typed(graph.get("directed"), Value::is_boolean, "directed", "graph", &mut errors);
    typed(graph.get("metadata"), Value::is_object, "metadata", "graph", &mut errors);
    match graph.get("nodes").map(|n| n.as_object()) {
        Some(Some(nodes)) => {
            for (id, node) in nodes {
                let at = format!("graph.nodes.{id}");
                let Some(node) = node.as_object() else {
                    errors.push(format!("{at}: not an object"));
                    continue;
                };
                allowed(node, &["label", "metadata"], &at, &mut errors);
                typed(node.get("label"), Value::is_string, "label", &at, &mut errors);
                typed(node.get("metadata"), Value::is_object, "metadata", &at, &mut errors);
            }
        }
        Some(None) => errors.push("graph.nodes: not an object".into()),
        None => {}
    }
    match graph.get("edges").map(|e| e.as_array()) {
        Some(Some(edges)) => {
            for (i, edge) in edges.iter().enumerate() {
                let at = format!("graph.edges[{i}]");
                let Some(edge) = edge.as_object() else {
                    errors.push(format!("{at}: not an object"));
                    continue;
                };
                allowed(edge, &["id", "source", "target", "relation", "directed", "label", "metadata"], &at, &mut errors);
                for key in ["source", "target"] {
                    if !edge.contains_key(key) {
                        errors.push(format!("{at}: required `{key}` missing"));
                    }
                }
                for key in ["id", "source", "target", "relation", "label"] {
                    typed(edge.get(key), Value::is_string, key, &at, &mut errors);
                }
                typed(edge.get("directed"), Value::is_boolean, "directed", &at, &mut errors);
                typed(edge.get("metadata"), Value::is_object, "metadata", &at, &mut errors);
            }
        }
        Some(None) => errors.push("graph.edges: not an array".into()),
        None => {}
    }
    errors
}

#[test]
fn seed_exports_valid_jgf_v2_with_every_entity_and_relation() {
    let data = crate::seed::seed();
    let doc = alliance_map::formats::jgf::to_jgf(&data);
    assert_eq!(jgf_v2_violations(&doc), Vec::<String>::new());
    let graph = &doc["graph"];
    assert_eq!(graph["nodes"].as_object().unwrap().len(), data.entities.len());
    assert_eq!(graph["edges"].as_array().unwrap().len(), data.relations.len());
    for edge in graph["edges"].as_array().unwrap() {
        assert!(graph["nodes"].get(edge["source"].as_str().unwrap()).is_some());
        assert!(!edge["metadata"]["sources"].as_array().unwrap().is_empty(), "uncited edge {edge}");
    }
}

#[test]
fn the_validator_catches_schema_violations() {
    let bad = serde_json::json!({"graph": {"nodes": {"a": {"name": "x"}}, "edges": [{"source": "a"}]}, "extra": 1});
    assert_eq!(jgf_v2_violations(&bad).len(), 3);
}
