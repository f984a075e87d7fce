//! Text from a data file, made safe to print on a terminal. A value holding
//! ESC could clear the screen and print a fake "data.toml: ok" over the real
//! "1 error"; a bidi control could reorder the rest of the line. Every
//! message, hint, label and snippet goes through [`escape`] (shown as `\u{1b}`).

use std::borrow::Cow;

/// Longest message, hint or label printed, in characters: the values quoted
/// in messages are already cut (`read::truncate`); this is the backstop.
const MAX_CHARS: usize = 1000;

/// Characters that are never printed as themselves: C0 controls, DEL, C1
/// controls, bidi controls, invisible format characters and line separators.
pub fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\0'..='\x1f' | '\x7f'..='\u{9f}'
        | '\u{61c}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}'
        | '\u{2060}'..='\u{2069}' | '\u{feff}')
}

/// Writes `c`, escaped if unsafe: `\n`, `\r`, `\t`, else `\u{1b}`.
pub fn push_escaped(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if is_unsafe(c) => out.extend(c.escape_unicode()),
        c => out.push(c),
    }
}

/// `text` with unsafe characters escaped and cut to `MAX_CHARS` characters.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) && text.len() <= MAX_CHARS {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len().min(4 * MAX_CHARS));
    let mut chars = text.chars();
    for c in chars.by_ref().take(MAX_CHARS) {
        push_escaped(&mut out, c);
    }
    if chars.next().is_some() {
        out.push('…');
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_are_shown_escaped() {
        assert_eq!(escape("a\x1b[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(escape("x\u{202e}y\u{2066}\u{85}"), "x\\u{202e}y\\u{2066}\\u{85}");
        assert_eq!(escape("one\ntwo\r"), "one\\ntwo\\r");
        assert_eq!(escape("Huawei — 華為"), "Huawei — 華為");
        assert_eq!(escape(&"a".repeat(5000)).chars().count(), MAX_CHARS + 1);
    }
}
