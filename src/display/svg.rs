//! Writes a [`DisplayList`] as a standalone SVG figure: the header (title,
//! as-of date, legend), the map's shapes clipped to their band with labels
//! as real text (selectable, searchable), and the footer (credit line,
//! citations). Every string from data goes through [`escape`].

use crate::display::{DisplayList, Shape};
use crate::display::figure::Mark;
use crate::display::markup::escape;
use crate::scene::edge_flag;
use std::fmt::Write;

/// A coordinate with one decimal, written by hand: `{:.1}` would pull a
/// float formatter of several kilobytes into the wasm.
pub(crate) fn num(v: f32) -> String {
    let tenths = (f64::from(v) * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let t = tenths.unsigned_abs();
    format!("{sign}{}.{}", t / 10, t % 10)
}

/// The SVG document of the display list.
pub fn to_svg(list: &DisplayList) -> String {
    let theme = &list.theme;
    let [mx, my, mw, mh] = list.map;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\">",
        w = num(list.width),
        h = num(list.height)
    );
    let title = if list.title.is_empty() { "Alliance map" } else { &list.title };
    let _ = writeln!(out, "<title>{}</title>\n<rect width=\"100%\" height=\"100%\" fill=\"{}\"/>", escape(title), theme.background);
    out.push_str(MARKER_DEFS);
    // Document order is reading order: header, map, footer.
    let (header, footer): (Vec<&Mark>, Vec<&Mark>) = list.marks.iter().partition(|m| mark_y(m) < my);
    marks(&mut out, "am-header", &header);
    // A nested viewport clips the map to its band (no clipPath id that could
    // clash when a page inlines two figures); its viewBox keeps figure coordinates.
    let (x, y, w, h) = (num(mx), num(my), num(mw), num(mh));
    let _ = writeln!(out, "<svg class=\"am-map\" x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" viewBox=\"{x} {y} {w} {h}\" overflow=\"hidden\">");
    out.push_str("<g fill=\"none\" stroke-width=\"1.3\" stroke-opacity=\"0.7\">\n");
    for s in &list.shapes {
        if let Shape::Edge { x1, y1, x2, y2, color, flags, curve, marker } = s {
            let dash = DASHES[usize::from(*flags & 3)];
            let arrow = if flags & edge_flag::UNDIRECTED == 0 { format!(" marker-end=\"url(#am-m{})\"", marker.min(&4)) } else { String::new() };
            // `opacity`, not `stroke-opacity`: the arrowhead fades with its line.
            let faded = if flags & edge_flag::FAINT != 0 { " opacity=\"0.3\"" } else { "" };
            let _ = match curve {
                None => writeln!(out, "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{color}\"{dash}{arrow}{faded}/>", num(*x1), num(*y1), num(*x2), num(*y2)),
                Some((cx, cy)) => writeln!(out, "<path d=\"M{} {} Q{} {} {} {}\" stroke=\"{color}\"{dash}{arrow}{faded}/>", num(*x1), num(*y1), num(*cx), num(*cy), num(*x2), num(*y2)),
            };
        }
    }
    let _ = writeln!(out, "</g>\n<g stroke=\"{}\" stroke-width=\"1.5\">", theme.background);
    for s in &list.shapes {
        if let Shape::Node { x, y, r, color, faded } = s {
            let faded = if *faded { " opacity=\"0.3\"" } else { "" };
            let _ = writeln!(out, "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{color}\"{faded}/>", num(*x), num(*y), num(*r));
        }
    }
    let _ = writeln!(out, "</g>\n<g stroke=\"{}\" stroke-width=\"1\">", theme.muted);
    for s in &list.shapes {
        if let Shape::Leader { x1, y1, x2, y2 } = s {
            let _ = writeln!(out, "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>", num(*x1), num(*y1), num(*x2), num(*y2));
        }
    }
    let _ = writeln!(out, "</g>\n<g font-size=\"12\" fill=\"{}\" stroke=\"{}\" stroke-width=\"3\" paint-order=\"stroke\" dominant-baseline=\"central\">", theme.text, theme.background);
    for s in &list.shapes {
        if let Shape::Label { x, y, lines, line_height } = s {
            label(&mut out, *x, *y, lines, *line_height);
        }
    }
    out.push_str("</g>\n</svg>\n");
    marks(&mut out, "am-footer", &footer);
    out.push_str("</svg>\n");
    out
}

