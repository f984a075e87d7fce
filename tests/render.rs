//! The SVG figure of the whole map: every entity drawn, labels as text that
//! never overlap; a header (title, as-of date, legend of what is shown) and
//! a footer (credit, citations) in bands of their own, escaped whatever the
//! data holds; the PNG painter's list says the same; the canvas palette
//! matches Rust's.

use alliance_map::display::{display_list, fit_view, humanize, DisplayList, Shape};
use alliance_map::display::figure::Mark;
use alliance_map::query::filter::Filter;
use alliance_map::scene::Scene;
use alliance_map::display::style::{Theme, DARK, KIND_COLORS, LIGHT, RELATION_COLORS};
use alliance_map::model::vocab::{EntityKind, RelationType};

#[test]
fn the_seed_renders_every_entity_with_text_labels_and_citations() {
    let scene = Scene::new(alliance_map::pipeline::compile(crate::seed::seed(), &Default::default()));
    let widths: Vec<f32> = scene.data.entities.iter().map(|e| 7.0 * e.label().chars().count() as f32).collect();
    let list = display_list(&scene, fit_view(&scene, 1200.0, 800.0), &widths, 16.0, LIGHT);
    let nodes = list.shapes.iter().filter(|s| matches!(s, Shape::Node { .. })).count();
    assert_eq!(nodes, scene.data.entities.len());
    assert_eq!(list.citations.len(), 3);
    let svg = alliance_map::display::svg::to_svg(&list);
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.contains(">CSIA</text>") || svg.contains(">China Semiconductor Industry Association</text>"));
    assert!(svg.contains("[1] JW Insights, “Chinese automakers establishes Automotive Electronics Industry Investment Alliance”, Kate Yuan, September 28, year not stated"));
    assert_eq!(map_part(&svg).matches("<circle").count(), nodes);
    // The arm-to-parent links are the editor's inference: drawn dotted, as in the widget.
    assert_eq!(map_part(&svg).matches("stroke-dasharray=\"1.5 3\"").count(), 9, "the nine inferred arm-to-parent links");
}

/// The map's band of an SVG figure (its nested `<svg>`): what `to_svg` wrote from the shapes.
fn map_part(svg: &str) -> &str {
    let start = svg.find("<svg class=\"am-map\"").expect("the map band");
    &svg[start..start + svg[start..].find("</svg>").unwrap()]
}

#[test]
fn the_canvas_palette_matches_the_svg_palette() {
    let js = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/palette.js")).unwrap();
    let colours = |name: &str| -> Vec<String> {
        let start = js.find(&format!("export const {name} = [")).unwrap_or_else(|| panic!("{name} in palette.js"));
        let body = &js[start..start + js[start..].find("];").unwrap()];
        body.split('\'').skip(1).step_by(2).map(String::from).collect()
    };
    assert_eq!(colours("KIND_COLORS"), KIND_COLORS);
    assert_eq!(colours("RELATION_COLORS"), RELATION_COLORS);
    assert_eq!(colours("GROUP_COLORS"), alliance_map::display::style::GROUP_COLORS);
    assert!(js.contains(&format!("export const OTHER_GROUP = '{}';", alliance_map::display::style::OTHER_GROUP)));
    assert_eq!(KIND_COLORS.len(), EntityKind::ALL.len());
    assert_eq!(RELATION_COLORS.len(), RelationType::ALL.len());
    let start = js.find("export const RELATION_MARKERS = [").expect("RELATION_MARKERS in palette.js") + "export const RELATION_MARKERS = [".len();
    let markers: Vec<u8> = js[start..start + js[start..].find(']').unwrap()].split(',').map(|m| m.trim().parse().unwrap()).collect();
    assert_eq!(markers, alliance_map::display::style::RELATION_MARKERS, "palette.js's arrowheads are the SVG's");
    assert_eq!(markers.len(), RelationType::ALL.len());
}

#[test]
fn relation_types_of_one_colour_have_different_arrowheads() {
    use alliance_map::display::style::RELATION_MARKERS;
    let mut seen = std::collections::HashSet::new();
    for (t, (colour, marker)) in RELATION_COLORS.iter().zip(RELATION_MARKERS).enumerate() {
        assert!(seen.insert((colour, marker)), "{} shares its colour {colour} and arrowhead {marker} with another type", RelationType::ALL[t].key());
    }
}

