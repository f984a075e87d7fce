//! "How is A tied to B": the shortest paths between two entities (relations
//! taken in either direction), up to k of them, shortest first; and an
//! entity's neighbourhood within N hops.

use crate::model::graph::Adjacency;
use crate::model::{Dataset, EntityIx, RelationIx};
use std::collections::VecDeque;

/// A path: entities from start to end and the relations between them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Path {
    /// `entities[0]` is the start, the last is the end.
    pub entities: Vec<EntityIx>,
    /// `relations[i]` joins `entities[i]` and `entities[i + 1]`.
    pub relations: Vec<RelationIx>,
}

fn other_end(data: &Dataset, r: RelationIx, e: EntityIx) -> EntityIx {
    let rel = &data.relations[r.ix()];
    if rel.from == e { rel.to } else { rel.from }
}

/// Breadth-first shortest path avoiding banned entities and relations.
fn bfs(data: &Dataset, adj: &Adjacency, from: EntityIx, to: EntityIx, banned_e: &[bool], banned_r: &[bool]) -> Option<Path> {
    let n = data.entities.len();
    let mut prev: Vec<Option<(EntityIx, RelationIx)>> = vec![None; n];
    let mut seen = vec![false; n];
    seen[from.ix()] = true;
    let mut queue = VecDeque::from([from]);
    while let Some(e) = queue.pop_front() {
        if e == to {
            break;
        }
        for &r in adj.incident(e) {
            let o = other_end(data, r, e);
            if seen[o.ix()] || banned_e[o.ix()] || banned_r[r.ix()] {
                continue;
            }
            seen[o.ix()] = true;
            prev[o.ix()] = Some((e, r));
            queue.push_back(o);
        }
    }
    if !seen[to.ix()] {
        return None;
    }
    let (mut entities, mut relations) = (vec![to], Vec::new());
    let mut at = to;
    while let Some((p, r)) = prev[at.ix()] {
        entities.push(p);
        relations.push(r);
        at = p;
    }
    entities.reverse();
    relations.reverse();
    Some(Path { entities, relations })
}

/// Up to `k` shortest simple paths from `from` to `to` (Yen's algorithm over
/// hop counts), shortest first, ties in a deterministic order.
pub fn shortest_paths(data: &Dataset, adj: &Adjacency, from: EntityIx, to: EntityIx, k: usize) -> Vec<Path> {
    shortest_paths_within(data, adj, from, to, k, None)
}

/// [`shortest_paths`] through shown items only: `shown` is the visibility
/// flags (entities, relations; 1 shown) of a filter, or `None` for all.
pub fn shortest_paths_within(data: &Dataset, adj: &Adjacency, from: EntityIx, to: EntityIx, k: usize, shown: Option<(&[u8], &[u8])>) -> Vec<Path> {
    let (n, m) = (data.entities.len(), data.relations.len());
    if from == to || from.ix() >= n || to.ix() >= n || k == 0 {
        return Vec::new();
    }
    let (hidden_e, hidden_r): (Vec<bool>, Vec<bool>) = match shown {
        Some((e, r)) if e.len() == n && r.len() == m => (e.iter().map(|&v| v == 0).collect(), r.iter().map(|&v| v == 0).collect()),
        _ => (vec![false; n], vec![false; m]),
    };
    if hidden_e[from.ix()] || hidden_e[to.ix()] {
        return Vec::new();
    }
    let Some(first) = bfs(data, adj, from, to, &hidden_e, &hidden_r) else { return Vec::new() };
    let mut found = vec![first];
    let mut candidates: Vec<Path> = Vec::new();
    while found.len() < k {
        let last = found.last().expect("at least one path").clone();
        for i in 0..last.relations.len() {
            let spur = last.entities[i];
            let root = &last.entities[..=i];
            let mut banned_r = hidden_r.clone();
            for p in &found {
                if p.entities.len() > i && p.entities[..=i] == *root {
                    banned_r[p.relations[i].ix()] = true;
                }
            }
            let mut banned_e = hidden_e.clone();
            for &e in &root[..i] {
                banned_e[e.ix()] = true;
            }
            if let Some(tail) = bfs(data, adj, spur, to, &banned_e, &banned_r) {
                let mut entities = root[..i].to_vec();
                entities.extend(&tail.entities);
                let mut relations = last.relations[..i].to_vec();
                relations.extend(&tail.relations);
                let path = Path { entities, relations };
                if !found.contains(&path) && !candidates.contains(&path) {
                    candidates.push(path);
                }
            }
        }
        if candidates.is_empty() {
            break;
        }
        // The shortest candidate, ties by relation indices (candidates are distinct).
        let best = (0..candidates.len())
            .min_by(|&a, &b| {
                let (x, y) = (&candidates[a].relations, &candidates[b].relations);
                (x.len(), x).cmp(&(y.len(), y))
            })
            .unwrap_or(0);
        found.push(candidates.swap_remove(best));
    }
    found
}

/// Up to `k` shortest paths of a story step, through what its own filter
/// and date show (as the reader's path finder finds them once the step is
/// applied); none for a step without a path. `check` counts them (E030),
/// the step's words and pictures take the one it names.
pub fn step_paths(data: &Dataset, adj: &Adjacency, step: &crate::model::story::Step, k: usize) -> Vec<Path> {
    let Some(p) = step.path else { return Vec::new() };
    let shown = super::filter::visibility(data, &super::filter::Filter::for_step(data, step));
    shortest_paths_within(data, adj, p.from, p.to, k, Some((&shown.0, &shown.1)))
}

/// Entities within `hops` relations of `centre` (the centre included),
/// walking only the relations `passes` lets through (the map walks what is
/// shown). O(n + m).
pub fn neighbourhood(data: &Dataset, adj: &Adjacency, centre: EntityIx, hops: usize, passes: impl Fn(RelationIx) -> bool) -> Vec<bool> {
    let mut within = vec![false; data.entities.len()];
    if centre.ix() >= within.len() {
        return within;
    }
    within[centre.ix()] = true;
    let mut frontier = vec![centre];
    for _ in 0..hops {
        let mut next = Vec::new();
        for e in frontier {
            for &r in adj.incident(e) {
                let o = other_end(data, r, e);
                if passes(r) && !within[o.ix()] {
                    within[o.ix()] = true;
                    next.push(o);
                }
            }
        }
        frontier = next;
    }
    within
}
