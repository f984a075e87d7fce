//! Weighted graphs and the multilevel hierarchy (as in FM3 and sfdp): the graph
//! is coarsened by matching neighbours into pairs until it is small; the small
//! graph is laid out, and each finer level starts from its parent's position.
//! The hierarchy lets forces act on whole regions at once, so a 10,000-node
//! graph untangles in a few dozen cheap iterations per level instead of
//! hundreds of full ones.
//!
//! Everything is ordered by integers (stable sorts, index tie-breaks) and the
//! seeded [`Rng`], never by hashing, so the hierarchy is the same everywhere.

use crate::synth::Rng;

/// Undirected graph in CSR form with node masses and edge weights. A coarse
/// node stands for `mass` original nodes; an edge's weight counts the original
/// edges it stands for.
#[derive(Clone, Debug)]
pub struct WGraph {
    /// Neighbours of `u` are `adj[off[u]..off[u + 1]]`.
    pub off: Vec<u32>,
    pub adj: Vec<u32>,
    /// Weight of each entry of `adj`.
    pub w: Vec<f64>,
    pub mass: Vec<f64>,
}

impl WGraph {
    pub fn n(&self) -> usize {
        self.mass.len()
    }

    /// The graph of `n` unit nodes; self-loops, repeated pairs and endpoints
    /// out of range are dropped, because none of them changes a drawing.
    pub fn from_edges(n: usize, edges: &[(u32, u32)]) -> WGraph {
        let pairs = edges.iter().filter(|&&(a, b)| a != b && (a as usize) < n && (b as usize) < n).map(|&(a, b)| (a, b, 1.0));
        let mut g = WGraph::from_pairs(vec![1.0; n], pairs);
        g.w.iter_mut().for_each(|w| *w = 1.0);
        g
    }

    /// The graph of `n` unit nodes with edges weighted as given, for
    /// community detection, where they all count: repeated pairs add their
    /// weights, and a self-loop of weight w is one entry `(u, u)` of weight
    /// 2w, both its ends, as modularity counts a degree. Endpoints out of
    /// range are dropped.
    pub(crate) fn from_weighted(n: usize, edges: impl Iterator<Item = (u32, u32, f64)>) -> WGraph {
        WGraph::from_pairs(vec![1.0; n], edges.filter(|&(a, b, _)| (a as usize) < n && (b as usize) < n))
    }

    /// Builds the symmetric CSR from weighted pairs; repeated pairs are
    /// merged by adding weights, in input order (stable sort), so the sums
    /// are the same on every platform. A pair (u, u) is pushed twice and so
    /// merges into one entry of twice its weight; the layout never passes one.
    pub(crate) fn from_pairs(mass: Vec<f64>, pairs: impl Iterator<Item = (u32, u32, f64)>) -> WGraph {
        let n = mass.len();
        let mut both: Vec<(u32, u32, f64)> = Vec::new();
        for (a, b, w) in pairs {
            both.push((a, b, w));
            both.push((b, a, w));
        }
        both.sort_by_key(|&(a, b, _)| (a, b));
        let mut off = vec![0u32; n + 1];
        let (mut adj, mut ws): (Vec<u32>, Vec<f64>) = (Vec::with_capacity(both.len()), Vec::with_capacity(both.len()));
        let mut last: Option<(u32, u32)> = None;
        for (a, b, w) in both {
            if last == Some((a, b)) {
                *ws.last_mut().expect("merged entry exists") += w;
                continue;
            }
            last = Some((a, b));
            adj.push(b);
            ws.push(w);
            off[a as usize + 1] += 1;
        }
        for i in 0..n {
            off[i + 1] += off[i];
        }
        WGraph { off, adj, w: ws, mass }
    }

    /// The subgraph induced by `members` (ascending), renumbered in order.
    /// `local` is scratch of n entries, all u32::MAX, and left so: reusing it
    /// keeps many small components from costing O(n) each.
    pub fn subgraph(&self, members: &[u32], local: &mut [u32]) -> WGraph {
        for (i, &u) in members.iter().enumerate() {
            local[u as usize] = i as u32;
        }
        let mass = members.iter().map(|&u| self.mass[u as usize]).collect();
        let mut pairs = Vec::new();
        for &u in members {
            for (v, w) in self.neighbours(u as usize).filter(|&(v, _)| v > u as usize && local[v] != u32::MAX) {
                pairs.push((local[u as usize], local[v], w));
            }
        }
        for &u in members {
            local[u as usize] = u32::MAX;
        }
        WGraph::from_pairs(mass, pairs.into_iter())
    }

