//! A generated dataset as TOML on standard output, for benchmarks that need
//! a large map a person did not write: `synth::dataset` (the seeded
//! Barabási–Albert generator shared by tests and benches) with names of a
//! realistic length (about 42 characters, like "Shenzhen Huaxin
//! Semiconductor Investment Fund"), so label placement has real work.
//!
//!     cargo run --release --example synth_toml -- ENTITIES RELATIONS SEED [SHAPE] > data.toml
//!
//! SHAPE is `ba` (the default), `star` (entity 0 joined to ENTITIES - 1
//! spokes) or `complete` (every pair joined): the shapes that once hung the
//! layout and the picking grid (issue 19), for the browser tests at scale.

use alliance_map::{formats::write_toml::to_toml, synth};

const PLACES: [&str; 20] = [
    "Shenzhen", "Northbridge", "Hangzhou", "Pacific", "Bavarian", "Suzhou", "Atlantic", "Kyoto", "Great Lakes", "Chengdu", "Rhine Valley", "Silicon Coast", "Wuxi", "Nordic", "Hsinchu", "Midland", "Guangdong", "Alpine", "Tianjin", "Cascade",
];
const ROOTS: [&str; 25] = [
    "Huaxin", "Meridian", "Zhongke", "Apex", "Longwei", "Helios", "Tianhe", "Vanguard", "Jinyuan", "Orion", "Xinda", "Summit", "Ruixin", "Keystone", "Haiguang", "Pinnacle", "Yuanjing", "Sterling", "Baorui", "Horizon", "Kaida", "Crestline", "Fenghua", "Lodestar", "Mingyang",
];
const SECTORS: [&str; 20] = [
    "Semiconductor", "Advanced Materials", "Battery Technology", "Photonics", "Automotive Systems", "Cloud Computing", "Robotics", "Biopharma", "Precision Machinery", "Telecommunications", "Energy Storage", "Display Technology", "Aerospace", "Industrial Software", "Rare Earth", "Lithography", "Power Electronics", "Sensor Systems", "Quantum Computing", "Venture Capital",
];
const SUFFIXES: [&str; 10] = ["Co., Ltd.", "Holdings", "Group", "Corporation", "Industry Alliance", "Investment Fund", "Technologies", "Association", "Partners", "Inc."];

fn arg(args: &[String], i: usize, name: &str) -> usize {
    args.get(i).and_then(|a| a.parse().ok()).unwrap_or_else(|| {
        eprintln!("error: {name} must be a whole number\nusage: cargo run --release --example synth_toml -- ENTITIES RELATIONS SEED [ba|star|complete] > data.toml");
        std::process::exit(2);
    })
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (entities, relations, seed) = (arg(&args, 0, "ENTITIES"), arg(&args, 1, "RELATIONS"), arg(&args, 2, "SEED"));
    let mut data = match args.get(3).map(String::as_str).unwrap_or("ba") {
        "ba" => synth::dataset(entities, relations, seed as u64),
        "star" => synth::dataset_of_edges(entities, &synth::star(entities.saturating_sub(1))),
        "complete" => synth::dataset_of_edges(entities, &synth::complete(entities)),
        other => {
            eprintln!("error: unknown SHAPE `{other}`: expected `ba`, `star` or `complete`");
            std::process::exit(2);
        }
    };
    let mut rng = synth::Rng::new(seed as u64 + 1);
    let n = data.entities.len().max(1);
    for (i, e) in data.entities.iter_mut().enumerate() {
        // 7919 is prime: i -> j is a permutation, so each (place, root, sector) comes once.
        let j = (i * 7919) % n;
        let (p, r, s) = (j % PLACES.len(), (j / PLACES.len()) % ROOTS.len(), (j / (PLACES.len() * ROOTS.len())) % SECTORS.len());
        e.name = format!("{} {} {} {}", PLACES[p], ROOTS[r], SECTORS[s], SUFFIXES[rng.below(SUFFIXES.len())]);
    }
    print!("{}", to_toml(&data));
}
