//! View structs made only for the details panel: what a reader reads about an
//! entity or a relation, with citations resolved. They cross to JavaScript via
//! serde; internal types never do.

use crate::model::{Dataset, EntityIx, RelationIx, Source};
use crate::sentence::{humanize, relation_sentence};
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
    /// YYYY[-MM[-DD]] or empty.
    pub date: String,
    /// An http(s) URL or empty.
    pub url: String,
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
    /// Cited attributes.
    pub facts: Vec<FactView>,
    /// Relations as sentences (for an entity: all incident relations).
    pub relations: Vec<RelationLine>,
    /// The sources cited above, numbered in order of first citation.
    pub citations: Vec<Citation>,
}

struct CitationList<'d> {
    data: &'d Dataset,
    order: Vec<u32>,
}

impl<'d> CitationList<'d> {
    fn cite(&mut self, sources: &[u32]) -> Vec<u32> {
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
        self.order.iter().map(|&s| citation(self.data.source(s))).collect()
    }
}

fn citation(s: &Source) -> Citation {
    let safe_url = s.url.starts_with("https://") || s.url.starts_with("http://");
    Citation {
        id: s.id.clone(),
        publisher: s.publisher.clone(),
        title: s.title.clone(),
        author: s.author.clone(),
        date: s.date.map(|d| d.to_string()).unwrap_or_default(),
        url: if safe_url { s.url.clone() } else { String::new() },
    }
}

fn relation_line(data: &Dataset, r: RelationIx, from_side: Option<EntityIx>, cl: &mut CitationList) -> RelationLine {
    let rel = &data.relations[r as usize];
    let other = match from_side {
        Some(e) if rel.from == e => rel.to,
        Some(_) => rel.from,
        None => rel.to,
    };
    RelationLine {
        relation: r,
        other,
        sentence: relation_sentence(data, rel),
        note: rel.note.clone(),
        facts: rel.attributes.iter().map(|(k, v)| FactView { label: humanize(k), value: v.display(), cites: Vec::new() }).collect(),
        cites: cl.cite(&rel.sources),
    }
}

/// Details of an entity: its facts and every relation touching it.
pub fn entity_details(data: &Dataset, incident: &[RelationIx], e: EntityIx) -> Details {
    let ent = data.entity(e);
    let mut cl = CitationList { data, order: Vec::new() };
    let facts = ent
        .attributes
        .iter()
        .map(|a| FactView { label: humanize(&a.key), value: a.value.display(), cites: cl.cite(&a.sources) })
        .collect();
    let relations = incident.iter().map(|&r| relation_line(data, r, Some(e), &mut cl)).collect();
    let mut subtitle = humanize(ent.kind.key());
    if !ent.country.is_empty() {
        subtitle.push_str(&format!(" · {}", ent.country));
    }
    Details {
        what: "entity",
        index: e,
        title: ent.name.clone(),
        subtitle,
        aliases: ent.aliases.clone(),
        facts,
        relations,
        citations: cl.finish(),
    }
}

/// Details of one relation.
pub fn relation_details(data: &Dataset, r: RelationIx) -> Details {
    let mut cl = CitationList { data, order: Vec::new() };
    let rel = &data.relations[r as usize];
    let line = relation_line(data, r, None, &mut cl);
    Details {
        what: "relation",
        index: r,
        title: format!("{} → {}", data.entity(rel.from).name, data.entity(rel.to).name),
        subtitle: humanize(rel.kind.key()),
        aliases: Vec::new(),
        facts: Vec::new(),
        relations: vec![line],
        citations: cl.finish(),
    }
}
