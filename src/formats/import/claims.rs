//! The claim columns our exports write (`export::CLAIM_KEYS`), read back
//! into the raw records every importer fills.
use crate::check::fields::{At, Span};
use crate::check::raw::RawFile;
use crate::model::vocab::ShareQualifier;
use crate::model::Share;

/// A share as our exports write it: a band comes back as its lower bound,
/// `between` and `share_max` (without the upper bound, "at least").
pub(crate) fn share(percent: f64, qualifier: ShareQualifier, share_max: Option<f64>) -> Share {
    let (qualifier, max) = match (qualifier, share_max) {
        (ShareQualifier::Between, Some(max)) => (ShareQualifier::Between, Some(max)),
        (ShareQualifier::Between, None) => (ShareQualifier::AtLeast, None),
        (q, _) => (q, None),
    };
    Share { percent, qualifier, max }
}

/// Every entity id a file names (relation ends, claims, sources' parties),
/// for renaming foreign ids to valid ones.
/// Every entity reference but relations' ends (`ids::normalize_ids` renames
/// those itself, keeping what it renamed for messages).
pub(crate) fn each_entity_ref_but_ends(file: &mut RawFile, mut rename: impl FnMut(&mut At<String>)) {
    for r in &mut file.relations {
        r.claim.according_to.iter_mut().chain(&mut r.claim.disputed_by).for_each(&mut rename);
    }
    for a in file.entities.iter_mut().flat_map(|e| &mut e.attributes) {
        a.claim.according_to.iter_mut().chain(&mut a.claim.disputed_by).for_each(&mut rename);
    }
    for x in &mut file.reactions {
        rename(&mut x.entity);
    }
    for s in &mut file.sources {
        s.self_interest.iter_mut().chain(&mut s.publisher_entity).for_each(&mut rename);
    }
}

/// One claim column (`export::CLAIM_KEYS`) into a raw claim; entity lists are
/// `;`-separated ids. An unknown word is kept as no claim: import reads what
/// our export writes, and `resolve` checks the rest.
pub(crate) fn claim_cell(c: &mut crate::check::raw::RawClaim, key: &str, value: String, span: &Span) {
    use crate::model::vocab::{Basis, Confirmation};
    let at = |value| At { value, span: span.clone() };
    let ids = |v: &str| v.split(';').map(str::trim).filter(|t| !t.is_empty()).map(|t| at(t.to_string())).collect();
    match key {
        "according_to" => c.according_to = ids(&value),
        "disputed_by" => c.disputed_by = ids(&value),
        "confirmation" => c.confirmation = Confirmation::from_key(value.trim()).map(|x| At { value: x, span: span.clone() }),
        "basis" => c.basis = Basis::from_key(value.trim()).map(|x| At { value: x, span: span.clone() }),
        "reasoning" => c.reasoning = Some(at(value)),
        _ => {}
    }
}
