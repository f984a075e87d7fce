//! Issue 15's defects, each on a small file shaped as Gephi, yEd or
//! networkx write them: what an import keeps, the one warning it gives for
//! what it skips or creates, and that `convert`'s TOML checks as the import did.

use alliance_map::check::diagnostic::{Code, Severity};
use alliance_map::check::{check, render, Checked};
use alliance_map::formats::import::{import_with, Format, ImportOptions, Input};
use alliance_map::formats::write_toml::to_toml;
use alliance_map::model::{Dataset, Value};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/check/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn imported(name: &str, text: &str, strict: bool) -> Checked {
    let format = Format::from_path(name).unwrap();
    import_with(format, &[Input { name, text }], ImportOptions { strict, ..ImportOptions::default() })
}

fn codes(checked: &Checked) -> Vec<&'static str> {
    checked.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

/// The import's dataset, after asserting that convert's TOML of it checks
/// clean and gives the same dataset back (convert never writes a file its
/// own check rejects).
fn converted(name: &str, text: &str) -> Dataset {
    let checked = imported(name, text, false);
    let errors: Vec<_> = checked.diagnostics.iter().filter(|d| d.severity() == Severity::Error).collect();
    assert!(errors.is_empty(), "{name}: {errors:#?}");
    let data = checked.dataset.unwrap();
    let toml = to_toml(&data);
    let again = check(&toml);
    assert!(again.diagnostics.is_empty(), "{name}: convert wrote a file check rejects: {:#?}\n{toml}", again.diagnostics);
    assert_eq!(again.dataset.as_ref(), Some(&data), "{name}: check of the converted file gives the import back");
    data
}

fn relation_attributes(data: &Dataset) -> Vec<(String, Value)> {
    data.relations.iter().flat_map(|r| r.attributes.clone()).collect()
}

/// Defect 1: each dated value of a dynamic attribute, under its own key.
#[test]
fn a_dynamic_gexf_attribute_keeps_every_value_with_its_dates() {
    let data = converted("dynamic.gexf", &fixture("import_dynamic_attribute.gexf"));
    assert_eq!(
        relation_attributes(&data),
        [("weight (from 2000-01-01 to 2001-01-01)".into(), Value::Number(1.0)), ("weight (from 2001-01-01 to 2002-01-01)".into(), Value::Number(3.0))]
    );
}

/// Defect 2: a 54-digit bigint comes back digit for digit, with one warning;
/// a TOML integer beyond 64 bits is told as such, not as a wrong type.
#[test]
fn a_bigint_beyond_64_bits_is_kept_exactly_as_text() {
    let text = fixture("w006_number_as_text.gexf");
    assert_eq!(codes(&imported("big.gexf", &text, false)), ["W006"]);
    let data = converted("big.gexf", &text);
    assert_eq!(data.entities[0].attributes[0].value, Value::Text("123456789012345678901234567890123456789012345678901234".into()));
    assert_eq!(data.entities[1].attributes[0].value, Value::Number(42.0));
    let toml = "[[source]]\nid = \"s\"\ntitle = \"S\"\n[[entity]]\nid = \"a\"\nname = \"A\"\nkind = \"company\"\n[[entity.attribute]]\nkey = \"n\"\nvalue = 18446744073709551616\nsources = [\"s\"]\n";
    let checked = check(toml);
    let d = checked.diagnostics.iter().find(|d| d.code == Code::WrongType).expect("E004");
    assert!(d.message.contains("too large for TOML (beyond 64 bits): 18446744073709551616"), "{}", d.message);
    assert_eq!(d.hint.as_deref(), Some("write it as text to keep every digit: \"18446744073709551616\""));
}

/// Defect 3: yEd's group node and the nodes inside it all come in; the
/// nesting is a `member_of` relation; edges to the group resolve.
#[test]
fn nested_graphml_and_yed_groups_keep_their_container_nodes() {
    let data = converted("groups.graphml", &fixture("import_nested_groups.graphml"));
    let names: Vec<&str> = data.entities.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Ardent", "Cell alliance", "Kestrel", "Bolt"], "in file order, named by yEd's labels");
    let rels: Vec<String> = data.relations.iter().map(|r| format!("{} {} {}", data.entity(r.from).name, r.kind.key(), data.entity(r.to).name)).collect();
    assert_eq!(rels, ["Kestrel member_of Cell alliance", "Bolt member_of Cell alliance", "Kestrel related_to Bolt", "Ardent related_to Cell alliance"]);
    let gexf = r#"<gexf version="1.3"><graph><nodes><node id="g" label="Group"><nodes><node id="a" label="A"/><node id="b" label="B"/></nodes></node><node id="c" label="C" pid="g"/></nodes><edges><edge source="a" target="g"/></edges></graph></gexf>"#;
    let data = converted("nested.gexf", gexf);
    assert_eq!(data.entities.len(), 4);
    assert_eq!(data.relations.iter().filter(|r| r.kind.key() == "member_of").count(), 3, "a, b inside g; c's pid");
}

