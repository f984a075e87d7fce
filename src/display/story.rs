//! A story's steps as readers are shown them: the caption with its
//! `[source-id]` markers as numbered citations, what the step shows in
//! words (for the text view, the live region and the no-JavaScript page),
//! and the choices the widget applies (`StepView`). The same words go into
//! the static `steps/N.svg` pictures.

use crate::display::view::{citation, paths_view, Citation};
use crate::display::humanize;
use crate::model::graph::Adjacency;
use crate::model::story::{segments, Anchor, Segment, Step};
use crate::model::{Dataset, EntityIx, SourceIx};
use crate::query::filter::Filter;
use crate::query::paths::{step_paths, Path};
use crate::display::style::Theme;
use crate::display::{display_list_with, fit_view, source_name, Caption, DisplayList};
use crate::scene::labels::Viewport;
use crate::scene::story::{note_text, StepCamera};
use crate::scene::Scene;
use serde::Serialize;

/// A piece of a caption: text, or a citation of `cite` (an index into the
/// step's `citations`), written `[n]`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CaptionPart {
    /// Text as written, or "[n]" for a citation.
    pub text: String,
    /// For a citation, its index into [`StepView::citations`].
    pub cite: Option<u32>,
    /// For a citation, the source (figures and pages number it as the data does).
    #[serde(skip)]
    pub source: Option<SourceIx>,
}

/// A step's path as the reader's path finder is asked for it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct StepPathView {
    /// Start entity.
    pub from: EntityIx,
    /// End entity.
    pub to: EntityIx,
    /// Which of the shortest paths, from 0.
    pub index: u32,
}

/// A `[[step.note]]` in words: what it is beside, and what it says.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NoteView {
    /// The entity it is beside (a relation's note: its first end).
    pub entity: EntityIx,
    /// "Changan Automobile" or "Huawei Technologies → Changan Automobile".
    pub about: String,
    /// The note.
    pub text: String,
    /// As the map draws it beside what it is about ("Note: …").
    pub label: String,
}

/// One step, for the widget: the caption and the choices it applies.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StepView {
    /// 1-based, and of how many ("Step 3 of 7").
    pub number: u32,
    /// How many steps the story has.
    pub count: u32,
    /// The step's title.
    pub title: String,
    /// The caption, markers as numbered citations.
    pub parts: Vec<CaptionPart>,
    /// The sources the caption cites, numbered from 1 in order.
    pub citations: Vec<Citation>,
    /// The entity to select.
    pub select: Option<EntityIx>,
    /// The path to find and highlight.
    pub path: Option<StepPathView>,
    /// Entities to highlight.
    pub highlight: Vec<EntityIx>,
    /// Relation type keys the step hides (everything its filter does not show).
    pub hidden_types: Vec<&'static str>,
    /// Entity kind keys the step hides.
    pub hidden_kinds: Vec<&'static str>,
    /// Source ids the step hides.
    pub hidden_sources: Vec<String>,
    /// The as-of date, as the slider writes it ("2023-09-27"), if any.
    pub as_of: Option<String>,
    /// The notes, in words.
    pub notes: Vec<NoteView>,
    /// What the step shows, in words ("Selected: …. Path: …").
    pub shows: String,
}

/// The caption's parts: markers become "[n]", numbered by first mention.
pub fn caption_parts(data: &Dataset, step: &Step) -> Vec<CaptionPart> {
    segments(&step.text)
        .into_iter()
        .map(|seg| match seg {
            Segment::Text(t) => CaptionPart { text: t.to_owned(), cite: None, source: None },
            Segment::Cite(id, _) => {
                let n = data.sources.iter().position(|s| s.id == id).and_then(|s| step.citations.iter().position(|&c| c == SourceIx::at(s)));
                match n {
                    Some(n) => CaptionPart { text: format!("[{}]", n + 1), cite: Some(n as u32), source: Some(step.citations[n]) },
                    None => CaptionPart { text: format!("[{id}]"), cite: None, source: None },
                }
            }
        })
        .collect()
}

/// The caption as one string, citations as "[n]".
pub fn caption(data: &Dataset, step: &Step) -> String {
    caption_parts(data, step).into_iter().map(|p| p.text).collect()
}

/// The step's path, found as the widget finds it: through what the step
/// shows, the `index`th of the shortest.
pub fn step_path(data: &Dataset, adj: &Adjacency, step: &Step) -> Option<Path> {
    let index = step.path?.index as usize;
    step_paths(data, adj, step, index + 1).into_iter().nth(index)
}

/// What a step shows, in words, for a reader who cannot see the map.
pub fn shows(data: &Dataset, adj: &Adjacency, step: &Step) -> String {
    let name = |e: EntityIx| data.entity(e).name.clone();
    let mut said = Vec::new();
    if let Some(e) = step.select {
        said.push(format!("Selected: {}.", name(e)));
    }
    if let Some(path) = step_path(data, adj, step) {
        let view = paths_view(data, std::slice::from_ref(&path));
        let sentences: Vec<String> = view.paths.iter().flat_map(|p| p.sentences.iter().map(|s| s.text.clone())).collect();
        said.push(format!("Path from {} to {}: {}", name(path.entities[0]), name(*path.entities.last().unwrap_or(&path.entities[0])), sentences.join(" ")));
    }
    if !step.highlight.is_empty() {
        said.push(format!("Highlighted: {}.", step.highlight.iter().map(|&e| name(e)).collect::<Vec<_>>().join(", ")));
    }
    let f = &step.filter;
    let mut only: Vec<String> = f.types.iter().map(|t| humanize(t.key())).chain(f.kinds.iter().map(|k| humanize(k.key()))).collect();
    only.extend(f.sources.iter().map(|&s| source_name(data.source(s))));
    if !only.is_empty() {
        said.push(format!("Showing only: {}.", only.join(", ")));
    }
    if let Some(d) = step.as_of {
        said.push(format!("As of {d}."));
    }
    for note in notes(data, step) {
        said.push(format!("Note on {}: {}", note.about, note.text));
    }
    if said.is_empty() {
        said.push("The whole map.".into());
    }
    said.join(" ")
}

