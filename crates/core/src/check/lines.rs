//! One line index per file, shared by every output format: a diagnostic's
//! line is a binary search and its column a count over at most `STEP` bytes,
//! so 100,000 diagnostics cost the same per diagnostic as one (a scan from
//! the file's start per position made `short` and `json` quadratic).

use std::ops::Range;

/// Characters are counted from a checkpoint every `STEP` bytes, so a column
/// on a 1 MB line costs a short count, not a walk from the line's start.
const STEP: usize = 1024;

/// Where each line starts, and how many characters precede each checkpoint.
pub struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset of each line's first byte; a text ending in `\n` has an
    /// empty last line starting at `text.len()` (as codespan counts them).
    starts: Vec<usize>,
    /// `chars[k]`: characters in `text[..k * STEP]` (counted as the bytes that
    /// start a UTF-8 sequence, which needs no char boundary at the checkpoint).
    chars: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes `text` in one pass.
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        starts.extend(bytes.iter().enumerate().filter(|(_, &b)| b == b'\n').map(|(i, _)| i + 1));
        let mut chars = Vec::with_capacity(bytes.len() / STEP + 1);
        let mut count = 0;
        for chunk in bytes.chunks(STEP) {
            chars.push(count);
            count += count_chars(chunk);
        }
        chars.push(count);
        LineIndex { text, starts, chars }
    }

    /// The indexed text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// 0-based line of a byte offset (clamped to the text).
    pub fn line(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// The bytes of a 0-based line, without its `\n` (and a `\r` before it).
    pub fn line_range(&self, line: usize) -> Range<usize> {
        let start = self.starts[line.min(self.starts.len() - 1)];
        let end = self.starts.get(line + 1).map_or(self.text.len(), |&next| next - 1);
        let end = if end > start && self.text.as_bytes()[end - 1] == b'\r' { end - 1 } else { end };
        start..end
    }

    /// 1-based line and column (in characters) of a byte offset, as rustc
    /// and codespan print them.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self.line(offset);
        let start = self.starts[line];
        let chars = if offset - start <= STEP { count_chars(&self.text.as_bytes()[start..offset]) } else { self.chars_before(offset) - self.chars_before(start) };
        (line + 1, chars + 1)
    }

    fn chars_before(&self, offset: usize) -> usize {
        let k = offset / STEP;
        self.chars[k] + count_chars(&self.text.as_bytes()[k * STEP..offset])
    }
}

/// Characters in UTF-8 bytes: the bytes that are not continuation bytes.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

/// The largest char boundary at or below `i` (`i` must be at most `text.len()`).
pub fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index agrees with counting from the start, across checkpoints and multi-byte chars.
    #[test]
    fn line_col_matches_a_scan_from_the_start() {
        let text = format!("ab\r\nçé{}\n\nx", "ü".repeat(3000));
        let index = LineIndex::new(&text);
        for offset in (0..=text.len()).step_by(7).chain([text.len()]) {
            let offset = floor_char_boundary(&text, offset);
            let before = &text[..offset];
            let line = before.matches('\n').count() + 1;
            let col = before[before.rfind('\n').map_or(0, |i| i + 1)..].chars().count() + 1;
            assert_eq!(index.line_col(offset), (line, col), "offset {offset}");
        }
        assert_eq!(&text[index.line_range(0)], "ab");
        assert_eq!(index.line_range(2), text.len() - 2..text.len() - 2);
    }
}
