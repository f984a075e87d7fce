//! Importing: our own exports come back with every field the format can
//! carry; broken files give located diagnostics, never a panic.

use alliance_map::check::render;
use alliance_map::export::{csv, gexf, graphml};
use alliance_map::import::{import, Format, Input};
use alliance_map::model::{Dataset, Value};

fn round_trip(format: Format, texts: &[(&str, String)]) -> Dataset {
    let inputs: Vec<Input> = texts.iter().map(|(name, text)| Input { name, text }).collect();
    let checked = import(format, &inputs);
    assert!(checked.diagnostics.is_empty(), "{format:?}: {:#?}", checked.diagnostics);
    checked.dataset.unwrap()
}

/// Compares what every format carries: ids, names, kinds, aliases, relation
/// endpoints, types, shares, roles, statuses and notes.
fn assert_same_graph(format: Format, original: &Dataset, back: &Dataset) {
    assert_eq!(back.entities.len(), original.entities.len(), "{format:?}");
    for (a, b) in original.entities.iter().zip(&back.entities) {
        assert_eq!((&a.id, &a.name, a.kind), (&b.id, &b.name, b.kind), "{format:?}");
        assert_eq!(a.aliases, b.aliases, "{format:?} {}", a.id);
    }
    assert_eq!(back.relations.len(), original.relations.len(), "{format:?}");
    for (a, b) in original.relations.iter().zip(&back.relations) {
        assert_eq!((&a.id, a.kind, a.from, a.to), (&b.id, b.kind, b.from, b.to), "{format:?}");
        assert_eq!((a.share, &a.role, a.status, &a.note), (b.share, &b.role, b.status, &b.note), "{format:?} {}", a.id);
    }
}

/// Entity attributes, each as (key, value, ids of its sources).
fn attributes(data: &Dataset) -> Vec<Vec<(String, Value, Vec<String>)>> {
    data.entities
        .iter()
        .map(|e| e.attributes.iter().map(|a| (a.key.clone(), a.value.clone(), a.sources.iter().map(|&s| data.source(s).id.clone()).collect())).collect())
        .collect()
}

#[test]
fn gexf_graphml_jgf_and_csv_round_trip() {
    let seed = crate::seed::seed();
    let cases: Vec<(Format, Vec<(&str, String)>)> = vec![
        (Format::Gexf, vec![("seed.gexf", gexf::to_gexf(&seed))]),
        (Format::Graphml, vec![("seed.graphml", graphml::to_graphml(&seed))]),
        (Format::Jgf, vec![("seed.json", serde_json::to_string(&alliance_map::jgf::to_jgf(&seed)).unwrap())]),
        (Format::Csv, vec![("entities.csv", csv::entities_csv(&seed)), ("relations.csv", csv::relations_csv(&seed))]),
    ];
    for (format, texts) in cases {
        let back = round_trip(format, &texts);
        assert_same_graph(format, &seed, &back);
        if matches!(format, Format::Gexf | Format::Graphml) {
            assert_eq!(attributes(&back), attributes(&seed), "{format:?}: entity attributes with their values, types and sources");
            let cited: Vec<&str> = back.sources.iter().map(|s| s.id.as_str()).filter(|&id| id != "import").collect();
            assert_eq!(cited.len(), 3, "{format:?}: the seed's sources, named by id");
        } else {
            assert_eq!(back.sources.len(), 1, "foreign files cite themselves as the one source");
        }
    }
}

/// Attributes whose keys, values and types are awkward for columns: a key
/// repeated on one entity, one key holding text, numbers and booleans, keys
/// with spaces, dots and markup, an empty text, fractions and big numbers.
const AWKWARD_ATTRIBUTES: &str = r#"
[dataset]
title = "Awkward attributes"
[[source]]
id = "a"
title = "A"
[[source]]
id = "b_2"
title = "B"
[[entity]]
id = "x"
name = "X"
kind = "company"
  [[entity.attribute]]
  key = "main_task"
  value = "first"
  sources = ["a"]
  [[entity.attribute]]
  key = "main_task"
  value = "second"
  sources = ["b_2", "a"]
  [[entity.attribute]]
  key = "size"
  value = 0.1
  sources = ["a"]
  [[entity.attribute]]
  key = "deal value <usd>"
  value = 12000000000000000000000.0
  sources = ["a"]
  [[entity.attribute]]
  key = "x.sources"
  value = ""
  sources = ["a"]
  [[entity.attribute]]
  key = "kind"
  value = "not the entity kind"
  sources = ["a"]
