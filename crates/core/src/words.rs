//! Messages built without `core::fmt`: a `format!` anywhere on the first
//! frame's path links the whole formatter (about 4 KB of wasm) into the
//! module every reader downloads first. The decoder's and the scene's
//! errors are written with these instead.

/// Appends the decimal digits of `v`.
pub fn push_decimal(out: &mut String, v: usize) {
    if v >= 10 {
        push_decimal(out, v / 10);
    }
    out.push(char::from(b'0' + (v % 10) as u8));
}

/// `parts` joined: text as is, numbers as decimal digits.
pub fn message(parts: &[Part]) -> String {
    let mut out = String::new();
    for part in parts {
        match part {
            Part::Text(t) => out.push_str(t),
            Part::Number(n) => push_decimal(&mut out, *n),
        }
    }
    out
}

/// A piece of a [`message`].
pub enum Part<'a> {
    /// Words.
    Text(&'a str),
    /// A count or an index.
    Number(usize),
}

#[cfg(test)]
mod tests {
    use super::{message, Part};

    #[test]
    fn numbers_are_written_as_decimal_digits() {
        assert_eq!(message(&[Part::Text("relation "), Part::Number(0), Part::Text(" of "), Part::Number(1_000_007)]), "relation 0 of 1000007");
    }
}
