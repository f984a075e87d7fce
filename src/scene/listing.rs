//! The entities a screen reader's list inside the map names (www/entities.js
//! renders it): the shown ones, most connected first, the labels' order, so
//! the list opens with the names the canvas labels first and keeps one order
//! at every size and filter. A big map lists at most `cap` of them, plus the
//! selected entity and the highlighted path's wherever they rank, so what the
//! map marks is always in the list.

use super::{Item, Scene};
use crate::model::EntityIx;
use serde::Serialize;

/// The shown entities, as the list inside the map names them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntityList {
    /// Entities shown (not hidden by a filter, the as-of date or the neighbourhood).
    pub shown: usize,
    /// The listed ones, most connected first: at most `cap` plus the pinned.
    pub entities: Vec<EntityIx>,
}

impl Scene {
    /// The shown entities in label order (degree, then index): the first
    /// `cap`, and after them only the selected entity and the highlighted
    /// path's entities (if shown). O(n).
    pub fn entity_list(&self, cap: usize) -> EntityList {
        let mut pinned: Vec<EntityIx> = self.path.as_ref().map(|p| p.entities.clone()).unwrap_or_default();
        if let Some(Item::Entity(e)) = self.selected {
            pinned.push(e);
        }
        let shown = self.node_visible.iter().filter(|&&v| v == 1).count();
        let mut entities = Vec::with_capacity(cap.min(shown) + pinned.len());
        let mut taken = 0;
        for e in self.label_order.iter().map(|&e| EntityIx(e)) {
            if self.node_visible[e.ix()] == 0 {
                continue;
            }
            if taken < cap {
                taken += 1;
                entities.push(e);
            } else if pinned.contains(&e) {
                entities.push(e);
            }
        }
        EntityList { shown, entities }
    }
}
