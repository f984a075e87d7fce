//! Diagnostics and entities as places an editor can use: 1-based lines and
//! columns (in characters, as `check` prints them) and UTF-16 offsets (what
//! a JavaScript string and CodeMirror count). The compiler module hands
//! these to the studio's editor; they live in this crate so that a fuzz
//! target can hold them to their bounds (`fuzz/fuzz_targets/places.rs`).

use crate::check::diagnostic::{Diagnostic, Severity};
use crate::check::escape::escape;
use crate::check::lines::LineIndex;
use serde::Serialize;
use std::ops::Range;

/// Offsets are counted from a checkpoint every `STEP` bytes.
const STEP: usize = 1024;

/// Byte offset → UTF-16 offset, in O(STEP) per query after one pass.
pub struct Utf16<'a> {
    text: &'a str,
    units: Vec<usize>,
}

/// UTF-16 units of a run of UTF-8 bytes: one per leading byte, two for the
/// leading byte of a four-byte sequence (a surrogate pair).
fn units(bytes: &[u8]) -> usize {
    bytes.iter().map(|&b| if b & 0xC0 == 0x80 { 0 } else if b >= 0xF0 { 2 } else { 1 }).sum()
}

impl<'a> Utf16<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a str) -> Self {
        let mut total = 0;
        let mut checkpoints = vec![0];
        for chunk in text.as_bytes().chunks(STEP) {
            total += units(chunk);
            checkpoints.push(total);
        }
        Utf16 { text, units: checkpoints }
    }

    /// The UTF-16 offset of byte `at` (clamped to the text).
    pub fn at(&self, at: usize) -> usize {
        let at = at.min(self.text.len());
        let k = at / STEP;
        self.units[k] + units(&self.text.as_bytes()[k * STEP..at])
    }
}

/// A place in a file, as `compiler.d.ts` declares it.
#[derive(Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Place {
    /// The file's name, as given.
    pub file: String,
    /// 1-based line of the start.
    pub line: usize,
    /// 1-based column of the start, in characters.
    pub column: usize,
    /// 1-based line of the end.
    pub end_line: usize,
    /// 1-based column of the end, in characters.
    pub end_column: usize,
    /// UTF-16 offset of the start.
    pub from: usize,
    /// UTF-16 offset of the end.
    pub to: usize,
}

/// A related place with its note.
#[derive(Debug, PartialEq, Serialize)]
pub struct Related {
    /// Where.
    #[serde(flatten)]
    pub place: Place,
    /// What is there (escaped).
    pub message: String,
}

/// A did-you-mean fix: replace `from..to` with `insert`.
#[derive(Debug, PartialEq, Serialize)]
pub struct Fix {
    /// UTF-16 offset where the replaced text starts.
    pub from: usize,
    /// UTF-16 offset where it ends.
    pub to: usize,
    /// The text to put there.
    pub insert: String,
    /// What the editor's button says.
    pub label: String,
}

/// One diagnostic for the studio and the Node API.
#[derive(Debug, PartialEq, Serialize)]
pub struct DiagnosticView {
    /// Where.
    #[serde(flatten)]
    pub place: Place,
    /// The code, e.g. `E006`.
    pub code: &'static str,
    /// `error` or `warning`.
    pub severity: &'static str,
    /// The message (escaped).
    pub message: String,
    /// The hint (escaped), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// A did-you-mean fix, if the hint names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
    /// Related places with their notes.
    pub related: Vec<Related>,
}

/// Turns byte spans of one file into places.
pub struct Locator<'a> {
    name: &'a str,
    lines: LineIndex<'a>,
    utf16: Utf16<'a>,
}

impl<'a> Locator<'a> {
    /// Indexes `text`, named `name`.
    pub fn new(name: &'a str, text: &'a str) -> Self {
        Locator { name, lines: LineIndex::new(text), utf16: Utf16::new(text) }
    }

    /// The place of a byte span.
    pub fn place(&self, span: &Range<usize>) -> Place {
        let (line, column) = self.lines.line_col(span.start);
        let (end_line, end_column) = self.lines.line_col(span.end);
        Place { file: self.name.to_string(), line, column, end_line, end_column, from: self.utf16.at(span.start), to: self.utf16.at(span.end) }
    }

