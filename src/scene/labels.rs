//! Label placement: for a zoom level and viewport, which entity labels to show
//! and where, so that no label overlaps another label or any node circle.
//! Greedy in priority order (selection, hover focus, then degree), trying sixteen
//! positions around each node; all in screen pixels, where text has a fixed size.

use crate::scene::{emphasis, Scene};

/// Screen-space view used for placement.
#[derive(Clone, Copy, Debug)]
pub struct Viewport {
    /// World x at the screen's left edge.
    pub x: f32,
    /// World y at the screen's top edge.
    pub y: f32,
    /// Pixels per world unit.
    pub zoom: f32,
    /// Screen width in CSS pixels.
    pub width: f32,
    /// Screen height in CSS pixels.
    pub height: f32,
}

/// A placed label: which entity, and the left end of its text's middle line
/// in screen pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlacedLabel {
    /// Entity index.
    pub entity: u32,
    /// Left of the text, CSS px.
    pub x: f32,
    /// Vertical middle of the text, CSS px.
    pub y: f32,
}

#[derive(Clone, Copy)]
struct Rect {
    x0: f32,
    y0: f32,
    x1: f32,
    y1: f32,
}

impl Rect {
    fn overlaps(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }
    fn hits_circle(&self, cx: f32, cy: f32, r: f32) -> bool {
        // max/min rather than clamp: clamp's NaN assertion drags a float formatter into the wasm.
        let nx = cx.max(self.x0).min(self.x1);
        let ny = cy.max(self.y0).min(self.y1);
        (nx - cx) * (nx - cx) + (ny - cy) * (ny - cy) < r * r
    }
}

/// Screen-space buckets of obstacles (node circles and placed label boxes).
struct Obstacles {
    cell: f32,
    cols: i32,
    rows: i32,
    circles: Vec<Vec<(f32, f32, f32)>>,
    rects: Vec<Vec<Rect>>,
}

impl Obstacles {
    fn new(width: f32, height: f32) -> Obstacles {
        let cell = 48.0;
        let cols = (width / cell).ceil().max(1.0) as i32 + 2;
        let rows = (height / cell).ceil().max(1.0) as i32 + 2;
        let cells = (cols * rows) as usize;
        Obstacles { cell, cols, rows, circles: vec![Vec::new(); cells], rects: vec![Vec::new(); cells] }
    }

    fn cells(&self, r: &Rect) -> impl Iterator<Item = usize> + '_ {
        let c = |v: f32, max: i32| ((v / self.cell).floor() as i32 + 1).clamp(0, max - 1);
        let (x0, x1) = (c(r.x0, self.cols), c(r.x1, self.cols));
        let (y0, y1) = (c(r.y0, self.rows), c(r.y1, self.rows));
        (y0..=y1).flat_map(move |y| (x0..=x1).map(move |x| (y * self.cols + x) as usize))
    }

    fn add_circle(&mut self, x: f32, y: f32, r: f32) {
        let bbox = Rect { x0: x - r, y0: y - r, x1: x + r, y1: y + r };
        let cells: Vec<usize> = self.cells(&bbox).collect();
        for c in cells {
            self.circles[c].push((x, y, r));
        }
    }

    fn add_rect(&mut self, r: Rect) {
        let cells: Vec<usize> = self.cells(&r).collect();
        for c in cells {
            self.rects[c].push(r);
        }
    }

    fn free(&self, r: &Rect) -> bool {
        self.cells(r).all(|c| {
            self.rects[c].iter().all(|o| !r.overlaps(o)) && self.circles[c].iter().all(|&(x, y, rad)| !r.hits_circle(x, y, rad))
        })
    }
}

