//! Any bytes given to `check` produce diagnostics, never a panic; every span
//! lies inside the text, and rendering them never panics either.
#![no_main]

use alliance_map::check::{check, render};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let checked = check(text);
    for d in &checked.diagnostics {
        assert!(d.span.start <= d.span.end && d.span.end <= text.len());
    }
    let _ = render::human("fuzz.toml", text, &checked.diagnostics);
    let _ = render::json_lines("fuzz.toml", text, &checked.diagnostics);
    let _ = render::write_short(&mut Vec::new(), "fuzz.toml", text, &checked.diagnostics);
});
