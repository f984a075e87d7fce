//! The `alliance-map` command line: check, export, convert, render, build, diff.
//! A library module over an [`Io`], so the native binary (src/main.rs, with
//! [`StdIo`]) and the compiler module (crates/compiler, with Node's `fs`)
//! run the same code: same flags, output and exit codes. Each subcommand's
//! work is a function the compiler module's API calls too ([`outputs`]).
//!
//! Exit codes: 0 clean, 1 data errors, 2 usage error (bad arguments,
//! unreadable file).

mod io;
mod load;
pub mod outputs;
mod site;

pub use io::{join, Io};
#[cfg(not(target_arch = "wasm32"))]
pub use io::StdIo;
pub use load::{check_texts, check_texts_with, per_file, MessageFormat, Usage};
pub use outputs::ExportFormat;

use clap::{Parser, Subcommand};
use load::{error, load, usage_error};

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
        file: Vec<String>,
        #[command(flatten)]
        import: ImportArgs,
        /// `human` (with source snippets), `short` (one line each) or `json` (one object per line).
        #[arg(long, value_enum, default_value_t = MessageFormat::Human)]
        message_format: MessageFormat,
    },
    /// Write the dataset in another format to stdout (or `-o FILE`).
    Export {
        /// The data file: TOML, or GEXF, GraphML, JGF (.json) or CSV (an
        /// entities and a relations file) to import.
        #[arg(required = true, num_args = 1..=2)]
        file: Vec<String>,
        #[command(flatten)]
        import: ImportArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Jgf)]
        format: ExportFormat,
        /// Write here instead of stdout (for csv: the directory for the two files).
        #[arg(short, long)]
        output: Option<String>,
    },
    /// Draw the whole map as an SVG figure: title, as-of date and legend above, labels as text,
    /// credit line and citations below.
    Render {
        /// The data file (any format `check` reads).
        #[arg(required = true, num_args = 1..=2)]
        file: Vec<String>,
        #[command(flatten)]
        import: ImportArgs,
        /// Where to write the SVG (stdout if absent).
        #[arg(short, long)]
        output: Option<String>,
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
        /// As `build --layout`: `keep` draws an imported file that places every node as placed.
        #[arg(long, value_parser = ["keep", "auto"], default_value = "keep")]
        layout: String,
        /// Draw step N of the data's story (from 1) as `build`'s `steps/N.svg`: the map as the
        /// step shows it, with its caption.
        #[arg(long)]
        step: Option<usize>,
    },
    /// List what changed between two versions of a data file, in words: entities, facts,
    /// relations (as sentences) and sources added, removed or changed.
    Diff {
        /// The older version (any format `check` reads).
        old: String,
        /// The newer version.
        new: String,
    },
    /// Convert a GEXF, GraphML, JGF or CSV file (or CSV pair) into a data file.
    Convert {
        /// The file(s) to import.
        #[arg(required = true, num_args = 1..=2)]
        file: Vec<String>,
        #[command(flatten)]
        import: ImportArgs,
        /// Where to write the TOML data file (stdout if absent).
        #[arg(short, long)]
        output: Option<String>,
    },
    /// Check, lay out (unless --no-layout) and compile a data file into a static site: DIR/data.amap,
    /// index.html and embed.html (with the facts as plain HTML for readers
    /// without JavaScript) and the widget's files copied from --widget.
    Build {
        /// The data file: TOML, or GEXF, GraphML, JGF (.json) or CSV (an
        /// entities and a relations file) to import.
        #[arg(required = true, num_args = 1..=2)]
        file: Vec<String>,
        #[command(flatten)]
        import: ImportArgs,
        /// Output directory (created if missing).
        #[arg(short, long, default_value = "site")]
        output: String,
        /// The built widget: scripts/build.sh writes it to dist/, the default;
        /// run by the npm package, its own widget.
        #[arg(long)]
        widget: Option<String>,
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
        /// `keep`: an imported file that places every node (Gephi's viz:position,
        /// yEd, Cytoscape, graphology) is drawn as placed; `auto`: always laid out here.
        #[arg(long, value_parser = ["keep", "auto"], default_value = "keep")]
        layout: String,
    },
}

