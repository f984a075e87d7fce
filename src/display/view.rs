//! View structs for what a reader reads: the details panel (an entity or a
//! relation), the "How is A tied to B?" paths and the accessible text view,
//! with citations resolved. They cross to JavaScript via serde; internal
//! types never do.

use crate::model::{Dataset, EntityIx, RelationIx, Source, SourceIx};
use crate::query::filter::{counts, timeline};
use crate::query::paths::Path;
use crate::query::search::Hit;
use crate::model::vocab::{EntityKind, RelationType};
use crate::display::claim::{fact_claim, names};
use crate::display::reaction::reaction_words;
use crate::display::sentence::{humanize, isolate, relation_sentence};
use serde::Serialize;

/// A source as cited in the panel. `url` is only set for http(s) addresses.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Citation {
    /// Source id.
    pub id: String,
    /// Publisher, or empty.
    pub publisher: String,
    /// Title, or empty.
    pub title: String,
    /// Author, or empty.
    pub author: String,
    /// YYYY[-MM[-DD]], "September 28, year not stated", or empty.
    pub date: String,
    /// An http(s) URL or empty.
    pub url: String,
    /// "published by a party to the story: JW Insights", or empty.
    pub interest: String,
    /// The publisher as an entity of the map, to select it.
    #[serde(rename = "publisherEntity")]
    pub publisher_entity: Option<EntityIx>,
}

/// One cited fact line.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FactView {
    /// "State owned".
    pub label: String,
    /// "yes".
    pub value: String,
    /// Indices into the details' `citations`.
    pub cites: Vec<u32>,
    /// Who says it and how firmly ("according to CSIA; not confirmed"), or empty.
    pub claim: String,
}

/// One relation as a sentence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RelationLine {
    /// Relation index, to select it.
    pub relation: RelationIx,
    /// The entity at the other end, to jump to it.
    pub other: EntityIx,
    /// The sentence.
    pub sentence: String,
    /// "reported" or "inferred" (by the editor): drawn differently.
    pub basis: &'static str,
    /// Paraphrased note from the data, or empty.
    pub note: String,
    /// Extra facts (meeting cadence ...).
    pub facts: Vec<FactView>,
    /// Indices into the details' `citations`.
    pub cites: Vec<u32>,
}

/// Everything the panel shows for a selection.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Details {
    /// "entity" or "relation".
    pub what: &'static str,
    /// Entity index, or the relation index.
    pub index: u32,
    /// Heading.
    pub title: String,
    /// "Company · CN", or the relation type.
    pub subtitle: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// Citations of the subtitle's kind and country and of the aliases (empty: not stated by a source).
    pub identity: Vec<u32>,
    /// Cited attributes.
    pub facts: Vec<FactView>,
    /// Relations as sentences (for an entity: all incident relations).
    pub relations: Vec<RelationLine>,
    /// The sources cited above, numbered in order of first citation.
    pub citations: Vec<Citation>,
}

struct CitationList<'d> {
    data: &'d Dataset,
    order: Vec<SourceIx>,
}

impl<'d> CitationList<'d> {
    fn cite(&mut self, sources: &[SourceIx]) -> Vec<u32> {
        sources
            .iter()
            .map(|&s| match self.order.iter().position(|&o| o == s) {
                Some(i) => i as u32,
                None => {
                    self.order.push(s);
                    (self.order.len() - 1) as u32
                }
            })
            .collect()
    }

    fn finish(self) -> Vec<Citation> {
        self.order.iter().map(|&s| citation(self.data, self.data.source(s))).collect()
    }
}

/// A source as cited: its date in words, its parties to the story named.
pub fn citation(data: &Dataset, s: &Source) -> Citation {
    let safe_url = s.url.starts_with("https://") || s.url.starts_with("http://");
    Citation {
        id: s.id.clone(),
        publisher: s.publisher.clone(),
        title: s.title.clone(),
        author: s.author.clone(),
        date: s.date_words(),
        url: if safe_url { s.url.clone() } else { String::new() },
        interest: if s.self_interest.is_empty() { String::new() } else { format!("published by a party to the story: {}", names(data, &s.self_interest)) },
        publisher_entity: s.publisher_entity,
    }
}

fn relation_line(data: &Dataset, r: RelationIx, from_side: Option<EntityIx>, cl: &mut CitationList) -> RelationLine {
    let rel = &data.relations[r.ix()];
    let other = match from_side {
        Some(e) if rel.from == e => rel.to,
        Some(_) => rel.from,
        None => rel.to,
    };
    RelationLine {
        relation: r,
        other,
        sentence: relation_sentence(data, rel),
        basis: rel.claim.basis.key(),
        note: rel.note.clone(),
        facts: rel.attributes.iter().map(|(k, v)| FactView { label: humanize(k), value: v.display(), cites: Vec::new(), claim: String::new() }).collect(),
        cites: cl.cite(&rel.sources),
    }
}

