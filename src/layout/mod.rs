//! Deterministic force-directed layout with overlap removal.
//!
//! Only `+ - * / sqrt` on f64 are used, all exactly rounded by IEEE 754, so
//! the same input gives bit-identical positions natively and in wasm. Random
//! numbers come from the seeded [`Rng`].

mod overlap;

use crate::synth::Rng;

/// Layout settings.
#[derive(Clone, Debug)]
pub struct LayoutConfig {
    /// Seed for the initial placement.
    pub seed: u64,
    /// Number of force iterations.
    pub iterations: usize,
    /// Preferred edge length in world units.
    pub edge_length: f64,
    /// Empty space kept between node circles.
    pub gap: f64,
}

impl Default for LayoutConfig {
    fn default() -> Self {
        LayoutConfig { seed: 1, iterations: 400, edge_length: 45.0, gap: 12.0 }
    }
}

/// Node radius in world units for a degree: area grows with degree.
pub fn radius_for_degree(degree: usize) -> f64 {
    6.0 + 3.0 * (degree as f64).sqrt()
}

/// Lays out `n` nodes joined by `edges`; returns x, y per node, interleaved.
/// No two circles of the given radii overlap in the result.
pub fn layout(n: usize, edges: &[(u32, u32)], radii: &[f64], config: &LayoutConfig) -> Vec<f64> {
    let mut rng = Rng::new(config.seed);
    let side = (n as f64).sqrt() * config.edge_length;
    let mut pos: Vec<f64> = (0..2 * n).map(|_| (rng.unit() - 0.5) * side).collect();
    force_iterations(&mut pos, edges, config);
    overlap::remove_overlaps(&mut pos, radii, config.gap);
    pos
}

/// Fruchterman–Reingold with linear cooling and a weak pull to the centre
/// that keeps disconnected parts near the rest.
fn force_iterations(pos: &mut [f64], edges: &[(u32, u32)], config: &LayoutConfig) {
    let n = pos.len() / 2;
    if n < 2 {
        return;
    }
    let k = config.edge_length;
    let mut disp = vec![0.0f64; 2 * n];
    let start_temp = (n as f64).sqrt() * k * 0.5;
    for iter in 0..config.iterations {
        disp.iter_mut().for_each(|d| *d = 0.0);
        for i in 0..n {
            for j in (i + 1)..n {
                let (dx, dy) = (pos[2 * i] - pos[2 * j], pos[2 * i + 1] - pos[2 * j + 1]);
                let d2 = (dx * dx + dy * dy).max(0.01);
                let f = k * k / d2;
                disp[2 * i] += dx * f;
                disp[2 * i + 1] += dy * f;
                disp[2 * j] -= dx * f;
                disp[2 * j + 1] -= dy * f;
            }
        }
        for &(a, b) in edges {
            let (a, b) = (a as usize, b as usize);
            let (dx, dy) = (pos[2 * a] - pos[2 * b], pos[2 * a + 1] - pos[2 * b + 1]);
            let d = (dx * dx + dy * dy).sqrt().max(0.01);
            let f = d / k;
            disp[2 * a] -= dx * f;
            disp[2 * a + 1] -= dy * f;
            disp[2 * b] += dx * f;
            disp[2 * b + 1] += dy * f;
        }
        let temp = start_temp * (1.0 - iter as f64 / config.iterations as f64) + 0.5;
        for i in 0..n {
            let (gx, gy) = (-pos[2 * i] * 0.05, -pos[2 * i + 1] * 0.05);
            let (dx, dy) = (disp[2 * i] + gx * k, disp[2 * i + 1] + gy * k);
            let len = (dx * dx + dy * dy).sqrt();
            if len > 0.0 {
                let step = len.min(temp) / len;
                pos[2 * i] += dx * step;
                pos[2 * i + 1] += dy * step;
            }
        }
    }
}

/// Number of pairs of circles that overlap (closer than the sum of radii).
pub fn count_overlaps(pos: &[f64], radii: &[f64]) -> usize {
    let n = radii.len();
    let mut count = 0;
    for i in 0..n {
        for j in (i + 1)..n {
            let (dx, dy) = (pos[2 * i] - pos[2 * j], pos[2 * i + 1] - pos[2 * j + 1]);
            let min = radii[i] + radii[j];
            if dx * dx + dy * dy < min * min {
                count += 1;
            }
        }
    }
    count
}
