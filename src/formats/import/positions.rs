//! Where the file placed its nodes (Gephi's `viz:position`, graphology's
//! `x` and `y`, yEd's `y:Geometry`, Cytoscape's `position`): when it placed
//! every one, that placement is the map's layout (`build --layout keep`),
//! scaled to the layout's units (its mean edge as long as ours) and
//! centred; y grows down, as the map draws it.

use super::Builder;
use crate::check::fields::Span;
use crate::layout::LayoutConfig;
use std::collections::HashMap;

impl Builder {
    /// Records that the node the file calls `id` is at (`x`, `y`); `y_up`
    /// when the tool's y axis points up (Gephi, sigma.js), so it is turned.
    pub(crate) fn place(&mut self, id: &str, x: f64, y: f64, y_up: bool) {
        if x.is_finite() && y.is_finite() {
            self.placed.insert(id.to_string(), (x, if y_up { -y } else { y }));
        }
    }

    /// The placement of every entity, in entity order, when the file gave
    /// each of them one (`originals`: their ids as the file wrote them);
    /// one placed only in part is named as left out.
    pub(crate) fn placement(&mut self, originals: &[String]) -> Option<Vec<f32>> {
        if self.placed.is_empty() {
            return None;
        }
        let found: Vec<Option<(f64, f64)>> = self.file.entities.iter().enumerate().map(|(i, _)| originals.get(i).and_then(|id| self.placed.get(id)).copied()).collect();
        let missing = found.iter().filter(|p| p.is_none()).count();
        if missing > 0 {
            let span: Span = self.file.entities.iter().zip(&found).find(|(_, p)| p.is_none()).map_or(0..0, |(e, _)| e.id.span.clone());
            let what = format!("a position the file gives only some nodes ({} of {}: the map is laid out afresh)", found.len() - missing, found.len());
            self.tally.dropped(&what, &span, "a node without one here");
            return None;
        }
        let points: Vec<(f64, f64)> = found.into_iter().flatten().collect();
        Some(in_layout_units(&points, &self.edges()))
    }

    /// Each relation's ends as entity indices (ids already rewritten).
    fn edges(&self) -> Vec<(usize, usize)> {
        let index: HashMap<&str, usize> = self.file.entities.iter().enumerate().map(|(i, e)| (e.id.value.as_str(), i)).collect();
        let at = |end: &Option<crate::check::fields::At<String>>| end.as_ref().and_then(|e| index.get(e.value.as_str()).copied());
        self.file.relations.iter().filter_map(|r| Some((at(&r.from)?, at(&r.to)?))).collect()
    }
}

/// `points` centred and scaled so that their mean edge is the layout's
/// edge length (without edges: spread as a layout of that many nodes).
fn in_layout_units(points: &[(f64, f64)], edges: &[(usize, usize)]) -> Vec<f32> {
    let n = points.len() as f64;
    let (cx, cy) = points.iter().fold((0.0, 0.0), |(x, y), p| (x + p.0 / n, y + p.1 / n));
    let lengths: Vec<f64> = edges.iter().filter(|(a, b)| a != b).map(|&(a, b)| (points[a].0 - points[b].0).hypot(points[a].1 - points[b].1)).collect();
    let target = LayoutConfig::default().edge_length;
    let mean = lengths.iter().sum::<f64>() / lengths.len().max(1) as f64;
    let spread = points.iter().map(|p| (p.0 - cx).hypot(p.1 - cy)).fold(0.0, f64::max);
    let scale = if mean > 0.0 {
        target / mean
    } else if spread > 0.0 {
        target * n.sqrt() / spread
    } else {
        1.0
    };
    points.iter().flat_map(|p| [((p.0 - cx) * scale) as f32, ((p.1 - cy) * scale) as f32]).collect()
}
