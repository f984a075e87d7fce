//! FollowTheMoney (https://followthemoney.tech), the entity model of
//! Aleph and OpenSanctions: which schema each entity kind and relation type
//! is, and which properties hold a relation's two ends. One table that the
//! importer and `export --format ftm` both read, so the two agree.

use crate::model::vocab::{EntityKind, RelationType};

/// The FtM schema an entity of each kind is written as.
pub fn entity_schema(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Company | EntityKind::InvestmentArm | EntityKind::JointVenture => "Company",
        EntityKind::Person => "Person",
        EntityKind::GovernmentBody => "PublicBody",
        EntityKind::Event => "Event",
        EntityKind::IndustryAssociation | EntityKind::Alliance | EntityKind::WorkingGroup | EntityKind::Media => "Organization",
        EntityKind::Other => "LegalEntity",
    }
}

/// The kind an FtM thing schema reads as, if it is one we draw.
pub fn kind_of_schema(schema: &str) -> Option<EntityKind> {
    Some(match schema {
        "Company" => EntityKind::Company,
        "Person" => EntityKind::Person,
        "PublicBody" => EntityKind::GovernmentBody,
        "Event" => EntityKind::Event,
        "Organization" | "LegalEntity" | "Asset" | "Vessel" | "Airplane" | "RealEstate" | "Security" | "Project" => EntityKind::Other,
        _ => return None,
    })
}

/// A relation schema: its name and the properties naming `from` and `to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Link {
    /// `Ownership`, `Membership` …
    pub schema: &'static str,
    /// The property that names our `from`.
    pub from: &'static str,
    /// The property that names our `to`.
    pub to: &'static str,
}

const fn link(schema: &'static str, from: &'static str, to: &'static str) -> Link {
    Link { schema, from, to }
}

/// The FtM interval a relation of each type is written as (the type's doc
/// line in `model::vocab` names the same schema).
pub fn relation_link(kind: RelationType) -> Link {
    use RelationType::*;
    match kind {
        Owns | JointVenturePartnerOf => link("Ownership", "owner", "asset"),
        // `from` is owned by `to`.
        InvestmentArmOf | SubsidiaryOf => link("Ownership", "asset", "owner"),
        FoundingMemberOf | MemberOf | WorkingGroupMemberOf => link("Membership", "member", "organization"),
        Position => link("Directorship", "director", "organization"),
        Represents => link("Representation", "agent", "client"),
        Restricts => link("Sanction", "authority", "entity"),
        _ => link("UnknownLink", "subject", "object"),
    }
}

/// The relation schemas we read, with the type each means when nothing
/// says more (our export writes the type's key in `summary`).
pub const LINKS: &[(Link, RelationType)] = &[
    (link("Ownership", "owner", "asset"), RelationType::Owns),
    (link("Membership", "member", "organization"), RelationType::MemberOf),
    (link("Directorship", "director", "organization"), RelationType::Position),
    (link("Employment", "employee", "employer"), RelationType::Position),
    (link("Representation", "agent", "client"), RelationType::Represents),
    (link("Sanction", "authority", "entity"), RelationType::Restricts),
    (link("UnknownLink", "subject", "object"), RelationType::RelatedTo),
    (link("Associate", "person", "associate"), RelationType::RelatedTo),
    (link("Family", "person", "relative"), RelationType::RelatedTo),
];
