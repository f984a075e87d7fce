//! A story: the `[[step]]`s an article walks its readers through, in order.
//! Each step says what the map shows (a selection, a path, highlights, a
//! filter, an as-of date, where the camera goes) and what the caption says,
//! with `[source-id]` markers that become citations. The widget, the
//! static `steps/N.svg` pictures and the no-JavaScript page read the same
//! steps.

use crate::model::date::PartialDate;
use crate::model::vocab::{EntityKind, RelationType};
use crate::model::{EntityIx, RelationIx, SourceIx};
use serde::{Deserialize, Serialize};

/// One step of a story.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// A short heading ("Nine carmakers pool their investment arms").
    pub title: String,
    /// The caption, with `[source-id]` markers (see [`segments`]).
    pub text: String,
    /// The sources the text's markers cite, in order of first mention.
    pub citations: Vec<SourceIx>,
    /// The entity selected (its details open, its name always shown).
    pub select: Option<EntityIx>,
    /// "How is A tied to B", and which of the shortest paths.
    pub path: Option<StepPath>,
    /// Entities drawn emphasised, the rest faded.
    pub highlight: Vec<EntityIx>,
    /// What the step shows only (empty lists: everything).
    pub filter: StepFilter,
    /// Show only what held on this day.
    pub as_of: Option<PartialDate>,
    /// Where the camera goes.
    pub camera: Camera,
    /// Annotations anchored to an entity or a relation.
    pub notes: Vec<Note>,
}

/// A step's path: from, to, and which of the shortest paths (0: the shortest).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepPath {
    /// Where it starts.
    pub from: EntityIx,
    /// Where it ends.
    pub to: EntityIx,
    /// Which path, from 0 (the data file's `path_index` counts from 1).
    pub index: u32,
}

/// What a step shows only: relation types, entity kinds, relations citing
/// these sources. An empty list restricts nothing.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StepFilter {
    /// Relation types shown.
    pub types: Vec<RelationType>,
    /// Entity kinds shown.
    pub kinds: Vec<EntityKind>,
    /// Sources whose relations are shown.
    pub sources: Vec<SourceIx>,
}

impl StepFilter {
    /// True when it restricts nothing.
    pub fn is_empty(&self) -> bool {
        self.types.is_empty() && self.kinds.is_empty() && self.sources.is_empty()
    }
}

/// Where a step puts the camera.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum Camera {
    /// The step's subject (selection, path, highlights, notes), or the whole
    /// map when it has none.
    #[default]
    Fit,
    /// The whole map.
    All,
    /// Centred on an entity at a zoom (1: the whole map's fit).
    Centre {
        /// Whom the view centres on.
        entity: EntityIx,
        /// Times the whole map's zoom.
        zoom: f32,
    },
}

/// A `[[step.note]]`: a short annotation beside an entity or a relation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Note {
    /// What it is written beside.
    pub anchor: Anchor,
    /// The annotation.
    pub text: String,
}

/// What a note is anchored to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Anchor {
    /// Beside an entity.
    Entity(EntityIx),
    /// Beside the middle of a relation.
    Relation(RelationIx),
}

/// A piece of a step's text: words, or a `[source-id]` citation marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Segment<'t> {
    /// Text as written.
    Text(&'t str),
    /// A marker's source id (without its brackets), at this byte offset of the text.
    Cite(&'t str, usize),
}

/// Splits a step's text at its citation markers: `[` an id (`[a-z0-9_-]`,
/// as source ids are written) `]`. Brackets around anything else ("[Sic]",
/// "[ a ]") stay text; an id-like one that names no source ("[sic]", a
/// misspelt id) is reported by `check`, never silently printed.
pub fn segments(text: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let (bytes, mut start, mut i) = (text.as_bytes(), 0, 0);
    while i < bytes.len() {
        if bytes[i] == b'[' {
            let id_len = bytes[i + 1..].iter().take_while(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || **b == b'-' || **b == b'_').count();
            if id_len > 0 && bytes.get(i + 1 + id_len) == Some(&b']') {
                if start < i {
                    out.push(Segment::Text(&text[start..i]));
                }
                out.push(Segment::Cite(&text[i + 1..i + 1 + id_len], i + 1));
                i += id_len + 2;
                start = i;
                continue;
            }
        }
        i += 1;
    }
    if start < text.len() {
        out.push(Segment::Text(&text[start..]));
    }
    out
}

/// The steps travel as one length-prefixed blob (postcard bytes of the
/// `Vec<Step>`) inside the compiled form, so a reader built without the
/// `story` feature skips them without carrying their decoder: the first
/// frame's wasm, which never shows a story, is 4 KB (1.4 KB gzip) smaller
/// (it reads only how many steps there are).
pub mod as_blob {
    use super::Step;
    use serde::de::{Error, Visitor};
    use serde::{Deserializer, Serializer};

    /// Writes the steps as one byte string.
    pub fn serialize<S: Serializer>(steps: &[Step], s: S) -> Result<S::Ok, S::Error> {
        let bytes = postcard::to_allocvec(steps).map_err(serde::ser::Error::custom)?;
        s.serialize_bytes(&bytes)
    }

    /// Reads the byte string, and the steps in it with the `story` feature.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Step>, D::Error> {
        d.deserialize_bytes(Blob)
    }

    struct Blob;

    impl<'de> Visitor<'de> for Blob {
        type Value = Vec<Step>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("the story's bytes")
        }

        fn visit_bytes<E: Error>(self, bytes: &[u8]) -> Result<Vec<Step>, E> {
            decode(bytes)
        }
    }

    #[cfg(feature = "story")]
    fn decode<E: Error>(bytes: &[u8]) -> Result<Vec<Step>, E> {
        postcard::from_bytes(bytes).map_err(|_| E::custom("the story's steps are corrupt"))
    }

    /// Only how many steps there are (the postcard `Vec`'s leading varint),
    /// as blank steps: the first frame reserves the story bar's place.
    #[cfg(not(feature = "story"))]
    fn decode<E: Error>(bytes: &[u8]) -> Result<Vec<Step>, E> {
        let (mut n, mut shift) = (0usize, 0);
        for &b in bytes.iter().take(4) {
            n |= usize::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                // Blank steps cost nothing to make; a corrupt count is capped, never trusted.
                return Ok(vec![Step::default(); n.min(bytes.len())]);
            }
            shift += 7;
        }
        Ok(Vec::new())
    }
}

#[cfg(test)]
mod tests {
    use super::{segments, Segment::*};

    #[test]
    fn markers_become_citations_and_other_brackets_stay_text() {
        assert_eq!(segments("Founded [jw-2023]. Up to 40% [a][b_2]"), vec![Text("Founded "), Cite("jw-2023", 9), Text(". Up to 40% "), Cite("a", 30), Cite("b_2", 33)]);
        assert_eq!(segments("[Sic] [ a ] [] [x"), vec![Text("[Sic] [ a ] [] [x")]);
        assert_eq!(segments(""), vec![]);
    }
}
