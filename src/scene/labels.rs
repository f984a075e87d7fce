//! Label placement: for a zoom level and viewport, which entity labels to show
//! and where, so that no label overlaps another label or any node circle.
//! Greedy in priority order (selection, hover focus, then degree), trying sixteen
//! positions around each node; all in screen pixels, where text has a fixed size.

use crate::scene::spatial::segment_distance2;
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
    /// A line from the node's circle (x0, y0) to the label (x1, y1), when the
    /// label sits away from its node.
    pub leader: Option<[f32; 4]>,
}

#[derive(Clone, Copy)]
struct Rect {
    x0: f32,
    y0: f32,
    x1: f32,
    y1: f32,
}

impl Rect {
    fn around(s: [f32; 4]) -> Rect {
        Rect { x0: s[0].min(s[2]), y0: s[1].min(s[3]), x1: s[0].max(s[2]), y1: s[1].max(s[3]) }
    }
    /// Whether a segment passes through the box (Liang–Barsky clipping).
    fn crosses(&self, s: [f32; 4]) -> bool {
        let (dx, dy) = (s[2] - s[0], s[3] - s[1]);
        let (mut t0, mut t1) = (0.0f32, 1.0f32);
        for (p, q) in [(-dx, s[0] - self.x0), (dx, self.x1 - s[0]), (-dy, s[1] - self.y0), (dy, self.y1 - s[1])] {
            if p == 0.0 {
                if q < 0.0 {
                    return false;
                }
            } else {
                let t = q / p;
                if p < 0.0 { t0 = t0.max(t) } else { t1 = t1.min(t) }
            }
        }
        t0 < t1
    }
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
    /// x, y, radius, and whether the node is faded (drawn faint).
    circles: Vec<Vec<(f32, f32, f32, bool)>>,
    rects: Vec<Vec<Rect>>,
    segments: Vec<Vec<[f32; 4]>>,
}

impl Obstacles {
    fn new(width: f32, height: f32) -> Obstacles {
        let cell = 48.0;
        let cols = (width / cell).ceil().max(1.0) as i32 + 2;
        let rows = (height / cell).ceil().max(1.0) as i32 + 2;
        let cells = (cols * rows) as usize;
        Obstacles { cell, cols, rows, circles: vec![Vec::new(); cells], rects: vec![Vec::new(); cells], segments: vec![Vec::new(); cells] }
    }

    fn cells(&self, r: &Rect) -> impl Iterator<Item = usize> + '_ {
        let c = |v: f32, max: i32| ((v / self.cell).floor() as i32 + 1).clamp(0, max - 1);
        let (x0, x1) = (c(r.x0, self.cols), c(r.x1, self.cols));
        let (y0, y1) = (c(r.y0, self.rows), c(r.y1, self.rows));
        (y0..=y1).flat_map(move |y| (x0..=x1).map(move |x| (y * self.cols + x) as usize))
    }

    fn add_circle(&mut self, x: f32, y: f32, r: f32, faded: bool) {
        let bbox = Rect { x0: x - r, y0: y - r, x1: x + r, y1: y + r };
        let cells: Vec<usize> = self.cells(&bbox).collect();
        for c in cells {
            self.circles[c].push((x, y, r, faded));
        }
    }

    fn add_rect(&mut self, r: Rect) {
        let cells: Vec<usize> = self.cells(&r).collect();
        for c in cells {
            self.rects[c].push(r);
        }
    }

    fn add_segment(&mut self, s: [f32; 4]) {
        let cells: Vec<usize> = self.cells(&Rect::around(s)).collect();
        for c in cells {
            self.segments[c].push(s);
        }
    }

    /// No placed label, leader line or node circle (of the nodes `avoid`
    /// names) in the box.
    fn free(&self, r: &Rect, avoid: Avoid) -> bool {
        self.cells(r).all(|c| {
            self.rects[c].iter().all(|o| !r.overlaps(o))
                && self.circles[c].iter().all(|&(x, y, rad, faded)| !avoid.counts(faded) || !r.hits_circle(x, y, rad))
                && self.segments[c].iter().all(|&s| !r.crosses(s))
        })
    }

    /// A leader line would cross no other node's circle and no placed label
    /// (its own node, centred at `own`, excepted).
    fn segment_free(&self, s: [f32; 4], own: (f32, f32)) -> bool {
        self.cells(&Rect::around(s)).all(|c| {
            self.rects[c].iter().all(|o| !o.crosses(s))
                && self.circles[c].iter().all(|&(x, y, rad, _)| (x, y) == own || segment_distance2((x, y), (s[0], s[1]), (s[2], s[3])) >= rad * rad)
        })
    }
}

