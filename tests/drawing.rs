//! How a map is drawn, as a reader sees it: an undirected tie has no
//! arrowhead, an imported network of one kind is coloured by its
//! communities (named in the legend by their most connected member), a big
//! map's overview names every big community, and long ties are faded.

use alliance_map::compiled::for_drawing;
use alliance_map::display::style::{GROUP_COLORS, LIGHT, OTHER_GROUP};
use alliance_map::display::{display_list, fit_view, svg::to_svg, Shape};
use alliance_map::formats::import::{import_with, Format, ImportOptions, Input};
use alliance_map::model::Dataset;
use alliance_map::scene::labels::place_labels;
use alliance_map::scene::{edge_flag, legend_json, Scene};

fn corpus_file(name: &str) -> Dataset {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import-corpus/").to_string() + name;
    let text = std::fs::read_to_string(&path).unwrap();
    let checked = import_with(Format::from_path(name).unwrap(), &[Input { name, text: &text }], ImportOptions::default());
    checked.dataset.unwrap_or_else(|| panic!("{name}: {:#?}", checked.diagnostics))
}

fn scene_of(data: Dataset) -> Scene {
    Scene::new(alliance_map::pipeline::compile(data, &Default::default()))
}

fn widths(scene: &Scene) -> Vec<f32> {
    scene.data.entities.iter().map(|e| 7.0 * e.label().chars().count() as f32).collect()
}

#[test]
fn an_undirected_network_is_drawn_without_arrowheads_from_the_first_frame_on() {
    // Les Misérables as Gephi saves it: defaultedgetype="undirected".
    let scene = scene_of(corpus_file("gephi-les-miserables.gexf"));
    assert!(scene.edge_flags.iter().all(|f| f & edge_flag::UNDIRECTED != 0), "every tie of the undirected graph");
    let svg = to_svg(&display_list(&scene, fit_view(&scene, 1200.0, 800.0), &widths(&scene), 16.0, LIGHT));
    let map = &svg[svg.find("class=\"am-map\"").unwrap()..];
    assert!(map.matches("<line").count() > 200, "the ties are drawn");
    assert!(!map.contains("marker-end"), "no arrowhead on an undirected tie");
    // The first frame draws from the cut it embeds: the same flags.
    let compiled = alliance_map::pipeline::compile(corpus_file("gephi-les-miserables.gexf"), &Default::default());
    assert_eq!(Scene::new(for_drawing(&compiled)).edge_flags, scene.edge_flags);
    // A directed map keeps its arrows.
    let seed = scene_of(crate::seed::seed());
    assert!(seed.edge_flags.iter().all(|f| f & edge_flag::UNDIRECTED == 0));
}

#[test]
fn a_network_of_one_kind_is_coloured_by_community_and_the_legend_names_each_group() {
    let scene = scene_of(corpus_file("gephi-les-miserables.gexf"));
    assert!(alliance_map::scene::colour_by_group(&scene.data, &scene.communities));
    let list = display_list(&scene, fit_view(&scene, 1200.0, 800.0), &widths(&scene), 16.0, LIGHT);
    let fills: std::collections::BTreeSet<&str> = list.shapes.iter().filter_map(|s| if let Shape::Node { color, .. } = s { Some(*color) } else { None }).collect();
    assert!(fills.iter().all(|c| GROUP_COLORS.contains(c) || *c == OTHER_GROUP), "{fills:?}");
    assert_eq!(fills.iter().filter(|c| GROUP_COLORS.contains(c)).count(), GROUP_COLORS.len(), "the five biggest groups, each in its colour: {fills:?}");
    let legend = legend_json(&scene);
    let json: serde_json::Value = serde_json::from_str(&legend).unwrap();
    let groups = json["groups"].as_array().expect("a legend of groups");
    assert_eq!(groups[0]["name"], "Gavroche", "the biggest group is named by its most connected member: {legend}");
    assert!(groups.iter().any(|g| g["name"] == "Valjean"), "{legend}");
    let total: u64 = groups.iter().map(|g| g["count"].as_u64().unwrap()).sum();
    assert_eq!(total, 77, "every character is in one row: {legend}");
    let svg = to_svg(&list);
    assert!(svg.contains("Valjean\u{2069}’s group ("), "the exported figure's legend names the groups too");
}

