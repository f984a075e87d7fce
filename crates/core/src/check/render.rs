//! Rendering diagnostics: like rustc (via codespan-reporting) for people, one
//! line each (`short`), and one JSON object per line (`json`) for editors and CI.
//!
//! Each writer streams to an `io::Write` (a 5,000-error report used to be
//! held whole in memory), shares one [`LineIndex`] per file, and escapes text
//! from the data ([`escape`]). The human format shows the first
//! [`MAX_PER_CODE`] diagnostics of each code and one line for the rest;
//! `short` and `json` list every one for tools, each line bounded.

use super::escape::escape;
use super::excerpt::Excerpt;
use super::lines::LineIndex;
use crate::check::diagnostic::{Code, Diagnostic, Severity};
use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::term::{self, Config};
use serde_json::json;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// Diagnostics of one code shown in full by the human format; the rest are counted.
pub const MAX_PER_CODE: usize = 200;

/// 1-based line and column (in characters) of a byte offset. Indexes the
/// whole text: for many offsets, build one [`LineIndex`] instead.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(text).line_col(offset)
}

fn severity(d: &Diagnostic) -> &'static str {
    match d.severity() {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn to_report(d: &Diagnostic, spans: &[std::ops::Range<usize>]) -> Report<()> {
    let report = match d.severity() {
        Severity::Error => Report::error(),
        Severity::Warning => Report::warning(),
    };
    let mut labels = vec![Label::primary((), spans[0].clone())];
    labels.extend(d.related.iter().zip(&spans[1..]).map(|((_, note), span)| Label::secondary((), span.clone()).with_message(escape(note))));
    let notes = d.hint.iter().map(|h| format!("help: {}", escape(h))).collect();
    report.with_message(escape(&d.message)).with_code(d.code.as_str()).with_labels(labels).with_notes(notes)
}

/// Writes every diagnostic like rustc, with source snippets (long lines cut
/// around the span), then a line per code past [`MAX_PER_CODE`] and the summary.
pub fn write_human(out: &mut dyn Write, file_name: &str, text: &str, diagnostics: &[Diagnostic]) -> io::Result<()> {
    let index = LineIndex::new(text);
    let config = Config::default();
    let name = escape(file_name);
    let mut shown: BTreeMap<Code, usize> = BTreeMap::new();
    for d in diagnostics {
        let count = shown.entry(d.code).or_default();
        *count += 1;
        if *count > MAX_PER_CODE {
            continue;
        }
        let spans: Vec<_> = std::iter::once(d.span.clone()).chain(d.related.iter().map(|(s, _)| s.clone())).collect();
        let (excerpt, spans) = Excerpt::new(name.to_string(), &index, &spans);
        let mut rendered = Vec::new();
        match term::emit_to_io_write(&mut rendered, &config, &excerpt, &to_report(d, &spans)) {
            Ok(()) => out.write_all(&rendered)?,
            Err(_) => write_short_one(out, &name, &index, d)?,
        }
    }
    for (code, &count) in shown.iter().filter(|(_, &n)| n > MAX_PER_CODE) {
        writeln!(out, "... and {} more {} ({})", thousands(count - MAX_PER_CODE), code.as_str(), code.name().replace('-', " "))?;
    }
    out.write_all(summary(file_name, diagnostics).as_bytes())
}

/// [`write_human`] into a string.
pub fn human(file_name: &str, text: &str, diagnostics: &[Diagnostic]) -> String {
    let mut out = Vec::new();
    write_human(&mut out, file_name, text, diagnostics).expect("writing to a Vec cannot fail");
    String::from_utf8_lossy(&out).into_owned()
}

fn write_short_one(out: &mut dyn Write, name: &str, index: &LineIndex, d: &Diagnostic) -> io::Result<()> {
    let (line, col) = index.line_col(d.span.start);
    let hint = d.hint.as_deref().map(|h| format!(" (help: {})", escape(h))).unwrap_or_default();
    writeln!(out, "{name}:{line}:{col}: {}[{}]: {}{hint}", severity(d), d.code.as_str(), escape(&d.message))
}

/// One line per diagnostic, `file:line:col: error[E006]: message (help: hint)`, then the summary.
pub fn write_short(out: &mut dyn Write, file_name: &str, text: &str, diagnostics: &[Diagnostic]) -> io::Result<()> {
    let index = LineIndex::new(text);
    let name = escape(file_name);
    for d in diagnostics {
        write_short_one(out, &name, &index, d)?;
    }
    out.write_all(summary(file_name, diagnostics).as_bytes())
}

/// "data/seed.toml: 2 errors, 1 warning" or "data/seed.toml: ok".
pub fn summary(file_name: &str, diagnostics: &[Diagnostic]) -> String {
    let file_name = escape(file_name);
    let errors = diagnostics.iter().filter(|d| d.severity() == Severity::Error).count();
    let warnings = diagnostics.len() - errors;
    if diagnostics.is_empty() {
        return format!("{file_name}: ok\n");
    }
    let plural = |n: usize, word: &str| format!("{} {word}{}", thousands(n), if n == 1 { "" } else { "s" });
    format!("{file_name}: {}, {}\n", plural(errors, "error"), plural(warnings, "warning"))
}

/// 4800 → "4,800" (reports and the command line's messages).
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// One JSON object per line, with 1-based line/column of both span ends.
pub fn write_json(out: &mut dyn Write, file_name: &str, text: &str, diagnostics: &[Diagnostic]) -> io::Result<()> {
    let index = LineIndex::new(text);
    let name = escape(file_name);
    for d in diagnostics {
        let (line, column) = index.line_col(d.span.start);
        let (end_line, end_column) = index.line_col(d.span.end);
        let related: Vec<_> = d
            .related
            .iter()
            .map(|(span, note)| {
                let (line, column) = index.line_col(span.start);
                json!({"line": line, "column": column, "message": escape(note)})
            })
            .collect();
        let value = json!({
            "file": name,
            "line": line,
            "column": column,
            "end_line": end_line,
            "end_column": end_column,
            "severity": severity(d),
            "code": d.code.as_str(),
            "name": d.code.name(),
            "message": escape(&d.message),
            "hint": d.hint.as_deref().map(escape),
            "related": related,
        });
        writeln!(out, "{value}")?;
    }
    Ok(())
}

/// [`write_json`] into a string.
pub fn json_lines(file_name: &str, text: &str, diagnostics: &[Diagnostic]) -> String {
    let mut out = Vec::new();
    write_json(&mut out, file_name, text, diagnostics).expect("writing to a Vec cannot fail");
    String::from_utf8_lossy(&out).into_owned()
}
