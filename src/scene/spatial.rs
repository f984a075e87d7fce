//! A uniform grid over world space for hit testing nodes and edges: a node
//! is filed in every cell its bounding box touches, an edge in the cells its
//! segment passes through (compressed rows, built once), so a query looks at
//! one cell's short list instead of every item.

/// Items filed by grid cell, in CSR form.
#[derive(Clone, Debug, Default)]
pub struct Grid {
    x0: f32,
    y0: f32,
    cell: f32,
    cols: usize,
    rows: usize,
    offsets: Vec<u32>,
    items: Vec<u32>,
}

/// At most this many cells per axis: bounds memory for any spread of points.
const MAX_CELLS_PER_AXIS: f32 = 256.0;

/// About this many (cell, edge) entries at most in an edge grid (16 MB of
/// `u32`), whatever the number and length of the edges.
pub const SEGMENT_BUDGET: usize = 4_000_000;

impl Grid {
    /// Files every item's box `(min x, min y, max x, max y)`. Cells are at
    /// least `min_cell` world units wide. O(items + cells touched).
    pub fn build(boxes: &[[f32; 4]], min_cell: f32) -> Grid {
        Grid::build_with(boxes, min_cell, |grid, bx, f| grid.for_cells(bx, f))
    }

    /// Files every segment `(ax, ay, bx, by)` in the cells it passes
    /// through. A long edge's bounding box covers a big part of the map
    /// (a hub's ties reach across it): filing boxes put 10,000 entities'
    /// 50,000 edges in hundreds of millions of cells, seconds before the
    /// first frame; along the segment it is at most cols + rows cells each.
    /// A point within `radius` of a segment finds it with `near`: the
    /// segment's nearest point is in a cell that the query's box overlaps.
    ///
    /// Cells grow until the segments fill at most [`SEGMENT_BUDGET`] cell
    /// entries: a complete graph of 1,000 entities has 499,500 edges, each
    /// across a third of the map; filed in small cells they asked for
    /// gigabytes. Bigger cells mean longer lists per query, never a refusal.
    pub fn build_segments(segments: &[[f32; 4]], min_cell: f32) -> Grid {
        // Filing a segment touches about (|dx| + |dy|) / cell + 2 cells.
        let length: f64 = segments.iter().map(|s| ((s[2] - s[0]).abs() + (s[3] - s[1]).abs()) as f64).sum();
        let room = SEGMENT_BUDGET.saturating_sub(3 * segments.len()).max(segments.len()) as f64;
        let cell = min_cell.max((length / room) as f32);
        Grid::build_with(segments, cell, |grid, s, f| grid.for_segment_cells(s, f))
    }

    /// `file(grid, item, f)` calls `f` with each cell of an item; items span
    /// the box of their four numbers either way.
    fn build_with(items: &[[f32; 4]], min_cell: f32, file: impl Fn(&Grid, &[f32; 4], &mut dyn FnMut(usize))) -> Grid {
        let mut b = [f32::INFINITY, f32::INFINITY, f32::NEG_INFINITY, f32::NEG_INFINITY];
        for it in items {
            b = [b[0].min(it[0]).min(it[2]), b[1].min(it[1]).min(it[3]), b[2].max(it[0]).max(it[2]), b[3].max(it[1]).max(it[3])];
        }
        if items.is_empty() {
            b = [0.0, 0.0, 1.0, 1.0];
        }
        let extent = (b[2] - b[0]).max(b[3] - b[1]).max(1.0);
        let cell = min_cell.max(extent / MAX_CELLS_PER_AXIS).max(1e-3);
        let cols = ((b[2] - b[0]) / cell) as usize + 1;
        let rows = ((b[3] - b[1]) / cell) as usize + 1;
        let grid = Grid { x0: b[0], y0: b[1], cell, cols, rows, offsets: Vec::new(), items: Vec::new() };
        let mut counts = vec![0u32; cols * rows + 1];
        for it in items {
            file(&grid, it, &mut |c| counts[c + 1] += 1);
        }
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        let mut fill = counts.clone();
        let mut filed = vec![0u32; counts[cols * rows] as usize];
        for (i, it) in items.iter().enumerate() {
            file(&grid, it, &mut |c| {
                filed[fill[c] as usize] = i as u32;
                fill[c] += 1;
            });
        }
        Grid { offsets: counts, items: filed, ..grid }
    }

