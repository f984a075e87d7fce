//! The only module that knows wasm-bindgen: a thin facade over [`Scene`].
//!
//! Bulk data stays in wasm memory; JavaScript reads it through typed-array
//! views built from the `*_ptr` getters and `memory.buffer` (re-created when
//! memory grows). Small results (details, legend) cross as plain objects via
//! serde-wasm-bindgen. Every fallible export returns `Result<_, JsError>`.

use crate::compiled::decode;
use crate::labels::{place_labels, Viewport};
use crate::query::filter::Filter;
use crate::query::paths::Path;
use crate::query::search::SearchIndex;
use crate::scene::{Item, Scene};
use crate::view::{counts_view, paths_view, search_view, timeline_view};
use crate::vocab::{EntityKind, RelationType};
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

static SEED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/seed.amap"));

thread_local! {
    static LAST_PANIC: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Records panic messages so the widget can show them instead of a blank box.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        LAST_PANIC.with(|p| *p.borrow_mut() = info.to_string());
    }));
}

/// The message of the last panic, or empty.
#[wasm_bindgen(js_name = lastPanic)]
pub fn last_panic() -> String {
    LAST_PANIC.with(|p| p.borrow().clone())
}

fn into_error(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    serde_wasm_bindgen::to_value(value).map_err(into_error)
}

fn item(kind: &str, index: u32, scene: &Scene) -> Result<Item, JsError> {
    let (n, m) = (scene.radii.len() as u32, scene.edge_kind.len() as u32);
    match kind {
        "entity" if index < n => Ok(Item::Entity(index)),
        "relation" if index < m => Ok(Item::Relation(index)),
        "entity" | "relation" => Err(JsError::new(&format!("{kind} index {index} is out of range"))),
        _ => Err(JsError::new(&format!("unknown item kind `{kind}`: expected \"entity\" or \"relation\""))),
    }
}

#[derive(Serialize)]
struct PickView {
    kind: &'static str,
    index: u32,
}

#[derive(Serialize)]
struct Legend {
    kinds: Vec<(u8, &'static str, u32)>,
    relations: Vec<(u8, &'static str, u32)>,
}

#[derive(Serialize)]
struct EntityRow<'a> {
    id: &'a str,
    name: &'a str,
    label: &'a str,
    kind: &'static str,
    degree: u32,
}

/// An opaque handle on one map's data and interaction state.
#[wasm_bindgen]
pub struct MapHandle {
    scene: Scene,
    label_widths: Vec<f32>,
    labels: Vec<f32>,
    search_index: Option<SearchIndex>,
    paths: Vec<Path>,
}

#[wasm_bindgen]
impl MapHandle {
    /// The seed dataset compiled into this module.
    pub fn seed() -> Result<MapHandle, JsError> {
        MapHandle::from_bytes(SEED)
    }

    /// A dataset in the compiled form written by `alliance-map build`.
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(bytes: &[u8]) -> Result<MapHandle, JsError> {
        let compiled = decode(bytes).map_err(into_error)?;
        let n = compiled.dataset.entities.len();
        Ok(MapHandle { scene: Scene::new(compiled), label_widths: vec![0.0; n], labels: Vec::new(), search_index: None, paths: Vec::new() })
    }

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
        self.scene.set_positions(positions).map_err(into_error)
    }

    /// Radius per entity (Float32Array of n).
    #[wasm_bindgen(js_name = radiiPtr)]
    pub fn radii_ptr(&self) -> *const f32 {
        self.scene.radii.as_ptr()
    }

    /// Kind index per entity (Uint8Array of n).
    #[wasm_bindgen(js_name = nodeKindPtr)]
    pub fn node_kind_ptr(&self) -> *const u8 {
        self.scene.node_kind.as_ptr()
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

    /// The item at a world point, or undefined: `{kind, index}`.
    pub fn pick(&self, x: f32, y: f32, tolerance: f32) -> Result<JsValue, JsError> {
        Ok(match self.scene.pick(x, y, tolerance) {
            Some(Item::Entity(e)) => to_js(&PickView { kind: "entity", index: e })?,
            Some(Item::Relation(r)) => to_js(&PickView { kind: "relation", index: r })?,
            None => JsValue::UNDEFINED,
        })
    }

    /// Hovers an item (kind "entity"/"relation") or nothing (kind ""). True if emphasis changed.
    pub fn hover(&mut self, kind: &str, index: u32) -> Result<bool, JsError> {
        let item = if kind.is_empty() { None } else { Some(item(kind, index, &self.scene)?) };
        Ok(self.scene.hover(item))
    }

    /// Selects an item, or clears the selection (kind "").
    pub fn select(&mut self, kind: &str, index: u32) -> Result<(), JsError> {
        let item = if kind.is_empty() { None } else { Some(item(kind, index, &self.scene)?) };
        self.scene.select(item);
        Ok(())
    }

    /// The details panel content for an item.
    pub fn details(&self, kind: &str, index: u32) -> Result<JsValue, JsError> {
        to_js(&self.scene.details(item(kind, index, &self.scene)?))
    }

    /// Entity rows (id, name, label, kind, degree) in index order, for measuring
    /// labels and for the text list.
    pub fn entities(&self) -> Result<JsValue, JsError> {
        let rows: Vec<EntityRow> = self
            .scene
            .data
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| EntityRow { id: &e.id, name: &e.name, label: e.label(), kind: e.kind.key(), degree: self.scene.degree(i as u32) as u32 })
            .collect();
        to_js(&rows)
    }

