//! Issue 15's silent losses: what other tools' files carry comes back (or
//! one warning names what was left out).

use alliance_map::check::Checked;
use alliance_map::formats::import::{import_with, Format, ImportOptions, Input};
use alliance_map::model::vocab::{EntityKind, RelationType};
use alliance_map::model::{Dataset, Value};

fn read(name: &str, text: &str, options: ImportOptions) -> Checked {
    import_with(Format::from_path(name).unwrap(), &[Input { name, text }], options)
}

fn data(name: &str, text: &str) -> Dataset {
    let checked = read(name, text, ImportOptions::default());
    checked.dataset.unwrap_or_else(|| panic!("{name}: {:#?}", checked.diagnostics))
}

fn attribute<'a>(pairs: &'a [(String, Value)], key: &str) -> Option<&'a Value> {
    pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

#[test]
fn undirected_edges_say_so_and_directed_ones_stay_arrows() {
    let gexf = r#"<gexf><graph defaultedgetype="undirected"><nodes><node id="a"/><node id="b"/></nodes><edges><edge source="a" target="b" weight="2.5"/><edge source="b" target="a" type="directed"/></edges></graph></gexf>"#;
    let d = data("u.gexf", gexf);
    assert_eq!(attribute(&d.relations[0].attributes, "directed"), Some(&Value::Bool(false)));
    assert_eq!(attribute(&d.relations[0].attributes, "weight"), Some(&Value::Number(2.5)), "GEXF's weight attribute");
    assert_eq!(attribute(&d.relations[1].attributes, "directed"), None);
    let graphml = r#"<graphml><graph edgedefault="directed"><node id="a"/><node id="b"/><edge source="a" target="b" directed="false"/></graph></graphml>"#;
    assert_eq!(attribute(&data("u.graphml", graphml).relations[0].attributes, "directed"), Some(&Value::Bool(false)));
    let csv = "Source,Target,Type\na,b,Undirected\n";
    assert_eq!(attribute(&data("u.csv", csv).relations[0].attributes, "directed"), Some(&Value::Bool(false)));
}

#[test]
fn defaults_labels_titles_and_typed_values_come_back() {
    let graphml = r#"<graphml xmlns:y="http://www.yworks.com/xml/graphml">
<key id="d0" for="node" attr.name="listed" attr.type="boolean"><default>0</default></key>
<key id="d1" for="node" yfiles.type="nodegraphics"/>
<key id="g" for="graph" attr.name="name" attr.type="string"/>
<graph edgedefault="directed"><desc>Who supplies whom</desc><data key="g">Supply chain</data>
<node id="n0"><data key="d0">1</data><data key="d1"><y:ShapeNode><y:NodeLabel>Ardent</y:NodeLabel></y:ShapeNode></data></node>
<node id="n1"><data key="d1"><y:ShapeNode><y:NodeLabel>Kestrel</y:NodeLabel></y:ShapeNode></data></node>
<edge source="n0" target="n1"/></graph></graphml>"#;
    let d = data("yed.graphml", graphml);
    assert_eq!((d.meta.title.as_str(), d.meta.description.as_str()), ("Supply chain", "Who supplies whom"));
    assert_eq!(d.entities.iter().map(|e| e.name.as_str()).collect::<Vec<_>>(), ["Ardent", "Kestrel"]);
    let listed: Vec<&Value> = d.entities.iter().map(|e| &e.attributes[0].value).collect();
    assert_eq!(listed, [&Value::Bool(true), &Value::Bool(false)], "0/1 of a boolean key, and its default");
    let csv = "Id,Label,Public,Score\na,A,TRUE,1.5\nb,B,True,2\n";
    let d = data("typed.csv", csv);
    assert_eq!(d.entities[0].attributes[0].value, Value::Bool(true));
    assert_eq!(d.entities[1].attributes[0].value, Value::Bool(true));
}

#[test]
fn kinds_and_types_match_the_vocabulary_in_any_case_or_from_a_named_column() {
    let entities = "Label,Type,Category\nArdent,Company,person\nAda,Person,company\nMinistry,Government body,event\n";
    let d = data("elements.csv", entities);
    assert_eq!(d.entities.iter().map(|e| e.kind).collect::<Vec<_>>(), [EntityKind::Company, EntityKind::Person, EntityKind::GovernmentBody]);
    let options = ImportOptions { kind_column: Some("category".into()), ..ImportOptions::default() };
    let d = read("elements.csv", "Label,Category\nArdent,Person\n", options).dataset.unwrap();
    assert_eq!(d.entities[0].kind, EntityKind::Person);
    let relations = "From,To,Kind\nAda,Ardent,Member of\n";
    let options = ImportOptions { type_column: Some("Kind".into()), ..ImportOptions::default() };
    let d = read("connections.csv", relations, options).dataset.unwrap();
    assert_eq!(d.relations[0].kind, RelationType::MemberOf);
}

