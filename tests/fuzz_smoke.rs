//! A short, seeded fuzz run in the normal tests: mutated data files never
//! panic the checker, and every diagnostic span lies inside the file. The long
//! coverage-guided run is `fuzz/` (cargo fuzz).

use alliance_map::check::{check, render};
use alliance_map::synth::Rng;

const TOKENS: &[&str] = &["[[", "]]", "[", "]", "=", "\"", "'''", "\n", "{", "}", ",", "#", "\\u", "é", "\u{202e}", "2023-02-30", "-1e400", "0x", "inf", "[[relation]]", "[[entity.attribute]]", "sources = [", "type = \"owns\"", "share = "];

fn mutate(text: &str, rng: &mut Rng) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for _ in 0..1 + rng.below(6) {
        let at = rng.below(chars.len() + 1);
        match rng.below(3) {
            0 if at < chars.len() => {
                let len = rng.below(20).min(chars.len() - at);
                chars.drain(at..at + len);
            }
            1 => {
                let token = TOKENS[rng.below(TOKENS.len())];
                chars.splice(at..at, token.chars());
            }
            _ => {
                let from = rng.below(chars.len().max(1));
                let piece: Vec<char> = chars.iter().skip(from).take(rng.below(80)).copied().collect();
                chars.splice(at.min(chars.len())..at.min(chars.len()), piece);
            }
        }
    }
    chars.into_iter().collect()
}

#[test]
fn mutated_seed_files_never_panic_and_spans_stay_in_bounds() {
    let seed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/seed.toml")).unwrap();
    let mut rng = Rng::new(2026);
    for _ in 0..400 {
        let text = mutate(&seed, &mut rng);
        let checked = check(&text);
        for d in &checked.diagnostics {
            assert!(d.span.start <= d.span.end && d.span.end <= text.len(), "span {:?} out of bounds", d.span);
        }
        let _ = render::human("fuzz.toml", &text, &checked.diagnostics);
    }
}

#[test]
fn mutated_seed_files_give_the_editor_places_inside_the_text() {
    // What `fuzz/fuzz_targets/places.rs` holds for any input, on 200 mutants.
    use alliance_map::places::{entity_places, Locator};
    let seed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/seed.toml")).unwrap();
    let mut rng = Rng::new(2027);
    for _ in 0..200 {
        let text = mutate(&seed, &mut rng);
        let (units, lines) = (text.encode_utf16().count(), text.split('\n').count());
        let locator = Locator::new("fuzz.toml", &text);
        for d in &check(&text).diagnostics {
            let v = locator.diagnostic(d);
            assert!(v.place.from <= v.place.to && v.place.to <= units && v.place.end_line <= lines, "{:?}", v.place);
            assert!(v.fix.as_ref().is_none_or(|f| f.from <= f.to && f.to <= units));
        }
        let places = entity_places(&text);
        assert!(places.windows(2).all(|w| w[0].to <= w[1].from) && places.iter().all(|p| p.from <= p.to && p.to <= units));
    }
}

/// Each importer's real files (one per reader: GEXF, GraphML with yEd
/// groups, a CSV, Cytoscape, graphology and JGF), mutated: never a panic,
/// spans inside the text, and a dataset's converted TOML always checks
/// without error (convert never writes a file its own check rejects).
#[test]
fn mutated_imports_never_panic_and_their_conversions_check() {
    use alliance_map::formats::import::{import, Format, Input};
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import-corpus/");
    let files = [
        "graphology-data.gexf",
        "networkx-read_attributes_with_groups-data.graphml",
        "gephi-edges_table_with_timeset_intervals.csv",
        "cytoscape-network-compound-nodes.json",
        "graphology-metrics-clique3.json",
    ];
    let jgf = serde_json::to_string(&alliance_map::formats::jgf::to_jgf(&crate::seed::seed())).unwrap();
    let mut texts: Vec<(String, String)> = files.iter().map(|f| (f.to_string(), std::fs::read_to_string(format!("{corpus}{f}")).unwrap())).collect();
    texts.push(("seed.json".into(), jgf));
    let mut rng = Rng::new(15);
    let mut converted = 0;
    for (name, original) in &texts {
        let format = Format::from_path(name).unwrap();
        for _ in 0..60 {
            let text = mutate(original, &mut rng);
            let checked = import(format, &[Input { name, text: &text }]);
            for d in &checked.diagnostics {
                assert!(d.span.start <= d.span.end && d.span.end <= text.len() + 1, "{name}: span {:?} out of bounds", d.span);
            }
            if let Some(data) = checked.dataset {
                let again = check(&alliance_map::formats::write_toml::to_toml(&data));
                assert!(!alliance_map::check::diagnostic::has_errors(&again.diagnostics), "{name}: {:#?}\n{text}", again.diagnostics);
                converted += 1;
            }
        }
    }
    assert!(converted > 50, "the mutations leave too few files readable to test convert: {converted}");
}
