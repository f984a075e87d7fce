//! Build-time compilation: a checked dataset plus its layout, ready to encode.

use crate::compiled::Compiled;
use crate::graph::Adjacency;
use crate::layout::{layout, radius_for_degree, LayoutConfig};
use crate::model::Dataset;

/// Lays out a dataset and packs it for the widget. Deterministic.
pub fn compile(dataset: Dataset, config: &LayoutConfig) -> Compiled {
    let adjacency = Adjacency::new(&dataset);
    let n = dataset.entities.len();
    let radii: Vec<f64> = (0..n).map(|e| radius_for_degree(adjacency.degree(e as u32))).collect();
    let edges: Vec<(u32, u32)> = dataset.relations.iter().map(|r| (r.from, r.to)).collect();
    let positions = layout(n, &edges, &radii, config).into_iter().map(|v| v as f32).collect();
    Compiled { dataset, positions }
}
