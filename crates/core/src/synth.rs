//! Seeded synthetic datasets shared by tests and benchmarks: a Barabási–Albert
//! preferential-attachment graph (each new entity links to `m` earlier ones),
//! dressed as companies, arms and associations with cited relations.

use crate::model::{Dataset, Entity, EntityIx, Meta, Relation, Source, SourceIx};
use crate::model::vocab::{EntityKind, RelationType};

/// A small, fast, seedable generator (SplitMix64). Same seed, same numbers, on
/// every platform, so generated graphs and layouts can be asserted exactly.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform integer in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 11) as u128 * n as u128) >> 53) as usize
    }

    /// A uniform float in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Edges of a Barabási–Albert graph on `n` nodes with `m` links per new node,
/// without self-loops or repeated pairs. Deterministic for a seed.
pub fn barabasi_albert(n: usize, m: usize, seed: u64) -> Vec<(u32, u32)> {
    let mut rng = Rng::new(seed);
    let mut edges: Vec<(u32, u32)> = Vec::with_capacity(n * m);
    // Every edge endpoint once: picking uniformly from it is picking by degree.
    let mut ends: Vec<u32> = Vec::with_capacity(2 * n * m);
    for v in 1..n.min(m + 1) {
        for u in 0..v {
            edges.push((v as u32, u as u32));
            ends.extend([v as u32, u as u32]);
        }
    }
    for v in (m + 1)..n {
        let mut targets: Vec<u32> = Vec::with_capacity(m);
        while targets.len() < m {
            let t = ends[rng.below(ends.len())];
            if !targets.contains(&t) {
                targets.push(t);
            }
        }
        for t in targets {
            edges.push((v as u32, t));
            ends.extend([v as u32, t]);
        }
    }
    edges
}

/// A dataset of `entities` entities and about `relations` relations (BA
/// structure with m = relations / entities), every relation cited.
pub fn dataset(entities: usize, relations: usize, seed: u64) -> Dataset {
    let m = (relations / entities.max(1)).max(1);
    dataset_of_edges(entities, &barabasi_albert(entities, m, seed))
}

/// Edges of a star: node 0 joined to each of `spokes` others.
pub fn star(spokes: usize) -> Vec<(u32, u32)> {
    (1..=spokes as u32).map(|v| (v, 0)).collect()
}

/// Edges of the complete graph on `n` nodes: every pair once.
pub fn complete(n: usize) -> Vec<(u32, u32)> {
    (1..n as u32).flat_map(|v| (0..v).map(move |u| (v, u))).collect()
}

/// A dataset of `entities` entities joined by `edges`, every relation cited.
pub fn dataset_of_edges(entities: usize, edges: &[(u32, u32)]) -> Dataset {
    let kinds = [EntityKind::Company, EntityKind::InvestmentArm, EntityKind::IndustryAssociation, EntityKind::Alliance];
    let types = [RelationType::MemberOf, RelationType::PartnerOf, RelationType::Owns, RelationType::InvestmentArmOf];
    let sources = (0..3)
        .map(|i| Source { id: format!("s{i}"), publisher: "Synthetic Wire".into(), title: format!("Generated report {i}"), ..Source::default() })
        .collect();
    let entities = (0..entities)
        .map(|i| Entity {
            id: format!("e{i}"),
            name: format!("Entity {i}"),
            aliases: Vec::new(),
            kind: kinds[i % kinds.len()],
            country: if i % 2 == 0 { "CN".into() } else { "US".into() },
            wikidata: String::new(),
            attributes: Vec::new(),
            sources: vec![SourceIx((i % 3) as u32)],
        })
        .collect();
    let relations = edges
        .iter()
        .enumerate()
        .map(|(i, &(from, to))| Relation { id: format!("r{i}"), ..Relation::bare(types[i % types.len()], EntityIx(from), EntityIx(to), vec![SourceIx((i % 3) as u32)]) })
        .collect();
    Dataset { meta: Meta { title: "Synthetic".into(), description: String::new() }, sources, entities, relations, corrections: Vec::new(), reactions: Vec::new(), steps: Vec::new() }
}

/// A data file of `n` entities and `n` relations that each name an entity
/// that does not exist: the even ones a near miss of a real id
/// (`entity-4x`), the odd ones nothing like one (`nowhere-5`).
pub fn unknown_references(n: usize) -> String {
    let mut text = String::from("[[source]]\nid = \"wire\"\npublisher = \"Wire\"\n\n");
    for i in 0..n {
        text.push_str(&format!("[[entity]]\nid = \"entity-{i}\"\nname = \"Entity {i}\"\nkind = \"company\"\n\n"));
    }
    for i in 0..n {
        let to = if i % 2 == 0 { format!("entity-{i}x") } else { format!("nowhere-{i}") };
        text.push_str(&format!("[[relation]]\ntype = \"partner_of\"\nfrom = \"entity-{i}\"\nto = \"{to}\"\nsources = [\"wire\"]\n\n"));
    }
    text
}

/// A data file of `n` entities whose kind is misspelt: `n` errors, one per entity.
pub fn misspelt_kinds(n: usize) -> String {
    (0..n).map(|i| format!("[[entity]]\nid = \"e{i}\"\nname = \"Entity {i}\"\nkind = \"compnay\"\n\n")).collect()
}

/// A JSON Graph Format file on one line: 50 nodes and `edges` edges to entities that do not exist.
pub fn dangling_jgf(edges: usize) -> String {
    let nodes: Vec<String> = (0..50).map(|i| format!("\"n{i}\":{{\"label\":\"Node {i}\"}}")).collect();
    let edges: Vec<String> = (0..edges).map(|i| format!("{{\"source\":\"n{}\",\"target\":\"missing-entity-{i}\",\"relation\":\"partner_of\"}}", i % 50)).collect();
    format!("{{\"graph\":{{\"label\":\"flood\",\"nodes\":{{{}}},\"edges\":[{}]}}}}", nodes.join(","), edges.join(","))
}

/// A JSON Graph Format file of `nodes` nodes whose labels hold JSON escapes
/// (an accent, quotes, a tab, a surrogate pair, a backslash), each tied to
/// another: what took 48 s to check at 40,000 nodes.
pub fn escaped_jgf(nodes: usize) -> String {
    let labels: Vec<String> = (0..nodes).map(|i| format!("\"n{i}\":{{\"label\":\"Na\\u00efve \\\"name\\\" \\t{i} \\ud83d\\ude00 \\\\ back\"}}")).collect();
    let edges: Vec<String> = (0..nodes).map(|i| format!("{{\"source\":\"n{i}\",\"target\":\"n{}\",\"relation\":\"partner_of\"}}", (i * 7 + 1) % nodes)).collect();
    format!("{{\"graph\":{{\"label\":\"escapes\",\"nodes\":{{{}}},\"edges\":[{}]}}}}", labels.join(","), edges.join(","))
}
