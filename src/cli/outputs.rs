//! What each subcommand makes, as bytes: the command writes them to files
//! or stdout, and the compiler module (crates/compiler) returns them to the
//! studio. One function per job, so both give the same bytes.

use crate::check::render::thousands;
use crate::compiled::Compiled;
use crate::model::date::PartialDate;
use crate::model::Dataset;
use crate::site::{is_cut, oembed_json, page_html, text_page_count, text_page_html, text_page_name, Page, PageOptions, FULL_TEXT_PAGE, PAGE_BOUND};
use clap::ValueEnum;

/// `export --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// JSON Graph Format v2.
    Jgf,
    /// GEXF 1.3 (Gephi), dynamic with start/end dates.
    Gexf,
    /// GraphML with typed keys (networkx, yEd).
    Graphml,
    /// Cytoscape.js elements JSON.
    Cytoscape,
    /// FollowTheMoney entities, one JSON object a line (Aleph, OpenSanctions).
    Ftm,
    /// entities.csv + relations.csv in DIR (needs -o DIR).
    Csv,
}

/// The exported file(s), named as the studio offers them for download
/// (`export` writes a single one to stdout or `-o`, the CSV pair into `-o DIR`).
pub fn export_files(data: &Dataset, format: ExportFormat) -> Vec<(String, Vec<u8>)> {
    use crate::formats::export::{csv, cytoscape, gexf, graphml};
    let pretty = |v: serde_json::Value| (serde_json::to_string_pretty(&v).unwrap_or_default() + "\n").into_bytes();
    match format {
        ExportFormat::Jgf => vec![("data.json".into(), pretty(crate::formats::jgf::to_jgf(data)))],
        ExportFormat::Cytoscape => vec![("data.cytoscape.json".into(), pretty(cytoscape::to_cytoscape(data)))],
        ExportFormat::Ftm => vec![("data.ftm.json".into(), crate::formats::export::ftm::to_ftm(data).into_bytes())],
        ExportFormat::Gexf => vec![("data.gexf".into(), gexf::to_gexf(data).into_bytes())],
        ExportFormat::Graphml => vec![("data.graphml".into(), graphml::to_graphml(data).into_bytes())],
        ExportFormat::Csv => vec![
            ("entities.csv".into(), csv::entities_csv(data).into_bytes()),
            ("relations.csv".into(), csv::relations_csv(data).into_bytes()),
        ],
    }
}

/// `convert`: the dataset as a TOML data file, checked once more: the
/// text is returned only if `check` reads it back as the same dataset
/// without an error, so convert never writes a file its own check rejects.
/// The error is the rendered report on the would-be file (a bug to report).
pub fn convert_toml(data: &Dataset) -> Result<String, String> {
    let toml = crate::formats::write_toml::to_toml(data);
    let again = crate::check::check(&toml);
    match again.dataset {
        Some(back) if &back == data && !crate::check::diagnostic::has_errors(&again.diagnostics) => Ok(toml),
        _ => Err(crate::check::render::human("converted.toml", &toml, &again.diagnostics)),
    }
}

/// `render`: the whole map as an SVG figure, `width` x `height` px, light or `dark`.
pub fn render_svg(data: Dataset, width: u32, height: u32, as_of: Option<PartialDate>, dark: bool) -> String {
    render_placed_svg(data, None, width, height, as_of, dark)
}

/// [`render_svg`] of a map drawn where an imported file placed every
/// entity (`positions`, as `build --layout keep`), else laid out.
pub fn render_placed_svg(data: Dataset, positions: Option<Vec<f32>>, width: u32, height: u32, as_of: Option<PartialDate>, dark: bool) -> String {
    let mut scene = crate::scene::Scene::new(placed_or_laid_out(data, positions));
    if let Some(date) = as_of {
        // The slider's day for a date: the first day it may mean.
        scene.set_filter(&crate::query::filter::Filter { as_of: Some(date.first_day()), ..Default::default() });
    }
    let widths = estimated_widths(&scene);
    let view = crate::display::fit_view(&scene, width.max(100) as f32, height.max(100) as f32);
    crate::display::svg::to_svg(&crate::display::display_list(&scene, view, &widths, 16.0, theme(dark)))
}

