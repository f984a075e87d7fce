//! `cargo bench --bench layout`: our layout, natively, on Barabási–Albert
//! graphs (m = 2, fixed seed) of 1,000, 5,000 and 10,000 nodes. Prints time
//! (median of 3 runs), normalized stress (500 seeded pairs, and 5,000) and,
//! for n ≤ 1,000, edge crossings; then stars of 10k to 80k spokes (time,
//! and its ratio to the star half its size: doubling should cost ~2x).
//!
//! Writes, for `benches/layout.mjs` (which compares with d3-force and with our
//! layout compiled to wasm, on the same graphs):
//! - target/bench/graphs/ba-<n>.json: {"n": n, "edges": [a0, b0, a1, b1, ...]}
//! - target/bench/positions/ours-native-<n>.json: {"n": n, "pos": [x0, y0, ...]}
//! - target/bench/layout-native.json: the rows printed.
//!
//! `cargo bench --bench layout -- metrics` instead reads the positions that
//! layout.mjs wrote for the other implementations and computes the same
//! figures with the same code, into target/bench/layout-metrics.json.

use alliance_map::layout::quality::{edge_crossings, normalized_stress};
use alliance_map::layout::{layout, LayoutConfig};
use alliance_map::model::graph::radius_for_degree;
use alliance_map::synth::barabasi_albert;
use std::fmt::Write as _;
use std::time::Instant;

const SIZES: [usize; 3] = [1_000, 5_000, 10_000];
const GRAPH_SEED: u64 = 1;
const STRESS_PAIRS: usize = 500;
const STRESS_SEED: u64 = 7;
/// Crossings are O(m²) to count: only for graphs this small.
const CROSSINGS_UP_TO: usize = 1_000;
const OTHERS: [&str; 2] = ["ours-wasm", "d3-force"];

fn main() {
    // cargo passes `--bench`; anything else without dashes is ours.
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    std::fs::create_dir_all("target/bench/graphs").expect("create target/bench/graphs");
    std::fs::create_dir_all("target/bench/positions").expect("create target/bench/positions");
    if args.first().map(String::as_str) == Some("metrics") {
        metrics();
    } else {
        native();
    }
}

/// The radii the pipeline would give: by degree.
fn radii(n: usize, edges: &[(u32, u32)]) -> Vec<f64> {
    let mut degree = vec![0usize; n];
    for &(a, b) in edges {
        degree[a as usize] += 1;
        degree[b as usize] += 1;
    }
    degree.into_iter().map(radius_for_degree).collect()
}

/// Stress over 500 pairs (the figure asked for) and over 5,000 (steadier:
/// 500 pairs leave about ±0.01 of sampling noise), and crossings for small graphs.
fn figures(pos: &[f64], edges: &[(u32, u32)], n: usize) -> (f64, f64, Option<usize>) {
    let stress = normalized_stress(pos, edges, n, STRESS_PAIRS, STRESS_SEED);
    let steady = normalized_stress(pos, edges, n, 10 * STRESS_PAIRS, STRESS_SEED + 1);
    let crossings = (n <= CROSSINGS_UP_TO).then(|| edge_crossings(pos, edges));
    (stress, steady, crossings)
}

fn json_numbers<T: std::fmt::Display>(items: impl Iterator<Item = T>) -> String {
    let mut s = String::new();
    for (i, v) in items.enumerate() {
        let _ = write!(s, "{}{v}", if i > 0 { "," } else { "" });
    }
    s
}

fn crossings_json(c: Option<usize>) -> String {
    c.map_or("null".into(), |c| c.to_string())
}

