//! The force layout on a table of generated graphs and on the seed:
//! deterministic, never overlapping (circles plus the gap), bounded stress,
//! stable under a warm start; and the quality figures on hand-made cases.
//! Sizes are kept small enough for a debug build.

use alliance_map::model::EntityIx;
use alliance_map::model::graph::Adjacency;
use alliance_map::layout::quality::{edge_crossings, node_overlaps, normalized_stress};
use alliance_map::layout::{count_overlaps, layout, layout_from, LayoutConfig};
use alliance_map::model::graph::radius_for_degree;
use alliance_map::synth::{barabasi_albert, Rng};

fn radii(n: usize, edges: &[(u32, u32)]) -> Vec<f64> {
    let mut degree = vec![0; n];
    for &(a, b) in edges.iter().filter(|&&(a, b)| (a as usize) < n && (b as usize) < n) {
        degree[a as usize] += 1;
        degree[b as usize] += 1;
    }
    degree.into_iter().map(radius_for_degree).collect()
}

fn star(n: usize) -> Vec<(u32, u32)> {
    (1..n as u32).map(|v| (0, v)).collect()
}

fn path(n: usize) -> Vec<(u32, u32)> {
    (1..n as u32).map(|v| (v - 1, v)).collect()
}

/// (name, nodes, edges): shapes that stress different parts of the layout.
type Case = (&'static str, usize, Vec<(u32, u32)>);

fn graphs() -> Vec<Case> {
    let seed = crate::seed::seed();
    let seed_edges = seed.relations.iter().map(|r| (r.from.0, r.to.0)).collect();
    let mut parts = path(30);
    parts.extend(star(12).iter().map(|&(a, b)| (a + 30, b + 30)));
    vec![
        ("empty", 0, vec![]),
        ("one node", 1, vec![]),
        ("isolated nodes", 40, vec![]),
        ("one edge", 2, vec![(0, 1)]),
        ("loops, repeats and bad ends", 5, vec![(0, 0), (0, 1), (1, 0), (0, 1), (2, 9), (3, 4)]),
        ("star", 60, star(60)),
        ("path", 80, path(80)),
        ("components", 50, parts),
        ("seed", seed.entities.len(), seed_edges),
        ("ba-200", 200, barabasi_albert(200, 2, 3)),
        ("ba-1000", 1000, barabasi_albert(1000, 2, 4)),
    ]
}

/// Overlap of circles grown by half the gap: zero means every pair is at
/// least r₁ + r₂ + gap apart, the layout's promise.
fn gap_overlaps(pos: &[f64], radii: &[f64], gap: f64) -> usize {
    let grown: Vec<f64> = radii.iter().map(|r| r + gap / 2.0).collect();
    count_overlaps(pos, &grown)
}

#[test]
fn layouts_are_deterministic_finite_and_never_overlap() {
    let config = LayoutConfig::default();
    for (name, n, edges) in graphs() {
        let r = radii(n, &edges);
        let a = layout(n, &edges, &r, &config);
        assert_eq!(a.len(), 2 * n, "{name}");
        assert!(a.iter().all(|v| v.is_finite()), "{name}: non-finite position");
        assert_eq!(gap_overlaps(&a, &r, config.gap), 0, "{name}: circles closer than the gap");
        assert_eq!(node_overlaps(&a, &r), 0, "{name}");
        if n <= 200 {
            let b = layout(n, &edges, &r, &config);
            let bits = |p: &[f64]| p.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&a), bits(&b), "{name}: same input, same bits");
        }
    }
}

