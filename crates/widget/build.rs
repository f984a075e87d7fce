//! Compiles `data/seed.toml` into `$OUT_DIR/seed.amap` (checked, laid out,
//! encoded), which the wasm module embeds so the demo needs no data request,
//! and `seed-drawing.amap`, the part the first-frame module draws (`compiled::for_drawing`).
//! A data error fails the build with the same diagnostics as `alliance-map check`.
//!
//! It depends on `alliance-map-core` alone (check, layout, the compiled
//! form), so editing the reading half (scene, queries, display, formats,
//! the CLI) or the facade never redoes the seed; editing the core does,
//! because the seed's bytes depend on it.

use alliance_map_core::{check, compiled, layout, pipeline};

fn main() {
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/seed.toml");
    println!("cargo:rerun-if-changed={seed}");
    let text = std::fs::read_to_string(seed).unwrap_or_else(|e| fail(&format!("cannot read {seed}: {e}")));
    let checked = check::check(&text);
    let report = check::render::human(seed, &text, &checked.diagnostics);
    let Some(dataset) = checked.dataset else {
        fail(&format!("{report}the seed dataset has errors; fix them (run `cargo run -- check data/seed.toml`)"));
    };
    if !checked.diagnostics.is_empty() {
        for line in report.lines() {
            println!("cargo:warning={line}");
        }
    }
    let compiled = pipeline::compile(dataset, &layout::LayoutConfig::default());
    let out_dir = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    write(&out_dir.join("seed.amap"), &compiled::encode(&compiled));
    // The first-frame module embeds only what it draws.
    write(&out_dir.join("seed-drawing.amap"), &compiled::encode(&compiled::for_drawing(&compiled)));
}

fn write(path: &std::path::Path, bytes: &[u8]) {
    std::fs::write(path, bytes).unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", path.display())));
}

fn fail(message: &str) -> ! {
    eprintln!("{message}");
    std::process::exit(1);
}
