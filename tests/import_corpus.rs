//! Real files from other projects (tests/fixtures/import-corpus/, origins
//! and licences in its README.md): each goes through what `convert`,
//! `check`, `build` and `render` do, by the library functions they call,
//! and what survives is compared with what networkx reads from the same
//! file (`networkx-counts.txt`, written by `networkx_counts.py`). The
//! outcome of every file and the pass rate are in `expected.txt`
//! (`UPDATE_EXPECT=1` rewrites it). Whatever the file: no panic, never a
//! converted file that its own check rejects, and a file that does not go
//! through gets an error at a line and column.

use crate::expect::expect_file;
use alliance_map::check::diagnostic::Severity;
use alliance_map::check::{check, render};
use alliance_map::cli::outputs::render_placed_svg;
use alliance_map::compiled::{decode, encode};
use alliance_map::formats::import::{import, Format, Input};
use alliance_map::formats::write_toml::to_toml;
use alliance_map::model::vocab::RelationType;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import-corpus")
}

/// networkx's nodes, edges and self-loops per file, or `None` where it raises.
fn networkx_counts() -> HashMap<String, Option<(usize, usize, usize)>> {
    let text = std::fs::read_to_string(corpus().join("networkx-counts.txt")).unwrap();
    text.lines()
        .skip(1)
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            let number = |i: usize| cells.get(i).and_then(|c| c.parse::<usize>().ok());
            let counts = number(1).zip(number(2)).map(|(n, e)| (n, e, number(3).unwrap_or(0)));
            (cells[0].to_string(), counts)
        })
        .collect()
}

/// One file's outcome: the line for expected.txt and whether it went all the way with networkx's counts.
fn outcome(name: &str, text: &str, networkx: Option<(usize, usize, usize)>) -> (String, bool) {
    let format = Format::from_path(name).expect("corpus files are importable formats");
    let checked = import(format, &[Input { name, text }]);
    let networkx_says = match networkx {
        Some((n, e, loops)) => format!("networkx {n} nodes, {e} edges ({loops} self-loops)"),
        None => "networkx raises".to_string(),
    };
    // The file's own placement, which `build --layout keep` draws, when it places every node.
    let placed = match &checked.positions {
        Some(p) => {
            assert!(p.len() == 2 * checked.dataset.as_ref().map_or(0, |d| d.entities.len()) && p.iter().all(|v| v.is_finite()), "{name}: positions");
            ", placed by the file"
        }
        None => "",
    };
    let Some(data) = checked.dataset else {
        let error = checked.diagnostics.iter().find(|d| d.severity() == Severity::Error).unwrap_or_else(|| panic!("{name}: no dataset and no error"));
        assert!(error.span.end <= text.len() + 1, "{name}: the error points outside the file");
        let (line, col) = render::line_col(text, error.span.start);
        return (format!("{name}: error {} at {line}:{col}: {}; {networkx_says}", error.code.as_str(), error.message), false);
    };
    // convert: its TOML checks clean and means the same dataset.
    let again = check(&to_toml(&data));
    let rejected: Vec<_> = again.diagnostics.iter().filter(|d| d.severity() == Severity::Error).collect();
    assert!(rejected.is_empty(), "{name}: convert writes a file its own check rejects: {rejected:#?}");
    assert_eq!(again.dataset.as_ref(), Some(&data), "{name}: check of the converted file is not the import");
    // build: laid out, encoded, decoded back; render: an SVG figure.
    let compiled = alliance_map::pipeline::compile(data.clone(), &Default::default());
    assert_eq!(decode(&encode(&compiled)).as_ref(), Ok(&compiled), "{name}: data.amap does not decode to what was built");
    assert!(render_placed_svg(data.clone(), checked.positions.clone(), 800, 600, None, false).starts_with("<svg"), "{name}: render");
    let nested = data.relations.iter().filter(|r| r.kind == RelationType::MemberOf).count();
    let mut warnings: Vec<&str> = checked.diagnostics.iter().map(|d| d.code.as_str()).collect();
    warnings.sort_unstable();
    warnings.dedup();
    let (entities, relations) = (data.entities.len(), data.relations.len());
    // Self-loops are skipped (W007) and nodes inside others add a member_of.
    let same = networkx.map(|(n, e, loops)| n == entities && e + nested == relations + loops);
    let verdict = match same {
        Some(true) => "same",
        Some(false) => "differs",
        None => "we read it",
    };
    let warned = if warnings.is_empty() { String::new() } else { format!(", warns {}", warnings.join(" ")) };
    let line = format!("{name}: ok, {entities} entities, {relations} relations ({nested} member_of){placed}{warned}; {networkx_says}: {verdict}");
    (line, same != Some(false))
}

#[test]
fn real_files_from_other_tools_go_through_convert_check_build_and_render() {
    let counts = networkx_counts();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(corpus()).unwrap().map(|e| e.unwrap().path()).filter(|p| Format::from_path(&p.to_string_lossy()).is_some()).collect();
    paths.sort();
    assert!(paths.len() >= 80, "the corpus is missing files");
    let (mut lines, mut passed) = (Vec::new(), 0);
    for path in &paths {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        // A .gz is inflated as the command line does.
        let bytes = alliance_map::formats::import::gz::inflate_if_gzipped(&name, std::fs::read(path).unwrap()).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let networkx = counts.get(&name).unwrap_or_else(|| panic!("{name} is not in networkx-counts.txt: run networkx_counts.py"));
        let (line, ok) = outcome(&name, &text, *networkx);
        passed += usize::from(ok);
        lines.push(line);
    }
    let rate = format!("{passed} of {} files ({:.1}%) go through convert, check, build and render with networkx's counts (or where networkx raises)", paths.len(), 100.0 * passed as f64 / paths.len() as f64);
    println!("import corpus: {rate}");
    lines.push(rate);
    expect_file(&corpus().join("expected.txt"), &(lines.join("\n") + "\n"));
}
