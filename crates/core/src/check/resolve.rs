//! Cross-record rules: unique ids, references that resolve, citations present,
//! no self-relations, dates in order, duplicate relations and unused sources;
//! names a reader could be fooled by (`names.rs`).
//! Produces the index-based `Dataset` when nothing is wrong.

use super::fields::{At, Span};
use super::claims::resolve_claim;
use super::raw::{RawClaim, RawFile, RawRelation};
use super::read::truncate;
use super::suggest::{Index, Names};
use crate::check::diagnostic::{has_errors, Code, Diagnostic};
use crate::model::story::Step;
use crate::model::{Attribute, Correction, Dataset, Reaction, RelationIx, Entity, EntityIx, Relation, Source, SourceIx};
use std::collections::HashMap;

/// Resolves ids to indices, reporting every rule broken; `None` if any error.
pub fn resolve(raw: RawFile, diags: &mut Vec<Diagnostic>) -> Option<Dataset> {
    let source_ids = unique_ids("source", raw.sources.iter().map(|s| &s.id), diags);
    let entity_ids = unique_ids("entity", raw.entities.iter().map(|e| &e.id), diags);
    unique_ids("relation", raw.relations.iter().filter_map(|r| r.id.as_ref()), diags);
    let names = Names::new(raw.entities.iter().map(|e| (e.name.as_str(), e.id.value.as_str())));
    // Indexed once: a did-you-mean per unknown reference was a scan of every id.
    let source_index = Index::new(raw.sources.iter().map(|s| s.id.value.as_str()));
    let entity_index = Index::new(raw.entities.iter().map(|e| e.id.value.as_str()));
    let no_names = Names::new([]);
    let mut cited = vec![false; raw.sources.len()];

    let mut cite = |refs: &[At<String>], owner: &str, span: &Span, diags: &mut Vec<Diagnostic>| -> Vec<SourceIx> {
        if refs.is_empty() {
            diags.push(
                Diagnostic::new(Code::Uncited, span.clone(), format!("{owner} cites no source"))
                    .hint("add `sources = [\"<source id>\"]` naming the article that states it"),
            );
        }
        refs.iter()
            .filter_map(|r| match source_ids.get(r.value.as_str()) {
                Some(&ix) => {
                    cited[ix as usize] = true;
                    Some(SourceIx(ix))
                }
                None => {
                    diags.push(unknown_ref(Code::UnknownSource, "source", r, owner, &source_index, &no_names));
                    None
                }
            })
            .fold(Vec::new(), |mut acc, ix| {
                // Citing a source twice adds nothing; keep the first.
                if !acc.contains(&ix) {
                    acc.push(ix);
                }
                acc
            })
    };

    // Claims, sources and endpoints name entities: one lookup reports unknown ones.
    let entity_of = |at: &At<String>, owner: &str, diags: &mut Vec<Diagnostic>| match entity_ids.get(at.value.as_str()) {
        Some(&ix) => Some(EntityIx(ix)),
        None => {
            diags.push(unknown_ref(Code::UnknownEntity, "entity", at, owner, &entity_index, &names));
            None
        }
    };
    let mut entities = Vec::with_capacity(raw.entities.len());
    for e in &raw.entities {
        let owner = format!("entity `{}`", e.id.value);
        let attributes = e
            .attributes
            .iter()
            .map(|a| {
                let owner = format!("attribute `{}` of {owner}", truncate(&a.key));
                Attribute {
                    key: a.key.clone(),
                    value: a.value.clone(),
                    sources: cite(&a.sources, &owner, &a.span, diags),
                    claim: resolve_claim(&a.claim, &mut |at| entity_of(at, &owner, diags)),
                }
            })
            .collect();
        // Who it is (kind, country, aliases) may cite sources; what cites none is gathered below.
        let sources = if e.sources.is_empty() { Vec::new() } else { cite(&e.sources, &owner, &e.id.span, diags) };
        entities.push(Entity {
            id: e.id.value.clone(),
            name: e.name.clone(),
            aliases: e.aliases.clone(),
            kind: e.kind.unwrap_or(crate::model::vocab::EntityKind::Company),
            country: e.country.clone(),
            wikidata: e.wikidata.clone(),
            attributes,
            sources,
        });
    }

    let mut relations = Vec::with_capacity(raw.relations.len());
    let mut relation_spans = Vec::with_capacity(raw.relations.len());
    for (i, r) in raw.relations.iter().enumerate() {
        let owner = match &r.id {
            Some(id) => format!("relation `{}`", id.value),
            None => format!("relation #{}", i + 1),
        };
        let sources = cite(&r.sources, &owner, &r.span, diags);
        let from = r.from.as_ref().and_then(|at| entity_of(at, &owner, diags));
        let to = r.to.as_ref().and_then(|at| entity_of(at, &owner, diags));
        let claim = resolve_claim(&r.claim, &mut |at| entity_of(at, &owner, diags));
        check_relation_rules(r, &owner, from, to, diags);
        if let (Some(from), Some(to), Some(kind)) = (from, to, &r.kind) {
            relation_spans.push(r.span.clone());
            relations.push(Relation {
                id: r.id.as_ref().map(|i| i.value.clone()).unwrap_or_default(),
                kind: kind.value,
                from,
                to,
                share: r.share,
                role: r.role.clone(),
                status: r.status,
                start: r.start.as_ref().map(|d| d.value),
                end: r.end.as_ref().map(|d| d.value),
                announced: r.announced,
                attributes: r.attributes.clone(),
                sources,
                note: r.note.clone(),
                claim,
            });
        }
    }
    let corrections: Vec<Correction> = raw
        .corrections
        .iter()
        .enumerate()
        .map(|(i, c)| {
            // A correction need cite nothing: the correction itself is the editor's.
            let sources = match c.sources.first() {
                Some(first) => cite(&c.sources, &format!("correction #{}", i + 1), &first.span, diags),
                None => Vec::new(),
            };
            Correction { date: c.date, what: c.what.clone(), why: c.why.clone(), sources }
        })
        .collect();
    let relation_ix: HashMap<&str, RelationIx> = relations.iter().enumerate().filter(|(_, r)| !r.id.is_empty()).map(|(i, r)| (r.id.as_str(), RelationIx::at(i))).collect();
    let reactions: Vec<Reaction> = raw
        .reactions
        .iter()
        .filter_map(|x| {
            let owner = x.what.clone();
            let sources = cite(&x.sources, &owner, &x.span, diags);
            let after = x.after.as_ref().and_then(|at| super::reactions::resolve_after(at, &relation_ix, &mut |at| entity_of(at, &owner, diags)));
            Some(Reaction { entity: entity_of(&x.entity, &owner, diags)?, market: x.market.clone(), change: x.change, date: x.date, after, sources })
        })
        .collect();
    let steps: Vec<Step> = {
        let mut entity = |at: &At<String>, owner: &str, diags: &mut Vec<Diagnostic>| entity_of(at, owner, diags);
        let mut source = |at: &At<String>, owner: &str, diags: &mut Vec<Diagnostic>| cite(std::slice::from_ref(at), owner, &at.span, diags).first().copied();
        let mut look = super::steps::Lookups { entity: &mut entity, source: &mut source, relations: &relation_ix };
        raw.steps.iter().filter_map(|s| super::steps::resolve_step(s, &mut look, diags)).collect()
    };
    warn_duplicate_relations(&relation_spans, &relations, diags);
    super::identity::warn_uncited(&raw.entities, diags);
    super::names::check_names(&raw.entities, diags);
    for (s, used) in raw.sources.iter().zip(&cited) {
        if !used && source_ids.contains_key(s.id.value.as_str()) {
            diags.push(
                Diagnostic::new(Code::UnusedSource, s.id.span.clone(), format!("source `{}` is not cited by anything", s.id.value))
                    .hint("cite it from a relation or attribute, or remove it"),
            );
        }
    }
    let sources: Vec<Source> = raw
        .sources
        .into_iter()
        .map(|s| {
            let owner = format!("source `{}`", s.id.value);
            let self_interest = resolve_claim(&RawClaim { according_to: s.self_interest, ..RawClaim::default() }, &mut |at| entity_of(at, &owner, diags)).according_to;
            let publisher_entity = s.publisher_entity.as_ref().and_then(|at| entity_of(at, &owner, diags));
            Source { id: s.id.value, publisher: s.publisher, title: s.title, author: s.author, date: s.date, date_no_year: s.date_no_year, url: s.url, note: s.note, self_interest, publisher_entity }
        })
        .collect();
    if has_errors(diags) {
        return None;
    }
    let dataset = Dataset { meta: raw.meta, sources, entities, relations, corrections, reactions, steps };
    // Paths need the whole dataset (and its filters), so they are found last.
    super::steps::check_paths(&dataset, &raw.steps, diags);
    if has_errors(diags) {
        return None;
    }
    Some(dataset)
}

