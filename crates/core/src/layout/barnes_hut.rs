//! Barnes–Hut many-body repulsion: a quadtree over the nodes, where a cell
//! far enough away (width / distance < θ, the criterion of d3-force's
//! forceManyBody) acts as one body at its centre of mass. O(n log n) per
//! evaluation instead of O(n²).
//!
//! Deterministic: the tree is built by in-place partitions of an index array
//! in a fixed order, masses are summed bottom-up in a fixed order, and only
//! + − × ÷ are used.

/// Leaves hold up to this many points: summing a few directly is cheaper than
/// descending further.
const LEAF: usize = 32;
/// Deeper than this, points are (nearly) coincident: stop splitting.
const MAX_DEPTH: u32 = 48;
const NONE: u32 = u32::MAX;

#[derive(Clone, Copy, Debug)]
struct Cell {
    /// Centre of mass and total mass.
    x: f64,
    y: f64,
    mass: f64,
    /// The cell's square: corner and side.
    x0: f64,
    y0: f64,
    size: f64,
    /// The cell's points are `order[lo..hi]`.
    lo: u32,
    hi: u32,
    child: [u32; 4],
}

/// A quadtree over points with masses, reusable across iterations.
#[derive(Default)]
pub struct QuadTree {
    cells: Vec<Cell>,
    order: Vec<u32>,
    /// Positions and masses permuted into tree order, so that leaves read
    /// contiguous memory.
    px: Vec<f64>,
    py: Vec<f64>,
    pm: Vec<f64>,
    stack: Vec<u32>,
}

impl QuadTree {
    /// Rebuilds the tree over interleaved positions `pos` with masses `mass`.
    pub fn build(&mut self, pos: &[f64], mass: &[f64]) {
        let n = mass.len();
        self.cells.clear();
        self.order.clear();
        self.order.extend(0..n as u32);
        if n == 0 {
            return;
        }
        let (mut x0, mut y0, mut x1, mut y1) = (pos[0], pos[1], pos[0], pos[1]);
        for i in 1..n {
            x0 = x0.min(pos[2 * i]);
            x1 = x1.max(pos[2 * i]);
            y0 = y0.min(pos[2 * i + 1]);
            y1 = y1.max(pos[2 * i + 1]);
        }
        let size = (x1 - x0).max(y1 - y0).max(1e-9);
        self.split(pos, mass, 0, n, x0, y0, size, 0);
        self.px.clear();
        self.py.clear();
        self.pm.clear();
        for &i in &self.order {
            self.px.push(pos[2 * i as usize]);
            self.py.push(pos[2 * i as usize + 1]);
            self.pm.push(mass[i as usize]);
        }
    }

    /// Makes the cell for `order[lo..hi]` in the square at (x0, y0) of side
    /// `size`, and returns its index.
    #[allow(clippy::too_many_arguments)]
    fn split(&mut self, pos: &[f64], mass: &[f64], lo: usize, hi: usize, x0: f64, y0: f64, size: f64, depth: u32) -> u32 {
        let id = self.cells.len();
        self.cells.push(Cell { x: 0.0, y: 0.0, mass: 0.0, x0, y0, size, lo: lo as u32, hi: hi as u32, child: [NONE; 4] });
        let (mut m, mut mx, mut my) = (0.0, 0.0, 0.0);
        if hi - lo <= LEAF || depth >= MAX_DEPTH {
            for &i in &self.order[lo..hi] {
                let i = i as usize;
                m += mass[i];
                mx += mass[i] * pos[2 * i];
                my += mass[i] * pos[2 * i + 1];
            }
        } else {
            let half = size / 2.0;
            let (cx, cy) = (x0 + half, y0 + half);
            let mid = partition(&mut self.order[lo..hi], |i| pos[2 * i] < cx) + lo;
            let q1 = partition(&mut self.order[lo..mid], |i| pos[2 * i + 1] < cy) + lo;
            let q3 = partition(&mut self.order[mid..hi], |i| pos[2 * i + 1] < cy) + mid;
            let quads = [(lo, q1, x0, y0), (q1, mid, x0, cy), (mid, q3, cx, y0), (q3, hi, cx, cy)];
            for (k, &(a, b, qx, qy)) in quads.iter().enumerate() {
                if a < b {
                    let c = self.split(pos, mass, a, b, qx, qy, half, depth + 1);
                    self.cells[id].child[k] = c;
                    let cell = self.cells[c as usize];
                    m += cell.mass;
                    mx += cell.mass * cell.x;
                    my += cell.mass * cell.y;
                }
            }
        }
        let cell = &mut self.cells[id];
        cell.mass = m;
        if m > 0.0 {
            (cell.x, cell.y) = (mx / m, my / m);
        } else {
            (cell.x, cell.y) = (x0 + size / 2.0, y0 + size / 2.0);
        }
        id as u32
    }

