//! Any bytes given to an importer (CSV, GEXF, GraphML, and as `.json` JGF,
//! Cytoscape, graphology or sigma.js JSON by shape; any of them gzipped)
//! yield a dataset or diagnostics, never a panic, with spans inside the
//! text; a dataset's converted TOML checks without error.
#![no_main]

use alliance_map::check::{check, diagnostic::has_errors};
use alliance_map::formats::import::{gz, import, Format, Input};
use alliance_map::formats::write_toml::to_toml;
use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 8] = ["fuzz.csv", "fuzz.gexf", "fuzz.graphml", "fuzz.json", "fuzz.tsv", "fuzz.gexf.gz", "fuzz.graphml.gz", "fuzz.json.gz"];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let name = NAMES[selector as usize % NAMES.len()];
    let Ok(bytes) = gz::inflate_if_gzipped(name, rest.to_vec()) else { return };
    let Ok(text) = String::from_utf8(bytes) else { return };
    let format = Format::from_path(name).expect("importable names");
    let checked = import(format, &[Input { name, text: &text }]);
    for d in &checked.diagnostics {
        assert!(d.span.start <= d.span.end && d.span.end <= text.len() + 1);
    }
    if let Some(data) = checked.dataset {
        assert!(!has_errors(&check(&to_toml(&data)).diagnostics), "convert wrote a file its own check rejects");
    }
});
