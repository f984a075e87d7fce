//! The whole text of a big map, on pages of [`TEXT_PAGE_ENTITIES`]
//! entities in file order: `text.html`, `text-2.html`, ... A 200,000-entity
//! map's text on one page was 165 MB, over the 100 MB a file may be on
//! GitHub Pages, and more than a phone will parse; a page of 5,000 is a few
//! megabytes. Each page lists its entities whole (every fact and tie, the
//! sources it cites) and links every other page.

use super::fallback::{entity_html, sources_html, ReactionIndex, FULL_TEXT_PAGE};
use crate::model::graph::Adjacency;
use crate::model::Dataset;
use std::fmt::Write;

/// Entities per page of the text.
pub const TEXT_PAGE_ENTITIES: usize = 5_000;

/// The file of text page `page` (from 0): `text.html`, then `text-2.html`, ...
pub fn text_page_name(page: usize) -> String {
    if page == 0 {
        FULL_TEXT_PAGE.to_string()
    } else {
        format!("text-{}.html", page + 1)
    }
}

/// The text page that lists entity `e` (entities go in file order).
pub fn text_page_of(e: u32) -> usize {
    e as usize / TEXT_PAGE_ENTITIES
}

/// How many text pages `data` takes (one at least).
pub fn text_page_count(data: &Dataset) -> usize {
    data.entities.len().div_ceil(TEXT_PAGE_ENTITIES).max(1)
}

/// Whether `name` is one of the text pages (what an earlier build may have left).
pub fn is_text_page(name: &str) -> bool {
    name == FULL_TEXT_PAGE || name.strip_prefix("text-").and_then(|n| n.strip_suffix(".html")).is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Text page `page`: its entities with every fact and tie, the sources they
/// cite (numbered as everywhere), and links to the other pages.
pub fn text_page_section(data: &Dataset, adjacency: &Adjacency, page: usize) -> String {
    let n = data.entities.len();
    let (start, end) = ((page * TEXT_PAGE_ENTITIES).min(n), ((page + 1) * TEXT_PAGE_ENTITIES).min(n));
    let mut out = String::from("<section class=\"am-fallback\" aria-label=\"The map as text\">\n");
    let pages = text_page_count(data);
    if pages > 1 {
        nav_html(&mut out, start, end, n, page, pages);
    }
    let mut cited = vec![false; data.sources.len()];
    let reactions = ReactionIndex::new(data);
    for i in start..end {
        entity_html(&mut out, data, adjacency, &reactions, i as u32, usize::MAX, None, &mut cited);
    }
    sources_html(&mut out, data, &cited, true);
    if pages > 1 {
        nav_html(&mut out, start, end, n, page, pages);
    }
    out.push_str("</section>");
    out
}

/// "Entities 5,001–10,000 of 200,000", Previous and Next, and every page.
fn nav_html(out: &mut String, start: usize, end: usize, n: usize, page: usize, pages: usize) {
    use crate::check::render::thousands;
    let _ = write!(out, "<nav class=\"am-text-pages\" aria-label=\"Pages of the text\"><p>Entities {}–{} of {}.", thousands(start + 1), thousands(end), thousands(n));
    if page > 0 {
        let _ = write!(out, " <a rel=\"prev\" href=\"{}\">Previous</a>", text_page_name(page - 1));
    }
    if page + 1 < pages {
        let _ = write!(out, " <a rel=\"next\" href=\"{}\">Next</a>", text_page_name(page + 1));
    }
    out.push_str("</p><p>Pages:");
    for p in 0..pages {
        if p == page {
            let _ = write!(out, " <span aria-current=\"page\">{}</span>", p + 1);
        } else {
            let _ = write!(out, " <a href=\"{}\">{}</a>", text_page_name(p), p + 1);
        }
    }
    out.push_str("</p></nav>\n");
}
