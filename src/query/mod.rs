//! Queries a reader asks of the map, over the validated dataset: search by
//! name, filters, as-of date, neighbourhoods and paths. Pure, tested natively;
//! the wasm facade only adapts them.

pub mod filter;
pub mod paths;
pub mod search;
pub mod sort;
