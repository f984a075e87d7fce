//! The other formats a map comes from or goes to: `import` (CSV, GEXF,
//! GraphML, JGF into the checker's records, then `check::resolve`),
//! `export` (GEXF, GraphML, Cytoscape JSON, CSV), `jgf` (JSON Graph Format
//! v2, both ways) and `write_toml` (`convert`'s writer). Native only.

pub mod export;
pub mod ftm;
pub mod import;
pub mod jgf;
pub mod write_toml;
