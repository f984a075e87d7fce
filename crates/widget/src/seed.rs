//! The seed dataset in the compiled form, embedded at build time by
//! `build.rs` (a data error fails the build), so the demo needs no data
//! request. The full module embeds all of it; the first-frame module only
//! what it draws ([`alliance_map::compiled::for_drawing`]).

/// `data/seed.toml`, checked, laid out and encoded like `alliance-map build`.
#[cfg(feature = "full")]
pub static SEED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/seed.amap"));

/// The seed cut to what the first-frame module draws.
#[cfg(not(feature = "full"))]
pub static SEED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/seed-drawing.amap"));
