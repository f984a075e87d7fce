//! Deterministic multilevel force-directed layout with overlap removal.
//!
//! Each connected component is laid out alone, then the components are
//! packed around the biggest ([`pack`]). Within a component the graph is
//! coarsened by matching ([`multilevel`]); the coarsest graph is laid out from
//! seeded random positions, and each finer level starts from its parent's
//! positions and is refined by a few iterations of the spring–electrical
//! model ([`force`]) whose repulsion is a Barnes–Hut quadtree
//! ([`barnes_hut`]): O(n log n) per iteration, and few iterations per level.
//! The result is scaled to the configured mean edge length, spread uniformly
//! until the median node is clear of its neighbours, and the overlaps left
//! are pushed apart with a grid ([`overlap`]). [`quality`] measures layouts.
//!
//! Only `+ - * / sqrt` on f64 are used, all exactly rounded by IEEE 754, and
//! no hash order or fused multiply-add, so the same input gives bit-identical
//! positions natively and in wasm. Random numbers come from the seeded [`Rng`].

mod barnes_hut;
mod force;
mod grid;
// pub(crate): community detection (`crate::community`) builds on WGraph too.
pub(crate) mod multilevel;
mod overlap;
mod pack;
pub mod quality;

pub use overlap::count_overlaps;

use crate::synth::Rng;
use barnes_hut::QuadTree;
use force::Schedule;
use multilevel::WGraph;

/// Layout settings.
#[derive(Clone, Debug)]
pub struct LayoutConfig {
    /// Seed for the initial placement and the coarsening order.
    pub seed: u64,
    /// Most force iterations on the coarsest graph (it is small, so they are
    /// cheap; the adaptive step usually stops well before).
    pub iterations: usize,
    /// Preferred edge length in world units (the mean, before overlaps are removed).
    pub edge_length: f64,
    /// Empty space kept between node circles.
    pub gap: f64,
    /// Most force iterations on each finer level, and in a warm start.
    pub refine_iterations: usize,
    /// Barnes–Hut opening criterion: a quadtree cell of width w at distance d
    /// acts as one body when w / d < theta (d3-force's default is 0.9).
    pub theta: f64,
}

impl Default for LayoutConfig {
    fn default() -> Self {
        LayoutConfig { seed: 1, iterations: 400, edge_length: 45.0, gap: 12.0, refine_iterations: 80, theta: 0.9 }
    }
}

/// Lays out `n` nodes joined by `edges`; returns x, y per node, interleaved.
/// No two circles of the given radii (plus `config.gap`) overlap in the result.
/// Edges with an endpoint out of range are ignored. Each connected component
/// is laid out alone, then the components are packed side by side.
pub fn layout(n: usize, edges: &[(u32, u32)], radii: &[f64], config: &LayoutConfig) -> Vec<f64> {
    let graph = WGraph::from_edges(n, edges);
    let mut rng = Rng::new(config.seed);
    let mut tree = QuadTree::default();
    let parts = graph.components();
    if parts.len() == 1 {
        return connected(&graph, radii, config, &mut rng, &mut tree);
    }
    let mut pos = vec![0.0; 2 * n];
    let mut local = vec![u32::MAX; n];
    // Isolated nodes stay at the origin of their own part.
    for part in parts.iter().filter(|p| p.len() > 1) {
        let sub_radii: Vec<f64> = part.iter().map(|&u| radii.get(u as usize).copied().unwrap_or(0.0)).collect();
        let sub = connected(&graph.subgraph(part, &mut local), &sub_radii, config, &mut rng, &mut tree);
        for (i, &u) in part.iter().enumerate() {
            (pos[2 * u as usize], pos[2 * u as usize + 1]) = (sub[2 * i], sub[2 * i + 1]);
        }
    }
    // Parts keep an edge length between them, so they do not read as joined.
    pack::pack(&mut pos, &parts, radii, config.edge_length + config.gap);
    // Packing keeps parts apart already; this only re-proves it.
    overlap::remove_overlaps(&mut pos, radii, config.gap);
    pos
}

