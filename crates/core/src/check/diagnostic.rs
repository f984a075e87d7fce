//! Diagnostics: every problem found in a data file, with a byte span, a stable
//! code, a message that names the key, and a hint. Pure data: rendering lives
//! in `check::render` (native only).

use std::ops::Range;

/// How bad a problem is. Errors fail `check` and `build`; warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The data cannot be used as written.
    Error,
    /// Probably a mistake, but the data is usable.
    Warning,
}

macro_rules! codes {
    ($($variant:ident = $code:literal, $name:literal, $sev:ident : $doc:literal;)*) => {
        /// A stable diagnostic code. Codes are never reused or renumbered.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $(#[doc = $doc] $variant,)* }

        impl Code {
            /// Every code, in documentation order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];
            /// The code as printed: `E006`.
            pub fn as_str(self) -> &'static str { match self { $(Code::$variant => $code,)* } }
            /// A short kebab-case name: `unknown-entity`.
            pub fn name(self) -> &'static str { match self { $(Code::$variant => $name,)* } }
            /// Whether this code is an error or a warning.
            pub fn severity(self) -> Severity { match self { $(Code::$variant => Severity::$sev,)* } }
            /// What the code means, as in `docs/data-format.md`.
            pub fn doc(self) -> &'static str { match self { $(Code::$variant => $doc,)* } }
        }
    };
}

codes! {
    Syntax = "E001", "toml-syntax", Error: "The file is not valid TOML.";
    UnknownField = "E002", "unknown-field", Error: "A key that the format does not define (often a typo).";
    MissingField = "E003", "missing-field", Error: "A required key is absent.";
    WrongType = "E004", "wrong-type", Error: "A value has the wrong TOML type (a number where text is expected, ...).";
    DuplicateId = "E005", "duplicate-id", Error: "Two sources, two entities or two relations share an id.";
    UnknownEntity = "E006", "unknown-entity", Error: "A relation names an entity id that is not defined.";
    UnknownSource = "E007", "unknown-source", Error: "A citation names a source id that is not defined.";
    Uncited = "E008", "uncited", Error: "A relation or attribute cites no source.";
    InvalidDate = "E009", "invalid-date", Error: "A date is not YYYY, YYYY-MM or YYYY-MM-DD, or names a day that does not exist.";
    EndBeforeStart = "E010", "end-before-start", Error: "A relation ends before it starts.";
    ShareOutOfRange = "E011", "share-out-of-range", Error: "An ownership share is outside 0-100 percent.";
    UnknownRelationType = "E012", "unknown-relation-type", Error: "A relation `type` outside the vocabulary.";
    SelfRelation = "E013", "self-relation", Error: "A relation goes from an entity to itself.";
    EmptyValue = "E014", "empty-value", Error: "A name, id or other text is empty, only spaces, or (a name) only invisible characters.";
    InvalidUrl = "E015", "invalid-url", Error: "A URL that is not an absolute http:// or https:// address.";
    UnknownKind = "E016", "unknown-kind", Error: "An entity `kind` outside the vocabulary.";
    UnknownStatus = "E017", "unknown-status", Error: "A relation `status` outside the vocabulary.";
    UnknownQualifier = "E018", "unknown-qualifier", Error: "A `share_qualifier` outside the vocabulary.";
    RoleMisuse = "E019", "role-misuse", Error: "A `position` relation without a `role`, or a `role` on another type.";
    InvalidId = "E020", "invalid-id", Error: "An id with characters other than a-z, 0-9, `-` and `_`.";
    InvalidWikidata = "E021", "invalid-wikidata", Error: "A Wikidata id that is not Q followed by digits.";
    ShareMisuse = "E022", "share-misuse", Error: "A `share` on a relation type that does not carry one, or a qualifier without a share.";
    InvalidCountry = "E023", "invalid-country", Error: "A country that is not an ISO 3166-1 alpha-2 code such as CN or US.";
    NameTooLong = "E024", "name-too-long", Error: "An entity's name or alias is longer than 300 characters (it is drawn as a label and repeated in every sentence).";
    UnknownConfirmation = "E025", "unknown-confirmation", Error: "A `confirmation` outside the vocabulary (confirmed, unconfirmed, denied, disputed).";
    UnknownBasis = "E026", "unknown-basis", Error: "A `basis` outside the vocabulary (reported, inferred).";
    ReasoningMisuse = "E027", "reasoning-misuse", Error: "An inferred claim without `reasoning`, or `reasoning` on a claim that is not inferred.";
    DisputeMisuse = "E028", "dispute-misuse", Error: "A disputed claim without `disputed_by`, or `disputed_by` on a claim that is not disputed.";
    ShareRange = "E029", "share-range", Error: "`share_min` above `share_max`, a range beside `share`, or `share_qualifier = \"between\"` written by hand.";
    NoPath = "E030", "no-path", Error: "A story step's `path` joins two entities that no chain of shown relations joins, or asks for a path past the last one.";
    UnknownCamera = "E031", "unknown-camera", Error: "A story step's `camera` is not \"fit\", \"all\" or `{ center = \"<entity id>\", zoom = 2 }`.";
    DuplicateRelation = "W001", "duplicate-relation", Warning: "Two relations with the same type, endpoints and role.";
    UnusedSource = "W002", "unused-source", Warning: "A source that nothing cites.";
    ConfusableName = "W003", "confusable-name", Warning: "Two entities whose names look the same but are different text (Unicode's confusables: a Cyrillic letter for a Latin one, an invisible character).";
    HiddenCharacter = "W004", "hidden-character", Warning: "A name or alias holds a bidi control or an invisible character (zero-width, U+200B-U+200F, U+2060-U+2064, U+FEFF, U+202A-U+202E, U+2066-U+2069).";
    DuplicateKey = "W005", "duplicate-key", Warning: "An imported JSON object repeats a key; only its last value is read.";
    NumberAsText = "W006", "number-as-text", Warning: "An imported number too long for a float to hold exactly (an integer beyond 2^53, as a Gephi `bigint`) is kept as text, digit for digit.";
    SelfLoopSkipped = "W007", "self-loop-skipped", Warning: "An imported file has edges from a node to itself; they are skipped (with `--strict`, each is E013).";
    NodeFromEdge = "W008", "node-from-edge", Warning: "An imported edge names a node the file does not declare; the node is created (with `--strict`, each is E006).";
    Dropped = "W009", "dropped", Warning: "Part of an imported file the data format has no place for (a hyperedge, a JGF file's second graph) is left out, named here.";
    UncitedIdentity = "W010", "uncited-identity", Warning: "Entities whose kind, country and aliases cite no source (`sources` on `[[entity]]`); one warning per file, an error with `--strict`.";
}

