//! Quality figures for a layout, used by the tests and the benchmark to
//! compare layouts (ours, d3-force) with one definition.

use crate::synth::Rng;

/// Pairs of node circles that overlap; see [`super::count_overlaps`].
pub fn node_overlaps(pos: &[f64], radii: &[f64]) -> usize {
    super::count_overlaps(pos, radii)
}

/// Number of pairs of edges that cross properly: each edge's endpoints lie
/// strictly on opposite sides of the other's line. Pairs sharing an endpoint,
/// touching or collinear pairs, self-loops and edges with an endpoint out of
/// range are not counted. Edges are swept by x-extent so that only pairs whose
/// extents overlap are tested, but the worst case is still O(m²): meant for
/// m up to a few thousand (benchmarks count crossings only for n ≤ 1,000).
pub fn edge_crossings(pos: &[f64], edges: &[(u32, u32)]) -> usize {
    let n = pos.len() / 2;
    let p = |i: u32| (pos[2 * i as usize], pos[2 * i as usize + 1]);
    let mut segs: Vec<(f64, f64, u32, u32)> = edges
        .iter()
        .filter(|&&(a, b)| a != b && (a as usize) < n && (b as usize) < n)
        .map(|&(a, b)| (p(a).0.min(p(b).0), p(a).0.max(p(b).0), a, b))
        .collect();
    segs.sort_by(|s, t| s.0.total_cmp(&t.0).then(s.2.cmp(&t.2)).then(s.3.cmp(&t.3)));
    let mut count = 0;
    for (i, &(_, right, a, b)) in segs.iter().enumerate() {
        for &(left, _, c, d) in &segs[i + 1..] {
            if left > right {
                break;
            }
            if a == c || a == d || b == c || b == d {
                continue;
            }
            let (pa, pb, pc, pd) = (p(a), p(b), p(c), p(d));
            if side(pa, pb, pc) * side(pa, pb, pd) < 0.0 && side(pc, pd, pa) * side(pc, pd, pb) < 0.0 {
                count += 1;
            }
        }
    }
    count
}

/// Sign of the turn a → b → c: positive left, negative right, 0 collinear.
fn side(a: (f64, f64), b: (f64, f64), c: (f64, f64)) -> f64 {
    let cross = (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0);
    if cross > 0.0 {
        1.0
    } else if cross < 0.0 {
        -1.0
    } else {
        0.0
    }
}

/// Normalized stress over `samples` seeded random node pairs (i ≠ j): with
/// dᵢⱼ the graph distance in hops (BFS, edges unweighted) and eᵢⱼ the distance
/// in the drawing, the minimum over scales s of Σ (s·eᵢⱼ − dᵢⱼ)² / dᵢⱼ²,
/// divided by the number of pairs used. The best scale makes it independent of
/// the drawing's units; pairs in different components are skipped. 0 is a
/// drawing whose distances are proportional to graph distances; a drawing that
/// puts every node at one point scores 1. O(samples · (n + m)).
pub fn normalized_stress(pos: &[f64], edges: &[(u32, u32)], n: usize, samples: usize, seed: u64) -> f64 {
    let n = n.min(pos.len() / 2);
    if n < 2 {
        return 0.0;
    }
    let (off, adj) = csr(n, edges);
    let mut rng = Rng::new(seed);
    let mut ratios: Vec<f64> = Vec::with_capacity(samples);
    let mut hops = vec![u32::MAX; n];
    let mut queue: Vec<u32> = Vec::with_capacity(n);
    for _ in 0..samples {
        let i = rng.below(n);
        let mut j = rng.below(n - 1);
        if j >= i {
            j += 1;
        }
        let Some(d) = bfs_hops(&off, &adj, i, j, &mut hops, &mut queue) else { continue };
        let (dx, dy) = (pos[2 * i] - pos[2 * j], pos[2 * i + 1] - pos[2 * j + 1]);
        ratios.push((dx * dx + dy * dy).sqrt() / d as f64);
    }
    if ratios.is_empty() {
        return 0.0;
    }
    // d/ds Σ (s·r − 1)² = 0 gives s = Σ r / Σ r², with r = e/d.
    let (sum, sum2) = ratios.iter().fold((0.0, 0.0), |(a, b), &r| (a + r, b + r * r));
    let s = if sum2 > 0.0 { sum / sum2 } else { 0.0 };
    let stress: f64 = ratios.iter().map(|&r| (s * r - 1.0) * (s * r - 1.0)).sum();
    stress / ratios.len() as f64
}

/// Symmetric adjacency in CSR form; invalid edges and self-loops dropped.
fn csr(n: usize, edges: &[(u32, u32)]) -> (Vec<u32>, Vec<u32>) {
    let valid = || edges.iter().filter(|&&(a, b)| a != b && (a as usize) < n && (b as usize) < n);
    let mut off = vec![0u32; n + 1];
    for &(a, b) in valid() {
        off[a as usize + 1] += 1;
        off[b as usize + 1] += 1;
    }
    for i in 0..n {
        off[i + 1] += off[i];
    }
    let mut fill = off.clone();
    let mut adj = vec![0u32; off[n] as usize];
    for &(a, b) in valid() {
        for (x, y) in [(a, b), (b, a)] {
            adj[fill[x as usize] as usize] = y;
            fill[x as usize] += 1;
        }
    }
    (off, adj)
}

/// Hops from `from` to `to`, or None if unreachable; stops once `to` is seen.
fn bfs_hops(off: &[u32], adj: &[u32], from: usize, to: usize, hops: &mut [u32], queue: &mut Vec<u32>) -> Option<u32> {
    queue.clear();
    queue.push(from as u32);
    hops[from] = 0;
    let mut head = 0;
    let mut found = None;
    while head < queue.len() && found.is_none() {
        let u = queue[head] as usize;
        head += 1;
        for &v in &adj[off[u] as usize..off[u + 1] as usize] {
            if hops[v as usize] == u32::MAX {
                hops[v as usize] = hops[u] + 1;
                queue.push(v);
                if v as usize == to {
                    found = Some(hops[u] + 1);
                    break;
                }
            }
        }
    }
    // Reset only what was touched, so each search costs what it visits.
    for &v in queue.iter() {
        hops[v as usize] = u32::MAX;
    }
    found
}
