//! Command-line interface. Each subcommand is a small function over the core.

use alliance_map::check::{check, render};
use alliance_map::check::diagnostic::has_errors;
use alliance_map::formats::import;
use alliance_map::model::Dataset;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod site;

#[derive(Parser)]
#[command(name = "alliance-map", version, about = "Check, export and build alliance-map data files")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Report every problem in a data file, like a compiler.
    Check {
        /// The data file: TOML, or GEXF, GraphML, JGF (.json) or CSV (an
        /// entities and a relations file) to import.
        #[arg(required = true, num_args = 1..=2)]
        file: Vec<PathBuf>,
        /// `human` (with source snippets), `short` (one line each) or `json` (one object per line).
        #[arg(long, value_enum, default_value_t = MessageFormat::Human)]
        message_format: MessageFormat,
    },
    /// Write the dataset in another format to stdout (or `-o FILE`).
    Export {
        /// The data file: TOML, or GEXF, GraphML, JGF (.json) or CSV (an
        /// entities and a relations file) to import.
        #[arg(required = true, num_args = 1..=2)]
        file: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Jgf)]
        format: ExportFormat,
        /// Write here instead of stdout (for csv: the directory for the two files).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Draw the whole map as an SVG figure: title, as-of date and legend above, labels as text,
    /// credit line and citations below.
    Render {
        /// The data file (any format `check` reads).
        #[arg(required = true, num_args = 1..=2)]
        file: Vec<PathBuf>,
        /// Where to write the SVG (stdout if absent).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Width of the map in px.
        #[arg(long, default_value_t = 1200)]
        width: u32,
        /// Height of the map in px (the header and footer are added around it).
        #[arg(long, default_value_t = 800)]
        height: u32,
        /// Draw the map as of this date (YYYY, YYYY-MM or YYYY-MM-DD), as the widget's slider does;
        /// the figure then says "As of" it.
        #[arg(long)]
        as_of: Option<String>,
        /// `light` or `dark` (the widget's two themes).
        #[arg(long, value_parser = ["light", "dark"], default_value = "light")]
        theme: String,
    },
    /// Convert a GEXF, GraphML, JGF or CSV file (or CSV pair) into a data file.
    Convert {
        /// The file(s) to import.
        #[arg(required = true, num_args = 1..=2)]
        file: Vec<PathBuf>,
        /// Where to write the TOML data file (stdout if absent).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Check, lay out (unless --no-layout) and compile a data file into a static site: DIR/data.amap,
    /// index.html and embed.html (with the facts as plain HTML for readers
    /// without JavaScript) and the widget's files copied from --widget.
    Build {
        /// The data file: TOML, or GEXF, GraphML, JGF (.json) or CSV (an
        /// entities and a relations file) to import.
        #[arg(required = true, num_args = 1..=2)]
        file: Vec<PathBuf>,
        /// Output directory (created if missing).
        #[arg(short, long, default_value = "site")]
        output: PathBuf,
        /// The built widget (scripts/build.sh writes it to dist/).
        #[arg(long, default_value = "dist")]
        widget: PathBuf,
        /// The site's public address (an http(s) folder URL): writes oembed.json
        /// and links it, with the canonical address, from the pages (CMSs find the embed by it).
        #[arg(long)]
        base_url: Option<String>,
        /// Lets a link's `?data=` (`embed.html?src=`) load a dataset from this
        /// origin (https://host[:port]) or the site's own, instead of only
        /// data.amap; `self` for the site's own origin only. Repeatable.
        #[arg(long, value_name = "ORIGIN")]
        allow_data_from: Vec<String>,
        /// Layout seed: the same seed gives the same map.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Store no positions: the widget lays the map out in the reader's
        /// browser, in a Web Worker (the same map as the default seed gives).
        #[arg(long, conflicts_with = "seed")]
        no_layout: bool,
    },
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum MessageFormat {
    Human,
    Short,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    /// JSON Graph Format v2.
    Jgf,
    /// GEXF 1.3 (Gephi), dynamic with start/end dates.
    Gexf,
    /// GraphML with typed keys (networkx, yEd).
    Graphml,
    /// Cytoscape.js elements JSON.
    Cytoscape,
    /// entities.csv + relations.csv in DIR (needs -o DIR).
    Csv,
}

/// Parses arguments and runs the subcommand.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return if err.use_stderr() { ExitCode::from(2) } else { ExitCode::SUCCESS };
        }
    };
    match cli.command {
        Command::Check { file, message_format } => match load(&file, message_format) {
            Ok(_) => ExitCode::SUCCESS,
            Err(code) => code,
        },
        Command::Export { file, format, output } => {
            let data = match load(&file, MessageFormat::Human) {
                Ok(d) => d,
                Err(code) => return code,
            };
            let pretty = |v: serde_json::Value| serde_json::to_string_pretty(&v).unwrap_or_default() + "\n";
            let text = match format {
                ExportFormat::Jgf => pretty(alliance_map::formats::jgf::to_jgf(&data)),
                ExportFormat::Cytoscape => pretty(alliance_map::formats::export::cytoscape::to_cytoscape(&data)),
                ExportFormat::Gexf => alliance_map::formats::export::gexf::to_gexf(&data),
                ExportFormat::Graphml => alliance_map::formats::export::graphml::to_graphml(&data),
                ExportFormat::Csv => return write_csv_pair(&data, output.as_deref()),
            };
            write_output(output.as_deref(), text.as_bytes())
        }
        Command::Render { file, output, width, height, as_of, theme } => {
            let as_of = match as_of.as_deref().map(alliance_map::model::date::PartialDate::parse).transpose() {
                Ok(date) => date,
                Err(e) => return usage_error(&format!("--as-of: {e}"), "give a date as YYYY, YYYY-MM or YYYY-MM-DD, e.g. --as-of 2023-09-28"),
            };
            let data = match load(&file, MessageFormat::Human) {
                Ok(d) => d,
                Err(code) => return code,
            };
            let mut scene = alliance_map::scene::Scene::new(alliance_map::pipeline::compile(data, &Default::default()));
            if let Some(date) = as_of {
                // The slider's day for a date: the first day it may mean.
                scene.set_filter(&alliance_map::query::filter::Filter { as_of: Some(date.first_day()), ..Default::default() });
            }
            // No font metrics here: an average sans-serif glyph is about 0.58 em wide.
            let widths: Vec<f32> = scene.data.entities.iter().map(|e| 12.0 * 0.58 * e.label().chars().count() as f32 + 2.0).collect();
            let view = alliance_map::display::fit_view(&scene, width.max(100) as f32, height.max(100) as f32);
            let theme = if theme == "dark" { alliance_map::display::style::DARK } else { alliance_map::display::style::LIGHT };
            let list = alliance_map::display::display_list(&scene, view, &widths, 16.0, theme);
            write_output(output.as_deref(), alliance_map::display::svg::to_svg(&list).as_bytes())
        }
        Command::Convert { file, output } => {
            let data = match load(&file, MessageFormat::Human) {
                Ok(d) => d,
                Err(code) => return code,
            };
            write_output(output.as_deref(), alliance_map::formats::write_toml::to_toml(&data).as_bytes())
        }
        Command::Build { file, output, widget, base_url, allow_data_from, seed, no_layout } => {
            let base_url = match base_url.as_deref().map(alliance_map::site::normalize_base_url).transpose() {
                Ok(url) => url,
                Err(msg) => return usage_error(&msg, "give the address the folder is served at, e.g. --base-url https://example.org/maps/alliances/"),
            };
            let allow_data_from = match alliance_map::site::normalize_allowed(&allow_data_from) {
                Ok(allowed) => allowed,
                Err(msg) => return usage_error(&msg, "give scheme://host[:port], e.g. --allow-data-from https://data.example.org, or `self` for paths on the site's own origin"),
            };
            let data = match load(&file, MessageFormat::Human) {
                Ok(d) => d,
                Err(code) => return code,
            };
            let config = alliance_map::layout::LayoutConfig { seed, ..Default::default() };
            let (entities, relations) = (data.entities.len(), data.relations.len());
            let data_for_pages = data.clone();
            let compiled = if no_layout {
                alliance_map::pipeline::compile_without_layout(data)
            } else {
                // An earlier build in the same folder is the warm start: small edits move the map a
                // little. One built with --no-layout has no positions to start from.
                let previous = warm_start(&output.join("data.amap"), &data);
                alliance_map::pipeline::compile_from(data, &config, previous.as_ref())
            };
            let bytes = alliance_map::compiled::encode(&compiled);
            if let Err(e) = std::fs::create_dir_all(&output) {
                eprintln!("error: cannot create {}: {e}", output.display());
                return ExitCode::from(2);
            }
            let code = write_output(Some(&output.join("data.amap")), &bytes);
            if code != ExitCode::SUCCESS {
                return code;
            }
            let layout = if no_layout { "no positions: laid out in the browser".to_string() } else { format!("seed {seed}") };
            eprintln!("wrote {}/data.amap ({} bytes: {entities} entities, {relations} relations, {layout})", output.display(), bytes.len());
            site::write_site(&data_for_pages, &widget, &output, &site::SiteOptions { base_url: base_url.as_deref(), allow_data_from: &allow_data_from })
        }
    }
}

