//! Pushes apart circles that overlap, keeping a gap, until none do; and counts
//! overlaps. Both find candidate pairs with a uniform grid whose cells are as
//! wide as the largest required distance between two ordinary circles, so
//! each node meets only the nodes in the 3×3 cells around it: O(n) per sweep
//! for layouts of bounded density, instead of O(n²). The few circles far
//! bigger than the rest (a hub of 10,000 spokes is 50 times a leaf: cells
//! sized for it held thousands of leaves each, and a 20,000-spoke star took
//! 37 s) look for their pairs over as many cells as they reach ([`Classes`]).

use super::grid::Grid;

/// Sweeps of pairwise pushes before falling back to spreading the layout.
const MAX_SWEEPS: usize = 400;

/// Ordinary circles and big ones, and the grid cell that finds every pair
/// of ordinary circles in 3×3 cells. Without outliers (the largest radius at
/// most twice the 99th percentile) every circle is ordinary and the cell is
/// as wide as the largest pair needs, as it always was.
struct Classes {
    /// Radii above this are big.
    big_above: f64,
    /// The grid's cell: the largest required distance between two ordinary circles.
    cell: f64,
    /// The largest radius plus the gap: how far a big circle looks beyond its own radius.
    beyond: f64,
}

impl Classes {
    fn new(radii: &[f64], gap: f64) -> Classes {
        let max = radii.iter().fold(0.0f64, |a, &r| a.max(r));
        let mut sorted = radii.to_vec();
        sorted.sort_by(f64::total_cmp);
        let p99 = sorted.get((sorted.len().saturating_sub(1) * 99) / 100).copied().unwrap_or(0.0);
        let big_above = if max <= 2.0 * p99 { max } else { p99 };
        Classes { big_above, cell: 2.0 * big_above + gap, beyond: max + gap }
    }

    fn is_big(&self, r: f64) -> bool {
        r > self.big_above
    }
}

/// The two grids a sweep looks pairs up in: every node by the ordinary
/// cell, and the big nodes alone by a cell as wide as the largest pair
/// (empty without big nodes). Every pair is met from both of its nodes.
struct Pairs<'a> {
    classes: &'a Classes,
    all: Grid,
    big: Grid,
    big_ids: Vec<usize>,
}

