//! A story's steps as readers get them, natively: the seed's six steps
//! each show what they say (the selection, the path found through the
//! step's own filter, the highlights, all named), captions keep their
//! hedges and cite their sources, the text view's words and the static
//! picture say the same, the first frame reads only how many steps there
//! are, and the TOML writer keeps every field.

use alliance_map::compiled::{decode, encode, for_drawing};
use alliance_map::display::story::{step_figure, steps_view};
use alliance_map::display::style::LIGHT;
use alliance_map::display::svg::to_svg;
use alliance_map::display::{fit_view, Shape};
use alliance_map::scene::labels::place_labels;
use alliance_map::scene::story::StepCamera;
use alliance_map::scene::{emphasis, Item, Scene};

fn seed_scene() -> Scene {
    Scene::new(alliance_map::pipeline::compile(crate::seed::seed(), &Default::default()))
}

fn widths(scene: &Scene) -> Vec<f32> {
    scene.data.entities.iter().map(|e| 7.0 * e.label().chars().count() as f32).collect()
}

#[test]
fn each_seed_step_selects_finds_and_names_what_it_says() {
    let mut scene = seed_scene();
    let id = |s: &Scene, e: u32| s.data.entities[e as usize].id.clone();
    assert_eq!(scene.data.steps.len(), 6, "the seed's story has six steps");
    scene.show_step(2).expect("step 3");
    assert_eq!(scene.selected().map(|i| if let Item::Entity(e) = i { id(&scene, e.0) } else { String::new() }), Some("huawei-changan-jv".into()));
    scene.show_step(3).expect("step 4");
    let path: Vec<String> = scene.path().expect("step 4 has a path").entities.iter().map(|e| id(&scene, e.0)).collect();
    assert_eq!(path, ["changan-capital", "changan", "huawei"], "the alliance member to Huawei, through Changan");
    let view = fit_view(&scene, 1280.0, 800.0);
    let named: Vec<String> = place_labels(&scene, &widths(&scene), 16.0, view).iter().map(|p| id(&scene, p.entity)).collect();
    for e in &path {
        assert!(named.contains(e), "{e}, on step 4's path, is named: {named:?}");
    }
    scene.show_step(5).expect("step 6");
    for e in ["us-government", "smic"] {
        let ix = scene.find(e).unwrap();
        assert_eq!(scene.node_emphasis[ix.ix()], emphasis::FOCUS, "{e} is highlighted at step 6");
    }
    let faded = scene.node_emphasis.iter().filter(|&&e| e == emphasis::FADED).count();
    assert!(faded > 30, "the rest fades: {faded} of 47");
    scene.show_step(0).expect("step 1");
    assert!(scene.path().is_none(), "step 1 clears step 6's path");
    assert_eq!(scene.edge_visible.iter().filter(|&&v| v == 1).count(), 25, "step 1 shows only the alliance's founding, initiators, summit and positions");
    assert!(scene.show_step(6).is_none(), "there is no step 7");
}

#[test]
fn captions_keep_their_hedges_cite_their_sources_and_say_what_each_step_shows() {
    let scene = seed_scene();
    let steps = steps_view(&scene.data, scene.adjacency());
    let caption: String = steps[2].parts.iter().map(|p| p.text.as_str()).collect();
    assert!(caption.ends_with("which is expected to hold up to 40% of it [1]."), "{caption}");
    assert_eq!(steps[2].citations.len(), 1);
    assert_eq!(steps[2].citations[0].id, "smart-vehicle-jv");
    assert_eq!(steps[3].citations.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), ["jw-insights-2023-09-28", "smart-vehicle-jv"]);
    assert!(steps[3].shows.starts_with("Path from Changan Capital to Huawei Technologies: "), "{}", steps[3].shows);
    assert_eq!(steps[0].hidden_types.len(), alliance_map::model::vocab::RelationType::ALL.len() - 4, "step 1 hides all but its four types");
    assert_eq!(steps[2].notes[0].about, "Changan Automobile → Huawei–Changan smart-car venture");
}