/// The step's notes, each with what it is beside in words.
pub fn notes(data: &Dataset, step: &Step) -> Vec<NoteView> {
    step.notes
        .iter()
        .map(|n| match n.anchor {
            Anchor::Entity(e) => NoteView { entity: e, about: data.entity(e).name.clone(), text: n.text.clone(), label: note_text(&n.text) },
            Anchor::Relation(r) => {
                let rel = &data.relations[r.ix()];
                NoteView { entity: rel.from, about: format!("{} → {}", data.entity(rel.from).name, data.entity(rel.to).name), text: n.text.clone(), label: note_text(&n.text) }
            }
        })
        .collect()
}

/// Step `i` (from 0) for the widget; `None` past the last.
pub fn step_view(data: &Dataset, adj: &Adjacency, i: usize) -> Option<StepView> {
    let step = data.steps.get(i)?;
    let hidden = Filter::for_step(data, step);
    Some(StepView {
        number: i as u32 + 1,
        count: data.steps.len() as u32,
        title: step.title.clone(),
        parts: caption_parts(data, step),
        citations: step.citations.iter().map(|&s| citation(data, data.source(s))).collect(),
        select: step.select,
        path: step.path.map(|p| StepPathView { from: p.from, to: p.to, index: p.index }),
        highlight: step.highlight.clone(),
        hidden_types: hidden.hidden_relation_types.iter().map(|t| t.key()).collect(),
        hidden_kinds: hidden.hidden_kinds.iter().map(|k| k.key()).collect(),
        hidden_sources: hidden.hidden_sources.iter().map(|&s| data.source(s).id.clone()).collect(),
        as_of: step.as_of.map(|d| d.to_string()),
        notes: notes(data, step),
        shows: shows(data, adj, step),
    })
}

/// Every step, in order.
pub fn steps_view(data: &Dataset, adj: &Adjacency) -> Vec<StepView> {
    (0..data.steps.len()).filter_map(|i| step_view(data, adj, i)).collect()
}

/// The largest circle a step's fitted camera draws, CSS px (www/steps.js MAX_STEP_RADIUS).
pub const MAX_STEP_RADIUS: f32 = 40.0;

/// The view a step's camera gives a `width` x `height` map band, as the
/// widget computes it (`www/steps.js` stepCamera): a fitted subject with
/// 48 px of room around it, zoomed in at most 4x the whole map's fit and
/// only until its largest circle is 40 px (a path of three hubs is shown
/// among its neighbours, not as three discs).
pub fn step_viewport(scene: &Scene, camera: StepCamera, width: f32, height: f32) -> Viewport {
    let whole = fit_view(scene, width, height);
    let at = |x: f32, y: f32, zoom: f32| Viewport { x: x - width / 2.0 / zoom, y: y - height / 2.0 / zoom, zoom, width, height };
    match camera {
        StepCamera::All => whole,
        StepCamera::Centre { x, y, zoom } => at(x, y, whole.zoom * zoom),
        StepCamera::Fit { bounds: b, r_max } => {
            let (w, h) = ((b[2] - b[0]).max(1.0), (b[3] - b[1]).max(1.0));
            let cap = (4.0 * whole.zoom).min(whole.zoom.max(MAX_STEP_RADIUS / r_max.max(1e-3)));
            let zoom = ((width - 96.0) / w).min((height - 96.0) / h).clamp(1e-3, cap);
            at((b[0] + b[2]) / 2.0, (b[1] + b[3]) / 2.0, zoom)
        }
    }
}

/// The figure of step `i` (from 0): the map as the step shows it, where its
/// camera puts it, with its caption under the title (markers numbered as
/// the figure's own citations). The scene keeps the step's state.
pub fn step_figure(scene: &mut Scene, i: usize, width: f32, height: f32, widths: &[f32], line_height: f32, theme: Theme) -> Option<DisplayList> {
    let camera = scene.show_step(i)?;
    // The figure's notes at its label size (no font metrics here: the figure's estimate).
    let note_widths: Vec<f32> = scene.data.steps[i].notes.iter().map(|n| crate::display::figure::text_width(&crate::scene::story::note_text(&n.text), 12.0)).collect();
    scene.set_step_notes(Some(i), &note_widths);
    let data = &scene.data;
    let step = &data.steps[i];
    // Numbered as the figure's footer numbers its sources: by their place in the data.
    let text: String = caption_parts(data, step).into_iter().map(|p| p.source.map_or(p.text, |s| format!("[{}]", s.0 + 1))).collect();
    let caption = Caption {
        heading: format!("Step {} of {}: {}", i + 1, data.steps.len(), step.title),
        text,
        notes: notes(data, step).into_iter().map(|n| format!("{}: {}", n.about, n.text)).collect(),
        cites: step.citations.clone(),
    };
    let view = step_viewport(scene, camera, width, height);
    Some(display_list_with(scene, view, widths, line_height, theme, Some(&caption)))
}
