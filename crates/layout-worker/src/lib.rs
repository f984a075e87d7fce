//! The layout for the browser's worker and the benchmark: the very call
//! `alliance-map build` makes (`pipeline::positions`, default settings,
//! radii by degree), so a map laid out here equals the compiled one bit for
//! bit. Radii are derived from the edges here rather than passed in: the
//! widget's radii are f32 and the compiler's are f64, and rounding them
//! would move every node.

use alliance_map_core::layout::LayoutConfig;
use alliance_map_core::pipeline;
use wasm_bindgen::prelude::*;

/// Edges as a flat [a0, b0, a1, b1, ...] into pairs; an odd length or an
/// end past `n` is an error (the widget's own edges never are).
fn pairs(n: u32, edges: &[u32]) -> Result<Vec<(u32, u32)>, JsError> {
    if edges.len() % 2 != 0 {
        return Err(JsError::new(&format!("layout: {} edge ends, expected pairs", edges.len())));
    }
    if let Some(&bad) = edges.iter().find(|&&e| e >= n) {
        return Err(JsError::new(&format!("layout: edge end {bad} is out of range for {n} entities")));
    }
    Ok(edges.chunks_exact(2).map(|p| (p[0], p[1])).collect())
}

/// x, y per entity, interleaved, as `build` stores them (f32): what
/// `MapHandle.setPositions` takes.
#[wasm_bindgen]
pub fn positions(n: u32, edges: &[u32]) -> Result<Vec<f32>, JsError> {
    Ok(pipeline::positions(n as usize, &pairs(n, edges)?, &LayoutConfig::default()))
}

/// x, y per node in full precision, for the benchmark's bit-for-bit
/// comparison with the native layout.
#[wasm_bindgen]
pub fn layout(n: u32, edges: &[u32]) -> Result<Vec<f64>, JsError> {
    Ok(pipeline::layout_by_degree(n as usize, &pairs(n, edges)?, &LayoutConfig::default()))
}
