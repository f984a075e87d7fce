// Colours for entity kinds and relation types, in vocabulary order (the
// indices the wasm hands out), with 3:1 contrast against the background.
// Distinct in normal vision; under protanopia and deuteranopia three pairs
// of kinds collapse (tests/js/palette-cvd.test.mjs lists them and keeps
// the list from growing): at this lightness eleven kinds cannot all stay
// apart by colour alone.
export const KIND_COLORS = [
  '#1f6fb2', // company
  '#0f8a7e', // investment_arm
  '#b35c00', // industry_association
  '#7a3fb0', // alliance
  '#c0392b', // joint_venture
  '#8a6d00', // working_group
  '#4d5b6b', // media
  '#d1477a', // person
  '#2e7d32', // government_body
  '#6b4f2a', // event
  '#7a828c', // other
];

// The biggest communities' colours, biggest first, when a map is coloured
// by group (its entities all of one kind), then the smaller groups' grey:
// apart under every colour-vision deficiency too (src/display/style.rs).
export const GROUP_COLORS = ['#0072b2', '#d55e00', '#008a66', '#b0508a', '#7b5cd6'];
export const OTHER_GROUP = '#8a939d';
/** By node palette index (the wasm's nodeColor): kinds, then groups, then the smaller groups. */
export const NODE_COLORS = [...KIND_COLORS, ...GROUP_COLORS, OTHER_GROUP];

/**
 * Arrowhead per relation type, in the same order (src/display/style.rs
 * RELATION_MARKERS, checked by tests/render.rs): 0 arrow, 1 diamond, 2 dot,
 * 3 bar, 4 open chevron. No two types of one colour share one.
 */
export const RELATION_MARKERS = [1, 0, 1, 2, 4, 0, 2, 4, 0, 0, 0, 2, 3, 3, 0, 0, 0, 2, 4];

export const RELATION_COLORS = [
  '#c0392b', // owns
  '#0f8a7e', // investment_arm_of
  '#0f8a7e', // subsidiary_of
  '#7a3fb0', // founding_member_of
  '#7a3fb0', // member_of
  '#4d5b6b', // initiator_of
  '#c0392b', // joint_venture_partner_of
  '#c0392b', // invited_to_invest_in
  '#1f6fb2', // partner_of
  '#d1477a', // position
  '#b35c00', // represents
  '#8a6d00', // working_group_member_of
  '#6b7785', // competitor_of
  '#2e7d32', // restricts
  '#6b4f2a', // founded_at
  '#8a939d', // related_to
  '#7a3fb0', // participant_in
  '#6b4f2a', // held_at
  '#d1477a', // elected_at
];

/** "investment_arm" → "Investment arm". */
export function humanize(key) {
  const s = key.replace(/[_-]/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}
