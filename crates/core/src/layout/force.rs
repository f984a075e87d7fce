//! The spring–electrical model of sfdp (Hu 2005) on one level of the
//! hierarchy, with its adaptive step length.
//!
//! Forces, for a natural length K: every pair repels with C·K²·mᵢ·mⱼ/d
//! (Barnes–Hut), every edge attracts with w·d²/K, and a pull of g·m·r
//! towards the centre of mass keeps the drawing compact. All three scale
//! with the layout: a layout in balance for K, scaled by s, is in balance for
//! s·K. That is what lets the multilevel scheme work at K = 1 and scale once
//! at the end, and lets a warm start recover K from the positions it is given
//! ([`natural_length`]).

use super::barnes_hut::QuadTree;
use super::multilevel::WGraph;

/// Relative strength of repulsion (sfdp's C).
const REPULSION: f64 = 0.2;
/// Pull towards the centre of mass. Components are laid out one at a time,
/// so this holds nothing together; it makes each part round and compact
/// (long chains curl up instead of stretching across the map, clusters sit
/// close), at no measurable cost in stress on the benchmark graphs.
const GRAVITY: f64 = 3.0 * REPULSION;
/// Step-length update factor (Hu's t).
const COOL: f64 = 0.9;

/// How one run of [`refine`] behaves.
pub struct Schedule {
    /// Natural edge length K.
    pub k: f64,
    /// Barnes–Hut opening criterion.
    pub theta: f64,
    /// First step length, in units of K.
    pub step: f64,
    /// Stop after this many iterations...
    pub max_iterations: usize,
    /// ...or when the step has shrunk below this (in units of K).
    pub min_step: f64,
}

/// Moves every node by the step length along its net force, then adapts the
/// step: it grows after five iterations in a row that lowered the energy
/// (the sum of squared forces) and shrinks after any that did not.
pub fn refine(g: &WGraph, pos: &mut [f64], s: &Schedule, tree: &mut QuadTree) {
    let n = g.n();
    if n < 2 {
        return;
    }
    let mut force = vec![0.0; 2 * n];
    let (mut step, max_step) = (s.step * s.k, s.step * s.k);
    let (mut energy0, mut progress) = (f64::INFINITY, 0);
    for _ in 0..s.max_iterations {
        forces(g, pos, s.k, s.theta, tree, &mut force);
        let mut energy = 0.0;
        for i in 0..n {
            let (fx, fy) = (force[2 * i], force[2 * i + 1]);
            let f2 = fx * fx + fy * fy;
            energy += f2;
            if f2 > 0.0 {
                let scale = step / f2.sqrt();
                pos[2 * i] += fx * scale;
                pos[2 * i + 1] += fy * scale;
            }
        }
        if energy < energy0 {
            progress += 1;
            if progress >= 5 {
                progress = 0;
                step = (step / COOL).min(max_step);
            }
        } else {
            progress = 0;
            step *= COOL;
        }
        energy0 = energy;
        if step < s.min_step * s.k {
            break;
        }
    }
}

/// Net force on every node, interleaved, into `force`.
fn forces(g: &WGraph, pos: &[f64], k: f64, theta: f64, tree: &mut QuadTree, force: &mut [f64]) {
    let n = g.n();
    force.iter_mut().for_each(|f| *f = 0.0);
    tree.build(pos, &g.mass);
    tree.repulsion(theta, REPULSION * k * k, force);
    for u in 0..n {
        for (v, w) in g.neighbours(u) {
            if v <= u {
                continue;
            }
            let (dx, dy) = (pos[2 * v] - pos[2 * u], pos[2 * v + 1] - pos[2 * u + 1]);
            let f = w * (dx * dx + dy * dy).sqrt() / k;
            force[2 * u] += dx * f;
            force[2 * u + 1] += dy * f;
            force[2 * v] -= dx * f;
            force[2 * v + 1] -= dy * f;
        }
    }
    let (cx, cy) = centre(pos, &g.mass);
    for i in 0..n {
        let m = GRAVITY * g.mass[i];
        force[2 * i] -= m * (pos[2 * i] - cx);
        force[2 * i + 1] -= m * (pos[2 * i + 1] - cy);
    }
}

/// Centre of mass.
pub fn centre(pos: &[f64], mass: &[f64]) -> (f64, f64) {
    let (mut m, mut x, mut y) = (0.0, 0.0, 0.0);
    for (i, &mi) in mass.iter().enumerate() {
        m += mi;
        x += mi * pos[2 * i];
        y += mi * pos[2 * i + 1];
    }
    if m > 0.0 {
        (x / m, y / m)
    } else {
        (0.0, 0.0)
    }
}

/// The K for which `pos` is in balance on average, from the virial
/// Σ xᵢ·Fᵢ = 0: C·K³·Σ_{i<j} mᵢmⱼ − g·K·Σ mᵢ rᵢ² − Σ_edges w·d³ = 0 (every
/// pair's repulsion does the same virial work whatever their distance). Solved
/// by Newton's method, which needs only + − × ÷. None when there is nothing
/// to balance (no edges, or everything at one point).
pub fn natural_length(g: &WGraph, pos: &[f64]) -> Option<f64> {
    let n = g.n();
    let (total, mut sq) = (g.mass.iter().sum::<f64>(), 0.0);
    for &m in &g.mass {
        sq += m * m;
    }
    let pairs = (total * total - sq) / 2.0;
    let (cx, cy) = centre(pos, &g.mass);
    let (mut spread, mut springs) = (0.0, 0.0);
    for u in 0..n {
        let (rx, ry) = (pos[2 * u] - cx, pos[2 * u + 1] - cy);
        spread += g.mass[u] * (rx * rx + ry * ry);
        for (v, w) in g.neighbours(u).filter(|&(v, _)| v > u) {
            let (dx, dy) = (pos[2 * v] - pos[2 * u], pos[2 * v + 1] - pos[2 * u + 1]);
            let d2 = dx * dx + dy * dy;
            springs += w * d2 * d2.sqrt();
        }
    }
    let (a, b, c) = (REPULSION * pairs, GRAVITY * spread, springs);
    if a <= 0.0 || c <= 0.0 {
        return None;
    }
    // f(K) = a·K³ − b·K − c is convex for K > 0 and its root lies above
    // both sqrt(b/a) and cbrt(c/a); Newton from an upper bound descends
    // monotonically onto it.
    let mut k = 1.0 + (b / a).sqrt() + c / a;
    for _ in 0..200 {
        let next = k - (a * k * k * k - b * k - c) / (3.0 * a * k * k - b);
        if next >= k {
            break;
        }
        k = next;
    }
    Some(k)
}



