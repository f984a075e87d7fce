//! The first-frame module: the smallest wasm that can draw a map. It decodes
//! a compiled dataset (or the embedded seed) and exposes the same drawing
//! API as the full facade (`alliance_map::draw_exports!`), so the page draws
//! its first frame from it while the full module (queries, details, export)
//! downloads. It has no panic hook, no serde-wasm-bindgen and no formatter
//! of its own: every byte here is on the critical path of a phone's first
//! frame (it even has its own small allocator, `alloc.rs`). Errors come
//! back as a plain message string.

#[cfg(target_arch = "wasm32")]
mod alloc;

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: alloc::SizeClasses = alloc::SizeClasses::new();

use alliance_map::compiled::decode;
use alliance_map::scene::Scene;
use alliance_map::seed::SEED_DRAWING;
use wasm_bindgen::prelude::*;

/// One map's drawing state: the scene and the placed labels.
#[wasm_bindgen]
pub struct PaintHandle {
    scene: Scene,
    label_widths: Vec<f32>,
    labels: Vec<f32>,
}

alliance_map::draw_exports!(PaintHandle);

#[wasm_bindgen]
impl PaintHandle {
    /// The seed dataset compiled into this module (only what is drawn).
    pub fn seed() -> Result<PaintHandle, JsError> {
        PaintHandle::from_bytes(SEED_DRAWING)
    }

    /// A dataset in the compiled form written by `alliance-map build`.
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(bytes: &[u8]) -> Result<PaintHandle, JsError> {
        let compiled = decode(bytes).map_err(|e| JsError::new(&e.to_string()))?;
        let n = compiled.dataset.entities.len();
        Ok(PaintHandle { scene: Scene::new(compiled), label_widths: vec![0.0; n], labels: Vec::new() })
    }
}
