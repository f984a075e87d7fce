//! The claim fields every relation and attribute may carry: who says it
//! (`according_to`), how firm it is (`confirmation`, `disputed_by`) and
//! whether a source reports it or the editor infers it (`basis`,
//! `reasoning`). Read here with their local rules; `resolve` turns the ids
//! into entities.

use super::fields::{At, Fields};
use super::raw::RawClaim;
use super::read::read_vocab;
use crate::check::diagnostic::{Code, Diagnostic};
use crate::model::claim::Claim;
use crate::model::vocab::{Basis, Confirmation};
use crate::model::EntityIx;

/// Reads the claim fields of a relation or an attribute table.
pub fn read_claim(f: &Fields, diags: &mut Vec<Diagnostic>) -> RawClaim {
    let confirmation = read_vocab(f, "confirmation", false, Confirmation::from_key, Confirmation::keys().collect(), Code::UnknownConfirmation, diags);
    let basis = read_vocab(f, "basis", false, Basis::from_key, Basis::keys().collect(), Code::UnknownBasis, diags);
    let claim = RawClaim {
        according_to: f.text_list("according_to", diags),
        disputed_by: f.text_list("disputed_by", diags),
        reasoning: f.text("reasoning", false, diags),
        confirmation,
        basis,
    };
    check_reasoning(f, &claim, diags);
    check_dispute(f, &claim, diags);
    claim
}

/// An inference must say how it was drawn, and only an inference has reasoning:
/// a reader is owed the editor's steps, and a reported fact is the source's.
fn check_reasoning(f: &Fields, c: &RawClaim, diags: &mut Vec<Diagnostic>) {
    let inferred = c.basis.as_ref().filter(|b| b.value == Basis::Inferred);
    let reasoning = c.reasoning.as_ref();
    match (inferred, reasoning) {
        (Some(b), None) => diags.push(
            Diagnostic::new(Code::ReasoningMisuse, b.span.clone(), format!("{} is `basis = \"inferred\"` without `reasoning`", f.what))
                .hint("add `reasoning = \"...\"`: how you concluded it from the sources (\"the arm bears the carmaker's name; no article states the link\")"),
        ),
        (Some(_), Some(r)) if r.value.trim().is_empty() => diags.push(
            Diagnostic::new(Code::EmptyValue, r.span.clone(), format!("`reasoning` in {} is empty", f.what)).hint("say how the sources lead to the inference"),
        ),
        (None, Some(r)) => diags.push(
            Diagnostic::new(Code::ReasoningMisuse, r.span.clone(), format!("`reasoning` in {} on a claim that is not inferred", f.what))
                .hint("add `basis = \"inferred\"` if you concluded it yourself, or move the text to `note`"),
        ),
        _ => {}
    }
}

/// `disputed` names who disputes it, and only a disputed claim has `disputed_by`.
fn check_dispute(f: &Fields, c: &RawClaim, diags: &mut Vec<Diagnostic>) {
    let disputed = c.confirmation.as_ref().filter(|x| x.value == Confirmation::Disputed);
    match (disputed, c.disputed_by.first()) {
        (Some(x), None) => diags.push(
            Diagnostic::new(Code::DisputeMisuse, x.span.clone(), format!("{} is `confirmation = \"disputed\"` without `disputed_by`", f.what))
                .hint("add `disputed_by = [\"<entity id>\"]` naming who disputes it"),
        ),
        (None, Some(by)) => diags.push(
            Diagnostic::new(Code::DisputeMisuse, by.span.clone(), format!("`disputed_by` in {} on a claim that is not `disputed`", f.what))
                .hint("add `confirmation = \"disputed\"`, or remove `disputed_by`"),
        ),
        _ => {}
    }
}

/// Resolves a claim's entity ids with `entity` (which reports unknown ones).
pub fn resolve_claim(c: &RawClaim, entity: &mut dyn FnMut(&At<String>) -> Option<EntityIx>) -> Claim {
    let mut ids = |list: &[At<String>]| {
        let mut out: Vec<EntityIx> = Vec::new();
        for ix in list.iter().filter_map(&mut *entity) {
            // Naming a party twice adds nothing.
            if !out.contains(&ix) {
                out.push(ix);
            }
        }
        out
    };
    Claim {
        according_to: ids(&c.according_to),
        disputed_by: ids(&c.disputed_by),
        confirmation: c.confirmation.as_ref().map(|x| x.value),
        basis: c.basis.as_ref().map(|b| b.value).unwrap_or_default(),
        reasoning: c.reasoning.as_ref().map(|r| r.value.clone()).unwrap_or_default(),
    }
}
