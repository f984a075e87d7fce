//! alliance-map-core: the compiling half of alliance-map, from a data file to
//! the bytes of `data.amap`. `check` reads and validates (the `check`
//! feature: natively and in the compiler module, never in the widget's wasm), `layout` places the entities (seeded,
//! identical natively and in wasm), `community` groups them (seeded
//! Leiden, identical likewise), `pipeline` joins a dataset to its
//! positions and `compiled` is the versioned wire format between this crate
//! and everything that reads maps (the `alliance-map` crate's scene,
//! queries and exports; the widget's wasm).
//!
//! It knows nothing of wasm-bindgen, and nothing that only draws or answers
//! readers: editing those never recompiles the seed (`crates/widget/build.rs`
//! depends on this crate alone).
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod community;
pub mod compiled;
pub mod layout;
pub mod model;
pub mod pipeline;
pub mod query;
pub mod synth;
pub mod words;

#[cfg(feature = "check")]
pub mod check;