#[test]
fn lists_become_repeated_attributes_and_kumu_tags_too() {
    let gexf = r#"<gexf><graph><attributes class="node"><attribute id="0" title="types" type="liststring"/></attributes>
<nodes><node id="a" label="A"><attvalues><attvalue for="0" value="[cooking, 'money']"/></attvalues></node><node id="b" label="B"/></nodes>
<edges><edge source="a" target="b"/></edges></graph></gexf>"#;
    let d = data("lists.gexf", gexf);
    let types: Vec<(&str, &Value)> = d.entities[0].attributes.iter().map(|a| (a.key.as_str(), &a.value)).collect();
    assert_eq!(types, [("types", &Value::Text("cooking".into())), ("types", &Value::Text("money".into()))]);
    let kumu = "Label,Tags\nArdent,battery|supplier\n";
    let tags: Vec<String> = data("kumu.csv", kumu).entities[0].attributes.iter().map(|a| a.value.display()).collect();
    assert_eq!(tags, ["battery", "supplier"]);
}

#[test]
fn a_jgf_files_later_graphs_and_hyperedges_are_named_as_left_out() {
    let jgf = r#"{"graphs": [{"nodes": {"a": {}, "b": {}}, "edges": [{"source": "a", "target": "b"}], "hyperedges": [{"nodes": ["a", "b"]}]}, {"nodes": {"c": {}}}, {"nodes": {"d": {}}}]}"#;
    let checked = read("multi.json", jgf, ImportOptions::default());
    let messages: Vec<&str> = checked.diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(messages.iter().any(|m| m.contains("second and later graphs") && m.contains("2 elements left out, first graph #2 of 3")), "{messages:?}");
    assert!(messages.iter().any(|m| m.contains("hyperedge") && m.contains("1 element left out")), "{messages:?}");
    assert_eq!(checked.dataset.unwrap().entities.len(), 2);
}

#[test]
fn csv_dialects_are_sniffed_and_an_unread_separator_is_named() {
    let entities = "\u{feff}Id;Label;Kind\na;Ardent;Company\nb;Bolt;person\n";
    let relations = "Source;Target;Weight\na;b;2,5\n";
    let inputs = [Input { name: "nodes.csv", text: entities }, Input { name: "edges.csv", text: relations }];
    let d = import_with(Format::Csv, &inputs, ImportOptions::default()).dataset.unwrap();
    assert_eq!((d.entities.len(), d.relations.len(), d.entities[1].kind), (2, 1, EntityKind::Person));
    assert_eq!(data("edges.tsv", "Source\tTarget\na\tb\n").relations.len(), 1);
    assert_eq!(data("gephi.csv", "Source Target Type\nFred Alice Directed\n").relations.len(), 1);
    let checked = read("pipe.csv", "Source|Target\na|b\n", ImportOptions::default());
    assert_eq!(checked.diagnostics.len(), 1, "one error, not a second 'no entities'");
    assert!(checked.diagnostics[0].hint.as_deref().unwrap().contains("separated by `|`"), "{:?}", checked.diagnostics[0].hint);
}

/// We export Cytoscape JSON, so we read it back: every entity and relation
/// with kinds, types, aliases and each relation's source ids.
#[test]
fn our_cytoscape_export_reads_back_and_compound_parents_nest() {
    let seed = crate::seed::seed();
    let text = serde_json::to_string(&alliance_map::formats::export::cytoscape::to_cytoscape(&seed)).unwrap();
    let back = data("seed.cytoscape.json", &text);
    assert_eq!(back.entities.len(), seed.entities.len());
    for (a, b) in seed.entities.iter().zip(&back.entities) {
        assert_eq!((&a.id, &a.name, a.kind, &a.aliases), (&b.id, &b.name, b.kind, &b.aliases));
    }
    assert_eq!(back.relations.len(), seed.relations.len());
    for (a, b) in seed.relations.iter().zip(&back.relations) {
        let ids = |d: &Dataset, r: &alliance_map::model::Relation| r.sources.iter().map(|&s| d.source(s).id.clone()).collect::<Vec<_>>();
        assert_eq!((a.kind, a.from, a.to, a.share, &a.role, a.start), (b.kind, b.from, b.to, b.share, &b.role, b.start));
        assert_eq!(ids(&seed, a), ids(&back, b));
    }
    let compound = r#"[{"data": {"id": "g", "name": "Group"}}, {"data": {"id": "a", "parent": "g"}}, {"data": {"source": "a", "target": "g"}, "group": "edges"}]"#;
    let d = data("compound.json", compound);
    let kinds: Vec<RelationType> = d.relations.iter().map(|r| r.kind).collect();
    assert_eq!(kinds, [RelationType::MemberOf, RelationType::RelatedTo]);
}

