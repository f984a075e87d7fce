//! The compiled form the widget loads: the validated dataset plus its layout,
//! encoded with postcard behind a magic header and a format version. The CLI
//! (`alliance-map build`) and the build script write it; the wasm only reads
//! it, so no TOML or JSON parser ships to the browser. `build --no-layout`
//! leaves the positions out; the widget then lays the map out in a Web
//! Worker (`www/layout-worker.js`) and hands them to `MapHandle.setPositions`.

use crate::model::{Dataset, Entity, Relation};
use serde::{Deserialize, Serialize};

/// First bytes of every compiled file.
pub const MAGIC: &[u8; 4] = b"AMAP";
/// Bumped whenever the encoding changes; older files are rejected with a message.
pub const VERSION: u16 = 4;

/// A dataset ready to draw.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Compiled {
    /// The validated data.
    pub dataset: Dataset,
    /// x, y per entity, interleaved, in world units; empty when the dataset
    /// was compiled without a layout (see [`Compiled::needs_layout`]).
    pub positions: Vec<f32>,
    /// The community of each entity (`community::of_dataset`, numbered by
    /// decreasing size), found at build time for the maps that colour or
    /// label by group ([`crate::pipeline::wants_communities`]); empty
    /// otherwise. The widget cannot find them itself: detection shares the
    /// layout's graphs, which no reader's wasm carries.
    pub communities: Vec<u32>,
}

impl Compiled {
    /// True when there are entities but no positions: the reader's browser
    /// lays the map out (`alliance-map build --no-layout`).
    pub fn needs_layout(&self) -> bool {
        self.positions.is_empty() && !self.dataset.entities.is_empty()
    }
}

/// Why a compiled blob could not be read.
#[derive(Clone, Debug, PartialEq)]
pub enum DecodeError {
    /// The bytes do not start with `AMAP`: not a compiled alliance-map file.
    NotCompiled,
    /// Written by another version of the compiler.
    Version(u16),
    /// Truncated or corrupt.
    Corrupt(String),
    /// Decoded, but positions or indices do not match the data.
    Inconsistent(String),
}

impl DecodeError {
    /// What went wrong and what to do, in words (built without `core::fmt`:
    /// see `words`; the first frame's wasm shows it).
    pub fn message(&self) -> String {
        use crate::words::{message, Part::{Number, Text}};
        match self {
            DecodeError::NotCompiled => "not a compiled alliance-map file (it should start with AMAP); build one with `alliance-map build data.toml -o DIR`".into(),
            DecodeError::Version(v) => message(&[
                Text("compiled with format version "),
                Number(usize::from(*v)),
                Text(", this widget reads version "),
                Number(usize::from(VERSION)),
                Text("; rebuild it with the same alliance-map version"),
            ]),
            DecodeError::Corrupt(e) => message(&[Text("the compiled file is truncated or corrupt ("), Text(e), Text("); rebuild it")]),
            DecodeError::Inconsistent(e) => message(&[Text("the compiled file is inconsistent: "), Text(e), Text("; rebuild it")]),
        }
    }
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

/// postcard's reason, as its own `Display` words it, without the formatter.
fn postcard_reason(e: &postcard::Error) -> &'static str {
    use postcard::Error::*;
    match e {
        DeserializeUnexpectedEnd => "Hit the end of buffer, expected more data",
        DeserializeBadVarint => "Found a varint that didn't terminate. Is the usize too big for this platform?",
        DeserializeBadBool => "Found a bool that wasn't 0 or 1",
        DeserializeBadChar => "Found an invalid unicode char",
        DeserializeBadUtf8 => "Tried to parse invalid utf-8",
        DeserializeBadOption => "Found an Option discriminant that wasn't 0 or 1",
        DeserializeBadEnum => "Found an enum discriminant that was > u32::max_value()",
        DeserializeBadEncoding => "The original data was not well encoded",
        _ => "Serde Deserialization Error",
    }
}