fn check_relation_rules(r: &RawRelation, owner: &str, from: Option<EntityIx>, to: Option<EntityIx>, diags: &mut Vec<Diagnostic>) {
    if let (Some(a), Some(b), Some(to_at)) = (from, to, &r.to) {
        if a == b {
            diags.push(
                Diagnostic::new(Code::SelfRelation, to_at.span.clone(), format!("{owner} goes from `{}` to itself", to_at.value))
                    .hint("a relation needs two different entities; check `from` and `to`"),
            );
        }
    }
    if let (Some(start), Some(end)) = (&r.start, &r.end) {
        if end.value.certainly_before(start.value) {
            diags.push(
                Diagnostic::new(Code::EndBeforeStart, end.span.clone(), format!("{owner} ends ({}) before it starts ({})", end.value, start.value))
                    .related(start.span.clone(), "starts here")
                    .hint("swap `start` and `end`, or correct the year"),
            );
        }
    }
}

/// Maps each id to its index, reporting duplicates with the first definition.
fn unique_ids<'a>(what: &str, ids: impl Iterator<Item = &'a At<String>>, diags: &mut Vec<Diagnostic>) -> HashMap<&'a str, u32> {
    let mut map: HashMap<&str, u32> = HashMap::new();
    let mut first: HashMap<&str, Span> = HashMap::new();
    for (index, id) in (0u32..).zip(ids) {
        if let Some(first_span) = first.get(id.value.as_str()) {
            diags.push(
                Diagnostic::new(Code::DuplicateId, id.span.clone(), format!("{what} id `{}` is defined twice", id.value))
                    .related(first_span.clone(), "first defined here")
                    .hint(format!("give each {what} its own id, or merge the two")),
            );
        } else {
            first.insert(&id.value, id.span.clone());
            map.insert(&id.value, index);
        }
    }
    map
}

