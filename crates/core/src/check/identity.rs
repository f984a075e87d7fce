//! Who an entity is (its kind, country and aliases) is a claim too, and may
//! cite the sources that state it (`sources` on `[[entity]]`). Those that
//! cite none are one warning per file (W010), naming them: a map of a
//! thousand uncited entities is one thing to fix, not a thousand. With
//! `--strict` it is an error.

use super::raw::RawEntity;
use crate::check::diagnostic::{Code, Diagnostic};

/// How many uncited entities the warning points at beside the first.
const SHOWN: usize = 10;

/// The one W010 for every entity whose kind, country and aliases cite no source.
pub fn warn_uncited(entities: &[RawEntity], diags: &mut Vec<Diagnostic>) {
    let uncited: Vec<&RawEntity> = entities.iter().filter(|e| e.sources.is_empty()).collect();
    let Some(first) = uncited.first() else { return };
    let names: Vec<String> = uncited.iter().take(3).map(|e| format!("`{}`", super::read::truncate(&e.id.value))).collect();
    let more = if uncited.len() > 3 { format!(" and {} more", uncited.len() - 3) } else { String::new() };
    let n = uncited.len();
    let (who, its) = if n == 1 { ("entity cites", "its") } else { ("entities cite", "their") };
    let mut d = Diagnostic::new(Code::UncitedIdentity, first.id.span.clone(), format!("{n} {who} no source for {its} kind, country or aliases: {}{more}", names.join(", ")))
        .hint("add `sources = [\"<source id>\"]` to each `[[entity]]`, naming the article that says what it is; the panel marks the rest \"not stated by a source\", and `--strict` makes this an error");
    for e in uncited.iter().skip(1).take(SHOWN) {
        d = d.related(e.id.span.clone(), "cites no source either");
    }
    diags.push(d);
}