impl<'a> Pairs<'a> {
    fn new(classes: &'a Classes, pos: &[f64], radii: &[f64]) -> Pairs<'a> {
        let n = radii.len();
        let big_ids: Vec<usize> = (0..n).filter(|&i| classes.is_big(radii[i])).collect();
        let big_pos: Vec<f64> = big_ids.iter().flat_map(|&i| [pos[2 * i], pos[2 * i + 1]]).collect();
        let big = Grid::new(&big_pos, big_ids.len(), 2.0 * classes.beyond);
        Pairs { classes, all: Grid::new(pos, n, classes.cell), big, big_ids }
    }

    /// Calls `f(j)` with every node that could overlap node `i` at (x, y):
    /// an ordinary node meets the ordinary ones in 3×3 cells and the big ones
    /// in 3×3 cells of theirs; a big node every node within its reach.
    fn each(&self, (x, y): (f64, f64), i: usize, radii: &[f64], mut f: impl FnMut(usize)) {
        if self.classes.is_big(radii[i]) {
            self.all.near_within(x, y, radii[i] + self.classes.beyond, f);
            return;
        }
        self.all.near(x, y, |j| {
            if !self.classes.is_big(radii[j]) {
                f(j)
            }
        });
        self.big.near(x, y, |k| f(self.big_ids[k]));
    }
}

/// Moves node pairs apart along the line between them until no two circles
/// plus `gap` overlap. Each sweep pushes every overlapping pair apart (a bit
/// more than half the overlap each); a sweep that moves nothing has checked
/// every pair that could overlap against a current grid, which proves there
/// is none. If sweeps run out (a very dense cluster), the whole layout is
/// scaled about its centre by just enough to separate the worst pair: scaling
/// lengthens every distance, so it clears every overlap, and the guarantee
/// holds whatever the input.
pub fn remove_overlaps(pos: &mut [f64], radii: &[f64], gap: f64) {
    let n = radii.len().min(pos.len() / 2);
    let gap = gap.max(0.0);
    let classes = Classes::new(&radii[..n], gap);
    if n < 2 || classes.cell <= 0.0 {
        return;
    }
    // Only pairs with a node that moved in the previous sweep can have come
    // to overlap: a pair whose nodes have both been still since a sweep that
    // checked it (with a grid built after their last move) is still apart.
    let mut dirty = vec![true; n];
    for sweep in 0..MAX_SWEEPS {
        if !push_sweep(pos, &radii[..n], gap, &classes, sweep, &mut dirty) {
            return;
        }
    }
    // Fallback: bounded by the rounding margin, one or two rounds suffice.
    for round in 0..64 {
        let worst = worst_ratio(pos, &radii[..n], gap, &classes, round);
        if worst <= 1.0 {
            return;
        }
        let (cx, cy) = super::force::centre(&pos[..2 * n], &vec![1.0; n]);
        let s = worst * (1.0 + 1e-9) + 1e-12;
        for i in 0..n {
            pos[2 * i] = cx + (pos[2 * i] - cx) * s;
            pos[2 * i + 1] = cy + (pos[2 * i + 1] - cy) * s;
        }
    }
}

/// One Gauss–Seidel sweep over the pairs with a dirty node; returns whether
/// any node moved, and leaves in `dirty` the nodes that did.
fn push_sweep(pos: &mut [f64], radii: &[f64], gap: f64, classes: &Classes, sweep: usize, dirty: &mut [bool]) -> bool {
    let n = dirty.len();
    let pairs = Pairs::new(classes, pos, radii);
    let mut moved = vec![false; n];
    for i in (0..n).filter(|&i| dirty[i]) {
        pairs.each((pos[2 * i], pos[2 * i + 1]), i, radii, |j| {
            // Two dirty nodes meet twice: handle the pair once.
            if j == i || (dirty[j] && j < i) {
                return;
            }
            let (mut dx, mut dy) = (pos[2 * j] - pos[2 * i], pos[2 * j + 1] - pos[2 * i + 1]);
            let min = radii[i] + radii[j] + gap;
            let d2 = dx * dx + dy * dy;
            if d2 >= min * min {
                return;
            }
            let mut d = d2.sqrt();
            if d < 1e-9 {
                (dx, dy) = direction(i, j, sweep);
                d = (dx * dx + dy * dy).sqrt();
            }
            // Slightly more than half each: settles dense clusters in fewer sweeps.
            let push = (min - d) * 0.51 + 1e-6;
            let (ux, uy) = (dx / d, dy / d);
            pos[2 * i] -= ux * push;
            pos[2 * i + 1] -= uy * push;
            pos[2 * j] += ux * push;
            pos[2 * j + 1] += uy * push;
            (moved[i], moved[j]) = (true, true);
        });
    }
    dirty.copy_from_slice(&moved);
    moved.contains(&true)
}

/// A direction for coincident points that depends only on the indices.
fn direction(i: usize, j: usize, salt: usize) -> (f64, f64) {
    let t = ((i * 31 + j * 17 + salt) % 8) as f64;
    let dx = 1.0 - t / 4.0;
    (dx, 1.0 - dx.abs())
}

/// The largest (required distance / distance) over overlapping pairs, after
/// nudging coincident points apart; 1 or less means no overlap.
fn worst_ratio(pos: &mut [f64], radii: &[f64], gap: f64, classes: &Classes, salt: usize) -> f64 {
    let n = radii.len();
    let pairs = Pairs::new(classes, pos, radii);
    let mut worst = 0.0f64;
    for i in 0..n {
        pairs.each((pos[2 * i], pos[2 * i + 1]), i, radii, |j| {
            let (dx, dy) = (pos[2 * j] - pos[2 * i], pos[2 * j + 1] - pos[2 * i + 1]);
            let min = radii[i] + radii[j] + gap;
            let d2 = dx * dx + dy * dy;
            if j <= i || d2 >= min * min {
                return;
            }
            if d2 < 1e-18 {
                let (ux, uy) = direction(i, j, salt);
                pos[2 * j] = pos[2 * i] + ux * min * 1e-3;
                pos[2 * j + 1] = pos[2 * i + 1] + uy * min * 1e-3;
                worst = worst.max(2e3);
            } else {
                worst = worst.max(min / d2.sqrt());
            }
        });
    }
    worst
}

/// The factor to scale the layout by (about any point) so that `quantile`
/// of the nodes overlap no other node: for each node, the largest ratio of
/// required to actual distance over the nodes it overlaps (1 if none), and
/// the given quantile of those. A uniform scale keeps the drawing's shape
/// (stress and crossings do not change), so pushing pairs apart afterwards
/// has little left to do and does not scramble dense regions.
pub fn spread_factor(pos: &[f64], radii: &[f64], gap: f64, quantile: f64) -> f64 {
    let n = radii.len().min(pos.len() / 2);
    let gap = gap.max(0.0);
    let classes = Classes::new(&radii[..n], gap);
    if n < 2 || classes.cell <= 0.0 {
        return 1.0;
    }
    let pairs = Pairs::new(&classes, pos, &radii[..n]);
    let mut worst = vec![1.0f64; n];
    for i in 0..n {
        pairs.each((pos[2 * i], pos[2 * i + 1]), i, &radii[..n], |j| {
            let (dx, dy) = (pos[2 * j] - pos[2 * i], pos[2 * j + 1] - pos[2 * i + 1]);
            let min = radii[i] + radii[j] + gap;
            let d2 = dx * dx + dy * dy;
            // Coincident points need no scale: no scale can part them.
            if j > i && d2 < min * min && d2 > 0.0 {
                let r = min / d2.sqrt();
                worst[i] = worst[i].max(r);
                worst[j] = worst[j].max(r);
            }
        });
    }
    worst.sort_by(f64::total_cmp);
    worst[((n - 1) as f64 * quantile.clamp(0.0, 1.0)) as usize]
}

/// Number of pairs of circles that overlap (closer than the sum of radii).
/// Exact: a grid with cells as wide as the largest sum of radii finds every
/// such pair among the 3×3 cells around each node.
pub fn count_overlaps(pos: &[f64], radii: &[f64]) -> usize {
    let n = radii.len().min(pos.len() / 2);
    let classes = Classes::new(&radii[..n], 0.0);
    let pairs = Pairs::new(&classes, pos, &radii[..n]);
    let mut count = 0;
    for i in 0..n {
        pairs.each((pos[2 * i], pos[2 * i + 1]), i, &radii[..n], |j| {
            if j > i {
                let (dx, dy) = (pos[2 * i] - pos[2 * j], pos[2 * i + 1] - pos[2 * j + 1]);
                let min = radii[i] + radii[j];
                if dx * dx + dy * dy < min * min {
                    count += 1;
                }
            }
        });
    }
    count
}
