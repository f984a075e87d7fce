//! View structs for what a reader reads: the details panel (an entity or a
//! relation), the "How is A tied to B?" paths and the accessible text view,
//! with citations resolved. They cross to JavaScript via serde; internal
//! types never do.

use crate::model::{Dataset, EntityIx, RelationIx, Source, SourceIx};
use crate::query::paths::Path;
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
    /// Relations as sentences (for an entity: its incident relations, the
    /// first `shown` of them; the panel asks for more a page at a time).
    pub relations: Vec<RelationLine>,
    /// How many relations there are in all (`relations` may hold fewer).
    #[serde(rename = "relationCount")]
    pub relation_count: u32,
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

/// Details of an entity: its facts and the first `shown` relations touching
/// it. A hub of 100,000 spokes is read a page at a time: the whole list as
/// sentences and buttons took the browser 39 s to show.
pub fn entity_details(data: &Dataset, incident: &[RelationIx], e: EntityIx, shown: usize) -> Details {
    let mut cl = CitationList { data, order: Vec::new() };
    let mut d = entity_details_with(data, incident, e, shown, &mut cl);
    d.citations = cl.finish();
    d
}

fn entity_details_with(data: &Dataset, incident: &[RelationIx], e: EntityIx, shown: usize, cl: &mut CitationList) -> Details {
    let ent = data.entity(e);
    let mut facts: Vec<FactView> = ent
        .attributes
        .iter()
        .map(|a| FactView { label: humanize(&a.key), value: a.value.display(), cites: cl.cite(&a.sources), claim: fact_claim(data, &a.claim) })
        .collect();
    let reactions = data.reactions.iter().filter(|x| x.entity == e);
    facts.extend(reactions.map(|x| FactView { label: "Market reaction".into(), value: reaction_words(data, x), cites: cl.cite(&x.sources), claim: String::new() }));
    let relations = incident.iter().take(shown).map(|&r| relation_line(data, r, Some(e), cl)).collect();
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
        relation_count: incident.len() as u32,
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
        relation_count: 1,
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

/// Relations the text view lists under one entity; a hub's others are a
/// click away, in the details panel's pages.
pub const TEXT_VIEW_RELATIONS: usize = 100;

/// Builds the [`TextView`] of entities `start..start + count` (clamped to
/// the map). `incident(e)` gives the relations touching `e`.
pub fn text_view<'a>(data: &Dataset, incident: impl Fn(EntityIx) -> &'a [RelationIx], start: usize, count: usize) -> TextView {
    let mut cl = CitationList { data, order: SourceIx::range(data.sources.len()).collect() };
    let total = data.entities.len();
    let start = start.min(total);
    let end = start.saturating_add(count).min(total);
    let entities = (start..end).map(EntityIx::at).map(|e| entity_details_with(data, incident(e), e, TEXT_VIEW_RELATIONS, &mut cl)).collect();
    TextView { start, total, entities, citations: cl.finish() }
}

pub use crate::display::controls_view::{counts_view, search_view, timeline_view, CountsView, SearchHit, SourceCount, Stop, VocabCount};
