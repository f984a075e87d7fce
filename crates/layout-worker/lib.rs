//! `layout(n, edges)` for the benchmark: the same call as the native
//! benchmark (default settings, radii by degree), so positions can be
//! compared bit for bit.

use alliance_map::layout::{layout as run, radius_for_degree, LayoutConfig};
use wasm_bindgen::prelude::*;

/// Edges as a flat [a0, b0, a1, b1, ...]; returns x, y per node, interleaved.
#[wasm_bindgen]
pub fn layout(n: usize, edges: &[u32]) -> Vec<f64> {
    let pairs: Vec<(u32, u32)> = edges.chunks_exact(2).map(|p| (p[0], p[1])).collect();
    let mut degree = vec![0usize; n];
    for &(a, b) in &pairs {
        if (a as usize) < n && (b as usize) < n {
            degree[a as usize] += 1;
            degree[b as usize] += 1;
        }
    }
    let radii: Vec<f64> = degree.into_iter().map(radius_for_degree).collect();
    run(n, &pairs, &radii, &LayoutConfig::default())
}
