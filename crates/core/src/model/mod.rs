//! The validated dataset: sources, entities and relations in flat vectors,
//! referring to each other by integer index (petgraph style). A `Dataset` only
//! comes out of `check` (or the compiled form), so every invariant below holds.
//!
//! Invariants: every relation endpoint and every citation is a valid index;
//! every relation and every entity attribute cites at least one source; ids are
//! unique within their table.

pub mod claim;
pub mod date;
pub mod graph;
pub mod story;
pub mod vocab;

use crate::model::claim::Claim;
use crate::model::date::{MonthDay, PartialDate};
use crate::model::vocab::{EntityKind, RelationType, ShareQualifier, Status};
use serde::{Deserialize, Serialize};

/// Declares an index newtype: a `u32` that knows which table it indexes,
/// so an entity index cannot be passed where a source is meant. Encoded as
/// the bare `u32` (serde `transparent`): the compiled format and the view
/// structs JavaScript reads are unchanged.
macro_rules! index_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u32);

        impl $name {
            /// The position in its table, for indexing a slice.
            pub fn ix(self) -> usize {
                self.0 as usize
            }

            /// The index of position `i` (tables never exceed u32 entries: `check` and `decode` bound them).
            pub fn at(i: usize) -> Self {
                $name(i as u32)
            }

            /// Every index of a table of `n` rows, in order.
            pub fn range(n: usize) -> impl Iterator<Item = Self> {
                (0..n as u32).map($name)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

index_type!(
    /// Index of a source in [`Dataset::sources`].
    SourceIx
);
index_type!(
    /// Index of an entity in [`Dataset::entities`].
    EntityIx
);
index_type!(
    /// Index of a relation in [`Dataset::relations`].
    RelationIx
);

/// A whole, validated data file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    /// Title and description of the map.
    pub meta: Meta,
    /// The articles and documents that facts are taken from.
    pub sources: Vec<Source>,
    /// Organizations, people, events.
    pub entities: Vec<Entity>,
    /// Directed, typed, cited relations between entities.
    pub relations: Vec<Relation>,
    /// What the map got wrong before and was corrected, oldest first as written.
    pub corrections: Vec<Correction>,
    /// How markets moved on the news (typed, not free text).
    pub reactions: Vec<Reaction>,
    /// The story an article walks its readers through, step by step.
    #[serde(with = "story::as_blob")]
    pub steps: Vec<story::Step>,
}

/// A `[[reaction]]`: an entity's shares moved on a market after an event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reaction {
    /// Whose shares (or instrument) moved.
    pub entity: EntityIx,
    /// Where: the exchange or instrument ("Hong Kong", "Shenzhen A shares").
    pub market: String,
    /// The change in percent, and how exact: "as much as 12%" is up to 12, "at least 13%" at least 13.
    pub change: Share,
    /// When, if stated.
    pub date: Option<PartialDate>,
    /// What it followed: an event entity or a relation (an announcement), if said.
    pub after: Option<After>,
    /// At least one source.
    pub sources: Vec<SourceIx>,
}

/// What a market reaction followed.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum After {
    /// An event entity.
    Entity(EntityIx),
    /// A relation, such as the announced cooperation.
    Relation(RelationIx),
}

/// A `[[correction]]`: a published change to what the map says.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Correction {
    /// When it was corrected.
    pub date: PartialDate,
    /// What changed, in words ("SIA's part in the working group is not confirmed").
    pub what: String,
    /// Why, if said.
    pub why: String,
    /// Sources that prompted it, if any.
    pub sources: Vec<SourceIx>,
}

/// The `[dataset]` table.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// Shown as the map's title.
    pub title: String,
    /// One paragraph on what the map shows.
    pub description: String,
}