    /// A diagnostic of this file as a view.
    pub fn diagnostic(&self, d: &Diagnostic) -> DiagnosticView {
        let place = self.place(&d.span);
        DiagnosticView {
            fix: fix(self.lines.text(), &d.span, d.hint.as_deref()).map(|(span, insert)| Fix {
                from: self.utf16.at(span.start),
                to: self.utf16.at(span.end),
                label: format!("Replace with `{insert}`"),
                insert,
            }),
            place,
            code: d.code.as_str(),
            severity: if d.severity() == Severity::Error { "error" } else { "warning" },
            message: escape(&d.message).into_owned(),
            hint: d.hint.as_deref().map(|h| escape(h).into_owned()),
            related: d.related.iter().map(|(span, note)| Related { place: self.place(span), message: escape(note).into_owned() }).collect(),
        }
    }
}

/// The replacement a hint names ("did you mean `x`?", the wording of
/// `check::suggest` and `check::resolve`), for the span's text: inside its
/// quotes when it is a quoted TOML string.
fn fix(text: &str, span: &Range<usize>, hint: Option<&str>) -> Option<(Range<usize>, String)> {
    let insert = hint?.strip_prefix("did you mean `")?.strip_suffix("`?")?;
    let written = text.get(span.clone())?;
    let quoted = written.len() >= 2 && (written.starts_with('"') && written.ends_with('"') || written.starts_with('\'') && written.ends_with('\''));
    let span = if quoted { span.start + 1..span.end - 1 } else { span.clone() };
    Some((span, insert.to_string()))
}

/// Where an `[[entity]]` of a TOML data file is: its id, its index among the
/// file's entities, and its text from the header to the next table's header.
#[derive(Debug, PartialEq, Serialize)]
pub struct EntityPlace {
    /// Its id (empty when none is readable).
    pub id: String,
    /// Its index among the file's entities.
    pub index: usize,
    /// UTF-16 offset of its header.
    pub from: usize,
    /// UTF-16 offset of the next table's header (or the end).
    pub to: usize,
}

/// Every `[[entity]]` table of `text`, in order. A line scan, so it answers
/// while the file has syntax errors too; an entity with no readable id is
/// listed with an empty id.
pub fn entity_places(text: &str) -> Vec<EntityPlace> {
    let utf16 = Utf16::new(text);
    let mut places: Vec<(String, usize, usize)> = Vec::new();
    let mut open = false;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            if open {
                places.last_mut().expect("open").2 = offset;
            }
            open = trimmed.trim_start_matches('[').trim_end_matches(']').trim() == "entity" && trimmed.starts_with("[[");
            if open {
                places.push((String::new(), offset, text.len()));
            }
        } else if let (true, Some(id)) = (open, id_of(trimmed)) {
            let place = places.last_mut().expect("open");
            if place.0.is_empty() {
                place.0 = id;
            }
        }
        offset += line.len();
    }
    places.into_iter().enumerate().map(|(index, (id, from, to))| EntityPlace { id, index, from: utf16.at(from), to: utf16.at(to) }).collect()
}

/// The value of an `id = "..."` line (a basic string without escapes, as ids are).
fn id_of(line: &str) -> Option<String> {
    let rest = line.strip_prefix("id")?.trim_start().strip_prefix('=')?.trim();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let inner = &rest[1..];
    Some(inner[..inner.find(quote)?].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_count_surrogate_pairs_twice() {
        let text = "a😀é\nb";
        let u = Utf16::new(text);
        assert_eq!((u.at(0), u.at(1), u.at(5), u.at(7), u.at(8)), (0, 1, 3, 4, 5));
    }

    #[test]
    fn a_did_you_mean_hint_becomes_a_fix_inside_the_quotes() {
        let text = "from = \"huawey\"";
        assert_eq!(fix(text, &(7..15), Some("did you mean `huawei`?")), Some((8..14, "huawei".into())));
        assert_eq!(fix(text, &(7..15), Some("define it with `[[entity]]`")), None);
    }

    #[test]
    fn entity_places_span_each_entity_table_with_its_id() {
        let text = "[[source]]\nid = \"s\"\n\n[[entity]]\nid = \"a\"\nname = \"A\"\n\n[[entity]]\nname = \"B\"\nid = 'b'\n[[relation]]\nfrom = \"a\"\n";
        let places = entity_places(text);
        let a = text.find("[[entity]]").unwrap();
        let b = text[a + 1..].find("[[entity]]").unwrap() + a + 1;
        let r = text.find("[[relation]]").unwrap();
        assert_eq!(places, vec![EntityPlace { id: "a".into(), index: 0, from: a, to: b }, EntityPlace { id: "b".into(), index: 1, from: b, to: r }]);
    }
}
