//! The seed dataset: checks clean and connects the three stories.

use alliance_map::check::check;
use alliance_map::model::graph::Adjacency;
use alliance_map::model::Dataset;

pub fn seed() -> Dataset {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/seed.toml")).unwrap();
    let checked = check(&text);
    assert!(checked.diagnostics.is_empty(), "seed has diagnostics: {:#?}", checked.diagnostics);
    checked.dataset.unwrap()
}

#[test]
fn seed_checks_clean_with_no_warnings() {
    let data = seed();
    assert_eq!(data.sources.len(), 3);
    assert!(data.entities.len() >= 40, "only {} entities", data.entities.len());
}

#[test]
fn the_three_stories_are_one_connected_map() {
    let data = seed();
    let adj = Adjacency::new(&data);
    let start = data.entity_ix("csia").expect("csia");
    let mut seen = vec![false; data.entities.len()];
    let mut stack = vec![start];
    seen[start.ix()] = true;
    while let Some(e) = stack.pop() {
        for n in adj.neighbours(&data, e) {
            if !seen[n.ix()] {
                seen[n.ix()] = true;
                stack.push(n);
            }
        }
    }
    for id in ["changan-capital", "huawei", "changan", "seres"] {
        let ix = data.entity_ix(id).unwrap_or_else(|| panic!("no entity {id}"));
        assert!(seen[ix.ix()], "{id} is not connected to csia");
    }
}

#[test]
fn changan_holds_up_to_forty_percent_of_the_venture() {
    let data = seed();
    let changan = data.entity_ix("changan").unwrap();
    let owns: Vec<_> = data.relations.iter().filter(|r| r.from == changan && r.kind == alliance_map::model::vocab::RelationType::Owns).collect();
    assert_eq!(owns.len(), 1);
    let share = owns[0].share.unwrap();
    assert_eq!((share.percent, share.qualifier), (40.0, alliance_map::model::vocab::ShareQualifier::UpTo));
}
