//! One sort for the code that ships to the browser. Every call site of the
//! standard sort is its own copy of the sorting code (kilobytes of wasm
//! each), so runtime code sorts `u32` indices through a `dyn` comparator
//! here: one copy, whatever is sorted.

use std::cmp::Ordering;

/// Sorts indices by `cmp` (unstable: give a total order for a deterministic result).
pub fn sort_indices(v: &mut [u32], cmp: &dyn Fn(u32, u32) -> Ordering) {
    v.sort_unstable_by(|a, b| cmp(*a, *b));
}
