//! Datasets compiled without positions (`build --no-layout`): the blob
//! decodes and says it needs a layout, the scene takes positions later (and
//! refuses bad ones), and the positions the browser's worker computes are
//! the ones `build` would have stored.

use alliance_map::model::EntityIx;
use alliance_map::compiled::{decode, encode, Compiled};
use alliance_map::layout::LayoutConfig;
use alliance_map::pipeline::{compile, compile_without_layout, positions};
use alliance_map::scene::{Item, Scene};
use std::process::Command;

fn laid_out() -> Compiled {
    compile(crate::seed::seed(), &LayoutConfig::default())
}

/// What the layout worker computes: `pipeline::positions` on the scene's edges.
fn worker_positions(c: &Compiled) -> Vec<f32> {
    let edges: Vec<(u32, u32)> = c.dataset.relations.iter().map(|r| (r.from.0, r.to.0)).collect();
    positions(c.dataset.entities.len(), &edges, &LayoutConfig::default())
}

#[test]
fn a_blob_without_positions_decodes_and_needs_layout() {
    let blob = decode(&encode(&compile_without_layout(crate::seed::seed()))).unwrap();
    assert!(blob.needs_layout() && blob.positions.is_empty());
    assert_eq!(blob.dataset, crate::seed::seed());
    let scene = Scene::new(blob);
    assert!(scene.needs_layout());
    assert_eq!(scene.positions.len(), 2 * scene.radii.len(), "zeros wait for the worker's positions");
    assert!(!Scene::new(laid_out()).needs_layout());
}

#[test]
fn decode_accepts_no_positions_or_all_of_them_and_nothing_else() {
    let full = laid_out();
    let n = full.dataset.entities.len();
    for (count, accepted) in [(0, true), (2 * n, true), (1, false), (2 * n - 1, false), (2 * n - 2, false), (2 * n + 2, false)] {
        let c = Compiled { dataset: full.dataset.clone(), positions: full.positions.iter().copied().cycle().take(count).collect(), communities: Vec::new() };
        match decode(&encode(&c)) {
            Ok(_) => assert!(accepted, "{count} coordinates were accepted"),
            Err(e) => {
                assert!(!accepted, "{count} coordinates were refused: {e}");
                assert_eq!(e.to_string(), format!("the compiled file is inconsistent: {count} coordinates for {n} entities (expected {} or none); rebuild it", 2 * n));
            }
        }
    }
}

#[test]
fn set_positions_refuses_a_wrong_length_or_a_non_finite_number_and_changes_nothing() {
    let mut scene = Scene::new(compile_without_layout(crate::seed::seed()));
    let n = scene.radii.len();
    let good = worker_positions(&laid_out());
    let with = |i: usize, v: f32| {
        let mut p = good.clone();
        p[i] = v;
        p
    };
    let cases: Vec<(Vec<f32>, String)> = vec![
        (Vec::new(), format!("setPositions: 0 coordinates for {n} entities (expected x, y per entity: {})", 2 * n)),
        (good[..2 * n - 1].to_vec(), format!("setPositions: {} coordinates for {n} entities (expected x, y per entity: {})", 2 * n - 1, 2 * n)),
        ([good.as_slice(), &[0.0, 0.0]].concat(), format!("setPositions: {} coordinates for {n} entities (expected x, y per entity: {})", 2 * n + 2, 2 * n)),
        (with(7, f32::NAN), "setPositions: coordinate 7 is not a finite number".into()),
        (with(0, f32::INFINITY), "setPositions: coordinate 0 is not a finite number".into()),
        (with(2 * n - 1, f32::NEG_INFINITY), format!("setPositions: coordinate {} is not a finite number", 2 * n - 1)),
    ];
    for (input, message) in cases {
        assert_eq!(scene.set_positions(&input).unwrap_err().to_string(), message);
        assert!(scene.needs_layout() && scene.positions.iter().all(|&p| p == 0.0), "a refused list changes nothing");
    }
    scene.set_positions(&good).unwrap();
    assert!(!scene.needs_layout());
    assert_eq!(scene.positions, good);
}

#[test]
fn after_set_positions_picking_and_bounds_follow_the_new_positions() {
    let mut scene = Scene::new(compile_without_layout(crate::seed::seed()));
    let full = Scene::new(laid_out());
    scene.set_positions(&full.positions).unwrap();
    assert_eq!(scene.bounds(), full.bounds());
    for e in 0..scene.radii.len() {
        let (x, y) = (scene.positions[2 * e], scene.positions[2 * e + 1]);
        assert_eq!(scene.pick(x, y, 0.0), Some(Item::Entity(EntityIx::at(e))), "entity {e} is picked where it now is");
    }
}

#[test]
fn the_worker_computes_the_positions_build_stores() {
    // The seed, and a generated graph with several components (BA graphs are
    // connected, so two are joined side by side).
    let mut two = alliance_map::synth::dataset(300, 600, 7);
    let other = alliance_map::synth::dataset(200, 400, 8);
    let offset = two.entities.len() as u32;
    two.entities.extend(other.entities.into_iter().map(|mut e| {
        e.id = format!("b{}", e.id);
        e
    }));
    two.relations.extend(other.relations.into_iter().map(|mut r| {
        (r.from, r.to) = (EntityIx(r.from.0 + offset), EntityIx(r.to.0 + offset));
        r.id = format!("b{}", r.id);
        r
    }));
    for dataset in [crate::seed::seed(), two] {
        let built = compile(dataset, &LayoutConfig::default());
        assert_eq!(worker_positions(&built), built.positions);
    }
}

#[test]
fn build_no_layout_writes_no_positions_and_a_later_build_lays_out_afresh() {
    let tmp = std::env::temp_dir().join(format!("alliance-map-nolayout-{}", std::process::id()));
    let widget = tmp.join("widget");
    std::fs::create_dir_all(widget.join("pkg")).unwrap();
    let site = tmp.join("site");
    let build = |extra: &[&str]| {
        let mut args = vec!["build", "data/seed.toml", "-o", site.to_str().unwrap(), "--widget", widget.to_str().unwrap()];
        args.extend_from_slice(extra);
        Command::new(env!("CARGO_BIN_EXE_alliance-map")).args(&args).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap()
    };
    let out = build(&["--no-layout"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no positions: laid out in the browser"));
    assert!(decode(&std::fs::read(site.join("data.amap")).unwrap()).unwrap().needs_layout());
    // The blob without positions is no warm start: the next build is a fresh layout.
    let out = build(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("warm start"));
    assert_eq!(decode(&std::fs::read(site.join("data.amap")).unwrap()).unwrap(), laid_out());
    // A seed means nothing without a layout.
    let out = build(&["--no-layout", "--seed", "2"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("'--no-layout' cannot be used with '--seed <SEED>'"));
    let _ = std::fs::remove_dir_all(tmp);
}
