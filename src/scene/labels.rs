//! Label placement: for a zoom level and viewport, which entity labels to show
//! and where, so that no label overlaps another label or any node circle.
//! Greedy in priority order (selection, hover focus, then degree), trying sixteen
//! positions around each node; all in screen pixels, where text has a fixed size.

use crate::scene::label_spots::{find_spot, Avoid, Node, Obstacles, Rect};
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

/// A placed label: which entity (or, from the entity count n on, which of
/// a story step's notes: n + j), and the left end of its text's middle line
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

/// Labels this far down the priority order (selection, path, then degree)
/// search rings further out and take a leader line when the near spots are
/// taken: the hubs that a ring of neighbours' circles surrounds. The rest
/// try only the sixteen near spots, so a 10,000-entity frame stays a few ms.
const FAR_SEARCH_RANK: usize = 200;

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
    // Only a reader's module shows a story; the first frame's wasm carries no note code.
    #[cfg(feature = "story")]
    place_notes(scene, height, view, &mut obstacles, &mut placed);
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

/// A story step's notes (`Scene::set_notes`) claim their spots first, beside
/// what they are about, over nodes if they must: a note is what the step
/// asks the reader to see. Each is placed as label `n + j` (n entities).
#[cfg(feature = "story")]
fn place_notes(scene: &Scene, height: f32, view: Viewport, obstacles: &mut Obstacles, placed: &mut Vec<PlacedLabel>) {
    let frame = Rect { x0: 0.0, y0: 0.0, x1: view.width, y1: view.height };
    for (j, note) in scene.notes.iter().enumerate() {
        let node = Node { x: (note.x - view.x) * view.zoom, y: (note.y - view.y) * view.zoom, r: note.r * view.zoom, w: note.width, h: height };
        let spot = find_spot(&node, obstacles, &frame, Avoid::Nodes, true).or_else(|| find_spot(&node, obstacles, &frame, Avoid::NoNodes, true));
        if let Some((b, l)) = spot {
            obstacles.add_rect(b);
            if let Some(l) = l {
                obstacles.add_segment(l);
            }
            placed.push(PlacedLabel { entity: (scene.radii.len() + j) as u32, x: b.x0, y: (b.y0 + b.y1) / 2.0, leader: l });
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

/// Quality figure for tests: pairs of placed labels that overlap each other,
/// plus labels that overlap a node circle.
pub fn count_label_overlaps(scene: &Scene, widths: &[f32], height: f32, view: Viewport, placed: &[PlacedLabel]) -> usize {
    let rects: Vec<Rect> = placed
        .iter()
        // Names only: a story step's notes (from the entity count on) have no entity's widths.
        .filter(|p| (p.entity as usize) < scene.radii.len())
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
