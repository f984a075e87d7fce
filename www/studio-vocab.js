// The data format's closed vocabularies as the studio's forms offer them
// (docs/data-format.md, "Entity kinds", "Relation types", "Statuses"; the
// checker's own tables are in crates/core/src/model/vocab.rs).
// tests/js/studio.test.mjs checks these lists against the documentation.

/** [key, meaning] of every entity kind. */
export const KINDS = [
  ['company', 'A company or business group.'],
  ['investment_arm', "A company's corporate venture or investment vehicle."],
  ['industry_association', 'A trade or industry association.'],
  ['alliance', 'An alliance or consortium of organizations.'],
  ['joint_venture', 'A venture owned by two or more partners, planned or formed.'],
  ['working_group', 'A standing group formed by organizations to meet on a topic.'],
  ['media', 'A news, research or consulting publisher.'],
  ['person', 'A natural person.'],
  ['government_body', 'A state, government or public body.'],
  ['event', 'A dated event: a summit, a meeting, an expo.'],
  ['other', 'Anything the vocabulary does not name.'],
];

/** [key, meaning (from → to)] of every relation type. */
export const RELATION_TYPES = [
  ['owns', 'from holds equity in to'],
  ['investment_arm_of', 'from is the investment arm of to'],
  ['subsidiary_of', 'from is a subsidiary or unit of to'],
  ['founding_member_of', 'from is a founding member of to'],
  ['member_of', 'from is a member of to'],
  ['initiator_of', 'from initiated or founded to'],
  ['joint_venture_partner_of', 'from is a partner in the joint venture to'],
  ['invited_to_invest_in', 'from has been invited to invest in to'],
  ['partner_of', 'from works with to on a partnership or project'],
  ['position', 'person from holds a position at to'],
  ['represents', 'from represents or speaks for to'],
  ['working_group_member_of', 'from takes part in the working group to'],
  ['competitor_of', 'from competes with to in a market'],
  ['restricts', 'government from sanctions or restricts to'],
  ['founded_at', 'from was founded at the event to'],
  ['related_to', 'from is linked to to in an unspecified way'],
  ['participant_in', 'from took part in the event to'],
  ['held_at', 'the event from was held at or during to'],
  ['elected_at', 'from was elected at the event to (role: to what)'],
];

/** The relation type whose `role` is required (and allowed only there). */
export const ROLE_TYPE = 'position';
