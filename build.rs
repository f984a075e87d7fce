//! Compiles `data/seed.toml` into `$OUT_DIR/seed.amap` (checked, laid out,
//! encoded), which the wasm module embeds so the demo needs no data request,
//! and `seed-drawing.amap`, the part the first-frame module (crates/paint/) draws.
//! A data error fails the build with the same diagnostics as `alliance-map check`.
//!
//! The core modules are included by path: a build script cannot depend on the
//! crate it builds, and these modules only use `crate::` paths that resolve
//! the same way here.
#![allow(dead_code, unused_imports)]

#[path = "src/check/mod.rs"]
mod check;
#[path = "src/compiled.rs"]
mod compiled;
#[path = "src/date.rs"]
mod date;
#[path = "src/diagnostic.rs"]
mod diagnostic;
#[path = "src/graph.rs"]
mod graph;
#[path = "src/layout/mod.rs"]
mod layout;
#[path = "src/model.rs"]
mod model;
#[path = "src/pipeline.rs"]
mod pipeline;
#[path = "src/synth.rs"]
mod synth;
#[path = "src/vocab.rs"]
mod vocab;

fn main() {
    let seed = "data/seed.toml";
    println!("cargo:rerun-if-changed={seed}");
    // The included core modules decide the layout and the encoding.
    println!("cargo:rerun-if-changed=src");
    let text = std::fs::read_to_string(seed).unwrap_or_else(|e| fail(&format!("cannot read {seed}: {e}")));
    let checked = check::check(&text);
    let report = check::render::human(seed, &text, &checked.diagnostics);
    let Some(dataset) = checked.dataset else {
        fail(&format!("{report}the seed dataset has errors; fix them (run `cargo run -- check {seed}`)"));
    };
    if !checked.diagnostics.is_empty() {
        for line in report.lines() {
            println!("cargo:warning={line}");
        }
    }
    let compiled = pipeline::compile(dataset, &layout::LayoutConfig::default());
    let out_dir = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    write(&out_dir.join("seed.amap"), &compiled::encode(&compiled));
    // The first-frame module embeds only what it draws (see crates/paint/).
    write(&out_dir.join("seed-drawing.amap"), &compiled::encode(&compiled::for_drawing(&compiled)));
}

fn write(path: &std::path::Path, bytes: &[u8]) {
    std::fs::write(path, bytes).unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", path.display())));
}

fn fail(message: &str) -> ! {
    eprintln!("{message}");
    std::process::exit(1);
}
