//! Writes a [`DisplayList`] as a standalone SVG: shapes, labels as real text
//! (selectable, searchable), the title, and a citations footer.

use crate::display::{footer, DisplayList, Shape};
use crate::markup::escape;
use std::fmt::Write;

/// A coordinate with one decimal, written by hand: `{:.1}` would pull a
/// float formatter of several kilobytes into the wasm.
pub(crate) fn num(v: f32) -> String {
    let tenths = (f64::from(v) * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let t = tenths.unsigned_abs();
    format!("{sign}{}.{}", t / 10, t % 10)
}


/// An SVG document of the display list, with a footer of citations below the map.
pub fn to_svg(list: &DisplayList) -> String {
    let (height, footer_lines) = footer(list);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{height}\" viewBox=\"0 0 {w} {height}\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\">",
        w = num(list.width),
        height = num(height)
    );
    let _ = writeln!(out, "<title>{}</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>", escape(&list.title));
    let _ = writeln!(out, "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"context-stroke\"/></marker></defs>");
    out.push_str("<g fill=\"none\" stroke-width=\"1.3\" stroke-opacity=\"0.7\">\n");
    for s in &list.shapes {
        if let Shape::Edge { x1, y1, x2, y2, color, dashed } = s {
            let dash = if *dashed { " stroke-dasharray=\"6 4\"" } else { "" };
            let _ = writeln!(out, "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{color}\"{dash} marker-end=\"url(#arrow)\"/>", num(*x1), num(*y1), num(*x2), num(*y2));
        }
    }
    out.push_str("</g>\n<g stroke=\"#ffffff\" stroke-width=\"1.5\">\n");
    for s in &list.shapes {
        if let Shape::Node { x, y, r, color } = s {
            let _ = writeln!(out, "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{color}\"/>", num(*x), num(*y), num(*r));
        }
    }
    out.push_str("</g>\n<g font-size=\"12\" fill=\"#1a1a1a\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\" dominant-baseline=\"central\">\n");
    for s in &list.shapes {
        if let Shape::Label { x, y, text } = s {
            let _ = writeln!(out, "<text x=\"{}\" y=\"{}\">{}</text>", num(*x), num(*y), escape(text));
        }
    }
    out.push_str("</g>\n<g font-size=\"11\" fill=\"#4a5563\">\n");
    for (y, text) in footer_lines {
        let _ = writeln!(out, "<text x=\"12\" y=\"{}\">{}</text>", num(y), escape(text));
    }
    out.push_str("</g>\n</svg>\n");
    out
}