/// The earlier build in the output folder, if it is one of this dataset (at
/// least half of today's entities are in it): a warm start from another
/// dataset's map would only scramble this one. Says which, on stderr.
fn warm_start(path: &Path, data: &Dataset) -> Option<alliance_map::compiled::Compiled> {
    let bytes = std::fs::read(path).ok()?;
    let shown = path.display();
    let previous = match alliance_map::compiled::decode(&bytes) {
        Ok(c) if !c.needs_layout() => c,
        Ok(_) => return None, // built with --no-layout: no positions to start from
        Err(e) => {
            eprintln!("note: ignored the earlier {shown} for a warm start: it is not a compiled map ({e}); laid out afresh");
            return None;
        }
    };
    let ids: std::collections::HashSet<&str> = previous.dataset.entities.iter().map(|e| e.id.as_str()).collect();
    let kept = data.entities.iter().filter(|e| ids.contains(e.id.as_str())).count();
    if 2 * kept < data.entities.len() {
        eprintln!("note: ignored the earlier {shown} for a warm start: only {kept} of this file's {} entities are in it (another dataset?); laid out afresh", data.entities.len());
        return None;
    }
    eprintln!("warm start from the earlier {shown} ({kept} of {} entities kept their place; delete it for a fresh layout)", data.entities.len());
    Some(previous)
}