#[test]
fn a_steps_picture_fades_the_rest_and_carries_its_caption_and_sources() {
    let mut scene = seed_scene();
    let w = widths(&scene);
    let list = step_figure(&mut scene, 5, 960.0, 600.0, &w, 16.0, LIGHT).expect("step 6");
    let svg = to_svg(&list);
    let words: Vec<&str> = list.marks.iter().filter_map(|m| if let alliance_map::display::figure::Mark::Text { text, .. } = m { Some(text.as_str()) } else { None }).collect();
    let header = words.join(" ");
    assert!(header.contains("Step 6 of 6: Huawei's seat at the chip table"), "the heading: {header}");
    assert!(header.contains("restricts both Huawei and SMIC [3]."), "the caption, citing the third source as the footer numbers it: {header}");
    assert!(list.citations.iter().any(|c| c.starts_with("[3] “China Chip Industry Group")), "{:?}", list.citations);
    let faded = list.shapes.iter().filter(|s| matches!(s, Shape::Node { faded: true, .. })).count();
    assert!(faded > 20 && svg.contains("opacity=\"0.3\""), "what the step is not about is drawn faded: {faded}");
    // A fitted step zooms in on its subject, never past 4x the whole map's fit.
    let whole = fit_view(&scene, 960.0, 600.0).zoom;
    match scene.step_camera(&scene.data.steps[2].clone()) {
        StepCamera::Fit { .. } => {}
        other => panic!("step 3 fits its subject: {other:?}"),
    }
    let view = alliance_map::display::story::step_viewport(&scene, scene.step_camera(&scene.data.steps[2].clone()), 960.0, 600.0);
    assert!(view.zoom > whole && view.zoom <= 4.0 * whole + 1e-3, "{} vs whole {whole}", view.zoom);
    // …and only until its biggest circle is 40 px: a subject among its neighbours, not a few discs.
    for step in scene.data.steps.clone() {
        scene.show_step(scene.data.steps.iter().position(|s| s == &step).unwrap());
        if let StepCamera::Fit { r_max, .. } = scene.step_camera(&step) {
            let view = alliance_map::display::story::step_viewport(&scene, scene.step_camera(&step), 960.0, 600.0);
            assert!(view.zoom * r_max <= 40.0 + 1e-3 || (view.zoom - whole).abs() < 1e-4, "“{}”: its biggest circle drawn {} px", step.title, view.zoom * r_max);
        }
    }
}

#[test]
fn a_steps_notes_are_placed_on_the_map_beside_what_they_are_about_in_its_picture() {
    let mut scene = seed_scene();
    let w = widths(&scene);
    let list = step_figure(&mut scene, 1, 960.0, 600.0, &w, 16.0, LIGHT).expect("step 2");
    let notes: Vec<(f32, f32)> = list.shapes.iter().filter_map(|s| if let Shape::Label { x, y, lines, .. } = s { (lines[0] == "Note: Initiator, founding member and the article's publisher").then_some((*x, *y)) } else { None }).collect();
    assert_eq!(notes.len(), 1, "step 2's note is drawn once");
    assert!(scene.notes().len() == 1 && scene.notes()[0].text.starts_with("Note: "), "the scene keeps the step's note for the label pass");
    // Beside JW Insights: within a few label heights of its circle.
    let jw = scene.find("jw-insights").unwrap().ix();
    let step = scene.data.steps[1].clone();
    let view = alliance_map::display::story::step_viewport(&scene, scene.step_camera(&step), 960.0, 600.0);
    let node = ((scene.positions[2 * jw] - view.x) * view.zoom, (scene.positions[2 * jw + 1] - view.y) * view.zoom + list.map[1]);
    let width = alliance_map::display::figure::text_width(&scene.notes()[0].text, 12.0);
    // From the circle's edge, not its centre.
    let gap = (notes[0].0 - node.0).max(node.0 - (notes[0].0 + width)).max(0.0) - scene.radii[jw] * view.zoom;
    assert!(gap < 48.0 && (notes[0].1 - node.1).abs() < 80.0, "the note's box sits by JW Insights' circle: {gap} px across, {} px down", notes[0].1 - node.1);
}

#[test]
fn the_first_frame_reads_only_how_many_steps_there_are_and_the_full_form_all_of_them() {
    let compiled = alliance_map::pipeline::compile(crate::seed::seed(), &Default::default());
    let cut = for_drawing(&compiled);
    assert_eq!(cut.dataset.steps.len(), 6);
    assert!(cut.dataset.steps.iter().all(|s| s.title.is_empty()), "the first frame's cut keeps blank steps: their number");
    assert_eq!(decode(&encode(&compiled)).unwrap().dataset.steps, compiled.dataset.steps, "the full form round-trips every step");
}

#[test]
fn render_draws_one_step_and_names_the_steps_there_are_when_asked_for_another() {
    use crate::cli::run;
    let out = run(&["render", "data/seed.toml", "--step", "3"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let svg = String::from_utf8(out.stdout).unwrap();
    assert!(svg.starts_with("<svg") && svg.contains("Step 3 of 6: Huawei and Changan plan a smart-car venture"), "the step's picture with its heading");
    let out = run(&["render", "data/seed.toml", "--step", "9"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("error: --step 9: the story has 6 steps\nhelp: give a step from 1 to 6"), "{}", String::from_utf8_lossy(&out.stderr));
    let out = run(&["render", "tests/fixtures/docs_example.toml", "--step", "1"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("the story has 0 steps\nhelp: add `[[step]]` tables"), "{}", String::from_utf8_lossy(&out.stderr));
}
