//! Did-you-mean: the closest known word to a misspelt one.
//!
//! Comparing every unknown reference with every id was quadratic (20,000 of
//! each took 245 s), so an [`Index`] finds the few candidates that can be
//! within the limit and measures only those: a deletion index for short
//! words (a distance of at most 2 leaves a common string after at most 2
//! deletions from each), else a trigram index (within distance `b`, two
//! strings share at least `max(len) + 2 - 3b` padded trigrams: a count
//! filter, tightened as closer candidates are found). The hint is the one a
//! comparison with every candidate gives, unless one word would need more
//! work than the caps below allow: then the best of the most similar
//! candidates (a typo of one edit, the usual kind, is always found).

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;

/// Words are compared on their first `MAX_CHARS` characters (lower-cased),
/// so a hostile 1 MB key costs as much as a 64-character one.
const MAX_CHARS: usize = 64;
/// Below this many candidates a plain scan is cheaper than an index.
const SCAN: usize = 64;
/// Candidates this long or shorter get the deletion index.
const SHORT: usize = 12;
/// Work for one word: index entries read per deletion variant, distances
/// measured from the deletion indexes, and from the trigram index (those
/// sharing the most trigrams first), so a word costs about the same among
/// 20,000 ids as among 2,000.
const MAX_SCAN: usize = 20_000;
const MAX_MEASURED: usize = 2_000;
const MAX_MEASURED_TRIGRAMS: usize = 64;
/// Trigrams held by more candidates than this are too common to filter by.
const RARE: usize = 512;

/// How far a word may be from a candidate to be a plausible typo: a third
/// of its length, at least 2, less than the word itself.
fn limit(word: &str) -> usize {
    let len = word.chars().take(MAX_CHARS).count();
    (len / 3).max(2).min(len.saturating_sub(1))
}

fn lower(word: &str) -> Vec<char> {
    word.chars().flat_map(char::to_lowercase).take(MAX_CHARS).collect()
}

/// Candidates indexed once for many queries. Indexes are built on the first
/// query that needs them, so a file without mistakes pays nothing.
pub struct Index<'a> {
    words: Vec<&'a str>,
    lower: OnceCell<Vec<Vec<char>>>,
    /// `hash << 32 | candidate` for every ≤ 1-deletion variant of each candidate, sorted.
    near: OnceCell<Table>,
    /// The same for ≤ 2 deletions, of the short candidates only.
    deletions: OnceCell<Table>,
    /// Padded trigram → candidates holding it.
    grams: OnceCell<HashMap<u64, Vec<u32>>>,
    /// Trigrams each candidate shares with the current word, reset after it.
    hits: RefCell<Vec<u32>>,
}

/// The best candidate so far for one word.
struct Search<'s> {
    q: &'s [char],
    k: usize,
    /// (distance, byte length, position): the smallest wins.
    best: Option<(usize, usize, usize)>,
    measured: usize,
}

impl Search<'_> {
    /// The largest distance still worth finding.
    fn bound(&self) -> usize {
        self.best.map_or(self.k, |b| b.0)
    }

    fn measure(&mut self, i: usize, word: &str, lower: &[char]) {
        self.measured += 1;
        if let Some(d) = distance_within(self.q, lower, self.bound()) {
            let key = (d, word.len(), i);
            if self.best.is_none_or(|b| key < b) {
                self.best = Some(key);
            }
        }
    }
}

impl<'a> Index<'a> {
    /// Takes the candidates in order: of equally close ones, the shortest, then the first, wins.
    pub fn new(candidates: impl IntoIterator<Item = &'a str>) -> Index<'a> {
        let words = candidates.into_iter().collect();
        Index { words, lower: OnceCell::new(), near: OnceCell::new(), deletions: OnceCell::new(), grams: OnceCell::new(), hits: RefCell::new(Vec::new()) }
    }

    /// The candidate closest to `word` by edit distance (case-insensitive), if within [`limit`].
    pub fn closest(&self, word: &str) -> Option<&'a str> {
        let lower = self.lower.get_or_init(|| self.words.iter().map(|w| lower(w)).collect());
        let q = lower_query(word);
        let mut search = Search { q: &q, k: limit(word), best: None, measured: 0 };
        let k = search.k;
        if self.words.len() <= SCAN || (k > 2 && q.len() + 2 <= 3 * k) {
            (0..self.words.len()).for_each(|i| search.measure(i, self.words[i], &lower[i]));
            return search.best.map(|(_, _, i)| self.words[i]);
        }
        // Most typos are one edit: every candidate that close, found exactly, is the answer.
        search.k = k.min(1);
        let near = self.near.get_or_init(|| deletion_table(lower, 1, MAX_CHARS));
        for i in lookup(near, &q, 1).into_iter().take(MAX_MEASURED) {
            search.measure(i, self.words[i], &lower[i]);
        }
        search.k = k;
        if search.best.is_none() && k >= 2 {
            if k == 2 && q.len() + k <= SHORT {
                let table = self.deletions.get_or_init(|| deletion_table(lower, 2, SHORT));
                for i in lookup(table, &q, 2).into_iter().take(MAX_MEASURED) {
                    search.measure(i, self.words[i], &lower[i]);
                }
            } else {
                self.by_trigrams(lower, &mut search);
            }
        }
        search.best.map(|(_, _, i)| self.words[i])
    }

