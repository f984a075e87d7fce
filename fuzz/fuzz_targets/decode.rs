//! Any bytes given to `compiled::decode` (what the widget does with a
//! downloaded file) give a dataset or an error, never a panic; a decoded
//! dataset builds a scene whose queries stay in bounds.
#![no_main]

use alliance_map::compiled::decode;
use alliance_map::scene::{Item, Scene};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut input = b"AMAP\x01\x00".to_vec();
    input.extend_from_slice(data);
    if let Ok(compiled) = decode(&input) {
        let mut scene = Scene::new(compiled);
        let _ = scene.pick(0.0, 0.0, 10.0);
        if !scene.radii.is_empty() {
            scene.select(Some(Item::Entity(0)));
            let _ = scene.details(Item::Entity(0));
        }
    }
});
