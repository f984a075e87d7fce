//! The `alliance-map` command: check, export, convert, render and build data
//! files (`alliance_map::cli`, over the file system and the process's streams).
//! Exit codes: 0 clean, 1 data errors, 2 usage error (bad arguments, unreadable file).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let args = std::env::args_os().map(|a| a.to_string_lossy().into_owned()).collect();
    std::process::ExitCode::from(alliance_map::cli::run(args, &mut alliance_map::cli::StdIo::default()))
}

// The command is native only (the compiler module runs `cli::run` on Node);
// this keeps `cargo test --target wasm32-unknown-unknown` building.
#[cfg(target_arch = "wasm32")]
fn main() {}
