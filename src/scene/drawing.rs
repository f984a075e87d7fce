//! How each item is drawn, decided once per dataset: a node's colour (its
//! kind, or its community when kinds say nothing), an edge's flags (dashes,
//! an undirected tie's missing arrowhead, ties between communities and long
//! ones faded at overview) and
//! the order labels are placed in. The first frame and the full module
//! compute the same from the same bytes, and the canvas, SVG and PNG read
//! the same arrays.

use super::edge_flag;
use crate::model::graph::Adjacency;
use crate::model::vocab::Basis;
use crate::model::{Dataset, EntityIx};

/// Node palette indices past the kinds': community `c` (numbered by size)
/// is drawn in `GROUP_COLORS[c]` while there are colours, the rest in
/// `OTHER_GROUP` (see `display::style`).
pub const FIRST_GROUP_COLOR: u8 = crate::display::style::KIND_COLORS.len() as u8;

/// The node palette index of each entity: its kind, or with `communities`
/// (an imported network whose entities are all of one kind) its group.
pub fn node_colors(data: &Dataset, communities: &[u32]) -> Vec<u8> {
    if !colour_by_group(data, communities) {
        return data.entities.iter().map(|e| e.kind.index()).collect();
    }
    let coloured = crate::display::style::GROUP_COLORS.len() as u32;
    communities.iter().map(|&c| FIRST_GROUP_COLOR + c.min(coloured) as u8).collect()
}

/// True when a map's colours say which group an entity is in, not its
/// kind: its entities all share one kind, and it has communities.
pub fn colour_by_group(data: &Dataset, communities: &[u32]) -> bool {
    communities.len() == data.entities.len() && !communities.is_empty() && data.entities.windows(2).all(|w| w[0].kind == w[1].kind)
}

/// [`edge_flag`] bits of each relation, all but [`edge_flag::FAINT`]
/// ([`mark_faint_edges`]).
pub fn edge_flags(data: &Dataset) -> Vec<u8> {
    data.relations
        .iter()
        .map(|r| {
            let mut flags = 0;
            if crate::query::filter::is_tentative(r) {
                flags |= edge_flag::DASHED;
            }
            if r.claim.basis == Basis::Inferred {
                flags |= edge_flag::INFERRED;
            }
            if r.is_undirected() {
                flags |= edge_flag::UNDIRECTED;
            }
            flags
        })
        .collect()
}

/// From this many relations on, ties between communities are faded at
/// overview, so the clusters show through the ties that cross the map.
pub const FADE_FROM: usize = 1000;

/// Sets [`edge_flag::FAINT`] on the relations that join two communities, in
/// maps of [`FADE_FROM`] relations or more. (Not by length: in a hairball
/// such as a Barabási–Albert graph of 3,000, the longest tenth of the ties
/// is only 1.4 times the median.)
pub fn mark_faint_edges(flags: &mut [u8], ends: &[u32], communities: &[u32]) {
    if flags.len() < FADE_FROM || communities.is_empty() {
        return;
    }
    // `communities` is one per entity (compiled::decode checks).
    for (e, f) in flags.iter_mut().enumerate() {
        if communities[ends[2 * e] as usize] != communities[ends[2 * e + 1] as usize] {
            *f |= edge_flag::FAINT;
        }
    }
}

/// Entities in label priority order: by degree, then index.
pub fn label_order(n: usize, adjacency: &Adjacency) -> Vec<u32> {
    let mut order: Vec<u32> = (0..n as u32).collect();
    let key = |e: u32| (std::cmp::Reverse(adjacency.degree(EntityIx(e))), e);
    crate::query::sort::sort_indices(&mut order, &|a, b| key(a).cmp(&key(b)));
    order
}

/// How many of the biggest communities the overview names first.
const NAMED_GROUPS: usize = 24;
/// How many of each one's most connected members may try for its label.
const HEAD_TRIES: usize = 4;

