//! One sort for the code that ships to the browser. Every call site of the
//! standard sort is its own copy of the sorting code (kilobytes of wasm
//! each), so runtime code sorts `u32` indices through a `dyn` comparator
//! here: one copy, whatever is sorted. And that copy is a heapsort of a
//! dozen lines, not the standard library's pattern-defeating quicksort
//! with its small-sort and pivot helpers (4 KB of the first frame's wasm):
//! O(n log n) in every case, in place, and the comparator's total order
//! makes its result deterministic.

use std::cmp::Ordering;

/// Sorts indices by `cmp` (unstable: give a total order for a deterministic result).
pub fn sort_indices(v: &mut [u32], cmp: &dyn Fn(u32, u32) -> Ordering) {
    for start in (0..v.len() / 2).rev() {
        sift_down(v, start, v.len(), cmp);
    }
    for end in (1..v.len()).rev() {
        v.swap(0, end);
        sift_down(v, 0, end, cmp);
    }
}

/// Restores the max-heap below `root` within `v[..end]`.
fn sift_down(v: &mut [u32], mut root: usize, end: usize, cmp: &dyn Fn(u32, u32) -> Ordering) {
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && cmp(v[child], v[child + 1]) == Ordering::Less {
            child += 1;
        }
        if cmp(v[root], v[child]) != Ordering::Less {
            return;
        }
        v.swap(root, child);
        root = child;
    }
}

#[cfg(test)]
mod tests {
    use super::sort_indices;

    #[test]
    fn sorts_like_the_standard_sort() {
        let mut rng = crate::synth::Rng::new(5);
        for n in [0, 1, 2, 3, 10, 1000] {
            let keys: Vec<u32> = (0..n).map(|_| rng.below(50) as u32).collect();
            let by = |a: u32, b: u32| keys[a as usize].cmp(&keys[b as usize]).then(a.cmp(&b));
            let mut ours: Vec<u32> = (0..n as u32).collect();
            sort_indices(&mut ours, &by);
            let mut std: Vec<u32> = (0..n as u32).collect();
            std.sort_by(|&a, &b| by(a, b));
            assert_eq!(ours, std, "n = {n}");
        }
    }
}
