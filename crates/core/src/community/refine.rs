//! Leiden's refinement: within each community that local moving found,
//! start again from single nodes and merge them into parts that are
//! well connected (tied to the rest of the community at least as strongly
//! as modularity's null model expects). The graph is then aggregated by
//! these parts rather than by whole communities, so a community that only a
//! departed node held together is split at the next level instead of being
//! frozen as one node, and moving can still shift parts of a community.
//!
//! Leiden picks each node's part at random, in proportion to exp(gain / θ);
//! here the part of greatest gain is taken. `exp` is not rounded alike by
//! every platform's maths library, and the results must be identical
//! everywhere; the seeded visiting order is the randomness left.

use super::louvain::{shuffled, Scores, Tally};
use crate::layout::multilevel::WGraph;
use crate::synth::Rng;

/// Parts of `part`'s communities (`count` of them, ids below it): a part id
/// per node, each a node index (the part's first member), every part inside
/// one community.
pub(super) fn refine(graph: &WGraph, scores: &Scores, part: &[u32], count: usize, rng: &mut Rng) -> Vec<u32> {
    let n = graph.n();
    let mut community_tot = vec![0.0; count];
    part.iter().zip(&scores.strength).for_each(|(&c, &k)| community_tot[c as usize] += k);
    let mut parts = Parts::singletons(graph, scores, part);
    let mut tally = Tally::new(n);
    for u in shuffled(n, rng) {
        let u = u as usize;
        let s_tot = community_tot[part[u] as usize];
        let k = scores.strength[u];
        // Only nodes still alone move, and only if tied well enough to their community.
        if parts.size[parts.of[u] as usize] != 1 || !well_connected(scores, parts.outside[u], k, s_tot) {
            continue;
        }
        tally.clear();
        for (v, w) in graph.neighbours(u).filter(|&(v, _)| v != u && part[v] == part[u]) {
            tally.add(parts.of[v], w);
        }
        if let Some(to) = best_part(scores, &parts, &tally, k, s_tot) {
            parts.join(u, to, k, tally.weight[to as usize]);
        }
    }
    parts.of
}

/// The refined partition so far: each part's size, total strength and the
/// weight of its edges to the rest of its community.
struct Parts {
    of: Vec<u32>,
    size: Vec<u32>,
    tot: Vec<f64>,
    outside: Vec<f64>,
}

impl Parts {
    /// Every node its own part.
    fn singletons(graph: &WGraph, scores: &Scores, part: &[u32]) -> Parts {
        let n = graph.n();
        let outside = (0..n).map(|u| graph.neighbours(u).filter(|&(v, _)| v != u && part[v] == part[u]).map(|(_, w)| w).sum()).collect();
        Parts { of: (0..n as u32).collect(), size: vec![1; n], tot: scores.strength.clone(), outside }
    }

    /// Moves the lone node `u` (strength `k`, ties of weight `tied` to part
    /// `to`) into `to`: those ties become internal, the rest of `u`'s ties
    /// to the community now leave the part.
    fn join(&mut self, u: usize, to: u32, k: f64, tied: f64) {
        let t = to as usize;
        self.outside[t] += self.outside[u] - 2.0 * tied;
        self.tot[t] += k;
        self.size[t] += 1;
        self.size[u] = 0;
        self.of[u] = to;
    }
}

/// The well-connected part among those `u` is tied to whose gain is greatest
/// and positive (the first such, in the order of `u`'s neighbours), if any.
fn best_part(scores: &Scores, parts: &Parts, tally: &Tally, k: f64, s_tot: f64) -> Option<u32> {
    let mut best = None;
    let mut best_gain = 0.0;
    for &c in &tally.touched {
        let c_ix = c as usize;
        if !well_connected(scores, parts.outside[c_ix], parts.tot[c_ix], s_tot) {
            continue;
        }
        let gain = scores.gain(tally.weight[c_ix], k, parts.tot[c_ix]);
        if gain > best_gain {
            (best, best_gain) = (Some(c), gain);
        }
    }
    best
}

/// Leiden's test for a part of total strength `tot` in a community of total
/// `s_tot`: its ties to the rest weigh at least tot·(s_tot − tot)/2m, scaled
/// by 2m to stay in integers.
fn well_connected(scores: &Scores, outside: f64, tot: f64, s_tot: f64) -> bool {
    outside * scores.m2 >= tot * (s_tot - tot)
}
