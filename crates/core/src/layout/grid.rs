//! A uniform grid over points for neighbour queries: dense cells in CSR form
//! (counting sort, no hashing), so building is O(n) and the order of points
//! in a cell is their index order, the same everywhere.

/// Points bucketed into square cells of side at least the requested size.
pub struct Grid {
    x0: f64,
    y0: f64,
    cell: f64,
    cols: usize,
    rows: usize,
    /// Points of cell `c` are `items[start[c]..start[c + 1]]`.
    start: Vec<u32>,
    items: Vec<u32>,
}

impl Grid {
    /// Buckets the first `n` points of interleaved `pos`. Cells are at least
    /// `min_cell` wide, and wider if needed to keep their number near `n`
    /// (a far outlier must not make the grid huge).
    pub fn new(pos: &[f64], n: usize, min_cell: f64) -> Grid {
        let (mut x0, mut y0, mut x1, mut y1) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
        if n > 0 {
            (x0, y0, x1, y1) = (pos[0], pos[1], pos[0], pos[1]);
        }
        for i in 1..n {
            x0 = x0.min(pos[2 * i]);
            x1 = x1.max(pos[2 * i]);
            y0 = y0.min(pos[2 * i + 1]);
            y1 = y1.max(pos[2 * i + 1]);
        }
        let (w, h) = (x1 - x0, y1 - y0);
        let mut cell = min_cell.max(1e-9);
        // Grow by doubling (exact in binary) until there are at most ~4n cells.
        while (w / cell + 1.0) * (h / cell + 1.0) > (4 * n + 16) as f64 {
            cell *= 2.0;
        }
        let cols = (w / cell) as usize + 1;
        let rows = (h / cell) as usize + 1;
        let mut grid = Grid { x0, y0, cell, cols, rows, start: vec![0; cols * rows + 1], items: vec![0; n] };
        for i in 0..n {
            let c = grid.cell_of(pos[2 * i], pos[2 * i + 1]);
            grid.start[c + 1] += 1;
        }
        for c in 0..cols * rows {
            grid.start[c + 1] += grid.start[c];
        }
        let mut fill = grid.start.clone();
        for i in 0..n {
            let c = grid.cell_of(pos[2 * i], pos[2 * i + 1]);
            grid.items[fill[c] as usize] = i as u32;
            fill[c] += 1;
        }
        grid
    }

    fn col_row(&self, x: f64, y: f64) -> (usize, usize) {
        // Clamped: a point that has moved since the build still finds cells.
        let c = ((x - self.x0) / self.cell).max(0.0) as usize;
        let r = ((y - self.y0) / self.cell).max(0.0) as usize;
        (c.min(self.cols - 1), r.min(self.rows - 1))
    }

    fn cell_of(&self, x: f64, y: f64) -> usize {
        let (c, r) = self.col_row(x, y);
        r * self.cols + c
    }

    /// Calls `f` with every point in the cells that a square of half-side
    /// `reach` around (x, y) touches: all points within `reach` of it (and
    /// some farther), when the grid is current. For the few circles far
    /// bigger than the cells (a hub among its leaves).
    pub fn near_within(&self, x: f64, y: f64, reach: f64, mut f: impl FnMut(usize)) {
        let (c0, r0) = self.col_row(x - reach, y - reach);
        let (c1, r1) = self.col_row(x + reach, y + reach);
        for rr in r0..=r1 {
            let row = rr * self.cols;
            for &i in &self.items[self.start[row + c0] as usize..self.start[row + c1 + 1] as usize] {
                f(i as usize);
            }
        }
    }

    /// Calls `f` with every point in the 3×3 cells around (x, y): all points
    /// within one cell width of it (and some farther), when the grid is
    /// current.
    pub fn near(&self, x: f64, y: f64, mut f: impl FnMut(usize)) {
        let (c, r) = self.col_row(x, y);
        for rr in r.saturating_sub(1)..(r + 2).min(self.rows) {
            let row = rr * self.cols;
            let (a, b) = (row + c.saturating_sub(1), row + (c + 2).min(self.cols));
            for &i in &self.items[self.start[a] as usize..self.start[b] as usize] {
                f(i as usize);
            }
        }
    }
}
