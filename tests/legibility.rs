//! Who gets named on the seed's first view.
use alliance_map::compiled::Compiled;
use alliance_map::display::fit_view;
use alliance_map::layout::LayoutConfig;
use alliance_map::pipeline::compile;
use alliance_map::scene::labels::{count_label_overlaps, place_labels};
use alliance_map::scene::Scene;
use alliance_map::model::EntityIx;

use crate::seed;

#[derive(serde::Deserialize)]
struct Fixture {
    widths: Vec<f32>,
    desktop: [f32; 2],
    phone: [f32; 2],
}

#[test]
fn probe() {
    let fx: Fixture = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/labels/seed.json")).unwrap()).unwrap();
    let el: f64 = std::env::var("EL").ok().and_then(|v| v.parse().ok()).unwrap_or(45.0);
    let gap: f64 = std::env::var("GAP").ok().and_then(|v| v.parse().ok()).unwrap_or(12.0);
    let compiled: Compiled = compile(seed::seed(), &LayoutConfig { edge_length: el, gap, ..LayoutConfig::default() });
    let scene = Scene::new(compiled);
    for (name, [w, h]) in [("desktop", fx.desktop), ("phone", fx.phone)] {
        let view = fit_view(&scene, w, h);
        let placed = place_labels(&scene, &fx.widths, 16.0, view);
        let named: Vec<u32> = placed.iter().map(|p| p.entity).collect();
        let mut by_degree: Vec<usize> = (0..scene.radii.len()).collect();
        by_degree.sort_by_key(|&e| std::cmp::Reverse(scene.degree(EntityIx::at(e))));
        let top = by_degree[..10].iter().filter(|&&e| named.contains(&(e as u32))).count();
        let missing: Vec<String> = by_degree.iter().filter(|&&e| !named.contains(&(e as u32))).map(|&e| format!("{}({})", scene.data.entities[e].id, scene.degree(EntityIx::at(e)))).collect();
        println!("{name}: {} of {} named, top10 {top}, overlaps {}, zoom {}; unnamed {missing:?}", placed.len(), scene.radii.len(), count_label_overlaps(&scene, &fx.widths, 16.0, view, &placed), view.zoom);
    }
}

#[test]
fn probe_svg() {
    let fx: Fixture = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/labels/seed.json")).unwrap()).unwrap();
    let scene = Scene::new(compile(seed::seed(), &LayoutConfig::default()));
    for (name, [w, h]) in [("desktop", fx.desktop), ("phone", fx.phone)] {
        let list = alliance_map::display::display_list(&scene, fit_view(&scene, w, h), &fx.widths, 16.0, alliance_map::display::style::LIGHT);
        std::fs::write(format!("target/m14/{name}.svg"), alliance_map::display::svg::to_svg(&list)).unwrap();
    }
}