/// Step `step` (from 0) of the story as an SVG figure (`render --step N`,
/// `build`'s `steps/N.svg`): the map as the step shows it, captioned.
/// `None` when the story has no such step.
pub fn render_step_svg(data: Dataset, positions: Option<Vec<f32>>, step: usize, width: u32, height: u32, dark: bool) -> Option<String> {
    let mut scene = crate::scene::Scene::new(placed_or_laid_out(data, positions));
    step_svg(&mut scene, step, width, height, dark)
}

/// [`render_step_svg`] on a scene already built (a site draws every step from one).
pub fn step_svg(scene: &mut crate::scene::Scene, step: usize, width: u32, height: u32, dark: bool) -> Option<String> {
    let widths = estimated_widths(scene);
    let list = crate::display::story::step_figure(scene, step, width.max(100) as f32, height.max(100) as f32, &widths, 16.0, theme(dark))?;
    Some(crate::display::svg::to_svg(&list))
}

fn placed_or_laid_out(data: Dataset, positions: Option<Vec<f32>>) -> Compiled {
    match positions.filter(|p| p.len() == 2 * data.entities.len()) {
        Some(positions) => crate::pipeline::with_communities(data, positions),
        None => crate::pipeline::compile(data, &Default::default()),
    }
}

/// Label widths without font metrics: an average sans-serif glyph is about 0.58 em wide.
fn estimated_widths(scene: &crate::scene::Scene) -> Vec<f32> {
    let longest_line = |e: &crate::model::Entity| e.label_text().split('\n').map(|l| l.chars().count()).max().unwrap_or(0);
    scene.data.entities.iter().map(|e| 12.0 * 0.58 * longest_line(e) as f32 + 2.0).collect()
}

fn theme(dark: bool) -> crate::display::style::Theme {
    if dark { crate::display::style::DARK } else { crate::display::style::LIGHT }
}

/// What `build` was told beside the data and the folders.
#[derive(Clone, Debug, Default)]
pub struct BuildOptions {
    /// The site's absolute folder URL ending in `/` (`--base-url`, normalized).
    pub base_url: Option<String>,
    /// `--allow-data-from`, normalized (`site::normalize_allowed`).
    pub allow_data_from: Vec<String>,
    /// `--seed`.
    pub seed: u64,
    /// `--no-layout`.
    pub no_layout: bool,
    /// The imported file's own placement of every entity (x, y
    /// interleaved), drawn as it is instead of laid out (`--layout keep`).
    pub positions: Option<Vec<f32>>,
}

/// The most entities a published map takes: 100,000 became interactive in
/// a reader's browser in 4.5 s on this project's test machine, and the time
/// grows with the count, so twice that is where a reader still waits under
/// 10 s. Beyond it `build` refuses, saying so (a figure of any size: `render`).
pub const MAX_ENTITIES: usize = 200_000;
/// The most relations a published map takes (each is a line to draw and to pick).
pub const MAX_RELATIONS: usize = 1_000_000;

/// Whether `data` fits a published map; if not, what to do.
pub fn site_limit(data: &Dataset) -> Result<(), crate::cli::Usage> {
    let (n, m) = (data.entities.len(), data.relations.len());
    if n <= MAX_ENTITIES && m <= MAX_RELATIONS {
        return Ok(());
    }
    let what = if n > MAX_ENTITIES { format!("{} entities", thousands(n)) } else { format!("{} relations", thousands(m)) };
    Err(crate::cli::Usage {
        message: format!("the data has {what}: a published map stays usable in a reader's browser up to {} entities and {} relations", thousands(MAX_ENTITIES), thousands(MAX_RELATIONS)),
        help: "filter the data to what the map is about, or split it into several maps; `alliance-map render` draws a figure of any size".into(),
    })
}

/// The earlier map `previous` (the bytes of a data.amap) as a warm start
/// for `data`, if it is one of this dataset: at least half of today's
/// entities are in it (a warm start from another dataset's map would only
/// scramble this one). Otherwise why not, as the note `build` prints
/// (`None` for a map built with --no-layout: it has no positions).
pub fn warm_start(previous: &[u8], data: &Dataset, shown: &str) -> Result<(Compiled, String), Option<String>> {
    let previous = match crate::compiled::decode(previous) {
        Ok(c) if !c.needs_layout() => c,
        Ok(_) => return Err(None),
        Err(e) => return Err(Some(format!("note: ignored the earlier {shown} for a warm start: it is not a compiled map ({e}); laid out afresh"))),
    };
    let ids: std::collections::HashSet<&str> = previous.dataset.entities.iter().map(|e| e.id.as_str()).collect();
    let kept = data.entities.iter().filter(|e| ids.contains(e.id.as_str())).count();
    let n = data.entities.len();
    if 2 * kept < n {
        return Err(Some(format!("note: ignored the earlier {shown} for a warm start: only {kept} of this file's {n} entities are in it (another dataset?); laid out afresh")));
    }
    let note = format!("warm start from the earlier {shown} ({kept} of {n} entities kept their place; delete it for a fresh layout)");
    Ok((previous, note))
}