/// Reads and checks the input (TOML, or one of the importable formats),
/// printing diagnostics to stderr (stdout for json).
/// Returns the dataset, or the exit code to stop with.
fn load(files: &[PathBuf], format: MessageFormat) -> Result<Dataset, ExitCode> {
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    let mut texts = Vec::new();
    for (file, name) in files.iter().zip(&names) {
        texts.push(read_text(file, name)?);
    }
    let is_toml = names.iter().all(|n| n.ends_with(".toml"));
    let import_format = names.iter().map(|n| import::Format::from_path(n)).collect::<Option<Vec<_>>>();
    let checked = match (is_toml, import_format) {
        (true, _) if files.len() == 1 => check(&texts[0]),
        (false, Some(formats)) if formats.iter().all(|f| *f == formats[0]) && (files.len() == 1 || formats[0] == import::Format::Csv) => {
            let inputs: Vec<import::Input> = names.iter().zip(&texts).map(|(name, text)| import::Input { name, text }).collect();
            import::import(formats[0], &inputs)
        }
        _ => {
            return Err(usage_error(&format!("cannot read {} together", names.join(" and ")), "give one .toml, .gexf, .graphml or .json file, or one or two .csv files (entities and relations)"));
        }
    };
    report(&names, &texts, &checked.diagnostics, format);
    match checked.dataset {
        Some(d) if !has_errors(&checked.diagnostics) => Ok(d),
        _ => Err(ExitCode::from(1)),
    }
}

