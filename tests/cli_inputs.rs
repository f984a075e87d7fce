//! What the command line makes of its inputs before it reads them as data:
//! bytes that are not UTF-8, gzipped imports, and `--strict`.

use crate::cli::{run, text};

#[test]
fn non_utf8_input_is_a_usage_error_with_a_hint() {
    let path = std::env::temp_dir().join(format!("alliance-map-latin1-{}.toml", std::process::id()));
    std::fs::write(&path, b"[[entity]]\nname = \"Caf\xe9\"\n").unwrap();
    let out = run(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("not UTF-8"));
    let _ = std::fs::remove_file(path);
}

#[test]
fn strict_makes_uncited_identities_an_error() {
    let file = "tests/fixtures/check/w010_uncited_identity.toml";
    let lenient = run(&["check", file]);
    assert_eq!(lenient.status.code(), Some(0), "a warning by default: {}", text(&lenient.stderr));
    assert!(text(&lenient.stderr).contains("warning[W010]"));
    let strict = run(&["check", "--strict", file]);
    assert_eq!(strict.status.code(), Some(1), "an error with --strict");
    assert!(text(&strict.stderr).contains("error[W010]: 2 entities cite no source for their kind, country or aliases: `acme`, `bolt`"), "{}", text(&strict.stderr));
    assert_eq!(run(&["check", "--strict", "data/seed.toml"]).status.code(), Some(0), "the seed cites who everyone is");
}

/// A gzipped file (networkx writes `.graphml.gz` when asked for that name)
/// is read as the format inside; one that is not gzip is a usage error.
#[test]
fn gzipped_imports_are_inflated_and_a_false_gz_is_named() {
    let out = run(&["check", "tests/fixtures/import-corpus/networkx-karate-club.graphml.gz"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "tests/fixtures/import-corpus/networkx-karate-club.graphml.gz: ok\n");
    let path = std::env::temp_dir().join(format!("alliance-map-false-{}.gexf.gz", std::process::id()));
    std::fs::write(&path, "<gexf/>").unwrap();
    let out = run(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("is named .gz but is not gzip data"), "{}", text(&out.stderr));
    let _ = std::fs::remove_file(path);
}