/// Labels this far down the priority order (selection, path, then degree)
/// search rings further out and take a leader line when the near spots are
/// taken: the hubs that a ring of neighbours' circles surrounds. The rest
/// try only the sixteen near spots, so a 10,000-entity frame stays a few ms.
const FAR_SEARCH_RANK: usize = 200;
/// Rings beyond the near two, each a line height further out.
const FAR_RINGS: usize = 3;

/// Places labels. `widths[e]` is the text width of entity `e`'s label in CSS
/// px (its longer line when it has two: `Entity::label_text`); `height` the
/// line height. Faded entities get no label while something
/// is focused. Off-screen and hidden (filtered out) entities are skipped. O(visible · candidates).
pub fn place_labels(scene: &Scene, widths: &[f32], height: f32, view: Viewport) -> Vec<PlacedLabel> {
    place_labels_around(scene, widths, height, view, &[])
}

/// [`place_labels`], keeping labels and leader lines out of `reserved`
/// boxes ([x0, y0, x1, y1], CSS px): what the page draws over the map, such
/// as the zoom and export buttons, under which a label could not be read.
pub fn place_labels_around(scene: &Scene, widths: &[f32], height: f32, view: Viewport, reserved: &[[f32; 4]]) -> Vec<PlacedLabel> {
    let n = scene.radii.len();
    let to_screen = |e: usize| {
        ((scene.positions[2 * e] - view.x) * view.zoom, (scene.positions[2 * e + 1] - view.y) * view.zoom, scene.radii[e] * view.zoom)
    };
    let on_screen = |(x, y, r): (f32, f32, f32)| x + r > 0.0 && x - r < view.width && y + r > 0.0 && y - r < view.height;
    let mut obstacles = Obstacles::new(view.width, view.height);
    for &r in reserved {
        obstacles.add_rect(Rect::around(r));
    }
    for e in 0..n {
        let s = to_screen(e);
        if scene.node_visible[e] == 1 && on_screen(s) {
            obstacles.add_circle(s.0, s.1, s.2 + 1.0, scene.node_emphasis[e] == emphasis::FADED);
        }
    }
    let mut placed: Vec<PlacedLabel> = Vec::new();
    let mut done = vec![false; n];
    let mut rank = 0;
    // Communities named so far, while their heads take turns (`group_heads`).
    let mut named = vec![false; if scene.group_heads.is_empty() { 0 } else { scene.communities.len() }];
    for (e, turn) in priority(scene) {
        let eu = e as usize;
        // A community already named lets its other heads wait their turn by degree.
        if turn != Turn::Own && named[scene.communities[eu] as usize] {
            continue;
        }
        // Only a head's last try may come back to an entity already tried.
        if std::mem::replace(&mut done[eu], true) && turn != Turn::HeadOverNodes || scene.node_visible[eu] == 0 {
            continue;
        }
        let (x, y, r) = to_screen(eu);
        let w = widths.get(eu).copied().unwrap_or(0.0);
        if !on_screen((x, y, r)) || w <= 0.0 {
            continue;
        }
        let node = Node { x, y, r, w, h: height * f32::from(scene.label_lines[eu]) };
        let frame = Rect { x0: 0.0, y0: 0.0, x1: view.width, y1: view.height };
        let far = rank < FAR_SEARCH_RANK;
        let mut spot = find_spot(&node, &obstacles, &frame, Avoid::Nodes, far);
        // What a reader asked to see is named even where nodes crowd: over
        // faded nodes first (drawn faint, the halo keeps the text clear),
        // then over any node.
        if spot.is_none() && (turn == Turn::HeadOverNodes || must_name(scene, e)) {
            spot = find_spot(&node, &obstacles, &frame, Avoid::ShownNodes, true).or_else(|| find_spot(&node, &obstacles, &frame, Avoid::NoNodes, false));
        }
        rank += 1;
        if let Some((b, l)) = spot {
            obstacles.add_rect(b);
            if let Some(l) = l {
                obstacles.add_segment(l);
            }
            placed.push(PlacedLabel { entity: e, x: b.x0, y: (b.y0 + b.y1) / 2.0, leader: l });
            if let Some(g) = named.get_mut(scene.communities.get(eu).map_or(usize::MAX, |&c| c as usize)) {
                *g = true;
            }
        }
    }
    placed
}

