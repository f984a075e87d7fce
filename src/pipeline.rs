//! Build-time compilation: a checked dataset plus its layout, ready to encode.

use crate::compiled::Compiled;
use crate::graph::Adjacency;
use crate::layout::{layout, layout_from, radius_for_degree, LayoutConfig};
use crate::model::Dataset;
use std::collections::HashMap;

/// Lays out a dataset and packs it for the widget. Deterministic.
pub fn compile(dataset: Dataset, config: &LayoutConfig) -> Compiled {
    compile_from(dataset, config, None)
}

/// Like [`compile`], but entities whose ids appear in `previous` start where
/// they were, so an edit (one relation more) moves the map a little instead
/// of reshuffling it.
pub fn compile_from(dataset: Dataset, config: &LayoutConfig, previous: Option<&Compiled>) -> Compiled {
    let adjacency = Adjacency::new(&dataset);
    let n = dataset.entities.len();
    let radii: Vec<f64> = (0..n).map(|e| radius_for_degree(adjacency.degree(e as u32))).collect();
    let edges: Vec<(u32, u32)> = dataset.relations.iter().map(|r| (r.from, r.to)).collect();
    let positions = match previous {
        None => layout(n, &edges, &radii, config),
        Some(prev) => {
            let old: HashMap<&str, usize> = prev.dataset.entities.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)).collect();
            let initial: Vec<Option<(f64, f64)>> = dataset
                .entities
                .iter()
                .map(|e| old.get(e.id.as_str()).map(|&i| (f64::from(prev.positions[2 * i]), f64::from(prev.positions[2 * i + 1]))))
                .collect();
            layout_from(n, &edges, &radii, config, &initial)
        }
    };
    Compiled { dataset, positions: positions.into_iter().map(|v| v as f32).collect() }
}
