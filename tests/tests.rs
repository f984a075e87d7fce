#![cfg(not(target_arch = "wasm32"))]
//! All integration tests in one binary, one module per area.

mod check_fixtures;
mod docs;
mod expect;
mod fuzz_smoke;
mod jgf;
mod seed;
mod synth;
