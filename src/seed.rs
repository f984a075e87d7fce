//! The seed dataset in the compiled form, embedded at build time by
//! `build.rs` (a data error fails the build), so the demo needs no data
//! request. Both wasm modules (the facade and the first-frame painter) use it.

/// `data/seed.toml`, checked, laid out and encoded like `alliance-map build`.
pub static SEED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/seed.amap"));

/// The same, cut to what the first-frame module draws
/// ([`crate::compiled::for_drawing`]).
pub static SEED_DRAWING: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/seed-drawing.amap"));