#[test]
fn graphology_json_reads_with_its_options_and_attributes() {
    let json = r#"{"attributes": {"name": "Clique"}, "options": {"type": "undirected"}, "nodes": [{"key": "1", "attributes": {"label": "One", "x": 1, "y": 2, "community": "3"}}, {"key": "2"}], "edges": [{"key": "e", "source": "1", "target": "2", "attributes": {"weight": 2}}]}"#;
    let checked = read("g.json", json, ImportOptions::default());
    assert_eq!(checked.diagnostics.iter().map(|d| d.code.as_str()).collect::<Vec<_>>(), ["W009"], "x and y named as left out");
    let d = checked.dataset.unwrap();
    assert_eq!((d.meta.title.as_str(), d.entities[0].name.as_str()), ("Clique", "One"));
    assert_eq!(d.entities[0].attributes[0].value, Value::Number(3.0));
    assert_eq!(attribute(&d.relations[0].attributes, "directed"), Some(&Value::Bool(false)));
    assert_eq!(attribute(&d.relations[0].attributes, "weight"), Some(&Value::Number(2.0)));
}

/// FollowTheMoney lines: our export reads back with kinds, types, ends,
/// shares, roles, statuses, dates and notes (sources become `import`:
/// FtM carries only publishers and URLs); OpenSanctions-style records map
/// by schema, and schemas with no place are named.
#[test]
fn followthemoney_lines_round_trip_and_foreign_ones_map_by_schema() {
    let seed = crate::seed::seed();
    let text = alliance_map::formats::export::ftm::to_ftm(&seed);
    let back = data("seed.ftm.json", &text);
    for (a, b) in seed.entities.iter().zip(&back.entities) {
        assert_eq!((&a.id, &a.name, a.kind, &a.aliases, &a.country, &a.wikidata), (&b.id, &b.name, b.kind, &b.aliases, &b.country, &b.wikidata));
    }
    assert_eq!(back.relations.len(), seed.relations.len());
    for (a, b) in seed.relations.iter().zip(&back.relations) {
        assert_eq!((a.kind, a.from, a.to, a.share.map(|s| s.percent), &a.role, a.status), (b.kind, b.from, b.to, b.share.map(|s| s.percent), &b.role, b.status));
        assert_eq!((a.start, a.end, a.announced, &a.note), (b.start, b.end, b.announced, &b.note));
    }
    let lines = "{\"id\": \"p\", \"schema\": \"Person\", \"properties\": {\"name\": [\"Ada\"], \"country\": [\"gb\"]}}\n{\"id\": \"c\", \"schema\": \"Company\", \"properties\": {\"name\": [\"Engines\"]}}\n{\"id\": \"o\", \"schema\": \"Ownership\", \"properties\": {\"owner\": [\"p\"], \"asset\": [\"c\"], \"percentage\": [\"51%\"]}}\n{\"id\": \"a\", \"schema\": \"Address\", \"properties\": {}}\n";
    let checked = read("os.jsonl", lines, ImportOptions::default());
    assert_eq!(checked.diagnostics.iter().map(|d| d.code.as_str()).collect::<Vec<_>>(), ["W009"]);
    let d = checked.dataset.unwrap();
    assert_eq!((d.entities[0].kind, d.entities[0].country.as_str()), (EntityKind::Person, "GB"));
    assert_eq!((d.relations[0].kind, d.relations[0].share.map(|s| s.percent)), (RelationType::Owns, Some(51.0)));
}

