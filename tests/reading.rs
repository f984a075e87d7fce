//! The scene as a reader narrows it: filters and visibility (picking, labels
//! and emphasis ignore hidden items), a neighbourhood, a highlighted path,
//! the clockwise keyboard order, the path and text views, and the list of
//! entities inside the map.
#![allow(clippy::inconsistent_digit_grouping)] // days written as yyyy_mm_dd

use alliance_map::model::{EntityIx, RelationIx};
use alliance_map::scene::labels::{place_labels, Viewport};
use alliance_map::layout::LayoutConfig;
use alliance_map::pipeline::compile;
use alliance_map::query::filter::Filter;
use alliance_map::scene::{emphasis, Item, Scene};
use alliance_map::scene::spatial::clockwise_cmp;
use alliance_map::display::view::{counts_view, paths_view, timeline_view};
use alliance_map::model::vocab::RelationType;
use std::cmp::Ordering;

fn scene() -> Scene {
    Scene::new(compile(crate::seed::seed(), &LayoutConfig::default()))
}

fn keep_only(types: &[RelationType]) -> Filter {
    Filter { hidden_relation_types: RelationType::ALL.iter().copied().filter(|t| !types.contains(t)).collect(), ..Filter::default() }
}

#[test]
fn clockwise_order_starts_at_twelve_and_goes_right() {
    // Screen coordinates: y grows downwards.
    let compass = [(0.0, -1.0), (1.0, -1.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (-1.0, 1.0), (-1.0, 0.0), (-1.0, -1.0), (-0.01, -1.0)];
    for (i, a) in compass.iter().enumerate() {
        for (j, b) in compass.iter().enumerate() {
            assert_eq!(clockwise_cmp(*a, *b), i.cmp(&j), "{a:?} vs {b:?}");
        }
    }
    assert_eq!(clockwise_cmp((2.0, 0.0), (1.0, 0.0)), Ordering::Equal, "same direction");
}

#[test]
fn filtering_hides_items_from_the_visibility_views_picking_and_labels() {
    let mut s = scene();
    let (nodes_ptr, edges_ptr) = (s.node_visible.as_ptr(), s.edge_visible.as_ptr());
    assert!(s.node_visible.iter().chain(&s.edge_visible).all(|&v| v == 1), "everything shown at first");
    let keep = [RelationType::Owns, RelationType::Position];
    s.set_filter(&keep_only(&keep));
    assert_eq!((s.node_visible.as_ptr(), s.edge_visible.as_ptr()), (nodes_ptr, edges_ptr), "views stay valid: no reallocation");
    for (r, rel) in s.data.relations.iter().enumerate() {
        assert_eq!(s.edge_visible[r] == 1, keep.contains(&rel.kind));
    }
    // A hidden relation is never picked, even right on it.
    let hidden = s.edge_visible.iter().position(|&v| v == 0).unwrap();
    let rel = &s.data.relations[hidden];
    let (a, b) = (rel.from.ix(), rel.to.ix());
    let mid = ((s.positions[2 * a] + s.positions[2 * b]) / 2.0, (s.positions[2 * a + 1] + s.positions[2 * b + 1]) / 2.0);
    assert_ne!(s.pick(mid.0, mid.1, 2.0), Some(Item::Relation(RelationIx::at(hidden))));
    // Hide a kind: its entities cannot be picked and get no label.
    let csia = s.find("csia").unwrap();
    let kind = s.data.entity(csia).kind;
    s.set_filter(&Filter { hidden_kinds: vec![kind], ..Filter::default() });
    assert_eq!(s.node_visible[csia.ix()], 0);
    let (x, y) = (s.positions[2 * csia.ix()], s.positions[2 * csia.ix() + 1]);
    assert_eq!(s.pick(x, y, 0.0), None);
    let widths = vec![40.0; s.radii.len()];
    let b = s.bounds();
    let placed = place_labels(&s, &widths, 16.0, Viewport { x: b[0] - 50.0, y: b[1] - 50.0, zoom: 4.0, width: 8000.0, height: 8000.0 });
    assert!(!placed.is_empty());
    assert!(placed.iter().all(|p| s.node_visible[p.entity as usize] == 1), "no label for a hidden entity");
    s.set_filter(&Filter::default());
    assert!(s.node_visible.iter().chain(&s.edge_visible).all(|&v| v == 1), "an empty filter shows everything again");
}

#[test]
fn emphasis_spreads_only_along_shown_relations() {
    let mut s = scene();
    let huawei = s.find("huawei").unwrap();
    s.select(Some(Item::Entity(huawei)));
    let near = |s: &Scene| s.node_emphasis.iter().filter(|&&e| e == emphasis::NEAR).count();
    let all = near(&s);
    assert!(all >= 3);
    s.set_filter(&keep_only(&[RelationType::Owns]));
    assert!(near(&s) < all, "neighbours through hidden relations are not emphasised");
    for (r, &v) in s.edge_visible.iter().enumerate() {
        if v == 0 {
            assert_ne!(s.edge_emphasis[r], emphasis::NEAR, "hidden relation {r} emphasised");
        }
    }
    // A hidden selection emphasises nothing.
    let kind = s.data.entity(huawei).kind;
    s.set_filter(&Filter { hidden_kinds: vec![kind], ..Filter::default() });
    assert!(s.node_emphasis.iter().all(|&e| e == emphasis::NORMAL));
}

#[test]
fn a_neighbourhood_combines_with_the_filter() {
    let mut s = scene();
    let huawei = s.find("huawei").unwrap();
    s.set_area(Some((huawei, 1)));
    let shown: Vec<EntityIx> = EntityIx::range(s.radii.len()).filter(|&e| s.node_visible[e.ix()] == 1).collect();
    let mut expected = s.adjacency().neighbours(&s.data, huawei);
    expected.push(huawei);
    expected.sort_unstable();
    assert_eq!(shown, expected);
    for (r, rel) in s.data.relations.iter().enumerate() {
        let inside = s.node_visible[rel.from.ix()] == 1 && s.node_visible[rel.to.ix()] == 1;
        assert_eq!(s.edge_visible[r] == 1, inside);
    }
    s.set_filter(&keep_only(&[RelationType::Owns]));
    let owns_only = s.node_visible.iter().filter(|&&v| v == 1).count();
    assert!(owns_only < shown.len(), "the walk only crosses relations the filter shows");
    s.set_area(None);
    s.set_filter(&Filter::default());
    assert!(s.node_visible.iter().all(|&v| v == 1));
}

#[test]
fn a_highlighted_path_is_in_focus_and_the_rest_fades() {
    let mut s = scene();
    let a = s.find("auto-electronics-investment-alliance").unwrap();
    let b = s.find("csia").unwrap();
    let paths = s.paths(a, b, 3);
    let path = paths[0].clone();
    s.highlight_path(Some(&path));
    assert_eq!(s.node_emphasis[a.ix()], emphasis::FOCUS);
    assert_eq!(s.node_emphasis[b.ix()], emphasis::FOCUS);
    for &e in &path.entities[1..path.entities.len() - 1] {
        assert_eq!(s.node_emphasis[e.ix()], emphasis::NEAR);
    }
    for (r, &em) in s.edge_emphasis.iter().enumerate() {
        assert_eq!(em == emphasis::FOCUS, path.relations.contains(&RelationIx::at(r)));
    }
    let off_path = EntityIx::range(s.radii.len()).find(|e| !path.entities.contains(e)).unwrap();
    assert_eq!(s.node_emphasis[off_path.ix()], emphasis::FADED);
    // Hover wins while it lasts.
    s.hover(Some(Item::Entity(off_path)));
    assert_eq!(s.node_emphasis[off_path.ix()], emphasis::FOCUS);
    s.hover(None);
    assert_eq!(s.node_emphasis[off_path.ix()], emphasis::FADED);
    s.highlight_path(None);
    assert!(s.node_emphasis.iter().all(|&e| e == emphasis::NORMAL));
}

#[test]
fn paths_only_cross_shown_relations() {
    let mut s = scene();
    let a = s.find("auto-electronics-investment-alliance").unwrap();
    let b = s.find("csia").unwrap();
    let first = s.paths(a, b, 1)[0].clone();
    let used = s.data.relations[first.relations[0].ix()].kind;
    s.set_filter(&Filter { hidden_relation_types: vec![used], ..Filter::default() });
    for p in s.paths(a, b, 5) {
        assert!(p.relations.iter().all(|&r| s.edge_visible[r.ix()] == 1), "{p:?}");
    }
}

#[test]
fn neighbours_come_clockwise_from_twelve_o_clock() {
    let s = scene();
    let huawei = s.find("huawei").unwrap();
    let order = s.neighbours_in_order(huawei);
    let mut expected = s.adjacency().neighbours(&s.data, huawei);
    expected.sort_unstable();
    let mut sorted = order.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, expected, "every neighbour once");
    // Check with angles (the scene itself uses no trigonometry).
    let (x, y) = (s.positions[2 * huawei.ix()] as f64, s.positions[2 * huawei.ix() + 1] as f64);
    let angle = |e: EntityIx| {
        let (dx, dy) = (s.positions[2 * e.ix()] as f64 - x, s.positions[2 * e.ix() + 1] as f64 - y);
        let a = dx.atan2(-dy); // 0 at 12 o'clock, growing clockwise on screen
        if a < 0.0 { a + std::f64::consts::TAU } else { a }
    };
    let angles: Vec<f64> = order.iter().map(|&e| angle(e)).collect();
    assert!(angles.windows(2).all(|w| w[0] <= w[1]), "{angles:?}");
    assert!(s.neighbours_in_order(EntityIx(10_000)).is_empty());
}