/// Bytes before the postcard body: magic, version, content hash.
const HEADER: usize = 4 + 2 + 8;

/// Encodes a compiled dataset: magic, version, the body's content hash,
/// then the body.
pub fn encode(compiled: &Compiled) -> Vec<u8> {
    let body = postcard::to_allocvec(compiled).expect("postcard encoding of owned data cannot fail");
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&content_hash(&body).to_le_bytes());
    out.extend(body);
    out
}

/// FNV-1a, 64 bits, of the encoded body: the same data gives the same
/// version on every machine, so a reader can tell which edition of a map
/// they see ("version 1a2b3c4d") and a corrupted file is refused.
pub fn content_hash(body: &[u8]) -> u64 {
    body.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3))
}

/// The content hash a compiled file carries (`None` if it is too short to hold one).
pub fn hash_of(bytes: &[u8]) -> Option<u64> {
    Some(u64::from_le_bytes(bytes.get(6..HEADER)?.try_into().ok()?))
}

/// What the first-frame module needs to draw `compiled` and nothing more:
/// names and the label each shows, kinds, relation ends, types and statuses
/// (dashes), the title, and the layout. Sources, attributes, notes, shares,
/// roles, dates and the story's steps (but their number) go: the full
/// module brings them after the first frame.
/// The result is still a valid compiled dataset.
pub fn for_drawing(compiled: &Compiled) -> Compiled {
    let d = &compiled.dataset;
    let entities = d
        .entities
        .iter()
        .map(|e| {
            let label = e.label();
            let aliases = if label == e.name { Vec::new() } else { vec![label.to_owned()] };
            Entity { id: e.id.clone(), name: e.name.clone(), aliases, kind: e.kind, country: String::new(), wikidata: String::new(), attributes: Vec::new(), sources: Vec::new() }
        })
        .collect();
    let relations = d
        .relations
        .iter()
        .map(|r| {
            // An inference is drawn dotted from the first frame on; who says it is read later.
            let claim = crate::model::claim::Claim { basis: r.claim.basis, ..Default::default() };
            // So is an undirected tie, drawn without its arrowhead.
            let attributes = r.attributes.iter().filter(|(k, _)| k == crate::model::DIRECTED).cloned().collect();
            Relation { status: r.status, claim, attributes, ..Relation::bare(r.kind, r.from, r.to, Vec::new()) }
        })
        .collect();
    // Blank steps: the first frame reserves the story bar's place by their number.
    let steps = d.steps.iter().map(|_| crate::model::story::Step::default()).collect();
    Compiled { dataset: Dataset { meta: d.meta.clone(), sources: Vec::new(), entities, relations, corrections: Vec::new(), reactions: Vec::new(), steps }, positions: compiled.positions.clone(), communities: compiled.communities.clone() }
}

/// Decodes and validates a compiled dataset. Never panics on any input.
pub fn decode(bytes: &[u8]) -> Result<Compiled, DecodeError> {
    if bytes.len() < 6 || &bytes[..4] != MAGIC {
        return Err(DecodeError::NotCompiled);
    }
    let version = u16::from_le_bytes([bytes[4], bytes[5]]);
    if version != VERSION {
        return Err(DecodeError::Version(version));
    }
    let body = bytes.get(HEADER..).ok_or_else(|| DecodeError::Corrupt("no content hash".into()))?;
    if hash_of(bytes) != Some(content_hash(body)) {
        return Err(DecodeError::Corrupt("its content hash does not match".into()));
    }
    let compiled: Compiled = postcard::from_bytes(body).map_err(|e| DecodeError::Corrupt(postcard_reason(&e).into()))?;
    validate(&compiled)?;
    Ok(compiled)
}

