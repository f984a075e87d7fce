//! The bands around the map in an exported figure: a header (title, as-of
//! date, a legend of what the view shows) and a footer (a credit line, the
//! numbered citations, "Made with alliance-map"). Laid out here, once, so
//! the SVG writer and the PNG painter only draw; the map gets its own band
//! between them, so nothing here ever covers a node or a label.
//!
//! There are no font metrics here (the CLI has none; the widget measures
//! only labels), so text widths are estimated on the generous side and long
//! text wraps: at worst a line ends short, it never runs into its neighbour.

use crate::display::style::Theme;

/// One mark of the header or footer, in figure px.
#[derive(Clone, Debug, PartialEq)]
#[allow(missing_docs)]
pub enum Mark {
    /// Left-aligned text, vertically centred on y.
    Text { x: f32, y: f32, text: String, size: f32, bold: bool, color: &'static str },
    /// A legend dot: an entity kind.
    Dot { x: f32, y: f32, r: f32, color: &'static str },
    /// A legend line from x1 to x2 at y: a relation type, with its
    /// arrowhead (`style::marker`; NONE for a status's line).
    Line { x1: f32, x2: f32, y: f32, color: &'static str, dash: u8, marker: u8 },
}

/// A legend swatch: a kind's dot or a relation type's line (its dash style:
/// 0 solid, 1 dashed, 2 dotted; its arrowhead, `style::marker`).
#[derive(Clone, Copy, Debug, PartialEq)]
#[allow(missing_docs)]
pub enum Swatch {
    Dot(&'static str),
    Line(&'static str, u8, u8),
}

/// What the bands say; [`frame`] places it.
pub struct Furniture<'a> {
    /// The dataset's title (no line when empty).
    pub title: &'a str,
    /// "As of 2023-09-28", when the view is dated.
    pub as_of: Option<String>,
    /// The legend, in drawing order.
    pub legend: Vec<(Swatch, String)>,
    /// "Sources: …" (no line when empty).
    pub credit: String,
    /// "[1] Publisher, “Title”, …", one per cited source.
    pub citations: &'a [String],
    /// A story step's caption, under the title.
    pub caption: Option<&'a super::Caption>,
}

/// The bands' marks, where the map starts, and the whole figure's height.
pub struct Frame {
    /// Header and footer marks.
    pub marks: Vec<Mark>,
    /// Top of the map band, px.
    pub map_top: f32,
    /// Height of header, map and footer, px.
    pub height: f32,
}

/// Made-with line, last in every figure.
pub const MADE_WITH: &str = "Made with alliance-map";

const PAD: f32 = 12.0;
const TITLE: (f32, f32, usize) = (18.0, 24.0, 3); // font size, line height, most lines
const AS_OF: (f32, f32) = (13.0, 18.0);
const CAPTION: (f32, f32) = (14.0, 20.0);
const LEGEND: (f32, f32) = (12.0, 18.0);
const CREDIT: (f32, f32, usize) = (11.0, 15.0, 3);
const CITATION: (f32, f32, usize) = (10.0, 13.0, 2);

/// Lays out the bands of a figure `width` px wide around a map `map_height` px tall.
pub fn frame(f: &Furniture, width: f32, map_height: f32, theme: &Theme) -> Frame {
    let inner = (width - 2.0 * PAD).max(40.0);
    let mut marks = Vec::new();
    let mut y = PAD;
    for line in wrap(f.title, TITLE.0, inner, TITLE.2) {
        text(&mut marks, &mut y, line, (TITLE.0, TITLE.1), true, theme.text);
    }
    if let Some(c) = f.caption {
        for line in wrap(&c.heading, CAPTION.0, inner, 2) {
            text(&mut marks, &mut y, line, (CAPTION.0, CAPTION.1), true, theme.text);
        }
        for line in wrap(&c.text, CAPTION.0, inner, 8) {
            text(&mut marks, &mut y, line, (CAPTION.0, CAPTION.1), false, theme.text);
        }
        for note in &c.notes {
            for line in wrap(note, AS_OF.0, inner, 3) {
                text(&mut marks, &mut y, line, AS_OF, false, theme.muted);
            }
        }
    }
    if let Some(as_of) = &f.as_of {
        for line in wrap(as_of, AS_OF.0, inner, 1) {
            text(&mut marks, &mut y, line, AS_OF, false, theme.text);
        }
    }
    if !f.legend.is_empty() {
        y += 4.0;
        y = legend(&mut marks, &f.legend, y, inner, theme);
    }
    // An empty header takes no room; otherwise a gap keeps the map clear of it.
    let map_top = if marks.is_empty() { 0.0 } else { y + 8.0 };
    y = map_top + map_height + 8.0;
    for line in wrap(&f.credit, CREDIT.0, inner, CREDIT.2) {
        text(&mut marks, &mut y, line, (CREDIT.0, CREDIT.1), false, theme.text);
    }
    for citation in f.citations {
        for line in wrap(citation, CITATION.0, inner, CITATION.2) {
            text(&mut marks, &mut y, line, (CITATION.0, CITATION.1), false, theme.muted);
        }
    }
    text(&mut marks, &mut y, MADE_WITH.to_string(), (CITATION.0, CITATION.1), false, theme.muted);
    Frame { marks, map_top, height: y + PAD - 4.0 }
}

/// One line of text at the left margin, centred in the next `height` px below `y`.
fn text(marks: &mut Vec<Mark>, y: &mut f32, line: String, (size, height): (f32, f32), bold: bool, color: &'static str) {
    marks.push(Mark::Text { x: PAD, y: *y + height / 2.0, text: line, size, bold, color });
    *y += height;
}

/// Legend entries left to right, wrapping into rows; returns the y below them.
fn legend(marks: &mut Vec<Mark>, entries: &[(Swatch, String)], top: f32, inner: f32, theme: &Theme) -> f32 {
    let (size, height) = LEGEND;
    let (mut x, mut y) = (PAD, top);
    for (swatch, label) in entries {
        let swatch_width = match swatch {
            Swatch::Dot(_) => 10.0,
            Swatch::Line(..) => 20.0,
        };
        let label: String = wrap(label, size, inner - swatch_width - 5.0, 1).into_iter().next().unwrap_or_default();
        let w = swatch_width + 5.0 + text_width(&label, size);
        if x > PAD && x + w > PAD + inner {
            (x, y) = (PAD, y + height);
        }
        let cy = y + height / 2.0;
        marks.push(match *swatch {
            Swatch::Dot(color) => Mark::Dot { x: x + 5.0, y: cy, r: 5.0, color },
            Swatch::Line(color, dash, marker) => Mark::Line { x1: x, x2: x + 20.0, y: cy, color, dash, marker },
        });
        marks.push(Mark::Text { x: x + swatch_width + 5.0, y: cy, text: label, size, bold: false, color: theme.text });
        x += w + 16.0;
    }
    y + height
}

/// Estimated advance of `c` in em: wide (CJK, emoji) a full em, marks and
/// invisible controls nothing, everything else a generous average.
fn advance(c: char) -> f32 {
    match c as u32 {
        0x0300..=0x036F | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0xFE00..=0xFE0F => 0.0,
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 => 1.0,
        0x1F000..=0x1FAFF | 0x20000..=0x3FFFD => 1.0,
        _ => 0.6,
    }
}

/// Estimated width of `text` at `size` px.
pub fn text_width(text: &str, size: f32) -> f32 {
    text.chars().map(advance).sum::<f32>() * size
}

/// `text` in lines at most `width` px wide (at `size` px), breaking at
/// spaces, inside a word only when it alone is too wide; at most `max`
/// lines, the last ending in "…" when text is left over. Stops reading once
/// the lines are full, so a megabyte of text costs no more than a line.
pub fn wrap(text: &str, size: f32, width: f32, max: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let (mut line, mut w) = (String::new(), 0.0f32);
    let space = advance(' ') * size;
    for word in text.split_whitespace() {
        if !line.is_empty() {
            // Measured only as far as the line's end: a megabyte-long word stops early.
            let mut end = w + space;
            if word.chars().all(|c| {
                end += advance(c) * size;
                end <= width
            }) {
                line.push(' ');
                w += space;
            } else {
                lines.push(std::mem::take(&mut line));
                w = 0.0;
            }
        }
        for c in word.chars() {
            let cw = advance(c) * size;
            if w + cw > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                w = 0.0;
            }
            if lines.len() == max {
                return ellipsis(lines, size, width);
            }
            line.push(c);
            w += cw;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Ends the last line with "…", dropping characters until it fits.
fn ellipsis(mut lines: Vec<String>, size: f32, width: f32) -> Vec<String> {
    if let Some(last) = lines.last_mut() {
        while !last.is_empty() && text_width(last, size) + advance('…') * size > width {
            last.pop();
        }
        let trimmed = last.trim_end().len();
        last.truncate(trimmed);
        last.push('…');
    }
    lines
}
