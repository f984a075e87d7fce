//! docs/data-format.md documents every code and vocabulary key, and its
//! complete example checks clean.

use alliance_map::check::diagnostic::Code;
use alliance_map::model::vocab::{Basis, Confirmation, EntityKind, RelationType, ShareQualifier, Status};

#[test]
fn data_format_doc_names_every_code_and_key() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/data-format.md")).unwrap();
    let mut missing: Vec<String> = Vec::new();
    let keys = Code::ALL.iter().map(|c| c.as_str())
        .chain(EntityKind::keys())
        .chain(RelationType::keys())
        .chain(Status::keys())
        .chain(ShareQualifier::keys())
        .chain(Confirmation::keys())
        .chain(Basis::keys());
    for key in keys {
        if !doc.contains(&format!("`{key}`")) {
            missing.push(key.to_string());
        }
    }
    assert!(missing.is_empty(), "docs/data-format.md does not mention: {missing:?}");
}

#[test]
fn data_format_doc_example_checks_clean() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/docs_example.toml")).unwrap();
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/data-format.md")).unwrap();
    assert!(doc.contains(text.trim()), "the example in docs/data-format.md and tests/fixtures/docs_example.toml differ");
    let checked = alliance_map::check::check(&text);
    assert!(checked.diagnostics.is_empty(), "{:#?}", checked.diagnostics);
}
