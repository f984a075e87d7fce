//! Exports of the seed carry every entity, relation and citation, and stay
//! well formed whatever the data holds.

use alliance_map::export::{csv, cytoscape, gexf, graphml};

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
    let rows = csv::entities_csv(&data);
    assert!(rows.contains("\"<script>alert(1)</script>\"") || rows.contains("<script>alert(1)</script>"));
}
