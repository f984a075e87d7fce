//! Search by name and alias: prefix and substring, case- and
//! diacritics-insensitive, ranked so that the best match comes first.

use crate::model::graph::Adjacency;
use crate::model::{Dataset, EntityIx};
use crate::query::sort::sort_indices;

/// One search result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The entity.
    pub entity: EntityIx,
    /// Lower is better: 0 exact, 1 name prefix, 2 word prefix, 3 alias
    /// prefix, 4 substring of the name, 5 substring of an alias.
    pub rank: u8,
}

/// Folds text for matching: lower case, and accented Latin letters to their
/// base letter (é → e), so "societe" finds "Société".
pub fn fold(text: &str) -> String {
    // ASCII case folding plus the accent table: full Unicode case tables
    // would cost kilobytes of wasm for scripts without case (Chinese names).
    text.chars().map(|c| fold_char(c).to_ascii_lowercase()).collect()
}

fn fold_char(c: char) -> char {
    match c {
        'À'..='Å' | 'à'..='å' | 'Ā' | 'ā' | 'Ă' | 'ă' | 'Ą' | 'ą' => 'a',
        'Ç' | 'ç' | 'Ć' | 'ć' | 'Č' | 'č' => 'c',
        'Ď' | 'ď' | 'Đ' | 'đ' => 'd',
        'È'..='Ë' | 'è'..='ë' | 'Ē' | 'ē' | 'Ė' | 'ė' | 'Ę' | 'ę' | 'Ě' | 'ě' => 'e',
        'Ì'..='Ï' | 'ì'..='ï' | 'Ī' | 'ī' | 'Į' | 'į' | 'İ' | 'ı' => 'i',
        'Ł' | 'ł' | 'Ľ' | 'ľ' => 'l',
        'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ň' | 'ň' => 'n',
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō' | 'ō' | 'Ő' | 'ő' => 'o',
        'Ř' | 'ř' => 'r',
        'Ś' | 'ś' | 'Š' | 'š' | 'Ş' | 'ş' => 's',
        'Ť' | 'ť' | 'Ţ' | 'ţ' => 't',
        'Ù'..='Ü' | 'ù'..='ü' | 'Ū' | 'ū' | 'Ů' | 'ů' | 'Ű' | 'ű' => 'u',
        'Ý' | 'ý' | 'ÿ' | 'Ÿ' => 'y',
        'Ź' | 'ź' | 'Ż' | 'ż' | 'Ž' | 'ž' => 'z',
        '–' | '—' => '-',
        c => c,
    }
}

/// Substring test on bytes: `str::contains` pulls a two-way searcher and
/// panic formatting (kilobytes of wasm) that names do not need.
fn contains(haystack: &str, needle: &str) -> bool {
    needle.is_empty() || haystack.as_bytes().windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// A folded index of names and aliases, built once.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    names: Vec<String>,
    aliases: Vec<Vec<String>>,
}

impl SearchIndex {
    /// Folds every name and alias. O(total text).
    pub fn new(data: &Dataset) -> SearchIndex {
        SearchIndex {
            names: data.entities.iter().map(|e| fold(&e.name)).collect(),
            aliases: data.entities.iter().map(|e| e.aliases.iter().map(|a| fold(a)).collect()).collect(),
        }
    }

    fn rank(&self, e: usize, q: &str) -> Option<u8> {
        let name = &self.names[e];
        // Words split at ASCII punctuation and spaces; other characters (CJK
        // ...) count as letters. No Unicode tables: they cost wasm bytes.
        let word_prefix = |s: &str| s.split(|c: char| c.is_ascii() && !c.is_ascii_alphanumeric()).any(|w| w.starts_with(q));
        let contains = |s: &String| contains(s, q);
        if name == q || self.aliases[e].iter().any(|a| a == q) {
            Some(0)
        } else if name.starts_with(q) {
            Some(1)
        } else if word_prefix(name) {
            Some(2)
        } else if self.aliases[e].iter().any(|a| a.starts_with(q) || word_prefix(a)) {
            Some(3)
        } else if contains(name) {
            Some(4)
        } else if self.aliases[e].iter().any(contains) {
            Some(5)
        } else {
            None
        }
    }

    /// Entities matching `query`, best first (rank, then degree, then name),
    /// at most `limit`. An empty or blank query finds nothing.
    pub fn search(&self, data: &Dataset, adjacency: &Adjacency, query: &str, limit: usize) -> Vec<Hit> {
        let q = fold(query.trim());
        if q.is_empty() {
            return Vec::new();
        }
        let ranks: Vec<Option<u8>> = (0..self.names.len()).map(|e| self.rank(e, &q)).collect();
        // Sorted as bare u32s: one sort in the wasm (query::sort).
        let mut found: Vec<u32> = (0..ranks.len() as u32).filter(|&e| ranks[e as usize].is_some()).collect();
        let key = |e: u32| (ranks[e as usize], std::cmp::Reverse(adjacency.degree(EntityIx(e))), &data.entity(EntityIx(e)).name, e);
        sort_indices(&mut found, &|a, b| key(a).cmp(&key(b)));
        found.truncate(limit);
        found.into_iter().filter_map(|e| ranks[e as usize].map(|rank| Hit { entity: EntityIx(e), rank })).collect()
    }
}
