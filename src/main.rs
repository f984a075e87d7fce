//! The `alliance-map` command: check, export and build data files.
//! Exit codes: 0 clean, 1 data errors, 2 usage error (bad arguments, unreadable file).

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::run()
}

// The command is native only; this keeps `cargo test --target wasm32-unknown-unknown` building.
#[cfg(target_arch = "wasm32")]
fn main() {}
