//! The sources an import names by id only (GEXF, GraphML and CSV carry
//! ids, not records): one record each, titled by its id, asking for the rest.

use super::Builder;
use crate::check::fields::At;
use crate::check::raw::RawSource;

impl Builder {
    /// Every source id that an attribute or relation cites, in file order.
    pub(crate) fn cited_ids(&self) -> impl Iterator<Item = &At<String>> {
        let attributes = self.file.entities.iter().flat_map(|e| e.attributes.iter().flat_map(|a| &a.sources).chain(&e.sources));
        attributes.chain(self.file.relations.iter().flat_map(|r| &r.sources))
    }

    /// Sources that attributes and relations name (our GEXF, GraphML and CSV
    /// keep their ids) but the file does not describe: one record each,
    /// titled by its id.
    pub(crate) fn add_named_sources(&mut self, format: &str, names: &[&str]) {
        let mut known: std::collections::HashSet<String> = self.file.sources.iter().map(|s| s.id.value.clone()).collect();
        let named: Vec<At<String>> = self.cited_ids().cloned().collect();
        for id in named {
            if known.insert(id.value.clone()) {
                let note = format!("Named by {} ({format}), which gives only its id; add its publisher, title, date and URL.", names.join(" + "));
                let title = id.value.clone();
                self.file.sources.push(titled_source(id, title, note));
            }
        }
    }
}

/// A source an import makes up (the file itself, or one it names by id
/// only): an id, a title and a note saying where it came from; the rest
/// unknown, never invented.
pub(crate) fn titled_source(id: At<String>, title: String, note: String) -> RawSource {
    RawSource { id, title, note, publisher: String::new(), author: String::new(), date: None, date_no_year: None, self_interest: Vec::new(), publisher_entity: None, url: String::new() }
}