#[test]
fn the_png_painters_display_list_holds_what_the_svg_shows() {
    let mut data = crate::seed::seed();
    data.entities[0].name = "Quote \" backslash \\ newline \n <b>".into();
    let scene = Scene::new(alliance_map::pipeline::compile(data, &Default::default()));
    let widths: Vec<f32> = scene.data.entities.iter().map(|e| 7.0 * e.label().chars().count() as f32).collect();
    let list = display_list(&scene, fit_view(&scene, 1200.0, 800.0), &widths, 16.0, LIGHT);
    let svg = alliance_map::display::svg::to_svg(&list);
    let json: serde_json::Value = serde_json::from_str(&alliance_map::display::json::to_json(&list)).expect("valid JSON");
    let shapes = json["shapes"].as_array().unwrap();
    let count = |kind: &str| shapes.iter().filter(|s| s[0] == kind).count();
    assert_eq!(count("node"), map_part(&svg).matches("<circle").count());
    assert_eq!(count("edge"), map_part(&svg).matches("marker-end=").count());
    let curves = map_part(&svg).matches(" Q").count();
    assert_eq!(count("edge") + count("leader"), map_part(&svg).matches("<line").count() + curves, "the other lines are leaders; parallel ties are curves");
    assert_eq!(count("label"), list.shapes.iter().filter(|s| matches!(s, Shape::Label { .. })).count());
    let labels: Vec<&str> = shapes.iter().filter(|s| s[0] == "label").map(|s| s[3].as_str().unwrap()).collect();
    let expected: Vec<String> = list.shapes.iter().filter_map(|s| if let Shape::Label { lines, .. } = s { Some(lines.join("\n")) } else { None }).collect();
    assert_eq!(labels, expected, "label text exactly, whatever it holds");
    assert!(labels.iter().any(|l| l.replace('\n', " ").contains("\" backslash \\ newline   <b>")), "a line break in a name is drawn as a space: {labels:?}");
    let marks = json["marks"].as_array().unwrap();
    assert_eq!(marks.len(), list.marks.len());
    let texts: Vec<&str> = marks.iter().filter(|m| m[0] == "text").map(|m| m[6].as_str().unwrap()).collect();
    let expected: Vec<&str> = list.marks.iter().filter_map(|m| if let Mark::Text { text, .. } = m { Some(text.as_str()) } else { None }).collect();
    assert_eq!(texts, expected, "title, legend, credit and citations");
    assert!(list.citations.iter().all(|c| texts.contains(&c.as_str())));
    assert_eq!(json["map"].as_array().unwrap().iter().map(|v| v.as_f64().unwrap() as f32).collect::<Vec<_>>(), list.map);
    let svg_height = svg.split("height=\"").nth(1).and_then(|h| h.split('"').next()).unwrap();
    assert_eq!(json["height"].as_f64().unwrap(), svg_height.parse::<f64>().unwrap(), "same size as the SVG");
}

// ---------------------------------------------------------------------------
// The figure around the map: title, as-of date, legend, credit
// ---------------------------------------------------------------------------

/// The figure of the whole map, as `alliance-map render` draws it.
fn figure(scene: &Scene, theme: Theme) -> DisplayList {
    let widths: Vec<f32> = scene.data.entities.iter().map(|e| 7.0 * e.label().chars().count() as f32).collect();
    display_list(scene, fit_view(scene, 1200.0, 800.0), &widths, 16.0, theme)
}