/// How files of other tools are read (every subcommand that reads a file).
#[derive(clap::Args, Clone, Debug, Default)]
struct ImportArgs {
    /// Fail on what a standards desk would not publish: entities whose kind, country and
    /// aliases cite no source (W010) become errors; in an import, a self-loop or an edge to an
    /// undeclared node is an error, as in a data file (by default: skipped, or the node created,
    /// with one warning).
    #[arg(long)]
    strict: bool,
    /// Imports only: the node column whose values (person, Company ...) set each entity's kind.
    #[arg(long, value_name = "COLUMN")]
    kind_column: Option<String>,
    /// Imports only: the edge column whose values (member_of, Partner of ...) set each relation's type.
    #[arg(long, value_name = "COLUMN")]
    type_column: Option<String>,
    /// Imports only: the edge column whose dates (YYYY, YYYY-MM, YYYY-MM-DD) are each relation's start.
    #[arg(long, value_name = "COLUMN")]
    start_column: Option<String>,
    /// Imports only: the edge column whose dates are each relation's end.
    #[arg(long, value_name = "COLUMN")]
    end_column: Option<String>,
}

impl ImportArgs {
    fn options(self) -> crate::formats::import::ImportOptions {
        let (kind_column, type_column, start_column, end_column) = (self.kind_column, self.type_column, self.start_column, self.end_column);
        crate::formats::import::ImportOptions { strict: self.strict, kind_column, type_column, start_column, end_column }
    }
}

/// Parses `args` (the program name first) and runs the subcommand over
/// `io`; returns the exit code. The native command's defaults.
pub fn run(args: Vec<String>, io: &mut dyn Io) -> u8 {
    run_with(args, io, &Defaults::default())
}

/// What a command line that does not say takes: differs where the command runs.
#[derive(Clone, Debug)]
pub struct Defaults {
    /// `build --widget`: `dist` natively; the npm package's own widget folder on Node.
    pub widget: String,
}

impl Default for Defaults {
    fn default() -> Self {
        Defaults { widget: "dist".into() }
    }
}

