//! What a reader narrows the scene to: filters and an as-of date, a
//! neighbourhood around one entity, a highlighted path, and the order in
//! which the keyboard walks an entity's neighbours. Visibility and emphasis
//! are written into the scene's existing vectors (never reallocated), so the
//! typed-array views JavaScript holds stay valid.

use super::{emphasis, Scene};
use crate::model::EntityIx;
use crate::query::filter::{visibility, Filter};
use crate::query::paths::{neighbourhood, shortest_paths_within, Path};
use crate::query::sort::sort_indices;
use crate::scene::spatial::clockwise_cmp;
use crate::display::view::{text_view, TextView};

impl Scene {
    /// Shows only what `filter` lets through (see [`visibility`]), within the
    /// neighbourhood set by [`Scene::set_area`], if any. O(n + m).
    pub fn set_filter(&mut self, filter: &Filter) {
        self.filter = filter.clone();
        self.apply_visibility();
    }

    /// The filter in force.
    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// Narrows the map to entities within `hops` shown relations of `centre`
    /// (`None` shows everything the filter lets through). Combined with the
    /// filter: the walk only crosses relations the filter shows. A centre
    /// the filter hides leaves the filter alone in force.
    pub fn set_area(&mut self, area: Option<(EntityIx, usize)>) {
        self.area = area.filter(|&(c, _)| c.ix() < self.node_visible.len());
        self.apply_visibility();
    }

    /// The neighbourhood in force: (centre, hops).
    pub fn area(&self) -> Option<(EntityIx, usize)> {
        self.area
    }

    fn apply_visibility(&mut self) {
        let (mut nodes, mut edges) = visibility(&self.data, &self.filter);
        if let Some((centre, hops)) = self.area.filter(|&(c, _)| nodes[c.ix()] == 1) {
            let within = neighbourhood(&self.data, &self.adjacency, centre, hops, |r| edges[r.ix()] == 1);
            for (v, inside) in nodes.iter_mut().zip(&within) {
                *v &= u8::from(*inside);
            }
            for (r, rel) in self.data.relations.iter().enumerate() {
                edges[r] &= nodes[rel.from.ix()] & nodes[rel.to.ix()];
            }
        }
        self.node_visible.copy_from_slice(&nodes);
        self.edge_visible.copy_from_slice(&edges);
        self.update_emphasis();
    }

    /// Highlights a path (its relations and ends in focus, the entities
    /// between near, the rest faded), or clears it. Hover still wins.
    pub fn highlight_path(&mut self, path: Option<&Path>) {
        self.path = path.cloned();
        self.update_emphasis();
    }

    /// The highlighted path.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_ref()
    }

    pub(super) fn path_emphasis(&mut self) {
        let Some(path) = &self.path else { return };
        self.node_emphasis.fill(emphasis::FADED);
        self.edge_emphasis.fill(emphasis::FADED);
        for &r in &path.relations {
            self.edge_emphasis[r.ix()] = emphasis::FOCUS;
        }
        for &e in &path.entities {
            self.node_emphasis[e.ix()] = emphasis::NEAR;
        }
        for e in [path.entities.first(), path.entities.last()].into_iter().flatten() {
            self.node_emphasis[(*e).ix()] = emphasis::FOCUS;
        }
        if let Some(super::Item::Entity(e)) = self.selected {
            self.node_emphasis[e.ix()] = emphasis::FOCUS;
        }
    }

    /// The shown entities one shown relation away from `e`, each once, in
    /// clockwise order around `e` on screen starting at 12 o'clock (ties by
    /// index). The keyboard walks this list: next is clockwise.
    pub fn neighbours_in_order(&self, e: EntityIx) -> Vec<EntityIx> {
        if e.ix() >= self.node_visible.len() {
            return Vec::new();
        }
        let mut out: Vec<EntityIx> = Vec::new();
        for &r in self.adjacency.incident(e) {
            let rel = &self.data.relations[r.ix()];
            let o = if rel.from == e { rel.to } else { rel.from };
            if o != e && self.edge_visible[r.ix()] == 1 && self.node_visible[o.ix()] == 1 && !out.contains(&o) {
                out.push(o);
            }
        }
        let (x, y) = self.point(e.ix());
        let dir = |o: u32| {
            let (ox, oy) = self.point(o as usize);
            (f64::from(ox) - f64::from(x), f64::from(oy) - f64::from(y))
        };
        // Sorted as bare u32s: one sort in the wasm (query::sort).
        let mut ids: Vec<u32> = out.iter().map(|e| e.0).collect();
        sort_indices(&mut ids, &|a, b| clockwise_cmp(dir(a), dir(b)).then(a.cmp(&b)));
        ids.into_iter().map(EntityIx).collect()
    }

    /// The shown entity with the most shown relations (the lowest index on a
    /// tie): where the keyboard starts when nothing is in focus.
    pub fn most_connected(&self) -> Option<EntityIx> {
        let shown = EntityIx::range(self.node_visible.len()).filter(|&e| self.node_visible[e.ix()] == 1);
        shown.map(|e| (self.shown_degree(e), e)).fold(None, |best: Option<(usize, EntityIx)>, (d, e)| match best {
            Some((bd, _)) if bd >= d => best,
            _ => Some((d, e)),
        })
        .map(|(_, e)| e)
    }

    /// Shown relations touching `e`.
    pub fn shown_degree(&self, e: EntityIx) -> usize {
        if e.ix() >= self.node_visible.len() {
            return 0;
        }
        self.adjacency.incident(e).iter().filter(|&&r| self.edge_visible[r.ix()] == 1).count()
    }

    /// Up to `k` shortest paths from `from` to `to` through shown items only.
    pub fn paths(&self, from: EntityIx, to: EntityIx, k: usize) -> Vec<Path> {
        shortest_paths_within(&self.data, &self.adjacency, from, to, k, Some((&self.node_visible, &self.edge_visible)))
    }

    /// The map as text, entities `start..start + count` (the page hides what is filtered out).
    pub fn text_view(&self, start: usize, count: usize) -> TextView {
        text_view(&self.data, |e| self.adjacency.incident(e), start, count)
    }
}
