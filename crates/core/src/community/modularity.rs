//! Modularity (Newman & Girvan, 2004), the score of a partition that
//! detection maximises and tests and benches report: the share of edges
//! inside communities, minus the share expected if edges were rewired at
//! random keeping degrees, Q = Σ_c [L_c/m − (d_c/2m)²], with L_c the edges
//! inside c and d_c its members' degrees. As networkx computes it: a
//! self-loop is one edge inside its node's community and adds 2 to its
//! degree; a repeated pair counts each time.

/// The modularity of the partition `of` (a community per node, any u32
/// ids) of `of.len()` nodes joined by undirected `edges`; edges with an
/// endpoint out of range are ignored, and a graph without edges scores 0.
/// Counted in integers, divided once: exact and order-independent.
pub fn modularity(edges: &[(u32, u32)], of: &[u32]) -> f64 {
    let n = of.len();
    let mut ids = of.to_vec();
    ids.sort_unstable();
    ids.dedup();
    let community = |u: u32| ids.binary_search(&of[u as usize]).expect("every node's id is listed");
    let (mut inside, mut degree) = (0u64, vec![0u64; ids.len()]);
    let mut m = 0u64;
    for &(a, b) in edges.iter().filter(|&&(a, b)| (a as usize) < n && (b as usize) < n) {
        let (ca, cb) = (community(a), community(b));
        m += 1;
        degree[ca] += 1;
        degree[cb] += 1;
        inside += u64::from(ca == cb);
    }
    if m == 0 {
        return 0.0;
    }
    let squares: u128 = degree.iter().map(|&d| u128::from(d) * u128::from(d)).sum();
    let m = m as f64;
    inside as f64 / m - squares as f64 / (4.0 * m * m)
}