/// Who names each big community, tried before anything else in maps of
/// [`crate::pipeline::LABEL_BY_COMMUNITY_FROM`] entities or more (empty
/// below): in rounds, each of the [`NAMED_GROUPS`] biggest communities'
/// most connected member, then their second, up to [`HEAD_TRIES`]; the
/// label pass stops trying for a community once it is named. So an
/// overview names every big group before the biggest one's hubs take all
/// the room, and a hub buried among its neighbours gives way to a member
/// with space beside it. `order` is [`label_order`]. Also returns how many
/// heads the first round has (one per community named).
pub fn group_heads(order: &[u32], adjacency: &Adjacency, communities: &[u32]) -> (Vec<u32>, usize) {
    if order.len() < crate::pipeline::LABEL_BY_COMMUNITY_FROM || communities.len() != order.len() {
        return (Vec::new(), 0);
    }
    // Plain loops over a fixed table: this runs in the first-frame wasm,
    // where iterator chains cost code size.
    let mut tries = [[u32::MAX; HEAD_TRIES]; NAMED_GROUPS];
    let mut taken = [0usize; NAMED_GROUPS];
    for &e in order {
        let c = communities[e as usize] as usize;
        // A group of one (an isolated entity) is no group to name.
        if c < NAMED_GROUPS && taken[c] < HEAD_TRIES && adjacency.degree(EntityIx(e)) > 0 {
            tries[c][taken[c]] = e;
            taken[c] += 1;
        }
    }
    let mut heads = Vec::new();
    let mut first = 0;
    for round in 0..HEAD_TRIES {
        for t in &tries {
            if t[round] != u32::MAX {
                heads.push(t[round]);
            }
        }
        if round == 0 {
            first = heads.len();
        }
    }
    (heads, first)
}

/// A coloured group in the legend: its palette index, its most connected
/// member (none for the smaller groups' row) and how many entities it has.
pub struct GroupRow {
    /// Node palette index.
    pub color: u8,
    /// The member the legend names it by.
    pub head: Option<EntityIx>,
    /// Its members.
    pub count: usize,
}

/// The legend's rows of a map coloured by group: each coloured community,
/// named by its most connected member, then the smaller ones together.
/// Empty when the map is coloured by kind.
pub fn group_rows(scene: &super::Scene) -> Vec<GroupRow> {
    if !colour_by_group(&scene.data, &scene.communities) {
        return Vec::new();
    }
    let coloured = crate::display::style::GROUP_COLORS.len();
    let mut rows: Vec<GroupRow> = Vec::new();
    for c in 0..=coloured {
        rows.push(GroupRow { color: FIRST_GROUP_COLOR + c as u8, head: None, count: 0 });
    }
    for e in 0..scene.communities.len() {
        let c = (scene.communities[e] as usize).min(coloured);
        let row = &mut rows[c];
        row.count += 1;
        let e = EntityIx::at(e);
        // The smaller groups' row is named by no one.
        if c < coloured && row.head.map_or(true, |h| scene.degree(e) > scene.degree(h)) {
            row.head = Some(e);
        }
    }
    rows.retain(|r| r.count > 0);
    rows
}

/// The bend of each relation: 0 for the only tie between its two entities,
/// else its place among the pair's ties (odd counts keep one straight:
/// 0, -1, 1, -2, 2 ...; even ones none: -1, 1, -2, 2 ...), signed in the
/// relation's own direction, so ties between one pair, whichever way each
/// points, are separate curves a reader can tell apart and click.
pub fn edge_bends(ends: &[u32]) -> Vec<i8> {
    let m = ends.len() / 2;
    let pair = |r: u32| {
        let (a, b) = (ends[2 * r as usize], ends[2 * r as usize + 1]);
        (a.min(b), a.max(b))
    };
    let mut order: Vec<u32> = (0..m as u32).collect();
    crate::query::sort::sort_indices(&mut order, &|x, y| (pair(x), x).cmp(&(pair(y), y)));
    let mut bends = vec![0i8; m];
    let mut start = 0;
    while start < m {
        let mut end = start + 1;
        while end < m && pair(order[end]) == pair(order[start]) {
            end += 1;
        }
        let k = end - start;
        for (i, &r) in order[start..end].iter().enumerate() {
            // The i-th of k ties: the odd count's first stays straight.
            let step = if k % 2 == 1 { i.div_ceil(2) } else { i / 2 + 1 } as i8;
            let canonical = if k == 1 { 0 } else if (i + k) % 2 == 0 { step } else { -step };
            let forward = ends[2 * r as usize] <= ends[2 * r as usize + 1];
            bends[r as usize] = if forward { canonical } else { -canonical };
        }
        start = end;
    }
    bends
}

/// How far a bend of 1 moves a curve's control point off the straight
/// line, in world units: a fifth of the tie's length, at most this.
pub const BEND_UNIT: f32 = 30.0;

/// The control point of the quadratic curve of a tie from `a` to `b` with
/// `bend`, in world units: the midpoint moved `bend` times min(length / 5,
/// [`BEND_UNIT`]) to the left of the direction of travel. The canvas
/// (`www/render.js`: `controlPoint`), the SVG and the PNG draw this curve,
/// and picking measures to it.
pub fn control_point(a: (f32, f32), b: (f32, f32), bend: i8) -> (f32, f32) {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len = (dx * dx + dy * dy).sqrt();
    let mid = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
    if bend == 0 || len == 0.0 {
        return mid;
    }
    let offset = f32::from(bend) * (len / 5.0).min(BEND_UNIT);
    (mid.0 + dy / len * offset, mid.1 - dx / len * offset)
}
