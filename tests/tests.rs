#![cfg(not(target_arch = "wasm32"))]
//! All integration tests in one binary, one module per area.

mod check_fixtures;
mod compiled_format;
mod cli;
mod cli_inputs;
mod diagnostic_limits;
mod diff;
mod drawing;
mod docs;
mod expect;
mod export;
mod first_frame;
mod fuzz_smoke;
mod import;
mod import_corpus;
mod import_defects;
mod import_keeps;
mod jgf;
mod legibility;
mod layout;
mod no_layout;
mod query;
mod reading;
mod render;
mod scene;
mod seed;
mod site;
mod spatial;
mod story;
mod synth;
mod workspace;
