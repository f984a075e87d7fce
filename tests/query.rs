//! Reading the map: search, filters, as-of date, paths and neighbourhoods on
//! the seed, as a reader would use them.
#![allow(clippy::inconsistent_digit_grouping)] // days written as yyyy_mm_dd

use alliance_map::model::graph::Adjacency;
use alliance_map::model::{Dataset, EntityIx, SourceIx};
use alliance_map::query::filter::{counts, on_day, timeline, undated_count, visibility, Filter, OnDay};
use alliance_map::query::paths::{neighbourhood, shortest_paths};
use alliance_map::query::search::{fold, SearchIndex};
use alliance_map::display::sentence::relation_sentence;
use alliance_map::model::vocab::{EntityKind, RelationType};

fn ids(data: &Dataset, ixs: impl IntoIterator<Item = EntityIx>) -> Vec<String> {
    ixs.into_iter().map(|e| data.entity(e).id.clone()).collect()
}

/// (query, the ids expected first, in order)
const SEARCHES: &[(&str, &[&str])] = &[
    ("smi", &["smic"]),
    ("SMIC", &["smic"]),
    ("huawei", &["huawei"]),
    ("changan", &["changan"]),
    ("  csia ", &["csia"]),
    ("semiconductor industry", &["csia", "sia"]),
];

#[test]
fn search_finds_names_and_aliases_best_first() {
    let data = crate::seed::seed();
    let adj = Adjacency::new(&data);
    let index = SearchIndex::new(&data);
    for (query, expected) in SEARCHES {
        let hits = index.search(&data, &adj, query, 10);
        let got = ids(&data, hits.iter().map(|h| h.entity));
        assert!(got.len() >= expected.len(), "{query}: {got:?}");
        let mut firsts: Vec<&str> = got[..expected.len()].iter().map(String::as_str).collect();
        let mut want: Vec<&str> = expected.to_vec();
        if expected.len() > 1 {
            firsts.sort();
            want.sort();
        }
        assert_eq!(firsts, want, "query {query:?} gave {got:?}");
    }
    assert!(index.search(&data, &adj, "   ", 10).is_empty());
    assert!(index.search(&data, &adj, "zzzz", 10).is_empty());
}

#[test]
fn folding_ignores_case_and_accents() {
    assert_eq!(fold("Société Générale"), "societe generale");
    assert_eq!(fold("Huawei–Changan"), "huawei-changan");
}

#[test]
fn filtering_by_relation_type_hides_those_relations_only() {
    let data = crate::seed::seed();
    let keep = [RelationType::Owns, RelationType::Position];
    let f = Filter {
        hidden_relation_types: RelationType::ALL.iter().copied().filter(|t| !keep.contains(t)).collect(),
        ..Filter::default()
    };
    let (nodes, edges) = visibility(&data, &f);
    for (r, shown) in data.relations.iter().zip(&edges) {
        assert_eq!(*shown == 1, keep.contains(&r.kind), "{:?}", r.kind);
    }
    assert!(nodes.iter().all(|&n| n == 1), "entities stay; only relations vanish");
    let (types, kinds, sources) = counts(&data);
    assert_eq!(types.iter().sum::<u32>() as usize, data.relations.len());
    assert_eq!(kinds[EntityKind::Person.index() as usize], 7);
    assert_eq!(sources.len(), 3);
}

#[test]
fn hiding_a_kind_hides_its_entities_and_their_relations() {
    let data = crate::seed::seed();
    let f = Filter { hidden_kinds: vec![EntityKind::Person], ..Filter::default() };
    let (nodes, edges) = visibility(&data, &f);
    let huawei = (data.entity_ix("huawei").unwrap()).ix();
    assert_eq!(nodes[huawei], 1);
    for (i, r) in data.relations.iter().enumerate() {
        let person = data.entity(r.from).kind == EntityKind::Person || data.entity(r.to).kind == EntityKind::Person;
        assert_eq!(edges[i] == 0, person);
    }
}

#[test]
fn hiding_two_stories_leaves_the_third() {
    let data = crate::seed::seed();
    let chips = SourceIx::at(data.sources.iter().position(|s| s.id == "chip-groups-working-group").unwrap());
    let others: Vec<SourceIx> = SourceIx::range(data.sources.len()).filter(|&s| s != chips).collect();
    let (nodes, _) = visibility(&data, &Filter { hidden_sources: others, ..Filter::default() });
    let shown = ids(&data, EntityIx::range(nodes.len()).filter(|&e| nodes[e.ix()] == 1));
    assert!(shown.contains(&"csia".to_string()) && shown.contains(&"huawei".to_string()));
    assert!(!shown.contains(&"changan-capital".to_string()), "story 1 only: {shown:?}");
}

