//! Colours of entity kinds and relation types, by vocabulary index. The
//! canvas renderer's copy in `www/palette.js` must match (a test checks).

/// Fill colour per entity kind, in `EntityKind::ALL` order.
pub const KIND_COLORS: &[&str] = &[
    "#1f6fb2", "#0f8a7e", "#b35c00", "#7a3fb0", "#c0392b", "#8a6d00", "#4d5b6b", "#d1477a", "#2e7d32", "#6b4f2a", "#7a828c",
];

/// Fill colour of the biggest communities, biggest first, when a map is
/// coloured by group (its entities all of one kind): apart for colour-blind
/// readers too (ΔE at least 10 under protanopia, deuteranopia and
/// tritanopia) and 3:1 against both backgrounds, which five colours allow.
pub const GROUP_COLORS: &[&str] = &["#0072b2", "#d55e00", "#008a66", "#b0508a", "#7b5cd6"];

/// Fill colour of every smaller community.
pub const OTHER_GROUP: &str = "#8a939d";

/// The fill of node palette index `i` (`Scene::node_color`): the kinds'
/// colours, then the groups', then the smaller groups' grey.
pub fn node_color(i: u8) -> &'static str {
    let i = usize::from(i);
    KIND_COLORS.get(i).or_else(|| GROUP_COLORS.get(i - KIND_COLORS.len())).copied().unwrap_or(OTHER_GROUP)
}

/// Stroke colour per relation type, in `RelationType::ALL` order.
pub const RELATION_COLORS: &[&str] = &[
    "#c0392b", "#0f8a7e", "#0f8a7e", "#7a3fb0", "#7a3fb0", "#4d5b6b", "#c0392b", "#c0392b", "#1f6fb2", "#d1477a", "#b35c00",
    "#8a6d00", "#6b7785", "#2e7d32", "#6b4f2a", "#8a939d", "#7a3fb0", "#6b4f2a", "#d1477a",
];

/// Arrowhead shapes, so relation types are told apart by more than colour
/// (a colour-blind reader, and types that share a colour: three reds, three
/// purples): an arrow, a diamond (equity and control), a dot (taking part:
/// memberships, a venture's partners), a bar (against: restrictions,
/// competition), an open chevron.
pub mod marker {
    /// A filled triangle.
    pub const ARROW: u8 = 0;
    /// A filled diamond.
    pub const DIAMOND: u8 = 1;
    /// A filled dot at the end.
    pub const DOT: u8 = 2;
    /// A bar across the end.
    pub const BAR: u8 = 3;
    /// Two strokes, unfilled.
    pub const OPEN: u8 = 4;
    /// No marker (a legend line for a status, not a type).
    pub const NONE: u8 = 255;
}

/// Arrowhead per relation type, in `RelationType::ALL` order (`www/palette.js`
/// RELATION_MARKERS is checked against it). No two types of one colour share one.
pub const RELATION_MARKERS: &[u8] = &[1, 0, 1, 2, 4, 0, 2, 4, 0, 0, 0, 2, 3, 3, 0, 0, 0, 2, 4];

/// The arrowhead of relation type index `t` (an arrow past the table).
pub fn relation_marker(t: u8) -> u8 {
    RELATION_MARKERS.get(usize::from(t)).copied().unwrap_or(marker::ARROW)
}

/// The colours around the palette: the background (also the outline of
/// nodes and the halo under labels), text, and muted text. The defaults of
/// `www/style.css`, light and dark; exported figures use one of the two.
#[derive(Clone, Copy, Debug, PartialEq)]
#[allow(missing_docs)]
pub struct Theme {
    pub background: &'static str,
    pub text: &'static str,
    pub muted: &'static str,
}

/// The light theme.
pub const LIGHT: Theme = Theme { background: "#ffffff", text: "#1a1a1a", muted: "#4a5563" };

/// The dark theme.
pub const DARK: Theme = Theme { background: "#15181d", text: "#eef1f5", muted: "#b4bcc8" };
