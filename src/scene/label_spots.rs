//! Where a label may go, in screen pixels: boxes and the obstacles they
//! must keep clear of (node circles, placed labels, leader lines, the boxes
//! the page draws over the map), bucketed in a grid, and the candidate spots
//! around a node (sixteen near ones, then rings further out with a leader
//! line). `labels.rs` decides who gets a label and in what order.

use crate::scene::spatial::segment_distance2;

#[derive(Clone, Copy)]
pub(super) struct Rect {
    pub(super) x0: f32,
    pub(super) y0: f32,
    pub(super) x1: f32,
    pub(super) y1: f32,
}

impl Rect {
    pub(super) fn around(s: [f32; 4]) -> Rect {
        Rect { x0: s[0].min(s[2]), y0: s[1].min(s[3]), x1: s[0].max(s[2]), y1: s[1].max(s[3]) }
    }
    /// Whether a segment passes through the box (Liang–Barsky clipping).
    pub(super) fn crosses(&self, s: [f32; 4]) -> bool {
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
    pub(super) fn overlaps(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }
    pub(super) fn hits_circle(&self, cx: f32, cy: f32, r: f32) -> bool {
        // max/min rather than clamp: clamp's NaN assertion drags a float formatter into the wasm.
        let nx = cx.max(self.x0).min(self.x1);
        let ny = cy.max(self.y0).min(self.y1);
        (nx - cx) * (nx - cx) + (ny - cy) * (ny - cy) < r * r
    }
}

/// Screen-space buckets of obstacles (node circles and placed label boxes).
pub(super) struct Obstacles {
    cell: f32,
    cols: i32,
    rows: i32,
    /// x, y, radius, and whether the node is faded (drawn faint).
    circles: Vec<Vec<(f32, f32, f32, bool)>>,
    rects: Vec<Vec<Rect>>,
    segments: Vec<Vec<[f32; 4]>>,
}

impl Obstacles {
    pub(super) fn new(width: f32, height: f32) -> Obstacles {
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

    pub(super) fn add_circle(&mut self, x: f32, y: f32, r: f32, faded: bool) {
        let bbox = Rect { x0: x - r, y0: y - r, x1: x + r, y1: y + r };
        let cells: Vec<usize> = self.cells(&bbox).collect();
        for c in cells {
            self.circles[c].push((x, y, r, faded));
        }
    }

    pub(super) fn add_rect(&mut self, r: Rect) {
        let cells: Vec<usize> = self.cells(&r).collect();
        for c in cells {
            self.rects[c].push(r);
        }
    }

    pub(super) fn add_segment(&mut self, s: [f32; 4]) {
        let cells: Vec<usize> = self.cells(&Rect::around(s)).collect();
        for c in cells {
            self.segments[c].push(s);
        }
    }

    /// No placed label, leader line or node circle (of the nodes `avoid`
    /// names) in the box.
    pub(super) fn free(&self, r: &Rect, avoid: Avoid) -> bool {
        self.cells(r).all(|c| {
            self.rects[c].iter().all(|o| !r.overlaps(o))
                && self.circles[c].iter().all(|&(x, y, rad, faded)| !avoid.counts(faded) || !r.hits_circle(x, y, rad))
                && self.segments[c].iter().all(|&s| !r.crosses(s))
        })
    }

    /// A leader line would cross no other node's circle and no placed label
    /// (its own node, centred at `own`, excepted).
    pub(super) fn segment_free(&self, s: [f32; 4], own: (f32, f32)) -> bool {
        self.cells(&Rect::around(s)).all(|c| {
            self.rects[c].iter().all(|o| !o.crosses(s))
                && self.circles[c].iter().all(|&(x, y, rad, _)| (x, y) == own || segment_distance2((x, y), (s[0], s[1]), (s[2], s[3])) >= rad * rad)
        })
    }
}

/// Rings beyond the near two, each a line height further out.
pub(super) const FAR_RINGS: usize = 3;

/// The first free spot for a node's label inside `frame`: the sixteen near
/// ones, then (with `far`) the rings further out, whose leader line must
/// cross no other node or label. One loop over candidate numbers, not
/// iterator chains: this runs in the first-frame wasm, where each chain
/// cost code size.
pub(super) fn find_spot(node: &Node, obstacles: &Obstacles, frame: &Rect, avoid: Avoid, far: bool) -> Option<(Rect, Option<[f32; 4]>)> {
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
pub(super) enum Avoid {
    /// Every node.
    Nodes,
    /// Nodes that are not faded.
    ShownNodes,
    /// None (only other labels and leader lines).
    NoNodes,
}

impl Avoid {
    pub(super) fn counts(self, faded: bool) -> bool {
        match self {
            Avoid::Nodes => true,
            Avoid::ShownNodes => !faded,
            Avoid::NoNodes => false,
        }
    }
}

/// A node on screen and its label's size, CSS px.
pub(super) struct Node {
    pub(super) x: f32,
    pub(super) y: f32,
    pub(super) r: f32,
    pub(super) w: f32,
    pub(super) h: f32,
}

/// Sixteen directions, (cos, sin) every 22.5° clockwise from 3 o'clock
/// (y grows downwards): a table, since sin and cos would grow the
/// first-frame wasm by kilobytes.
pub(super) const DIRECTIONS: [(f32, f32); 16] = [
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
pub(super) fn box_at(n: &Node, d: f32, (c, s): (f32, f32)) -> Rect {
    let (px, py) = (n.x + d * c, n.y + d * s);
    let x0 = if c > 0.38 { px } else if c < -0.38 { px - n.w } else { px - n.w / 2.0 };
    let y0 = if s > 0.38 { py } else if s < -0.38 { py - n.h } else { py - n.h / 2.0 };
    Rect { x0, y0, x1: x0 + n.w, y1: y0 + n.h }
}

/// Candidate `i` for a node's label. 0-15: right, left, above, below, then
/// the diagonals, then the same ring a line further out: where a reader
/// looks for a node's name first. From 16: rings further out, sixteen
/// directions each, nearest first (a label with a leader line).
pub(super) fn candidate(n: &Node, i: usize) -> Rect {
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
pub(super) fn leader(n: &Node, b: &Rect) -> [f32; 4] {
    let (bx, by) = (n.x.max(b.x0).min(b.x1), n.y.max(b.y0).min(b.y1));
    let (dx, dy) = (bx - n.x, by - n.y);
    let len = (dx * dx + dy * dy).sqrt().max(1e-3);
    [n.x + dx / len * (n.r + 1.0), n.y + dy / len * (n.r + 1.0), bx, by]
}