    /// Measures the candidates that may share enough trigrams with the word,
    /// most shared first, as few as the best distance so far allows. Bigrams
    /// Trigrams held by more than `RARE` candidates are not read, only counted as shared.
    fn by_trigrams(&self, lower: &[Vec<char>], search: &mut Search) {
        let grams = self.grams.get_or_init(|| {
            let mut grams: HashMap<u64, Vec<u32>> = HashMap::new();
            for (i, w) in lower.iter().enumerate() {
                for (g, _) in trigrams(w) {
                    grams.entry(g).or_default().push(i as u32);
                }
            }
            grams
        });
        let mut hits = self.hits.borrow_mut();
        hits.resize(self.words.len(), 0);
        let (mut assumed, mut touched) = (0, Vec::new());
        for (g, n) in trigrams(search.q) {
            match grams.get(&g) {
                Some(list) if list.len() <= RARE => {
                    for &i in list {
                        let i = i as usize;
                        if hits[i] == 0 {
                            touched.push(i);
                        }
                        hits[i] += n;
                    }
                }
                Some(_) => assumed += n,
                None => {}
            }
        }
        // An upper bound on the trigrams each shares; within distance b it must be
        // at least max(len) + 2 - 3b, and an untouched one shares at most `assumed`.
        let shared = |i: usize| hits[i] as usize + assumed as usize;
        let needed = |i: usize, b: usize| (search.q.len().max(lower[i].len()) + 2).saturating_sub(3 * b);
        let fits = |i: usize, b: usize| shared(i) >= needed(i, b) && lower[i].len().abs_diff(search.q.len()) <= b;
        let mut passing: Vec<usize> = touched.iter().copied().filter(|&i| fits(i, search.k)).collect();
        passing.sort_by_key(|&i| std::cmp::Reverse(hits[i]));
        for i in passing.into_iter().take(MAX_MEASURED_TRIGRAMS) {
            if fits(i, search.bound()) {
                search.measure(i, self.words[i], &lower[i]);
            }
        }
        for i in touched {
            hits[i] = 0;
        }
    }
}

/// `hash << 32 | candidate`, sorted, and where each value of the hash's top
/// 16 bits starts: a lookup reads a small bucket, not a binary search of
/// megabytes (which missed the cache at every step).
struct Table {
    entries: Vec<u64>,
    starts: Vec<u32>,
}

/// Every variant of each candidate of at most `max_len` chars left after
/// deleting up to `depth` chars.
fn deletion_table(lower: &[Vec<char>], depth: usize, max_len: usize) -> Table {
    let mut entries = Vec::new();
    for (i, w) in lower.iter().enumerate().filter(|(_, w)| w.len() <= max_len) {
        variants(w, depth, &mut |h| entries.push(u64::from(h) << 32 | i as u64));
    }
    entries.sort_unstable();
    entries.dedup();
    let starts = (0..=1u64 << 16).map(|b| entries.partition_point(|&e| e >> 48 < b) as u32).collect();
    Table { entries, starts }
}

/// Candidates of `table` sharing a ≤ `depth`-deletion variant with `q`: all
/// those within edit distance `depth` (and a few more, which are measured).
fn lookup(table: &Table, q: &[char], depth: usize) -> Vec<usize> {
    let mut found = Vec::new();
    variants(q, depth, &mut |h| {
        let bucket = (h >> 16) as usize;
        let entries = &table.entries[table.starts[bucket] as usize..table.starts[bucket + 1] as usize];
        let from = entries.partition_point(|&e| (e >> 32) < u64::from(h));
        found.extend(entries[from..].iter().take_while(|&&e| (e >> 32) == u64::from(h)).take(MAX_SCAN).map(|&e| (e & 0xffff_ffff) as usize));
    });
    found.sort_unstable();
    found.dedup();
    found
}

fn lower_query(word: &str) -> Vec<char> {
    lower(word)
}

/// The trigrams of `w` padded with two marks each side, with their counts
/// (each edit changes at most 3 of them).
fn trigrams(w: &[char]) -> Vec<(u64, u32)> {
    let padded: Vec<char> = ['\u{2}'; 2].into_iter().chain(w.iter().copied()).chain(['\u{3}'; 2]).collect();
    // A char is at most 21 bits: three fit in a u64.
    let mut keys: Vec<u64> = padded.windows(3).map(|p| u64::from(p[0]) << 42 | u64::from(p[1]) << 21 | u64::from(p[2])).collect();
    keys.sort_unstable();
    let mut out: Vec<(u64, u32)> = Vec::new();
    for key in keys {
        match out.last_mut() {
            Some((last, n)) if *last == key => *n += 1,
            _ => out.push((key, 1)),
        }
    }
    out
}