/// The invariants of `model` that a hand-made or corrupt blob could break.
fn validate(c: &Compiled) -> Result<(), DecodeError> {
    use crate::words::{message, Part::{Number, Text}};
    let d = &c.dataset;
    let (n, s) = (d.entities.len(), d.sources.len());
    // None at all is a dataset compiled with --no-layout; anything else must be complete.
    if !c.positions.is_empty() && c.positions.len() != 2 * n {
        let parts = [Number(c.positions.len()), Text(" coordinates for "), Number(n), Text(" entities (expected "), Number(2 * n), Text(" or none)")];
        return Err(DecodeError::Inconsistent(message(&parts)));
    }
    if !c.communities.is_empty() && (c.communities.len() != n || c.communities.iter().any(|&g| g as usize >= n)) {
        return Err(DecodeError::Inconsistent("the communities do not match the entities".into()));
    }
    if c.positions.iter().any(|p| !p.is_finite()) {
        return Err(DecodeError::Inconsistent("a position is not a finite number".into()));
    }
    for (i, r) in d.relations.iter().enumerate() {
        if r.from.ix() >= n || r.to.ix() >= n || r.sources.iter().any(|&x| x.ix() >= s) || r.claim.entities().any(|e| e.ix() >= n) {
            return Err(DecodeError::Inconsistent(message(&[Text("relation "), Number(i), Text(" refers past the end of a table")])));
        }
    }
    for e in &d.entities {
        if e.attributes.iter().flat_map(|a| &a.sources).chain(&e.sources).any(|&x| x.ix() >= s) {
            return Err(DecodeError::Inconsistent(message(&[Text("an attribute of `"), Text(&e.id), Text("` cites a missing source")])));
        }
        if e.attributes.iter().flat_map(|a| a.claim.entities()).any(|x| x.ix() >= n) {
            return Err(DecodeError::Inconsistent(message(&[Text("an attribute of `"), Text(&e.id), Text("` names a missing entity")])));
        }
    }
    if d.corrections.iter().flat_map(|c| &c.sources).any(|&x| x.ix() >= s) {
        return Err(DecodeError::Inconsistent("a correction cites a missing source".into()));
    }
    let m = d.relations.len();
    let after_ok = |a: &Option<crate::model::After>| match a {
        Some(crate::model::After::Entity(e)) => e.ix() < n,
        Some(crate::model::After::Relation(r)) => r.ix() < m,
        None => true,
    };
    if d.reactions.iter().any(|x| x.entity.ix() >= n || !after_ok(&x.after) || x.sources.iter().any(|&i| i.ix() >= s)) {
        return Err(DecodeError::Inconsistent("a market reaction refers past the end of a table".into()));
    }
    if d.steps.iter().any(|step| !step_in_bounds(step, n, m, s)) {
        return Err(DecodeError::Inconsistent("a story step refers past the end of a table".into()));
    }
    for src in &d.sources {
        if src.self_interest.iter().chain(&src.publisher_entity).any(|x| x.ix() >= n) {
            return Err(DecodeError::Inconsistent(message(&[Text("source `"), Text(&src.id), Text("` names a missing entity")])));
        }
    }
    Ok(())
}

/// Every index a story step holds is within its table.
fn step_in_bounds(step: &crate::model::story::Step, n: usize, m: usize, s: usize) -> bool {
    use crate::model::story::{Anchor, Camera};
    let entities_ok = step.select.iter().chain(&step.highlight).chain(step.path.iter().flat_map(|p| [&p.from, &p.to])).all(|e| e.ix() < n);
    let camera_ok = match step.camera {
        Camera::Centre { entity, zoom } => entity.ix() < n && zoom.is_finite() && zoom > 0.0,
        Camera::Fit | Camera::All => true,
    };
    let notes_ok = step.notes.iter().all(|note| match note.anchor {
        Anchor::Entity(e) => e.ix() < n,
        Anchor::Relation(r) => r.ix() < m,
    });
    entities_ok && camera_ok && notes_ok && step.citations.iter().chain(&step.filter.sources).all(|x| x.ix() < s)
}
