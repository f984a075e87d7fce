//! alliance-map: compiles cited entity and relation data into a network
//! diagram. The core is plain Rust (tested with `cargo test`); `check` and the
//! exporters are native-only; `wasm` is the only module that knows wasm-bindgen.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod compiled;
pub mod date;
pub mod display;
pub mod display_json;
mod draw_exports;
pub mod diagnostic;
pub mod figure;
pub mod graph;
pub mod labels;
pub mod markup;
pub mod layout;
pub mod model;
pub mod pipeline;
pub mod query;
pub mod scene;
pub mod seed;
pub mod sentence;
pub mod sort;
pub mod spatial;
pub mod style;
pub mod svg;
pub mod synth;
pub mod view;
pub mod vocab;

#[cfg(all(target_arch = "wasm32", feature = "facade"))]
pub mod wasm;

#[cfg(not(target_arch = "wasm32"))]
pub mod check;
#[cfg(not(target_arch = "wasm32"))]
pub mod jgf;
#[cfg(not(target_arch = "wasm32"))]
pub mod export;
#[cfg(not(target_arch = "wasm32"))]
pub mod import;
#[cfg(not(target_arch = "wasm32"))]
pub mod site;
#[cfg(not(target_arch = "wasm32"))]
pub mod write_toml;
