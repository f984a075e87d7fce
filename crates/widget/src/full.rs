//! The full module's half of the facade: what a reader does with the map
//! (picking, hover and selection, details, search, filters, paths, the text
//! view, the list of entities inside the map, SVG and PNG exports), over the
//! `alliance-map` crate's scene and queries. Small results cross as plain
//! objects via serde-wasm-bindgen, through view structs made for the boundary.

use crate::{into_error, MapHandle};
use alliance_map::display::view::{counts_view, paths_view, search_view, timeline_view};
use alliance_map::model::vocab::{EntityKind, RelationType};
use alliance_map::model::{EntityIx, RelationIx, SourceIx};
use alliance_map::query::filter::Filter;
use alliance_map::query::paths::Path;
use alliance_map::query::search::SearchIndex;
use alliance_map::scene::labels::Viewport;
use alliance_map::scene::{Item, Scene};
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

/// What only the full module keeps per map: the search index (built on
/// the first search) and the last `paths` answer (for `highlightPath`).
#[derive(Default)]
pub(crate) struct ReaderState {
    search_index: Option<SearchIndex>,
    paths: Vec<Path>,
}

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

pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    serde_wasm_bindgen::to_value(value).map_err(into_error)
}

fn item(kind: &str, index: u32, scene: &Scene) -> Result<Item, JsError> {
    let (n, m) = (scene.radii.len() as u32, scene.edge_kind.len() as u32);
    match kind {
        "entity" if index < n => Ok(Item::Entity(EntityIx(index))),
        "relation" if index < m => Ok(Item::Relation(RelationIx(index))),
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
struct EntityRow<'a> {
    id: &'a str,
    name: &'a str,
    label: &'a str,
    kind: &'static str,
    degree: u32,
}


impl MapHandle {
    /// The display list of an exported figure of `view`.
    fn figure(&self, view: Viewport, line_height: f32, dark: bool) -> alliance_map::display::DisplayList {
        let theme = if dark { alliance_map::display::style::DARK } else { alliance_map::display::style::LIGHT };
        alliance_map::display::display_list(&self.scene, view, &self.label_widths, line_height, theme)
    }
}

#[wasm_bindgen]
impl MapHandle {
    /// The item at a world point, or undefined: `{kind, index}`.
    pub fn pick(&self, x: f32, y: f32, tolerance: f32) -> Result<JsValue, JsError> {
        Ok(match self.scene.pick(x, y, tolerance) {
            Some(Item::Entity(e)) => to_js(&PickView { kind: "entity", index: e.0 })?,
            Some(Item::Relation(r)) => to_js(&PickView { kind: "relation", index: r.0 })?,
            None => JsValue::UNDEFINED,
        })
    }

    /// Hovers an item (kind "entity"/"relation") or nothing (kind undefined). True if emphasis changed.
    pub fn hover(&mut self, kind: Option<String>, index: u32) -> Result<bool, JsError> {
        let item = kind.map(|k| item(&k, index, &self.scene)).transpose()?;
        Ok(self.scene.hover(item))
    }

    /// Selects an item, or clears the selection (kind undefined).
    pub fn select(&mut self, kind: Option<String>, index: u32) -> Result<(), JsError> {
        let item = kind.map(|k| item(&k, index, &self.scene)).transpose()?;
        self.scene.select(item);
        Ok(())
    }

    /// The details panel content for an item.
    pub fn details(&self, kind: &str, index: u32, shown: u32) -> Result<JsValue, JsError> {
        to_js(&self.scene.details(item(kind, index, &self.scene)?, shown as usize))
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
            .map(|(i, e)| EntityRow { id: &e.id, name: &e.name, label: e.label(), kind: e.kind.key(), degree: self.scene.degree(EntityIx::at(i)) as u32 })
            .collect();
        to_js(&rows)
    }

    /// Index of the entity with an id, or undefined.
    pub fn find(&self, id: &str) -> Option<u32> {
        self.scene.find(id).map(|e| e.0)
    }

    /// The current view as a standalone SVG figure (title, as-of date and
    /// legend above the map, labels as text, credit and citations below),
    /// light or `dark`: the same display list and writer as `alliance-map render`.
    // The view as the camera holds it, plain numbers: no struct to build in JS per export.
    #[allow(clippy::too_many_arguments)]
    pub fn svg(&self, x: f32, y: f32, zoom: f32, width: f32, height: f32, line_height: f32, dark: bool) -> String {
        alliance_map::display::svg::to_svg(&self.figure(Viewport { x, y, zoom, width, height }, line_height, dark))
    }

    /// The same figure's display list as JSON (see `display_json`), for the
    /// PNG painter: drawn on a canvas, so no image load is needed.
    #[wasm_bindgen(js_name = displayList)]
    #[allow(clippy::too_many_arguments)]
    pub fn display_list(&self, x: f32, y: f32, zoom: f32, width: f32, height: f32, line_height: f32, dark: bool) -> String {
        alliance_map::display::json::to_json(&self.figure(Viewport { x, y, zoom, width, height }, line_height, dark))
    }

    /// Entities whose name or alias matches, best first:
    /// `[{index, id, name, label, kind, rank}]` (rank 0 is an exact match).
    pub fn search(&mut self, query: &str, limit: u32) -> Result<JsValue, JsError> {
        let data = &self.scene.data;
        let index = self.reader.search_index.get_or_insert_with(|| SearchIndex::new(data));
        to_js(&search_view(data, &index.search(data, self.scene.adjacency(), query, limit as usize)))
    }

    /// Shows only what passes: relation type indices, entity kind indices and
    /// source indices to hide, an as-of day (YYYYMMDD, 0 for none) and
    /// whether that day also shows relations whose date is not stated.
    #[wasm_bindgen(js_name = setFilter)]
    pub fn set_filter(&mut self, hidden_types: &[u8], hidden_kinds: &[u8], hidden_sources: &[u32], as_of: u32, include_undated: bool) -> Result<(), JsError> {
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
        let filter = Filter { hidden_relation_types, hidden_kinds, hidden_sources: hidden_sources.iter().copied().map(SourceIx).collect(), as_of: (as_of > 0).then_some(as_of), include_undated };
        self.scene.set_filter(&filter);
        Ok(())
    }

    /// How many relations no date places (neither their own nor their
    /// source's): what the as-of view leaves out unless asked.
    #[wasm_bindgen(js_name = undatedCount)]
    pub fn undated_count(&self) -> u32 {
        alliance_map::query::filter::undated_count(&self.scene.data)
    }

    /// Narrows the map to entities within `hops` relations of entity `e`
    /// (combined with `setFilter`); `e` undefined shows the whole map again.
    pub fn focus(&mut self, e: Option<u32>, hops: u32) -> Result<(), JsError> {
        let area = match e {
            Some(c) if c < self.node_count() => Some((EntityIx(c), hops as usize)),
            Some(c) => return Err(JsError::new(&format!("focus: entity index {c} is out of range"))),
            None => None,
        };
        self.scene.set_area(area);
        Ok(())
    }

    /// Counts beside each filter choice, over the whole dataset:
    /// `{relationTypes: [{index, key, count}], kinds: [...], sources: [{index, id, title, publisher, count}]}`.
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
        self.reader.paths = self.scene.paths(EntityIx(from), EntityIx(to), k.min(20) as usize);
        to_js(&paths_view(&self.scene.data, &self.reader.paths))
    }

    /// Highlights path `index` of the last `paths` call; undefined clears.
    #[wasm_bindgen(js_name = highlightPath)]
    pub fn highlight_path(&mut self, index: Option<u32>) -> Result<(), JsError> {
        let path = match index {
            Some(i) => Some(self.reader.paths.get(i as usize).ok_or_else(|| JsError::new(&format!("highlightPath: no path {i}")))?),
            None => None,
        };
        self.scene.highlight_path(path);
        Ok(())
    }

    /// The shown neighbours of `e`, clockwise from 12 o'clock (keyboard walking order).
    #[wasm_bindgen(js_name = neighboursInOrder)]
    pub fn neighbours_in_order(&self, e: u32) -> Vec<u32> {
        self.scene.neighbours_in_order(EntityIx(e)).into_iter().map(|o| o.0).collect()
    }

    /// The shown entity with the most shown relations, or undefined when nothing is shown.
    #[wasm_bindgen(js_name = mostConnected)]
    pub fn most_connected(&self) -> Option<u32> {
        self.scene.most_connected().map(|e| e.0)
    }

    /// Number of shown relations touching `e`.
    #[wasm_bindgen(js_name = shownDegree)]
    pub fn shown_degree(&self, e: u32) -> u32 {
        self.scene.shown_degree(EntityIx(e)) as u32
    }

    /// The shown entities a screen reader's list inside the map names, most
    /// connected first: the first `cap`, plus the selected entity and the
    /// highlighted path's wherever they rank: `{shown, entities}`.
    #[wasm_bindgen(js_name = entityList)]
    pub fn entity_list(&self, cap: u32) -> Result<JsValue, JsError> {
        to_js(&self.scene.entity_list(cap as usize))
    }

    /// A page of the map as text: `{start, total, entities: [Details],
    /// citations}` for entities `start..start + count`, with citation numbers
    /// that are source indices.
    #[wasm_bindgen(js_name = textView)]
    pub fn text_view(&self, start: u32, count: u32) -> Result<JsValue, JsError> {
        to_js(&self.scene.text_view(start as usize, count as usize))
    }
}
