//! Every file in tests/fixtures/check is checked (`.toml`) or imported
//! (`.json`, `.csv`, `.gexf`, `.graphml`) and its diagnostics, rendered as the CLI prints them,
//! are compared with the `.expected` file beside it.

use crate::expect::expect_file;
use alliance_map::check::{check, render, Checked};
use alliance_map::formats::import::{import, Format, Input};
use std::path::Path;

const EXTENSIONS: [&str; 5] = ["toml", "json", "csv", "gexf", "graphml"];

fn checked(name: &str, text: &str) -> Checked {
    match Format::from_path(name) {
        Some(format) => import(format, &[Input { name, text }]),
        None => check(text),
    }
}

fn check_fixture(path: &Path) {
    let text = std::fs::read_to_string(path).unwrap();
    let name = format!("fixtures/check/{}", path.file_name().unwrap().to_string_lossy());
    let checked = checked(&name, &text);
    let mut out = render::human(&name, &text, &checked.diagnostics);
    out.push_str("--- json\n");
    out.push_str(&render::json_lines(&name, &text, &checked.diagnostics));
    expect_file(&path.with_extension("expected"), &out);
}

#[test]
fn every_fixture_reports_its_expected_diagnostics() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check");
    let mut paths: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| EXTENSIONS.iter().any(|x| e == *x))).collect();
    paths.sort();
    assert!(paths.len() >= 25, "fixtures missing in {}", dir.display());
    for path in paths {
        check_fixture(&path);
    }
}

#[test]
fn each_single_mistake_fixture_reports_its_code() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check");
    for code in alliance_map::check::diagnostic::Code::ALL {
        let prefix = code.as_str().to_lowercase();
        let entry = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|e| EXTENSIONS.iter().any(|x| e == *x)) && p.file_name().unwrap().to_string_lossy().starts_with(&prefix))
            .unwrap_or_else(|| panic!("no fixture for {}", code.as_str()));
        let checked = checked(&entry.to_string_lossy(), &std::fs::read_to_string(&entry).unwrap());
        assert!(
            checked.diagnostics.iter().any(|d| d.code == *code),
            "{} does not report {}: {:?}",
            entry.display(),
            code.as_str(),
            checked.diagnostics
        );
    }
}