/// One problem in one file.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// What kind of problem.
    pub code: Code,
    /// Byte range in the file that the problem is about.
    pub span: Range<usize>,
    /// What is wrong, naming the key or id.
    pub message: String,
    /// How to fix it, if we can tell.
    pub hint: Option<String>,
    /// Further places that explain the problem (e.g. the first definition of a duplicate).
    pub related: Vec<(Range<usize>, String)>,
    /// A warning raised to an error (`--strict`).
    pub strict: bool,
}

impl Diagnostic {
    /// A diagnostic without hint or related places.
    pub fn new(code: Code, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic { code, span, message: message.into(), hint: None, related: Vec::new(), strict: false }
    }

    /// Adds a hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }

    /// Adds a related place.
    pub fn related(mut self, span: Range<usize>, note: impl Into<String>) -> Diagnostic {
        self.related.push((span, note.into()));
        self
    }

    /// Error or warning (a warning is an error under `--strict` when its code says so).
    pub fn severity(&self) -> Severity {
        if self.strict { Severity::Error } else { self.code.severity() }
    }
}

/// The warnings `--strict` makes errors: what a standards desk would not
/// publish (uncited identities), not every warning.
pub fn make_strict(diagnostics: &mut [Diagnostic]) {
    for d in diagnostics.iter_mut().filter(|d| d.code == Code::UncitedIdentity) {
        d.strict = true;
    }
}

/// True when any diagnostic is an error.
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(|d| d.severity() == Severity::Error)
}
