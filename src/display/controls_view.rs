//! The reader's controls as views: search hits, the filter choices with
//! their counts, and the as-of slider's stops (re-exported by `view`).

use crate::model::{Dataset, EntityIx, SourceIx};
use crate::query::filter::{counts, timeline};
use crate::query::search::Hit;
use crate::model::vocab::{EntityKind, RelationType};
use serde::Serialize;

/// A search result for the combobox.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SearchHit<'a> {
    /// Entity index.
    pub index: EntityIx,
    /// Entity id (for links).
    pub id: &'a str,
    /// Full name.
    pub name: &'a str,
    /// Short label (as drawn).
    pub label: &'a str,
    /// Kind key.
    pub kind: &'static str,
    /// 0 exact, higher is a looser match (see [`Hit::rank`]).
    pub rank: u8,
}

/// Search hits with their names.
pub fn search_view<'a>(data: &'a Dataset, hits: &[Hit]) -> Vec<SearchHit<'a>> {
    hits.iter()
        .map(|h| {
            let e = data.entity(h.entity);
            SearchHit { index: h.entity, id: &e.id, name: &e.name, label: e.label(), kind: e.kind.key(), rank: h.rank }
        })
        .collect()
}

/// Counts beside each filter choice, over the whole dataset. Types and kinds
/// that never occur are left out.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CountsView<'a> {
    /// Per relation type that occurs.
    #[serde(rename = "relationTypes")]
    pub relation_types: Vec<VocabCount>,
    /// Per entity kind that occurs.
    pub kinds: Vec<VocabCount>,
    /// Per source, in index order.
    pub sources: Vec<SourceCount<'a>>,
}

/// A relation type or entity kind beside its filter toggle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct VocabCount {
    /// Its index in the vocabulary (what `setFilter` takes).
    pub index: u8,
    /// Its key in the data format (`owns_stake_in`, `company`).
    pub key: &'static str,
    /// How many relations or entities have it.
    pub count: u32,
}

/// A source beside its filter toggle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SourceCount<'a> {
    /// Its index in the dataset's sources (what `setFilter` takes).
    pub index: SourceIx,
    /// Its id in the data file (what a link holds).
    pub id: &'a str,
    /// Its title.
    pub title: &'a str,
    /// Its publisher, or empty.
    pub publisher: &'a str,
    /// How many relations cite it.
    pub count: u32,
}

/// The filter choices with counts.
pub fn counts_view(data: &Dataset) -> CountsView<'_> {
    let (types, kinds, sources) = counts(data);
    let present = |counts: &[u32], key: &dyn Fn(usize) -> &'static str| -> Vec<VocabCount> {
        counts.iter().enumerate().filter(|(_, &c)| c > 0).map(|(i, &c)| VocabCount { index: i as u8, key: key(i), count: c }).collect()
    };
    CountsView {
        relation_types: present(&types, &|i| RelationType::ALL[i].key()),
        kinds: present(&kinds, &|i| EntityKind::ALL[i].key()),
        sources: data
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| SourceCount { index: SourceIx::at(i), id: &s.id, title: &s.title, publisher: &s.publisher, count: sources[i] })
            .collect(),
    }
}

/// A stop of the as-of slider.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Stop {
    /// As written in the data ("2023", "2023-09" or "2023-09-27"), or
    /// "before-2023-09-26" for the first stop; what a link holds.
    pub label: String,
    /// The day shown as of: the first day the date may mean, YYYYMMDD (the
    /// day before the first date for the first stop).
    pub day: u32,
    /// What the slider says: the date, or "Before 2023-09-26".
    pub text: String,
}

/// The as-of slider's stops: one before every date in the data (what stood
/// before anything dated happened), then every date, sorted.
pub fn timeline_view(data: &Dataset) -> Vec<Stop> {
    let dates = timeline(data);
    let before = dates.first().map(|d| Stop { label: format!("before-{d}"), day: d.first_day() - 1, text: format!("Before {d}") });
    before.into_iter().chain(dates.into_iter().map(|d| Stop { label: d.to_string(), day: d.first_day(), text: d.to_string() })).collect()
}
