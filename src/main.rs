//! The `alliance-map` command: check, export and build data files.
//! Exit codes: 0 clean, 1 data errors, 2 usage error (bad arguments, unreadable file).

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