    /// Index of the entity with an id, or -1.
    pub fn find(&self, id: &str) -> i32 {
        self.scene.find(id).map_or(-1, |e| e as i32)
    }

    /// Title and description of the dataset: `[title, description]`.
    pub fn meta(&self) -> Vec<String> {
        vec![self.scene.data.meta.title.clone(), self.scene.data.meta.description.clone()]
    }

    /// Kinds and relation types present, with counts: `{kinds: [[index, key, count]], relations: [...]}`.
    pub fn legend(&self) -> Result<JsValue, JsError> {
        let count = |values: &[u8], keys: &[&'static str]| -> Vec<(u8, &'static str, u32)> {
            keys.iter()
                .enumerate()
                .map(|(i, k)| (i as u8, *k, values.iter().filter(|&&v| v as usize == i).count() as u32))
                .filter(|(_, _, c)| *c > 0)
                .collect()
        };
        let kinds: Vec<&str> = crate::vocab::EntityKind::keys().collect();
        let relations: Vec<&str> = crate::vocab::RelationType::keys().collect();
        to_js(&Legend { kinds: count(&self.scene.node_kind, &kinds), relations: count(&self.scene.edge_kind, &relations) })
    }

    /// Bounding box of the drawing: [min x, min y, max x, max y].
    pub fn bounds(&self) -> Vec<f32> {
        self.scene.bounds().to_vec()
    }

    /// Label text widths in CSS px, one per entity (measured once by the page).
    #[wasm_bindgen(js_name = setLabelWidths)]
    pub fn set_label_widths(&mut self, widths: &[f32]) -> Result<(), JsError> {
        if widths.len() != self.label_widths.len() {
            return Err(JsError::new(&format!("setLabelWidths: {} widths for {} entities", widths.len(), self.label_widths.len())));
        }
        self.label_widths.copy_from_slice(widths);
        Ok(())
    }

    /// Places labels for a view; returns how many. Read them with `labelsPtr`
    /// as a Float32Array of [entity, x, y] triples (CSS px).
    #[wasm_bindgen(js_name = placeLabels)]
    pub fn place_labels(&mut self, x: f32, y: f32, zoom: f32, width: f32, height: f32, line_height: f32) -> u32 {
        let view = Viewport { x, y, zoom, width, height };
        let placed = place_labels(&self.scene, &self.label_widths, line_height, view);
        self.labels.clear();
        self.labels.extend(placed.iter().flat_map(|p| [p.entity as f32, p.x, p.y]));
        placed.len() as u32
    }

    /// The current view as a standalone SVG (labels as text, a citations
    /// footer): the same display list and writer as `alliance-map render`.
    pub fn svg(&self, x: f32, y: f32, zoom: f32, width: f32, height: f32, line_height: f32) -> String {
        let view = Viewport { x, y, zoom, width, height };
        crate::svg::to_svg(&crate::display::display_list(&self.scene, view, &self.label_widths, line_height))
    }

    /// The placed labels (see `placeLabels`).
    #[wasm_bindgen(js_name = labelsPtr)]
    pub fn labels_ptr(&self) -> *const f32 {
        self.labels.as_ptr()
    }

    /// Entities whose name or alias matches, best first:
    /// `[{index, id, name, label, kind, rank}]` (rank 0 is an exact match).
    pub fn search(&mut self, query: &str, limit: u32) -> Result<JsValue, JsError> {
        let data = &self.scene.data;
        let index = self.search_index.get_or_insert_with(|| SearchIndex::new(data));
        to_js(&search_view(data, &index.search(data, self.scene.adjacency(), query, limit as usize)))
    }