/// Places labels. `widths[e]` is the text width of entity `e`'s label in CSS
/// px; `height` the line height. Faded entities get no label while something
/// is focused. Off-screen and hidden (filtered out) entities are skipped. O(visible · candidates).
pub fn place_labels(scene: &Scene, widths: &[f32], height: f32, view: Viewport) -> Vec<PlacedLabel> {
    let n = scene.radii.len();
    let to_screen = |e: usize| {
        ((scene.positions[2 * e] - view.x) * view.zoom, (scene.positions[2 * e + 1] - view.y) * view.zoom, scene.radii[e] * view.zoom)
    };
    let on_screen = |(x, y, r): (f32, f32, f32)| x + r > 0.0 && x - r < view.width && y + r > 0.0 && y - r < view.height;
    let mut obstacles = Obstacles::new(view.width, view.height);
    for e in 0..n {
        let s = to_screen(e);
        if scene.node_visible[e] == 1 && on_screen(s) {
            obstacles.add_circle(s.0, s.1, s.2 + 1.0);
        }
    }
    let mut order: Vec<u32> = Vec::with_capacity(n);
    if let Some(crate::scene::Item::Entity(sel)) = scene.selected() {
        order.push(sel.0);
    }
    order.extend(scene.label_order.iter().filter(|&&e| scene.node_emphasis[e as usize] == emphasis::FOCUS));
    order.extend(scene.label_order.iter().filter(|&&e| scene.node_emphasis[e as usize] == emphasis::NEAR));
    order.extend(scene.label_order.iter().filter(|&&e| scene.node_emphasis[e as usize] == emphasis::NORMAL));
    let mut placed: Vec<PlacedLabel> = Vec::new();
    let mut done = vec![false; n];
    for e in order {
        let eu = e as usize;
        if done[eu] {
            continue;
        }
        done[eu] = true;
        if scene.node_visible[eu] == 0 {
            continue;
        }
        let (x, y, r) = to_screen(eu);
        if !on_screen((x, y, r)) {
            continue;
        }
        let w = widths.get(eu).copied().unwrap_or(0.0);
        if w <= 0.0 {
            continue;
        }
        let pad = 3.0;
        let h = height;
        // Right, left, above, below, then the diagonals, then the same ring
        // further out: hubs ringed by neighbours still find a free spot.
        let mut candidates: Vec<(f32, f32)> = Vec::with_capacity(16);
        for extra in [0.0, h] {
            let d = r + pad + extra;
            let diag = d * std::f32::consts::FRAC_1_SQRT_2;
            candidates.extend([
                (x + d, y),
                (x - d - w, y),
                (x - w / 2.0, y - d - h / 2.0),
                (x - w / 2.0, y + d + h / 2.0),
                (x + diag, y - diag - h / 2.0 + 2.0),
                (x + diag, y + diag + h / 2.0 - 2.0),
                (x - diag - w, y - diag - h / 2.0 + 2.0),
                (x - diag - w, y + diag + h / 2.0 - 2.0),
            ]);
        }
        for (lx, ly) in candidates {
            let rect = Rect { x0: lx, y0: ly - h / 2.0, x1: lx + w, y1: ly + h / 2.0 };
            let inside = rect.x0 >= 0.0 && rect.y0 >= 0.0 && rect.x1 <= view.width && rect.y1 <= view.height;
            if inside && obstacles.free(&rect) {
                obstacles.add_rect(rect);
                placed.push(PlacedLabel { entity: e, x: lx, y: ly });
                break;
            }
        }
    }
    placed
}

/// Quality figure for tests: pairs of placed labels that overlap each other,
/// plus labels that overlap a node circle.
pub fn count_label_overlaps(scene: &Scene, widths: &[f32], height: f32, view: Viewport, placed: &[PlacedLabel]) -> usize {
    let rects: Vec<Rect> = placed
        .iter()
        .map(|p| Rect { x0: p.x, y0: p.y - height / 2.0, x1: p.x + widths[p.entity as usize], y1: p.y + height / 2.0 })
        .collect();
    let mut count = 0;
    for i in 0..rects.len() {
        for j in (i + 1)..rects.len() {
            count += usize::from(rects[i].overlaps(&rects[j]));
        }
        for e in 0..scene.radii.len() {
            let (x, y) = ((scene.positions[2 * e] - view.x) * view.zoom, (scene.positions[2 * e + 1] - view.y) * view.zoom);
            count += usize::from(rects[i].hits_circle(x, y, scene.radii[e] * view.zoom));
        }
    }
    count
}
