//! The no-JavaScript fallback: every entity with its cited facts and ties,
//! and the sources, as plain HTML (for search engines and readers without
//! JavaScript; the widget replaces it when it starts). A big dataset's page
//! keeps only its most connected entities, so the page a reader opens stays
//! small (a 10,000-entity list is megabytes of HTML the browser must parse
//! before the map can draw); the whole text is then its own page.
//! Everything from data is escaped; only http(s) URLs become links.

use crate::model::graph::Adjacency;
use crate::display::markup::escape;
use crate::model::{Dataset, EntityIx, SourceIx};
use crate::display::sentence::{humanize, relation_sentence};
use std::fmt::Write;

/// How much of the text a map's own page carries.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bound {
    /// A dataset with at most this many entities and `relations` is listed whole.
    pub entities: usize,
    /// See `entities`.
    pub relations: usize,
    /// When cut: ties listed per entity; the rest are counted and linked.
    pub ties: usize,
}

/// What the pages `build` writes keep: a 10k-entity page stays under
/// 100 KB gzip, and the seed (47 entities, 50 relations) is listed whole.
pub const PAGE_BOUND: Bound = Bound { entities: 120, relations: 600, ties: 12 };

/// The first page of the whole text when the map's page is bounded (see `text_pages`).
pub const FULL_TEXT_PAGE: &str = "text.html";

/// Whether `bound` leaves anything of `data` out (then `build` writes the full text page).
pub fn is_cut(data: &Dataset, bound: Bound) -> bool {
    data.entities.len() > bound.entities || data.relations.len() > bound.relations
}

/// The whole text: every entity, fact, relation and source.
pub fn fallback_html(data: &Dataset) -> String {
    let all = Bound { entities: usize::MAX, relations: usize::MAX, ties: usize::MAX };
    section(data, all, None)
}

/// The text within `bound`: if it cuts anything, the most connected entities
/// first, with links to the rest in `full_page`.
pub fn bounded_fallback_html(data: &Dataset, bound: Bound, full_page: &str) -> String {
    if is_cut(data, bound) {
        section(data, bound, Some(full_page))
    } else {
        fallback_html(data)
    }
}

fn section(data: &Dataset, bound: Bound, full_page: Option<&str>) -> String {
    let adjacency = Adjacency::new(data);
    let listed = listed_entities(data, &adjacency, bound.entities, full_page.is_some());
    // The whole text lists every source; a cut one only those it cites.
    let mut cited = vec![full_page.is_none(); data.sources.len()];
    let mut out = String::from("<section class=\"am-fallback\" aria-label=\"The map as text\">\n");
    if let Some(page) = full_page {
        let _ = writeln!(
            out,
            "<p>The {} most connected of {} entities. <a href=\"{page}\">Every entity and relation as text</a>.</p>",
            listed.len(),
            data.entities.len()
        );
    }
    super::story::steps_html(&mut out, data, &adjacency, &mut cited);
    let reactions = ReactionIndex::new(data);
    for &i in &listed {
        entity_html(&mut out, data, &adjacency, &reactions, i, bound.ties, full_page, &mut cited);
    }
    sources_html(&mut out, data, &cited, full_page.is_some());
    out.push_str("</section>");
    out
}

/// In file order when all fit (as the author wrote them); else the most
/// connected first, ties broken by file order.
fn listed_entities(data: &Dataset, adjacency: &Adjacency, limit: usize, cut: bool) -> Vec<u32> {
    let mut order: Vec<u32> = (0..data.entities.len() as u32).collect();
    if cut {
        order.sort_by_key(|&e| std::cmp::Reverse(adjacency.degree(EntityIx(e))));
        order.truncate(limit);
    }
    order
}

/// Each entity's market reactions, indexed once per page (CSR: the
/// reactions of entity e are `order[start[e]..start[e + 1]]`), so listing
/// 200,000 entities does not scan every reaction for each.
pub(super) struct ReactionIndex {
    start: Vec<u32>,
    order: Vec<u32>,
}

impl ReactionIndex {
    pub(super) fn new(data: &Dataset) -> ReactionIndex {
        let mut start = vec![0u32; data.entities.len() + 1];
        for x in &data.reactions {
            start[x.entity.ix() + 1] += 1;
        }
        for e in 0..data.entities.len() {
            start[e + 1] += start[e];
        }
        let mut next = start.clone();
        let mut order = vec![0u32; data.reactions.len()];
        for (i, x) in data.reactions.iter().enumerate() {
            order[next[x.entity.ix()] as usize] = i as u32;
            next[x.entity.ix()] += 1;
        }
        ReactionIndex { start, order }
    }

