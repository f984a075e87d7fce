//! A [`DisplayList`] as a small JSON document, for the browser's PNG painter
//! (`www/paint-display-list.js`). The PNG is painted on a canvas from these
//! shapes instead of drawing the SVG through an `<img>`, which a strict
//! Content-Security-Policy (img-src without blob:) forbids. Written by hand,
//! like the SVG: serde code and a float formatter would grow the wasm.
//!
//! ```text
//! {"width":W,"height":H (header, map and footer),"title":"…",
//!  "background":"#rrggbb","text":"#rrggbb","muted":"#rrggbb","map":[x,y,w,h],
//!  "shapes":[["edge",x1,y1,x2,y2,"#rrggbb",dash 0 solid|1 dashed|2 dotted|3 both],["node",x,y,r,"#rrggbb"],
//!            ["leader",x1,y1,x2,y2],["label",x,y,"line\nline",line height]],
//!  "marks":[["text",x,y,size,bold 0|1,"#rrggbb","text"],["dot",x,y,r,"#rrggbb"],["line",x1,x2,y,"#rrggbb",dash 0|1|2]]}
//! ```

use crate::display::{DisplayList, Shape};
use crate::display::figure::Mark;
use crate::display::svg::num;
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
    let [mx, my, mw, mh] = list.map;
    let mut out = String::new();
    let _ = write!(out, "{{\"width\":{},\"height\":{},\"title\":", num(list.width), num(list.height));
    string(&mut out, &list.title);
    let _ = write!(
        out,
        ",\"background\":\"{}\",\"text\":\"{}\",\"muted\":\"{}\",\"map\":[{},{},{},{}],\"shapes\":[",
        list.theme.background,
        list.theme.text,
        list.theme.muted,
        num(mx),
        num(my),
        num(mw),
        num(mh)
    );
    for (i, s) in list.shapes.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match s {
            Shape::Edge { x1, y1, x2, y2, color, flags, curve, marker } => {
                let _ = write!(out, "[\"edge\",{},{},{},{},\"{color}\",{flags},{marker}", num(*x1), num(*y1), num(*x2), num(*y2));
                if let Some((cx, cy)) = curve {
                    let _ = write!(out, ",{},{}", num(*cx), num(*cy));
                }
                out.push(']');
            }
            Shape::Node { x, y, r, color, faded } => {
                let _ = write!(out, "[\"node\",{},{},{},\"{color}\",{}]", num(*x), num(*y), num(*r), u8::from(*faded));
            }
            Shape::Label { x, y, lines, line_height } => {
                let _ = write!(out, "[\"label\",{},{},", num(*x), num(*y));
                string(&mut out, &lines.join("\n"));
                let _ = write!(out, ",{}]", num(*line_height));
            }
            Shape::Leader { x1, y1, x2, y2 } => {
                let _ = write!(out, "[\"leader\",{},{},{},{}]", num(*x1), num(*y1), num(*x2), num(*y2));
            }
        }
    }
    out.push_str("],\"marks\":[");
    for (i, m) in list.marks.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match m {
            Mark::Text { x, y, text, size, bold, color } => {
                let _ = write!(out, "[\"text\",{},{},{},{},\"{color}\",", num(*x), num(*y), num(*size), u8::from(*bold));
                string(&mut out, text);
                out.push(']');
            }
            Mark::Dot { x, y, r, color } => {
                let _ = write!(out, "[\"dot\",{},{},{},\"{color}\"]", num(*x), num(*y), num(*r));
            }
            Mark::Line { x1, x2, y, color, dash, marker } => {
                let _ = write!(out, "[\"line\",{},{},{},\"{color}\",{dash},{marker}]", num(*x1), num(*x2), num(*y));
            }
        }
    }
    out.push_str("]}");
    out
}
