//! Adjacency over a [`Dataset`]: compressed rows of incident relations per
//! entity (both directions), built once in O(n + m). Queries that walk the
//! graph (neighbours, hover highlight, paths) use this, not the raw vectors.

use crate::model::{Dataset, EntityIx, RelationIx};

/// Incidence lists in CSR form: the relations touching entity `e` are
/// `incident[offsets[e]..offsets[e + 1]]`, in relation order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Adjacency {
    offsets: Vec<u32>,
    incident: Vec<RelationIx>,
}

impl Adjacency {
    /// Builds the incidence lists. O(n + m).
    pub fn new(data: &Dataset) -> Adjacency {
        let n = data.entities.len();
        let mut degree = vec![0u32; n + 1];
        for r in &data.relations {
            degree[r.from.ix() + 1] += 1;
            degree[r.to.ix() + 1] += 1;
        }
        for i in 1..=n {
            degree[i] += degree[i - 1];
        }
        let offsets = degree.clone();
        let mut fill = degree;
        let mut incident = vec![RelationIx(0); data.relations.len() * 2];
        for (ix, r) in data.relations.iter().enumerate() {
            for end in [r.from, r.to] {
                incident[fill[end.ix()] as usize] = RelationIx::at(ix);
                fill[end.ix()] += 1;
            }
        }
        Adjacency { offsets, incident }
    }

    /// Relations touching an entity, in either direction. O(1).
    pub fn incident(&self, e: EntityIx) -> &[RelationIx] {
        let (a, b) = (self.offsets[e.ix()], self.offsets[e.ix() + 1]);
        &self.incident[a as usize..b as usize]
    }

    /// Number of relations touching an entity. O(1).
    pub fn degree(&self, e: EntityIx) -> usize {
        self.incident(e).len()
    }

    /// Entities one relation away, each once, in first-seen order.
    pub fn neighbours(&self, data: &Dataset, e: EntityIx) -> Vec<EntityIx> {
        let mut out: Vec<EntityIx> = Vec::new();
        for &r in self.incident(e) {
            let rel = &data.relations[r.ix()];
            let other = if rel.from == e { rel.to } else { rel.from };
            if !out.contains(&other) {
                out.push(other);
            }
        }
        out
    }
}

/// An entity's radius in world units for its degree (area grows with
/// degree): the layout spaces circles of these radii and the scene draws
/// them. It lives with the graph, not the layout, so the scene never imports
/// layout code.
pub fn radius_for_degree(degree: usize) -> f64 {
    6.0 + 3.0 * (degree as f64).sqrt()
}