/// The first free spot for a node's label inside `frame`: the sixteen near
/// ones, then (with `far`) the rings further out, whose leader line must
/// cross no other node or label. One loop over candidate numbers, not
/// iterator chains: this runs in the first-frame wasm, where each chain
/// cost code size.
fn find_spot(node: &Node, obstacles: &Obstacles, frame: &Rect, avoid: Avoid, far: bool) -> Option<(Rect, Option<[f32; 4]>)> {
    let count = if far { 16 + 16 * FAR_RINGS } else { 16 };
    for i in 0..count {
        let b = candidate(node, i);
        let inside = b.x0 >= frame.x0 && b.y0 >= frame.y0 && b.x1 <= frame.x1 && b.y1 <= frame.y1;
        if !inside || !obstacles.free(&b, avoid) {
            continue;
        }
        if i < 16 {
            return Some((b, None));
        }
        let l = leader(node, &b);
        if obstacles.segment_free(l, (node.x, node.y)) {
            return Some((b, Some(l)));
        }
    }
    None
}

/// Which node circles a label box must keep clear of.
#[derive(Clone, Copy)]
enum Avoid {
    /// Every node.
    Nodes,
    /// Nodes that are not faded.
    ShownNodes,
    /// None (only other labels and leader lines).
    NoNodes,
}

impl Avoid {
    fn counts(self, faded: bool) -> bool {
        match self {
            Avoid::Nodes => true,
            Avoid::ShownNodes => !faded,
            Avoid::NoNodes => false,
        }
    }
}

/// The selected entity, the focus of a hover, and every entity on a highlighted path.
fn must_name(scene: &Scene, e: u32) -> bool {
    let e = crate::model::EntityIx(e);
    scene.selected() == Some(crate::scene::Item::Entity(e))
        || scene.node_emphasis[e.ix()] == emphasis::FOCUS
        || scene.path.as_ref().is_some_and(|p| p.entities.contains(&e))
}

/// Whose turn it is in the label pass.
#[derive(Clone, Copy, PartialEq)]
enum Turn {
    /// An entity's own, in priority order.
    Own,
    /// A try for a big community's label, beside nodes only (`group_heads`).
    Head,
    /// The last try for a community no head could name beside nodes: its
    /// most connected member, over nodes if need be (the halo keeps the
    /// text clear), so every big group of an overview has a name.
    HeadOverNodes,
}

/// Entities in the order they claim a label: the selection, the focus (a
/// hovered item, the path), its neighbours, then the heads of the big
/// communities (`group_heads`), then everything else; each group by degree.
fn priority(scene: &Scene) -> impl Iterator<Item = (u32, Turn)> + '_ {
    let selected = match scene.selected() {
        Some(crate::scene::Item::Entity(sel)) => Some(sel.0),
        _ => None,
    };
    let group = move |level: u8| scene.label_order.iter().copied().filter(move |&e| scene.node_emphasis[e as usize] == level);
    let normal = |e: &u32| scene.node_emphasis[*e as usize] == emphasis::NORMAL;
    let heads = scene.group_heads.iter().copied().filter(normal).map(|e| (e, Turn::Head));
    // The first round of heads is each community's most connected member.
    let first = scene.group_heads[..scene.first_heads].iter().copied();
    let last_tries = first.filter(normal).map(|e| (e, Turn::HeadOverNodes));
    let rest = selected.into_iter().chain(group(emphasis::FOCUS)).chain(group(emphasis::NEAR));
    rest.map(|e| (e, Turn::Own)).chain(heads).chain(last_tries).chain(group(emphasis::NORMAL).map(|e| (e, Turn::Own)))
}

