//! Where the entities are: the spatial index picking uses, and positions
//! that arrive after the scene was built (a dataset compiled with
//! `--no-layout`, laid out in the browser's worker).

use super::Scene;
use crate::model::Dataset;
use crate::scene::spatial::Grid;

/// Why `set_positions` refused a list of coordinates.
#[derive(Clone, Debug, PartialEq)]
pub enum PositionsError {
    /// Not x, y for every entity.
    Length {
        /// Numbers given.
        got: usize,
        /// Entities in the scene.
        entities: usize,
    },
    /// NaN or an infinity at this index of the list.
    NotFinite(usize),
}

impl PositionsError {
    /// In words, without `core::fmt` (the first frame's wasm reports it).
    pub fn message(&self) -> String {
        use crate::words::{message, Part::{Number, Text}};
        match self {
            PositionsError::Length { got, entities } => message(&[
                Text("setPositions: "),
                Number(*got),
                Text(" coordinates for "),
                Number(*entities),
                Text(" entities (expected x, y per entity: "),
                Number(2 * entities),
                Text(")"),
            ]),
            PositionsError::NotFinite(i) => message(&[Text("setPositions: coordinate "), Number(*i), Text(" is not a finite number")]),
        }
    }
}

impl std::fmt::Display for PositionsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

/// Grids of node circles and edge boxes, for picking. O(n + m) plus filing.
pub(super) fn spatial_index(data: &Dataset, positions: &[f32], radii: &[f32]) -> (Grid, Grid) {
    let node_boxes: Vec<[f32; 4]> = radii
        .iter()
        .enumerate()
        .map(|(e, &r)| {
            let (x, y) = (positions[2 * e], positions[2 * e + 1]);
            [x - r, y - r, x + r, y + r]
        })
        .collect();
    let segments: Vec<[f32; 4]> = data
        .relations
        .iter()
        .map(|r| {
            let (a, b) = (r.from.ix(), r.to.ix());
            [positions[2 * a], positions[2 * a + 1], positions[2 * b], positions[2 * b + 1]]
        })
        .collect();
    (Grid::build(&node_boxes, 32.0), Grid::build_segments(&segments, 32.0))
}

impl Scene {
    /// True until a dataset compiled without positions gets them from
    /// [`Scene::set_positions`].
    pub fn needs_layout(&self) -> bool {
        self.needs_layout
    }

    /// Replaces every position (x, y per entity) and rebuilds the picking
    /// index. The array is overwritten in place, never reallocated, so
    /// JavaScript's views over it stay valid. On error nothing changes.
    pub fn set_positions(&mut self, positions: &[f32]) -> Result<(), PositionsError> {
        if positions.len() != self.positions.len() {
            return Err(PositionsError::Length { got: positions.len(), entities: self.radii.len() });
        }
        if let Some(i) = positions.iter().position(|p| !p.is_finite()) {
            return Err(PositionsError::NotFinite(i));
        }
        self.positions.copy_from_slice(positions);
        // Built again on the next hit test, from the new positions.
        self.picking = std::cell::OnceCell::new();
        self.needs_layout = false;
        Ok(())
    }
}