#[test]
fn as_of_a_date_shows_what_stood_then() {
    let data = crate::seed::seed();
    let stops = timeline(&data);
    assert!(stops.iter().any(|d| d.to_string() == "2023-09-27"), "{stops:?}");
    let before = Filter { as_of: Some(2023_08_31), ..Filter::default() };
    let after = Filter { as_of: Some(2023_10_01), ..Filter::default() };
    let alliance = (data.entity_ix("auto-electronics-investment-alliance").unwrap()).ix();
    assert_eq!(visibility(&data, &before).0[alliance], 0, "the alliance did not exist in August 2023");
    assert_eq!(visibility(&data, &after).0[alliance], 1);
    // The third story states no date, nor does its source: "Li Keqiang is premier" is not true "always".
    let premier = data.relations.iter().position(|r| r.id == "li-keqiang-premier").unwrap();
    let on_the_day = Filter { as_of: Some(2023_09_27), ..Filter::default() };
    assert_eq!(on_day(&data, &data.relations[premier], 2023_09_27), OnDay::DateNotStated);
    assert_eq!(visibility(&data, &on_the_day).1[premier], 0, "a relation whose date is not stated is left out of an as-of view");
    assert_eq!(visibility(&data, &Filter { include_undated: true, ..on_the_day }).1[premier], 1, "unless the reader asks for it");
    assert_eq!(visibility(&data, &Filter::default()).1[premier], 1, "with no date chosen everything shows");
    assert!(undated_count(&data) > 0);
}

#[test]
fn an_undated_relation_takes_its_sources_date() {
    let text = r#"
[[source]]
id = "wire"
title = "Wire"
date = "2023-10-05"
[[source]]
id = "dateline"
title = "Dateline"
date = "--09-28"
[[entity]]
id = "a"
name = "A"
kind = "company"
[[entity]]
id = "b"
name = "B"
kind = "company"
[[relation]]
type = "partner_of"
from = "a"
to = "b"
sources = ["wire"]
[[relation]]
type = "member_of"
from = "a"
to = "b"
sources = ["dateline"]
"#;
    let data = alliance_map::check::check(text).dataset.unwrap();
    let (dated, yearless) = (&data.relations[0], &data.relations[1]);
    assert_eq!(on_day(&data, dated, 2023_10_01), OnDay::Not, "not yet reported");
    assert_eq!(on_day(&data, dated, 2023_10_05), OnDay::InForce);
    assert_eq!(on_day(&data, yearless, 2023_10_05), OnDay::DateNotStated, "a dateline without a year dates nothing");
    assert!(timeline(&data).iter().any(|d| d.to_string() == "2023-10-05"), "the source's date is a stop of the slider");
}

#[test]
fn the_alliance_is_tied_to_csia_through_changan_and_huawei() {
    let data = crate::seed::seed();
    let adj = Adjacency::new(&data);
    let a = data.entity_ix("auto-electronics-investment-alliance").unwrap();
    let b = data.entity_ix("csia").unwrap();
    let paths = shortest_paths(&data, &adj, a, b, 3);
    assert!(!paths.is_empty());
    let first = &paths[0];
    assert_eq!(first.entities.first(), Some(&a));
    assert_eq!(first.entities.last(), Some(&b));
    let path_ids = ids(&data, first.entities.iter().copied());
    assert!(path_ids.contains(&"changan".to_string()) && path_ids.contains(&"huawei".to_string()), "{path_ids:?}");
    for w in paths.windows(2) {
        assert!(w[0].relations.len() <= w[1].relations.len(), "shortest first");
        assert_ne!(w[0], w[1]);
    }
    let sentences: Vec<String> = first.relations.iter().map(|&r| relation_sentence(&data, &data.relations[r.ix()])).collect();
    assert!(sentences.iter().all(|s| s.ends_with('.')), "{sentences:?}");
}

#[test]
fn neighbourhood_grows_with_hops() {
    let data = crate::seed::seed();
    let adj = Adjacency::new(&data);
    let huawei = data.entity_ix("huawei").unwrap();
    let count = |h| neighbourhood(&data, &adj, huawei, h, |_| true).iter().filter(|&&b| b).count();
    assert_eq!(count(0), 1);
    assert_eq!(count(1), 1 + adj.neighbours(&data, huawei).len());
    assert!(count(2) > count(1));
}

#[test]
fn sentences_say_who_makes_a_claim_and_what_the_editor_inferred() {
    let data = crate::seed::seed();
    let sentence = |id: &str| relation_sentence(&data, data.relations.iter().find(|r| r.id == id).unwrap()).replace(['\u{2068}', '\u{2069}'], "");
    assert_eq!(
        sentence("sia-in-working-group"),
        "Semiconductor Industry Association is to take part in CSIA–SIA working group, according to CSIA (announced; not confirmed)."
    );
    assert_eq!(
        sentence("geely-capital-arm-of-geely"),
        "Inferred by the editor: Geely Capital is the investment arm of Geely. Reasoning: The article calls the nine founders investment arms of Chinese carmakers but names only the arms; the parent is read from the arm's name."
    );
    assert_eq!(sentence("changan-owns-jv"), "Changan Automobile is expected to hold up to 40% of Huawei–Changan smart-car venture.");
}

