//! The runtime scene: a compiled dataset ready to draw and query. Flat arrays
//! that JavaScript reads as typed-array views (positions, radii, styles,
//! emphasis, visibility), plus hit testing, hover/selection emphasis and
//! details. What a reader narrows the map to (filters, a neighbourhood, a
//! highlighted path, keyboard walking) is in [`reading`]; the list of
//! entities a screen reader reads inside the map in [`listing`].

pub mod drawing;
pub mod labels;
mod label_spots;
mod legend;
mod listing;
mod placement;
mod reading;
pub mod spatial;
pub mod story;

pub use drawing::{colour_by_group, group_rows, GroupRow, FIRST_GROUP_COLOR};
pub use legend::legend_json;
pub use listing::EntityList;
pub use placement::PositionsError;

use crate::compiled::Compiled;
use crate::model::graph::Adjacency;
use crate::model::graph::radius_for_degree;
use crate::model::{Dataset, EntityIx, RelationIx};
use crate::query::filter::Filter;
use crate::query::paths::Path;
use crate::scene::spatial::{segment_distance2, Grid};
use crate::display::view::{entity_details, relation_details, Details};

/// Something a reader can point at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    /// An entity (node).
    Entity(EntityIx),
    /// A relation (edge).
    Relation(RelationIx),
}

/// Emphasis of a node or edge, read by the renderer.
pub mod emphasis {
    /// Drawn normally (nothing hovered or selected).
    pub const NORMAL: u8 = 0;
    /// Faded: not related to what is hovered or selected.
    pub const FADED: u8 = 1;
    /// A neighbour of, or an edge touching, what is hovered or selected.
    pub const NEAR: u8 = 2;
    /// The hovered or selected item itself.
    pub const FOCUS: u8 = 3;
}

/// Edge flag bits.
pub mod edge_flag {
    /// Drawn dashed: announced, proposed or prospective.
    pub const DASHED: u8 = 1;
    /// Drawn dotted: inferred by the editor, not reported by a source.
    pub const INFERRED: u8 = 2;
    /// Drawn without an arrowhead: an undirected tie (an import's `directed = false`).
    pub const UNDIRECTED: u8 = 4;
    /// Faded at overview: a tie between two communities, in a map of 1,000
    /// relations or more (`drawing::mark_faint_edges`).
    pub const FAINT: u8 = 8;
}

/// A dataset with positions, styles, a spatial index and interaction state.
pub struct Scene {
    /// The data.
    pub data: Dataset,
    adjacency: Adjacency,
    /// x, y per entity.
    pub positions: Vec<f32>,
    /// Radius per entity, world units.
    pub radii: Vec<f32>,
    /// Entity kind index per entity.
    pub node_kind: Vec<u8>,
    /// Node palette index per entity: its kind's colour, or its group's
    /// (`display::style::node_color`).
    pub node_color: Vec<u8>,
    /// Community per entity when the compiled form carries them, else empty.
    pub communities: Vec<u32>,
    /// from, to per relation.
    pub edge_ends: Vec<u32>,
    /// Relation type index per relation.
    pub edge_kind: Vec<u8>,
    /// [`edge_flag`] bits per relation.
    pub edge_flags: Vec<u8>,
    /// Bend per relation (`drawing::edge_bends`): 0 straight, else which
    /// curve of the ties between its two entities it is.
    pub edge_bend: Vec<i8>,
    /// How far any curve strays from its straight line, world units.
    max_bulge: f32,
    /// [`emphasis`] per entity.
    pub node_emphasis: Vec<u8>,
    /// [`emphasis`] per relation.
    pub edge_emphasis: Vec<u8>,
    /// 1 when the entity is shown (filters, date, neighbourhood), else 0.
    pub node_visible: Vec<u8>,
    /// 1 when the relation is shown, else 0.
    pub edge_visible: Vec<u8>,
    /// The node and edge picking grids, built on the first hit test: the
    /// first frame draws without them (at 10,000 entities filing 50,000
    /// edges took a tenth of a second), and the first-frame module never picks.
    picking: std::cell::OnceCell<(Grid, Grid)>,
    needs_layout: bool,
    /// Entities in label priority order: degree, then index.
    pub(crate) label_order: Vec<u32>,
    /// Who tries first to name each big community (`drawing::group_heads`).
    pub(crate) group_heads: Vec<u32>,
    /// How many of `group_heads` are each community's most connected member.
    pub(crate) first_heads: usize,
    /// Lines of each entity's label (1, or 2 for a wrapped long one).
    pub(crate) label_lines: Vec<u8>,
    hovered: Option<Item>,
    selected: Option<Item>,
    filter: Filter,
    area: Option<(EntityIx, usize)>,
    path: Option<Path>,
    /// A story step's highlighted entities (`story.rs`), drawn in focus.
    highlighted: Vec<EntityIx>,
    /// A story step's notes, placed by the label pass before any name.
    pub(crate) notes: Vec<story::NoteLabel>,
}