fn native() {
    let config = LayoutConfig::default();
    let mut rows = Vec::new();
    println!("{:>6}  {:<12} {:>9}  {:>7}  {:>9}  {:>9}", "n", "impl", "ms", "stress", "stress@5k", "crossings");
    for n in SIZES {
        let edges = barabasi_albert(n, 2, GRAPH_SEED);
        let graph = format!("{{\"n\":{n},\"edges\":[{}]}}\n", json_numbers(edges.iter().flat_map(|&(a, b)| [a, b])));
        std::fs::write(format!("target/bench/graphs/ba-{n}.json"), graph).expect("write graph");
        let radii = radii(n, &edges);
        let mut times = Vec::new();
        let mut pos = Vec::new();
        for _ in 0..3 {
            let t = Instant::now();
            pos = layout(n, &edges, &radii, &config);
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
        times.sort_by(f64::total_cmp);
        let ms = times[1];
        let doc = format!("{{\"n\":{n},\"pos\":[{}]}}\n", json_numbers(pos.iter()));
        std::fs::write(format!("target/bench/positions/ours-native-{n}.json"), doc).expect("write positions");
        let (stress, steady, crossings) = figures(&pos, &edges, n);
        println!("{n:>6}  {:<12} {ms:>9.1}  {stress:>7.4}  {steady:>9.4}  {:>9}", "ours-native", crossings_json(crossings));
        rows.push(format!(
            "{{\"n\":{n},\"impl\":\"ours-native\",\"ms\":{ms:.1},\"stress\":{stress:.5},\"stress_5000\":{steady:.5},\"crossings\":{}}}",
            crossings_json(crossings)
        ));
    }
    std::fs::write("target/bench/layout-native.json", format!("[\n{}\n]\n", rows.join(",\n"))).expect("write layout-native.json");
    stars(&config);
}

/// Stars (one hub, n spokes): the hub's circle is tens of times a spoke's.
/// Before overlap removal looked big circles up apart, 10k, 20k and 40k
/// spokes took 4.3, 24.7 and 50 s in `build`, and 100k never finished.
fn stars(config: &LayoutConfig) {
    println!("{:>7}  {:>9}  {:>8}", "spokes", "ms", "x prev");
    let mut prev: Option<f64> = None;
    for spokes in [10_000usize, 20_000, 40_000, 80_000] {
        let edges: Vec<(u32, u32)> = (1..=spokes as u32).map(|i| (0, i)).collect();
        let radii = radii(spokes + 1, &edges);
        let t = Instant::now();
        let pos = layout(spokes + 1, &edges, &radii, config);
        let ms = t.elapsed().as_secs_f64() * 1e3;
        assert!(pos.iter().all(|p| p.is_finite()));
        let ratio = prev.map_or("".to_string(), |p| format!("{:.2}", ms / p));
        println!("{spokes:>7}  {ms:>9.1}  {ratio:>8}");
        prev = Some(ms);
    }
}

fn metrics() {
    let mut rows = Vec::new();
    for n in SIZES {
        let Ok(graph) = std::fs::read_to_string(format!("target/bench/graphs/ba-{n}.json")) else { continue };
        let graph: serde_json::Value = serde_json::from_str(&graph).expect("graph JSON");
        let flat: Vec<u32> = graph["edges"].as_array().expect("edges").iter().map(|v| v.as_u64().expect("index") as u32).collect();
        let edges: Vec<(u32, u32)> = flat.chunks(2).map(|p| (p[0], p[1])).collect();
        for name in OTHERS {
            let Ok(doc) = std::fs::read_to_string(format!("target/bench/positions/{name}-{n}.json")) else { continue };
            let doc: serde_json::Value = serde_json::from_str(&doc).expect("positions JSON");
            let pos: Vec<f64> = doc["pos"].as_array().expect("pos").iter().map(|v| v.as_f64().unwrap_or(f64::NAN)).collect();
            let (stress, steady, crossings) = figures(&pos, &edges, n);
            rows.push(format!(
                "{{\"n\":{n},\"impl\":\"{name}\",\"stress\":{stress:.5},\"stress_5000\":{steady:.5},\"crossings\":{}}}",
                crossings_json(crossings)
            ));
        }
    }
    std::fs::write("target/bench/layout-metrics.json", format!("[\n{}\n]\n", rows.join(",\n"))).expect("write layout-metrics.json");
}
