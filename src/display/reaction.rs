//! A market reaction in words: "Shares on the Hong Kong Stock Exchange rose
//! as much as 12%, after the news: …". Typed in the data, so the direction,
//! the hedge ("as much as", "at least") and what it followed are never lost.

use crate::display::sentence::{isolate, relation_sentence};
use crate::model::vocab::ShareQualifier;
use crate::model::{format_number, After, Dataset, Reaction};

/// The reaction as one sentence.
pub fn reaction_words(data: &Dataset, x: &Reaction) -> String {
    let c = x.change;
    let (moved, sign) = if c.percent < 0.0 || c.max.is_some_and(|m| m < 0.0) { ("fell", -1.0) } else { ("rose", 1.0) };
    let n = |v: f64| format!("{}%", format_number(v * sign));
    let amount = match (c.qualifier, c.max) {
        (ShareQualifier::UpTo, _) => format!("as much as {}", n(c.percent)),
        (ShareQualifier::AtLeast, _) => format!("at least {}", n(c.percent)),
        (ShareQualifier::Between, Some(max)) => format!("between {} and {}", n(c.percent.min(max)), n(c.percent.max(max))),
        (ShareQualifier::About, _) => format!("about {}", n(c.percent)),
        _ => n(c.percent),
    };
    let when = x.date.map(|d| format!(" on {d}")).unwrap_or_default();
    let after = match x.after {
        Some(After::Entity(e)) => format!(", after {}.", isolate(&data.entity(e).name)),
        Some(After::Relation(r)) => format!(", after the news: {}", relation_sentence(data, &data.relations[r.ix()])),
        None => ".".to_string(),
    };
    let whose = if x.market.is_empty() { "Its shares".to_string() } else { format!("Shares on {}", x.market) };
    format!("{whose} {moved} {amount}{when}{after}")
}
