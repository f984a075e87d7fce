//! The story on the published pages without JavaScript: each step in
//! order, its static picture (`steps/N.svg`, which `build` writes), its
//! caption with its citations linked to the sources below, and what it
//! shows in words. Readers of the fallback, print and screen readers read
//! the steps in order without the map.

use crate::display::markup::escape;
use crate::display::story::{caption_parts, shows};
use crate::model::graph::Adjacency;
use crate::model::Dataset;
use std::fmt::Write;

/// Where step `i` (from 0)'s picture is in a built site.
pub fn step_picture_name(i: usize) -> String {
    format!("steps/{}.svg", i + 1)
}

/// Whether `name` is a step picture `build` writes (`steps/3.svg`).
pub fn is_step_picture(name: &str) -> bool {
    name.strip_prefix("steps/").and_then(|n| n.strip_suffix(".svg")).is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The steps as an ordered list; marks the sources their captions cite in `cited`.
pub(super) fn steps_html(out: &mut String, data: &Dataset, adjacency: &Adjacency, cited: &mut [bool]) {
    if data.steps.is_empty() {
        return;
    }
    out.push_str("<section class=\"am-story\" aria-label=\"The story, step by step\">\n<h2>The story, step by step</h2>\n<ol>\n");
    for (i, step) in data.steps.iter().enumerate() {
        let mut caption = String::new();
        for part in caption_parts(data, step) {
            match part.source {
                Some(s) => {
                    cited[s.ix()] = true;
                    let _ = write!(caption, "<sup><a href=\"#src-{}\">[{}]</a></sup>", escape(&data.source(s).id), s.0 + 1);
                }
                None => caption.push_str(&escape(&part.text)),
            }
        }
        let words = shows(data, adjacency, step);
        let _ = writeln!(
            out,
            "<li id=\"step-{n}\"><h3>Step {n}: {title}</h3><figure><img src=\"{src}\" alt=\"{alt}\" width=\"960\" loading=\"lazy\"></figure><p>{caption}</p><p class=\"am-step-shows\">{shows}</p></li>",
            n = i + 1,
            title = escape(&step.title),
            src = step_picture_name(i),
            alt = escape(&format!("The map at step {}: {words}", i + 1)).replace('\u{2068}', "").replace('\u{2069}', ""),
            shows = escape(&words).replace('\u{2068}', "<bdi>").replace('\u{2069}', "</bdi>"),
        );
    }
    out.push_str("</ol>\n</section>\n");
}
