//! A uniform grid over world space for hit testing nodes and edges: each item
//! is filed in every cell its bounding box touches, so a query looks at one
//! cell's short list instead of every item.

use std::collections::HashMap;

/// Items filed by grid cell.
#[derive(Clone, Debug, Default)]
pub struct Grid {
    cell: f32,
    cells: HashMap<(i32, i32), Vec<u32>>,
}

impl Grid {
    /// An empty grid with square cells of side `cell` world units.
    pub fn new(cell: f32) -> Grid {
        Grid { cell: cell.max(1.0), cells: HashMap::new() }
    }

    fn key(&self, x: f32, y: f32) -> (i32, i32) {
        // Clamp so absurd coordinates cannot overflow the cell index.
        let c = |v: f32| (v / self.cell).floor().clamp(-1e6, 1e6) as i32;
        (c(x), c(y))
    }

    /// Files `item` in every cell overlapping the box. Boxes spanning more
    /// than 64 cells per axis are filed in a capped range (their far cells are
    /// still reached by `query` on the capped box).
    pub fn insert(&mut self, item: u32, min: (f32, f32), max: (f32, f32)) {
        let (x0, y0) = self.key(min.0, min.1);
        let (x1, y1) = self.key(max.0, max.1);
        let (x1, y1) = (x1.min(x0 + 64), y1.min(y0 + 64));
        for gx in x0..=x1 {
            for gy in y0..=y1 {
                self.cells.entry((gx, gy)).or_default().push(item);
            }
        }
    }

    /// Items filed in the cell containing the point (candidates, not hits).
    pub fn candidates(&self, x: f32, y: f32) -> &[u32] {
        self.cells.get(&self.key(x, y)).map_or(&[], |v| v.as_slice())
    }
}

/// Squared distance from point p to segment a-b.
pub fn segment_distance2(p: (f32, f32), a: (f32, f32), b: (f32, f32)) -> f32 {
    let (abx, aby) = (b.0 - a.0, b.1 - a.1);
    let len2 = abx * abx + aby * aby;
    let t = if len2 > 0.0 { (((p.0 - a.0) * abx + (p.1 - a.1) * aby) / len2).clamp(0.0, 1.0) } else { 0.0 };
    let (cx, cy) = (a.0 + t * abx - p.0, a.1 + t * aby - p.1);
    cx * cx + cy * cy
}