#[test]
fn the_keyboard_starts_at_the_most_connected_shown_entity() {
    let mut s = scene();
    let hub = s.most_connected().unwrap();
    let n = s.radii.len();
    assert!(EntityIx::range(n).all(|e| s.degree(e) <= s.degree(hub)));
    s.set_filter(&Filter { hidden_kinds: vec![s.data.entity(hub).kind], ..Filter::default() });
    let next = s.most_connected().unwrap();
    assert_ne!(next, hub, "a hidden entity is never the start");
    assert!(EntityIx::range(n).filter(|&e| s.node_visible[e.ix()] == 1).all(|e| s.shown_degree(e) <= s.shown_degree(next)));
    s.set_filter(&Filter { hidden_kinds: alliance_map::model::vocab::EntityKind::ALL.to_vec(), ..Filter::default() });
    assert_eq!(s.most_connected(), None);
}

#[test]
fn hidden_neighbours_are_skipped_by_the_keyboard() {
    let mut s = scene();
    let huawei = s.find("huawei").unwrap();
    s.set_filter(&keep_only(&[RelationType::Owns, RelationType::JointVenturePartnerOf]));
    for e in s.neighbours_in_order(huawei) {
        assert_eq!(s.node_visible[e.ix()], 1);
    }
    assert_eq!(s.shown_degree(huawei), s.adjacency().incident(huawei).iter().filter(|&&r| s.edge_visible[r.ix()] == 1).count());
}