/// The text of every `<text>` element, entities resolved; panics unless `svg`
/// is well-formed XML (balanced, quoted, only the five named entities).
fn svg_texts(svg: &str) -> Vec<String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(svg);
    let (mut depth, mut texts, mut current): (i32, Vec<String>, Option<String>) = (0, Vec::new(), None);
    loop {
        let event = reader.read_event().unwrap_or_else(|e| panic!("not well-formed at byte {}: {e}", reader.error_position()));
        match event {
            Event::Start(e) | Event::Empty(e) if depth == 0 && e.name().as_ref() != b"svg" => panic!("a second root element"),
            _ => {}
        }
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                for a in e.attributes() {
                    let a = a.unwrap_or_else(|err| panic!("bad attribute at byte {}: {err}", reader.buffer_position()));
                    a.unescape_value().expect("attribute value with known entities only");
                }
            }
            _ => {}
        }
        match event {
            Event::Start(e) => {
                depth += 1;
                if e.name().as_ref() == b"text" {
                    current = Some(String::new());
                }
            }
            Event::Empty(_) => {}
            Event::End(e) => {
                depth -= 1;
                if e.name().as_ref() == b"text" {
                    texts.push(current.take().expect("text open"));
                }
            }
            Event::Text(t) => {
                let t = t.decode().expect("UTF-8 text");
                assert!(!t.contains('<') && !t.contains('&'), "raw markup in text: {t}");
                if let Some(c) = current.as_mut() {
                    c.push_str(&t);
                }
            }
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref().expect("a valid character reference") {
                    Some(c) => c,
                    None => match r.decode().expect("UTF-8").as_ref() {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        other => panic!("undefined entity &{other};"),
                    },
                };
                if let Some(cur) = current.as_mut() {
                    cur.push(c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(depth, 0, "every element closed");
    texts
}

/// The widget's legend for the whole map (`legend_json`), as the figure words it.
fn widget_legend(scene: &Scene) -> Vec<String> {
    let legend: serde_json::Value = serde_json::from_str(&alliance_map::scene::legend_json(scene)).unwrap();
    ["kinds", "relations"].iter().flat_map(|k| legend[k].as_array().unwrap().iter().map(|e| humanize(e["key"].as_str().unwrap())).collect::<Vec<_>>()).collect()
}

/// Header marks lie above the map's band, footer marks below it.
fn assert_bands_clear_of_the_map(list: &DisplayList) {
    let [_, top, _, height] = list.map;
    let (mut above, mut below) = (0, 0);
    for m in &list.marks {
        let (y, half) = match m {
            Mark::Text { y, size, .. } => (*y, size * 0.7),
            Mark::Dot { y, r, .. } => (*y, *r),
            Mark::Line { y, .. } => (*y, 2.0),
        };
        if y < top {
            assert!(y + half <= top, "{m:?} reaches into the map (top {top})");
            above += 1;
        } else {
            assert!(y - half >= top + height && y + half <= list.height, "{m:?} is not in the footer band");
            below += 1;
        }
    }
    assert!(above > 0 && below > 0, "a header and a footer");
    for s in &list.shapes {
        if let Shape::Node { y, .. } | Shape::Label { y, .. } = s {
            assert!(*y >= top && *y <= top + height, "{s:?} outside the map band");
        }
    }
}

#[test]
fn the_seed_figure_has_its_title_legend_credit_and_is_well_formed_xml() {
    let scene = Scene::new(alliance_map::pipeline::compile(crate::seed::seed(), &Default::default()));
    let list = figure(&scene, LIGHT);
    let svg = alliance_map::display::svg::to_svg(&list);
    let texts = svg_texts(&svg);
    assert_eq!(texts[texts.len() - 1], "Made with alliance-map");
    assert!(texts.contains(&"Industry alliances in Chinese cars and chips".to_string()), "the title: {texts:?}");
    let legend = widget_legend(&scene);
    assert!(legend.len() > 5 && legend.contains(&"Founding member of".to_string()), "{legend:?}");
    for entry in legend.iter().map(String::as_str).chain(["Announced or proposed", "Inferred by the editor"]) {
        assert!(texts.iter().any(|t| t == entry), "legend entry {entry:?} in {texts:?}");
    }
    let legend_dots = list.marks.iter().filter(|m| matches!(m, Mark::Dot { .. })).count();
    assert_eq!(legend_dots, widget_legend(&scene).len() - RelationType::ALL.iter().filter(|t| scene.edge_kind.contains(&t.index())).count());
    let credit = texts.iter().find(|t| t.starts_with("Sources: ")).expect("a credit line");
    assert!(credit.starts_with("Sources: JW Insights (September 28, year not stated); “Huawei"), "{credit}");
    assert!(!texts.iter().any(|t| t.starts_with("As of")), "no as-of line unless a date is set");
    assert!(texts.iter().any(|t| t.starts_with("[1] JW Insights, “Chinese automakers")), "the citations stay");
    assert_bands_clear_of_the_map(&list);
    assert!(svg.contains("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"));
}

#[test]
fn the_as_of_date_set_on_the_map_heads_the_figure() {
    let mut scene = Scene::new(alliance_map::pipeline::compile(crate::seed::seed(), &Default::default()));
    let stops = alliance_map::display::view::timeline_view(&scene.data);
    scene.set_filter(&Filter { as_of: Some(stops[1].day), ..Default::default() });
    let list = figure(&scene, LIGHT);
    let texts = svg_texts(&alliance_map::display::svg::to_svg(&list));
    assert_eq!(texts[1], format!("As of {}", stops[1].text), "under the title: {texts:?}");
    // Only what that date shows is in the legend: fewer relation types than the whole map.
    let lines = list.marks.iter().filter(|m| matches!(m, Mark::Line { .. })).count();
    let all = figure(&Scene::new(alliance_map::pipeline::compile(crate::seed::seed(), &Default::default())), LIGHT);
    assert!(lines < all.marks.iter().filter(|m| matches!(m, Mark::Line { .. })).count(), "the legend follows the view");
    assert_bands_clear_of_the_map(&list);
    scene.set_filter(&Filter { as_of: Some(stops[0].day), ..Default::default() });
    assert_eq!(svg_texts(&alliance_map::display::svg::to_svg(&figure(&scene, LIGHT)))[1], stops[0].text, "\"Before …\" as the slider says");
}

#[test]
fn a_dark_figure_draws_on_the_dark_background_in_the_same_layout() {
    let scene = Scene::new(alliance_map::pipeline::compile(crate::seed::seed(), &Default::default()));
    let (light, dark) = (figure(&scene, LIGHT), figure(&scene, DARK));
    let svg = alliance_map::display::svg::to_svg(&dark);
    svg_texts(&svg);
    assert!(svg.contains(&format!("fill=\"{}\"/>", DARK.background)) && !svg.contains("#ffffff"), "no light colour left");
    assert!(dark.marks.iter().any(|m| matches!(m, Mark::Text { color, .. } if *color == DARK.text)));
    assert_eq!((light.height, light.map, light.shapes.len(), light.marks.len()), (dark.height, dark.map, dark.shapes.len(), dark.marks.len()));
}

#[test]
fn a_figure_of_hostile_strings_stays_escaped_and_bounded() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hostile.toml")).unwrap();
    let mut data = alliance_map::check::check(&text).dataset.unwrap();
    data.meta.title = format!("{} & \"quotes\" \u{1} {}", data.meta.title, "long ".repeat(100_000));
    data.sources[0].publisher.push_str(" ]]> <!-- &amp; \u{202E}");
    let scene = Scene::new(alliance_map::pipeline::compile(data, &Default::default()));
    let list = figure(&scene, LIGHT);
    let svg = alliance_map::display::svg::to_svg(&list);
    assert!(!svg.contains("<script") && !svg.contains("<b ") && !svg.contains("<!--"), "markup from data is escaped");
    let texts = svg_texts(&svg);
    assert!(texts[0].starts_with("<script>alert('title')</script> & \"quotes\" \u{FFFD} long"), "{:?}", &texts[0]);
    let title_lines = list.marks.iter().filter(|m| matches!(m, Mark::Text { bold: true, .. })).count();
    assert_eq!(title_lines, 3, "a long title wraps to three lines at most");
    assert!(texts[2].ends_with('…'));
    assert!(texts.iter().any(|t| t.starts_with("Source: <b onmouseover=alert(1)>Evil</b> ]]> <!-- &amp;")), "{texts:?}");
    let marked: usize = list.marks.iter().map(|m| if let Mark::Text { text, .. } = m { text.len() } else { 0 }).sum();
    assert!(marked < 10_000, "the bands stay small: {marked} bytes of text");
    let json: serde_json::Value = serde_json::from_str(&alliance_map::display::json::to_json(&list)).expect("valid JSON");
    let Mark::Text { text: first, .. } = &list.marks[0] else { panic!("the title first") };
    assert_eq!(json["marks"][0][6].as_str(), Some(first.as_str()), "the PNG painter gets the text itself, control character included");
    assert_bands_clear_of_the_map(&list);
}

#[test]
fn render_writes_the_figure_with_its_date_and_theme() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_alliance-map"))
        .args(["render", "data/seed.toml", "--as-of", "2023-09-28", "--theme", "dark", "--width", "900"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run alliance-map");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let svg = String::from_utf8(out.stdout).unwrap();
    let texts = svg_texts(&svg);
    assert_eq!(&texts[..2], ["Industry alliances in Chinese cars and chips", "As of 2023-09-28"]);
    assert!(svg.contains(&format!("fill=\"{}\"/>", DARK.background)) && svg.contains("width=\"900.0\""));
    assert!(texts.iter().any(|t| t.starts_with("Source")) && texts.last().unwrap() == "Made with alliance-map");
}
