//! `.gexf.gz`, `.graphml.gz` (Gephi and networkx write them), any importable
//! file gzipped: inflated before it is read, as text of the format its
//! name says without `.gz`. Diagnostics point into the inflated text.

use std::io::Read;

/// The most an inflated file may hold: a few kilobytes of gzip can inflate
/// to gigabytes, and no map needs more than this.
pub const MAX_INFLATED: u64 = 512 << 20;

/// Whether `name` is a gzipped file (`.gz`, any case).
pub fn is_gzipped(name: &str) -> bool {
    name.len() > 3 && name.get(name.len() - 3..).is_some_and(|ext| ext.eq_ignore_ascii_case(".gz"))
}

/// `name` without its `.gz`, whose extension says the format.
pub fn inner_name(name: &str) -> &str {
    if is_gzipped(name) {
        &name[..name.len() - 3]
    } else {
        name
    }
}

/// The bytes of `name`, inflated when it is a `.gz`; an error says what is wrong.
pub fn inflate_if_gzipped(name: &str, bytes: Vec<u8>) -> Result<Vec<u8>, String> {
    if !is_gzipped(name) {
        return Ok(bytes);
    }
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return Err(format!("{name} is named .gz but is not gzip data (it does not start with 1f 8b)"));
    }
    let mut out = Vec::new();
    let mut reader = flate2::read::MultiGzDecoder::new(bytes.as_slice()).take(MAX_INFLATED + 1);
    match reader.read_to_end(&mut out) {
        Ok(_) if out.len() as u64 > MAX_INFLATED => Err(format!("{name} inflates to more than {} MB", MAX_INFLATED >> 20)),
        Ok(_) => Ok(out),
        Err(e) => Err(format!("{name} is not whole gzip data: {e}")),
    }
}