/// The multilevel layout of one connected graph, scaled, spread and free of
/// overlaps.
fn connected(graph: &WGraph, radii: &[f64], config: &LayoutConfig, rng: &mut Rng, tree: &mut QuadTree) -> Vec<f64> {
    let levels = multilevel::hierarchy(graph, rng);
    // Coarsest first (a handful of nodes): seeded random positions in a square
    // whose area grows with the number of nodes, then a run from a big step.
    let coarsest = levels.last().map_or(graph, |l| &l.graph);
    let side = (graph.n() as f64).sqrt();
    let mut pos: Vec<f64> = (0..2 * coarsest.n()).map(|_| (rng.unit() - 0.5) * side).collect();
    let first = Schedule { k: 1.0, theta: config.theta, step: 0.1 * side + 1.0, max_iterations: config.iterations, min_step: 0.01 };
    force::refine(coarsest, &mut pos, &first, tree);
    // Then each finer level from its parent's place, with a step of half an
    // edge: the coarser layout already has the shape, only detail is missing.
    for (ix, level) in levels.iter().enumerate().rev() {
        let fine = if ix == 0 { graph } else { &levels[ix - 1].graph };
        pos = prolong(&pos, level, fine, rng);
        let schedule = Schedule { k: 1.0, theta: config.theta, step: 0.5, max_iterations: config.refine_iterations, min_step: 0.02 };
        force::refine(fine, &mut pos, &schedule, tree);
    }
    finish(graph, &mut pos, radii, config, tree);
    pos
}

/// Like [`layout`], but nodes with `Some` initial position start there and
/// the others next to their placed neighbours; then only a few iterations with
/// a small step run. Adding one relation to a laid-out map therefore moves it
/// a little instead of reshuffling it. Matching nodes between the old and the
/// new graph (by id) is the caller's job. Non-finite positions count as None;
/// with no position at all this is [`layout`].
pub fn layout_from(n: usize, edges: &[(u32, u32)], radii: &[f64], config: &LayoutConfig, initial: &[Option<(f64, f64)>]) -> Vec<f64> {
    if !initial.iter().take(n).flatten().any(|&(x, y)| x.is_finite() && y.is_finite()) {
        return layout(n, edges, radii, config);
    }
    let graph = WGraph::from_edges(n, edges);
    let mut rng = Rng::new(config.seed);
    let mut pos = vec![0.0; 2 * n];
    let mut placed = vec![false; n];
    for (i, p) in initial.iter().take(n).enumerate() {
        if let Some((x, y)) = *p {
            if x.is_finite() && y.is_finite() {
                (pos[2 * i], pos[2 * i + 1], placed[i]) = (x, y, true);
            }
        }
    }
    place_new_nodes(&graph, &mut pos, &mut placed, config.edge_length, &mut rng);
    // The layout was scaled to its own natural length: recover it from the
    // positions (scale covariance), so the forces agree with the old picture.
    let Some(k) = force::natural_length(&graph, &pos) else {
        overlap::remove_overlaps(&mut pos, radii, config.gap);
        return pos;
    };
    let iterations = config.refine_iterations.div_ceil(2);
    let schedule = Schedule { k, theta: config.theta, step: 0.05, max_iterations: iterations, min_step: 0.005 };
    force::refine(&graph, &mut pos, &schedule, &mut QuadTree::default());
    overlap::remove_overlaps(&mut pos, radii, config.gap);
    pos
}

/// Puts every unplaced node at the mean of its placed neighbours plus a small
/// seeded offset, sweeping until no more can be placed; nodes with no placed
/// neighbour at all go at random near the centre of what is there.
fn place_new_nodes(g: &WGraph, pos: &mut [f64], placed: &mut [bool], length: f64, rng: &mut Rng) {
    let n = g.n();
    loop {
        let mut progress = false;
        for u in 0..n {
            if placed[u] {
                continue;
            }
            let (mut sx, mut sy, mut count) = (0.0, 0.0, 0.0);
            for (v, _) in g.neighbours(u).filter(|&(v, _)| placed[v]) {
                sx += pos[2 * v];
                sy += pos[2 * v + 1];
                count += 1.0;
            }
            if count > 0.0 {
                pos[2 * u] = sx / count + (rng.unit() - 0.5) * length;
                pos[2 * u + 1] = sy / count + (rng.unit() - 0.5) * length;
                placed[u] = true;
                progress = true;
            }
        }
        if !progress {
            break;
        }
    }
    let mask: Vec<f64> = placed.iter().map(|&p| if p { 1.0 } else { 0.0 }).collect();
    let (cx, cy) = force::centre(pos, &mask);
    let side = (n as f64).sqrt() * length;
    for u in (0..n).filter(|&u| !placed[u]) {
        pos[2 * u] = cx + (rng.unit() - 0.5) * side;
        pos[2 * u + 1] = cy + (rng.unit() - 0.5) * side;
    }
}

