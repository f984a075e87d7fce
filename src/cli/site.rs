//! Writing the static site for `alliance-map build`: the generated pages plus
//! the widget's files, every URL relative so the folder works from any path.

use alliance_map::model::Dataset;
use alliance_map::site::{is_cut, oembed_json, page_html, text_page_html, Page, PageOptions, FULL_TEXT_PAGE, PAGE_BOUND};
use std::path::Path;
use std::process::ExitCode;

/// The files `build` writes itself: never copied from the widget folder
/// (its demo pages and demo oEmbed would overwrite them), and removed from
/// an earlier build when this one does not write them.
const OWNED: [&str; 5] = ["index.html", "embed.html", FULL_TEXT_PAGE, "oembed.json", "data.amap"];

/// What `build` was told beside the data and the folders.
pub struct SiteOptions<'a> {
    /// The site's absolute folder URL ending in `/` (`--base-url`).
    pub base_url: Option<&'a str>,
    /// `--allow-data-from`, normalized (`site::normalize_allowed`).
    pub allow_data_from: &'a [String],
}

/// Copies the widget from `widget` (except the files `build` owns) and
/// writes index.html and embed.html for `data` into `out`, the full text page
/// when the pages' fallback is bounded, and oembed.json for the base URL.
pub fn write_site(data: &Dataset, widget: &Path, out: &Path, options: &SiteOptions) -> ExitCode {
    let SiteOptions { base_url, allow_data_from } = *options;
    if !widget.join("pkg").is_dir() {
        eprintln!("error: no built widget in {} (expected {}/pkg/)", widget.display(), widget.display());
        eprintln!("help: run scripts/build.sh first, or pass --widget DIR pointing at a built widget");
        return ExitCode::from(2);
    }
    if let Err(e) = copy_dir(widget, out, true) {
        eprintln!("error: cannot copy the widget from {} to {}: {e}", widget.display(), out.display());
        return ExitCode::from(2);
    }
    let mut files: Vec<(&str, String)> = Vec::new();
    for (name, page) in [("index.html", Page::Map), ("embed.html", Page::Embed)] {
        let preload = preload_hints(&widget.join(name));
        files.push((name, page_html(data, page, &PageOptions { preload: &preload, base_url, allow_data_from })));
    }
    if is_cut(data, PAGE_BOUND) {
        files.push((FULL_TEXT_PAGE, text_page_html(data)));
    }
    if let Some(url) = base_url {
        files.push(("oembed.json", oembed_json(data, url)));
    }
    for stale in OWNED.iter().filter(|f| **f != "data.amap" && !files.iter().any(|(n, _)| n == *f)) {
        let _ = std::fs::remove_file(out.join(stale));
    }
    for (name, text) in &files {
        if let Err(e) = std::fs::write(out.join(name), text) {
            eprintln!("error: cannot write {}: {e}", out.join(name).display());
            return ExitCode::from(2);
        }
    }
    let names: Vec<&str> = files.iter().map(|(n, _)| *n).collect();
    eprintln!("wrote {} in {}; serve the folder from any path of any static host", names.join(", "), out.display());
    if !allow_data_from.is_empty() {
        eprintln!("note: links may load ?data= from {} (CSP connect-src allows it)", allow_data_from.join(", "));
    }
    if base_url.is_none() {
        eprintln!("note: no oembed.json (a CMS finds the embed through it); add --base-url https://… with the site's public address");
    }
    ExitCode::SUCCESS
}

/// The preload lines of the built widget's page (scripts/preload.mjs wrote
/// them for its first frame), one per line; none if the page is missing.
fn preload_hints(page: &Path) -> String {
    let html = std::fs::read_to_string(page).unwrap_or_default();
    html.lines()
        .map(str::trim)
        .filter(|l| l.starts_with("<link rel=\"preload\"") || l.starts_with("<link rel=\"modulepreload\""))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// Copies `from` into `to`; at the top level (`top`), not the files `build` owns.
fn copy_dir(from: &Path, to: &Path, top: bool) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    if from.canonicalize()? == to.canonicalize()? {
        return Ok(());
    }
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target, false)?;
        } else if !(top && OWNED.iter().any(|f| entry.file_name() == *f)) {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}
