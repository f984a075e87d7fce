//! Louvain's local moving (Blondel et al., 2008), in Leiden's fast form: a
//! queue of nodes, each moved to the neighbouring community that raises
//! modularity most (or to a community of its own). When a node moves, only
//! its neighbours outside its new community are queued again: they are the
//! only ones whose best move can have changed, so this converges with far
//! fewer visits than sweeping every node until none moves.

use crate::layout::multilevel::WGraph;
use crate::synth::Rng;
use std::collections::VecDeque;

/// What modularity needs of a graph: each node's strength (the weights of
/// its edges, a self-loop's twice) and their sum, 2m.
pub(super) struct Scores {
    pub strength: Vec<f64>,
    pub m2: f64,
}

impl Scores {
    pub fn new(graph: &WGraph) -> Scores {
        let strength: Vec<f64> = (0..graph.n()).map(|u| graph.neighbours(u).map(|(_, w)| w).sum()).collect();
        let m2 = strength.iter().sum();
        Scores { strength, m2 }
    }

    /// The modularity gain, times 2m², of putting a node of strength `k`
    /// into a community of total strength `tot` (itself not counted) to which
    /// its edges weigh `tied`: ΔQ = tied/m − k·tot/(2m²), scaled so that with
    /// integer weights it is an integer, exact in an f64. Equal gains are
    /// then really equal, and no rounding can make a move and its reverse
    /// both look like gains, which could loop forever.
    pub fn gain(&self, tied: f64, k: f64, tot: f64) -> f64 {
        tied * self.m2 - k * tot
    }
}

/// Per-community sums of one node's edge weights, in O(degree): a dense
/// array and the list of entries touched, cleared after each node.
pub(super) struct Tally {
    pub weight: Vec<f64>,
    pub touched: Vec<u32>,
    seen: Vec<bool>,
}

impl Tally {
    pub fn new(n: usize) -> Tally {
        Tally { weight: vec![0.0; n], touched: Vec::new(), seen: vec![false; n] }
    }

    /// Adds an edge of weight `w` to community `c`; communities are listed
    /// in the order first touched (the CSR's order), so ties break the same way everywhere.
    pub fn add(&mut self, c: u32, w: f64) {
        if !self.seen[c as usize] {
            self.seen[c as usize] = true;
            self.touched.push(c);
        }
        self.weight[c as usize] += w;
    }

    pub fn clear(&mut self) {
        for &c in &self.touched {
            self.weight[c as usize] = 0.0;
            self.seen[c as usize] = false;
        }
        self.touched.clear();
    }
}

/// `0..n` in a seeded random order (Fisher–Yates): the seed's only use, so
/// that different seeds explore different orders and one seed always the same.
pub(super) fn shuffled(n: usize, rng: &mut Rng) -> Vec<u32> {
    let mut order: Vec<u32> = (0..n as u32).collect();
    for i in (1..n).rev() {
        order.swap(i, rng.below(i + 1));
    }
    order
}

/// A partition being improved: each community's total strength and size,
/// and the ids of empty communities (so a node can always leave for a
/// community of its own, which keeps nodes with no tie to their community
/// from staying in it).
struct Partition {
    of: Vec<u32>,
    tot: Vec<f64>,
    size: Vec<u32>,
    empty: Vec<u32>,
}

impl Partition {
    /// From a community per node, each id below the number of nodes.
    fn new(of: Vec<u32>, strength: &[f64]) -> Partition {
        let n = of.len();
        let (mut tot, mut size) = (vec![0.0; n], vec![0u32; n]);
        for (&c, &k) in of.iter().zip(strength) {
            tot[c as usize] += k;
            size[c as usize] += 1;
        }
        // Descending, so that the smallest empty id is taken first.
        let empty = (0..n as u32).rev().filter(|&c| size[c as usize] == 0).collect();
        Partition { of, tot, size, empty }
    }

    /// Moves `u` (strength `k`) into `to`, which is a community already or
    /// the last of the empty ids.
    fn shift(&mut self, u: usize, to: u32, k: f64) {
        if self.size[to as usize] == 0 {
            let taken = self.empty.pop();
            debug_assert_eq!(taken, Some(to));
        }
        let from = self.of[u] as usize;
        self.tot[from] -= k;
        self.size[from] -= 1;
        if self.size[from] == 0 {
            self.empty.push(from as u32);
        }
        self.of[u] = to;
        self.tot[to as usize] += k;
        self.size[to as usize] += 1;
    }
}

/// Improves `part` (a community per node, ids below n) by moving nodes, in a
/// seeded order, until no move raises modularity. Returns how many moves
/// were made.
pub(super) fn move_nodes(graph: &WGraph, scores: &Scores, part: &mut Vec<u32>, rng: &mut Rng) -> usize {
    let n = graph.n();
    let mut p = Partition::new(std::mem::take(part), &scores.strength);
    let mut queue: VecDeque<u32> = shuffled(n, rng).into();
    let mut queued = vec![true; n];
    let mut tally = Tally::new(n);
    let mut moves = 0;
    // Every move raises modularity by a positive integer step (see `gain`), so
    // this ends; the budget only bounds it should weights ever be inexact.
    let mut budget = n.saturating_mul(64);
    while budget > 0 {
        let Some(u) = queue.pop_front() else { break };
        budget -= 1;
        let u = u as usize;
        queued[u] = false;
        let best = best_community(graph, scores, &p, u, &mut tally);
        if best == p.of[u] {
            continue;
        }
        p.shift(u, best, scores.strength[u]);
        moves += 1;
        for (v, _) in graph.neighbours(u) {
            if !queued[v] && p.of[v] != best {
                queued[v] = true;
                queue.push_back(v as u32);
            }
        }
    }
    *part = p.of;
    moves
}

/// The community `u` gains most by being in: its own unless another is
/// strictly better; a new, empty one if that beats every community it is
/// tied to; otherwise the first best in the order its neighbours are listed.
fn best_community(graph: &WGraph, scores: &Scores, p: &Partition, u: usize, tally: &mut Tally) -> u32 {
    let (own, k) = (p.of[u], scores.strength[u]);
    tally.clear();
    for (v, w) in graph.neighbours(u).filter(|&(v, _)| v != u) {
        tally.add(p.of[v], w);
    }
    let mut best = own;
    let mut best_gain = scores.gain(tally.weight[own as usize], k, p.tot[own as usize] - k);
    if p.size[own as usize] > 1 && best_gain < 0.0 {
        best = *p.empty.last().expect("n ids, fewer than n communities: one is empty");
        best_gain = 0.0;
    }
    for &c in tally.touched.iter().filter(|&&c| c != own) {
        let gain = scores.gain(tally.weight[c as usize], k, p.tot[c as usize]);
        if gain > best_gain {
            (best, best_gain) = (c, gain);
        }
    }
    best
}
