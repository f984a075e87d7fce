//! Who makes a claim and how firm it is: a relation or an attribute is not
//! only a fact but something a party says (according to CSIA), confirmed or
//! not, reported by a source or inferred by the editor. A standards desk
//! reads these before the fact itself.

use crate::model::vocab::{Basis, Confirmation};
use crate::model::EntityIx;
use serde::{Deserialize, Serialize};

/// The claim behind a relation or an attribute. The default is what a
/// plain cited fact means: reported by its sources, said by their
/// publishers, confirmation not stated.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Who says it; empty means the citing source's publisher.
    pub according_to: Vec<EntityIx>,
    /// Confirmed, unconfirmed, denied or disputed, if the sources say.
    pub confirmation: Option<Confirmation>,
    /// Who disputes it (only with `Confirmation::Disputed`).
    pub disputed_by: Vec<EntityIx>,
    /// Reported by a source, or inferred by the editor.
    pub basis: Basis,
    /// Why the editor infers it (only, and always, with `Basis::Inferred`).
    pub reasoning: String,
}

impl Claim {
    /// True when nothing qualifies the claim: a plain reported fact.
    pub fn is_plain(&self) -> bool {
        *self == Claim::default()
    }

    /// Every entity the claim names (for index validation).
    pub fn entities(&self) -> impl Iterator<Item = EntityIx> + '_ {
        self.according_to.iter().chain(&self.disputed_by).copied()
    }
}