/// The files `build` writes itself (never copied from the widget folder: its
/// demo pages and demo oEmbed would overwrite them; removed from an earlier
/// build when this one does not write them).
pub const OWNED: [&str; 5] = ["index.html", "embed.html", FULL_TEXT_PAGE, "oembed.json", "data.amap"];

/// `build`'s own files for `data`: data.amap (laid out, warm-started from
/// `previous` when given), index.html and embed.html (with the preload hints
/// of the widget's pages, `widget_pages`), the full text page when the
/// pages' fallback is bounded, and oembed.json with a base URL.
pub fn site_files(data: Dataset, options: &BuildOptions, previous: Option<&Compiled>, widget_pages: [&str; 2]) -> Vec<(String, Vec<u8>)> {
    let pages = data.clone();
    let placed = options.positions.as_ref().filter(|p| p.len() == 2 * data.entities.len());
    let compiled = if options.no_layout {
        crate::pipeline::compile_without_layout(data)
    } else if let Some(positions) = placed {
        crate::pipeline::with_communities(data, positions.clone())
    } else {
        let config = crate::layout::LayoutConfig { seed: options.seed, ..Default::default() };
        crate::pipeline::compile_from(data, &config, previous)
    };
    let bytes = crate::compiled::encode(&compiled);
    let edition = crate::site::edition_html(&pages, crate::compiled::hash_of(&bytes).unwrap_or_default());
    let mut files = vec![("data.amap".to_string(), bytes)];
    for ((name, page), widget_page) in [("index.html", Page::Map), ("embed.html", Page::Embed)].into_iter().zip(widget_pages) {
        let preload = preload_hints(widget_page);
        let page_options = PageOptions { preload: &preload, base_url: options.base_url.as_deref(), allow_data_from: &options.allow_data_from, edition: &edition };
        files.push((name.to_string(), page_html(&pages, page, &page_options).into_bytes()));
    }
    if is_cut(&pages, PAGE_BOUND) {
        let adjacency = crate::model::graph::Adjacency::new(&pages);
        for page in 0..text_page_count(&pages) {
            files.push((text_page_name(page), text_page_html(&pages, &adjacency, page).into_bytes()));
        }
    }
    if let Some(url) = &options.base_url {
        files.push(("oembed.json".to_string(), oembed_json(&pages, url).into_bytes()));
    }
    files.extend(step_pictures(&compiled));
    files
}

/// `steps/1.svg` … one static picture per story step, for readers without
/// JavaScript, print and the fallback page (which shows them).
fn step_pictures(compiled: &Compiled) -> Vec<(String, Vec<u8>)> {
    if compiled.dataset.steps.is_empty() {
        return Vec::new();
    }
    // A map the browser lays out (--no-layout) is laid out here for its pictures only.
    let placed = if compiled.needs_layout() { crate::pipeline::compile(compiled.dataset.clone(), &Default::default()) } else { compiled.clone() };
    let mut scene = crate::scene::Scene::new(placed);
    (0..compiled.dataset.steps.len()).filter_map(|i| Some((crate::site::step_picture_name(i), step_svg(&mut scene, i, STEP_WIDTH, STEP_HEIGHT, false)?.into_bytes()))).collect()
}

/// The size of a step's static picture's map band: wide enough for a
/// column of text, tall enough for its labels.
pub const STEP_WIDTH: u32 = 960;
/// See [`STEP_WIDTH`].
pub const STEP_HEIGHT: u32 = 600;

/// The preload lines of a built widget page (scripts/preload.mjs wrote them
/// for its first frame), one per line; none for an empty page.
fn preload_hints(html: &str) -> String {
    html.lines()
        .map(str::trim)
        .filter(|l| l.starts_with("<link rel=\"preload\"") || l.starts_with("<link rel=\"modulepreload\""))
        .map(|l| format!("{l}\n"))
        .collect()
}