/// Each fine node starts at its coarse node's position, offset by a little
/// seeded noise (coincident nodes would not repel) that grows with the size
/// of the group it was collapsed into.
fn prolong(coarse: &[f64], level: &multilevel::Level, fine: &WGraph, rng: &mut Rng) -> Vec<f64> {
    let mut pos = vec![0.0; 2 * fine.n()];
    for (u, &p) in level.parent.iter().enumerate() {
        let p = p as usize;
        let spread = 0.1 * level.graph.mass[p].sqrt();
        pos[2 * u] = coarse[2 * p] + (rng.unit() - 0.5) * spread;
        pos[2 * u + 1] = coarse[2 * p + 1] + (rng.unit() - 0.5) * spread;
    }
    pos
}

/// Scales the K = 1 layout so the mean edge length is `config.edge_length`,
/// centres it on the origin, spreads it until the median node is clear of
/// its neighbours, and removes the remaining overlaps.
///
/// Force layouts of dense graphs pack their cores far tighter than node
/// circles allow. Pushing circles apart there would scramble the drawing;
/// scaling it uniformly first keeps its shape (stress and crossings do not
/// change under scaling) and leaves the pushes only local work.
fn finish(g: &WGraph, pos: &mut [f64], radii: &[f64], config: &LayoutConfig, tree: &mut QuadTree) {
    let n = g.n();
    let (mut total, mut count) = (0.0, 0.0);
    for u in 0..n {
        for (v, _) in g.neighbours(u).filter(|&(v, _)| v > u) {
            let (dx, dy) = (pos[2 * v] - pos[2 * u], pos[2 * v + 1] - pos[2 * u + 1]);
            total += (dx * dx + dy * dy).sqrt();
            count += 1.0;
        }
    }
    let mut scale = if total > 0.0 { config.edge_length * count / total } else { config.edge_length };
    // A first guess from each node's nearest node in its quadtree leaf (an
    // upper bound on its nearest-neighbour distance) makes the grid of the
    // exact pass sparse enough to be cheap.
    tree.build(pos, &g.mass);
    scale *= crowding(&tree.nearest_in_leaf(), pos, scale, radii, config.gap);
    let (cx, cy) = force::centre(pos, &g.mass);
    for i in 0..n {
        pos[2 * i] = (pos[2 * i] - cx) * scale;
        pos[2 * i + 1] = (pos[2 * i + 1] - cy) * scale;
    }
    let spread = overlap::spread_factor(pos, radii, config.gap, SPREAD_QUANTILE);
    pos.iter_mut().for_each(|v| *v *= spread);
    overlap::remove_overlaps(pos, radii, config.gap);
}

/// Share of nodes that scaling alone should clear of overlaps: the median.
/// Higher spreads big graphs further for little gain; lower leaves more for
/// the pushes to do.
const SPREAD_QUANTILE: f64 = 0.5;

/// The median over nodes of (required / actual) distance to the node `near`
/// names, with positions multiplied by `scale`; at least 1.
fn crowding(near: &[u32], pos: &[f64], scale: f64, radii: &[f64], gap: f64) -> f64 {
    let n = near.len().min(radii.len());
    if n == 0 {
        return 1.0;
    }
    let mut worst = vec![1.0f64; n];
    for u in 0..n {
        let v = near[u] as usize;
        let (dx, dy) = ((pos[2 * v] - pos[2 * u]) * scale, (pos[2 * v + 1] - pos[2 * u + 1]) * scale);
        let (d2, min) = (dx * dx + dy * dy, radii[u] + radii.get(v).copied().unwrap_or(0.0) + gap.max(0.0));
        if d2 > 0.0 && d2 < min * min {
            worst[u] = min / d2.sqrt();
        }
    }
    worst.sort_by(f64::total_cmp);
    worst[((n - 1) as f64 * SPREAD_QUANTILE) as usize]
}
