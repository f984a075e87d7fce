//! alliance-map: compiles cited entity and relation data into a network
//! diagram. This crate is the reading half over `alliance-map-core` (which
//! checks, lays out and encodes): the runtime `scene` a compiled map becomes,
//! the readers' `query`s, the `display` of views as sentences, view structs
//! and figures, the `formats` it imports and exports, and the static `site`
//! that `build` writes. Plain Rust, tested with `cargo test`; the wasm
//! boundary is `crates/widget/`. The core's modules are re-exported, so
//! `alliance_map::model` is the one path to the model wherever it is used.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub use alliance_map_core::{compiled, layout, model, pipeline, synth, words};
#[cfg(feature = "formats")]
pub use alliance_map_core::check;

pub mod display;
pub mod query;
pub mod scene;

#[cfg(feature = "cli")]
pub mod cli;
#[cfg(feature = "formats")]
pub mod formats;
#[cfg(feature = "formats")]
pub mod places;
#[cfg(feature = "formats")]
pub mod site;
