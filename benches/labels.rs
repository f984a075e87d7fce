//! `cargo bench --bench labels`: label placement per frame, natively, on a
//! 10,000-entity map (Barabási–Albert, 5 relations per entity, laid out by
//! the pipeline), the work the widget's `placeLabels` does in wasm each
//! time the view moves. Labels are 42 characters wide at 6.5 px a character,
//! like the generated names of `examples/synth_toml.rs`.
//!
//! Prints the median and 95th percentile over 300 frames of a scripted walk
//! (from the fit of the whole map to 16 times closer, panning across it) for
//! each case: desktop 1280x800 and phone 390x844, with nothing selected and
//! with the biggest hub selected (its neighbours named first). The issue's
//! bar: a median of a few milliseconds, kept so.

use alliance_map::layout::LayoutConfig;
use alliance_map::pipeline::compile;
use alliance_map::scene::labels::{place_labels, Viewport};
use alliance_map::scene::{Item, Scene};
use alliance_map::model::EntityIx;
use std::time::Instant;

const ENTITIES: usize = 10_000;
const FRAMES: usize = 300;
const LABEL_WIDTH: f32 = 42.0 * 6.5;
const LINE_HEIGHT: f32 = 16.0;

fn main() {
    let scene_of = || Scene::new(compile(alliance_map::synth::dataset(ENTITIES, 5 * ENTITIES, 1), &LayoutConfig::default()));
    let plain = scene_of();
    let mut selected = scene_of();
    let hub = (0..ENTITIES).max_by_key(|&e| selected.degree(EntityIx::at(e))).expect("entities");
    selected.select(Some(Item::Entity(EntityIx::at(hub))));
    let widths = vec![LABEL_WIDTH; ENTITIES];
    println!("label placement per frame, {ENTITIES} entities, {FRAMES} frames of a zoom-and-pan walk");
    for (name, scene) in [("nothing selected", &plain), ("the biggest hub selected", &selected)] {
        for (screen, width, height) in [("desktop 1280x800", 1280.0, 800.0), ("phone 390x844", 390.0, 844.0)] {
            let mut times: Vec<f64> = Vec::with_capacity(FRAMES);
            let mut placed = 0;
            for view in walk(scene, width, height) {
                let t = Instant::now();
                placed += place_labels(scene, &widths, LINE_HEIGHT, view).len();
                times.push(t.elapsed().as_secs_f64() * 1e3);
            }
            times.sort_by(f64::total_cmp);
            let (median, p95) = (times[FRAMES / 2], times[FRAMES * 95 / 100]);
            println!("  {screen}, {name}: median {median:.2} ms, p95 {p95:.2} ms, max {:.2} ms ({:.1} labels a frame)", times[FRAMES - 1], placed as f64 / FRAMES as f64);
        }
    }
}

/// The views of the walk: from the fit of the whole map to 16x closer
/// (about 1% a frame), around a centre that drifts towards a corner.
fn walk(scene: &Scene, width: f32, height: f32) -> Vec<Viewport> {
    let b = scene.bounds();
    let fit = (width / (b[2] - b[0])).min(height / (b[3] - b[1]));
    (0..FRAMES)
        .map(|i| {
            let t = i as f32 / FRAMES as f32;
            let zoom = fit * 16f32.powf(t);
            let (cx, cy) = (b[0] + (b[2] - b[0]) * (0.5 - 0.3 * t), b[1] + (b[3] - b[1]) * (0.5 - 0.2 * t));
            Viewport { x: cx - width / 2.0 / zoom, y: cy - height / 2.0 / zoom, zoom, width, height }
        })
        .collect()
}