/// A node on screen and its label's size, CSS px.
struct Node {
    x: f32,
    y: f32,
    r: f32,
    w: f32,
    h: f32,
}

/// Sixteen directions, (cos, sin) every 22.5° clockwise from 3 o'clock
/// (y grows downwards): a table, since sin and cos would grow the
/// first-frame wasm by kilobytes.
const DIRECTIONS: [(f32, f32); 16] = [
    (1.0, 0.0),
    (0.92388, 0.38268),
    (0.70711, 0.70711),
    (0.38268, 0.92388),
    (0.0, 1.0),
    (-0.38268, 0.92388),
    (-0.70711, 0.70711),
    (-0.92388, 0.38268),
    (-1.0, 0.0),
    (-0.92388, -0.38268),
    (-0.70711, -0.70711),
    (-0.38268, -0.92388),
    (0.0, -1.0),
    (0.38268, -0.92388),
    (0.70711, -0.70711),
    (0.92388, -0.38268),
];

/// The label box whose nearest point to the node's centre lies `d` away in
/// direction `(c, s)`: left-aligned to the right of the node, right-aligned
/// to its left, centred above and below.
fn box_at(n: &Node, d: f32, (c, s): (f32, f32)) -> Rect {
    let (px, py) = (n.x + d * c, n.y + d * s);
    let x0 = if c > 0.38 { px } else if c < -0.38 { px - n.w } else { px - n.w / 2.0 };
    let y0 = if s > 0.38 { py } else if s < -0.38 { py - n.h } else { py - n.h / 2.0 };
    Rect { x0, y0, x1: x0 + n.w, y1: y0 + n.h }
}

/// Candidate `i` for a node's label. 0-15: right, left, above, below, then
/// the diagonals, then the same ring a line further out: where a reader
/// looks for a node's name first. From 16: rings further out, sixteen
/// directions each, nearest first (a label with a leader line).
fn candidate(n: &Node, i: usize) -> Rect {
    const PAD: f32 = 3.0;
    // Right, left, above, below, then up-right, down-right, up-left, down-left.
    const NEAR: [usize; 8] = [0, 8, 12, 4, 14, 2, 10, 6];
    if i < 16 {
        let extra = if i < 8 { 0.0 } else { n.h };
        return box_at(n, n.r + PAD + extra, DIRECTIONS[NEAR[i % 8]]);
    }
    let ring = (i - 16) / 16 + 1;
    box_at(n, n.r + PAD + n.h * (1.0 + ring as f32), DIRECTIONS[i % 16])
}

/// The leader from the node's circle to the nearest point of its label box.
fn leader(n: &Node, b: &Rect) -> [f32; 4] {
    let (bx, by) = (n.x.max(b.x0).min(b.x1), n.y.max(b.y0).min(b.y1));
    let (dx, dy) = (bx - n.x, by - n.y);
    let len = (dx * dx + dy * dy).sqrt().max(1e-3);
    [n.x + dx / len * (n.r + 1.0), n.y + dy / len * (n.r + 1.0), bx, by]
}

/// Quality figure for tests: pairs of placed labels that overlap each other,
/// plus labels that overlap a node circle.
pub fn count_label_overlaps(scene: &Scene, widths: &[f32], height: f32, view: Viewport, placed: &[PlacedLabel]) -> usize {
    let rects: Vec<Rect> = placed
        .iter()
        .map(|p| {
            let h = height * f32::from(scene.label_lines[p.entity as usize]);
            Rect { x0: p.x, y0: p.y - h / 2.0, x1: p.x + widths[p.entity as usize], y1: p.y + h / 2.0 }
        })
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
