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

/// The claim columns every format carries for a relation (and JGF for an
/// attribute): who says it, how firm it is, reported or inferred; entity ids
/// joined with `;`. `share_max` is a band's upper bound (`share` its lower).
pub const CLAIM_KEYS: [&str; 6] = ["share_max", "according_to", "confirmation", "disputed_by", "basis", "reasoning"];

/// The values of [`CLAIM_KEYS`] for a relation, in that order; empty when not stated.
pub(crate) fn claim_cells(data: &Dataset, r: &Relation) -> [String; 6] {
    let [_, according_to, confirmation, disputed_by, basis, reasoning] = claim_values(data, &r.claim);
    let share_max = r.share.and_then(|s| s.max).map(crate::model::format_number).unwrap_or_default();
    [share_max, according_to, confirmation, disputed_by, basis, reasoning]
}

/// A claim's cells, as [`claim_cells`] (the first, `share_max`, empty).
pub(crate) fn claim_values(data: &Dataset, c: &crate::model::claim::Claim) -> [String; 6] {
    let ids = |list: &[crate::model::EntityIx]| list.iter().map(|&e| data.entity(e).id.as_str()).collect::<Vec<_>>().join(";");
    let basis = if c.basis == crate::model::vocab::Basis::Reported { "" } else { c.basis.key() };
    [String::new(), ids(&c.according_to), c.confirmation.map(|x| x.key().to_string()).unwrap_or_default(), ids(&c.disputed_by), basis.to_string(), c.reasoning.clone()]
}

/// Whether a relation came from an undirected edge (an import's `directed = false`).
pub(crate) fn is_undirected(r: &Relation) -> bool {
    r.is_undirected()
}