    /// Connected components, each as its ascending list of nodes, in the
    /// order of their smallest node.
    pub fn components(&self) -> Vec<Vec<u32>> {
        let mut seen = vec![false; self.n()];
        let mut parts = Vec::new();
        for start in 0..self.n() {
            if seen[start] {
                continue;
            }
            seen[start] = true;
            let mut part = vec![start as u32];
            let mut head = 0;
            while head < part.len() {
                let u = part[head] as usize;
                head += 1;
                for (v, _) in self.neighbours(u) {
                    if !seen[v] {
                        seen[v] = true;
                        part.push(v as u32);
                    }
                }
            }
            part.sort_unstable();
            parts.push(part);
        }
        parts
    }

    pub fn degree(&self, u: usize) -> usize {
        (self.off[u + 1] - self.off[u]) as usize
    }

    /// Neighbours of `u` with the weights of the edges to them.
    pub fn neighbours(&self, u: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
        let r = self.off[u] as usize..self.off[u + 1] as usize;
        self.adj[r.clone()].iter().zip(&self.w[r]).map(|(&v, &w)| (v as usize, w))
    }
}

/// A coarser graph and, for each node of the finer one, its coarse node.
pub struct Level {
    pub graph: WGraph,
    pub parent: Vec<u32>,
}

/// Stop coarsening at this many nodes: the coarsest layout is then cheap.
const COARSEST: usize = 3;
/// Stop when a round removes less than this share of nodes (e.g. a graph
/// that is mostly isolated nodes): more levels would only cost time.
const MIN_SHRINK: f64 = 0.8;

/// Coarser and coarser graphs, finest first (not including `g` itself).
pub fn hierarchy(g: &WGraph, rng: &mut Rng) -> Vec<Level> {
    let mut levels: Vec<Level> = Vec::new();
    loop {
        let current = levels.last().map_or(g, |l| &l.graph);
        if current.n() <= COARSEST {
            break;
        }
        let level = coarsen(current, rng);
        if level.graph.n() as f64 > MIN_SHRINK * current.n() as f64 {
            break;
        }
        levels.push(level);
    }
    levels
}

/// One round of coarsening. Nodes are visited from low to high degree (random
/// among equals) and matched to the lightest unmatched neighbour, which keeps
/// coarse masses even. A node whose neighbours are all taken (a leaf of a hub,
/// typically) then joins its lightest neighbour's group: this collapses stars,
/// which matching alone would shrink by one node per round.
fn coarsen(g: &WGraph, rng: &mut Rng) -> Level {
    const NONE: u32 = u32::MAX;
    let n = g.n();
    let mut order: Vec<(usize, u64, u32)> = (0..n).map(|u| (g.degree(u), rng.next_u64(), u as u32)).collect();
    order.sort_unstable();
    let mut parent = vec![NONE; n];
    let mut mass: Vec<f64> = Vec::new();
    for &(_, _, u) in &order {
        let u = u as usize;
        if parent[u] != NONE {
            continue;
        }
        let best = g.neighbours(u).filter(|&(v, _)| parent[v] == NONE).min_by(|a, b| g.mass[a.0].total_cmp(&g.mass[b.0]).then(a.0.cmp(&b.0)));
        if let Some((v, _)) = best {
            parent[u] = mass.len() as u32;
            parent[v] = mass.len() as u32;
            mass.push(g.mass[u] + g.mass[v]);
        }
    }
    for &(_, _, u) in &order {
        let u = u as usize;
        if parent[u] != NONE {
            continue;
        }
        let best = g.neighbours(u).map(|(v, _)| parent[v]).filter(|&c| c != NONE).min_by(|&a, &b| mass[a as usize].total_cmp(&mass[b as usize]).then(a.cmp(&b)));
        let c = best.unwrap_or_else(|| {
            mass.push(0.0);
            (mass.len() - 1) as u32
        });
        parent[u] = c;
        mass[c as usize] += g.mass[u];
    }
    let pairs = (0..n).flat_map(|u| g.neighbours(u).filter(move |&(v, _)| u < v).map(move |(v, w)| (u, v, w)));
    let parent_ref = &parent;
    let coarse_pairs = pairs.map(|(u, v, w)| (parent_ref[u], parent_ref[v], w)).filter(|&(a, b, _)| a != b);
    let graph = WGraph::from_pairs(mass, coarse_pairs.collect::<Vec<_>>().into_iter());
    Level { graph, parent }
}
