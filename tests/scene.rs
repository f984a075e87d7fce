//! The widget's core behaviour on the seed, natively: deterministic layout
//! with no overlapping nodes, picking, emphasis, details sentences with
//! citations, and labels that never overlap.

use alliance_map::model::RelationIx;
use alliance_map::compiled::{decode, encode, Compiled};
use alliance_map::scene::labels::{count_label_overlaps, place_labels, Viewport};
use alliance_map::layout::{count_overlaps, LayoutConfig};
use alliance_map::pipeline::compile;
use alliance_map::scene::{emphasis, Item, Scene};

fn compiled() -> Compiled {
    compile(crate::seed::seed(), &LayoutConfig::default())
}

fn scene() -> Scene {
    Scene::new(compiled())
}

#[test]
fn layout_is_deterministic_and_nodes_never_overlap() {
    let a = compiled();
    assert_eq!(a.positions, compiled().positions, "same seed, same positions");
    let s = Scene::new(a.clone());
    let pos: Vec<f64> = a.positions.iter().map(|&v| f64::from(v)).collect();
    let radii: Vec<f64> = s.radii.iter().map(|&r| f64::from(r)).collect();
    assert_eq!(count_overlaps(&pos, &radii), 0);
    let other = compile(crate::seed::seed(), &LayoutConfig { seed: 2, ..Default::default() });
    assert_ne!(a.positions, other.positions, "the seed matters");
}

#[test]
fn compiled_form_round_trips_and_rejects_garbage() {
    let c = compiled();
    assert_eq!(decode(&encode(&c)).unwrap(), c);
    assert!(decode(b"").unwrap_err().to_string().contains("not a compiled alliance-map file"));
    let mut bytes = encode(&c);
    bytes.truncate(bytes.len() / 2);
    assert!(decode(&bytes).unwrap_err().to_string().contains("truncated or corrupt"));
    let mut old = encode(&c);
    old[4] = 99;
    assert!(decode(&old).unwrap_err().to_string().contains("version 99"));
}

#[test]
fn picking_finds_nodes_then_edges_then_nothing() {
    let s = scene();
    let huawei = s.find("huawei").unwrap();
    let (x, y) = (s.positions[2 * huawei.ix()], s.positions[2 * huawei.ix() + 1]);
    assert_eq!(s.pick(x, y, 0.0), Some(Item::Entity(huawei)));
    let r = s.data.relations.iter().position(|r| r.from == huawei).unwrap();
    let other = s.data.relations[r].to.ix();
    let (mx, my) = ((x + s.positions[2 * other]) / 2.0, (y + s.positions[2 * other + 1]) / 2.0);
    assert_eq!(s.pick(mx, my, 2.0), Some(Item::Relation(RelationIx::at(r))));
    assert_eq!(s.pick(1e6, 1e6, 5.0), None);
}

#[test]
fn hovering_an_entity_emphasises_its_neighbours_and_fades_the_rest() {
    let mut s = scene();
    let changan = s.find("changan").unwrap();
    assert!(s.hover(Some(Item::Entity(changan))));
    assert_eq!(s.node_emphasis[changan.ix()], emphasis::FOCUS);
    let capital = s.find("changan-capital").unwrap();
    assert_eq!(s.node_emphasis[capital.ix()], emphasis::NEAR);
    assert_eq!(s.node_emphasis[(s.find("csia").unwrap()).ix()], emphasis::FADED);
    s.hover(None);
    assert!(s.node_emphasis.iter().all(|&e| e == emphasis::NORMAL));
}

#[test]
fn details_write_relations_as_cited_sentences() {
    let s = scene();
    let changan = s.find("changan").unwrap();
    let d = s.details(Item::Entity(changan), usize::MAX);
    let stake = d.relations.iter().find(|r| r.sentence.contains("40%")).expect("the stake sentence");
    // Each name between FSI and PDI (the widget makes them <bdi>s).
    // The article's hedge ("is expected to hold up to 40%") is kept, not reduced to "(proposed)".
    assert_eq!(stake.sentence, "\u{2068}Changan Automobile\u{2069} is expected to hold up to 40% of \u{2068}Huawei–Changan smart-car venture\u{2069}.");
    assert!(!stake.cites.is_empty());
    let cited = &d.citations[stake.cites[0] as usize];
    assert_eq!(cited.title, "Huawei's Strategic Move into Smart Vehicle Joint Venture");
}

#[test]
fn a_hubs_details_come_a_page_at_a_time_with_the_whole_count() {
    let data = alliance_map::synth::dataset_of_edges(1001, &alliance_map::synth::star(1000));
    let s = Scene::new(compile(data, &LayoutConfig::default()));
    let hub = s.find("e0").unwrap();
    let d = s.details(Item::Entity(hub), 100);
    assert_eq!((d.relations.len(), d.relation_count), (100, 1000), "the first page of 100, and the count of all 1,000");
    assert_eq!(s.details(Item::Entity(hub), 5000).relations.len(), 1000, "asking for more than there are gives them all");
    assert_eq!(s.details(Item::Entity(s.find("e7").unwrap()), 100).relation_count, 1);
}

#[test]
fn labels_never_overlap_each_other_or_nodes_at_any_zoom() {
    let s = scene();
    let widths: Vec<f32> = s.data.entities.iter().map(|e| 7.0 * e.label().chars().count() as f32).collect();
    let b = s.bounds();
    let (cx, cy) = ((b[0] + b[2]) / 2.0, (b[1] + b[3]) / 2.0);
    let fit = (1200.0 / (b[2] - b[0])).min(800.0 / (b[3] - b[1]));
    let view_at = |zoom: f32| Viewport { x: cx - 600.0 / zoom, y: cy - 400.0 / zoom, zoom, width: 1200.0, height: 800.0 };
    let mut placed_at = Vec::new();
    for zoom in [fit, fit * 1.5, fit * 2.0, fit * 4.0, fit * 8.0] {
        // The view centred on the map, as after Fit and zooming in.
        let view = view_at(zoom);
        let placed = place_labels(&s, &widths, 16.0, view);
        assert_eq!(count_label_overlaps(&s, &widths, 16.0, view, &placed), 0, "zoom {zoom}");
        placed_at.push(placed);
    }
    assert!(placed_at[0].len() < s.data.entities.len(), "at the fitted view not every label fits");
    // Among the entities still in view at 4x, more are labelled than at the fitted view.
    let z4 = view_at(fit * 4.0);
    let in_view = |e: u32| {
        let (x, y) = ((s.positions[2 * e as usize] - z4.x) * z4.zoom, (s.positions[2 * e as usize + 1] - z4.y) * z4.zoom);
        x >= 0.0 && x <= z4.width && y >= 0.0 && y <= z4.height
    };
    let labelled = |placed: &[alliance_map::scene::labels::PlacedLabel]| placed.iter().filter(|p| in_view(p.entity)).count();
    assert!(labelled(&placed_at[3]) > labelled(&placed_at[0]), "zooming in reveals more labels: {} vs {}", labelled(&placed_at[3]), labelled(&placed_at[0]));
}