    /// Shows only what passes: relation type indices, entity kind indices and
    /// source indices to hide, and an as-of day (YYYYMMDD, 0 for none).
    #[wasm_bindgen(js_name = setFilter)]
    pub fn set_filter(&mut self, hidden_types: &[u8], hidden_kinds: &[u8], hidden_sources: &[u32], as_of: u32) -> Result<(), JsError> {
        let out_of_range = |what: &str, i: u32| JsError::new(&format!("setFilter: {what} index {i} is out of range"));
        let hidden_relation_types = hidden_types
            .iter()
            .map(|&i| RelationType::ALL.get(i as usize).copied().ok_or_else(|| out_of_range("relation type", u32::from(i))))
            .collect::<Result<_, _>>()?;
        let hidden_kinds = hidden_kinds
            .iter()
            .map(|&i| EntityKind::ALL.get(i as usize).copied().ok_or_else(|| out_of_range("kind", u32::from(i))))
            .collect::<Result<_, _>>()?;
        if let Some(&s) = hidden_sources.iter().find(|&&s| s as usize >= self.scene.data.sources.len()) {
            return Err(out_of_range("source", s));
        }
        let filter = Filter { hidden_relation_types, hidden_kinds, hidden_sources: hidden_sources.to_vec(), as_of: (as_of > 0).then_some(as_of) };
        self.scene.set_filter(&filter);
        Ok(())
    }

    /// Narrows the map to entities within `hops` relations of entity `e`
    /// (combined with `setFilter`); `e` = -1 shows the whole map again.
    pub fn focus(&mut self, e: i32, hops: u32) -> Result<(), JsError> {
        let area = match u32::try_from(e) {
            Ok(c) if c < self.node_count() => Some((c, hops as usize)),
            Ok(c) => return Err(JsError::new(&format!("focus: entity index {c} is out of range"))),
            Err(_) => None,
        };
        self.scene.set_area(area);
        Ok(())
    }

    /// Counts beside each filter choice, over the whole dataset:
    /// `{relationTypes: [[i, key, count]], kinds: [[i, key, count]], sources: [[i, title, publisher, count, id]]}`.
    pub fn counts(&self) -> Result<JsValue, JsError> {
        to_js(&counts_view(&self.scene.data))
    }

    /// The as-of slider's stops: one before the first date, then every date
    /// in the data, sorted: `[{label: "2023-09-27", day: 20230927, text}]`
    /// (day: the first day meant; label: what a link holds; text: what the slider says).
    pub fn timeline(&self) -> Result<JsValue, JsError> {
        to_js(&timeline_view(&self.scene.data))
    }

    /// Up to `k` shortest paths from `from` to `to` through what is shown,
    /// as `{paths: [{entities, relations, names, sentences: [{relation, text, cites}]}], citations}`.
    /// Remembered for `highlightPath`.
    pub fn paths(&mut self, from: u32, to: u32, k: u32) -> Result<JsValue, JsError> {
        let n = self.node_count();
        if from >= n || to >= n {
            return Err(JsError::new(&format!("paths: entity index {} is out of range", from.max(to))));
        }
        self.paths = self.scene.paths(from, to, k.min(20) as usize);
        to_js(&paths_view(&self.scene.data, &self.paths))
    }

    /// Highlights path `index` of the last `paths` call; -1 clears.
    #[wasm_bindgen(js_name = highlightPath)]
    pub fn highlight_path(&mut self, index: i32) -> Result<(), JsError> {
        let path = match usize::try_from(index) {
            Ok(i) => Some(self.paths.get(i).ok_or_else(|| JsError::new(&format!("highlightPath: no path {i}")))?),
            Err(_) => None,
        };
        self.scene.highlight_path(path);
        Ok(())
    }

    /// The shown neighbours of `e`, clockwise from 12 o'clock (keyboard walking order).
    #[wasm_bindgen(js_name = neighboursInOrder)]
    pub fn neighbours_in_order(&self, e: u32) -> Vec<u32> {
        self.scene.neighbours_in_order(e)
    }

    /// The shown entity with the most shown relations, or -1 when nothing is shown.
    #[wasm_bindgen(js_name = mostConnected)]
    pub fn most_connected(&self) -> i32 {
        self.scene.most_connected().map_or(-1, |e| e as i32)
    }

    /// Number of shown relations touching `e`.
    #[wasm_bindgen(js_name = shownDegree)]
    pub fn shown_degree(&self, e: u32) -> u32 {
        self.scene.shown_degree(e) as u32
    }

    /// The whole map as text: `{entities: [Details], citations}` with
    /// citation numbers that are source indices.
    #[wasm_bindgen(js_name = textView)]
    pub fn text_view(&self) -> Result<JsValue, JsError> {
        to_js(&self.scene.text_view())
    }
}
