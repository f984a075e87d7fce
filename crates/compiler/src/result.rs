//! From JavaScript values to the crate's inputs, and from its results to the
//! shapes www/compiler.d.ts declares.

use alliance_map::places::{DiagnosticView, Locator};
use alliance_map::check::diagnostic::{Diagnostic, Severity};
use alliance_map::check::render;
use alliance_map::cli::outputs::BuildOptions;
use alliance_map::cli::{check_texts, per_file};
use alliance_map::model::Dataset;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// A file given to the compiler; its name's extension decides its format.
#[derive(Deserialize)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
}

/// The files of one call, in order.
pub struct Input {
    pub names: Vec<String>,
    pub texts: Vec<String>,
}

impl Input {
    /// `[{name, text}]`, one file or more.
    pub fn from_js(files: JsValue) -> Result<Input, JsError> {
        let files: Vec<SourceFile> = serde_wasm_bindgen::from_value(files).map_err(|e| JsError::new(&format!("expected [{{name, text}}]: {e}")))?;
        if files.is_empty() {
            return Err(JsError::new("no file given: pass [{name, text}] with one .toml, .gexf, .graphml or .json file, or one or two .csv files"));
        }
        Ok(Input { names: files.iter().map(|f| f.name.clone()).collect(), texts: files.into_iter().map(|f| f.text).collect() })
    }
}

/// What every call returns: the diagnostics as data and as `check` prints them.
#[derive(Serialize)]
pub struct CheckedView {
    pub diagnostics: Vec<DiagnosticView>,
    pub rendered: String,
    pub errors: usize,
    pub warnings: usize,
    pub ok: bool,
}

/// A checked input: the view, and the dataset when there was no error.
pub struct Compiled {
    pub view: CheckedView,
    pub dataset: Option<Dataset>,
    /// Where an imported file placed every entity (`build --layout keep`).
    pub positions: Option<Vec<f32>>,
}

/// Checks `input` as the command does (same format rules, same report).
pub fn checked(input: &Input) -> Result<Compiled, JsError> {
    let checked = check_texts(&input.names, &input.texts).map_err(|u| JsError::new(&format!("{}; {}", u.message, u.help)))?;
    let files = per_file(&input.names, &input.texts, &checked.diagnostics);
    let view = view(input, &files);
    let dataset = checked.dataset.filter(|_| view.ok);
    Ok(Compiled { view, dataset, positions: checked.positions })
}

fn view(input: &Input, files: &[Vec<Diagnostic>]) -> CheckedView {
    let mut diagnostics = Vec::new();
    let mut rendered = String::new();
    for ((name, text), diags) in input.names.iter().zip(&input.texts).zip(files) {
        let locator = Locator::new(name, text);
        diagnostics.extend(diags.iter().map(|d| locator.diagnostic(d)));
        rendered.push_str(&render::human(name, text, diags));
    }
    let errors = files.iter().flatten().filter(|d| d.severity() == Severity::Error).count();
    let warnings = files.iter().flatten().count() - errors;
    CheckedView { diagnostics, rendered, errors, warnings, ok: errors == 0 }
}

/// A value as plain JavaScript objects (flattened structs too, which
/// serde-wasm-bindgen would otherwise make `Map`s).
pub fn to_value(value: &impl Serialize) -> Result<JsValue, JsError> {
    value.serialize(&serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true)).map_err(js_error)
}

/// Sets a property of an object this module made (which cannot fail).
pub fn set(object: &JsValue, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(object, &JsValue::from_str(key), value);
}

pub fn js_error(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

/// The view as a JavaScript object, with `files: [{name, bytes: Uint8Array}]` when given.
pub fn to_js(view: &CheckedView, files: &[(String, Vec<u8>)]) -> Result<JsValue, JsError> {
    let out = to_value(view)?;
    let list = js_sys::Array::new();
    for (name, bytes) in files {
        let file = js_sys::Object::new();
        set(&file, "name", &name.into());
        set(&file, "bytes", &js_sys::Uint8Array::from(bytes.as_slice()));
        list.push(&file);
    }
    set(&out, "files", &list);
    Ok(out)
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct BuildOptionsIn {
    base_url: Option<String>,
    allow_data_from: Vec<String>,
    seed: Option<u64>,
    no_layout: bool,
    /// `build --layout`: "keep" (the default) or "auto".
    layout: Option<String>,
    widget_pages: Option<WidgetPages>,
}

#[derive(Deserialize)]
struct WidgetPages {
    index: String,
    embed: String,
}

/// `options.previous`: the bytes of an earlier data.amap (a Uint8Array), if given.
pub fn previous_map(options: &JsValue) -> Option<Vec<u8>> {
    use wasm_bindgen::JsCast;
    let value = js_sys::Reflect::get(options, &JsValue::from_str("previous")).ok()?;
    value.dyn_into::<js_sys::Uint8Array>().ok().map(|a| a.to_vec())
}

/// `build`'s options, validated as the command validates its flags, and the widget's two pages.
/// The third value: whether an imported file's own placement is kept (`layout`, as `build --layout`).
pub fn build_options(options: JsValue) -> Result<(BuildOptions, [String; 2], bool), JsError> {
    let given: BuildOptionsIn = if options.is_undefined() || options.is_null() { BuildOptionsIn::default() } else { serde_wasm_bindgen::from_value(options).map_err(js_error)? };
    if given.no_layout && given.seed.is_some() {
        return Err(JsError::new("noLayout and seed cannot go together (a map laid out in the browser has no seed)"));
    }
    let out = BuildOptions {
        base_url: given.base_url.as_deref().map(alliance_map::site::normalize_base_url).transpose().map_err(|e| JsError::new(&format!("baseUrl: {e}")))?,
        allow_data_from: alliance_map::site::normalize_allowed(&given.allow_data_from).map_err(|e| JsError::new(&format!("allowDataFrom: {e}")))?,
        // `build --seed`'s default.
        seed: given.seed.unwrap_or(1),
        no_layout: given.no_layout,
        // The file's placement is given by `keep_positions`, which knows the input.
        positions: None,
    };
    if !matches!(given.layout.as_deref(), None | Some("keep") | Some("auto")) {
        return Err(JsError::new("layout: expected \"keep\" or \"auto\""));
    }
    let pages = given.widget_pages.map(|p| [p.index, p.embed]).unwrap_or_default();
    let keep = given.layout.as_deref() != Some("auto");
    Ok((out, pages, keep))
}
