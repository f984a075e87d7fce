//! The static site that `alliance-map build` writes: the map's page and its
//! iframe embed page (both with the no-JavaScript fallback inside the map's
//! container), the whole text on a page of its own when the fallback is
//! bounded, and the oEmbed response. Everything from data is escaped.

mod edition;
mod fallback;
mod story;
mod policy;
mod text_pages;

pub use crate::display::markup::escape;
pub use crate::display::edition::{data_as_of, edition_line};
pub use edition::edition_html;
pub use story::{is_step_picture, step_picture_name};
pub use fallback::{bounded_fallback_html, fallback_html, is_cut, Bound, FULL_TEXT_PAGE, PAGE_BOUND};
pub use policy::{allow_attribute, content_security_policy, normalize_allowed};
pub use text_pages::{is_text_page, text_page_count, text_page_name, text_page_of, TEXT_PAGE_ENTITIES};

use crate::model::Dataset;

/// Which of the two widget pages.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Page {
    /// index.html: header with title and description, then the map.
    Map,
    /// embed.html: the map on the whole page, for an iframe; the title for screen readers only.
    Embed,
}

/// What a page needs beside the data.
pub struct PageOptions<'a> {
    /// The widget's own preload hints for its first frame (the
    /// `<link rel="preload">` and `rel="modulepreload"` lines of the built
    /// widget's page, which knows its bundle's file names); the page adds
    /// one for `data.amap`, so the data downloads beside the scripts.
    pub preload: &'a str,
    /// The site's absolute URL ending in `/` (`build --base-url`): the page
    /// then names its canonical address and links its oEmbed response.
    pub base_url: Option<&'a str>,
    /// What a link's `?data=` / `?src=` may load instead of `data.amap`
    /// (`normalize_allowed`): none by default, so a crafted link shows the
    /// page's own map; `self` and origins with `build --allow-data-from`.
    pub allow_data_from: &'a [String],
    /// The edition line and corrections under the map (`edition_html`).
    pub edition: &'a str,
}

fn title_of(data: &Dataset) -> &str {
    if data.meta.title.is_empty() {
        "alliance-map"
    } else {
        &data.meta.title
    }
}

/// A complete page: the widget mounted on `data.amap`, with the fallback inside it.
pub fn page_html(data: &Dataset, page: Page, options: &PageOptions) -> String {
    let title = escape(title_of(data));
    let description = escape(&data.meta.description);
    let (class, script, file) = match page {
        Page::Map => ("page", "main.js", "index.html"),
        Page::Embed => ("embed", "embed.js", "embed.html"),
    };
    // embed.js writes the title here, as main.js does in the header.
    let header = match page {
        Page::Map => format!("<header class=\"page-header\"><h1 id=\"map-title\">{title}</h1><p id=\"map-description\">{description}</p></header>\n"),
        Page::Embed => format!("<h1 class=\"am-sr\" id=\"map-title\">{title}</h1>\n"),
    };
    let discovery = options.base_url.map(|base| discovery_links(base, file, &title)).unwrap_or_default();
    let csp = csp_meta(options.allow_data_from);
    let allow = escape(&allow_attribute(options.allow_data_from));
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n{csp}<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>{title}</title>\n<meta name=\"description\" content=\"{description}\">\n{discovery}<link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\">\n<link rel=\"stylesheet\" href=\"style.css\">\n\
<link rel=\"preload\" href=\"data.amap\" as=\"fetch\" crossorigin>\n{preload}</head>\n\
<body class=\"{class}\">\n<main>\n{header}\
<div class=\"alliance-map\" id=\"map\" data-src=\"data.amap\" data-allow-data-from=\"{allow}\">\n{fallback}\n{edition}</div>\n</main>\n<script type=\"module\" src=\"{script}\"></script>\n</body>\n</html>\n",
        preload = options.preload,
        edition = options.edition,
        fallback = bounded_fallback_html(data, PAGE_BOUND, FULL_TEXT_PAGE),
    )
}

/// The canonical address and the oEmbed discovery link (how a CMS finds the embed).
fn discovery_links(base: &str, file: &str, title: &str) -> String {
    let base = escape(base);
    format!(
        "<link rel=\"canonical\" href=\"{base}{file}\">\n<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{base}oembed.json\" title=\"{title}\">\n"
    )
}

/// Page `page` of the whole text (written when the map's page is bounded;
/// `text_page_count` of them): no script, linked from the bounded fallback
/// and back to the map.
pub fn text_page_html(data: &Dataset, adjacency: &crate::model::graph::Adjacency, page: usize) -> String {
    let title = escape(title_of(data));
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n{}<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>{title}: the map as text</title>\n<link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\">\n<link rel=\"stylesheet\" href=\"style.css\">\n</head>\n\
<body class=\"page\">\n<main>\n<header class=\"page-header\"><h1>{title}</h1><p><a href=\"index.html\">Back to the map</a></p></header>\n{}\n</main>\n</body>\n</html>\n",
        csp_meta(&[]),
        text_pages::text_page_section(data, adjacency, page)
    )
}

/// The policy as a meta tag, first in `<head>` so it covers every request
/// (a host may send it as a header instead: README, "Check and export data").
fn csp_meta(allowed: &[String]) -> String {
    format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n", escape(&content_security_policy(allowed)))
}

/// An oEmbed 1.0 "rich" response for the map at `base_url` (the folder's
/// absolute URL, ending in `/`): an iframe of embed.html, lazy-loaded, titled.
pub fn oembed_json(data: &Dataset, base_url: &str) -> String {
    let title = title_of(data);
    let html = format!(
        "<iframe class=\"alliance-map-embed\" src=\"{}embed.html\" title=\"{}\" width=\"100%\" height=\"600\" loading=\"lazy\"></iframe>",
        escape(base_url),
        escape(title)
    );
    let value = serde_json::json!({
        "version": "1.0",
        "type": "rich",
        "provider_name": "alliance-map",
        "title": title,
        "width": 800,
        "height": 600,
        "html": html,
    });
    serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
}

/// `--base-url` as the site's folder URL (ending in `/`), or why it is not one.
pub fn normalize_base_url(url: &str) -> Result<String, String> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !host.starts_with('/') && !url.contains(['?', '#', '"', '<', '>', ' ']) => {
            Ok(if url.ends_with('/') { url.to_string() } else { format!("{url}/") })
        }
        _ => Err(format!("--base-url `{url}` is not an absolute http(s) URL of a folder")),
    }
}
