//! Any bytes given to `compiled::decode` (what the widget does with a
//! downloaded file) give a dataset or an error, never a panic; a decoded
//! dataset builds a scene whose queries stay in bounds, and its first-frame
//! cut (what the first-frame module draws) builds a scene that draws and places labels.
#![no_main]

use alliance_map::compiled::{decode, for_drawing};
use alliance_map::display::fit_view;
use alliance_map::scene::labels::place_labels;
use alliance_map::scene::{legend_json, Item, Scene};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut input = b"AMAP\x01\x00".to_vec();
    input.extend_from_slice(data);
    if let Ok(compiled) = decode(&input) {
        let first_frame = Scene::new(for_drawing(&compiled));
        let _ = legend_json(&first_frame);
        let widths = vec![40.0; first_frame.radii.len()];
        let _ = place_labels(&first_frame, &widths, 16.0, fit_view(&first_frame, 800.0, 600.0));
        let mut scene = Scene::new(compiled);
        let _ = scene.pick(0.0, 0.0, 10.0);
        if !scene.radii.is_empty() {
            scene.select(Some(Item::Entity(alliance_map::model::EntityIx(0))));
            let _ = scene.details(Item::Entity(alliance_map::model::EntityIx(0)));
        }
    }
});
