//! Any text given to an importer (CSV, GEXF, GraphML, JGF) yields a dataset
//! or diagnostics, never a panic, with spans inside the text.
#![no_main]

use alliance_map::formats::import::{import, Format, Input};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let format = [Format::Csv, Format::Gexf, Format::Graphml, Format::Jgf][selector as usize % 4];
    let checked = import(format, &[Input { name: "fuzz", text }]);
    for d in &checked.diagnostics {
        assert!(d.span.start <= d.span.end && d.span.end <= text.len() + 1);
    }
});