    /// The cells a segment passes through: column by column, the rows its
    /// y spans within that column (with a sliver of slack for rounding).
    fn for_segment_cells(&self, s: &[f32; 4], f: &mut dyn FnMut(usize)) {
        let [ax, ay, bx, by] = *s;
        let slack = self.cell * 1e-3;
        let (x_lo, x_hi) = (ax.min(bx), ax.max(bx));
        let (c0, _) = self.cell_of(x_lo - slack, ay);
        let (c1, _) = self.cell_of(x_hi + slack, ay);
        let dx = bx - ax;
        for c in c0..=c1 {
            let (y_a, y_b) = if dx == 0.0 {
                (ay, by)
            } else {
                let x_start = (self.x0 + c as f32 * self.cell).max(x_lo);
                let x_end = (self.x0 + (c + 1) as f32 * self.cell).min(x_hi);
                let y_at = |x: f32| ay + (x - ax) / dx * (by - ay);
                (y_at(x_start), y_at(x_end))
            };
            let (_, r0) = self.cell_of(x_lo, y_a.min(y_b) - slack);
            let (_, r1) = self.cell_of(x_lo, y_a.max(y_b) + slack);
            for r in r0..=r1 {
                f(r * self.cols + c);
            }
        }
    }

    fn cell_of(&self, x: f32, y: f32) -> (usize, usize) {
        // `as usize` saturates (NaN → 0); `min` keeps it inside. No float
        // `clamp`: its assertion pulls a float formatter into the wasm.
        let cx = (((x - self.x0) / self.cell).floor() as usize).min(self.cols - 1);
        let cy = (((y - self.y0) / self.cell).floor() as usize).min(self.rows - 1);
        (cx, cy)
    }

    fn for_cells(&self, bx: &[f32; 4], f: &mut dyn FnMut(usize)) {
        let (c0, r0) = self.cell_of(bx[0], bx[1]);
        let (c1, r1) = self.cell_of(bx[2], bx[3]);
        for r in r0..=r1 {
            for c in c0..=c1 {
                f(r * self.cols + c);
            }
        }
    }

    /// How many (cell, item) entries the grid holds: its memory and build time.
    pub fn filed(&self) -> usize {
        self.items.len()
    }

    /// Items whose boxes may lie within `radius` of the point (candidates,
    /// not hits), each once, in index order.
    pub fn near(&self, x: f32, y: f32, radius: f32) -> Vec<u32> {
        let mut out = Vec::new();
        self.for_cells(&[x - radius, y - radius, x + radius, y + radius], &mut |c| {
            out.extend_from_slice(&self.items[self.offsets[c] as usize..self.offsets[c + 1] as usize]);
        });
        crate::query::sort::sort_indices(&mut out, &|a, b| a.cmp(&b));
        out.dedup();
        out
    }
}

/// Squared distance from point p to segment a-b.
// max().min(), not clamp(): clamp's NaN and order checks pull a panic path
// into the wasm, and t is finite here.
#[allow(clippy::manual_clamp)]
pub fn segment_distance2(p: (f32, f32), a: (f32, f32), b: (f32, f32)) -> f32 {
    let (abx, aby) = (b.0 - a.0, b.1 - a.1);
    let len2 = abx * abx + aby * aby;
    let t = if len2 > 0.0 { (((p.0 - a.0) * abx + (p.1 - a.1) * aby) / len2).max(0.0).min(1.0) } else { 0.0 };
    let (cx, cy) = (a.0 + t * abx - p.0, a.1 + t * aby - p.1);
    cx * cx + cy * cy
}

/// Orders directions clockwise on screen (y grows downwards), starting at
/// 12 o'clock: straight up first, then right, down and left. Only
/// comparisons and products: the quadrant first, then the sign of the cross
/// product, which within one quadrant (less than half a turn) orders
/// directions exactly. A zero vector counts as straight up.
pub fn clockwise_cmp(a: (f64, f64), b: (f64, f64)) -> std::cmp::Ordering {
    fn quadrant((x, y): (f64, f64)) -> u8 {
        if x >= 0.0 && y < 0.0 || x == 0.0 && y == 0.0 {
            0 // from 12 o'clock (included) to 3
        } else if x > 0.0 && y >= 0.0 {
            1 // from 3 (included) to 6
        } else if x <= 0.0 && y > 0.0 {
            2 // from 6 (included) to 9
        } else {
            3 // from 9 (included) to 12
        }
    }
    quadrant(a).cmp(&quadrant(b)).then_with(|| {
        let cross = a.0 * b.1 - a.1 * b.0;
        // cross > 0: b lies clockwise of a (screen coordinates), so a first.
        0.0f64.partial_cmp(&cross).unwrap_or(std::cmp::Ordering::Equal)
    })
}