    fn of(&self, e: u32) -> &[u32] {
        &self.order[self.start[e as usize] as usize..self.start[e as usize + 1] as usize]
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn entity_html(out: &mut String, data: &Dataset, adjacency: &Adjacency, reactions: &ReactionIndex, i: u32, ties: usize, full_page: Option<&str>, cited: &mut [bool]) {
    let e = &data.entities[i as usize];
    let who = if e.sources.is_empty() { " (not stated by a source)".to_string() } else { citation_html(data, &e.sources, cited) };
    let _ = writeln!(out, "<article id=\"entity-{}\"><h2><bdi>{}</bdi></h2><p>{}{who}</p>", escape(&e.id), escape(&e.name), escape(&humanize(e.kind.key())));
    let reactions: Vec<&crate::model::Reaction> = reactions.of(i).iter().map(|&x| &data.reactions[x as usize]).collect();
    if !e.attributes.is_empty() || !reactions.is_empty() {
        out.push_str("<dl>");
        for x in &reactions {
            let words = crate::display::reaction::reaction_words(data, x);
            let _ = write!(out, "<dt>Market reaction</dt><dd>{}{}</dd>", isolated_html(&words), citation_html(data, &x.sources, cited));
        }
        for a in &e.attributes {
            let claim = crate::display::claim::fact_claim(data, &a.claim);
            let claim = if claim.is_empty() { claim } else { format!(" ({})", isolated_html(&claim)) };
            let _ = write!(out, "<dt>{}</dt><dd>{}{claim}{}</dd>", escape(&humanize(&a.key)), escape(&a.value.display()), citation_html(data, &a.sources, cited));
        }
        out.push_str("</dl>\n");
    }
    let incident = adjacency.incident(EntityIx(i));
    if !incident.is_empty() {
        out.push_str("<ul>");
        for &r in incident.iter().take(ties) {
            let rel = &data.relations[r.ix()];
            let _ = write!(out, "<li>{}{}</li>", isolated_html(&relation_sentence(data, rel)), citation_html(data, &rel.sources, cited));
        }
        out.push_str("</ul>\n");
        if let (Some(page), true) = (full_page, incident.len() > ties) {
            let more = incident.len() - ties;
            // The text comes in pages: the one that lists this entity (`page` names the first).
            let page = if page == FULL_TEXT_PAGE { super::text_pages::text_page_name(super::text_pages::text_page_of(i)) } else { page.to_string() };
            let _ = writeln!(out, "<p><a href=\"{page}#entity-{}\">{more} more {}</a></p>", escape(&e.id), if more == 1 { "tie" } else { "ties" });
        }
    }
    out.push_str("</article>\n");
}

fn citation_html(data: &Dataset, sources: &[SourceIx], cited: &mut [bool]) -> String {
    let marks: Vec<String> = sources
        .iter()
        .map(|&s| {
            cited[s.ix()] = true;
            format!("<a href=\"#src-{}\">[{}]</a>", escape(&data.source(s).id), s.0 + 1)
        })
        .collect();
    format!("<sup>{}</sup>", marks.join(""))
}

/// The sources cited above, numbered as in the data (the marks' numbers).
pub(super) fn sources_html(out: &mut String, data: &Dataset, cited: &[bool], gaps: bool) {
    out.push_str("<h2>Sources</h2>\n<ol>\n");
    for (i, s) in data.sources.iter().enumerate() {
        if !cited[i] {
            continue;
        }
        let title = if s.title.is_empty() { escape(&s.id) } else { format!("“{}”", escape(&s.title)) };
        let linked = if s.url.starts_with("https://") || s.url.starts_with("http://") {
            format!("<a href=\"{}\" rel=\"noopener noreferrer\">{title}</a>", escape(&s.url))
        } else {
            title
        };
        let c = crate::display::view::citation(data, s);
        let details: Vec<String> = [c.publisher, c.author, c.date].into_iter().filter(|t| !t.is_empty()).map(|t| escape(&t)).collect();
        let mut rest = if details.is_empty() { String::new() } else { format!(", {}", details.join(", ")) };
        if !c.interest.is_empty() {
            rest.push_str(&format!(" ({})", isolated_html(&c.interest)));
        }
        // With sources left out, `value` keeps each number equal to its marks' [n].
        let value = if gaps { format!(" value=\"{}\"", i + 1) } else { String::new() };
        let _ = writeln!(out, "<li id=\"src-{}\"{value}>{linked}{rest}</li>", escape(&s.id));
    }
    out.push_str("</ol>\n");
}

/// A sentence escaped, its names (between U+2068 and U+2069, see
/// `sentence::isolate`, which keeps them paired) as `<bdi>`, so a name's
/// direction stays inside it without JavaScript too.
fn isolated_html(sentence: &str) -> String {
    escape(sentence).replace('\u{2068}', "<bdi>").replace('\u{2069}', "</bdi>")
}
