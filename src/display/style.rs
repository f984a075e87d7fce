//! Colours of entity kinds and relation types, by vocabulary index. The
//! canvas renderer's copy in `www/palette.js` must match (a test checks).

/// Fill colour per entity kind, in `EntityKind::ALL` order.
pub const KIND_COLORS: &[&str] = &[
    "#1f6fb2", "#0f8a7e", "#b35c00", "#7a3fb0", "#c0392b", "#8a6d00", "#4d5b6b", "#d1477a", "#2e7d32", "#6b4f2a", "#7a828c",
];

/// Stroke colour per relation type, in `RelationType::ALL` order.
pub const RELATION_COLORS: &[&str] = &[
    "#c0392b", "#0f8a7e", "#0f8a7e", "#7a3fb0", "#7a3fb0", "#4d5b6b", "#c0392b", "#c0392b", "#1f6fb2", "#d1477a", "#b35c00",
    "#8a6d00", "#6b7785", "#2e7d32", "#6b4f2a", "#8a939d", "#7a3fb0", "#6b4f2a", "#d1477a",
];

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
