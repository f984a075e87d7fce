//! The workspace's shape, checked like code (rust-analyzer's tidy tests):
//! where the wasm boundary may be, what the reading half may import, one
//! lockfile, and small files.

use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Every file under `dir` (relative to the root) whose name ends in one of `exts`.
fn files(dir: &str, exts: &[&str]) -> Vec<PathBuf> {
    fn walk(dir: &Path, exts: &[&str], out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, exts, out);
            } else if exts.iter().any(|e| path.to_string_lossy().ends_with(e)) {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(ROOT).join(dir), exts, &mut out);
    out.sort();
    out
}

fn relative(path: &Path) -> String {
    path.strip_prefix(ROOT).unwrap_or(path).to_string_lossy().into_owned()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

/// The lines of a manifest's tables whose header passes `wanted`.
fn table_lines(manifest: &str, wanted: impl Fn(&str) -> bool) -> Vec<String> {
    let mut keep = false;
    let mut out = Vec::new();
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            keep = wanted(line);
        } else if keep && !line.is_empty() && !line.starts_with('#') {
            out.push(line.to_string());
        }
    }
    out
}

fn wasm_dependencies(manifest: &str) -> Vec<String> {
    table_lines(manifest, |h| h.contains("dependencies]") && !h.contains("workspace."))
        .into_iter()
        .filter(|l| ["wasm-bindgen", "js-sys", "web-sys", "serde-wasm-bindgen"].iter().any(|d| l.starts_with(d)))
        .collect()
}

#[test]
fn only_the_facade_crates_know_wasm_bindgen() {
    let facades = ["crates/widget/", "crates/compiler/", "crates/layout-worker/"];
    let outside = |p: &PathBuf| !facades.iter().any(|f| relative(p).starts_with(f));
    let mut offenders: Vec<String> = ["src", "crates"]
        .iter()
        .flat_map(|d| files(d, &[".rs"]))
        .filter(outside)
        .filter(|p| ["wasm_bindgen::", "#[wasm_bindgen", "js_sys::", "web_sys::"].iter().any(|w| read(p).contains(w)))
        .map(|p| relative(&p))
        .collect();
    let manifests = files("crates", &["Cargo.toml"]).into_iter().chain([PathBuf::from(ROOT).join("Cargo.toml")]);
    offenders.extend(manifests.filter(outside).filter(|p| !wasm_dependencies(&read(p)).is_empty()).map(|p| relative(&p)));
    assert_eq!(offenders, Vec::<String>::new(), "the wasm boundary lives in crates/widget, crates/compiler and crates/layout-worker only");
}

#[test]
fn the_core_and_the_library_are_plain_rust_crates() {
    for manifest in ["Cargo.toml", "crates/core/Cargo.toml"] {
        let text = read(&Path::new(ROOT).join(manifest));
        assert!(!table_lines(&text, |h| h == "[lib]").iter().any(|l| l.contains("cdylib")), "{manifest}: the core is not a cdylib");
        assert!(!table_lines(&text, |h| h == "[features]").iter().any(|l| l.contains("facade")), "{manifest}: no facade feature");
    }
    let included: Vec<String> = ["src", "crates"].iter().flat_map(|d| files(d, &[".rs"])).filter(|p| read(p).contains("#[path")).map(|p| relative(&p)).collect();
    assert_eq!(included, Vec::<String>::new(), "no module is included by #[path]");
}

#[test]
fn the_reading_half_imports_nothing_from_the_layout() {
    let offenders: Vec<String> = ["src/scene", "src/query", "src/display"]
        .iter()
        .flat_map(|d| files(d, &[".rs"]))
        .filter(|p| read(p).contains("layout::"))
        .map(|p| relative(&p))
        .collect();
    assert_eq!(offenders, Vec::<String>::new(), "the widget's wasm holds no layout code: the scene, queries and display never name it");
}

#[test]
fn one_workspace_has_one_lockfile() {
    let manifest = read(&Path::new(ROOT).join("Cargo.toml"));
    for member in ["crates/core", "crates/widget", "crates/compiler", "crates/layout-worker"] {
        assert!(manifest.contains(&format!("\"{member}\"")), "{member} is a member of the one workspace");
        assert!(!Path::new(ROOT).join(member).join("Cargo.lock").exists(), "{member} has no lockfile of its own");
        assert!(!read(&Path::new(ROOT).join(member).join("Cargo.toml")).contains("[workspace]"), "{member} is no workspace of its own");
    }
}

#[test]
fn no_source_file_is_over_400_lines() {
    let long: Vec<String> = ["src", "crates", "www"]
        .iter()
        .flat_map(|d| files(d, &[".rs", ".js", ".mjs", ".ts"]))
        .map(|p| (read(&p).lines().count(), relative(&p)))
        .filter(|(n, _)| *n > 400)
        .map(|(n, p)| format!("{p}: {n} lines"))
        .collect();
    assert_eq!(long, Vec::<String>::new(), "split files before they grow past 400 lines");
}