/// A cited document. Unknown fields stay empty; they are never invented.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// Stable id used in `sources = [...]`.
    pub id: String,
    /// Who published it.
    pub publisher: String,
    /// Its headline or title.
    pub title: String,
    /// Byline, if stated.
    pub author: String,
    /// Publication date, if stated with its year.
    pub date: Option<PartialDate>,
    /// A dateline's month (and day) when the source gives no year ("Sep 28").
    pub date_no_year: Option<MonthDay>,
    /// An http(s) URL, if known.
    pub url: String,
    /// Anything a reader should know about the source.
    pub note: String,
    /// Parties to the story the source itself belongs to or speaks for
    /// (JW Insights reporting the alliance it initiated).
    pub self_interest: Vec<EntityIx>,
    /// The publisher as an entity of the map, if it is one.
    pub publisher_entity: Option<EntityIx>,
}

/// A real-world actor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable id used in relations.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Other names the sources use.
    pub aliases: Vec<String>,
    /// What it is.
    pub kind: EntityKind,
    /// ISO 3166-1 alpha-2 country code, if known.
    pub country: String,
    /// Wikidata id (Q...), if known.
    pub wikidata: String,
    /// Cited facts about the entity itself.
    pub attributes: Vec<Attribute>,
    /// Sources that state its kind, country and aliases; empty: "not stated by a source".
    pub sources: Vec<SourceIx>,
}

/// A value of an attribute.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Value {
    /// Free text.
    Text(String),
    /// A number.
    Number(f64),
    /// Yes or no.
    Bool(bool),
}

/// A cited fact about an entity, e.g. `state_owned = true`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attribute {
    /// Snake-case name of the fact.
    pub key: String,
    /// The fact.
    pub value: Value,
    /// At least one source.
    pub sources: Vec<SourceIx>,
    /// Who says it, how firmly, reported or inferred.
    pub claim: Claim,
}

/// An ownership share in percent, with how exact it is.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Share {
    /// 0..=100; the lower bound of a range.
    pub percent: f64,
    /// Exact, up to, at least, about, between.
    pub qualifier: ShareQualifier,
    /// The upper bound, only with `ShareQualifier::Between`.
    pub max: Option<f64>,
}

/// The attribute an import sets to `false` on an undirected edge.
pub const DIRECTED: &str = "directed";

/// A directed, typed, cited relation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    /// Optional stable id (for links); empty if the file gave none.
    pub id: String,
    /// What the relation is.
    pub kind: RelationType,
    /// Tail entity.
    pub from: EntityIx,
    /// Head entity.
    pub to: EntityIx,
    /// For `owns`.
    pub share: Option<Share>,
    /// For `position`: chairman, board member ...
    pub role: String,
    /// Where it stands, if the sources say.
    pub status: Option<Status>,
    /// When it took effect.
    pub start: Option<PartialDate>,
    /// When it ended.
    pub end: Option<PartialDate>,
    /// When it was made public.
    pub announced: Option<PartialDate>,
    /// Free facts about the relation (meeting cadence ...), covered by its sources.
    pub attributes: Vec<(String, Value)>,
    /// At least one source.
    pub sources: Vec<SourceIx>,
    /// A paraphrase of what the sources say, shown under the sentence.
    pub note: String,
    /// Who says it, how firmly, reported or inferred.
    pub claim: Claim,
}

impl Relation {
    /// Whether the relation came from an undirected edge (an import's
    /// `directed = false`): a tie without a direction, drawn without an
    /// arrowhead and exported undirected.
    pub fn is_undirected(&self) -> bool {
        self.attributes.iter().any(|(k, v)| k == DIRECTED && *v == Value::Bool(false))
    }

    /// A relation with its type, ends and sources, and every optional field
    /// empty (generated and cut-down datasets fill in what they have).
    pub fn bare(kind: RelationType, from: EntityIx, to: EntityIx, sources: Vec<SourceIx>) -> Relation {
        Relation {
            id: String::new(),
            kind,
            from,
            to,
            share: None,
            role: String::new(),
            status: None,
            start: None,
            end: None,
            announced: None,
            attributes: Vec::new(),
            sources,
            note: String::new(),
            claim: Claim::default(),
        }
    }
}

