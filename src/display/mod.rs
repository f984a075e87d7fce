//! A display list: one view of the map as an exportable figure, in screen
//! pixels: a header band (title, as-of date, legend of what is shown), the
//! map's shapes in their own band, and a footer band (credit line,
//! citations). The SVG writer (CLI `render`, the widget's SVG export) and
//! the browser's PNG painter (`display_json`) draw from it and decide
//! nothing, so the command line and the browser agree.

pub mod figure;
pub mod claim;
pub mod diff;
pub mod edition;
mod diff_more;
pub mod json;
pub mod markup;
pub mod reaction;
pub mod sentence;
pub mod story;
pub mod style;
pub mod svg;
pub mod controls_view;
pub mod view;

use crate::display::figure::{frame, Furniture, Mark, Swatch};
use crate::scene::labels::{place_labels, Viewport};
use crate::model::{Dataset, EntityIx, Source};
use crate::scene::Scene;
use crate::display::style::{node_color, Theme, KIND_COLORS, RELATION_COLORS};
use crate::model::vocab::{EntityKind, RelationType};

/// One shape of the map, in figure pixels (fields are plain coordinates and colours).
#[derive(Clone, Debug, PartialEq)]
#[allow(missing_docs)]
pub enum Shape {
    /// An edge from (x1, y1) to (x2, y2), with the scene's
    /// [`crate::scene::edge_flag`] bits: dashes (the two low bits), an
    /// arrowhead unless undirected, faded when long.
    /// A curve (one of several ties between two entities) has its quadratic
    /// control point in `curve`.
    /// `marker` is its type's arrowhead (`style::marker`).
    Edge { x1: f32, y1: f32, x2: f32, y2: f32, color: &'static str, flags: u8, curve: Option<(f32, f32)>, marker: u8 },
    /// A node; `faded` when something else is emphasised (a selection, a
    /// path, a story step's highlights), as the canvas fades it.
    Node { x: f32, y: f32, r: f32, color: &'static str, faded: bool },
    /// A label of one or two lines `line_height` apart, left-aligned, the
    /// block vertically centred on y.
    Label { x: f32, y: f32, lines: Vec<String>, line_height: f32 },
    /// A leader line from a node's circle to its label, set away from it.
    Leader { x1: f32, y1: f32, x2: f32, y2: f32 },
}

/// Everything needed to draw one view as a figure.
#[derive(Clone, Debug, PartialEq)]
pub struct DisplayList {
    /// Width in px.
    pub width: f32,
    /// Height in px: header, map and footer.
    pub height: f32,
    /// The map's band: x, y, width, height. Shapes are clipped to it, so
    /// nothing of the map reaches the header or footer.
    pub map: [f32; 4],
    /// Edges first, then nodes, then leader lines, then labels (drawing order).
    pub shapes: Vec<Shape>,
    /// The header and footer (see `figure`).
    pub marks: Vec<Mark>,
    /// "[1] Publisher, “Title”, Author, Date" for every source cited by a shown relation.
    pub citations: Vec<String>,
    /// The map's title.
    pub title: String,
    /// Background, text and muted colours.
    pub theme: Theme,
}

/// The display list of `scene` seen through `view` (the map's band);
/// `widths[e]` are label widths in px. The legend lists the kinds and
/// relation types drawn in this view; the as-of line is the filter's date,
/// shown only when one is set.
pub fn display_list(scene: &Scene, view: Viewport, widths: &[f32], line_height: f32, theme: Theme) -> DisplayList {
    display_list_with(scene, view, widths, line_height, theme, None)
}

/// A story step's caption in a figure: "Step 3 of 6: title", the text with
/// its markers as the figure's citation numbers, its notes; the sources it
/// cites join the figure's citations.
pub struct Caption {
    /// "Step 3 of 6: Huawei and Changan".
    pub heading: String,
    /// The caption text, citations as "[n]".
    pub text: String,
    /// "Changan Automobile: expected to hold up to 40%", one per note.
    pub notes: Vec<String>,
    /// What the caption cites.
    pub cites: Vec<crate::model::SourceIx>,
}

/// [`display_list`] with a story step's caption under the title.
pub fn display_list_with(scene: &Scene, view: Viewport, widths: &[f32], line_height: f32, theme: Theme, caption: Option<&Caption>) -> DisplayList {
    let to_screen = |e: usize| ((scene.positions[2 * e] - view.x) * view.zoom, (scene.positions[2 * e + 1] - view.y) * view.zoom, (scene.radii[e] * view.zoom).max(2.5));
    let mut shapes = Vec::new();
    let mut cited = vec![false; scene.data.sources.len()];
    let (mut kinds, mut types, mut dashes_shown) = ([false; EntityKind::ALL.len()], [false; RelationType::ALL.len()], 0u8);
    for (i, r) in scene.data.relations.iter().enumerate() {
        let ((x1, y1, ra), (x2, y2, rb)) = (to_screen(r.from.ix()), to_screen(r.to.ix()));
        let (dx, dy) = (x2 - x1, y2 - y1);
        let len = (dx * dx + dy * dy).sqrt();
        if scene.edge_visible[i] == 0 || len <= ra + rb || !segment_in_view(x1, y1, x2, y2, view) {
            continue;
        }
        r.sources.iter().for_each(|&s| cited[s.ix()] = true);
        // The dash style is the edge flags' two low bits: dashed (tentative), dotted (inferred).
        let dash = scene.edge_flags[i] & 3;
        types[usize::from(scene.edge_kind[i])] = true;
        dashes_shown |= dash;
        let color = RELATION_COLORS.get(scene.edge_kind[i] as usize).copied().unwrap_or("#777777");
        // Faded by emphasis is drawn as a faint tie is.
        let faded = scene.edge_emphasis[i] == crate::scene::emphasis::FADED;
        let flags = scene.edge_flags[i] | if faded { crate::scene::edge_flag::FAINT } else { 0 };
        let bend = scene.edge_bend[i];
        let marker = crate::display::style::relation_marker(scene.edge_kind[i]);
        if bend == 0 {
            let (ux, uy) = (dx / len, dy / len);
            shapes.push(Shape::Edge { x1: x1 + ux * ra, y1: y1 + uy * ra, x2: x2 - ux * rb, y2: y2 - uy * rb, color, flags, curve: None, marker });
        } else {
            // The curve leaves and enters each circle towards its control point.
            let (a, b) = (r.from.ix(), r.to.ix());
            let world = |e: usize| (scene.positions[2 * e], scene.positions[2 * e + 1]);
            let (wx, wy) = crate::scene::drawing::control_point(world(a), world(b), bend);
            let (cx, cy) = ((wx - view.x) * view.zoom, (wy - view.y) * view.zoom);
            let unit = |x: f32, y: f32| {
                let l = (x * x + y * y).sqrt().max(1e-6);
                (x / l, y / l)
            };
            let ((u1x, u1y), (u2x, u2y)) = (unit(cx - x1, cy - y1), unit(x2 - cx, y2 - cy));
            shapes.push(Shape::Edge { x1: x1 + u1x * ra, y1: y1 + u1y * ra, x2: x2 - u2x * rb, y2: y2 - u2y * rb, color, flags, curve: Some((cx, cy)), marker });
        }
    }
    for e in 0..scene.radii.len() {
        let (x, y, r) = to_screen(e);
        if scene.node_visible[e] == 1 && x + r > 0.0 && x - r < view.width && y + r > 0.0 && y - r < view.height {
            kinds[usize::from(scene.node_kind[e])] = true;
            shapes.push(Shape::Node { x, y, r, color: node_color(scene.node_color[e]), faded: scene.node_emphasis[e] == crate::scene::emphasis::FADED });
        }
    }
    let placed = place_labels(scene, widths, line_height, view);
    shapes.extend(placed.iter().filter_map(|p| p.leader).map(|[x1, y1, x2, y2]| Shape::Leader { x1, y1, x2, y2 }));
    let n = scene.radii.len();
    for p in placed {
        // From n on, a story step's notes (scene::labels::place_notes).
        let lines = match (p.entity as usize).checked_sub(n).and_then(|j| scene.notes().get(j)) {
            Some(note) => vec![note.text.clone()],
            None => scene.data.entity(EntityIx(p.entity)).label_text().split('\n').map(String::from).collect(),
        };
        shapes.push(Shape::Label { x: p.x, y: p.y, lines, line_height });
    }
    for &s in caption.iter().flat_map(|c| &c.cites) {
        cited[s.ix()] = true;
    }
    let cited: Vec<(usize, &Source)> = scene.data.sources.iter().enumerate().filter(|(i, _)| cited[*i]).collect();
    let citations: Vec<String> = cited.iter().map(|&(i, s)| citation(i, s)).collect();
    let groups = crate::scene::group_rows(scene);
    let mut legend: Vec<(Swatch, String)> = if groups.is_empty() {
        EntityKind::ALL.iter().filter(|k| kinds[usize::from(k.index())]).map(|k| (Swatch::Dot(KIND_COLORS[usize::from(k.index())]), humanize(k.key()))).collect()
    } else {
        groups.iter().map(|g| (Swatch::Dot(node_color(g.color)), group_name(&scene.data, g))).collect()
    };
    legend.extend(RelationType::ALL.iter().filter(|t| types[usize::from(t.index())]).map(|t| (Swatch::Line(RELATION_COLORS[usize::from(t.index())], 0, crate::display::style::relation_marker(t.index())), humanize(t.key()))));
    if dashes_shown & 1 != 0 {
        legend.push((Swatch::Line(theme.muted, 1, crate::display::style::marker::NONE), "Announced or proposed".to_string()));
    }
    if dashes_shown & 2 != 0 {
        legend.push((Swatch::Line(theme.muted, 2, crate::display::style::marker::NONE), "Inferred by the editor".to_string()));
    }
    let furniture = Furniture {
        title: &scene.data.meta.title,
        as_of: scene.filter().as_of.map(|day| as_of(&scene.data, day)),
        legend,
        credit: credit(cited.iter().map(|&(_, s)| s)),
        citations: &citations,
        caption,
    };
    let frame = frame(&furniture, view.width, view.height, &theme);
    let top = frame.map_top;
    for s in &mut shapes {
        match s {
            Shape::Edge { y1, y2, curve, .. } => {
                (*y1, *y2) = (*y1 + top, *y2 + top);
                if let Some((_, cy)) = curve {
                    *cy += top;
                }
            }
            Shape::Leader { y1, y2, .. } => (*y1, *y2) = (*y1 + top, *y2 + top),
            Shape::Node { y, .. } | Shape::Label { y, .. } => *y += top,
        }
    }
    DisplayList {
        width: view.width,
        height: frame.height,
        map: [0.0, top, view.width, view.height],
        shapes,
        marks: frame.marks,
        citations,
        title: scene.data.meta.title.clone(),
        theme,
    }
}

/// "[1] Publisher, “Title”, Author, Date, URL": what the source states.
fn citation(i: usize, s: &Source) -> String {
    let title = if s.title.is_empty() { s.id.clone() } else { format!("“{}”", s.title) };
    let rest: Vec<String> = [s.publisher.clone(), title, s.author.clone(), s.date_words(), s.url.clone()]
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect();
    format!("[{}] {}", i + 1, rest.join(", "))
}

/// A source by its publisher, else its “title”, else its id: how a credit
/// line and a story step's words name it.
pub(crate) fn source_name(s: &Source) -> String {
    if !s.publisher.is_empty() {
        s.publisher.clone()
    } else if !s.title.is_empty() {
        format!("“{}”", s.title)
    } else {
        s.id.clone()
    }
}

/// "Sources: JW Insights (2023-09-28); “Title”": each source by its
/// publisher (else its title, else its id) and date, as far as stated.
fn credit<'a>(sources: impl Iterator<Item = &'a Source>) -> String {
    let mut names: Vec<String> = Vec::new();
    for s in sources {
        let name = source_name(s);
        let date = s.date_words();
        let name = if date.is_empty() { name } else { format!("{name} ({date})") };
        if !names.contains(&name) {
            names.push(name);
        }
    }
    match names.len() {
        0 => String::new(),
        1 => format!("Source: {}", names[0]),
        _ => format!("Sources: {}", names.join("; ")),
    }
}

/// "As of 2023-09-27" as the as-of slider says it (its stop for `day`, so a
/// month stays a month), or "Before 2023-09-26" for its first stop.
fn as_of(data: &Dataset, day: u32) -> String {
    match crate::display::view::timeline_view(data).into_iter().find(|s| s.day == day) {
        Some(stop) if stop.label.starts_with("before-") => stop.text,
        Some(stop) => format!("As of {}", stop.text),
        None => format!("As of {:04}-{:02}-{:02}", day / 10_000, day / 100 % 100, day % 100),
    }
}

/// "investment_arm" → "Investment arm" (as `www/palette.js` humanize).
/// Vocabulary keys are ASCII: no Unicode case tables in the wasm.
pub fn humanize(key: &str) -> String {
    let mut text = key.replace(['_', '-'], " ");
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    text
}

fn segment_in_view(x1: f32, y1: f32, x2: f32, y2: f32, v: Viewport) -> bool {
    !(x1.max(x2) < 0.0 || x1.min(x2) > v.width || y1.max(y2) < 0.0 || y1.min(y2) > v.height)
}

/// The view that fits the whole map in `width` x `height` px with a margin.
pub fn fit_view(scene: &Scene, width: f32, height: f32) -> Viewport {
    let b = scene.bounds();
    let pad = 24.0;
    let (w, h) = ((b[2] - b[0]).max(1.0), (b[3] - b[1]).max(1.0));
    let zoom = ((width - 2.0 * pad) / w).min((height - 2.0 * pad) / h).max(1e-3);
    Viewport { x: (b[0] + b[2]) / 2.0 - width / 2.0 / zoom, y: (b[1] + b[3]) / 2.0 - height / 2.0 / zoom, zoom, width, height }
}

/// A group's row in a legend: "Huawei's group (120)", or "Smaller groups (4,800)".
pub fn group_name(data: &Dataset, row: &crate::scene::GroupRow) -> String {
    match row.head {
        // Isolated, as every name is: a right-to-left name keeps the rest in order.
        Some(e) => format!("\u{2068}{}\u{2069}’s group ({})", data.entity(e).label_text().replace('\n', " "), row.count),
        None => format!("Smaller groups ({})", row.count),
    }
}
