//! The SVG of the whole map: every entity drawn, labels as text that never
//! overlap, citations in a footer; and the canvas palette matches Rust's.

use alliance_map::display::{display_list, fit_view, Shape};
use alliance_map::scene::Scene;
use alliance_map::style::{KIND_COLORS, RELATION_COLORS};
use alliance_map::vocab::{EntityKind, RelationType};

#[test]
fn the_seed_renders_every_entity_with_text_labels_and_citations() {
    let scene = Scene::new(alliance_map::pipeline::compile(crate::seed::seed(), &Default::default()));
    let widths: Vec<f32> = scene.data.entities.iter().map(|e| 7.0 * e.label().chars().count() as f32).collect();
    let list = display_list(&scene, fit_view(&scene, 1200.0, 800.0), &widths, 16.0);
    let nodes = list.shapes.iter().filter(|s| matches!(s, Shape::Node { .. })).count();
    assert_eq!(nodes, scene.data.entities.len());
    assert_eq!(list.citations.len(), 3);
    let svg = alliance_map::svg::to_svg(&list);
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.contains(">CSIA</text>") || svg.contains(">China Semiconductor Industry Association</text>"));
    assert!(svg.contains("[1] JW Insights, “Chinese automakers establishes Automotive Electronics Industry Investment Alliance”, Kate Yuan, 2023-09-28"));
    assert_eq!(svg.matches("<circle").count(), nodes);
}

#[test]
fn the_canvas_palette_matches_the_svg_palette() {
    let js = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/palette.js")).unwrap();
    let colours = |name: &str| -> Vec<String> {
        let start = js.find(&format!("export const {name} = [")).unwrap_or_else(|| panic!("{name} in palette.js"));
        let body = &js[start..start + js[start..].find("];").unwrap()];
        body.split('\'').skip(1).step_by(2).map(String::from).collect()
    };
    assert_eq!(colours("KIND_COLORS"), KIND_COLORS);
    assert_eq!(colours("RELATION_COLORS"), RELATION_COLORS);
    assert_eq!(KIND_COLORS.len(), EntityKind::ALL.len());
    assert_eq!(RELATION_COLORS.len(), RelationType::ALL.len());
}