impl Scene {
    /// Builds the scene. O(n + m) plus grid filing.
    pub fn new(compiled: Compiled) -> Scene {
        let needs_layout = compiled.needs_layout();
        let data = compiled.dataset;
        let adjacency = Adjacency::new(&data);
        let n = data.entities.len();
        let radii: Vec<f32> = (0..n).map(|e| radius_for_degree(adjacency.degree(EntityIx::at(e))) as f32).collect();
        // Compiled without a layout: every entity waits at the origin until
        // `set_positions` (the browser's layout worker) places them.
        let positions = if needs_layout { vec![0.0; 2 * n] } else { compiled.positions };
        let communities = compiled.communities;
        let label_order = drawing::label_order(n, &adjacency);
        let (group_heads, first_heads) = drawing::group_heads(&label_order, &adjacency, &communities);
        let edge_ends: Vec<u32> = data.relations.iter().flat_map(|r| [r.from.0, r.to.0]).collect();
        let edge_bend = drawing::edge_bends(&edge_ends);
        let mut edge_flags = drawing::edge_flags(&data);
        drawing::mark_faint_edges(&mut edge_flags, &edge_ends, &communities);
        let label_lines = data.entities.iter().map(|e| if e.label_text().contains('\n') { 2 } else { 1 }).collect();
        Scene {
            node_kind: data.entities.iter().map(|e| e.kind.index()).collect(),
            node_color: drawing::node_colors(&data, &communities),
            communities,
            edge_ends,
            edge_kind: data.relations.iter().map(|r| r.kind.index()).collect(),
            edge_flags,
            max_bulge: f32::from(edge_bend.iter().map(|b| b.unsigned_abs()).max().unwrap_or(0)) * drawing::BEND_UNIT / 2.0,
            edge_bend,
            node_emphasis: vec![emphasis::NORMAL; n],
            edge_emphasis: vec![emphasis::NORMAL; data.relations.len()],
            node_visible: vec![1; n],
            edge_visible: vec![1; data.relations.len()],
            data,
            adjacency,
            positions,
            radii,
            picking: std::cell::OnceCell::new(),
            needs_layout,
            label_order,
            group_heads,
            first_heads,
            label_lines,
            hovered: None,
            selected: None,
            filter: Filter::default(),
            area: None,
            path: None,
            highlighted: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// The incidence lists.
    pub fn adjacency(&self) -> &Adjacency {
        &self.adjacency
    }

    /// Number of relations touching an entity.
    pub fn degree(&self, e: EntityIx) -> usize {
        self.adjacency.degree(e)
    }

    /// The item under a world point: the topmost shown node whose circle
    /// (grown by `tolerance`) contains it, else the nearest shown edge within
    /// `tolerance`. Hidden items are never picked.
    pub fn pick(&self, x: f32, y: f32, tolerance: f32) -> Option<Item> {
        let mut best: Option<(f32, u32)> = None;
        for e in self.node_candidates(x, y, tolerance) {
            if self.node_visible[e as usize] == 0 {
                continue;
            }
            let (dx, dy) = (self.positions[2 * e as usize] - x, self.positions[2 * e as usize + 1] - y);
            let reach = self.radii[e as usize] + tolerance;
            let d2 = dx * dx + dy * dy;
            if d2 <= reach * reach && best.is_none_or(|(b, _)| d2 < b) {
                best = Some((d2, e));
            }
        }
        if let Some((_, e)) = best {
            return Some(Item::Entity(EntityIx(e)));
        }
        let mut best_edge: Option<(f32, u32)> = None;
        for r in self.edge_candidates(x, y, tolerance) {
            if self.edge_visible[r as usize] == 0 {
                continue;
            }
            let (a, b) = (self.edge_ends[2 * r as usize] as usize, self.edge_ends[2 * r as usize + 1] as usize);
            let d2 = self.edge_distance2((x, y), r as usize, self.point(a), self.point(b));
            if d2 <= tolerance * tolerance && best_edge.is_none_or(|(bd, _)| d2 < bd) {
                best_edge = Some((d2, r));
            }
        }
        best_edge.map(|(_, r)| Item::Relation(RelationIx(r)))
    }

    /// Squared distance from `p` to relation `r` drawn from `a` to `b`: to
    /// its line, or for a curve to the two halves of the curve's outline
    /// (start, the curve's midpoint, end: within a few units of the curve).
    fn edge_distance2(&self, p: (f32, f32), r: usize, a: (f32, f32), b: (f32, f32)) -> f32 {
        let bend = self.edge_bend[r];
        if bend == 0 {
            return segment_distance2(p, a, b);
        }
        let c = drawing::control_point(a, b, bend);
        let m = ((a.0 + 2.0 * c.0 + b.0) / 4.0, (a.1 + 2.0 * c.1 + b.1) / 4.0);
        segment_distance2(p, a, m).min(segment_distance2(p, m, b))
    }

    fn point(&self, e: usize) -> (f32, f32) {
        (self.positions[2 * e], self.positions[2 * e + 1])
    }

    fn grids(&self) -> &(Grid, Grid) {
        self.picking.get_or_init(|| placement::spatial_index(&self.data, &self.positions, &self.radii))
    }

    fn node_candidates(&self, x: f32, y: f32, tolerance: f32) -> Vec<u32> {
        self.grids().0.near(x, y, tolerance)
    }

    fn edge_candidates(&self, x: f32, y: f32, tolerance: f32) -> Vec<u32> {
        // Edges are filed along their straight line; a curve strays from it
        // by at most half its control point's offset.
        self.grids().1.near(x, y, tolerance + self.max_bulge)
    }

    /// Sets what the pointer is over; returns true if the emphasis changed.
    pub fn hover(&mut self, item: Option<Item>) -> bool {
        if self.hovered == item {
            return false;
        }
        self.hovered = item;
        self.update_emphasis();
        true
    }

    /// Selects an item (or clears the selection).
    pub fn select(&mut self, item: Option<Item>) {
        self.selected = item;
        self.update_emphasis();
    }

    /// The selected item.
    pub fn selected(&self) -> Option<Item> {
        self.selected
    }

    /// Whether an item is shown (not hidden by a filter).
    pub fn is_shown(&self, item: Item) -> bool {
        match item {
            Item::Entity(e) => self.node_visible[e.ix()] == 1,
            Item::Relation(r) => self.edge_visible[r.ix()] == 1,
        }
    }

    /// The emphasis of what is hovered, selected or on a path, then a story
    /// step's highlights over it.
    fn update_emphasis(&mut self) {
        self.base_emphasis();
        self.highlight_emphasis();
    }

    /// Hover wins over a highlighted path, which wins over the selection;
    /// nothing → everything normal. Hidden items are ignored: a hidden
    /// focus counts as none, and emphasis only spreads along shown relations.
    fn base_emphasis(&mut self) {
        let hovered = self.hovered.filter(|&i| self.is_shown(i));
        if hovered.is_none() && self.path.is_some() {
            self.path_emphasis();
            return;
        }
        let focus = hovered.or(self.selected.filter(|&i| self.is_shown(i)));
        let Some(focus) = focus else {
            self.node_emphasis.fill(emphasis::NORMAL);
            self.edge_emphasis.fill(emphasis::NORMAL);
            return;
        };
        self.node_emphasis.fill(emphasis::FADED);
        self.edge_emphasis.fill(emphasis::FADED);
        match focus {
            Item::Entity(e) => {
                for &r in self.adjacency.incident(e) {
                    if self.edge_visible[r.ix()] == 0 {
                        continue;
                    }
                    self.edge_emphasis[r.ix()] = emphasis::NEAR;
                    let rel = &self.data.relations[r.ix()];
                    self.node_emphasis[rel.from.ix()] = emphasis::NEAR;
                    self.node_emphasis[rel.to.ix()] = emphasis::NEAR;
                }
                self.node_emphasis[e.ix()] = emphasis::FOCUS;
            }
            Item::Relation(r) => {
                let rel = &self.data.relations[r.ix()];
                self.edge_emphasis[r.ix()] = emphasis::FOCUS;
                self.node_emphasis[rel.from.ix()] = emphasis::NEAR;
                self.node_emphasis[rel.to.ix()] = emphasis::NEAR;
            }
        }
    }

    /// What the details panel shows for an item: for an entity, its first
    /// `shown` relations (and how many there are).
    pub fn details(&self, item: Item, shown: usize) -> Details {
        match item {
            Item::Entity(e) => entity_details(&self.data, self.adjacency.incident(e), e, shown),
            Item::Relation(r) => relation_details(&self.data, r),
        }
    }

    /// Bounding box of all node circles: (min x, min y, max x, max y).
    pub fn bounds(&self) -> [f32; 4] {
        let mut b = [f32::INFINITY, f32::INFINITY, f32::NEG_INFINITY, f32::NEG_INFINITY];
        for e in 0..self.radii.len() {
            let (x, y) = self.point(e);
            let r = self.radii[e];
            b = [b[0].min(x - r), b[1].min(y - r), b[2].max(x + r), b[3].max(y + r)];
        }
        if b[0] > b[2] { [0.0, 0.0, 0.0, 0.0] } else { b }
    }

    /// Index of the entity with an id.
    pub fn find(&self, id: &str) -> Option<EntityIx> {
        self.data.entity_ix(id)
    }
}
