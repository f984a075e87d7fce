//! Plain sentences for relations, generated from the data: what a reader sees
//! in the details panel ("Changan Automobile holds up to 40% of ...").
//! Every name (and a position's role) is isolated between U+2068 FIRST
//! STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE, so a right-to-left
//! name, or one holding U+202E, never reorders the words around it; www/
//! and the no-JavaScript page turn each isolate into a `<bdi>`.

use crate::display::claim;
use crate::model::{format_number, Dataset, Relation, Share};
use crate::model::vocab::{RelationType, ShareQualifier, Status};

/// A name as sentences carry it: between FSI and PDI.
/// Isolate controls inside the name are dropped (they are invisible, and
/// `check` warns of them), so each FSI meets its own PDI.
pub fn isolate(name: &str) -> String {
    let inner: String = name.chars().filter(|c| !('\u{2066}'..='\u{2069}').contains(c)).collect();
    format!("\u{2068}{inner}\u{2069}")
}

/// The relation as one sentence: who says it, its status, confirmation
/// and dates appended; an inference says so first and gives its reasoning.
pub fn relation_sentence(data: &Dataset, r: &Relation) -> String {
    let t = tense(data, r);
    let (core, hedged) = core(data, r, t);
    let mut when: Vec<String> = Vec::new();
    if let Some(s) = r.status.filter(|&s| s != Status::InForce && !(hedged && s.is_tentative())) {
        when.push(s.key().replace('_', " "));
    }
    when.extend(claim::confirmation(data, &r.claim));
    if let Some(d) = r.announced {
        when.push(format!("announced {d}"));
    }
    when.extend(dates(r, t));
    let said = claim::according_to(data, &r.claim).map(|a| format!(", {a}")).unwrap_or_default();
    let when = if when.is_empty() { String::new() } else { format!(" ({})", when.join("; ")) };
    match claim::reasoning(&r.claim) {
        Some(why) => format!("Inferred by the editor: {core}{said}{when}. {why}"),
        None => format!("{core}{said}{when}."),
    }
}

/// When a relation stands, seen from its sources: over (an `end`, or
/// `status = "ended"`), ahead (it starts after every source's date), or now.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tense {
    Past,
    Present,
    Future,
}

fn tense(data: &Dataset, r: &Relation) -> Tense {
    if r.status == Some(Status::Ended) || r.end.is_some() {
        return Tense::Past;
    }
    let dates: Vec<_> = r.sources.iter().map(|&s| data.source(s).date).collect();
    let reported_before = |start: crate::model::date::PartialDate| !dates.is_empty() && dates.iter().all(|d| d.is_some_and(|d| d.certainly_before(start)));
    match r.start {
        Some(s) if reported_before(s) => Tense::Future,
        // A part in an event happened, on its day if it has one, unless it is only planned.
        _ if r.kind.is_event_role() && !r.status.is_some_and(Status::is_tentative) => Tense::Past,
        _ => Tense::Present,
    }
}

/// A verb in a tense: `[present, past, future]`.
fn verb(t: Tense, forms: [&'static str; 3]) -> &'static str {
    match t {
        Tense::Present => forms[0],
        Tense::Past => forms[1],
        Tense::Future => forms[2],
    }
}

/// The sentence's subject, verb and object, in the tense its dates give, and
/// whether the verb already carries a tentative status ("is expected to
/// hold"), which then is not repeated in brackets.
fn core(data: &Dataset, r: &Relation, t: Tense) -> (String, bool) {
    let from = isolate(&data.entity(r.from).name);
    let to = isolate(&data.entity(r.to).name);
    let is = verb(t, ["is", "was", "will be"]);
    let has = verb(t, ["has", "had", "will have"]);
    let tentative = t != Tense::Past && r.status.is_some_and(Status::is_tentative);
    let core = match r.kind {
        RelationType::Owns => {
            let stake = match r.share {
                Some(s) => format!("{} of", share_words(s)),
                None => "a stake in".to_string(),
            };
            let verb = match r.status {
                _ if !tentative => verb(t, ["holds", "held", "will hold"]),
                Some(Status::Proposed) => "is expected to hold",
                _ => "is to hold",
            };
            return (format!("{from} {verb} {stake} {to}"), tentative);
        }
        RelationType::InvestmentArmOf => format!("{from} {is} the investment arm of {to}"),
        RelationType::SubsidiaryOf => format!("{from} {is} a subsidiary of {to}"),
        RelationType::FoundingMemberOf => format!("{from} {is} a founding member of {to}"),
        RelationType::MemberOf => format!("{from} {is} a member of {to}"),
        RelationType::InitiatorOf => format!("{from} initiated {to}"),
        RelationType::JointVenturePartnerOf => format!("{from} {is} a partner in the joint venture {to}"),
        RelationType::InvitedToInvestIn => format!("{from} {has} been invited to invest in {to}"),
        RelationType::PartnerOf => format!("{from} {has} a partnership with {to}"),
        RelationType::Position => format!("{from} {is} {} of {to}", isolate(&r.role)),
        RelationType::Represents => format!("{from} {} {to}", verb(t, ["represents", "represented", "will represent"])),
        RelationType::WorkingGroupMemberOf if tentative => format!("{from} is to take part in {to}"),
        RelationType::WorkingGroupMemberOf => format!("{from} {} {to}", verb(t, ["takes part in", "took part in", "will take part in"])),
        RelationType::CompetitorOf => format!("{from} {} {to}", verb(t, ["competes with", "competed with", "will compete with"])),
        RelationType::Restricts => format!("{from} {has} placed restrictions on {to}"),
        RelationType::FoundedAt => format!("{from} was founded at {to}"),
        RelationType::RelatedTo => format!("{from} {is} linked to {to}"),
        RelationType::ParticipantIn => format!("{from} {} {to}", verb(t, ["takes part in", "took part in", "will take part in"])),
        RelationType::HeldAt => format!("{from} {} {to}", verb(t, ["is held at", "was held at", "will be held at"])),
        RelationType::ElectedAt => format!("{from} was elected {} at {to}", isolate(&r.role)),
    };
    (core, false)
}

/// "since 2023-09-27", "from 2025" (ahead), "2023 to 2024". An undated
/// relation says nothing here: the as-of view, not every sentence, marks
/// "date not stated".
fn dates(r: &Relation, t: Tense) -> Option<String> {
    match (r.start, r.end) {
        (Some(s), Some(e)) => Some(format!("{s} to {e}")),
        (Some(s), None) if r.kind.is_event_role() => Some(format!("on {s}")),
        (Some(s), None) if t == Tense::Future => Some(format!("from {s}")),
        (Some(s), None) => Some(format!("since {s}")),
        (None, Some(e)) => Some(format!("until {e}")),
        (None, None) => None,
    }
}

/// "up to 40%", "between 25% and 50%".
pub fn share_words(s: Share) -> String {
    let n = format_number(s.percent);
    match (s.qualifier, s.max) {
        (ShareQualifier::Exact, _) => format!("{n}%"),
        (ShareQualifier::UpTo, _) => format!("up to {n}%"),
        (ShareQualifier::AtLeast, _) => format!("at least {n}%"),
        (ShareQualifier::About, _) => format!("about {n}%"),
        (ShareQualifier::Between, Some(max)) => format!("between {n}% and {}%", format_number(max)),
        (ShareQualifier::Between, None) => format!("at least {n}%"),
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
