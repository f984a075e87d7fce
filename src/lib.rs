//! alliance-map: compiles cited entity and relation data into a network
//! diagram. The core is plain Rust (tested with `cargo test`); `check` and the
//! exporters are native-only; `wasm` is the only module that knows wasm-bindgen.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod date;
pub mod diagnostic;
pub mod graph;
pub mod model;
pub mod vocab;

#[cfg(not(target_arch = "wasm32"))]
pub mod check;
#[cfg(not(target_arch = "wasm32"))]
pub mod jgf;