#[test]
fn a_map_of_many_kinds_keeps_its_kind_colours() {
    let scene = scene_of(crate::seed::seed());
    assert!(scene.communities.is_empty(), "47 entities of nine kinds: no groups to find");
    assert!(!legend_json(&scene).contains("groups"));
    assert_eq!(scene.node_color, scene.node_kind);
}

#[test]
fn the_overview_of_a_big_map_names_every_big_community() {
    let data = alliance_map::synth::dataset(3000, 6000, 7);
    let scene = scene_of(data);
    assert_eq!(scene.communities.len(), 3000, "found at build time from 1,000 entities on");
    let placed = place_labels(&scene, &widths(&scene), 16.0, fit_view(&scene, 1280.0, 800.0));
    let named: std::collections::BTreeSet<u32> = placed.iter().map(|p| scene.communities[p.entity as usize]).collect();
    let biggest = 10;
    let missing: Vec<u32> = (0..biggest).filter(|c| !named.contains(c)).collect();
    assert!(missing.is_empty(), "communities {missing:?} of the {biggest} biggest have no name on the overview ({} labels)", placed.len());
}

#[test]
fn ties_between_communities_are_faded_in_big_maps_only() {
    let scene = scene_of(alliance_map::synth::dataset(3000, 6000, 7));
    let faint = |e: usize| scene.edge_flags[e] & edge_flag::FAINT != 0;
    let m = scene.edge_flags.len();
    let between = |e: usize| scene.communities[scene.edge_ends[2 * e] as usize] != scene.communities[scene.edge_ends[2 * e + 1] as usize];
    assert!((0..m).all(|e| !between(e) || faint(e)), "every tie between two communities is faint");
    let kept = (0..m).filter(|&e| !faint(e)).count();
    assert!(kept * 4 > m, "{kept} of {m} ties, those inside a community, are drawn as strong as ever");
    assert!(scene_of(crate::seed::seed()).edge_flags.iter().all(|f| f & edge_flag::FAINT == 0), "the seed's 60-odd ties are all drawn alike");
}

#[test]
fn several_ties_between_one_pair_are_separate_curves_each_of_which_a_click_picks() {
    let scene = scene_of(crate::seed::seed());
    let id = |s: &str| scene.find(s).unwrap().ix();
    let (changan, jv) = (id("changan"), id("huawei-changan-jv"));
    let ties: Vec<usize> = (0..scene.edge_bend.len())
        .filter(|&r| {
            let (a, b) = (scene.edge_ends[2 * r] as usize, scene.edge_ends[2 * r + 1] as usize);
            (a, b) == (changan, jv) || (a, b) == (jv, changan)
        })
        .collect();
    assert_eq!(ties.len(), 2, "Changan holds a share of the venture and is its partner");
    assert_ne!(scene.edge_bend[ties[0]], scene.edge_bend[ties[1]], "drawn apart");
    let point = |e: usize| (scene.positions[2 * e], scene.positions[2 * e + 1]);
    for &r in &ties {
        let (a, b) = (scene.edge_ends[2 * r] as usize, scene.edge_ends[2 * r + 1] as usize);
        let c = alliance_map::scene::drawing::control_point(point(a), point(b), scene.edge_bend[r]);
        let mid = ((point(a).0 + 2.0 * c.0 + point(b).0) / 4.0, (point(a).1 + 2.0 * c.1 + point(b).1) / 4.0);
        assert_eq!(scene.pick(mid.0, mid.1, 3.0), Some(alliance_map::scene::Item::Relation(alliance_map::model::RelationIx(r as u32))), "the middle of curve {r} picks it");
    }
    // The exported figure draws them as curves too.
    let svg = to_svg(&display_list(&scene, fit_view(&scene, 1200.0, 800.0), &widths(&scene), 16.0, LIGHT));
    assert_eq!(svg.matches(" Q").count(), 6, "three pairs of ties in the seed, each pair two curves");
    let single = (0..scene.edge_bend.len()).filter(|&r| scene.edge_bend[r] == 0).count();
    assert_eq!(single, scene.edge_bend.len() - 6, "every other tie stays straight");
}
