//! Which edition of the map a reader sees: "Data as of 2024-03-02, version
//! 1a2b3c4d" (the latest date its sources and corrections state, and the
//! content hash `data.amap` carries), and every correction ("Corrected on
//! …"), under the map on the page and in the embed.

use crate::display::markup::escape;
use crate::model::date::PartialDate;
use crate::model::Dataset;

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

/// The edition line and the corrections as the pages' HTML (escaped).
pub fn edition_html(data: &Dataset, hash: u64) -> String {
    let mut out = format!("<footer class=\"am-edition\">\n<p class=\"am-edition-line\">{}</p>\n", escape(&edition_line(data, hash)));
    if !data.corrections.is_empty() {
        out.push_str("<ul class=\"am-corrections\">\n");
        for c in &data.corrections {
            let why = if c.why.is_empty() { String::new() } else { format!(" Why: {}", escape(&c.why)) };
            let cited: Vec<String> = c.sources.iter().map(|&s| escape(&data.source(s).title)).filter(|t| !t.is_empty()).collect();
            let cited = if cited.is_empty() { String::new() } else { format!(" (source: {})", cited.join("; ")) };
            out.push_str(&format!("<li>Corrected on {}: {}.{why}{cited}</li>\n", c.date, escape(c.what.trim_end_matches('.'))));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</footer>\n");
    out
}
