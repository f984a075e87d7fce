//! Which edition of the map a reader sees, in words: "Data as of
//! 2024-03-02, version 1a2b3c4d" (the latest date its sources and
//! corrections state, and the content hash `data.amap` carries) and each
//! correction ("Corrected on 2024-03-02: …"). The widget shows them under
//! its legend wherever it is mounted; the published pages' no-JavaScript
//! text the same words (`site/edition.rs`).

use crate::model::date::PartialDate;
use crate::model::Dataset;
use serde::Serialize;

/// The latest date the data states for itself: its sources' and corrections'.
pub fn data_as_of(data: &Dataset) -> Option<PartialDate> {
    let dates = data.sources.iter().filter_map(|s| s.date).chain(data.corrections.iter().map(|c| c.date));
    dates.max_by_key(|d| (d.last_day(), d.first_day()))
}

/// "Data as of 2024-03-02, version 1a2b3c4d", or "Version 1a2b3c4d" when nothing is dated.
pub fn edition_line(data: &Dataset, hash: u64) -> String {
    // Eight hex digits are enough to tell editions apart by eye.
    let version = format!("{:08x}", hash >> 32);
    match data_as_of(data) {
        Some(d) => format!("Data as of {d}, version {version}"),
        None => format!("Version {version}"),
    }
}

/// Each correction in words: "Corrected on 2024-03-02: what. Why: … (source: …)".
pub fn correction_lines(data: &Dataset) -> Vec<String> {
    data.corrections
        .iter()
        .map(|c| {
            let why = if c.why.is_empty() { String::new() } else { format!(" Why: {}", c.why) };
            let cited: Vec<&str> = c.sources.iter().map(|&s| data.source(s).title.as_str()).filter(|t| !t.is_empty()).collect();
            let cited = if cited.is_empty() { String::new() } else { format!(" (source: {})", cited.join("; ")) };
            format!("Corrected on {}: {}.{why}{cited}", c.date, c.what.trim_end_matches('.'))
        })
        .collect()
}

/// The edition for the widget: the line and the corrections.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EditionView {
    /// "Data as of 2024-03-02, version 1a2b3c4d".
    pub line: String,
    /// "Corrected on …", oldest first as written.
    pub corrections: Vec<String>,
}

/// The edition of `data`, whose compiled form has content hash `hash`.
pub fn edition_view(data: &Dataset, hash: u64) -> EditionView {
    EditionView { line: edition_line(data, hash), corrections: correction_lines(data) }
}
