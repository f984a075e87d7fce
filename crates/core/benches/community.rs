//! `cargo bench -p alliance-map-core --bench community`: community detection
//! at 10,000 and 100,000 entities (Barabási–Albert graphs, m = 5, so 50,000
//! and 500,000 relations, fixed seed): our time (median of 5 runs), the
//! communities found and their modularity; beside it, from the same run and
//! on the same edges, networkx's `louvain_communities(G, seed=1)` (timed in
//! Python, its partition scored by the same `modularity`). Without python3
//! or networkx (`python3 -m pip install -r tests/interop/requirements.txt`)
//! it says so and goes on. networkx needs seconds at 10k and about ten
//! minutes at 100k on a shared 2-core machine: `-- quick` leaves that run
//! out. Writes the figures to target/bench/community.json.
//! It lives in the core, beside what it measures, so building it builds the
//! core alone.

use alliance_map_core::community::{communities, modularity};
use alliance_map_core::synth::barabasi_albert;
use std::process::Command;
use std::time::Instant;

const SIZES: [(usize, &str); 2] = [(10_000, "10k"), (100_000, "100k")];
const M: usize = 5;
const GRAPH_SEED: u64 = 1;
const SEED: u64 = 1;
const RUNS: usize = 5;

/// Reads `path` (one edge a line) into an nx.Graph of `n` nodes, runs
/// Louvain `runs` times, prints the median seconds, then each node's
/// community on one line. Prints "missing" without networkx.
const PEER: &str = r#"
import sys, time
try:
    import networkx as nx
except ImportError:
    print("missing")
    sys.exit(0)
path, n, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
G = nx.Graph()
G.add_nodes_from(range(n))
with open(path) as f:
    G.add_edges_from(tuple(map(int, line.split())) for line in f)
times = []
for _ in range(runs):
    t = time.perf_counter()
    parts = nx.community.louvain_communities(G, seed=1)
    times.append(time.perf_counter() - t)
label = [0] * n
for i, part in enumerate(parts):
    for u in part:
        label[u] = i
print(sorted(times)[len(times) // 2])
print(" ".join(map(str, label)))
"#;

/// What one implementation found: seconds, communities, modularity.
struct Figures {
    seconds: f64,
    count: usize,
    q: f64,
}

fn main() {
    // cargo passes `--bench`; anything else without dashes is ours.
    let quick = std::env::args().skip(1).any(|a| a == "quick");
    let mut rows = Vec::new();
    for (n, name) in SIZES {
        let edges = barabasi_albert(n, M, GRAPH_SEED);
        let ours = ours(n, &edges);
        // networkx takes seconds per run at 10k and a minute or more at 100k: fewer runs there.
        let peer_runs = if n <= 10_000 { 3 } else { 1 };
        let peer = if quick && n > 10_000 { Err("networkx left out (quick)".into()) } else { peer(n, &edges, peer_runs) };
        let beside = match &peer {
            Ok(p) => format!("networkx louvain {} (Q {:.3}, {} communities; {})", time(p.seconds), p.q, p.count, runs(peer_runs)),
            Err(why) => format!("peer: {why}"),
        };
        println!("community {name}: ours {} (Q {:.3}, {} communities; {}) · {beside}", time(ours.seconds), ours.q, ours.count, runs(RUNS));
        rows.push(json_row(n, edges.len(), "ours", &ours));
        if let Ok(p) = &peer {
            rows.push(json_row(n, edges.len(), "networkx", p));
        }
    }
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../target/bench");
    std::fs::create_dir_all(dir).expect("create target/bench");
    std::fs::write(format!("{dir}/community.json"), format!("[\n{}\n]\n", rows.join(",\n"))).expect("write community.json");
}

fn ours(n: usize, edges: &[(u32, u32)]) -> Figures {
    let mut times = Vec::new();
    let mut found = communities(n, edges, SEED);
    for _ in 0..RUNS {
        let t = Instant::now();
        found = communities(n, edges, SEED);
        times.push(t.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    Figures { seconds: times[RUNS / 2], count: found.count, q: modularity(edges, &found.of) }
}

/// networkx on the same edges, through a temporary edge list.
fn peer(n: usize, edges: &[(u32, u32)], runs: usize) -> Result<Figures, String> {
    let path = std::env::temp_dir().join(format!("alliance-map-community-{n}-{}.txt", std::process::id()));
    let text: String = edges.iter().map(|&(a, b)| format!("{a} {b}\n")).collect();
    std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    let output = Command::new("python3").arg("-c").arg(PEER).arg(&path).arg(n.to_string()).arg(runs.to_string()).output();
    let _ = std::fs::remove_file(&path);
    let output = output.map_err(|_| "python3 not found".to_string())?;
    let (stdout, stderr) = (String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    let (seconds, of) = read_peer(&stdout, n).map_err(|why| format!("{why} {}", stderr.trim()).trim_end().to_string())?;
    let count = of.iter().max().map_or(0, |&c| c as usize + 1);
    Ok(Figures { seconds, count, q: modularity(edges, &of) })
}

/// The script's output: median seconds, then a community per node.
fn read_peer(stdout: &str, n: usize) -> Result<(f64, Vec<u32>), String> {
    let mut lines = stdout.lines();
    let seconds = match lines.next() {
        Some("missing") => return Err("networkx not installed".into()),
        None => return Err("python3 failed:".into()),
        Some(line) => line.trim().parse::<f64>().map_err(|_| format!("unexpected output: {line}"))?,
    };
    let of: Vec<u32> = lines.next().unwrap_or("").split_whitespace().map(|x| x.parse().unwrap_or(u32::MAX)).collect();
    if of.len() != n {
        return Err(format!("networkx gave {} labels for {n} nodes", of.len()));
    }
    Ok((seconds, of))
}

fn time(seconds: f64) -> String {
    if seconds < 1.0 {
        format!("{:.0} ms", seconds * 1e3)
    } else {
        format!("{seconds:.1} s")
    }
}

fn runs(k: usize) -> String {
    if k == 1 { "1 run".into() } else { format!("median of {k}") }
}

fn json_row(n: usize, m: usize, name: &str, f: &Figures) -> String {
    format!("{{\"n\":{n},\"edges\":{m},\"impl\":\"{name}\",\"ms\":{:.1},\"communities\":{},\"modularity\":{:.5}}}", f.seconds * 1e3, f.count, f.q)
}
