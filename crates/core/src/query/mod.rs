//! The queries `check` needs as well as readers: what a filter shows
//! (`filter`) and the shortest paths between two entities (`paths`). A
//! story step names both, and its path must exist through its filter.

pub mod filter;
pub mod paths;
pub mod sort;