[[entity]]
id = "y"
name = "Y"
kind = "company"
  [[entity.attribute]]
  key = "size"
  value = "large"
  sources = ["b_2"]
  [[entity.attribute]]
  key = "listed"
  value = false
  sources = ["a"]
  [[entity.attribute]]
  key = "x"
  value = -3
  sources = ["a"]
[[relation]]
from = "x"
to = "y"
type = "owns"
sources = ["a"]
"#;

#[test]
fn awkward_attributes_round_trip_through_gexf_and_graphml() {
    let data = alliance_map::check::check(AWKWARD_ATTRIBUTES).dataset.expect("the fixture checks clean");
    for (format, text) in [(Format::Gexf, gexf::to_gexf(&data)), (Format::Graphml, graphml::to_graphml(&data))] {
        let back = round_trip(format, &[("awkward", text)]);
        assert_eq!(attributes(&back), attributes(&data), "{format:?}");
    }
}

#[test]
fn graphml_keeps_partial_dates_exactly() {
    let seed = crate::seed::seed();
    let back = round_trip(Format::Graphml, &[("seed.graphml", graphml::to_graphml(&seed))]);
    for (a, b) in seed.relations.iter().zip(&back.relations) {
        assert_eq!((a.start, a.end, a.announced), (b.start, b.end, b.announced));
    }
}

/// (format, file name, text, expected "line:col code" of the first diagnostic)
const BROKEN: &[(Format, &str, &str, &str)] = &[
    (Format::Gexf, "bad.gexf", "<gexf><graph><nodes><node id=\"a\"></nodes></graph></gexf>", "1:"),
    (Format::Graphml, "bad.graphml", "<graphml><graph>\n<node id=\"a\"/>\n<edge source=\"a\"/>\n</graph></graphml>", "3:1 E003"),
    (Format::Graphml, "dangling.graphml", "<graphml><graph>\n<node id=\"a\"/>\n<edge source=\"a\" target=\"b\"/>\n</graph></graphml>", "3:1 E006"),
    (Format::Jgf, "bad.json", "{\"graph\": {\"nodes\": {\n\"a\": {}\n}, \"edges\": [}", "3:"),
    (Format::Csv, "relations.csv", "Source,Target\na,b\nc\n", "3:1 E003"),
];

#[test]
fn broken_files_are_reported_by_line_and_column() {
    for (format, name, text, expected) in BROKEN {
        let checked = import(*format, &[Input { name, text }]);
        assert!(checked.dataset.is_none() || !checked.diagnostics.is_empty(), "{name} should fail");
        let first = checked.diagnostics.first().unwrap_or_else(|| panic!("{name}: no diagnostic"));
        let (line, col) = render::line_col(text, first.span.start);
        let got = format!("{line}:{col} {}", first.code.as_str());
        assert!(got.starts_with(expected), "{name}: got {got}, expected {expected}…: {}", first.message);
    }
}

#[test]
fn garbage_never_panics_an_importer() {
    let mut rng = alliance_map::synth::Rng::new(9);
    let pieces = ["<", ">", "<node id=\"", "\"", "/>", "<edge source=\"x\" target=\"y\">", "</edge>", "{", "}", "[", "]", ",", "\n", "&amp;", "&#0;", "é", "Source,Target\n"];
    for _ in 0..300 {
        let text: String = (0..rng.below(40)).map(|_| pieces[rng.below(pieces.len())]).collect();
        for format in [Format::Csv, Format::Gexf, Format::Graphml, Format::Jgf] {
            let checked = import(format, &[Input { name: "fuzz", text: &text }]);
            for d in &checked.diagnostics {
                assert!(d.span.end <= text.len() + 1, "{format:?}: span {:?} beyond {}", d.span, text.len());
            }
        }
    }
}
