//! What is shown: filters by relation type, entity kind and source, and an
//! as-of date. Hidden items vanish without moving the rest (positions are
//! untouched; only visibility flags change).

use crate::model::date::PartialDate;
use crate::model::story::Step;
use crate::model::{Dataset, Relation, SourceIx};
use crate::model::vocab::{EntityKind, RelationType, Status};

/// A reader's filter. Empty sets mean "no restriction".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// Relation types to hide.
    pub hidden_relation_types: Vec<RelationType>,
    /// Entity kinds to hide.
    pub hidden_kinds: Vec<EntityKind>,
    /// Source indices to hide: relations citing only hidden sources vanish.
    pub hidden_sources: Vec<SourceIx>,
    /// Show only what was in force on this day (a `YYYYMMDD` ordinal).
    pub as_of: Option<u32>,
    /// With `as_of`, also show relations whose date no one states (neither
    /// their own dates nor a dated source): left out unless asked for.
    pub include_undated: bool,
}

impl Filter {
    /// What a story step shows: everything its `filter` does not name is
    /// hidden (an empty list hides nothing), and its `as_of` day, from the
    /// date's first day as the reader's slider takes it.
    pub fn for_step(data: &Dataset, step: &Step) -> Filter {
        let f = &step.filter;
        Filter {
            hidden_relation_types: if f.types.is_empty() { Vec::new() } else { RelationType::ALL.iter().copied().filter(|t| !f.types.contains(t)).collect() },
            hidden_kinds: if f.kinds.is_empty() { Vec::new() } else { EntityKind::ALL.iter().copied().filter(|k| !f.kinds.contains(k)).collect() },
            hidden_sources: if f.sources.is_empty() { Vec::new() } else { SourceIx::range(data.sources.len()).filter(|s| !f.sources.contains(s)).collect() },
            as_of: step.as_of.map(|d| d.first_day()),
            include_undated: false,
        }
    }
}

/// Where a relation stands on a day of the as-of view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnDay {
    /// Not certainly begun, not certainly over: shown.
    InForce,
    /// Certainly not yet, or certainly over: hidden.
    Not,
    /// Nothing dates it, not even its source: "date not stated", not "always".
    DateNotStated,
}

/// The earliest dated source a relation cites (a dateline without a year
/// dates nothing): an undated relation is known to hold as of its report.
pub fn source_date(data: &Dataset, r: &Relation) -> Option<PartialDate> {
    r.sources.iter().filter_map(|&s| data.source(s).date).min_by_key(|d| (d.first_day(), d.last_day()))
}

/// Whether a relation was in force on `day` (YYYYMMDD), honest about partial
/// dates: it is in force unless it certainly had not started (its start, its
/// announcement when no start is given, or else its source's date lies
/// wholly after the day) or had certainly ended (its end lies wholly before
/// the day). Ended relations without an end date stay in force, as the
/// sources do not say when they ended. With no date at all it is
/// [`OnDay::DateNotStated`].
pub fn on_day(data: &Dataset, r: &Relation, day: u32) -> OnDay {
    let began = r.start.or(r.announced).or_else(|| if r.end.is_none() { source_date(data, r) } else { None });
    if began.is_none() && r.end.is_none() {
        return OnDay::DateNotStated;
    }
    let not_yet = began.is_some_and(|d| d.first_day() > day);
    let over = r.end.is_some_and(|d| d.last_day() < day);
    if not_yet || over { OnDay::Not } else { OnDay::InForce }
}

/// How many relations are [`OnDay::DateNotStated`] (on any day alike).
pub fn undated_count(data: &Dataset) -> u32 {
    data.relations.iter().filter(|r| on_day(data, r, 0) == OnDay::DateNotStated).count() as u32
}

/// Every date in the data (starts, ends, announcements, and the source
/// dates undated relations take), sorted and distinct: the stops of the
/// as-of slider.
pub fn timeline(data: &Dataset) -> Vec<PartialDate> {
    let all: Vec<PartialDate> = data
        .relations
        .iter()
        .flat_map(|r| {
            let undated = r.start.is_none() && r.end.is_none() && r.announced.is_none();
            [r.start, r.end, r.announced, if undated { source_date(data, r) } else { None }]
        })
        .flatten()
        .collect();
    let key = |i: u32| (all[i as usize].first_day(), all[i as usize].last_day());
    let mut order: Vec<u32> = (0..all.len() as u32).collect();
    crate::query::sort::sort_indices(&mut order, &|a, b| key(a).cmp(&key(b)));
    let mut dates: Vec<PartialDate> = order.into_iter().map(|i| all[i as usize]).collect();
    dates.dedup();
    dates
}

/// Visibility flags (1 shown, 0 hidden) for entities and relations.
/// An entity is hidden by its kind; by sources, when none of its attributes
/// and none of its shown relations cite a shown source; by date, when it has
/// relations and none is in force. A relation is hidden by its type, when
/// either end is hidden, when all its sources are hidden, or by date.
pub fn visibility(data: &Dataset, f: &Filter) -> (Vec<u8>, Vec<u8>) {
    let source_shown = |s: &SourceIx| !f.hidden_sources.contains(s);
    let kind_shown: Vec<bool> = data.entities.iter().map(|e| !f.hidden_kinds.contains(&e.kind)).collect();
    let mut edges = vec![0u8; data.relations.len()];
    let mut has_shown_edge = vec![false; data.entities.len()];
    let mut has_any_edge = vec![false; data.entities.len()];
    for (i, r) in data.relations.iter().enumerate() {
        has_any_edge[r.from.ix()] = true;
        has_any_edge[r.to.ix()] = true;
        let shown = !f.hidden_relation_types.contains(&r.kind)
            && kind_shown[r.from.ix()]
            && kind_shown[r.to.ix()]
            && r.sources.iter().any(source_shown)
            && f.as_of.is_none_or(|day| match on_day(data, r, day) {
                OnDay::InForce => true,
                OnDay::Not => false,
                OnDay::DateNotStated => f.include_undated,
            });
        if shown {
            edges[i] = 1;
            has_shown_edge[r.from.ix()] = true;
            has_shown_edge[r.to.ix()] = true;
        }
    }
    let filtering_sources = !f.hidden_sources.is_empty();
    let nodes = data
        .entities
        .iter()
        .enumerate()
        .map(|(e, ent)| {
            let cited = ent.attributes.iter().any(|a| a.sources.iter().any(source_shown));
            let by_sources = !filtering_sources || cited || has_shown_edge[e];
            let by_date = f.as_of.is_none() || !has_any_edge[e] || has_shown_edge[e];
            u8::from(kind_shown[e] && by_sources && by_date)
        })
        .collect();
    (nodes, edges)
}

/// Counts shown beside each filter choice: per relation type, per entity
/// kind and per source, over the whole dataset.
pub fn counts(data: &Dataset) -> (Vec<u32>, Vec<u32>, Vec<u32>) {
    let mut types = vec![0u32; RelationType::ALL.len()];
    let mut kinds = vec![0u32; EntityKind::ALL.len()];
    let mut sources = vec![0u32; data.sources.len()];
    for r in &data.relations {
        types[r.kind.index() as usize] += 1;
        for &s in &r.sources {
            sources[s.ix()] += 1;
        }
    }
    for e in &data.entities {
        kinds[e.kind.index() as usize] += 1;
    }
    (types, kinds, sources)
}

/// Whether a relation is tentative (drawn dashed).
pub fn is_tentative(r: &Relation) -> bool {
    r.status.is_some_and(Status::is_tentative) || r.kind.is_prospective()
}
