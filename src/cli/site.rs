//! Writing the static site for `alliance-map build`: the generated pages plus
//! the widget's files, every URL relative so the folder works from any path.

use alliance_map::model::Dataset;
use alliance_map::site::page_html;
use std::path::Path;
use std::process::ExitCode;

/// Copies the widget from `widget` (except its demo page) and writes
/// index.html and embed.html for `data` into `out`.
pub fn write_site(data: &Dataset, widget: &Path, out: &Path) -> ExitCode {
    if !widget.join("pkg").is_dir() {
        eprintln!("error: no built widget in {} (expected {}/pkg/)", widget.display(), widget.display());
        eprintln!("help: run scripts/build.sh first, or pass --widget DIR pointing at a built widget");
        return ExitCode::from(2);
    }
    if let Err(e) = copy_dir(widget, out) {
        eprintln!("error: cannot copy the widget from {} to {}: {e}", widget.display(), out.display());
        return ExitCode::from(2);
    }
    for (name, embed) in [("index.html", false), ("embed.html", true)] {
        let preload = preload_hints(&widget.join(name));
        if let Err(e) = std::fs::write(out.join(name), page_html(data, embed, &preload)) {
            eprintln!("error: cannot write {}: {e}", out.join(name).display());
            return ExitCode::from(2);
        }
    }
    eprintln!("wrote {}/index.html and embed.html; serve the folder from any path of any static host", out.display());
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

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    if from.canonicalize()? == to.canonicalize()? {
        return Ok(());
    }
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else if entry.file_name() != "index.html" && entry.file_name() != "data.amap" {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}