/// [`run`] with other [`Defaults`].
pub fn run_with(args: Vec<String>, io: &mut dyn Io, defaults: &Defaults) -> u8 {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(err) => {
            // Rendered without colour on every platform, so both commands print the same.
            let text = err.render().to_string();
            let out = if err.use_stderr() { io.stderr() } else { io.stdout() };
            let _ = out.write_all(text.as_bytes());
            return if err.use_stderr() { 2 } else { 0 };
        }
    };
    match cli.command {
        Command::Check { file, import, message_format } => match load(io, &file, import.options(), message_format) {
            Ok(_) => 0,
            Err(code) => code,
        },
        Command::Export { file, import, format, output } => match load(io, &file, import.options(), MessageFormat::Human) {
            Ok(data) => export(io, &data, format, output.as_deref()),
            Err(code) => code,
        },
        Command::Render { file, import, output, width, height, as_of, theme, layout, step: Some(step) } => match load::load_placed(io, &file, import.options(), MessageFormat::Human) {
            Ok((data, placed)) => {
                let count = data.steps.len();
                match outputs::render_step_svg(data, placed.filter(|_| layout == "keep"), step.wrapping_sub(1), width, height, theme == "dark") {
                    Some(svg) if as_of.is_none() => write_output(io, output.as_deref(), svg.as_bytes()),
                    Some(_) => usage_error(io, "--as-of with --step: a step has its own date", "leave out --as-of; the step's `as_of` dates it"),
                    None => usage_error(io, &format!("--step {step}: the story has {count} step{}", if count == 1 { "" } else { "s" }), &if count == 0 { "add `[[step]]` tables to the data file (docs/data-format.md, \"Story steps\")".to_string() } else { format!("give a step from 1 to {count}") }),
                }
            }
            Err(code) => code,
        },
        Command::Render { file, import, output, width, height, as_of, theme, layout, step: None } => {
            let as_of = match as_of.as_deref().map(crate::model::date::PartialDate::parse).transpose() {
                Ok(date) => date,
                Err(e) => return usage_error(io, &format!("--as-of: {e}"), "give a date as YYYY, YYYY-MM or YYYY-MM-DD, e.g. --as-of 2023-09-28"),
            };
            match load::load_placed(io, &file, import.options(), MessageFormat::Human) {
                Ok((data, placed)) => {
                    let svg = outputs::render_placed_svg(data, placed.filter(|_| layout == "keep"), width, height, as_of, theme == "dark");
                    write_output(io, output.as_deref(), svg.as_bytes())
                }
                Err(code) => code,
            }
        }
        Command::Diff { old, new } => match (load(io, std::slice::from_ref(&old), Default::default(), MessageFormat::Human), load(io, std::slice::from_ref(&new), Default::default(), MessageFormat::Human)) {
            (Ok(a), Ok(b)) => {
                let lines = crate::display::diff::diff(&a, &b);
                let text = if lines.is_empty() { "No changes.\n".to_string() } else { lines.iter().map(|l| format!("{l}\n")).collect() };
                write_output(io, None, text.as_bytes())
            }
            (Err(code), _) | (_, Err(code)) => code,
        },
        Command::Convert { file, import, output } => match load(io, &file, import.options(), MessageFormat::Human) {
            Ok(data) => match outputs::convert_toml(&data) {
                Ok(toml) => write_output(io, output.as_deref(), toml.as_bytes()),
                Err(report) => error(io, &format!("the data file convert would write does not check as the import did (please report this bug):\n{report}")),
            },
            Err(code) => code,
        },
        Command::Build { file, import, output, widget, base_url, allow_data_from, seed, no_layout, layout } => {
            let base_url = match base_url.as_deref().map(crate::site::normalize_base_url).transpose() {
                Ok(url) => url,
                Err(msg) => return usage_error(io, &msg, "give the address the folder is served at, e.g. --base-url https://example.org/maps/alliances/"),
            };
            let allow_data_from = match crate::site::normalize_allowed(&allow_data_from) {
                Ok(allowed) => allowed,
                Err(msg) => return usage_error(io, &msg, "give scheme://host[:port], e.g. --allow-data-from https://data.example.org, or `self` for paths on the site's own origin"),
            };
            match load::load_placed(io, &file, import.options(), MessageFormat::Human) {
                Ok((data, placed)) => {
                    let positions = placed.filter(|_| layout == "keep");
                    let options = outputs::BuildOptions { base_url, allow_data_from, seed, no_layout, positions };
                    site::build(io, data, &output, widget.as_deref().unwrap_or(&defaults.widget), &options)
                }
                Err(code) => code,
            }
        }
    }
}

fn export(io: &mut dyn Io, data: &crate::model::Dataset, format: ExportFormat, output: Option<&str>) -> u8 {
    let files = outputs::export_files(data, format);
    if format != ExportFormat::Csv {
        return write_output(io, output, &files[0].1);
    }
    let Some(dir) = output else {
        return usage_error(io, "--format csv writes two files and needs a directory", "add `-o DIR`; it gets DIR/entities.csv and DIR/relations.csv");
    };
    if let Err(e) = io.create_dir_all(dir) {
        return error(io, &format!("cannot create {dir}: {e}"));
    }
    for (name, bytes) in &files {
        let code = write_output(io, Some(&join(dir, name)), bytes);
        if code != 0 {
            return code;
        }
    }
    0
}

/// Writes `bytes` to `path`, or to stdout.
fn write_output(io: &mut dyn Io, path: Option<&str>, bytes: &[u8]) -> u8 {
    let result = match path {
        Some(p) => io.write(p, bytes).map_err(|e| format!("cannot write {p}: {e}")),
        None => io.stdout().write_all(bytes).map_err(|e| format!("cannot write to stdout: {e}")),
    };
    match result {
        Ok(()) => 0,
        Err(msg) => error(io, &msg),
    }
}
