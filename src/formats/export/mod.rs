//! Exports to the formats other tools read: GEXF 1.3 (Gephi), GraphML
//! (networkx, yEd), Cytoscape.js elements JSON, FollowTheMoney JSON lines,
//! and a Gephi/Kumu-style CSV pair. JGF is in `crate::formats::jgf`. Every exporter carries every field its
//! format can hold; citations travel as source ids plus a sources table or
//! attribute.

pub mod attribute_columns;
pub mod csv;
pub mod cytoscape;
pub mod ftm;
pub mod gexf;
pub mod graphml;

use crate::model::{Dataset, Relation};

/// A relation's id: its own, or `r<N>` avoiding ids the file uses.
pub(crate) fn relation_ids(data: &Dataset) -> Vec<String> {
    let taken: std::collections::HashSet<&str> = data.relations.iter().map(|r| r.id.as_str()).collect();
    data.relations
        .iter()
        .enumerate()
        .map(|(i, r)| {
            if !r.id.is_empty() {
                return r.id.clone();
            }
            let mut id = format!("r{}", i + 1);
            while taken.contains(id.as_str()) {
                id.push('_');
            }
            id
        })
        .collect()
}

/// Source ids of a relation, joined with `;`.
pub(crate) fn source_list(data: &Dataset, r: &Relation) -> String {
    r.sources.iter().map(|&s| data.source(s).id.as_str()).collect::<Vec<_>>().join(";")
}

/// Whether a relation came from an undirected edge (an import's `directed = false`).
pub(crate) fn is_undirected(r: &Relation) -> bool {
    r.attributes.iter().any(|(k, v)| k == "directed" && *v == crate::model::Value::Bool(false))
}
