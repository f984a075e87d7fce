//! The legend's content (kinds and relation types present, with counts) as
//! JSON written by hand: both wasm modules hand it to the page, and the
//! first-frame module must not carry serde's serializer or a formatter.

use super::Scene;
use crate::model::vocab::{EntityKind, RelationType};

/// `{"kinds":[{"index":0,"key":"company","count":12},...],"relations":[...],"inferred":false}`,
/// in vocabulary order, only what is present; `inferred` when a relation is
/// drawn dotted. Keys are snake_case ASCII: no escaping.
pub fn legend_json(scene: &Scene) -> String {
    let mut out = String::from("{\"kinds\":");
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

