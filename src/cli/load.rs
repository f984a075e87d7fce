//! Reading the command's input: one TOML data file, or files of a format to
//! import; checked by the one set of rules, its diagnostics reported per file.

use super::io::Io;
use crate::check::diagnostic::{has_errors, Diagnostic};
use crate::check::{check, render, Checked};
use crate::formats::import;
use crate::model::Dataset;
use std::io::Write;

/// How diagnostics are printed (`--message-format`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum MessageFormat {
    /// With source snippets, like rustc, on stderr.
    Human,
    /// One line each, on stderr.
    Short,
    /// One JSON object per line, on stdout.
    Json,
}

/// A usage error: what is wrong and how to fix it (exit code 2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Usage {
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: String,
}

/// Checks `texts` (named `names`): TOML, or one importable format (one or
/// two CSV files). The files' formats come from their names.
pub fn check_texts(names: &[String], texts: &[String]) -> Result<Checked, Usage> {
    check_texts_with(names, texts, import::ImportOptions::default())
}

/// [`check_texts`] with other [`import::ImportOptions`] (`--strict`).
pub fn check_texts_with(names: &[String], texts: &[String], options: import::ImportOptions) -> Result<Checked, Usage> {
    let is_toml = names.iter().all(|n| n.ends_with(".toml"));
    let formats = names.iter().map(|n| import::Format::from_path(n)).collect::<Option<Vec<_>>>();
    match (is_toml, formats) {
        (true, _) if names.len() == 1 => Ok(check(&texts[0])),
        (false, Some(formats)) if formats.iter().all(|f| *f == formats[0]) && (names.len() == 1 || formats[0] == import::Format::Csv) => {
            let inputs: Vec<import::Input> = names.iter().zip(texts).map(|(name, text)| import::Input { name, text }).collect();
            Ok(import::import_with(formats[0], &inputs, options))
        }
        _ => Err(Usage {
            message: format!("cannot read {} together", names.join(" and ")),
            help: "give one .toml, .gexf, .graphml or .json file, or one or two .csv files (entities and relations)".into(),
        }),
    }
}

/// The diagnostics of a multi-file import, each moved into its own file
/// (spans are offsets into the files laid end to end; see `import::locate`).
pub fn per_file(names: &[String], texts: &[String], diagnostics: &[Diagnostic]) -> Vec<Vec<Diagnostic>> {
    let inputs: Vec<import::Input> = names.iter().zip(texts).map(|(name, text)| import::Input { name, text }).collect();
    let mut out: Vec<Vec<Diagnostic>> = vec![Vec::new(); names.len()];
    for d in diagnostics {
        let (i, start) = import::locate(&inputs, d.span.start);
        let shift = d.span.start - start;
        let mut local = d.clone();
        local.span = start..d.span.end.saturating_sub(shift).max(start);
        local.related = d.related.iter().map(|(s, n)| (s.start.saturating_sub(shift)..s.end.saturating_sub(shift), n.clone())).collect();
        out[i].push(local);
    }
    out
}

/// Reads and checks the input files, printing diagnostics to stderr (stdout
/// for json). Returns the dataset, or the exit code to stop with.
pub fn load(io: &mut dyn Io, files: &[String], options: import::ImportOptions, format: MessageFormat) -> Result<Dataset, u8> {
    load_placed(io, files, options, format).map(|(data, _)| data)
}

/// [`load`], with where an imported file placed every entity, if it did
/// (`Checked::positions`), for `build --layout keep`. `options.strict` also
/// raises the warnings a standards desk would not publish (uncited
/// identities, W010) to errors.
pub fn load_placed(io: &mut dyn Io, files: &[String], options: import::ImportOptions, format: MessageFormat) -> Result<(Dataset, Option<Vec<f32>>), u8> {
    let mut texts = Vec::new();
    for name in files {
        texts.push(read_text(io, name)?);
    }
    let mut checked = check_texts_with(files, &texts, options.clone()).map_err(|u| usage_error(io, &u.message, &u.help))?;
    if options.strict {
        crate::check::diagnostic::make_strict(&mut checked.diagnostics);
    }
    report(io, files, &texts, &checked.diagnostics, format);
    match checked.dataset {
        Some(d) if !has_errors(&checked.diagnostics) => Ok((d, checked.positions)),
        _ => Err(1),
    }
}

fn read_text(io: &mut dyn Io, name: &str) -> Result<String, u8> {
    match io.read(name).map(|bytes| import::gz::inflate_if_gzipped(name, bytes)) {
        Ok(Err(message)) => Err(usage_error(io, &message, "give the file as it was written, or inflated (gunzip)")),
        Ok(Ok(bytes)) => String::from_utf8(bytes)
            .map_err(|e| usage_error(io, &format!("{name} is not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to()), "save the file as UTF-8")),
        Err(e) => Err(error(io, &format!("cannot read {name}: {e}"))),
    }
}

fn report(io: &mut dyn Io, names: &[String], texts: &[String], diagnostics: &[Diagnostic], format: MessageFormat) {
    let per_file = per_file(names, texts, diagnostics);
    // Streamed as rendered: a flood of diagnostics is never held whole in memory.
    let out: &mut dyn Write = if format == MessageFormat::Json { io.stdout() } else { io.stderr() };
    let mut out = std::io::BufWriter::new(out);
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

/// Prints `error: message`; exit code 2.
pub fn error(io: &mut dyn Io, message: &str) -> u8 {
    let _ = writeln!(io.stderr(), "error: {message}");
    2
}

/// Says what is wrong with the command line (`error:`) and how to fix it
/// (`help:`), like every other usage error; exit code 2.
pub fn usage_error(io: &mut dyn Io, message: &str, help: &str) -> u8 {
    let _ = writeln!(io.stderr(), "error: {message}");
    let _ = writeln!(io.stderr(), "help: {help}");
    2
}
