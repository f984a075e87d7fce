//! The no-JavaScript fallback: hostile strings from data stay text.

use alliance_map::model::EntityIx;
use alliance_map::check::check;
use alliance_map::site::{escape, fallback_html};

#[test]
fn hostile_strings_are_escaped_and_unsafe_urls_are_not_links() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hostile.toml")).unwrap();
    let checked = check(&text);
    // Only the warning that its bidi-override alias deserves.
    let codes: Vec<&str> = checked.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["W004"], "{:#?}", checked.diagnostics);
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

#[test]
fn a_bounded_page_lists_the_most_connected_first_and_every_citation_it_marks_resolves() {
    use alliance_map::site::{bounded_fallback_html, Bound};
    let data = alliance_map::synth::dataset(400, 1200, 3);
    let html = bounded_fallback_html(&data, Bound { entities: 20, relations: 100, ties: 5 }, "text.html");
    assert_eq!(html.matches("<article ").count(), 20);
    // Barabási–Albert: the first entities are the hubs; the most connected is listed first.
    let adjacency = alliance_map::model::graph::Adjacency::new(&data);
    let hub = EntityIx::range(data.entities.len()).max_by_key(|&e| (adjacency.degree(e), std::cmp::Reverse(e))).unwrap();
    let first = html.split("<article id=\"entity-").nth(1).unwrap();
    assert!(first.starts_with(&format!("{}\"", data.entities[hub.ix()].id)), "{}", &first[..60]);
    let more = adjacency.degree(hub) - 5;
    assert!(html.contains(&format!("<a href=\"text.html#entity-{}\">{more} more ties</a>", data.entities[hub.ix()].id)));
    for mark in html.split("href=\"#src-").skip(1) {
        let id = &mark[..mark.find('"').unwrap()];
        assert!(html.contains(&format!("<li id=\"src-{id}\"")), "citation [{id}] has its source listed");
    }
}

#[test]
fn the_seed_fits_its_page_whole_in_file_order() {
    use alliance_map::site::{bounded_fallback_html, fallback_html, FULL_TEXT_PAGE, PAGE_BOUND};
    let seed = crate::seed::seed();
    assert!(!alliance_map::site::is_cut(&seed, PAGE_BOUND));
    assert_eq!(bounded_fallback_html(&seed, PAGE_BOUND, FULL_TEXT_PAGE), fallback_html(&seed));
    assert_eq!(fallback_html(&seed).matches("<article ").count(), seed.entities.len());
}

/// A name with U+202E cannot reverse the sentence around it without
/// JavaScript either: names are `<bdi>`s, and the isolates pair up even when
/// a name holds its own.
#[test]
fn the_fallback_isolates_every_name() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/check/w003_confusable_name.toml")).unwrap();
    let html = fallback_html(&check(&text).dataset.unwrap());
    assert!(html.contains("<h2><bdi>Acme \u{202E}slatem</bdi></h2>"), "{html}");
    assert!(html.contains("<li><bdi>Acme \u{202E}slatem</bdi> holds 5% of <bdi>Target</bdi>."), "{html}");
    let stray = "[[source]]\nid = \"s\"\ntitle = \"S\"\n[[entity]]\nid = \"a\"\nname = \"A\\u2069\\u202Ex\"\nkind = \"company\"\n[[entity]]\nid = \"b\"\nname = \"B\"\nkind = \"company\"\n[[relation]]\ntype = \"partner_of\"\nfrom = \"a\"\nto = \"b\"\nsources = [\"s\"]\n";
    let html = fallback_html(&check(stray).dataset.unwrap());
    assert!(html.contains("<li><bdi>A\u{202E}x</bdi> has a partnership with <bdi>B</bdi>."), "a name's own U+2069 cannot end its isolate early: {html}");
}
