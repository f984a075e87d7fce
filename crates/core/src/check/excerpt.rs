//! The source lines one diagnostic shows, as codespan-reporting reads them:
//! only the lines its spans touch, each cut to a window around the span
//! (a 1 MB line printed once per diagnostic made 161 MB of output) and with
//! unsafe characters escaped. Line numbers and columns stay the file's.

use super::escape::push_escaped;
use super::lines::{floor_char_boundary, LineIndex};
use codespan_reporting::files::{Error, Files, Location};
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

/// Widest snippet line, in characters, before it is cut around the span.
pub const MAX_COLUMNS: usize = 120;
/// Characters kept before the first span on a cut line.
const CONTEXT: usize = 40;
/// Lines of a multi-line span this far from its ends are never printed
/// (codespan shows 3 after the start, 1 before the end and one-line gaps).
const NEAR: usize = 5;

/// A small synthetic file: the excerpted lines, one per `\n`.
pub struct Excerpt {
    name: String,
    text: String,
    /// Original 0-based line index and its bytes in `text`, in line order.
    lines: Vec<(usize, Range<usize>)>,
    /// Where each span starts in `text`, and that place in the original file.
    locations: HashMap<usize, Location>,
}

impl Excerpt {
    /// The excerpt for `spans` (byte ranges into the indexed file), and the
    /// spans mapped into it.
    pub fn new(name: String, index: &LineIndex, spans: &[Range<usize>]) -> (Excerpt, Vec<Range<usize>>) {
        let text = index.text();
        let clamp = |o: usize| floor_char_boundary(text, o.min(text.len()));
        let spans: Vec<Range<usize>> = spans.iter().map(|s| clamp(s.start)..clamp(s.end).max(clamp(s.start))).collect();
        // Each needed line, with the span ends on it and whether it is printed.
        let mut lines: BTreeMap<usize, (Vec<usize>, bool)> = BTreeMap::new();
        for s in &spans {
            let (first, last) = (index.line(s.start), index.line(s.end));
            for line in first..=last {
                let near = line - first <= NEAR || last - line <= NEAR;
                let entry = lines.entry(line).or_insert((Vec::new(), false));
                entry.1 |= near;
            }
            lines.entry(first).or_default().0.push(s.start);
            lines.entry(last).or_default().0.push(s.end);
        }
        // codespan prints the one line between two printed lines instead of a `·`.
        let keys: Vec<usize> = lines.keys().copied().collect();
        for pair in keys.windows(2).filter(|p| p[1] - p[0] == 2) {
            lines.entry(pair[0] + 1).or_default().1 = true;
        }
        let mut out = Excerpt { name, text: String::new(), lines: Vec::new(), locations: HashMap::new() };
        let mut mapped: HashMap<usize, usize> = HashMap::new();
        for (line, (points, shown)) in lines {
            let range = index.line_range(line);
            let begin = out.text.len();
            if shown || !points.is_empty() {
                out.push_line(text, range, &points, &mut mapped);
            }
            out.lines.push((line, begin..out.text.len()));
            out.text.push('\n');
        }
        for s in &spans {
            let (line, column) = index.line_col(s.start);
            out.locations.insert(mapped[&s.start], Location { line_number: line, column_number: column });
        }
        let spans = spans.iter().map(|s| mapped[&s.start]..mapped[&s.end]).collect();
        (out, spans)
    }

    /// Appends the window of `range` around `points`, recording where each point lands.
    fn push_line(&mut self, text: &str, range: Range<usize>, points: &[usize], mapped: &mut HashMap<usize, usize>) {
        let (start, end) = window(text, range.clone(), points);
        if start > range.start {
            self.text.push('…');
        }
        let at_start = self.text.len();
        for (i, c) in text[start..end].char_indices() {
            for &p in points.iter().filter(|&&p| p == start + i) {
                mapped.insert(p, self.text.len());
            }
            // A tab is harmless, and codespan lines it up.
            if c == '\t' {
                self.text.push(c);
            } else {
                push_escaped(&mut self.text, c);
            }
        }
        let at_end = self.text.len();
        for &p in points {
            // Outside the window (or on the line's `\r`): at the nearer edge.
            if p < start {
                mapped.insert(p, at_start);
            } else if p >= end {
                mapped.insert(p, at_end);
            }
        }
        if end < range.end {
            self.text.push('…');
        }
    }
}

/// The bytes of a line to show: all of it when short, else `MAX_COLUMNS`
/// characters starting `CONTEXT` before the first point.
fn window(text: &str, range: Range<usize>, points: &[usize]) -> (usize, usize) {
    let line = &text[range.clone()];
    // Bytes bound characters from above, and 4 bytes per char from below.
    let long = line.len() > MAX_COLUMNS && (line.len() > 4 * MAX_COLUMNS || line.chars().count() > MAX_COLUMNS);
    if !long {
        return (range.start, range.end);
    }
    let first = points.iter().copied().min().unwrap_or(range.start).clamp(range.start, range.end);
    let back = |from: usize, n: usize| text[range.start..from].char_indices().rev().take(n).last().map_or(from, |(i, _)| range.start + i);
    let forward = |from: usize, n: usize| text[from..range.end].char_indices().nth(n).map_or(range.end, |(i, _)| from + i);
    let mut start = back(first, CONTEXT);
    let end = forward(start, MAX_COLUMNS);
    if end == range.end {
        start = back(range.end, MAX_COLUMNS);
    }
    (start, end)
}

impl<'a> Files<'a> for Excerpt {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(&self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(&self.text)
    }

    /// The original line index of an excerpt byte (its line is the first that ends at or after it).
    fn line_index(&'a self, (): (), byte_index: usize) -> Result<usize, Error> {
        let i = self.lines.partition_point(|(_, r)| r.end < byte_index);
        self.lines.get(i).or(self.lines.last()).map(|(line, _)| *line).ok_or(Error::FileMissing)
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, Error> {
        match self.lines.binary_search_by_key(&line_index, |(line, _)| *line) {
            Ok(i) => Ok(self.lines[i].1.clone()),
            Err(_) => Err(Error::LineTooLarge { given: line_index, max: self.lines.last().map_or(0, |(l, _)| *l) }),
        }
    }

    fn location(&'a self, (): (), byte_index: usize) -> Result<Location, Error> {
        match self.locations.get(&byte_index) {
            Some(location) => Ok(*location),
            None => {
                let line = self.line_index((), byte_index)?;
                Ok(Location { line_number: line + 1, column_number: self.column_number((), line, byte_index)? })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_is_cut_around_the_span_and_keeps_its_columns() {
        let text = format!("x = 1\ny = \"{}\x1b[2J{}\"\n", "a".repeat(5000), "b".repeat(5000));
        let index = LineIndex::new(&text);
        let esc = text.find('\x1b').unwrap();
        let span = esc..esc + 1;
        let (excerpt, spans) = Excerpt::new("f".into(), &index, std::slice::from_ref(&span));
        let shown = &excerpt.text[excerpt.line_range((), 1).unwrap()];
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        assert!(shown.chars().count() < MAX_COLUMNS + 10, "{shown}");
        assert_eq!(&excerpt.text[spans[0].clone()], "\\u{1b}");
        let location = excerpt.location((), spans[0].start).unwrap();
        assert_eq!((location.line_number, location.column_number), (2, 5 + 5001));
    }
}
