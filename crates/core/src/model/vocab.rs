//! The closed vocabularies of the data format: entity kinds, relation types,
//! statuses, share qualifiers, confirmations and bases. One table each, so the parser, the docs test,
//! the sentences and the legend all read the same list.

use serde::{Deserialize, Serialize};

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $key:literal : $doc:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name { $(#[doc = $doc] $variant,)* }

        impl $name {
            /// Every value, in documentation order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The key written in data files.
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key,)* }
            }

            /// A one-line description, as in `docs/data-format.md`.
            pub fn doc(self) -> &'static str {
                match self { $($name::$variant => $doc,)* }
            }

            /// Parses a key as written in data files.
            pub fn from_key(key: &str) -> Option<$name> {
                match key { $($key => Some($name::$variant),)* _ => None }
            }

            /// Position in [`Self::ALL`]; a stable small integer for styles.
            pub fn index(self) -> u8 {
                self as u8
            }

            /// All keys, for hints and did-you-mean.
            pub fn keys() -> impl Iterator<Item = &'static str> {
                Self::ALL.iter().map(|v| v.key())
            }
        }
    };
}

vocabulary! {
    /// What kind of real-world actor an entity is.
    EntityKind {
        Company = "company": "A company or business group.",
        InvestmentArm = "investment_arm": "A company's corporate venture or investment vehicle.",
        IndustryAssociation = "industry_association": "A trade or industry association.",
        Alliance = "alliance": "An alliance or consortium of organizations.",
        JointVenture = "joint_venture": "A venture owned by two or more partners, planned or formed.",
        WorkingGroup = "working_group": "A standing group formed by organizations to meet on a topic.",
        Media = "media": "A news, research or consulting publisher.",
        Person = "person": "A natural person.",
        GovernmentBody = "government_body": "A state, government or public body.",
        Event = "event": "A dated event: a summit, a meeting, an expo.",
        Other = "other": "Anything the vocabulary does not name; imported data without a kind.",
    }
}

vocabulary! {
    /// The type of a directed relation `from -> to`. Follows FollowTheMoney edge
    /// schemas (Ownership, Membership, Directorship, Representation, UnknownLink)
    /// and Wikidata properties where they exist.
    RelationType {
        Owns = "owns": "`from` holds equity in `to` (FtM Ownership; Wikidata P127 owned by, inverted). Takes `share` and `share_qualifier`.",
        InvestmentArmOf = "investment_arm_of": "`from` is the investment arm of `to` (FtM Ownership; Wikidata P749 parent organization).",
        SubsidiaryOf = "subsidiary_of": "`from` is a subsidiary or unit of `to` (Wikidata P749 parent organization).",
        FoundingMemberOf = "founding_member_of": "`from` is a founding member of `to` (FtM Membership; Wikidata P463 member of, qualified as founder).",
        MemberOf = "member_of": "`from` is a member of `to` (FtM Membership; Wikidata P463 member of).",
        InitiatorOf = "initiator_of": "`from` initiated or founded `to` (Wikidata P112 founded by, inverted).",
        JointVenturePartnerOf = "joint_venture_partner_of": "`from` is a partner in the joint venture `to` (FtM Ownership / UnknownLink).",
        InvitedToInvestIn = "invited_to_invest_in": "`from` has been invited to invest in `to`.",
        PartnerOf = "partner_of": "`from` works with `to` on a partnership or project (FtM UnknownLink).",
        Position = "position": "Person `from` holds a position at `to` (FtM Directorship / Employment; Wikidata P39). Needs `role`.",
        Represents = "represents": "`from` represents or speaks for `to` (FtM Representation).",
        WorkingGroupMemberOf = "working_group_member_of": "`from` takes part in the working group `to`.",
        CompetitorOf = "competitor_of": "`from` competes with `to` in a market.",
        Restricts = "restricts": "Government `from` sanctions or restricts `to` (FtM Sanction).",
        FoundedAt = "founded_at": "`from` was founded at the event `to`.",
        RelatedTo = "related_to": "`from` is linked to `to` in an unspecified way; imported data without a type.",
        ParticipantIn = "participant_in": "`from` took part in the event `to` (a meeting, a summit): an event with several parties is an entity with one of these per party.",
        HeldAt = "held_at": "The event `from` was held at or during `to` (its venue, or a larger event).",
        ElectedAt = "elected_at": "`from` was elected at the event `to`; `role` says to what (with a `position` relation for the post itself).",
    }
}

vocabulary! {
    /// Where a relation stands.
    Status {
        Announced = "announced": "Made public, not yet formed.",
        Proposed = "proposed": "Planned or expected, terms not final.",
        InForce = "in_force": "Formed and current.",
        Ended = "ended": "No longer in force.",
    }
}

vocabulary! {
    /// How exact an ownership share is.
    ShareQualifier {
        Exact = "exact": "The share is stated exactly.",
        UpTo = "up_to": "At most this share.",
        AtLeast = "at_least": "At least this share.",
        About = "about": "Roughly this share.",
        Between = "between": "Between `share_min` and `share_max` (a register's 25-50% band); written with those two fields, never as `share_qualifier`.",
    }
}

vocabulary! {
    /// Whether a claim has been confirmed, by whom it is said to be.
    Confirmation {
        Confirmed = "confirmed": "Confirmed by the parties or by the source's own reporting.",
        Unconfirmed = "unconfirmed": "Said by one party; the others have not confirmed it.",
        Denied = "denied": "A party named in it has denied it.",
        Disputed = "disputed": "Contested by the parties named in `disputed_by`.",
    }
}

vocabulary! {
    /// How a claim came into the data.
    Basis {
        Reported = "reported": "A source states it (the default).",
        Inferred = "inferred": "The editor concluded it from what the sources say; `reasoning` says how.",
    }
}

impl RelationType {
    /// Whether the relation is a part in an event (dated once: "on 2023-09-26").
    pub fn is_event_role(self) -> bool {
        matches!(self, RelationType::ParticipantIn | RelationType::HeldAt | RelationType::ElectedAt | RelationType::FoundedAt)
    }

    /// Whether the relation needs, and alone may carry, a `role` (a post).
    pub fn takes_role(self) -> bool {
        matches!(self, RelationType::Position | RelationType::ElectedAt)
    }

    /// Whether a relation is drawn and phrased as tentative by default (dashed line).
    pub fn is_prospective(self) -> bool {
        matches!(self, RelationType::InvitedToInvestIn)
    }
}

impl Default for Basis {
    fn default() -> Basis {
        Basis::Reported
    }
}

impl Status {
    /// Announced and proposed relations are drawn dashed.
    pub fn is_tentative(self) -> bool {
        matches!(self, Status::Announced | Status::Proposed)
    }
}