/// Defect 4: a graph without nodes is one error (E003) on every path: the
/// import, and the TOML a convert would have written.
#[test]
fn a_graph_with_no_nodes_is_the_same_error_everywhere() {
    for (name, text) in [("empty.gexf", "<gexf><graph><nodes/><edges/></graph></gexf>"), ("empty.graphml", "<graphml><graph/></graphml>"), ("empty.json", "{\"graph\": {\"nodes\": {}}}"), ("empty.csv", "Id,Label\n")] {
        let checked = imported(name, text, false);
        assert_eq!(codes(&checked), ["E003"], "{name}");
        assert!(checked.dataset.is_none());
    }
    assert_eq!(codes(&check(&to_toml(&Dataset::default()))), ["E003"]);
}

/// Defect 5: self-loops are skipped with one warning counting them; strict, each is E013.
#[test]
fn self_loops_are_skipped_with_one_warning_or_refused_when_strict() {
    let text = fixture("w007_self_loop_skipped.csv");
    let data = converted("loops.csv", &text);
    assert_eq!(data.relations.len(), 1);
    let strict = imported("loops.csv", &text, true);
    assert_eq!(codes(&strict), ["E013", "E013"]);
}

/// Defect 6: an edge's undeclared node is created with one warning; strict,
/// E006, whose hint speaks GraphML and proposes no unrelated `n1` for `n4`.
#[test]
fn edges_to_undeclared_nodes_create_them_or_fail_when_strict() {
    let text = fixture("w008_node_from_edge.graphml");
    let data = converted("dangling.graphml", &text);
    assert_eq!(data.entities.iter().map(|e| e.name.as_str()).collect::<Vec<_>>(), ["n0", "n1", "n4", "n7"]);
    let strict = imported("dangling.graphml", &text, true);
    assert_eq!(codes(&strict), ["E006", "E006", "E006"]);
    let hints: Vec<&str> = strict.diagnostics.iter().filter_map(|d| d.hint.as_deref()).collect();
    assert_eq!(hints, ["add <node id=\"n4\"/> to the GraphML file", "add <node id=\"n4\"/> to the GraphML file", "add <node id=\"n7\"/> to the GraphML file"]);
    // A real typo is still proposed.
    let typo = "<graphml><graph><node id=\"kestrel\"/><node id=\"ardent\"/><edge source=\"ardent\" target=\"kestrl\"/></graph></graphml>";
    assert_eq!(imported("typo.graphml", typo, true).diagnostics[0].hint.as_deref(), Some("did you mean `kestrel`?"));
}

/// Defect 7: messages name ids as the file writes them, beside its snippet.
#[test]
fn messages_about_imported_files_use_the_files_ids() {
    let text = fixture("import_file_ids.gexf");
    let checked = imported("ids.gexf", &text, false);
    let messages: Vec<&str> = checked.diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(messages, ["entity id `1047` is defined twice", "relation `7` ends (2020) before it starts (2024)"]);
    let shown = render::human("ids.gexf", &text, &checked.diagnostics);
    assert!(!shown.contains("n1047") && !shown.contains("`n7`"), "{shown}");
}

/// What convert writes, it has checked: numbers a float holds but four
/// decimals do not (a share of 100/3) come back exactly.
#[test]
fn convert_writes_only_what_checks_back_the_same() {
    let csv = "Source,Target,Relation,Share,Weight\na,b,owns,33.333333333333336,0.123456789\n";
    let data = converted("shares.csv", csv);
    assert_eq!(data.relations[0].share.map(|s| s.percent), Some(100.0 / 3.0));
    assert!(alliance_map::cli::outputs::convert_toml(&data).is_ok());
}

/// Found by fuzzing the importers: a node whose id is blank (and no label)
/// is an error at it, never an entity whose name a data file could not hold.
#[test]
fn a_node_without_an_id_or_label_is_an_error_not_a_nameless_entity() {
    let graphml = "<graphml><graph>\n<node id=\" \"/>\n<node id=\"1\"/>\n</graph></graphml>";
    let checked = imported("blank.graphml", graphml, false);
    assert_eq!(codes(&checked), ["E014"]);
    assert_eq!(render::line_col(graphml, checked.diagnostics[0].span.start), (2, 1));
    let csv = "Id,Label\n,Ardent\n,,\n";
    let data = converted("ids.csv", csv);
    assert_eq!(data.entities.iter().map(|e| e.name.as_str()).collect::<Vec<_>>(), ["Ardent"], "an id from the label; the blank row is no node");
}