/// One `<text>` per label; a two-line label's lines are `<tspan>`s, so the
/// name stays one text a reader (or a script) finds whole.
fn label(out: &mut String, x: f32, y: f32, lines: &[String], line_height: f32) {
    if let [line] = lines {
        let _ = writeln!(out, "<text x=\"{}\" y=\"{}\">{}</text>", num(x), num(y), escape(line));
        return;
    }
    let top = y - line_height * (lines.len() as f32 - 1.0) / 2.0;
    let _ = write!(out, "<text x=\"{}\" y=\"{}\">", num(x), num(top));
    for (i, line) in lines.iter().enumerate() {
        let dy = if i == 0 { String::new() } else { format!(" dy=\"{}\"", num(line_height)) };
        let sep = if i + 1 < lines.len() { " " } else { "" };
        let _ = write!(out, "<tspan x=\"{}\"{dy}>{}{sep}</tspan>", num(x), escape(line));
    }
    out.push_str("</text>\n");
}

fn mark_y(m: &Mark) -> f32 {
    match m {
        Mark::Text { y, .. } | Mark::Dot { y, .. } | Mark::Line { y, .. } => *y,
    }
}

/// One band's marks as a group of class `class`.
fn marks(out: &mut String, class: &str, marks: &[&Mark]) {
    let _ = writeln!(out, "<g class=\"{class}\" dominant-baseline=\"central\">");
    for m in marks {
        let _ = match m {
            Mark::Text { x, y, text, size, bold, color } => {
                let weight = if *bold { " font-weight=\"600\"" } else { "" };
                writeln!(out, "<text x=\"{}\" y=\"{}\" font-size=\"{}\"{weight} fill=\"{color}\">{}</text>", num(*x), num(*y), num(*size), escape(text))
            }
            Mark::Dot { x, y, r, color } => writeln!(out, "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{color}\"/>", num(*x), num(*y), num(*r)),
            Mark::Line { x1, x2, y, color, dash, marker } => {
                let dash = DASHES[usize::from(*dash & 3)];
                // A legend line's arrowhead is drawn at the same size as the map's.
                let end = if *marker <= 4 { format!(" marker-end=\"url(#am-m{marker})\"") } else { String::new() };
                writeln!(out, "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"{color}\" stroke-width=\"2.5\"{dash}{end}/>", num(*x1), num(*x2), y = num(*y))
            }
        };
    }
    out.push_str("</g>\n");
}

/// The arrowheads by `style::marker` (`#am-m0` … `#am-m4`): an arrow, a
/// diamond, a dot, a bar, an open chevron, in CSS px as the canvas draws
/// them (`www/render.js` markerPath), in the line's colour.
const MARKER_DEFS: &str = "<defs>\
<marker id=\"am-m0\" viewBox=\"0 0 8 8\" refX=\"8\" refY=\"4\" markerUnits=\"userSpaceOnUse\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"context-stroke\"/></marker>\
<marker id=\"am-m1\" viewBox=\"0 0 14 8\" refX=\"14\" refY=\"4\" markerUnits=\"userSpaceOnUse\" markerWidth=\"14\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,4 L7,0 L14,4 L7,8 z\" fill=\"context-stroke\"/></marker>\
<marker id=\"am-m2\" viewBox=\"0 0 8 8\" refX=\"8\" refY=\"4\" markerUnits=\"userSpaceOnUse\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><circle cx=\"4\" cy=\"4\" r=\"4\" fill=\"context-stroke\"/></marker>\
<marker id=\"am-m3\" viewBox=\"0 0 2.4 11\" refX=\"2.4\" refY=\"5.5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"2.4\" markerHeight=\"11\" orient=\"auto-start-reverse\"><rect width=\"2.4\" height=\"11\" fill=\"context-stroke\"/></marker>\
<marker id=\"am-m4\" viewBox=\"-1 -1 10 11\" refX=\"8\" refY=\"4.5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"10\" markerHeight=\"11\" orient=\"auto-start-reverse\"><path d=\"M0,0 L8,4.5 L0,9\" fill=\"none\" stroke=\"context-stroke\" stroke-width=\"1.6\"/></marker>\
</defs>\n";

/// Stroke dashes by dash style: solid, dashed (tentative), dotted (inferred), both.
const DASHES: [&str; 4] = ["", " stroke-dasharray=\"6 4\"", " stroke-dasharray=\"1.5 3\"", " stroke-dasharray=\"6 3 1.5 3\""];
