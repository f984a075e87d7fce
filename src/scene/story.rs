//! A story step on the scene: its filter, selection, path and highlights
//! applied as a reader's choices would be (the widget applies them through
//! the same calls, one at a time), and the world box its camera fits. The
//! static `steps/N.svg` pictures are drawn from here.

use super::{emphasis, Item, Scene};
use crate::model::story::{Camera, Step};
use crate::model::EntityIx;
use crate::query::filter::Filter;

/// The most paths a reader's "How is A tied to B" finds (www/reader.js PATHS).
pub const PATHS: usize = 5;

/// Where a step's camera goes, in world units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum StepCamera {
    /// Fit this box; `r_max` is the largest circle in it (the fit stops
    /// zooming once that is drawn big enough).
    Fit {
        /// min x, min y, max x, max y.
        bounds: [f32; 4],
        /// The largest radius among the entities fitted.
        r_max: f32,
    },
    /// Fit the whole map.
    All,
    /// Centre on a point at this many times the whole map's fit.
    Centre {
        /// World x.
        x: f32,
        /// World y.
        y: f32,
        /// Times the whole map's zoom.
        zoom: f32,
    },
}

/// A note as the label pass places it: beside a circle at (x, y) of
/// radius r (world units: an entity, or a relation's midpoint), `width`
/// CSS px of one line of `text`.
#[derive(Clone, Debug, PartialEq)]
pub struct NoteLabel {
    /// World x of what it is beside.
    pub x: f32,
    /// World y.
    pub y: f32,
    /// The radius to keep clear of, world units.
    pub r: f32,
    /// The text's width, CSS px.
    pub width: f32,
    /// What it says, as drawn.
    pub text: String,
}

/// What a note's label says: marked as a note, so it is not read as a name.
pub fn note_text(text: &str) -> String {
    format!("Note: {text}")
}

impl Scene {
    /// The notes of step `i` (none past the last), `widths[j]` CSS px each
    /// (of [`note_text`]), for the label pass to place until the next call.
    pub fn set_step_notes(&mut self, i: Option<usize>, widths: &[f32]) {
        use crate::model::story::Anchor;
        let notes: &[crate::model::story::Note] = i.and_then(|i| self.data.steps.get(i)).map_or(&[], |s| &s.notes);
        let placed = notes
            .iter()
            .enumerate()
            .map(|(j, note)| {
                let ((x, y), r) = match note.anchor {
                    Anchor::Entity(e) => (self.point(e.ix()), self.radii[e.ix()]),
                    Anchor::Relation(rel) => {
                        let rel = &self.data.relations[rel.ix()];
                        let ((ax, ay), (bx, by)) = (self.point(rel.from.ix()), self.point(rel.to.ix()));
                        (((ax + bx) / 2.0, (ay + by) / 2.0), 2.0)
                    }
                };
                NoteLabel { x, y, r, width: widths.get(j).copied().unwrap_or(0.0), text: note_text(&note.text) }
            })
            .collect();
        self.notes = placed;
    }

    /// The notes the label pass places now.
    pub fn notes(&self) -> &[NoteLabel] {
        &self.notes
    }

    /// Draws `entities` in focus and fades the rest (none: no highlights).
    pub fn set_highlight(&mut self, entities: &[EntityIx]) {
        self.highlighted = entities.iter().copied().filter(|e| e.ix() < self.node_visible.len()).collect();
        self.update_emphasis();
    }

    /// Highlights over whatever else is emphasised: each shown highlighted
    /// entity in focus (so it is named), ties between two of them near, and
    /// when nothing else is emphasised, the rest faded.
    pub(super) fn highlight_emphasis(&mut self) {
        if self.highlighted.is_empty() {
            return;
        }
        if self.node_emphasis.iter().all(|&e| e == emphasis::NORMAL) {
            self.node_emphasis.fill(emphasis::FADED);
            self.edge_emphasis.fill(emphasis::FADED);
        }
        let mut lit = vec![false; self.node_visible.len()];
        for &e in &self.highlighted {
            lit[e.ix()] = self.node_visible[e.ix()] == 1;
        }
        for (r, rel) in self.data.relations.iter().enumerate() {
            if lit[rel.from.ix()] && lit[rel.to.ix()] && self.edge_visible[r] == 1 {
                self.edge_emphasis[r] = self.edge_emphasis[r].max(emphasis::NEAR);
            }
        }
        for (e, &on) in lit.iter().enumerate() {
            if on {
                self.node_emphasis[e] = emphasis::FOCUS;
            }
        }
    }

    /// Shows step `i` of the story: what its filter and date show, its
    /// selection, its path (found through what is shown, as the reader's
    /// path finder finds it) and its highlights. Returns where its camera
    /// goes; `None` (and nothing changed) when there is no step `i`.
    pub fn show_step(&mut self, i: usize) -> Option<StepCamera> {
        let step = self.data.steps.get(i)?.clone();
        self.set_filter(&Filter::for_step(&self.data, &step));
        self.set_area(None);
        self.select(step.select.map(Item::Entity));
        let path = step.path.and_then(|p| self.paths(p.from, p.to, PATHS).into_iter().nth(p.index as usize));
        self.highlight_path(path.as_ref());
        self.set_highlight(&step.highlight);
        Some(self.step_camera(&step))
    }

    /// Where a step's camera goes: its subject's box (the selection, the
    /// path, the highlights, the notes' entities), or the whole map.
    pub fn step_camera(&self, step: &Step) -> StepCamera {
        match step.camera {
            Camera::All => StepCamera::All,
            Camera::Centre { entity, zoom } => {
                let (x, y) = self.point(entity.ix());
                StepCamera::Centre { x, y, zoom }
            }
            Camera::Fit => {
                let subject = self.step_subject(step);
                if subject.is_empty() {
                    return StepCamera::All;
                }
                let mut b = [f32::INFINITY, f32::INFINITY, f32::NEG_INFINITY, f32::NEG_INFINITY];
                let mut r_max: f32 = 0.0;
                for e in subject {
                    let ((x, y), r) = (self.point(e.ix()), self.radii[e.ix()]);
                    b = [b[0].min(x - r), b[1].min(y - r), b[2].max(x + r), b[3].max(y + r)];
                    r_max = r_max.max(r);
                }
                StepCamera::Fit { bounds: b, r_max }
            }
        }
    }

    /// The entities a step is about, each once: its selection, its path's
    /// entities (the path shown, if found), its highlights, its notes' anchors.
    pub fn step_subject(&self, step: &Step) -> Vec<EntityIx> {
        use crate::model::story::Anchor;
        let mut out: Vec<EntityIx> = step.select.into_iter().collect();
        if step.path.is_some() {
            out.extend(self.path.iter().flat_map(|p| p.entities.iter().copied()));
        }
        out.extend(&step.highlight);
        for note in &step.notes {
            match note.anchor {
                Anchor::Entity(e) => out.push(e),
                Anchor::Relation(r) => out.extend([self.data.relations[r.ix()].from, self.data.relations[r.ix()].to]),
            }
        }
        let mut seen = vec![false; self.node_visible.len()];
        out.retain(|e| !std::mem::replace(&mut seen[e.ix()], true));
        out
    }
}
