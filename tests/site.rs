//! The no-JavaScript fallback: hostile strings from data stay text.

use alliance_map::check::check;
use alliance_map::site::{escape, fallback_html};

#[test]
fn hostile_strings_are_escaped_and_unsafe_urls_are_not_links() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hostile.toml")).unwrap();
    let checked = check(&text);
    assert!(checked.diagnostics.is_empty(), "{:#?}", checked.diagnostics);
    let html = fallback_html(&checked.dataset.unwrap());
    assert!(!html.contains("<script"), "a script tag got through");
    assert!(!html.contains("<img"), "an element from data got through");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("href=\"javascript:"));
}

#[test]
fn escape_covers_element_and_attribute_contexts() {
    assert_eq!(escape(r#"<a href="x" onclick='y'>&"#), "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;");
}