#[test]
fn a_band_and_one_bound_are_worded_as_the_register_states_them() {
    let text = r#"
[[source]]
id = "register"
title = "Register of people with significant control"
[[entity]]
id = "a"
name = "A"
kind = "person"
[[entity]]
id = "b"
name = "B"
kind = "company"
[[entity]]
id = "c"
name = "C"
kind = "company"
[[relation]]
type = "owns"
from = "a"
to = "b"
share_min = 25
share_max = 50
sources = ["register"]
[[relation]]
type = "owns"
from = "a"
to = "c"
share_min = 75
end = "2024"
sources = ["register"]
"#;
    let checked = alliance_map::check::check(text);
    let data = checked.dataset.unwrap_or_else(|| panic!("{:?}", checked.diagnostics));
    let sentence = |i: usize| relation_sentence(&data, &data.relations[i]).replace(['\u{2068}', '\u{2069}'], "");
    assert_eq!(sentence(0), "A holds between 25% and 50% of B.");
    assert_eq!(sentence(1), "A held at least 75% of C (until 2024).");
}

#[test]
fn sentences_take_their_tense_from_the_dates() {
    let text = r#"
[[source]]
id = "wire"
title = "Wire"
date = "2024-03"
[[entity]]
id = "a"
name = "A"
kind = "company"
[[entity]]
id = "b"
name = "B"
kind = "alliance"
[[relation]]
type = "member_of"
from = "a"
to = "b"
start = "2025"
sources = ["wire"]
[[relation]]
type = "competitor_of"
from = "a"
to = "b"
end = "2023"
sources = ["wire"]
[[relation]]
type = "represents"
from = "b"
to = "a"
start = "2024-03"
sources = ["wire"]
"#;
    let data = alliance_map::check::check(text).dataset.unwrap();
    let sentence = |i: usize| relation_sentence(&data, &data.relations[i]).replace(['\u{2068}', '\u{2069}'], "");
    assert_eq!(sentence(0), "A will be a member of B (from 2025).", "it starts after its source was published");
    assert_eq!(sentence(1), "A competed with B (until 2023).");
    assert_eq!(sentence(2), "B represents A (since 2024-03).", "the same month may be before or after the report");
}

#[test]
fn an_event_with_several_parties_is_an_entity_with_role_relations() {
    // The docs' example: the alliance's first council meeting, its parties as role relations.
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/data-format.md")).unwrap();
    let at = doc.find("id = \"alliance-first-council-meeting\"").unwrap();
    let example = &doc[doc[..at].rfind("```toml").unwrap() + 7..at + doc[at..].find("```").unwrap()];
    let seed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/seed.toml")).unwrap();
    let checked = alliance_map::check::check(&format!("{seed}\n{example}"));
    let data = checked.dataset.unwrap_or_else(|| panic!("{:?}", checked.diagnostics));
    let sentence = |from: &str, kind: RelationType| {
        let r = data.relations.iter().find(|r| data.entity(r.from).id == from && r.kind == kind).unwrap();
        relation_sentence(&data, r).replace(['\u{2068}', '\u{2069}'], "")
    };
    let meeting = "The alliance's first council meeting";
    assert_eq!(sentence("lao-yao", RelationType::ElectedAt), format!("Lao Yao was elected secretary-general at {meeting} (on 2023-09-26)."));
    assert_eq!(sentence("auto-electronics-investment-alliance", RelationType::ParticipantIn), format!("Automotive Electronics Industry Investment Alliance took part in {meeting} (on 2023-09-26)."));
    assert!(sentence("alliance-first-council-meeting", RelationType::HeldAt).starts_with(&format!("Inferred by the editor: {meeting} was held at ASES 2023")));
    assert_eq!(sentence("auto-electronics-investment-alliance", RelationType::FoundedAt), "Automotive Electronics Industry Investment Alliance was founded at ASES 2023 and Global Automotive Electronics Expo (on 2023-09-27).");
}

#[test]
fn market_reactions_are_typed_and_keep_their_hedge() {
    let data = crate::seed::seed();
    let smic = data.entity_ix("smic").unwrap();
    let details = alliance_map::display::view::entity_details(&data, &[], smic, usize::MAX);
    let fact = details.facts.iter().find(|f| f.label == "Market reaction").expect("SMIC's reaction in its panel");
    assert_eq!(
        fact.value.replace(['\u{2068}', '\u{2069}'], ""),
        "Shares on the Hong Kong exchange rose as much as 12%, after the news: China Semiconductor Industry Association has a partnership with Semiconductor Industry Association, according to CSIA (announced; not confirmed)."
    );
    assert!(!fact.cites.is_empty());
    let hua_hong = alliance_map::display::view::entity_details(&data, &[], data.entity_ix("hua-hong").unwrap(), usize::MAX);
    assert!(hua_hong.facts.iter().any(|f| f.value.starts_with("Its shares rose at least 13%, after the news:")), "{:?}", hua_hong.facts);
}
