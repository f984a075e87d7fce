//! Command-line interface. Each subcommand is a small function over the core.

use alliance_map::check::{check, render};
use alliance_map::diagnostic::has_errors;
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
        /// The TOML data file.
        file: PathBuf,
        /// `human` (with source snippets), `short` (one line each) or `json` (one object per line).
        #[arg(long, value_enum, default_value_t = MessageFormat::Human)]
        message_format: MessageFormat,
    },
    /// Write the dataset in another format to stdout (or `-o FILE`).
    Export {
        /// The TOML data file.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Jgf)]
        format: ExportFormat,
        /// Write here instead of stdout (for csv: the directory for the two files).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Check, lay out and compile a data file into a static site: DIR/data.amap,
    /// index.html and embed.html (with the facts as plain HTML for readers
    /// without JavaScript) and the widget's files copied from --widget.
    Build {
        /// The TOML data file.
        file: PathBuf,
        /// Output directory (created if missing).
        #[arg(short, long, default_value = "site")]
        output: PathBuf,
        /// The built widget (scripts/build.sh writes it to dist/).
        #[arg(long, default_value = "dist")]
        widget: PathBuf,
        /// Layout seed: the same seed gives the same map.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

#[derive(Clone, Copy, ValueEnum)]
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
                ExportFormat::Jgf => pretty(alliance_map::jgf::to_jgf(&data)),
                ExportFormat::Cytoscape => pretty(alliance_map::export::cytoscape::to_cytoscape(&data)),
                ExportFormat::Gexf => alliance_map::export::gexf::to_gexf(&data),
                ExportFormat::Graphml => alliance_map::export::graphml::to_graphml(&data),
                ExportFormat::Csv => return write_csv_pair(&data, output.as_deref()),
            };
            write_output(output.as_deref(), text.as_bytes())
        }
        Command::Build { file, output, widget, seed } => {
            let data = match load(&file, MessageFormat::Human) {
                Ok(d) => d,
                Err(code) => return code,
            };
            let config = alliance_map::layout::LayoutConfig { seed, ..Default::default() };
            let (entities, relations) = (data.entities.len(), data.relations.len());
            let data_for_pages = data.clone();
            let bytes = alliance_map::compiled::encode(&alliance_map::pipeline::compile(data, &config));
            if let Err(e) = std::fs::create_dir_all(&output) {
                eprintln!("error: cannot create {}: {e}", output.display());
                return ExitCode::from(2);
            }
            let code = write_output(Some(&output.join("data.amap")), &bytes);
            if code != ExitCode::SUCCESS {
                return code;
            }
            eprintln!("wrote {}/data.amap ({} bytes: {entities} entities, {relations} relations, seed {seed})", output.display(), bytes.len());
            site::write_site(&data_for_pages, &widget, &output)
        }
    }
}

/// Reads and checks a file, printing diagnostics to stderr (stdout for json).
/// Returns the dataset, or the exit code to stop with.
fn load(file: &Path, format: MessageFormat) -> Result<Dataset, ExitCode> {
    let name = file.display().to_string();
    let text = match std::fs::read(file) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("error: {name} is not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to());
                eprintln!("help: save the file as UTF-8");
                return Err(ExitCode::from(2));
            }
        },
        Err(e) => {
            eprintln!("error: cannot read {name}: {e}");
            return Err(ExitCode::from(2));
        }
    };
    let checked = check(&text);
    match format {
        MessageFormat::Json => print!("{}", render::json_lines(&name, &text, &checked.diagnostics)),
        MessageFormat::Short => {
            for d in &checked.diagnostics {
                eprint!("{}", render::short(&name, &text, d));
            }
            eprint!("{}", render::summary(&name, &checked.diagnostics));
        }
        MessageFormat::Human => eprint!("{}", render::human(&name, &text, &checked.diagnostics)),
    }
    match checked.dataset {
        Some(d) if !has_errors(&checked.diagnostics) => Ok(d),
        _ => Err(ExitCode::from(1)),
    }
}

fn write_csv_pair(data: &Dataset, dir: Option<&Path>) -> ExitCode {
    let Some(dir) = dir else {
        eprintln!("error: --format csv writes two files and needs a directory");
        eprintln!("help: add `-o DIR`; it gets DIR/entities.csv and DIR/relations.csv");
        return ExitCode::from(2);
    };
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("error: cannot create {}: {e}", dir.display());
        return ExitCode::from(2);
    }
    let entities = write_output(Some(&dir.join("entities.csv")), alliance_map::export::csv::entities_csv(data).as_bytes());
    if entities != ExitCode::SUCCESS {
        return entities;
    }
    write_output(Some(&dir.join("relations.csv")), alliance_map::export::csv::relations_csv(data).as_bytes())
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