/// Gephi's picture is the map's layout when every node has a position:
/// centred, its mean edge the layout's length, y turned down; a file that
/// places only some nodes is laid out afresh, with one warning.
#[test]
fn positions_of_every_node_become_the_layout() {
    let gexf = r#"<gexf xmlns:viz="http://gexf.net/1.3/viz"><graph><nodes>
<node id="a"><viz:position x="0" y="0"/></node><node id="b"><viz:position x="10" y="0"/></node><node id="c"><viz:position x="10" y="20"/></node>
</nodes><edges><edge source="a" target="b"/><edge source="b" target="c"/></edges></graph></gexf>"#;
    let checked = read("placed.gexf", gexf, ImportOptions::default());
    assert!(checked.diagnostics.is_empty(), "{:#?}", checked.diagnostics);
    let p = checked.positions.expect("every node placed");
    let (length, center) = (45.0 / 15.0, (20.0 / 3.0, -20.0 / 3.0));
    let expected: Vec<f32> = [(0.0, 0.0), (10.0, 0.0), (10.0, -20.0)].iter().flat_map(|&(x, y): &(f64, f64)| [((x - center.0) * length) as f32, ((y - center.1) * length) as f32]).collect();
    assert_eq!(p, expected);
    let data = checked.dataset.unwrap();
    let options = alliance_map::cli::outputs::BuildOptions { positions: Some(p.clone()), ..Default::default() };
    let files = alliance_map::cli::outputs::site_files(data, &options, None, ["", ""]);
    assert_eq!(alliance_map::compiled::decode(&files[0].1).unwrap().positions, p, "build draws them as placed");
    let partial = gexf.replace(r#"<viz:position x="10" y="20"/>"#, "");
    let checked = read("partial.gexf", &partial, ImportOptions::default());
    assert!(checked.positions.is_none());
    assert!(checked.diagnostics[0].message.contains("2 of 3"), "{:?}", checked.diagnostics);
}

/// An undirected edge goes back out as one, and comes in again once.
#[test]
fn undirected_edges_export_as_undirected_and_round_trip() {
    let gexf = r#"<gexf><graph defaultedgetype="undirected"><nodes><node id="a"/><node id="b"/></nodes><edges><edge source="a" target="b"/></edges></graph></gexf>"#;
    let d = data("u.gexf", gexf);
    let out = alliance_map::formats::export::gexf::to_gexf(&d);
    assert!(out.contains(r#"type="undirected""#), "{out}");
    let graphml = alliance_map::formats::export::graphml::to_graphml(&d);
    assert!(graphml.contains(r#"directed="false""#), "{graphml}");
    for (name, text) in [("back.gexf", out), ("back.graphml", graphml)] {
        assert_eq!(data(name, &text).relations[0].attributes, [("directed".to_string(), Value::Bool(false))], "{name}");
    }
}

/// Dates in a column the user names are each relation's start or end.
#[test]
fn dates_in_named_columns_are_relation_dates() {
    let csv = "Source,Target,Founded,Dissolved\na,b,2019-05,2023\n";
    let options = ImportOptions { start_column: Some("Founded".into()), end_column: Some("dissolved".into()), ..ImportOptions::default() };
    let d = read("edges.csv", csv, options).dataset.unwrap();
    let r = &d.relations[0];
    assert_eq!((r.start.map(|d| d.to_string()), r.end.map(|d| d.to_string())), (Some("2019-05".into()), Some("2023".into())));
    assert!(r.attributes.is_empty(), "{:?}", r.attributes);
}

/// Gephi's adjacency matrix CSV: the header's nodes, an edge per non-zero
/// cell with its weight; a blank `attr.name` keeps its column (by id).
#[test]
fn adjacency_matrices_and_blank_column_names_are_read() {
    let d = data("matrix.csv", " ,A,B,C\nA,0,1,2.5\nB,0,0,0\nC,1,0,0\n");
    assert_eq!(d.entities.len(), 3);
    let edges: Vec<String> = d.relations.iter().map(|r| format!("{}>{} {:?}", d.entity(r.from).name, d.entity(r.to).name, r.attributes)).collect();
    assert_eq!(edges, ["A>B []", "A>C [(\"weight\", Number(2.5))]", "C>A []"]);
    let graphml = r#"<graphml><key id="d0" for="node" attr.name="" attr.type="string"/><graph><node id="a"><data key="d0">x</data></node></graph></graphml>"#;
    let d = data("blank.graphml", graphml);
    assert_eq!(d.entities[0].attributes[0].key, "d0");
    assert!(alliance_map::cli::outputs::convert_toml(&d).is_ok());
}
