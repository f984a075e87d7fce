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

#[test]
fn the_png_painters_display_list_holds_what_the_svg_shows() {
    let mut data = crate::seed::seed();
    data.entities[0].name = "Quote \" backslash \\ newline \n <b>".into();
    let scene = Scene::new(alliance_map::pipeline::compile(data, &Default::default()));
    let widths: Vec<f32> = scene.data.entities.iter().map(|e| 7.0 * e.label().chars().count() as f32).collect();
    let list = display_list(&scene, fit_view(&scene, 1200.0, 800.0), &widths, 16.0);
    let svg = alliance_map::svg::to_svg(&list);
    let json: serde_json::Value = serde_json::from_str(&alliance_map::display_json::to_json(&list)).expect("valid JSON");
    let shapes = json["shapes"].as_array().unwrap();
    let count = |kind: &str| shapes.iter().filter(|s| s[0] == kind).count();
    assert_eq!(count("node"), svg.matches("<circle").count());
    assert_eq!(count("edge"), svg.matches("<line").count());
    assert_eq!(count("label"), list.shapes.iter().filter(|s| matches!(s, Shape::Label { .. })).count());
    let labels: Vec<&str> = shapes.iter().filter(|s| s[0] == "label").map(|s| s[3].as_str().unwrap()).collect();
    let expected: Vec<&str> = list.shapes.iter().filter_map(|s| if let Shape::Label { text, .. } = s { Some(text.as_str()) } else { None }).collect();
    assert_eq!(labels, expected, "label text exactly, whatever it holds");
    assert!(labels.iter().any(|l| l.contains("\" backslash \\ newline \n")), "{labels:?}");
    let footer: Vec<&str> = json["footer"].as_array().unwrap().iter().map(|l| l[1].as_str().unwrap()).collect();
    assert_eq!(footer[0], "Sources");
    assert_eq!(&footer[1..], list.citations.as_slice());
    let svg_height = svg.split("height=\"").nth(1).and_then(|h| h.split('"').next()).unwrap();
    assert_eq!(json["height"].as_f64().unwrap(), svg_height.parse::<f64>().unwrap(), "same size as the SVG");
}
