//! Plain sentences for relations, generated from the data: what a reader sees
//! in the details panel ("Changan Automobile holds up to 40% of ...").
//! Every name (and a position's role) is isolated between U+2068 FIRST
//! STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE, so a right-to-left
//! name, or one holding U+202E, never reorders the words around it; www/
//! and the no-JavaScript page turn each isolate into a `<bdi>`.

use crate::model::{format_number, Dataset, Relation};
use crate::model::vocab::{RelationType, ShareQualifier, Status};

/// A name as sentences carry it: between FSI and PDI.
/// Isolate controls inside the name are dropped (they are invisible, and
/// `check` warns of them), so each FSI meets its own PDI.
pub fn isolate(name: &str) -> String {
    let inner: String = name.chars().filter(|c| !('\u{2066}'..='\u{2069}').contains(c)).collect();
    format!("\u{2068}{inner}\u{2069}")
}

/// The relation as one sentence, with status and dates appended.
pub fn relation_sentence(data: &Dataset, r: &Relation) -> String {
    let from = isolate(&data.entity(r.from).name);
    let to = isolate(&data.entity(r.to).name);
    let ended = r.status == Some(Status::Ended) || r.end.is_some();
    let (is, has) = if ended { ("was", "had") } else { ("is", "has") };
    let core = match r.kind {
        RelationType::Owns => match r.share {
            Some(s) => format!("{from} holds {}{}% of {to}", qualifier(s.qualifier), format_number(s.percent)),
            None => format!("{from} holds a stake in {to}"),
        },
        RelationType::InvestmentArmOf => format!("{from} {is} the investment arm of {to}"),
        RelationType::SubsidiaryOf => format!("{from} {is} a subsidiary of {to}"),
        RelationType::FoundingMemberOf => format!("{from} {is} a founding member of {to}"),
        RelationType::MemberOf => format!("{from} {is} a member of {to}"),
        RelationType::InitiatorOf => format!("{from} initiated {to}"),
        RelationType::JointVenturePartnerOf => format!("{from} {is} a partner in the joint venture {to}"),
        RelationType::InvitedToInvestIn => format!("{from} {has} been invited to invest in {to}"),
        RelationType::PartnerOf => format!("{from} {has} a partnership with {to}"),
        RelationType::Position => format!("{from} {is} {} of {to}", isolate(&r.role)),
        RelationType::Represents => format!("{from} represents {to}"),
        RelationType::WorkingGroupMemberOf => format!("{from} takes part in {to}"),
        RelationType::CompetitorOf => format!("{from} competes with {to}"),
        RelationType::Restricts => format!("{from} {has} placed restrictions on {to}"),
        RelationType::FoundedAt => format!("{from} was founded at {to}"),
        RelationType::RelatedTo => format!("{from} {is} linked to {to}"),
    };
    let mut when: Vec<String> = Vec::new();
    if let Some(s) = r.status {
        if s != Status::InForce {
            when.push(s.key().replace('_', " "));
        }
    }
    if let Some(d) = r.announced {
        when.push(format!("announced {d}"));
    }
    match (r.start, r.end) {
        (Some(s), Some(e)) => when.push(format!("{s} to {e}")),
        (Some(s), None) => when.push(format!("since {s}")),
        (None, Some(e)) => when.push(format!("until {e}")),
        (None, None) => {}
    }
    if when.is_empty() {
        format!("{core}.")
    } else {
        format!("{core} ({}).", when.join("; "))
    }
}

fn qualifier(q: ShareQualifier) -> &'static str {
    match q {
        ShareQualifier::Exact => "",
        ShareQualifier::UpTo => "up to ",
        ShareQualifier::AtLeast => "at least ",
        ShareQualifier::About => "about ",
    }
}

/// A human label for a snake_case key: `state_owned` → "State owned".
/// ASCII case mapping only: Unicode tables would cost kilobytes of wasm, and
/// keys are snake_case by convention.
pub fn humanize(key: &str) -> String {
    let mut out = key.replace(['_', '-'], " ");
    if let Some(first) = out.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    out
}
