//! Build-time compilation: a checked dataset plus its layout, ready to encode.

use crate::compiled::Compiled;
use crate::model::graph::Adjacency;
use crate::layout::{layout, layout_from, LayoutConfig};
use crate::model::graph::radius_for_degree;
use crate::model::{Dataset, EntityIx};
use std::collections::HashMap;

/// Lays out a dataset and packs it for the widget. Deterministic.
pub fn compile(dataset: Dataset, config: &LayoutConfig) -> Compiled {
    compile_from(dataset, config, None)
}

/// Packs a dataset without positions (`build --no-layout`): the widget lays
/// it out in the reader's browser, in a worker, with [`positions`].
pub fn compile_without_layout(dataset: Dataset) -> Compiled {
    with_communities(dataset, Vec::new())
}

/// From this many entities on, the overview names each big community by
/// its most connected member before anything else (`scene::labels`).
pub const LABEL_BY_COMMUNITY_FROM: usize = 1000;

/// Whether a map colours or labels by community: when its entities are all
/// of one kind (an imported network: colour by kind would say nothing), or
/// when it is big enough to be read group by group.
pub fn wants_communities(data: &Dataset) -> bool {
    let one_kind = data.entities.windows(2).all(|w| w[0].kind == w[1].kind);
    data.entities.len() >= LABEL_BY_COMMUNITY_FROM || (one_kind && !data.relations.is_empty())
}

/// The compiled form of `dataset` at `positions`, with its communities when
/// it [`wants_communities`] (seeded as the layout is: same input, same groups).
pub fn with_communities(dataset: Dataset, positions: Vec<f32>) -> Compiled {
    let communities = if wants_communities(&dataset) { crate::community::of_dataset(&dataset, COMMUNITY_SEED).of } else { Vec::new() };
    Compiled { dataset, positions, communities }
}

/// The seed of community detection; fixed, so a rebuild never recolours a map.
const COMMUNITY_SEED: u64 = 1;

/// The positions `build` stores for `n` entities joined by `edges`: radii by
/// degree (each end of each edge counts, as in [`Adjacency`]) and the
/// default-shaped layout of `config`, rounded to f32. The browser's layout
/// worker calls this too, so a dataset laid out there gets the very same
/// map (the layout is bit-identical natively and in wasm). Edges with an end
/// out of range are ignored.
pub fn positions(n: usize, edges: &[(u32, u32)], config: &LayoutConfig) -> Vec<f32> {
    layout_by_degree(n, edges, config).into_iter().map(|v| v as f32).collect()
}

/// [`positions`] before rounding to f32 (the benchmarks compare these bit for bit).
pub fn layout_by_degree(n: usize, edges: &[(u32, u32)], config: &LayoutConfig) -> Vec<f64> {
    let mut degree = vec![0usize; n];
    for &(a, b) in edges.iter().filter(|&&(a, b)| (a as usize) < n && (b as usize) < n) {
        degree[a as usize] += 1;
        degree[b as usize] += 1;
    }
    let radii: Vec<f64> = degree.into_iter().map(radius_for_degree).collect();
    layout(n, edges, &radii, config)
}

/// Like [`compile`], but entities whose ids appear in `previous` start where
/// they were, so an edit (one relation more) moves the map a little instead
/// of reshuffling it. A `previous` without positions (`--no-layout`) is no
/// warm start.
pub fn compile_from(dataset: Dataset, config: &LayoutConfig, previous: Option<&Compiled>) -> Compiled {
    let n = dataset.entities.len();
    let edges: Vec<(u32, u32)> = dataset.relations.iter().map(|r| (r.from.0, r.to.0)).collect();
    let positions = match previous.filter(|p| p.positions.len() == 2 * p.dataset.entities.len()) {
        None => positions(n, &edges, config),
        Some(prev) => {
            let adjacency = Adjacency::new(&dataset);
            let radii: Vec<f64> = (0..n).map(|e| radius_for_degree(adjacency.degree(EntityIx::at(e)))).collect();
            let old: HashMap<&str, usize> = prev.dataset.entities.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)).collect();
            let initial: Vec<Option<(f64, f64)>> = dataset
                .entities
                .iter()
                .map(|e| old.get(e.id.as_str()).map(|&i| (f64::from(prev.positions[2 * i]), f64::from(prev.positions[2 * i + 1]))))
                .collect();
            layout_from(n, &edges, &radii, config, &initial).into_iter().map(|v| v as f32).collect()
        }
    };
    with_communities(dataset, positions)
}