impl Entity {
    /// The text drawn next to the node: the name, or for names longer than
    /// 24 characters the shortest alias of at least 3 (an acronym such as
    /// CSIA), so hubs keep a label where space is tight.
    pub fn label(&self) -> &str {
        if self.name.chars().count() <= 24 {
            return &self.name;
        }
        self.aliases
            .iter()
            .filter(|a| a.chars().count() >= 3 && a.chars().count() < self.name.chars().count())
            .min_by_key(|a| a.chars().count())
            .map_or(&self.name, |a| a.as_str())
    }

    /// The label as drawn: on two lines (joined by `\n`) when it is longer
    /// than 24 characters, broken at the space nearest its middle, so a long
    /// name with no short alias takes half the width beside its node.
    pub fn label_text(&self) -> std::borrow::Cow<'_, str> {
        wrap_label(self.label())
    }
}

/// `label` on one or two lines; see [`Entity::label_text`]. Plain loops,
/// no `format!` or indexing: their panic paths would pull a formatter into
/// the first-frame wasm.
pub fn wrap_label(label: &str) -> std::borrow::Cow<'_, str> {
    // A line break in the data is drawn as a space: the one break is ours.
    let text: std::borrow::Cow<'_, str> = if label.bytes().any(|b| b == b'\n' || b == b'\r') {
        label.chars().map(|c| if c == '\n' || c == '\r' { ' ' } else { c }).collect::<String>().into()
    } else {
        label.into()
    };
    let chars = text.chars().count();
    if chars <= 24 {
        return text;
    }
    let (mut best, mut best_distance) = (None, usize::MAX);
    for (k, (byte, c)) in text.char_indices().enumerate() {
        if c == ' ' && k.abs_diff(chars / 2) < best_distance {
            (best, best_distance) = (Some(byte), k.abs_diff(chars / 2));
        }
    }
    // A space is one byte, so `at + 1` is a boundary.
    match best.and_then(|at| Some((text.get(..at)?, text.get(at + 1..)?))) {
        Some((first, second)) => [first, "\n", second].concat().into(),
        None => text,
    }
}

impl Source {
    /// Its date as a reader reads it: "2023-09-28", "September 28, year not
    /// stated", or empty.
    pub fn date_words(&self) -> String {
        match (self.date, self.date_no_year) {
            (Some(d), _) => d.to_string(),
            (None, Some(md)) => format!("{}, year not stated", md.words()),
            (None, None) => String::new(),
        }
    }
}

impl Dataset {
    /// Index of the entity with this id. O(n); build an index for repeated use.
    pub fn entity_ix(&self, id: &str) -> Option<EntityIx> {
        self.entities.iter().position(|e| e.id == id).map(EntityIx::at)
    }

    /// The entity at an index. Panics if out of range (indices come from this dataset).
    pub fn entity(&self, ix: EntityIx) -> &Entity {
        &self.entities[ix.ix()]
    }

    /// The source at an index.
    pub fn source(&self, ix: SourceIx) -> &Source {
        &self.sources[ix.ix()]
    }
}

impl Value {
    /// The value as a reader sees it.
    pub fn display(&self) -> String {
        match self {
            Value::Text(t) => t.clone(),
            Value::Number(n) => format_number(*n),
            Value::Bool(true) => "yes".into(),
            Value::Bool(false) => "no".into(),
        }
    }
}

/// Formats a number for readers: whole numbers without `.0`, others with up
/// to four decimals. Hand-written so the wasm carries no float formatter.
pub fn format_number(n: f64) -> String {
    if !n.is_finite() {
        return String::from("?");
    }
    let sign = if n < 0.0 { "-" } else { "" };
    let scaled = (n.abs() * 10_000.0).round();
    if scaled >= 9e15 {
        return format!("{sign}{}", n.abs() as u64);
    }
    let scaled = scaled as u64;
    let (whole, frac) = (scaled / 10_000, scaled % 10_000);
    if frac == 0 {
        return format!("{sign}{whole}");
    }
    let digits = format!("{frac:04}");
    format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
}
