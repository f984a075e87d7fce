//! Places separately laid-out connected components next to each other.
//!
//! Forces between parts that no edge joins are pure repulsion, so laid out
//! together they drift apart (or, with enough gravity, squash the rest).
//! Laying out each component alone and then packing them keeps every part
//! close and undistorted, as Graphviz and FM3 do.

use super::grid::Grid;

/// Components placed by the search for the free spot nearest the centre; the
/// rest (isolated nodes, mostly) go in rows underneath, so many tiny parts
/// cost O(k), not O(k · n).
const GREEDY: usize = 64;
/// Lattice points tried per component go out to this many steps each way.
const REACH: i64 = 40;

/// Moves each component (a list of node indices into interleaved `pos`). The
/// biggest is centred on the origin; each next one, biggest first, goes to
/// the point of a lattice around the origin nearest to it where none of its
/// circles comes within `clearance` of a placed circle: small parts settle
/// into the free space nearest the middle, hollows included, like polyomino
/// packing. Deterministic: lattice points are tried in a fixed order, and
/// parts of equal size keep their order.
pub fn pack(pos: &mut [f64], parts: &[Vec<u32>], radii: &[f64], clearance: f64) {
    if parts.len() < 2 {
        return;
    }
    let r = |u: u32| radii.get(u as usize).copied().unwrap_or(0.0);
    let clearance = clearance.max(0.0);
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by(|&a, &b| parts[b].len().cmp(&parts[a].len()).then(a.cmp(&b)));
    // Bounding box (x0, y0, x1, y1) of each part's circles plus half the clearance.
    let bounds = |pos: &[f64], part: &[u32]| {
        let mut b = [f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY];
        for &u in part {
            let (x, y, ru) = (pos[2 * u as usize], pos[2 * u as usize + 1], r(u) + clearance / 2.0);
            b = [b[0].min(x - ru), b[1].min(y - ru), b[2].max(x + ru), b[3].max(y + ru)];
        }
        b
    };
    let shift = |pos: &mut [f64], part: &[u32], dx: f64, dy: f64| {
        for &u in part {
            pos[2 * u as usize] += dx;
            pos[2 * u as usize + 1] += dy;
        }
    };
    // Placed circles: centres interleaved, and radii.
    let (mut done_pos, mut done_r): (Vec<f64>, Vec<f64>) = (Vec::new(), Vec::new());
    let rmax = parts.iter().flatten().fold(0.0f64, |m, &u| m.max(r(u)));
    for (rank, &p) in order.iter().take(GREEDY).enumerate() {
        let b = bounds(pos, &parts[p]);
        // Centre the part's box on the origin, then look for room.
        shift(pos, &parts[p], -(b[0] + b[2]) / 2.0, -(b[1] + b[3]) / 2.0);
        if rank > 0 {
            let (dx, dy) = free_spot(pos, &parts[p], &r, &done_pos, &done_r, rmax, clearance, (b[2] - b[0], b[3] - b[1]));
            shift(pos, &parts[p], dx, dy);
        }
        for &u in &parts[p] {
            done_pos.extend([pos[2 * u as usize], pos[2 * u as usize + 1]]);
            done_r.push(r(u));
        }
    }
    // The rest: rows of boxes below everything placed.
    let all = bounds(pos, &order.iter().take(GREEDY).flat_map(|&p| parts[p].iter().copied()).collect::<Vec<_>>());
    let (left, right) = (all[0], all[2].max(all[0]));
    let (mut x, mut top, mut row_height) = (left, all[1], 0.0f64);
    for &p in order.iter().skip(GREEDY) {
        let b = bounds(pos, &parts[p]);
        let (w, h) = (b[2] - b[0], b[3] - b[1]);
        if x > left && x + w > right {
            (x, top, row_height) = (left, top - row_height, 0.0);
        }
        shift(pos, &parts[p], x - b[0], top - h - b[1]);
        x += w;
        row_height = row_height.max(h);
    }
}

/// The offset nearest the origin, on a lattice of half the part's smaller
/// side, at which every circle of `part` (centred on the origin) keeps
/// `clearance` from every placed circle. Past the lattice, the right of
/// everything placed.
#[allow(clippy::too_many_arguments)]
fn free_spot(
    pos: &[f64],
    part: &[u32],
    r: &impl Fn(u32) -> f64,
    done_pos: &[f64],
    done_r: &[f64],
    rmax: f64,
    clearance: f64,
    (w, h): (f64, f64),
) -> (f64, f64) {
    let grid = Grid::new(done_pos, done_r.len(), 2.0 * rmax + clearance);
    let step = (w.min(h) / 2.0).max(1e-6);
    let fits = |dx: f64, dy: f64| {
        part.iter().all(|&u| {
            let (x, y, ru) = (pos[2 * u as usize] + dx, pos[2 * u as usize + 1] + dy, r(u));
            let mut clear = true;
            grid.near(x, y, |j| {
                let (ex, ey) = (done_pos[2 * j] - x, done_pos[2 * j + 1] - y);
                let min = ru + done_r[j] + clearance;
                clear &= ex * ex + ey * ey >= min * min;
            });
            clear
        })
    };
    let mut lattice: Vec<(i64, i64)> = (-REACH..=REACH).flat_map(|i| (-REACH..=REACH).map(move |j| (i, j))).collect();
    lattice.sort_by_key(|&(i, j)| (i * i + j * j, j, i));
    for (i, j) in lattice {
        let (dx, dy) = (i as f64 * step, j as f64 * step);
        if fits(dx, dy) {
            return (dx, dy);
        }
    }
    let right = (0..done_r.len()).fold(0.0f64, |m, j| m.max(done_pos[2 * j] + done_r[j]));
    (right + clearance + w / 2.0, 0.0)
}
