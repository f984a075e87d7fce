//! Ids as other tools write them (`Myriel`, `0`, `n1::n0`) made valid
//! here, and each rewritten one remembered, so that messages can name it
//! as the file writes it (`speak_the_files_terms`).

use super::values::slug;
use super::Builder;
use crate::check::fields::{At, Span};
use std::collections::{HashMap, HashSet};

/// The relation ids given so far: by the file's spelling, and those taken.
#[derive(Default)]
pub(crate) struct RelationIds {
    by_original: HashMap<String, String>,
    taken: HashSet<String>,
}

impl Builder {
    /// A relation id from the file, made valid and unique (`J-S` and `J~S`
    /// are `j-s` and `j-s-2`); one the file repeats stays repeated, for
    /// `resolve` to report. Messages name it as written.
    pub(crate) fn relation_id(&mut self, text: &str, span: &Span) -> At<String> {
        let ids = &mut self.relation_ids;
        let id = match ids.by_original.get(text) {
            Some(id) => id.clone(),
            None => {
                let base = slug(text);
                let (mut id, mut n) = (base.clone(), 2);
                while ids.taken.contains(&id) {
                    id = format!("{base}-{n}");
                    n += 1;
                }
                ids.taken.insert(id.clone());
                ids.by_original.insert(text.to_string(), id.clone());
                id
            }
        };
        if id != text {
            self.renamed.entry(id.clone()).or_insert_with(|| text.to_string());
        }
        At { value: id, span: span.clone() }
    }

    /// Foreign ids ("Myriel", "0", "n1") become valid ids (`myriel`, `n0`,
    /// `n1`), unique; relation endpoints follow, matched by id, then by label.
    pub(crate) fn normalize_ids(&mut self) {
        let mut by_original: HashMap<String, String> = HashMap::new();
        let mut by_label: HashMap<String, String> = HashMap::new();
        let mut taken: HashSet<String> = HashSet::new();
        for e in &mut self.file.entities {
            if let Some(existing) = by_original.get(&e.id.value) {
                // A repeated id: keep it so `resolve` reports the duplicate.
                e.id.value = existing.clone();
                continue;
            }
            let mut id = slug(&e.id.value);
            let base = id.clone();
            let mut n = 2;
            while taken.contains(&id) {
                id = format!("{base}-{n}");
                n += 1;
            }
            taken.insert(id.clone());
            if id != e.id.value {
                self.renamed.insert(id.clone(), e.id.value.clone());
            }
            by_original.insert(e.id.value.clone(), id.clone());
            by_label.entry(e.name.clone()).or_insert_with(|| id.clone());
            e.id.value = id;
        }
        for r in &mut self.file.relations {
            // A blank end is reported where it was read, not made an id `n`.
            for end in [&mut r.from, &mut r.to].into_iter().flatten().filter(|end| !end.value.trim().is_empty()) {
                let id = by_original.get(&end.value).or_else(|| by_label.get(&end.value)).cloned().unwrap_or_else(|| slug(&end.value));
                if id != end.value && !by_original.contains_key(&end.value) && !by_label.contains_key(&end.value) {
                    self.renamed.entry(id.clone()).or_insert_with(|| end.value.clone());
                }
                end.value = id;
            }
        }
        // Claims, reactions and sources name entities too (our own exports carry them).
        let rename = |end: &mut At<String>| end.value = by_original.get(&end.value).or_else(|| by_label.get(&end.value)).cloned().unwrap_or_else(|| slug(&end.value));
        super::claims::each_entity_ref_but_ends(&mut self.file, rename);
    }
}
