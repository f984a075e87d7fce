//! A claim in words: who says it and how firm it is ("according to CSIA;
//! not confirmed"), or that the editor inferred it. Relation sentences and
//! fact lines both read them from here, so the panel, the text view, path
//! sentences and the no-JavaScript page word a claim the same way.

use crate::display::sentence::isolate;
use crate::model::claim::Claim;
use crate::model::vocab::{Basis, Confirmation};
use crate::model::{Dataset, EntityIx};

/// "CSIA", "CSIA and SIA", "A, B and C": labels (the short name a
/// reader sees on the map), each isolated.
pub fn names(data: &Dataset, list: &[EntityIx]) -> String {
    let names: Vec<String> = list.iter().map(|&e| isolate(data.entity(e).label())).collect();
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// "according to CSIA", or nothing when the source's publisher says it.
pub fn according_to(data: &Dataset, c: &Claim) -> Option<String> {
    (!c.according_to.is_empty()).then(|| format!("according to {}", names(data, &c.according_to)))
}

/// "confirmed", "not confirmed", "denied", "disputed by SIA".
pub fn confirmation(data: &Dataset, c: &Claim) -> Option<String> {
    Some(match c.confirmation? {
        Confirmation::Confirmed => "confirmed".to_string(),
        Confirmation::Unconfirmed => "not confirmed".to_string(),
        Confirmation::Denied => "denied".to_string(),
        Confirmation::Disputed => format!("disputed by {}", names(data, &c.disputed_by)),
    })
}

/// The reasoning as a sentence of its own: "Reasoning: ... ."
pub fn reasoning(c: &Claim) -> Option<String> {
    if c.basis != Basis::Inferred {
        return None;
    }
    let text = c.reasoning.trim();
    let stop = if text.ends_with(['.', '!', '?']) { "" } else { "." };
    Some(format!("Reasoning: {text}{stop}"))
}

/// What qualifies a fact, for its line in the panel: "according to CSIA;
/// not confirmed", "inferred by the editor: ...", or empty for a plain fact.
pub fn fact_claim(data: &Dataset, c: &Claim) -> String {
    let mut parts: Vec<String> = Vec::new();
    if c.basis == Basis::Inferred {
        parts.push(format!("inferred by the editor: {}", c.reasoning.trim()));
    }
    parts.extend(according_to(data, c));
    parts.extend(confirmation(data, c));
    parts.join("; ")
}
