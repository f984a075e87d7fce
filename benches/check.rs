//! `cargo bench --bench check`: throughput of `check` on a generated file of
//! 10,000 entities and 50,000 relations. Goal: the whole check under 1 s.
//! Prints the figures and writes target/bench/check.json.

use alliance_map::check::check;
use alliance_map::synth;
use alliance_map::write_toml::to_toml;
use std::time::Instant;

fn main() {
    let data = synth::dataset(10_000, 50_000, 1);
    let text = to_toml(&data);
    let mb = text.len() as f64 / 1e6;
    let mut times = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let checked = check(&text);
        times.push(t.elapsed().as_secs_f64() * 1e3);
        assert!(checked.diagnostics.is_empty(), "generated file has diagnostics");
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let median = times[times.len() / 2];
    println!(
        "check: {} entities, {} relations, {:.1} MB: median {:.0} ms over {} runs ({:.1} MB/s); goal < 1000 ms",
        data.entities.len(),
        data.relations.len(),
        mb,
        median,
        times.len(),
        mb / (median / 1e3)
    );
    let json = format!(
        "{{\"entities\":{},\"relations\":{},\"bytes\":{},\"ms\":{:.1},\"mb_per_s\":{:.2}}}\n",
        data.entities.len(),
        data.relations.len(),
        text.len(),
        median,
        mb / (median / 1e3)
    );
    let _ = std::fs::create_dir_all("target/bench");
    let _ = std::fs::write("target/bench/check.json", json);
}
