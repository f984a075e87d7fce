//! Generated datasets round-trip through the TOML writer and the checker.

use alliance_map::check::check;
use alliance_map::synth;
use alliance_map::formats::write_toml::to_toml;

#[test]
fn generated_data_round_trips_through_toml() {
    let data = synth::dataset(300, 900, 7);
    let checked = check(&to_toml(&data));
    assert!(checked.diagnostics.is_empty(), "{:?}", &checked.diagnostics[..checked.diagnostics.len().min(3)]);
    assert_eq!(checked.dataset.unwrap(), data);
}

#[test]
fn barabasi_albert_is_deterministic_and_simple() {
    let a = synth::barabasi_albert(1000, 2, 42);
    assert_eq!(a, synth::barabasi_albert(1000, 2, 42));
    assert_ne!(a, synth::barabasi_albert(1000, 2, 43));
    assert_eq!(a.len(), 1 + 2 * (1000 - 3) + 2);
    let mut pairs: Vec<_> = a.iter().map(|&(x, y)| (x.min(y), x.max(y))).collect();
    pairs.sort();
    pairs.dedup();
    assert_eq!(pairs.len(), a.len(), "repeated pair");
    assert!(a.iter().all(|&(x, y)| x != y));
}

#[test]
fn the_toml_writer_keeps_claims_bands_datelines_and_corrections() {
    for path in ["data/seed.toml", "tests/fixtures/docs_example.toml"] {
        let text = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
        let data = check(&text).dataset.unwrap();
        let again = check(&to_toml(&data));
        assert!(again.diagnostics.is_empty(), "{path}: {:?}", again.diagnostics);
        assert_eq!(again.dataset.as_ref(), Some(&data), "{path}");
    }
}