fn read_text(file: &Path, name: &str) -> Result<String, ExitCode> {
    match std::fs::read(file) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|e| {
            eprintln!("error: {name} is not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to());
            eprintln!("help: save the file as UTF-8");
            ExitCode::from(2)
        }),
        Err(e) => {
            eprintln!("error: cannot read {name}: {e}");
            Err(ExitCode::from(2))
        }
    }
}

/// Prints diagnostics per file (spans of a multi-file import are offsets
/// into the files laid end to end; see `import::locate`).
fn report(names: &[String], texts: &[String], diagnostics: &[alliance_map::check::diagnostic::Diagnostic], format: MessageFormat) {
    let inputs: Vec<import::Input> = names.iter().zip(texts).map(|(name, text)| import::Input { name, text }).collect();
    let mut per_file: Vec<Vec<alliance_map::check::diagnostic::Diagnostic>> = vec![Vec::new(); names.len()];
    for d in diagnostics {
        let (i, start) = import::locate(&inputs, d.span.start);
        let shift = d.span.start - start;
        let mut local = d.clone();
        local.span = start..d.span.end.saturating_sub(shift).max(start);
        local.related = d.related.iter().map(|(s, n)| (s.start.saturating_sub(shift)..s.end.saturating_sub(shift), n.clone())).collect();
        per_file[i].push(local);
    }
    // Streamed as rendered: a flood of diagnostics is never held whole in memory.
    let (stdout, stderr) = (std::io::stdout(), std::io::stderr());
    let mut out: Box<dyn std::io::Write> = match format {
        MessageFormat::Json => Box::new(std::io::BufWriter::new(stdout.lock())),
        _ => Box::new(std::io::BufWriter::new(stderr.lock())),
    };
    for ((name, text), diags) in names.iter().zip(texts).zip(&per_file) {
        let written = match format {
            MessageFormat::Json => render::write_json(&mut out, name, text, diags),
            MessageFormat::Short => render::write_short(&mut out, name, text, diags),
            MessageFormat::Human => render::write_human(&mut out, name, text, diags),
        };
        // A closed pipe (`| head`) ends the report, not the command's exit code.
        if written.and_then(|()| out.flush()).is_err() {
            return;
        }
    }
}

fn write_csv_pair(data: &Dataset, dir: Option<&Path>) -> ExitCode {
    let Some(dir) = dir else {
        return usage_error("--format csv writes two files and needs a directory", "add `-o DIR`; it gets DIR/entities.csv and DIR/relations.csv");
    };
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("error: cannot create {}: {e}", dir.display());
        return ExitCode::from(2);
    }
    let entities = write_output(Some(&dir.join("entities.csv")), alliance_map::formats::export::csv::entities_csv(data).as_bytes());
    if entities != ExitCode::SUCCESS {
        return entities;
    }
    write_output(Some(&dir.join("relations.csv")), alliance_map::formats::export::csv::relations_csv(data).as_bytes())
}

fn write_output(path: Option<&Path>, bytes: &[u8]) -> ExitCode {
    use std::io::Write;
    let result = match path {
        Some(p) => std::fs::write(p, bytes).map_err(|e| format!("cannot write {}: {e}", p.display())),
        None => std::io::stdout().write_all(bytes).map_err(|e| format!("cannot write to stdout: {e}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("error: {msg}");
            ExitCode::from(2)
        }
    }
}

/// Says what is wrong with the command line (`error:`) and how to fix it
/// (`help:`), like every other usage error; exit code 2.
fn usage_error(message: &str, help: &str) -> ExitCode {
    eprintln!("error: {message}");
    eprintln!("help: {help}");
    ExitCode::from(2)
}