/// Calls `emit` with the hash of every string left after deleting up to `depth` chars of `w`.
fn variants(w: &[char], depth: usize, emit: &mut dyn FnMut(u32)) {
    emit(hash(w.iter().copied()));
    if depth == 0 {
        return;
    }
    for i in 0..w.len() {
        let once: Vec<char> = w[..i].iter().chain(&w[i + 1..]).copied().collect();
        emit(hash(once.iter().copied()));
        if depth >= 2 {
            // Deleting j ≥ i of what is left covers each pair of positions once.
            for j in i..once.len() {
                emit(hash(once[..j].iter().chain(&once[j + 1..]).copied()));
            }
        }
    }
}

/// FNV-1a: collisions only cost a measurement.
fn hash(chars: impl Iterator<Item = char>) -> u32 {
    chars.fold(0x811c_9dc5, |h, c| (h ^ c as u32).wrapping_mul(0x0100_0193))
}

/// Levenshtein distance of `a` and `b` if at most `k`; stops as soon as a row exceeds it.
fn distance_within(a: &[char], b: &[char], k: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > k {
        return None;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        if cur.iter().min().is_some_and(|&m| m > k) {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    Some(prev[b.len()]).filter(|&d| d <= k)
}

/// The candidate closest to `word` by edit distance, if it is close enough to
/// be a plausible typo (at most a third of the word's length, at least 2).
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    Index::new(candidates).closest(word)
}

/// Whether two ids are the same name with other numbers (`n4`, `n1`;
/// `node-12`, `node-21`): different items of a numbered series, not a typo
/// of each other, so one is never proposed for the other.
pub fn numbered_apart(a: &str, b: &str) -> bool {
    let skeleton = |s: &str| s.chars().filter(|c| !c.is_ascii_digit()).collect::<String>().to_lowercase();
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    let (da, db) = (digits(a), digits(b));
    !da.is_empty() && !db.is_empty() && da != db && skeleton(a) == skeleton(b)
}

/// A hint sentence: "did you mean `x`?" or the list of valid values.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str> + Clone) -> String {
    match closest(word, candidates.clone()) {
        Some(c) => format!("did you mean `{c}`?"),
        None => {
            let all: Vec<&str> = candidates.into_iter().take(20).collect();
            format!("expected one of: {}", all.join(", "))
        }
    }
}

/// Entity names, for finding an id by the name written in its place
/// (`to = "Bolt Chips"`), ASCII case-insensitive; the first entity of a name wins.
pub struct Names<'a> {
    pairs: Vec<(&'a str, &'a str)>,
    map: OnceCell<HashMap<String, &'a str>>,
}

impl<'a> Names<'a> {
    /// `(name, id)` pairs in file order.
    pub fn new(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Names<'a> {
        Names { pairs: pairs.into_iter().collect(), map: OnceCell::new() }
    }

    /// The id of the entity named `name`.
    pub fn id(&self, name: &str) -> Option<&'a str> {
        let map = self.map.get_or_init(|| {
            let mut map = HashMap::new();
            for &(name, id) in &self.pairs {
                map.entry(name.to_ascii_lowercase()).or_insert(id);
            }
            map
        });
        map.get(&name.to_ascii_lowercase()).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_misses_only() {
        assert_eq!(closest("nmae", ["name", "kind"]), Some("name"));
        assert_eq!(closest("huawie", ["huawei", "changan"]), Some("huawei"));
        assert_eq!(closest("zzzzzz", ["name", "kind"]), None);
    }

    /// Every query gives what comparing it with every candidate gives, through either index.
    #[test]
    fn the_index_agrees_with_a_full_scan() {
        let mut rng = crate::synth::Rng::new(7);
        let alphabet: Vec<char> = "abcde-1".chars().collect();
        let mut word = |n: usize| (0..n).map(|_| alphabet[rng.below(alphabet.len())]).collect::<String>();
        let words: Vec<String> = (0..400).map(|i| word(2 + i % 20)).collect();
        let queries: Vec<String> = (0..300).map(|i| word(1 + i % 24)).collect();
        let index = Index::new(words.iter().map(String::as_str));
        for q in &queries {
            let scan = words
                .iter()
                .enumerate()
                .filter_map(|(i, w)| distance_within(&lower(q), &lower(w), limit(q)).map(|d| (d, w.len(), i)))
                .min()
                .map(|(_, _, i)| words[i].as_str());
            assert_eq!(index.closest(q), scan, "query {q}");
        }
    }
}
