//! The legend's content (kinds and relation types present, with counts) as
//! JSON written by hand: both wasm modules hand it to the page, and the
//! first-frame module must not carry serde's serializer or a formatter.

use super::Scene;
use crate::model::vocab::{EntityKind, RelationType};

/// `{"kinds":[{"index":0,"key":"company","count":12},...],"relations":[...],"inferred":false}`,
/// in vocabulary order, only what is present; `inferred` when a relation is
/// drawn dotted. Keys are snake_case ASCII: no escaping. A map coloured by
/// group has `"groups":[{"index":11,"name":"Huawei","count":120},...]`
/// (node palette index, the member it is named by, "" for the smaller
/// groups' row) before its kinds.
pub fn legend_json(scene: &Scene) -> String {
    let mut out = String::from("{");
    let groups = super::group_rows(scene);
    if !groups.is_empty() {
        out.push_str("\"groups\":[");
        for (i, g) in groups.iter().enumerate() {
            out.push_str(if i == 0 { "{\"index\":" } else { ",{\"index\":" });
            crate::words::push_decimal(&mut out, usize::from(g.color));
            out.push_str(",\"name\":\"");
            if let Some(e) = g.head {
                push_json_text(&mut out, &scene.data.entity(e).label_text());
            }
            out.push_str("\",\"count\":");
            crate::words::push_decimal(&mut out, g.count);
            out.push('}');
        }
        out.push_str("],");
    }
    out.push_str("\"kinds\":");
    push_counts(&mut out, &scene.node_kind, EntityKind::keys());
    out.push_str(",\"relations\":");
    push_counts(&mut out, &scene.edge_kind, RelationType::keys());
    let inferred = scene.edge_flags.iter().any(|f| f & super::edge_flag::INFERRED != 0);
    out.push_str(if inferred { ",\"inferred\":true}" } else { ",\"inferred\":false}" });
    out
}

fn push_counts<'k>(out: &mut String, values: &[u8], keys: impl Iterator<Item = &'k str>) {
    out.push('[');
    let mut first = true;
    for (i, key) in keys.enumerate() {
        let count = values.iter().filter(|&&v| usize::from(v) == i).count();
        if count == 0 {
            continue;
        }
        if !first {
            out.push(',');
        }
        first = false;
        out.push_str("{\"index\":");
        crate::words::push_decimal(out, i);
        out.push_str(",\"key\":\"");
        out.push_str(key);
        out.push_str("\",\"count\":");
        crate::words::push_decimal(out, count);
        out.push('}');
    }
    out.push(']');
}

/// `text` inside a JSON string, on one line (a wrapped label's `\n` a
/// space): quotes, backslashes and control characters escaped (as
/// `\u00XX`), everything else as it is.
fn push_json_text(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '\n' => out.push(' '),
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                out.push(char::from(b"0123456789abcdef"[(c as usize) >> 4]));
                out.push(char::from(b"0123456789abcdef"[(c as usize) & 15]));
            }
            c => out.push(c),
        }
    }
}
