//! The story's half of the facade (full module): the steps as the widget
//! shows them (`www/steps.js` applies each through the reader's own
//! calls), a step's highlights, notes and camera; and which edition of the
//! map this is (the version and corrections under the legend).

use crate::full::to_js;
use crate::MapHandle;
use alliance_map::display::story::steps_view;
use alliance_map::model::EntityIx;
use alliance_map::scene::story::StepCamera;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Where a step's camera goes, for `www/steps.js`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CameraView {
    /// "fit" (the box), "all" (the whole map) or "centre" (x, y at zoom times the whole map's fit).
    kind: &'static str,
    bounds: Option<[f32; 4]>,
    /// The largest radius among the fitted entities, world units.
    r_max: Option<f32>,
    x: Option<f32>,
    y: Option<f32>,
    zoom: Option<f32>,
}

#[wasm_bindgen]
impl MapHandle {
    /// Every step: `[{number, count, title, parts: [{text, cite}], citations,
    /// select, path: {from, to, index}, highlight, hiddenTypes, hiddenKinds,
    /// hiddenSources, asOf, notes: [{entity, about, text}], shows}]`.
    pub fn steps(&self) -> Result<JsValue, JsError> {
        to_js(&steps_view(&self.scene.data, self.scene.adjacency()))
    }

    /// Draws these entities in focus, the rest faded (empty: none).
    #[wasm_bindgen(js_name = setHighlight)]
    pub fn set_highlight(&mut self, entities: &[u32]) {
        let n = self.scene.radii.len() as u32;
        let list: Vec<EntityIx> = entities.iter().filter(|&&e| e < n).map(|&e| EntityIx(e)).collect();
        self.scene.set_highlight(&list);
    }

    /// The notes of step `i` (undefined: none) for the label pass to place
    /// first, `widths[j]` the CSS px of note j's label (`steps()[i].notes[j].label`);
    /// placed labels from `nodeCount` on are notes.
    #[wasm_bindgen(js_name = setStepNotes)]
    pub fn set_step_notes(&mut self, i: Option<u32>, widths: &[f32]) {
        self.scene.set_step_notes(i.map(|i| i as usize), widths);
    }

    /// Which edition this is: `{line: "Data as of …, version 1a2b3c4d", corrections: ["Corrected on …"]}`.
    pub fn edition(&self) -> Result<JsValue, JsError> {
        to_js(&alliance_map::display::edition::edition_view(&self.scene.data, self.hash))
    }

    /// Where step `i`'s camera goes once the step is applied (its path found):
    /// `{kind: "fit", bounds, rMax}`, `{kind: "all"}` or `{kind: "centre", x, y, zoom}`.
    #[wasm_bindgen(js_name = stepCamera)]
    pub fn step_camera(&self, i: u32) -> Result<JsValue, JsError> {
        let step = self.scene.data.steps.get(i as usize).ok_or_else(|| JsError::new(&format!("stepCamera: no step {i}")))?;
        let view = match self.scene.step_camera(step) {
            StepCamera::Fit { bounds, r_max } => CameraView { kind: "fit", bounds: Some(bounds), r_max: Some(r_max), x: None, y: None, zoom: None },
            StepCamera::All => CameraView { kind: "all", bounds: None, r_max: None, x: None, y: None, zoom: None },
            StepCamera::Centre { x, y, zoom } => CameraView { kind: "centre", bounds: None, r_max: None, x: Some(x), y: Some(y), zoom: Some(zoom) },
        };
        to_js(&view)
    }
}
