//! An `owns` relation's share: one figure with its qualifier (`share = 40`,
//! `share_qualifier = "up_to"`), or a range or band (`share_min = 25`,
//! `share_max = 50`, as the UK register of people with significant control
//! states holdings). One bound alone is "at least" or "up to".

use super::fields::{At, Fields};
use super::read::read_vocab;
use crate::check::diagnostic::{Code, Diagnostic};
use crate::model::vocab::{RelationType, ShareQualifier};
use crate::model::{format_number, Share};

/// Reads `share`, `share_min`, `share_max` and `share_qualifier`.
pub fn read_share(f: &Fields, kind: Option<RelationType>, diags: &mut Vec<Diagnostic>) -> Option<Share> {
    let share = f.number("share", diags);
    let (min, max) = (f.number("share_min", diags), f.number("share_max", diags));
    let qualifier = read_vocab(f, "share_qualifier", false, ShareQualifier::from_key, ShareQualifier::keys().collect(), Code::UnknownQualifier, diags);
    let figures: Vec<(&str, &At<f64>)> = [("share", &share), ("share_min", &min), ("share_max", &max)]
        .into_iter()
        .filter_map(|(k, n)| Some((k, n.as_ref()?)))
        .collect();
    let Some(&(first_key, first)) = figures.first() else {
        if let Some(q) = &qualifier {
            diags.push(
                Diagnostic::new(Code::ShareMisuse, q.span.clone(), format!("`share_qualifier` in {} without a `share`", f.what))
                    .hint("add `share = <percent>` or remove the qualifier"),
            );
        }
        return None;
    };
    if kind.is_some_and(|k| k != RelationType::Owns) {
        diags.push(
            Diagnostic::new(Code::ShareMisuse, first.span.clone(), format!("`{first_key}` in {} on a relation of type `{}`", f.what, kind.map(|k| k.key()).unwrap_or("")))
                .hint(format!("only `owns` relations carry a share; change the type to `owns` or remove `{first_key}`")),
        );
    }
    let out_of_range = figures.iter().filter(|(_, n)| !(0.0..=100.0).contains(&n.value)).fold(false, |_, (key, n)| {
        diags.push(
            Diagnostic::new(Code::ShareOutOfRange, n.span.clone(), format!("`{key}` in {} is {}%, outside 0-100", f.what, format_number(n.value)))
                .hint("write the share in percent: 40 for 40%, 0.5 for half a percent"),
        );
        true
    });
    if out_of_range || !range_is_consistent(f, &share, &min, &max, qualifier.as_ref(), diags) {
        return None;
    }
    Some(match (share, min, max) {
        (Some(s), _, _) => Share { percent: s.value, qualifier: qualifier.map_or(ShareQualifier::Exact, |q| q.value), max: None },
        (None, Some(lo), Some(hi)) => Share { percent: lo.value, qualifier: ShareQualifier::Between, max: Some(hi.value) },
        (None, Some(lo), None) => Share { percent: lo.value, qualifier: ShareQualifier::AtLeast, max: None },
        (None, None, hi) => Share { percent: hi?.value, qualifier: ShareQualifier::UpTo, max: None },
    })
}

/// A figure or a range, not both; bounds in order; `between` only from a range.
fn range_is_consistent(f: &Fields, share: &Option<At<f64>>, min: &Option<At<f64>>, max: &Option<At<f64>>, q: Option<&At<ShareQualifier>>, diags: &mut Vec<Diagnostic>) -> bool {
    let ranged = min.as_ref().or(max.as_ref());
    let reversed = match (min, max) {
        (Some(lo), Some(hi)) if lo.value > hi.value => Some(hi),
        _ => None,
    };
    let problem = if let (Some(_), Some(r)) = (share, ranged) {
        Some((r.span.clone(), format!("{} gives both `share` and a range", f.what), "keep `share` for one figure, or `share_min`/`share_max` for a range"))
    } else if let Some(hi) = reversed {
        Some((hi.span.clone(), format!("`share_max` in {} is below `share_min`", f.what), "swap the two bounds"))
    } else if let (Some(q), Some(_)) = (q, ranged) {
        Some((q.span.clone(), format!("`share_qualifier` in {} beside a range", f.what), "a range says how exact it is: remove `share_qualifier`"))
    } else if let Some(q) = q.filter(|q| q.value == ShareQualifier::Between) {
        Some((q.span.clone(), format!("`share_qualifier = \"between\"` in {}", f.what), "write the band as `share_min` and `share_max`"))
    } else {
        None
    };
    match problem {
        Some((span, message, hint)) => {
            diags.push(Diagnostic::new(Code::ShareRange, span, message).hint(hint));
            false
        }
        None => true,
    }
}