#[test]
fn the_seed_matters_and_the_seed_dataset_keeps_its_stories_together() {
    let data = crate::seed::seed();
    let edges: Vec<(u32, u32)> = data.relations.iter().map(|r| (r.from.0, r.to.0)).collect();
    let n = data.entities.len();
    let adj = Adjacency::new(&data);
    let r: Vec<f64> = (0..n).map(|e| radius_for_degree(adj.degree(EntityIx::at(e)))).collect();
    let a = layout(n, &edges, &r, &LayoutConfig::default());
    assert_ne!(a, layout(n, &edges, &r, &LayoutConfig { seed: 2, ..Default::default() }));
    // Neighbours sit closer than the average pair: clusters, not a shuffle.
    let dist = |i: usize, j: usize| ((a[2 * i] - a[2 * j]).powi(2) + (a[2 * i + 1] - a[2 * j + 1]).powi(2)).sqrt();
    let along: f64 = edges.iter().map(|&(u, v)| dist(u as usize, v as usize)).sum::<f64>() / edges.len() as f64;
    let all: f64 = (0..n).flat_map(|i| (0..i).map(move |j| (i, j))).map(|(i, j)| dist(i, j)).sum::<f64>() / (n * (n - 1) / 2) as f64;
    assert!(along * 3.0 < all, "edges {along:.0} vs all pairs {all:.0}");
    assert!(edge_crossings(&a, &edges) <= 3, "{} crossings", edge_crossings(&a, &edges));
}

/// Normalized stress of BA(1000, 2) with the default settings measured
/// 0.1705 (500 pairs; d3-force: 0.181); the bound leaves room for tuning,
/// not for breakage.
const STRESS_BOUND_BA_1000: f64 = 0.21;

#[test]
fn stress_on_a_scale_free_graph_stays_below_the_bound() {
    let (n, edges) = (1000, barabasi_albert(1000, 2, 1));
    let pos = layout(n, &edges, &radii(n, &edges), &LayoutConfig::default());
    let stress = normalized_stress(&pos, &edges, n, 500, 7);
    assert!(stress < STRESS_BOUND_BA_1000, "stress {stress:.4}");
}

#[test]
fn one_more_relation_moves_the_map_a_little() {
    let n = 300;
    let edges = barabasi_albert(n, 2, 5);
    let config = LayoutConfig::default();
    let before = layout(n, &edges, &radii(n, &edges), &config);
    let mut more = edges.clone();
    more.push((3, 290));
    let initial: Vec<Option<(f64, f64)>> = (0..n).map(|i| Some((before[2 * i], before[2 * i + 1]))).collect();
    let r = radii(n, &more);
    let after = layout_from(n, &more, &r, &config, &initial);
    assert_eq!(gap_overlaps(&after, &r, config.gap), 0);
    let (xs, ys): (Vec<f64>, Vec<f64>) = (0..n).map(|i| (before[2 * i], before[2 * i + 1])).unzip();
    let span = |v: &[f64]| v.iter().cloned().fold(f64::MIN, f64::max) - v.iter().cloned().fold(f64::MAX, f64::min);
    let extent = (span(&xs).powi(2) + span(&ys).powi(2)).sqrt();
    let moved = |p: &[f64]| (0..n).map(|i| ((p[2 * i] - before[2 * i]).powi(2) + (p[2 * i + 1] - before[2 * i + 1]).powi(2)).sqrt()).sum::<f64>() / n as f64;
    assert!(moved(&after) < 0.05 * extent, "warm start moved {:.1} of {extent:.1}", moved(&after));
    // A cold layout of the same graph is a reshuffle: the warm start is what helps.
    assert!(moved(&layout(n, &more, &r, &config)) > 0.1 * extent);
}

#[test]
fn a_warm_start_places_new_nodes_near_their_neighbours() {
    let n = 120;
    let edges = barabasi_albert(n, 2, 6);
    let config = LayoutConfig::default();
    let old = layout(n - 1, &edges[..edges.len() - 2], &radii(n - 1, &edges[..edges.len() - 2]), &config);
    // Node n - 1 is new; an initial position that is not finite counts as none.
    let mut initial: Vec<Option<(f64, f64)>> = (0..n - 1).map(|i| Some((old[2 * i], old[2 * i + 1]))).collect();
    initial[5] = Some((f64::NAN, 0.0));
    initial.push(None);
    let r = radii(n, &edges);
    let pos = layout_from(n, &edges, &r, &config, &initial);
    assert!(pos.iter().all(|v| v.is_finite()));
    assert_eq!(gap_overlaps(&pos, &r, config.gap), 0);
    let all_new = layout_from(n, &edges, &r, &config, &[]);
    assert_eq!(gap_overlaps(&all_new, &r, config.gap), 0);
}