/// Details of an entity: its facts and every relation touching it.
pub fn entity_details(data: &Dataset, incident: &[RelationIx], e: EntityIx) -> Details {
    let mut cl = CitationList { data, order: Vec::new() };
    let mut d = entity_details_with(data, incident, e, &mut cl);
    d.citations = cl.finish();
    d
}

fn entity_details_with(data: &Dataset, incident: &[RelationIx], e: EntityIx, cl: &mut CitationList) -> Details {
    let ent = data.entity(e);
    let mut facts: Vec<FactView> = ent
        .attributes
        .iter()
        .map(|a| FactView { label: humanize(&a.key), value: a.value.display(), cites: cl.cite(&a.sources), claim: fact_claim(data, &a.claim) })
        .collect();
    let reactions = data.reactions.iter().filter(|x| x.entity == e);
    facts.extend(reactions.map(|x| FactView { label: "Market reaction".into(), value: reaction_words(data, x), cites: cl.cite(&x.sources), claim: String::new() }));
    let relations = incident.iter().map(|&r| relation_line(data, r, Some(e), cl)).collect();
    let mut subtitle = humanize(ent.kind.key());
    if !ent.country.is_empty() {
        subtitle.push_str(&format!(" · {}", ent.country));
    }
    if ent.sources.is_empty() {
        subtitle.push_str(" (not stated by a source)");
    }
    Details {
        what: "entity",
        index: e.0,
        title: ent.name.clone(),
        subtitle,
        aliases: ent.aliases.clone(),
        identity: cl.cite(&ent.sources),
        facts,
        relations,
        citations: Vec::new(),
    }
}

/// Details of one relation.
pub fn relation_details(data: &Dataset, r: RelationIx) -> Details {
    let mut cl = CitationList { data, order: Vec::new() };
    let rel = &data.relations[r.ix()];
    let line = relation_line(data, r, None, &mut cl);
    Details {
        what: "relation",
        index: r.0,
        title: format!("{} → {}", isolate(&data.entity(rel.from).name), isolate(&data.entity(rel.to).name)),
        subtitle: humanize(rel.kind.key()),
        aliases: Vec::new(),
        identity: Vec::new(),
        facts: Vec::new(),
        relations: vec![line],
        citations: cl.finish(),
    }
}

/// One step of a path, as a cited sentence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PathSentence {
    /// The relation, to select it.
    pub relation: RelationIx,
    /// The relation as a sentence.
    pub text: String,
    /// Indices into the [`PathsView`]'s `citations`.
    pub cites: Vec<u32>,
}

/// One path between two entities, for the "How is A tied to B?" list.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PathLine {
    /// Entities from start to end.
    pub entities: Vec<EntityIx>,
    /// `relations[i]` joins `entities[i]` and `entities[i + 1]`.
    pub relations: Vec<RelationIx>,
    /// The names of `entities`.
    pub names: Vec<String>,
    /// One sentence per relation, in path order.
    pub sentences: Vec<PathSentence>,
}

/// Paths with their sentences, sharing one numbered list of citations.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PathsView {
    /// Shortest first.
    pub paths: Vec<PathLine>,
    /// The sources cited above, numbered in order of first citation.
    pub citations: Vec<Citation>,
}

/// The paths as sentences with citations.
pub fn paths_view(data: &Dataset, paths: &[Path]) -> PathsView {
    let mut cl = CitationList { data, order: Vec::new() };
    let paths = paths
        .iter()
        .map(|p| PathLine {
            entities: p.entities.clone(),
            relations: p.relations.clone(),
            names: p.entities.iter().map(|&e| data.entity(e).name.clone()).collect(),
            sentences: p
                .relations
                .iter()
                .map(|&r| {
                    let rel = &data.relations[r.ix()];
                    PathSentence { relation: r, text: relation_sentence(data, rel), cites: cl.cite(&rel.sources) }
                })
                .collect(),
        })
        .collect();
    PathsView { paths, citations: cl.finish() }
}

/// The map as text, for the accessible text view, a page of entities at a
/// time: each with its facts and relations as sentences. Citations are
/// numbered by source order, so `[n]` means the same source on every page.
/// (100,000 entities at once took 3 s to write and the page 90 s to show.)
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TextView {
    /// Index of the page's first entity.
    pub start: usize,
    /// Entities in the whole map.
    pub total: usize,
    /// Per entity of the page, in index order; each one's own `citations` is empty.
    pub entities: Vec<Details>,
    /// Every source, in dataset order.
    pub citations: Vec<Citation>,
}

/// Builds the [`TextView`] of entities `start..start + count` (clamped to
/// the map). `incident(e)` gives the relations touching `e`.
pub fn text_view<'a>(data: &Dataset, incident: impl Fn(EntityIx) -> &'a [RelationIx], start: usize, count: usize) -> TextView {
    let mut cl = CitationList { data, order: SourceIx::range(data.sources.len()).collect() };
    let total = data.entities.len();
    let start = start.min(total);
    let end = start.saturating_add(count).min(total);
    let entities = (start..end).map(EntityIx::at).map(|e| entity_details_with(data, incident(e), e, &mut cl)).collect();
    TextView { start, total, entities, citations: cl.finish() }
}

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