#[test]
fn path_and_text_views_cite_their_sources() {
    let s = scene();
    let a = s.find("auto-electronics-investment-alliance").unwrap();
    let b = s.find("csia").unwrap();
    let view = paths_view(&s.data, &s.paths(a, b, 3));
    let first = &view.paths[0];
    assert_eq!(first.sentences.len(), first.relations.len());
    assert_eq!(first.names.len(), first.entities.len());
    let text: Vec<&str> = first.sentences.iter().map(|x| x.text.as_str()).collect();
    assert!(text.iter().any(|t| t.contains("Changan")) && text.iter().any(|t| t.contains("Huawei")), "{text:?}");
    for sentence in &first.sentences {
        assert!(!sentence.cites.is_empty());
        assert!(sentence.cites.iter().all(|&c| (c as usize) < view.citations.len()));
    }
    let tv = s.text_view(0, usize::MAX);
    assert_eq!((tv.start, tv.total, tv.entities.len()), (0, s.data.entities.len(), s.data.entities.len()));
    assert_eq!(tv.citations.len(), s.data.sources.len(), "every source, in order");
    let changan = &tv.entities[(s.find("changan").unwrap()).ix()];
    assert!(changan.relations.iter().all(|r| !r.cites.is_empty() && r.cites.iter().all(|&c| (c as usize) < tv.citations.len())));
    let rel = &s.data.relations[changan.relations[0].relation.ix()];
    assert_eq!(changan.relations[0].cites, rel.sources.iter().map(|s| s.0).collect::<Vec<_>>(), "text-view citation numbers are source indices");
}

