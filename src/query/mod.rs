//! Queries a reader asks of the map, over the validated dataset: search by
//! name, filters, as-of date, neighbourhoods and paths. Pure, tested natively;
//! the wasm facade only adapts them. Filters and paths live in the core
//! (`check` finds each story step's path through its step's filter with
//! them) and are re-exported here, so `query::paths` is the one path.

pub use alliance_map_core::query::{filter, paths, sort};
pub mod search;
