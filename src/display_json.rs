//! A [`DisplayList`] as a small JSON document, for the browser's PNG painter
//! (`www/paint-display-list.js`). The PNG is painted on a canvas from these
//! shapes instead of drawing the SVG through an `<img>`, which a strict
//! Content-Security-Policy (img-src without blob:) forbids. Written by hand,
//! like the SVG: serde code and a float formatter would grow the wasm.
//!
//! ```text
//! {"width":W,"height":H (map and footer),"title":"…",
//!  "shapes":[["edge",x1,y1,x2,y2,"#rrggbb",dashed 0|1],["node",x,y,r,"#rrggbb"],["label",x,y,"text"]],
//!  "footer":[[y,"Sources"],[y,"[1] …"]]}
//! ```

use crate::display::{footer, DisplayList, Shape};
use crate::svg::num;
use std::fmt::Write;

/// `text` as a JSON string literal.
fn string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The display list as JSON (coordinates in px with one decimal, like the SVG).
pub fn to_json(list: &DisplayList) -> String {
    let (height, lines) = footer(list);
    let mut out = String::new();
    let _ = write!(out, "{{\"width\":{},\"height\":{},\"title\":", num(list.width), num(height));
    string(&mut out, &list.title);
    out.push_str(",\"shapes\":[");
    for (i, s) in list.shapes.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match s {
            Shape::Edge { x1, y1, x2, y2, color, dashed } => {
                let _ = write!(out, "[\"edge\",{},{},{},{},\"{color}\",{}]", num(*x1), num(*y1), num(*x2), num(*y2), u8::from(*dashed));
            }
            Shape::Node { x, y, r, color } => {
                let _ = write!(out, "[\"node\",{},{},{},\"{color}\"]", num(*x), num(*y), num(*r));
            }
            Shape::Label { x, y, text } => {
                let _ = write!(out, "[\"label\",{},{},", num(*x), num(*y));
                string(&mut out, text);
                out.push(']');
            }
        }
    }
    out.push_str("],\"footer\":[");
    for (i, (y, text)) in lines.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(out, "[{},", num(y));
        string(&mut out, text);
        out.push(']');
    }
    out.push_str("]}");
    out
}
