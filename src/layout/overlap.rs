//! Pushes apart circles that overlap, keeping a gap, until none do; and counts
//! overlaps. Both find candidate pairs with a uniform grid whose cells are as
//! wide as the largest required distance, so each node meets only the nodes in
//! the 3×3 cells around it: O(n) per sweep for layouts of bounded density,
//! instead of O(n²).

use super::grid::Grid;

/// Sweeps of pairwise pushes before falling back to spreading the layout.
const MAX_SWEEPS: usize = 400;

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
    let reach = 2.0 * radii[..n].iter().fold(0.0f64, |a, &r| a.max(r)) + gap;
    if n < 2 || reach <= 0.0 {
        return;
    }
    // Only pairs with a node that moved in the previous sweep can have come
    // to overlap: a pair whose nodes have both been still since a sweep that
    // checked it (with a grid built after their last move) is still apart.
    let mut dirty = vec![true; n];
    for sweep in 0..MAX_SWEEPS {
        if !push_sweep(pos, radii, gap, reach, sweep, &mut dirty) {
            return;
        }
    }
    // Fallback: bounded by the rounding margin, one or two rounds suffice.
    for round in 0..64 {
        let worst = worst_ratio(pos, radii, n, gap, reach, round);
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
fn push_sweep(pos: &mut [f64], radii: &[f64], gap: f64, reach: f64, sweep: usize, dirty: &mut [bool]) -> bool {
    let n = dirty.len();
    let grid = Grid::new(pos, n, reach);
    let mut moved = vec![false; n];
    for i in (0..n).filter(|&i| dirty[i]) {
        grid.near(pos[2 * i], pos[2 * i + 1], |j| {
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
fn worst_ratio(pos: &mut [f64], radii: &[f64], n: usize, gap: f64, reach: f64, salt: usize) -> f64 {
    let grid = Grid::new(pos, n, reach);
    let mut worst = 0.0f64;
    for i in 0..n {
        grid.near(pos[2 * i], pos[2 * i + 1], |j| {
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
    let reach = 2.0 * radii[..n].iter().fold(0.0f64, |a, &r| a.max(r)) + gap;
    if n < 2 || reach <= 0.0 {
        return 1.0;
    }
    let grid = Grid::new(pos, n, reach);
    let mut worst = vec![1.0f64; n];
    for i in 0..n {
        grid.near(pos[2 * i], pos[2 * i + 1], |j| {
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
    let reach = 2.0 * radii[..n].iter().fold(0.0f64, |a, &r| a.max(r));
    let grid = Grid::new(pos, n, reach);
    let mut count = 0;
    for i in 0..n {
        grid.near(pos[2 * i], pos[2 * i + 1], |j| {
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
