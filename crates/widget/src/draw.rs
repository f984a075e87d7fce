//! The drawing half of the facade, in both modules: counts, typed-array
//! pointers, positions from the layout worker, bounds, title, legend and
//! label placement. What the first frame draws is drawn by exactly this
//! code in the full module too (tests/first_frame.rs).

use crate::MapHandle;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl MapHandle {
    /// Number of entities.
    #[wasm_bindgen(getter, js_name = nodeCount)]
    pub fn node_count(&self) -> u32 {
        self.scene.radii.len() as u32
    }

    /// Number of relations.
    #[wasm_bindgen(getter, js_name = edgeCount)]
    pub fn edge_count(&self) -> u32 {
        self.scene.edge_kind.len() as u32
    }

    /// How many steps the data's story has (0: none); the first frame
    /// reserves the story bar's place, the full module shows it.
    #[wasm_bindgen(getter, js_name = stepCount)]
    pub fn step_count(&self) -> u32 {
        self.scene.data.steps.len() as u32
    }

    /// x, y per entity (Float32Array of 2n).
    #[wasm_bindgen(js_name = positionsPtr)]
    pub fn positions_ptr(&self) -> *const f32 {
        self.scene.positions.as_ptr()
    }

    /// True for a dataset compiled with `--no-layout` until `setPositions`:
    /// the page lays it out in a worker (www/layout.js) meanwhile.
    #[wasm_bindgen(js_name = needsLayout)]
    pub fn needs_layout(&self) -> bool {
        self.scene.needs_layout()
    }

    /// Sets x, y per entity (2n finite numbers, from the layout worker) and
    /// rebuilds the picking index; the positions view stays valid.
    #[wasm_bindgen(js_name = setPositions)]
    pub fn set_positions(&mut self, positions: &[f32]) -> Result<(), JsError> {
        self.scene.set_positions(positions).map_err(|e| JsError::new(&e.message()))
    }

    /// Radius per entity (Float32Array of n).
    #[wasm_bindgen(js_name = radiiPtr)]
    pub fn radii_ptr(&self) -> *const f32 {
        self.scene.radii.as_ptr()
    }

    /// Node palette index per entity (Uint8Array of n): its kind's colour,
    /// or its group's when the map is coloured by group (`NODE_COLORS`).
    #[wasm_bindgen(js_name = nodeColorPtr)]
    pub fn node_color_ptr(&self) -> *const u8 {
        self.scene.node_color.as_ptr()
    }

    /// Emphasis per entity (Uint8Array of n): 0 normal, 1 faded, 2 near, 3 focus.
    #[wasm_bindgen(js_name = nodeEmphasisPtr)]
    pub fn node_emphasis_ptr(&self) -> *const u8 {
        self.scene.node_emphasis.as_ptr()
    }

    /// from, to per relation (Uint32Array of 2m).
    #[wasm_bindgen(js_name = edgeEndsPtr)]
    pub fn edge_ends_ptr(&self) -> *const u32 {
        self.scene.edge_ends.as_ptr()
    }

    /// Relation type index per relation (Uint8Array of m).
    #[wasm_bindgen(js_name = edgeKindPtr)]
    pub fn edge_kind_ptr(&self) -> *const u8 {
        self.scene.edge_kind.as_ptr()
    }

    /// Flag bits per relation (Uint8Array of m): 1 dashed.
    #[wasm_bindgen(js_name = edgeBendPtr)]
    /// Bend per relation (Int8Array of m): 0 straight, else which curve of
    /// the ties between its two entities (`scene::drawing::edge_bends`).
    pub fn edge_bend_ptr(&self) -> *const i8 {
        self.scene.edge_bend.as_ptr()
    }

    #[wasm_bindgen(js_name = edgeFlagsPtr)]
    pub fn edge_flags_ptr(&self) -> *const u8 {
        self.scene.edge_flags.as_ptr()
    }

    /// Emphasis per relation (Uint8Array of m).
    #[wasm_bindgen(js_name = edgeEmphasisPtr)]
    pub fn edge_emphasis_ptr(&self) -> *const u8 {
        self.scene.edge_emphasis.as_ptr()
    }

    /// Visibility per entity (Uint8Array of n): 1 shown, 0 hidden by a filter.
    #[wasm_bindgen(js_name = nodeVisiblePtr)]
    pub fn node_visible_ptr(&self) -> *const u8 {
        self.scene.node_visible.as_ptr()
    }

    /// Visibility per relation (Uint8Array of m): 1 shown, 0 hidden.
    #[wasm_bindgen(js_name = edgeVisiblePtr)]
    pub fn edge_visible_ptr(&self) -> *const u8 {
        self.scene.edge_visible.as_ptr()
    }

    /// Bounding box of the drawing: [min x, min y, max x, max y].
    pub fn bounds(&self) -> Vec<f32> {
        self.scene.bounds().to_vec()
    }

    /// The dataset's title (`[meta] title`).
    #[wasm_bindgen(getter)]
    pub fn title(&self) -> String {
        self.scene.data.meta.title.clone()
    }

    /// The dataset's description (`[meta] description`), or empty: the
    /// page shows it with the first frame, so nothing shifts later.
    #[wasm_bindgen(getter)]
    pub fn description(&self) -> String {
        self.scene.data.meta.description.clone()
    }

    /// The label of each entity, in index order (what the map writes beside
    /// it): one line, or two joined by `\n` (`Entity::label_text`).
    pub fn labels(&self) -> Vec<String> {
        self.scene.data.entities.iter().map(|e| e.label_text().into_owned()).collect()
    }

    /// Kinds and relation types present, with counts, as JSON:
    /// `{"kinds": [[index, key, count]], "relations": [...]}`.
    pub fn legend(&self) -> String {
        alliance_map::scene::legend_json(&self.scene)
    }

    /// Label text widths in CSS px, one per entity (measured once by the page).
    #[wasm_bindgen(js_name = setLabelWidths)]
    pub fn set_label_widths(&mut self, widths: &[f32]) -> bool {
        if widths.len() != self.label_widths.len() {
            return false;
        }
        self.label_widths.copy_from_slice(widths);
        true
    }

    /// Places labels for a view, none of them in the box (rx0, ry0)-(rx1,
    /// ry1) (CSS px: the buttons drawn over the map; rx0 NaN for none) nor
    /// in (sx0, sy0)-(sx1, sy1) (the story bar; sx0 NaN for none);
    /// returns how many. Read them with `labelsPtr` as a Float32Array of
    /// [entity, x, y, x0, y0, x1, y1] (CSS px): the text's left and middle,
    /// then its leader line from the node's circle, x0 NaN when the label
    /// sits beside its node.
    // Plain numbers, not a slice: no allocation and less glue in the first frame.
    #[wasm_bindgen(js_name = placeLabels)]
    #[allow(clippy::too_many_arguments)]
    pub fn place_labels(&mut self, x: f32, y: f32, zoom: f32, width: f32, height: f32, line_height: f32, rx0: f32, ry0: f32, rx1: f32, ry1: f32, sx0: f32, sy0: f32, sx1: f32, sy1: f32) -> u32 {
        let view = alliance_map::scene::labels::Viewport { x, y, zoom, width, height };
        // Two boxes the page draws over the map (the toolbar, the story bar); NaN: none.
        let reserved: Vec<[f32; 4]> = [[rx0, ry0, rx1, ry1], [sx0, sy0, sx1, sy1]].into_iter().filter(|b| !b[0].is_nan()).collect();
        let placed = alliance_map::scene::labels::place_labels_around(&self.scene, &self.label_widths, line_height, view, &reserved);
        self.labels.clear();
        self.labels.extend(placed.iter().flat_map(|p| {
            let [x0, y0, x1, y1] = p.leader.unwrap_or([f32::NAN; 4]);
            [p.entity as f32, p.x, p.y, x0, y0, x1, y1]
        }));
        placed.len() as u32
    }

    /// The placed labels (see `placeLabels`).
    #[wasm_bindgen(js_name = labelsPtr)]
    pub fn labels_ptr(&self) -> *const f32 {
        self.labels.as_ptr()
    }
}
