//! `alliance-map build`: the site's own files ([`outputs::site_files`]) plus
//! the widget's files copied from `--widget`, every URL relative so the
//! folder works from any path.

use super::io::{join, Io};
use super::load::{error, usage_error};
use super::outputs::{self, BuildOptions, OWNED};
use crate::compiled::Compiled;
use crate::model::Dataset;

/// Builds the site for `data` into `out` from the widget in `widget`.
pub fn build(io: &mut dyn Io, data: Dataset, out: &str, widget: &str, options: &BuildOptions) -> u8 {
    if let Err(limit) = outputs::site_limit(&data) {
        return usage_error(io, &limit.message, &limit.help);
    }
    let (entities, relations) = (data.entities.len(), data.relations.len());
    // An earlier build in the same folder is the warm start: small edits move the map a
    // little. One built with --no-layout has no positions to start from.
    let previous = if options.no_layout || options.positions.is_some() { None } else { warm_start(io, &join(out, "data.amap"), &data) };
    let pages = [join(widget, "index.html"), join(widget, "embed.html")].map(|p| String::from_utf8(io.read(&p).unwrap_or_default()).unwrap_or_default());
    let files = outputs::site_files(data, options, previous.as_ref(), [&pages[0], &pages[1]]);
    if let Err(e) = io.create_dir_all(out) {
        return error(io, &format!("cannot create {out}: {e}"));
    }
    let (name, amap) = &files[0];
    if let Err(e) = io.write(&join(out, name), amap) {
        return error(io, &format!("cannot write {}: {e}", join(out, name)));
    }
    let layout = match (options.no_layout, &options.positions) {
        (true, _) => "no positions: laid out in the browser".to_string(),
        (false, Some(_)) => "placed as the imported file places them; --layout auto lays it out".to_string(),
        (false, None) => format!("seed {}", options.seed),
    };
    let _ = writeln!(io.stderr(), "wrote {out}/data.amap ({} bytes: {entities} entities, {relations} relations, {layout})", amap.len());
    write_site(io, &files[1..], widget, out, options)
}

/// Copies the widget from `widget` (except the files `build` owns) and
/// writes the pages `files` into `out`, removing owned pages an earlier
/// build wrote that this one does not.
fn write_site(io: &mut dyn Io, files: &[(String, Vec<u8>)], widget: &str, out: &str, options: &BuildOptions) -> u8 {
    if io.read_dir(&join(widget, "pkg")).is_err() {
        return usage_error(
            io,
            &format!("no built widget in {widget} (expected {widget}/pkg/)"),
            "run scripts/build.sh first, or pass --widget DIR pointing at a built widget",
        );
    }
    let copied = match widget_files(io, widget) {
        Some(list) => list.and_then(|names| copy_listed(io, widget, out, &names)),
        None => copy_dir(io, widget, out, true),
    };
    if let Err(e) = copied {
        return error(io, &format!("cannot copy the widget from {widget} to {out}: {e}"));
    }
    for stale in OWNED.iter().filter(|f| **f != "data.amap" && !files.iter().any(|(n, _)| n == *f)) {
        io.remove_file(&join(out, stale));
    }
    // Text pages past this build's last (an earlier build of a bigger map).
    for (name, _) in io.read_dir(out).unwrap_or_default() {
        if crate::site::is_text_page(&name) && !files.iter().any(|(n, _)| *n == name) {
            io.remove_file(&join(out, &name));
        }
    }
    // Step pictures past this build's last step.
    for (name, _) in io.read_dir(&join(out, "steps")).unwrap_or_default() {
        let name = format!("steps/{name}");
        if crate::site::is_step_picture(&name) && !files.iter().any(|(n, _)| *n == name) {
            io.remove_file(&join(out, &name));
        }
    }
    for (name, bytes) in files {
        if let Some((dir, _)) = name.rsplit_once('/') {
            if let Err(e) = io.create_dir_all(&join(out, dir)) {
                return error(io, &format!("cannot create {}: {e}", join(out, dir)));
            }
        }
        if let Err(e) = io.write(&join(out, name), bytes) {
            return error(io, &format!("cannot write {}: {e}", join(out, name)));
        }
    }
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    let err = io.stderr();
    let _ = writeln!(err, "wrote {} in {out}; serve the folder from any path of any static host", names.join(", "));
    if !options.allow_data_from.is_empty() {
        let _ = writeln!(err, "note: links may load ?data= from {} (CSP connect-src allows it)", options.allow_data_from.join(", "));
    }
    if options.base_url.is_none() {
        let _ = writeln!(err, "note: no oembed.json (a CMS finds the embed through it); add --base-url https://… with the site's public address");
    }
    0
}

/// The earlier build in the output folder as the warm start, if it is one
/// of this dataset ([`outputs::warm_start`]); says which, on stderr.
fn warm_start(io: &mut dyn Io, path: &str, data: &Dataset) -> Option<Compiled> {
    let bytes = io.read(path).ok()?;
    match outputs::warm_start(&bytes, data, path) {
        Ok((previous, note)) => {
            let _ = writeln!(io.stderr(), "{note}");
            Some(previous)
        }
        Err(note) => {
            if let Some(note) = note {
                let _ = writeln!(io.stderr(), "{note}");
            }
            None
        }
    }
}

/// The list of the widget's files a site needs (`widget-files.json`, which
/// scripts/studio-files.mjs writes into dist/: the readers' files, not the
/// studio's), if the widget folder has one; an error if it is not a list
/// of plain relative paths.
fn widget_files(io: &mut dyn Io, widget: &str) -> Option<Result<Vec<String>, String>> {
    let bytes = io.read(&join(widget, "widget-files.json")).ok()?;
    let names: Result<Vec<String>, String> = serde_json::from_slice(&bytes).map_err(|e| format!("{widget}/widget-files.json is not a list of file names: {e}"));
    Some(names.and_then(|names| match names.iter().find(|n| n.is_empty() || n.starts_with('/') || n.contains('\\') || n.split('/').any(|p| p == ".." || p.is_empty())) {
        Some(bad) => Err(format!("{widget}/widget-files.json names `{bad}`, which is not a path inside the widget folder")),
        None => Ok(names),
    }))
}

/// Copies the listed files of `from` into `to` (never the files `build` owns).
fn copy_listed(io: &mut dyn Io, from: &str, to: &str, names: &[String]) -> Result<(), String> {
    io.create_dir_all(to)?;
    if io.same_dir(from, to) {
        return Ok(());
    }
    for name in names.iter().filter(|n| !OWNED.contains(&n.as_str())) {
        if let Some((dir, _)) = name.rsplit_once('/') {
            io.create_dir_all(&join(to, dir))?;
        }
        let bytes = io.read(&join(from, name))?;
        io.write(&join(to, name), &bytes)?;
    }
    Ok(())
}

/// Copies `from` into `to`; at the top level (`top`), not the files `build` owns.
fn copy_dir(io: &mut dyn Io, from: &str, to: &str, top: bool) -> Result<(), String> {
    io.create_dir_all(to)?;
    if io.same_dir(from, to) {
        return Ok(());
    }
    for (name, is_dir) in io.read_dir(from)? {
        let (source, target) = (join(from, &name), join(to, &name));
        if is_dir {
            copy_dir(io, &source, &target, false)?;
        } else if !(top && OWNED.contains(&name.as_str())) {
            let bytes = io.read(&source)?;
            io.write(&target, &bytes)?;
        }
    }
    Ok(())
}
