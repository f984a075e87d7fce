//! The compiler module: the checker, the importers, the layout, the encoder
//! and the whole command line, for the studio page (in a Worker) and the npm
//! package's bin (on Node). A thin facade: every job is the `alliance-map`
//! crate's own function, the one the native command calls (`cli::outputs`,
//! `cli::run`), so the bytes are the same. Its API is declared in
//! www/compiler.d.ts.

mod js_io;
mod result;

use alliance_map::cli::outputs::{self, ExportFormat};
use result::{checked, Compiled, Input};
use wasm_bindgen::prelude::*;

/// Checks files: every diagnostic, and the report as `check` prints it.
#[wasm_bindgen]
pub fn check(files: JsValue) -> Result<JsValue, JsError> {
    let input = Input::from_js(files)?;
    result::to_js(&checked(&input)?.view, &[])
}

/// `convert`: the files as a TOML data file (`toml` is absent when they have errors).
#[wasm_bindgen]
pub fn convert(files: JsValue) -> Result<JsValue, JsError> {
    let input = Input::from_js(files)?;
    let Compiled { view, dataset, .. } = checked(&input)?;
    // The command's check of its own output, so both refuse the same (never expected) file.
    let toml = dataset.map(|d| outputs::convert_toml(&d)).transpose().map_err(|report| JsError::new(&format!("convert: the data file would not check as the import did: {report}")))?;
    let out = result::to_js(&view, &[])?;
    if let Some(toml) = toml {
        result::set(&out, "toml", &toml.into());
    }
    Ok(out)
}

/// `export --format F`: the exported file, or the CSV pair.
#[wasm_bindgen(js_name = exportData)]
pub fn export_data(files: JsValue, format: &str) -> Result<JsValue, JsError> {
    let format = export_format(format)?;
    let input = Input::from_js(files)?;
    let Compiled { view, dataset, .. } = checked(&input)?;
    let files = dataset.map(|d| outputs::export_files(&d, format)).unwrap_or_default();
    result::to_js(&view, &files)
}

/// `build`: the files `alliance-map build` writes itself, byte for byte.
#[wasm_bindgen]
pub fn build(files: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let input = Input::from_js(files)?;
    let options_js = options.clone();
    let (mut options, pages, keep) = result::build_options(options)?;
    let previous = result::previous_map(&options_js);
    let Compiled { view, dataset, positions } = checked(&input)?;
    options.positions = positions.filter(|_| keep);
    if let Some(Err(limit)) = dataset.as_ref().map(outputs::site_limit) {
        return Err(JsError::new(&format!("{}; {}", limit.message, limit.help)));
    }
    // The earlier map, as `build` finds one in its output folder: a warm start when it is of this dataset.
    let warm = match (&previous, &dataset) {
        (Some(bytes), Some(d)) if !options.no_layout && options.positions.is_none() => outputs::warm_start(bytes, d, "map").ok().map(|(c, _)| c),
        _ => None,
    };
    let files = dataset.map(|d| outputs::site_files(d, &options, warm.as_ref(), [&pages[0], &pages[1]])).unwrap_or_default();
    result::to_js(&view, &files)
}

/// Where each `[[entity]]` of a TOML file is: `[{id, index, from, to}]`.
#[wasm_bindgen(js_name = entityPlaces)]
pub fn entity_places(file: JsValue) -> Result<JsValue, JsError> {
    let file: result::SourceFile = serde_wasm_bindgen::from_value(file).map_err(result::js_error)?;
    result::to_value(&alliance_map::places::entity_places(&file.text))
}

/// The `alliance-map` command line over `io` (Node's fs): returns the exit
/// code. `widget` is `build --widget`'s default (the npm package's own
/// widget folder); without it, `dist` as natively.
#[wasm_bindgen]
pub fn run(args: Vec<String>, io: JsValue, widget: Option<String>) -> Result<u8, JsError> {
    let mut io = js_io::JsIo::new(io).map_err(|e| JsError::new(&e))?;
    let mut argv = vec!["alliance-map".to_string()];
    argv.extend(args);
    let mut defaults = alliance_map::cli::Defaults::default();
    if let Some(widget) = widget {
        defaults.widget = widget;
    }
    Ok(alliance_map::cli::run_with(argv, &mut io, &defaults))
}

/// `exportData`'s format, named as `export --format` names it.
fn export_format(name: &str) -> Result<ExportFormat, JsError> {
    use clap::ValueEnum;
    ExportFormat::from_str(name, true).map_err(|_| JsError::new(&format!("exportData: unknown format `{name}`: expected jgf, gexf, graphml, cytoscape, ftm or csv")))
}
