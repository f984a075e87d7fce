//! The edition under the map on the published pages, as HTML: the line
//! and every correction (`display/edition.rs` words them), inside the map's
//! place with the no-JavaScript text, so the widget, which shows the same
//! words itself, replaces it rather than repeating it.

use crate::display::edition::{correction_lines, edition_line};
use crate::display::markup::escape;
use crate::model::Dataset;

/// The edition line and the corrections as the pages' HTML (escaped).
pub fn edition_html(data: &Dataset, hash: u64) -> String {
    let mut out = format!("<footer class=\"am-edition\">\n<p class=\"am-edition-line\">{}</p>\n", escape(&edition_line(data, hash)));
    let lines = correction_lines(data);
    if !lines.is_empty() {
        out.push_str("<ul class=\"am-corrections\">\n");
        for line in lines {
            out.push_str(&format!("<li>{}</li>\n", escape(&line)));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</footer>\n");
    out
}