    /// Adds to `force` (interleaved) the repulsion `strength · mᵢ · mⱼ / d`
    /// on every node, directed away from each other body.
    ///
    /// The tree is walked once per leaf rather than once per node: a cell
    /// acts as one body on all of a leaf's points when it passes the
    /// criterion for the nearest point of the leaf's square, hence for each
    /// point. The approximation is therefore never coarser than the per-node
    /// test, and the walk costs a fraction.
    pub fn repulsion(&mut self, theta: f64, strength: f64, force: &mut [f64]) {
        let theta2 = theta * theta;
        let mut stack = std::mem::take(&mut self.stack);
        let n = self.order.len();
        let (mut ax, mut ay) = (vec![0.0; n], vec![0.0; n]);
        for leaf in 0..self.cells.len() {
            let l = self.cells[leaf];
            if l.child != [NONE; 4] {
                continue;
            }
            let (llo, lhi) = (l.lo as usize, l.hi as usize);
            stack.clear();
            stack.push(0);
            while let Some(c) = stack.pop() {
                let cell = &self.cells[c as usize];
                let (lo, hi) = (cell.lo as usize, cell.hi as usize);
                // Distance from the cell's centre of mass to the leaf's square.
                let dx = (l.x0 - cell.x).max(cell.x - (l.x0 + l.size)).max(0.0);
                let dy = (l.y0 - cell.y).max(cell.y - (l.y0 + l.size)).max(0.0);
                let ancestor = lo <= llo && lhi <= hi;
                if !ancestor && cell.size * cell.size < theta2 * (dx * dx + dy * dy) {
                    for p in llo..lhi {
                        let (dx, dy) = (self.px[p] - cell.x, self.py[p] - cell.y);
                        let f = cell.mass / (dx * dx + dy * dy);
                        ax[p] += dx * f;
                        ay[p] += dy * f;
                    }
                } else if cell.child == [NONE; 4] {
                    for p in llo..lhi {
                        let (x, y) = (self.px[p], self.py[p]);
                        let (mut fx, mut fy) = (0.0, 0.0);
                        for q in lo..hi {
                            let (dx, dy) = (x - self.px[q], y - self.py[q]);
                            let d2 = dx * dx + dy * dy;
                            // Coincident points (q == p included) exert nothing.
                            if d2 > 0.0 {
                                let f = self.pm[q] / d2;
                                fx += dx * f;
                                fy += dy * f;
                            }
                        }
                        ax[p] += fx;
                        ay[p] += fy;
                    }
                } else {
                    stack.extend(cell.child.iter().copied().filter(|&k| k != NONE));
                }
            }
        }
        for p in 0..n {
            let i = self.order[p] as usize;
            force[2 * i] += strength * self.pm[p] * ax[p];
            force[2 * i + 1] += strength * self.pm[p] * ay[p];
        }
        self.stack = stack;
    }
}

impl QuadTree {
    /// For each node, the nearest other node in its leaf (itself if alone):
    /// a cheap stand-in for its nearest neighbour, good for estimating how
    /// crowded a layout is.
    pub fn nearest_in_leaf(&self) -> Vec<u32> {
        let mut out: Vec<u32> = (0..self.order.len() as u32).collect();
        for cell in self.cells.iter().filter(|c| c.child == [NONE; 4]) {
            for p in cell.lo as usize..cell.hi as usize {
                let mut best = f64::INFINITY;
                for q in (cell.lo as usize..cell.hi as usize).filter(|&q| q != p) {
                    let (dx, dy) = (self.px[p] - self.px[q], self.py[p] - self.py[q]);
                    if dx * dx + dy * dy < best {
                        best = dx * dx + dy * dy;
                        out[self.order[p] as usize] = self.order[q];
                    }
                }
            }
        }
        out
    }
}

/// Moves the indices for which `left` holds to the front, keeping no order
/// guarantee beyond being deterministic; returns how many there are.
fn partition(items: &mut [u32], left: impl Fn(usize) -> bool) -> usize {
    let mut k = 0;
    for j in 0..items.len() {
        if left(items[j] as usize) {
            items.swap(k, j);
            k += 1;
        }
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The approximation stays within a few percent of the exact O(n²) sum.
    #[test]
    fn repulsion_matches_brute_force() {
        let mut rng = crate::synth::Rng::new(3);
        let n = 500;
        let pos: Vec<f64> = (0..2 * n).map(|_| rng.unit() * 100.0 + rng.unit() * rng.unit() * 50.0).collect();
        let mass: Vec<f64> = (0..n).map(|_| 1.0 + rng.unit()).collect();
        let (mut fast, mut exact) = (vec![0.0; 2 * n], vec![0.0; 2 * n]);
        let mut tree = QuadTree::default();
        tree.build(&pos, &mass);
        tree.repulsion(0.9, 2.0, &mut fast);
        for i in 0..n {
            for j in (0..n).filter(|&j| j != i) {
                let (dx, dy) = (pos[2 * i] - pos[2 * j], pos[2 * i + 1] - pos[2 * j + 1]);
                let f = 2.0 * mass[i] * mass[j] / (dx * dx + dy * dy);
                exact[2 * i] += dx * f;
                exact[2 * i + 1] += dy * f;
            }
        }
        let err: f64 = fast.iter().zip(&exact).map(|(a, b)| (a - b).abs()).sum();
        let total: f64 = exact.iter().map(|b| b.abs()).sum();
        assert!(err / total < 0.02, "relative error {}", err / total);
    }
}
