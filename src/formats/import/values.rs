//! Text from another tool's file as ids, keys and values: valid ids
//! (`slug`), numbers and booleans as the writing tools mean them, and
//! numbers too long for a float kept exactly, as text.

use crate::model::Value;

/// 2^53: integers up to it are exact in an f64, beyond it not all are.
const EXACT_INTEGERS: f64 = 9_007_199_254_740_992.0;

/// A valid id from any text: lower-case ASCII letters and digits, other runs
/// as `-`; ids that would start with a digit or be empty get an `n` prefix.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'n');
    }
    out
}

/// A value read from text, and whether it is a number kept as text because
/// an f64 would change it (a Gephi `bigint` of 54 digits).
pub(crate) struct Scalar {
    pub value: Value,
    pub too_long: bool,
}

/// Numbers and booleans as such (`true`, `TRUE` and `True`: Excel, Kumu and
/// Python write them so), everything else as text.
pub(crate) fn scalar(text: &str) -> Scalar {
    let trimmed = text.trim();
    if trimmed.eq_ignore_ascii_case("true") || trimmed.eq_ignore_ascii_case("false") {
        return Scalar { value: Value::Bool(trimmed.eq_ignore_ascii_case("true")), too_long: false };
    }
    number(text)
}

/// `text` as a number if it is one an f64 holds exactly enough; an integer
/// beyond 2^53 stays text, digit for digit.
pub(crate) fn number(text: &str) -> Scalar {
    let trimmed = text.trim();
    match trimmed.parse::<f64>() {
        Ok(n) if is_integer(trimmed) && n.abs() > EXACT_INTEGERS => Scalar { value: Value::Text(trimmed.to_string()), too_long: true },
        Ok(n) if n.is_finite() && !trimmed.is_empty() => Scalar { value: Value::Number(n), too_long: false },
        _ => Scalar { value: Value::Text(text.to_string()), too_long: false },
    }
}

fn is_integer(text: &str) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// The key of a value that holds only for a time (a GEXF dynamic
/// attribute): `weight (from 2000 to 2001)`, so each dated value of one
/// attribute is kept under its own key, with its dates.
pub(crate) fn dated_key(key: &str, start: Option<&str>, end: Option<&str>) -> String {
    match (start, end) {
        (Some(s), Some(e)) if s == e => format!("{key} (at {s})"),
        (Some(s), Some(e)) => format!("{key} (from {s} to {e})"),
        (Some(s), None) => format!("{key} (from {s})"),
        (None, Some(e)) => format!("{key} (to {e})"),
        (None, None) => key.to_string(),
    }
}

/// Makes keys unique in order: a repeated key gets ` (2)`, ` (3)` … (a
/// relation's attributes are one TOML table, which cannot repeat a key).
pub(crate) fn unique_keys(pairs: &mut [(String, Value)]) {
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    for (key, _) in pairs.iter_mut() {
        if !seen.insert(key.clone()) {
            let mut n = 2;
            while seen.contains(&format!("{key} ({n})")) {
                n += 1;
            }
            *key = format!("{key} ({n})");
            seen.insert(key.clone());
        }
    }
}

/// A vocabulary key as other tools write it: `Person`, `Government body`,
/// `member-of` are `person`, `government_body`, `member_of` (Kumu writes
/// capitalised types).
pub(crate) fn vocab_key(text: &str) -> String {
    text.trim().chars().map(|c| if c == ' ' || c == '-' { '_' } else { c.to_ascii_lowercase() }).collect()
}

/// The items of a list value as Gephi and graphology write them:
/// `a|b|c`, `a,b,c`, `[a, b]`, `['a', "b"]`; each trimmed and unquoted.
pub(crate) fn list_items(text: &str) -> Vec<String> {
    let inner = text.trim();
    let inner = inner.strip_prefix('[').and_then(|t| t.strip_suffix(']')).unwrap_or(inner);
    let separator = if inner.contains('|') { '|' } else { ',' };
    inner
        .split(separator)
        .map(|item| {
            let item = item.trim();
            let unquoted = ['\'', '"'].iter().find_map(|q| item.strip_prefix(*q).and_then(|t| t.strip_suffix(*q))).unwrap_or(item);
            unquoted.replace("\\'", "'")
        })
        .filter(|item| !item.is_empty())
        .collect()
}
