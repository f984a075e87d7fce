//! The widget's wasm facade: the only crate (besides `crates/layout-worker`)
//! that knows wasm-bindgen, a thin adapter over the `alliance-map` crate's
//! [`Scene`]. It is built twice (`scripts/build.sh`):
//!
//! - without features, the **first-frame module** (`pkg/alliance_map_paint`):
//!   decode and draw, nothing else. Every byte of it is on the critical path
//!   of a phone's first frame, so it has no panic hook, no
//!   serde-wasm-bindgen, and its own small allocator (`alloc.rs`); it embeds
//!   the seed cut to what is drawn.
//! - with `--features full`, the **full module** (`pkg/alliance_map`): the
//!   same drawing API (`draw.rs`) plus what a reader does (`full.rs`:
//!   details, search, filters, paths, the text view, exports).
//!
//! Both export one class, `MapHandle`: the page draws from either with the
//! same code (www/views.js, render.js) and swaps the first for the second.
//! Bulk data stays in wasm memory; JavaScript reads it through typed-array
//! views built from the `*_ptr` getters. Every fallible export returns
//! `Result<_, JsError>` made by [`into_error`].

#[cfg(all(target_arch = "wasm32", not(feature = "full")))]
mod alloc;
mod draw;
#[cfg(feature = "full")]
mod full;
#[cfg(feature = "full")]
mod story;
mod seed;
#[cfg(all(test, target_arch = "wasm32", feature = "full"))]
mod web_tests;

#[cfg(all(target_arch = "wasm32", not(feature = "full")))]
#[global_allocator]
static ALLOCATOR: alloc::SizeClasses = alloc::SizeClasses::new();

use alliance_map::compiled::decode;
use alliance_map::scene::Scene;
use wasm_bindgen::prelude::*;

/// An opaque handle on one map's data and drawing (and, in the full module,
/// interaction) state.
#[wasm_bindgen]
pub struct MapHandle {
    scene: Scene,
    /// Label text widths in CSS px per entity, measured by the page.
    label_widths: Vec<f32>,
    /// The last `placeLabels` result: [entity, x, y] triples.
    labels: Vec<f32>,
    #[cfg(feature = "full")]
    reader: full::ReaderState,
    /// The compiled form's content hash: the edition readers are shown.
    #[cfg(feature = "full")]
    hash: u64,
}

/// The one way an error crosses to JavaScript: its message, as a `JsError`
/// (the full module's; the first frame's two errors bring their own words).
#[cfg(feature = "full")]
pub(crate) fn into_error(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

#[wasm_bindgen]
impl MapHandle {
    /// The seed dataset compiled into this module (in the first-frame
    /// module, only what is drawn).
    pub fn seed() -> Result<MapHandle, JsError> {
        MapHandle::from_bytes(seed::SEED)
    }

    /// A dataset in the compiled form written by `alliance-map build`.
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(bytes: &[u8]) -> Result<MapHandle, JsError> {
        // The decoder's own words: `into_error`'s Display would link core::fmt into the first frame.
        let compiled = decode(bytes).map_err(|e| JsError::new(&e.message()))?;
        let n = compiled.dataset.entities.len();
        Ok(MapHandle {
            scene: Scene::new(compiled),
            label_widths: vec![0.0; n],
            labels: Vec::new(),
            #[cfg(feature = "full")]
            reader: full::ReaderState::default(),
            #[cfg(feature = "full")]
            hash: alliance_map::compiled::hash_of(bytes).unwrap_or_default(),
        })
    }
}
