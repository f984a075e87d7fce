//! A display list: the shapes of one view of the map, in screen pixels, and
//! the citations of what is shown. The SVG writer (CLI `render`, the widget's
//! SVG export) and the browser's PNG painter (`display_json`) draw from it,
//! so the command line and the browser agree.

use crate::labels::{place_labels, Viewport};
use crate::scene::Scene;
use crate::style::{KIND_COLORS, RELATION_COLORS};

/// One shape, in screen pixels (fields are plain coordinates and colours).
#[derive(Clone, Debug, PartialEq)]
#[allow(missing_docs)]
pub enum Shape {
    /// A directed edge from (x1, y1) to (x2, y2), ending in an arrowhead.
    Edge { x1: f32, y1: f32, x2: f32, y2: f32, color: &'static str, dashed: bool },
    /// A node.
    Node { x: f32, y: f32, r: f32, color: &'static str },
    /// A label, left-aligned, vertically centred on y.
    Label { x: f32, y: f32, text: String },
}

/// Everything needed to draw one view.
#[derive(Clone, Debug, PartialEq)]
pub struct DisplayList {
    /// Width in px.
    pub width: f32,
    /// Height in px.
    pub height: f32,
    /// Edges first, then nodes, then labels (drawing order).
    pub shapes: Vec<Shape>,
    /// "[1] Publisher, “Title”, Author, Date" for every source cited by a shown relation.
    pub citations: Vec<String>,
    /// The map's title.
    pub title: String,
}

/// The display list of `scene` seen through `view`; `widths[e]` are label widths in px.
pub fn display_list(scene: &Scene, view: Viewport, widths: &[f32], line_height: f32) -> DisplayList {
    let to_screen = |e: usize| ((scene.positions[2 * e] - view.x) * view.zoom, (scene.positions[2 * e + 1] - view.y) * view.zoom, (scene.radii[e] * view.zoom).max(2.5));
    let mut shapes = Vec::new();
    let mut cited = vec![false; scene.data.sources.len()];
    for (i, r) in scene.data.relations.iter().enumerate() {
        let ((x1, y1, ra), (x2, y2, rb)) = (to_screen(r.from as usize), to_screen(r.to as usize));
        let (dx, dy) = (x2 - x1, y2 - y1);
        let len = (dx * dx + dy * dy).sqrt();
        if scene.edge_visible[i] == 0 || len <= ra + rb || !segment_in_view(x1, y1, x2, y2, view) {
            continue;
        }
        r.sources.iter().for_each(|&s| cited[s as usize] = true);
        let (ux, uy) = (dx / len, dy / len);
        shapes.push(Shape::Edge {
            x1: x1 + ux * ra,
            y1: y1 + uy * ra,
            x2: x2 - ux * rb,
            y2: y2 - uy * rb,
            color: RELATION_COLORS.get(scene.edge_kind[i] as usize).copied().unwrap_or("#777777"),
            dashed: scene.edge_flags[i] & crate::scene::edge_flag::DASHED != 0,
        });
    }
    for e in 0..scene.radii.len() {
        let (x, y, r) = to_screen(e);
        if scene.node_visible[e] == 1 && x + r > 0.0 && x - r < view.width && y + r > 0.0 && y - r < view.height {
            shapes.push(Shape::Node { x, y, r, color: KIND_COLORS.get(scene.node_kind[e] as usize).copied().unwrap_or("#555555") });
        }
    }
    for p in place_labels(scene, widths, line_height, view) {
        shapes.push(Shape::Label { x: p.x, y: p.y, text: scene.data.entity(p.entity).label().to_string() });
    }
    let citations = scene
        .data
        .sources
        .iter()
        .enumerate()
        .filter(|(i, _)| cited[*i])
        .map(|(i, s)| {
            let title = if s.title.is_empty() { s.id.clone() } else { format!("“{}”", s.title) };
            let rest: Vec<String> = [s.publisher.clone(), title, s.author.clone(), s.date.map(|d| d.to_string()).unwrap_or_default(), s.url.clone()]
                .into_iter()
                .filter(|t| !t.is_empty())
                .collect();
            format!("[{}] {}", i + 1, rest.join(", "))
        })
        .collect();
    DisplayList { width: view.width, height: view.height, shapes, citations, title: scene.data.meta.title.clone() }
}

/// Height of one citation line in the footer, px.
const FOOTER_LINE: f32 = 15.0;

/// The citations footer below the map: the height of map plus footer, and
/// each line ("Sources", then one per citation) with its baseline y. Both
/// the SVG writer and the browser's PNG painter place the footer from here.
pub fn footer(list: &DisplayList) -> (f32, Vec<(f32, &str)>) {
    let total = list.height + 24.0 + FOOTER_LINE * list.citations.len() as f32;
    let lines = std::iter::once("Sources")
        .chain(list.citations.iter().map(String::as_str))
        .enumerate()
        .map(|(i, text)| (list.height + 16.0 + FOOTER_LINE * i as f32, text))
        .collect();
    (total, lines)
}

fn segment_in_view(x1: f32, y1: f32, x2: f32, y2: f32, v: Viewport) -> bool {
    !(x1.max(x2) < 0.0 || x1.min(x2) > v.width || y1.max(y2) < 0.0 || y1.min(y2) > v.height)
}

/// The view that fits the whole map in `width` x `height` px with a margin.
pub fn fit_view(scene: &Scene, width: f32, height: f32) -> Viewport {
    let b = scene.bounds();
    let pad = 24.0;
    let (w, h) = ((b[2] - b[0]).max(1.0), (b[3] - b[1]).max(1.0));
    let zoom = ((width - 2.0 * pad) / w).min((height - 2.0 * pad) / h).max(1e-3);
    Viewport { x: (b[0] + b[2]) / 2.0 - width / 2.0 / zoom, y: (b[1] + b[3]) / 2.0 - height / 2.0 / zoom, zoom, width, height }
}