fn unknown_ref<'a>(
    code: Code,
    what: &str,
    at: &At<String>,
    owner: &str,
    ids: &Index<'a>,
    names: &Names<'a>,
) -> Diagnostic {
    let closest = ids.closest(&at.value).filter(|id| !super::suggest::numbered_apart(&at.value, id));
    let hint = match names.id(&at.value).or(closest) {
        Some(id) => format!("did you mean `{id}`?"),
        None => format!("define it with `[[{what}]]` and `id = \"{}\"`", truncate(&at.value)),
    };
    Diagnostic::new(code, at.span.clone(), format!("{owner} refers to unknown {what} `{}`", truncate(&at.value))).hint(hint)
}

/// Warns about relations with the same type, endpoints and role as an earlier one.
/// `spans[i]` is where `relations[i]` was written.
fn warn_duplicate_relations(spans: &[Span], relations: &[Relation], diags: &mut Vec<Diagnostic>) {
    let mut first: HashMap<(u8, EntityIx, EntityIx, &str), usize> = HashMap::new();
    for (i, r) in relations.iter().enumerate() {
        let key = (r.kind.index(), r.from, r.to, r.role.as_str());
        match first.get(&key) {
            Some(&f) => diags.push(
                Diagnostic::new(Code::DuplicateRelation, spans[i].clone(), format!("relation `{}` repeats an earlier relation with the same type and endpoints", r.kind.key()))
                    .related(spans[f].clone(), "first stated here")
                    .hint("merge the two and list both sources in `sources`"),
            ),
            None => {
                first.insert(key, i);
            }
        }
    }
}
