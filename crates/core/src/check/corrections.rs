//! `[[correction]]` tables: what the map got wrong and when it was put right,
//! shown on the published pages ("Corrected on 2024-03-02: …").

use super::fields::{Fields, Span};
use super::raw::RawCorrection;
use crate::check::diagnostic::{Code, Diagnostic};
use toml::de::DeTable;

const CORRECTION_FIELDS: &[&str] = &["date", "what", "why", "sources"];

/// Reads one correction; `None` when its date or its `what` is missing or bad.
pub fn read_correction(t: &DeTable, span: Span, i: usize, diags: &mut Vec<Diagnostic>) -> Option<RawCorrection> {
    let f = Fields::new(t, format!("correction #{}", i + 1), span.clone(), CORRECTION_FIELDS, diags);
    let date = f.date("date", diags);
    if f.raw("date").is_none() {
        diags.push(
            Diagnostic::new(Code::MissingField, span.clone(), format!("missing field `date` in {}", f.what))
                .hint("add `date = \"2024-03-02\"`: when the correction was made"),
        );
    }
    let what = f.text("what", true, diags);
    let why = f.text("why", false, diags).map(|w| w.value).unwrap_or_default();
    let sources = f.text_list("sources", diags);
    Some(RawCorrection { date: date?.value, what: what?.value, why, sources })
}
