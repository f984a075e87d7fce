//! The picking grids: whatever the spread of segments (a hub's ties cross the
//! whole map), every segment within the radius of a point is a candidate,
//! and a long segment is filed in the cells along it, not its whole box.

use alliance_map::scene::spatial::{segment_distance2, Grid};
use alliance_map::synth::Rng;

fn random_segments(n: usize, seed: u64) -> Vec<[f32; 4]> {
    let mut rng = Rng::new(seed);
    let mut at = || (rng.unit() as f32 - 0.5) * 2000.0;
    (0..n)
        .map(|i| match i % 5 {
            0 => {
                let (x, y) = (at(), at());
                [x, y, x, y + 700.0] // vertical
            }
            1 => {
                let (x, y) = (at(), at());
                [x, y, x + 900.0, y] // horizontal
            }
            2 => {
                let (x, y) = (at(), at());
                [x, y, x, y] // a point (both ends on one spot)
            }
            _ => [at(), at(), at(), at()],
        })
        .collect()
}

#[test]
fn every_segment_within_the_radius_of_a_point_is_a_candidate() {
    let segments = random_segments(3000, 11);
    let grid = Grid::build_segments(&segments, 32.0);
    let mut rng = Rng::new(12);
    for k in 0..3000 {
        let p = ((rng.unit() as f32 - 0.5) * 2200.0, (rng.unit() as f32 - 0.5) * 2200.0);
        let radius = [0.5, 6.0, 40.0][k % 3];
        let candidates = grid.near(p.0, p.1, radius);
        for (i, s) in segments.iter().enumerate() {
            if segment_distance2(p, (s[0], s[1]), (s[2], s[3])) <= radius * radius {
                assert!(candidates.binary_search(&(i as u32)).is_ok(), "segment {i} {s:?} is {radius} from {p:?} but not a candidate");
            }
        }
    }
}

#[test]
fn a_long_segment_is_filed_along_itself_not_in_its_whole_box() {
    // A diagonal across a 256 x 256 grid: its box is every cell, its path about 2 x 256.
    let segments = vec![[0.0, 0.0, 8192.0, 8192.0], [0.0, 8192.0, 1.0, 8191.0]];
    let grid = Grid::build_segments(&segments, 32.0);
    assert!(grid.filed() < 4 * 256, "{} cells filed for a diagonal across the map", grid.filed());
    assert!(grid.near(8192.0, 0.0, 10.0).is_empty(), "the far corner is nowhere near the diagonal");
    assert_eq!(grid.near(4096.0, 4096.0, 1.0), vec![0]);
}

#[test]
fn a_complete_graph_files_its_edges_within_the_budget() {
    // 1,000 points on a circle, every pair joined: 499,500 long edges.
    let n = 1000;
    let pts: Vec<(f32, f32)> = (0..n).map(|i| {
        let a = i as f32 / n as f32 * std::f32::consts::TAU;
        (4000.0 * a.cos(), 4000.0 * a.sin())
    }).collect();
    let mut segments = Vec::new();
    for i in 0..n {
        for j in 0..i {
            segments.push([pts[i].0, pts[i].1, pts[j].0, pts[j].1]);
        }
    }
    let grid = Grid::build_segments(&segments, 32.0);
    assert!(grid.filed() <= alliance_map::scene::spatial::SEGMENT_BUDGET + 3 * segments.len(), "{} entries", grid.filed());
    // Still exact: the edge between points 0 and 1 is found at its midpoint.
    let mid = ((pts[0].0 + pts[1].0) / 2.0, (pts[0].1 + pts[1].1) / 2.0);
    let hits = grid.near(mid.0, mid.1, 1.0);
    assert!(hits.contains(&0), "the edge 1–0 (index 0) is a candidate");
}
