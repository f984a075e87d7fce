//! The first-frame module (crates/widget without `full`) draws from `compiled::for_drawing`: a
//! cut of the dataset without sources, facts or notes. What a reader sees
//! in the first frame must be exactly what the full module then shows:
//! the same circles, lines, dashes, labels, legend and title, for the seed
//! and for the documented example.

use alliance_map::check::check;
use alliance_map::compiled::{decode, encode, for_drawing, Compiled};
use alliance_map::display::fit_view;
use alliance_map::scene::labels::place_labels;
use alliance_map::layout::LayoutConfig;
use alliance_map::pipeline::compile;
use alliance_map::scene::{legend_json, Scene};

fn fixtures() -> Vec<(&'static str, Compiled)> {
    let example = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/docs_example.toml")).unwrap();
    let example = check(&example).dataset.expect("the documented example checks clean");
    vec![("seed", compile(crate::seed::seed(), &LayoutConfig::default())), ("docs example", compile(example, &LayoutConfig::default()))]
}

fn labels(scene: &Scene) -> Vec<String> {
    scene.data.entities.iter().map(|e| e.label().to_owned()).collect()
}

#[test]
fn the_first_frame_draws_exactly_what_the_full_map_draws() {
    for (name, full) in fixtures() {
        let cut = decode(&encode(&for_drawing(&full))).unwrap_or_else(|e| panic!("{name}: the cut decodes: {e}"));
        let (a, b) = (Scene::new(full), Scene::new(cut));
        assert_eq!(a.positions, b.positions, "{name}: positions");
        assert_eq!(a.radii, b.radii, "{name}: radii");
        assert_eq!(a.node_kind, b.node_kind, "{name}: kinds");
        assert_eq!(a.edge_ends, b.edge_ends, "{name}: relation ends");
        assert_eq!(a.edge_kind, b.edge_kind, "{name}: relation types");
        assert_eq!(a.edge_flags, b.edge_flags, "{name}: dashes");
        assert_eq!(labels(&a), labels(&b), "{name}: label texts");
        assert_eq!(a.data.meta, b.data.meta, "{name}: title and description");
        assert_eq!(legend_json(&a), legend_json(&b), "{name}: legend");
        let widths: Vec<f32> = labels(&a).iter().map(|l| 7.0 * l.chars().count() as f32).collect();
        let view = fit_view(&a, 800.0, 600.0);
        assert_eq!(place_labels(&a, &widths, 16.0, view), place_labels(&b, &widths, 16.0, view), "{name}: placed labels");
    }
}

#[test]
fn the_first_frame_cut_leaves_out_what_is_not_drawn() {
    let full = fixtures().remove(0).1;
    let cut = for_drawing(&full);
    assert!(cut.dataset.sources.is_empty());
    assert!(cut.dataset.entities.iter().all(|e| e.attributes.is_empty() && e.country.is_empty()));
    assert!(cut.dataset.relations.iter().all(|r| r.note.is_empty() && r.sources.is_empty() && r.share.is_none()));
    let (full_bytes, cut_bytes) = (encode(&full).len(), encode(&cut).len());
    assert!(cut_bytes * 3 < full_bytes, "the seed's cut is {cut_bytes} bytes of {full_bytes}");
}

#[test]
fn the_legend_is_json_with_the_kinds_and_types_present_and_their_counts() {
    let scene = Scene::new(fixtures().remove(0).1);
    let legend: serde_json::Value = serde_json::from_str(&legend_json(&scene)).expect("valid JSON");
    let total = |key: &str| legend[key].as_array().unwrap().iter().map(|row| row["count"].as_u64().unwrap()).sum::<u64>();
    assert_eq!(total("kinds"), scene.node_kind.len() as u64, "every entity counted once");
    assert_eq!(total("relations"), scene.edge_kind.len() as u64, "every relation counted once");
    let first = &legend["kinds"][0];
    assert_eq!((first["index"].as_u64(), first["key"].as_str()), (Some(0), Some("company")), "vocabulary order, index and key: {first}");
}