/// Overlapping pairs, every pair compared.
fn brute_overlaps(pos: &[f64], r: &[f64]) -> usize {
    let mut count = 0;
    for i in 0..r.len() {
        for j in 0..i {
            let (dx, dy) = (pos[2 * i] - pos[2 * j], pos[2 * i + 1] - pos[2 * j + 1]);
            count += usize::from(dx * dx + dy * dy < (r[i] + r[j]) * (r[i] + r[j]));
        }
    }
    count
}

#[test]
fn the_overlap_count_is_exact() {
    let mut rng = Rng::new(11);
    for round in 0..20 {
        let n = 50 + round * 10;
        let pos: Vec<f64> = (0..2 * n).map(|_| rng.unit() * 400.0).collect();
        let r: Vec<f64> = (0..n).map(|_| 2.0 + rng.unit() * if round % 3 == 0 { 40.0 } else { 10.0 }).collect();
        assert_eq!(count_overlaps(&pos, &r), brute_overlaps(&pos, &r), "round {round}");
    }
}

#[test]
fn the_overlap_count_is_exact_with_a_few_circles_far_bigger_than_the_rest() {
    // Hubs among leaves: the big circles are looked up in their own grid.
    let mut rng = Rng::new(12);
    for round in 0..10 {
        let n = 400 + round * 50;
        let pos: Vec<f64> = (0..2 * n).map(|_| rng.unit() * 800.0).collect();
        let r: Vec<f64> = (0..n).map(|i| if i % 97 == round { 60.0 + rng.unit() * 200.0 } else { 3.0 + rng.unit() * 4.0 }).collect();
        assert_eq!(count_overlaps(&pos, &r), brute_overlaps(&pos, &r), "round {round}");
    }
}

#[test]
fn a_star_of_5000_spokes_is_laid_out_with_no_overlap() {
    // Its hub's circle is 40 times a spoke's: the case that made overlap removal quadratic.
    let n = 5001;
    let edges: Vec<(u32, u32)> = (1..n as u32).map(|i| (0, i)).collect();
    let r = radii(n, &edges);
    let config = LayoutConfig::default();
    let pos = layout(n, &edges, &r, &config);
    assert!(pos.iter().all(|p| p.is_finite()));
    assert_eq!(gap_overlaps(&pos, &r, config.gap), 0);
}

#[test]
fn crossings_count_proper_crossings_only() {
    // A unit square: its two diagonals cross; sides meet only at corners.
    let pos = [0.0, 0.0, 1.0, 0.0, 1.0, 1.0, 0.0, 1.0];
    let square = [(0, 1), (1, 2), (2, 3), (3, 0)];
    assert_eq!(edge_crossings(&pos, &square), 0);
    assert_eq!(edge_crossings(&pos, &[(0, 2), (1, 3)]), 1);
    assert_eq!(edge_crossings(&pos, &[(0, 2), (1, 3), (0, 1), (2, 3), (7, 1), (2, 2)]), 1);
    // Touching at a point that is not an endpoint is not a proper crossing.
    let t = [0.0, 0.0, 2.0, 0.0, 1.0, 0.0, 1.0, 1.0];
    assert_eq!(edge_crossings(&t, &[(0, 1), (2, 3)]), 0);
}

#[test]
fn stress_is_zero_for_a_straight_path_and_one_for_a_point() {
    let n = 10;
    let edges = path(n);
    let line: Vec<f64> = (0..n).flat_map(|i| [3.0 * i as f64, 7.0]).collect();
    assert!(normalized_stress(&line, &edges, n, 500, 1) < 1e-12);
    assert!((normalized_stress(&vec![0.0; 2 * n], &edges, n, 500, 1) - 1.0).abs() < 1e-12);
    // Pairs in different components are skipped: no pair, no stress.
    assert_eq!(normalized_stress(&line, &[], n, 500, 1), 0.0);
    assert_eq!(normalized_stress(&line, &edges, n, 50, 3), normalized_stress(&line, &edges, n, 50, 3));
}
