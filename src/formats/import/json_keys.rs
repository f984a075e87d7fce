//! Repeated keys in a JSON object. serde_json keeps the last value without a
//! word, so `{"label": "Huawei", "label": "Target"}` would silently become
//! "Target"; each repeat is a located warning pointing at the first one.
//! Runs on text that already parsed, so it only has to find strings and nesting.

use super::Builder;
use crate::check::read::truncate;
use crate::check::diagnostic::{Code, Diagnostic};
use std::collections::HashMap;

/// Warns on every key repeated within one object.
pub(crate) fn warn_duplicates(b: &mut Builder, text: &str, base: usize) {
    let bytes = text.as_bytes();
    // One entry per open object (its keys and where each was first written) or array (`None`).
    let mut open: Vec<Option<HashMap<String, (usize, usize)>>> = Vec::new();
    let (mut i, mut expect_key) = (0, false);
    while i < bytes.len() {
        match bytes[i] {
            b'{' => {
                open.push(Some(HashMap::new()));
                expect_key = true;
            }
            b'[' => {
                open.push(None);
                expect_key = false;
            }
            b'}' | b']' => {
                open.pop();
                expect_key = false;
            }
            b',' => expect_key = matches!(open.last(), Some(Some(_))),
            b'"' => {
                let end = string_end(bytes, i);
                if let (true, Some(Some(keys))) = (expect_key, open.last_mut()) {
                    let raw = &text[i..end];
                    // "\u0061" and "a" are the same key.
                    let key = if raw.contains('\\') { serde_json::from_str::<String>(raw).unwrap_or_else(|_| raw.to_string()) } else { raw[1..raw.len() - 1].to_string() };
                    match keys.get(&key) {
                        Some(&(first, first_end)) => b.diagnostics.push(
                            Diagnostic::new(Code::DuplicateKey, base + i..base + end, format!("key `{}` appears twice in one object; only the last value is read", truncate(&key)))
                                .related(base + first..base + first_end, "first written here")
                                .hint("remove one of them, or merge their values"),
                        ),
                        None => {
                            keys.insert(key, (i, end));
                        }
                    }
                }
                expect_key = false;
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
}

/// The offset just after the string starting at `start` (its opening quote).
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}