#[test]
fn the_text_view_comes_a_page_at_a_time_with_the_same_numbers() {
    let s = scene();
    let whole = s.text_view(0, usize::MAX);
    let page = s.text_view(40, 5);
    assert_eq!((page.start, page.total, page.entities.len()), (40, whole.total, 5));
    assert_eq!(page.entities[..], whole.entities[40..45], "a page is the same text as that part of the whole");
    assert_eq!(page.citations, whole.citations, "[n] means the same source on every page");
    let past = s.text_view(1000, 10);
    assert_eq!((past.start, past.entities.len()), (s.data.entities.len(), 0), "a page past the end is empty, not a panic");
}

#[test]
fn counts_and_timeline_views_describe_the_filters() {
    let data = crate::seed::seed();
    let counts = counts_view(&data);
    assert_eq!(counts.relation_types.iter().map(|t| t.count).sum::<u32>() as usize, data.relations.len());
    assert!(counts.relation_types.iter().all(|t| t.count > 0));
    assert_eq!(counts.sources.len(), data.sources.len());
    let stops = timeline_view(&data);
    assert!(stops.iter().any(|s| s.label == "2023-09-27" && s.day == 2023_09_27 && s.text == "2023-09-27"));
    assert!(stops.windows(2).all(|w| w[0].day < w[1].day));
    // The first stop is the day before anything dated: the alliance is not there yet.
    let first = &stops[0];
    assert_eq!((first.label.as_str(), first.text.as_str(), first.day), ("before-2023-09-26", "Before 2023-09-26", 2023_09_25));
    let alliance = (data.entity_ix("auto-electronics-investment-alliance").unwrap()).ix();
    let (nodes, _) = alliance_map::query::filter::visibility(&data, &Filter { as_of: Some(first.day), ..Filter::default() });
    assert_eq!(nodes[alliance], 0);
}

#[test]
fn the_list_inside_the_map_names_every_shown_entity_most_connected_first() {
    let mut s = scene();
    let n = s.radii.len();
    let list = s.entity_list(500);
    assert_eq!((list.shown, list.entities.len()), (n, n), "every entity of the seed, once");
    let degrees: Vec<usize> = list.entities.iter().map(|&e| s.degree(e)).collect();
    assert!(list.entities.windows(2).all(|w| (std::cmp::Reverse(s.degree(w[0])), w[0]) < (std::cmp::Reverse(s.degree(w[1])), w[1])), "degree, then index: {degrees:?}");
    // A filter takes its hidden entities out; the order of the rest stays.
    let csia = s.find("csia").unwrap();
    s.set_filter(&Filter { hidden_kinds: vec![s.data.entity(csia).kind], ..Filter::default() });
    let filtered = s.entity_list(500);
    let shown: Vec<EntityIx> = list.entities.iter().copied().filter(|e| s.node_visible[e.ix()] == 1).collect();
    assert!(filtered.shown < n && !filtered.entities.contains(&csia));
    assert_eq!((filtered.shown, filtered.entities), (shown.len(), shown));
}

#[test]
fn a_capped_list_keeps_the_selection_and_the_path_wherever_they_rank() {
    let mut s = scene();
    let top: Vec<EntityIx> = s.entity_list(usize::MAX).entities;
    let capped = s.entity_list(5);
    assert_eq!((capped.shown, &capped.entities[..]), (s.radii.len(), &top[..5]), "the five most connected");
    let last = *top.last().unwrap();
    s.select(Some(Item::Entity(last)));
    assert_eq!(s.entity_list(5).entities, [&top[..5], &[last]].concat(), "the selection, after the five");
    let a = s.find("auto-electronics-investment-alliance").unwrap();
    let b = s.find("csia").unwrap();
    let path = s.paths(a, b, 1)[0].clone();
    s.highlight_path(Some(&path));
    let listed = s.entity_list(1).entities;
    assert!(path.entities.iter().chain([&last]).all(|e| listed.contains(e)), "{listed:?} holds {path:?}");
    let in_order: Vec<EntityIx> = top.iter().copied().filter(|e| listed.contains(e)).collect();
    assert_eq!(listed, in_order, "still most connected first");
    assert_eq!(s.entity_list(0).entities.len(), path.entities.len() + 1, "cap 0: only what the map marks");
    // A hidden selection is not on the map, so not in the list.
    s.highlight_path(None);
    s.set_filter(&Filter { hidden_kinds: vec![s.data.entity(last).kind], ..Filter::default() });
    assert!(!s.entity_list(0).entities.contains(&last));
}
