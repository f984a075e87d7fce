//! Rendering diagnostics: like rustc (via codespan-reporting) for people, and
//! one JSON object per line (`--message-format json`) for editors and CI.

use crate::diagnostic::{Diagnostic, Severity};
use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, Config};
use serde_json::json;

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn to_report(d: &Diagnostic, text: &str) -> Report<()> {
    let clamp = |span: &std::ops::Range<usize>| {
        let start = floor_char_boundary(text, span.start.min(text.len()));
        let end = floor_char_boundary(text, span.end.min(text.len())).max(start);
        start..end
    };
    let report = match d.severity() {
        Severity::Error => Report::error(),
        Severity::Warning => Report::warning(),
    };
    let mut labels = vec![Label::primary((), clamp(&d.span))];
    labels.extend(d.related.iter().map(|(span, note)| Label::secondary((), clamp(span)).with_message(note.clone())));
    let notes = d.hint.iter().map(|h| format!("help: {h}")).collect();
    report.with_message(d.message.clone()).with_code(d.code.as_str()).with_labels(labels).with_notes(notes)
}

/// Every diagnostic rendered like rustc, with source snippets, plus a summary line.
pub fn human(file_name: &str, text: &str, diagnostics: &[Diagnostic]) -> String {
    let file = SimpleFile::new(file_name, text);
    let config = Config::default();
    let mut out = String::new();
    for d in diagnostics {
        match term::emit_into_string(&config, &file, &to_report(d, text)) {
            Ok(s) => out.push_str(&s),
            Err(_) => out.push_str(&short(file_name, text, d)),
        }
    }
    out.push_str(&summary(file_name, diagnostics));
    out
}

/// One line per diagnostic: `file:line:col: error[E006]: message (help: hint)`.
pub fn short(file_name: &str, text: &str, d: &Diagnostic) -> String {
    let (line, col) = line_col(text, d.span.start);
    let severity = match d.severity() {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let hint = d.hint.as_deref().map(|h| format!(" (help: {h})")).unwrap_or_default();
    format!("{file_name}:{line}:{col}: {severity}[{}]: {}{hint}\n", d.code.as_str(), d.message)
}

/// "data/seed.toml: 2 errors, 1 warning" or "data/seed.toml: ok".
pub fn summary(file_name: &str, diagnostics: &[Diagnostic]) -> String {
    let errors = diagnostics.iter().filter(|d| d.severity() == Severity::Error).count();
    let warnings = diagnostics.len() - errors;
    if diagnostics.is_empty() {
        return format!("{file_name}: ok\n");
    }
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!("{file_name}: {}, {}\n", plural(errors, "error"), plural(warnings, "warning"))
}

/// One JSON object per line, with 1-based line/column of both span ends.
pub fn json_lines(file_name: &str, text: &str, diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let (line, column) = line_col(text, d.span.start);
        let (end_line, end_column) = line_col(text, d.span.end);
        let related: Vec<_> = d
            .related
            .iter()
            .map(|(span, note)| {
                let (line, column) = line_col(text, span.start);
                json!({"line": line, "column": column, "message": note})
            })
            .collect();
        let value = json!({
            "file": file_name,
            "line": line,
            "column": column,
            "end_line": end_line,
            "end_column": end_column,
            "severity": match d.severity() { Severity::Error => "error", Severity::Warning => "warning" },
            "code": d.code.as_str(),
            "name": d.code.name(),
            "message": d.message,
            "hint": d.hint,
            "related": related,
        });
        out.push_str(&value.to_string());
        out.push('\n');
    }
    out
}
