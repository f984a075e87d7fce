//! The static site that `alliance-map build` writes: the page around the
//! widget, and a no-JavaScript fallback that lists every entity and relation
//! with its citations as plain HTML (for search engines and readers without
//! JavaScript; the widget replaces it when it starts). Everything from data is
//! escaped; only http(s) URLs become links.

use crate::graph::Adjacency;
use crate::model::Dataset;
use crate::sentence::{humanize, relation_sentence};
use std::fmt::Write;

pub use crate::markup::escape;

fn citation_html(data: &Dataset, sources: &[u32]) -> String {
    let marks: Vec<String> = sources.iter().map(|&s| format!("<a href=\"#src-{}\">[{}]</a>", escape(&data.source(s).id), s + 1)).collect();
    format!("<sup>{}</sup>", marks.join(""))
}

/// The entities, their cited facts and relations, and the sources, as HTML.
pub fn fallback_html(data: &Dataset) -> String {
    let adjacency = Adjacency::new(data);
    let mut out = String::from("<section class=\"am-fallback\" aria-label=\"The map as text\">\n");
    for (i, e) in data.entities.iter().enumerate() {
        let _ = writeln!(out, "<article id=\"entity-{}\"><h2>{}</h2><p>{}</p>", escape(&e.id), escape(&e.name), escape(&humanize(e.kind.key())));
        if !e.attributes.is_empty() {
            out.push_str("<dl>");
            for a in &e.attributes {
                let _ = write!(out, "<dt>{}</dt><dd>{}{}</dd>", escape(&humanize(&a.key)), escape(&a.value.display()), citation_html(data, &a.sources));
            }
            out.push_str("</dl>\n");
        }
        let incident = adjacency.incident(i as u32);
        if !incident.is_empty() {
            out.push_str("<ul>");
            for &r in incident {
                let rel = &data.relations[r as usize];
                let _ = write!(out, "<li>{}{}</li>", escape(&relation_sentence(data, rel)), citation_html(data, &rel.sources));
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</article>\n");
    }
    out.push_str("<h2>Sources</h2>\n<ol>\n");
    for s in &data.sources {
        let title = if s.title.is_empty() { escape(&s.id) } else { format!("“{}”", escape(&s.title)) };
        let linked = if s.url.starts_with("https://") || s.url.starts_with("http://") {
            format!("<a href=\"{}\" rel=\"noopener noreferrer\">{title}</a>", escape(&s.url))
        } else {
            title
        };
        let details: Vec<String> = [s.publisher.clone(), s.author.clone(), s.date.map(|d| d.to_string()).unwrap_or_default()]
            .into_iter()
            .filter(|t| !t.is_empty())
            .map(|t| escape(&t))
            .collect();
        let rest = if details.is_empty() { String::new() } else { format!(", {}", details.join(", ")) };
        let _ = writeln!(out, "<li id=\"src-{}\">{linked}{rest}</li>", escape(&s.id));
    }
    out.push_str("</ol>\n</section>");
    out
}

/// A complete page: the widget mounted on `data.amap`, with the fallback
/// inside it. `preload` is the widget's own preload hints for its first
/// frame (the `<link rel="preload">` and `rel="modulepreload"` lines of the
/// built widget's page, which knows its bundle's file names); the page adds
/// one for `data.amap`, so the data downloads beside the scripts instead of
/// after them.
pub fn page_html(data: &Dataset, embed: bool, preload: &str) -> String {
    let title = if data.meta.title.is_empty() { "alliance-map" } else { &data.meta.title };
    let (class, script) = if embed { ("embed", "embed.js") } else { ("page", "main.js") };
    let header = if embed {
        String::new()
    } else {
        format!("<header class=\"page-header\"><h1 id=\"map-title\">{t}</h1><p id=\"map-description\">{d}</p></header>\n", t = escape(title), d = escape(&data.meta.description))
    };
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>{title}</title>\n<meta name=\"description\" content=\"{description}\">\n<link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\">\n<link rel=\"stylesheet\" href=\"style.css\">\n\
<link rel=\"preload\" href=\"data.amap\" as=\"fetch\" crossorigin>\n{preload}</head>\n\
<body class=\"{class}\">\n<main>\n{header}\
<div class=\"alliance-map\" id=\"map\" data-src=\"data.amap\">\n{fallback}\n</div>\n</main>\n<script type=\"module\" src=\"{script}\"></script>\n</body>\n</html>\n",
        title = escape(title),
        description = escape(&data.meta.description),
        fallback = fallback_html(data),
    )
}

/// An oEmbed 1.0 "rich" response for the map at `base_url` (the folder's
/// absolute URL, ending in `/`): an iframe of embed.html, lazy-loaded, titled.
pub fn oembed_json(data: &Dataset, base_url: &str) -> String {
    let title = if data.meta.title.is_empty() { "alliance-map" } else { &data.meta.title };
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
